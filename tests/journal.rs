//! The autosave journal against what really happens to files: kills in the
//! middle of a rewrite, full disks, damaged bytes, CRLF, planted symlinks,
//! and `summarize` reading the same journals a restart reads.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use intake::answers::{Answer, Session};
use intake::content;
use intake::journal::{self, Journal, Record};

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("intake-jt-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&d);
    fs::create_dir_all(&d).unwrap();
    d
}

fn session(name: &str) -> Session {
    let path = format!("examples/sessions/{name}.ron");
    Session::from_ron(&path, &fs::read_to_string(&path).unwrap()).unwrap()
}

fn set(id: &str, answer: Answer, at: u64) -> Record {
    Record::Set {
        id: id.into(),
        answer,
        at,
    }
}

/// A journal of the L5 session plus two later answers, and its text.
fn journal_of_l5(d: &Path) -> (PathBuf, String) {
    let path = d.join("session.journal");
    let mut j = Journal::create(&path, &session("l5-radiculopathy-foot-drop")).unwrap();
    j.append(&set("age", Answer::Number(43.0), 2_000_000_000))
        .unwrap();
    j.append(&set(
        "goal",
        Answer::Text("Garden again".into()),
        2_000_000_001,
    ))
    .unwrap();
    let text = fs::read_to_string(&path).unwrap();
    (path, text)
}

fn intake(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_intake"))
        .args(args)
        .output()
        .unwrap()
}

fn summarize(path: &Path) -> Output {
    intake(&[
        "summarize",
        "--answers",
        path.to_str().unwrap(),
        "--format",
        "json",
    ])
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn rewriting_a_journal_never_empties_the_old_one_first() {
    let d = dir("rewrite");
    let (path, old) = journal_of_l5(&d);
    // A second name for the old file: if the rewrite truncated it in place,
    // a kill in that moment would have left nothing.
    let witness = d.join("witness");
    fs::hard_link(&path, &witness).unwrap();
    let resumed = journal::replay(&path).unwrap().unwrap().session;
    drop(Journal::create(&path, &resumed).unwrap());
    assert_eq!(fs::read_to_string(&witness).unwrap(), old);
    let again = journal::replay(&path).unwrap().unwrap().session;
    assert_eq!(again.answers, resumed.answers);
    let mut names: Vec<_> = fs::read_dir(&d)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["session.journal", "witness"],
        "no temporary file left"
    );
    fs::remove_dir_all(d).unwrap();
}

#[test]
fn a_damaged_line_is_skipped_and_every_later_line_kept() {
    let d = dir("damaged");
    let (path, text) = journal_of_l5(&d);
    let full = journal::replay(&path).unwrap().unwrap().session;
    // One flipped byte in the second line (the first answer).
    let mut bytes = text.into_bytes();
    let at = bytes.iter().position(|&b| b == b'\n').unwrap() + 12;
    bytes[at] ^= 0x20;
    fs::write(&path, &bytes).unwrap();
    let r = journal::replay(&path).unwrap().unwrap();
    assert_eq!(r.dropped, 1, "only the damaged line");
    assert_eq!(r.session.get("age"), Some(&Answer::Number(43.0)));
    assert_eq!(r.session.get("goal"), full.get("goal"));
    assert!(r.session.answers.len() + 1 >= full.answers.len());
    fs::remove_dir_all(d).unwrap();
}

#[test]
fn damaged_lines_found_at_a_restart_are_told_in_the_staff_log() {
    let d = dir("damaged-told");
    let (path, text) = journal_of_l5(&d);
    let host = intake::tui::Host::new(&d, None).unwrap();
    host.earlier().unwrap().unwrap();
    assert!(!d.join("staff.log").exists(), "nothing to tell");
    let torn = text.replacen("Garden again", "Garden agian", 1);
    fs::write(&path, torn).unwrap();
    assert_eq!(host.earlier().unwrap().unwrap().dropped, 1);
    let log = fs::read_to_string(d.join("staff.log")).unwrap();
    assert!(
        log.contains(
            ": the autosave journal had 1 torn or damaged line(s), skipped (the first at line "
        ),
        "{log}"
    );
    assert!(!log.contains("Garden"), "nothing of the patient's: {log}");
    fs::remove_dir_all(d).unwrap();
}

#[test]
fn crlf_line_ends_and_a_missing_last_newline_are_read() {
    let d = dir("crlf");
    let (path, text) = journal_of_l5(&d);
    let want = journal::replay(&path).unwrap().unwrap().session;
    fs::write(&path, text.replace('\n', "\r\n")).unwrap();
    let crlf = journal::replay(&path).unwrap().unwrap();
    assert_eq!(crlf.session, want);
    assert_eq!(crlf.dropped, 0);
    fs::write(&path, text.trim_end_matches('\n')).unwrap();
    let unended = journal::replay(&path).unwrap().unwrap();
    assert_eq!(unended.session, want);
    fs::remove_dir_all(d).unwrap();
}

#[test]
fn summarize_reads_a_journal_a_restart_reads() {
    let d = dir("summarize");
    let (path, text) = journal_of_l5(&d);
    // An answer that no longer fits (an item the questionnaire lost), a torn
    // line, and CRLF: a restart keeps the rest, and so must summarize.
    let body = r#"Set(id:"retired_item",answer:YesNo(true),at:2000000002)"#;
    let extra = format!("{:08x} {body}", crc32fast::hash(body.as_bytes()));
    let text = format!("{text}{extra}\n0badc0de Set(id:\"ag\r\n");
    fs::write(&path, text.replace('\n', "\r\n")).unwrap();
    let o = summarize(&path);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["answers"].as_array().unwrap().len() > 10);
    let n = text.lines().count();
    let name = path.display();
    let err = stderr(&o);
    assert!(
        err.contains(&format!("{name}:{}:1: ", n - 1)) && err.contains("retired_item"),
        "{err}"
    );
    assert!(err.contains(&format!("{name}:{n}:1: ")), "{err}");
    fs::remove_dir_all(d).unwrap();
}

#[test]
fn summarize_says_where_an_empty_or_startless_journal_fails() {
    let d = dir("empty");
    let path = d.join("session.journal");
    fs::write(&path, "").unwrap();
    let o = summarize(&path);
    assert!(!o.status.success());
    assert!(
        stderr(&o).starts_with(&format!("{}:1:1: ", path.display())),
        "{}",
        stderr(&o)
    );
    let (_, text) = journal_of_l5(&d);
    let startless: String = text.lines().skip(1).map(|l| format!("{l}\n")).collect();
    fs::write(&path, startless).unwrap();
    let o = summarize(&path);
    assert!(!o.status.success());
    assert!(
        stderr(&o).starts_with(&format!("{}:1:1: ", path.display())),
        "{}",
        stderr(&o)
    );
    fs::remove_dir_all(d).unwrap();
}

#[test]
fn summarize_reads_a_session_whose_first_line_has_a_dash() {
    let d = dir("dash");
    let path = d.join("l5.ron");
    let source = fs::read_to_string("examples/sessions/l5-radiculopathy-foot-drop.ron").unwrap();
    fs::write(&path, format!("// L5 – foot drop\n{source}")).unwrap();
    let o = summarize(&path);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    fs::remove_dir_all(d).unwrap();
}

#[test]
fn a_symlink_in_the_state_directory_is_never_followed() {
    let d = dir("symlink");
    let target = d.join("elsewhere.txt");
    fs::write(&target, "not the journal's to touch").unwrap();
    let state = d.join("state");
    fs::create_dir(&state).unwrap();
    std::os::unix::fs::symlink(&target, state.join("session.journal")).unwrap();
    let mut h = intake::tui::App::new(
        content::questionnaire(),
        Session::new(&content::questionnaire(), 1),
        intake::tui::theme::Theme::mono(),
        ratatui::layout::Rect::new(0, 0, 80, 24),
    );
    let mut host = intake::tui::Host::new(&state, None).unwrap();
    h.effects.push(intake::tui::app::Effect::Journal(set(
        "age",
        Answer::Number(50.0),
        2,
    )));
    host.apply(&mut h).unwrap();
    h.effects.push(intake::tui::app::Effect::Journal(set(
        "age",
        Answer::Number(51.0),
        3,
    )));
    host.apply(&mut h).unwrap();
    assert_eq!(
        fs::read_to_string(&target).unwrap(),
        "not the journal's to touch"
    );
    assert!(
        !fs::symlink_metadata(state.join("session.journal"))
            .unwrap()
            .is_symlink()
    );
    // Nor is a symlinked journal read at the next start.
    fs::remove_file(state.join("session.journal")).unwrap();
    std::os::unix::fs::symlink(&target, state.join("session.journal")).unwrap();
    assert!(host.earlier().is_err(), "a symlinked journal is refused");
    drop(host);
    // A planted lock file, and a state directory that is a symlink, are refused.
    fs::remove_file(state.join("lock")).unwrap();
    std::os::unix::fs::symlink(&target, state.join("lock")).unwrap();
    assert!(intake::tui::Host::new(&state, None).is_err());
    let real = d.join("real-state");
    fs::create_dir(&real).unwrap();
    let linked = d.join("linked-state");
    std::os::unix::fs::symlink(&real, &linked).unwrap();
    assert!(intake::tui::Host::new(&linked, None).is_err());
    assert!(intake::tui::Host::new(&state, Some(linked)).is_err());
    assert_eq!(
        fs::read_to_string(&target).unwrap(),
        "not the journal's to touch"
    );
    fs::remove_dir_all(d).unwrap();
}

#[test]
fn a_journal_a_restart_cannot_resume_is_set_aside_not_replaced() {
    let d = dir("aside");
    let (_, text) = journal_of_l5(&d);
    let state = d.join("state");
    let host = intake::tui::Host::new(&state, None).unwrap();
    // The Start line is damaged: the answers cannot be placed, but staff may
    // still recover them, so the next session must not write over them.
    let damaged = text.replacen("Start", "Stort", 1);
    fs::write(state.join("session.journal"), &damaged).unwrap();
    assert!(host.earlier().unwrap().is_none());
    assert!(!state.join("session.journal").exists());
    let aside: Vec<_> = fs::read_dir(&state)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("unreadable-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(fs::read_to_string(&aside[0]).unwrap(), damaged);
    fs::remove_dir_all(d).unwrap();
}
