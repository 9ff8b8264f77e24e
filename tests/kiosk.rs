//! Kiosk mode without a terminal: reset between patients, the idle timeout,
//! the keys that must not leave, resuming, and what reaches the disk.

mod common;

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use common::Harness;
use intake::answers::{Answer, Session};
use intake::export::Format;
use intake::journal;
use intake::kiosk::{KioskConfig, hash_pin};
use intake::tui::Host;
use intake::tui::app::{Dialog, Effect, Screen};
use intake::tui::message::Msg;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("intake-kiosk-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&d);
    d
}

fn config(d: &Path) -> KioskConfig {
    let text = format!(
        "Kiosk(export_dir: \"{}\", state_dir: \"{}\", idle_timeout_secs: 120, idle_warning_secs: 30, resume_window_secs: 900, resume_check: \"age\", staff_pin_hash: \"{}\")",
        d.join("exports").display(),
        d.join("state").display(),
        hash_pin("1357"),
    );
    KioskConfig::parse("kiosk.ron", &text).unwrap()
}

/// A kiosk app on TestBackend, configured to write under `d`.
fn kiosk_app(d: &Path) -> Harness {
    let mut h = Harness::new(80, 24);
    h.app.kiosk = Some(config(d));
    // A patient's session, with an id, as `intake run` starts it.
    h.app.session = Session::start(&h.app.questionnaire, 0);
    h
}

/// A kiosk app and the host that writes for it.
fn kiosk(d: &Path) -> (Harness, Host) {
    let c = config(d);
    let host = Host::new(&c.state_dir, Some(c.export_dir.clone())).unwrap();
    (kiosk_app(d), host)
}

fn files(d: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(d)
        .map(|r| {
            r.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Patient A answers a few things, with a name-like text that must not leak.
fn patient_a(h: &mut Harness, host: &mut Host) {
    h.enter();
    h.keys("47");
    h.enter();
    h.goto("goal");
    h.keys("Walk Rexford the dog");
    h.enter();
    host.apply(&mut h.app).unwrap();
}

#[test]
fn every_answer_is_journaled_as_it_is_given() {
    let d = dir("journal");
    let (mut h, mut host) = kiosk(&d);
    patient_a(&mut h, &mut host);
    let j = journal::replay(&d.join("state/session.journal"))
        .unwrap()
        .unwrap();
    assert_eq!(j.session.get("age"), Some(&Answer::Number(47.0)));
    assert_eq!(
        j.session.get("goal"),
        Some(&Answer::Text("Walk Rexford the dog".into()))
    );
    // A restart after a crash resumes the same session, id and all.
    assert_eq!(j.session.id, h.app.session.id);
    assert_eq!(j.session.id.len(), 32);
    fs::remove_dir_all(d).unwrap();
}

#[test]
fn after_the_summary_the_next_patient_sees_nothing_of_the_last() {
    let d = dir("reset");
    let (mut h, mut host) = kiosk(&d);
    patient_a(&mut h, &mut host);
    let a_id = h.app.session.id.clone();
    // Finish: straight to the summary (the missing answers do not matter here).
    h.app.screen = Screen::Summary;
    h.app.finished = true;
    assert!(h.screen().contains("Your summary"));
    h.enter(); // Done
    assert_eq!(h.app.effects, [Effect::Finished]);
    let wiped = host.apply(&mut h.app).unwrap();
    assert!(wiped);
    assert!(
        host.saved.is_empty(),
        "a kiosk keeps no list that grows with every patient"
    );
    h.terminal.clear().unwrap();
    let screen = h.screen();
    assert!(screen.contains("Press Enter to start"), "{screen}");
    assert!(
        !screen.contains("Rexford") && !screen.contains("47"),
        "{screen}"
    );
    // Nothing of A in memory either.
    assert!(
        h.app.session.answers.is_empty() && h.app.drafts.is_empty() && h.app.findings.is_none()
    );
    // B's session is a new one, with a new id for its FHIR response.
    assert_eq!(h.app.session.id.len(), 32);
    assert_ne!(h.app.session.id, a_id);
    // B walks to the goal question: an empty box.
    h.enter();
    h.goto("goal");
    assert!(!h.screen().contains("Rexford"));
    // The journal is gone, and A's summary is with the staff, private.
    assert!(!d.join("state/session.journal").exists());
    let saved = files(&d.join("exports"));
    assert_eq!(saved.len(), Format::ALL.len(), "{saved:?}");
    for f in &saved {
        assert!(f.starts_with("intake-summary-"), "{f}");
        assert_eq!(
            fs::metadata(d.join("exports").join(f)).unwrap().mode() & 0o777,
            0o600
        );
    }
    assert_eq!(
        fs::metadata(d.join("exports")).unwrap().mode() & 0o777,
        0o700
    );
    let md = fs::read_to_string(
        d.join("exports")
            .join(saved.iter().find(|f| f.ends_with(".md")).unwrap()),
    )
    .unwrap();
    assert!(md.contains("Walk Rexford the dog"));
    let fhir = saved.iter().find(|f| f.ends_with(".fhir.json")).unwrap();
    let fhir = fs::read_to_string(d.join("exports").join(fhir)).unwrap();
    assert!(fhir.contains(&format!("\"value\": \"{a_id}\"")), "{fhir}");
    fs::remove_dir_all(d).unwrap();
}

#[test]
fn idle_warns_counts_down_then_saves_as_unfinished_and_resets() {
    let d = dir("idle");
    let (mut h, mut host) = kiosk(&d);
    patient_a(&mut h, &mut host);
    h.app.update(Msg::Tick { idle: 60 });
    assert_eq!(h.app.dialog, None, "not yet");
    h.app.update(Msg::Tick { idle: 95 });
    assert_eq!(h.app.dialog, Some(Dialog::StillThere(25)));
    assert!(h.screen().contains("Starting over in 25 seconds"));
    // A key: still here, nothing lost.
    h.key(KeyCode::Char('x'));
    assert_eq!(h.app.dialog, None);
    assert_eq!(h.app.session.get("age"), Some(&Answer::Number(47.0)));
    h.app.update(Msg::Tick { idle: 120 });
    assert!(host.apply(&mut h.app).unwrap());
    assert_eq!(h.app.screen, Screen::Welcome);
    assert!(h.app.session.answers.is_empty());
    let saved = files(&d.join("exports"));
    assert!(
        saved.iter().all(|f| f.starts_with("intake-unfinished-")),
        "{saved:?}"
    );
    assert_eq!(saved.len(), Format::ALL.len());
    assert!(!d.join("state/session.journal").exists());
    // Nobody at the kiosk: no timer, no warning.
    h.app.update(Msg::Tick { idle: 10_000 });
    assert_eq!(h.app.dialog, None);
    assert!(h.app.effects.is_empty());
    fs::remove_dir_all(d).unwrap();
}

#[test]
fn interrupt_keys_do_nothing_and_esc_offers_to_start_over() {
    let d = dir("keys");
    let (mut h, mut host) = kiosk(&d);
    patient_a(&mut h, &mut host);
    for c in ['c', 'z', '\\'] {
        h.key_with(KeyCode::Char(c), KeyModifiers::CONTROL);
    }
    assert!(h.app.running() && h.app.dialog.is_none());
    h.key(KeyCode::Esc);
    assert_eq!(h.app.dialog, Some(Dialog::StartOver));
    assert!(
        h.screen().contains("[ Y  Start over ]"),
        "the button shows whole"
    );
    h.keys("y");
    assert_eq!(h.app.effects, [Effect::Abandoned]);
    assert!(host.apply(&mut h.app).unwrap());
    assert!(h.app.running());
    fs::remove_dir_all(d).unwrap();
}

#[test]
fn staff_leave_with_the_pin_only() {
    let d = dir("pin");
    let mut h = kiosk_app(&d);
    h.key_with(KeyCode::Char('q'), KeyModifiers::CONTROL);
    h.keys("1358");
    assert!(!h.screen().contains("1358"), "the PIN is never shown");
    h.enter();
    assert!(h.app.running());
    assert!(h.screen().contains("That PIN is not right."));
    h.key_with(KeyCode::Char('q'), KeyModifiers::CONTROL);
    h.keys("1357");
    h.enter();
    assert!(!h.app.running());
    let _ = fs::remove_dir_all(d);
}

#[test]
fn resuming_continues_at_the_first_open_question_and_declining_keeps_it_for_staff() {
    let d = dir("resume");
    let (mut h, mut host) = kiosk(&d);
    let q = h.app.questionnaire.clone();
    let mut earlier = Session::new(&q, 5);
    earlier.set(&q, "age", Answer::Number(70.0)).unwrap();
    h.app.offer_resume(earlier.clone());
    // The kiosk asks for the answer again, and shows none of the session.
    let screen = h.screen();
    assert!(screen.contains("How old are you?"), "{screen}");
    assert!(!screen.contains("70"), "{screen}");
    h.keys("y");
    assert_eq!(
        h.app.dialog,
        Some(Dialog::ConfirmOwner),
        "y is not a yes here"
    );
    h.key(KeyCode::Backspace);
    h.keys("70");
    h.enter();
    assert_eq!(h.current_id().as_deref(), Some("main_area"));
    assert_eq!(h.app.session.get("age"), Some(&Answer::Number(70.0)));

    // Somebody else: a wrong answer starts fresh; the session goes to staff.
    let mut h = kiosk_app(&d);
    h.app.offer_resume(earlier.clone());
    h.keys("71");
    h.enter();
    assert_eq!(h.app.screen, Screen::Welcome);
    assert!(
        h.screen()
            .contains("Not the answer given: a new questionnaire starts.")
    );
    assert_eq!(h.app.dialog, None);
    assert!(h.app.session.answers.is_empty());
    assert!(matches!(h.app.effects.as_slice(), [Effect::SetAside(_)]));
    // Esc, too.
    let mut h = kiosk_app(&d);
    h.app.offer_resume(earlier);
    h.key(KeyCode::Esc);
    assert_eq!(h.app.screen, Screen::Welcome);
    assert!(h.app.session.answers.is_empty());
    host.apply(&mut h.app).unwrap();
    assert!(
        files(&d.join("exports"))
            .iter()
            .any(|f| f.starts_with("intake-unfinished-"))
    );
    fs::remove_dir_all(d).unwrap();
}

#[test]
fn only_a_recent_session_is_offered_at_a_kiosk_and_an_old_one_is_never_shown() {
    let d = dir("window");
    let (mut h, mut host) = kiosk(&d);
    let q = h.app.questionnaire.clone();
    let mut earlier = Session::new(&q, 1_000);
    earlier.set(&q, "age", Answer::Number(70.0)).unwrap();
    earlier.updated = 1_000;
    // Within the 900-second window: offered, to its owner.
    h.app.consider_earlier(earlier.clone(), 1_000 + 900);
    assert_eq!(h.app.dialog, Some(Dialog::ConfirmOwner));
    // Without an answer to check, or without a check configured: never offered.
    let mut no_age = earlier.clone();
    no_age.answers.remove("age");
    no_age.set(&q, "goal", Answer::Text("walk".into())).unwrap();
    let mut h = kiosk_app(&d);
    h.app.consider_earlier(no_age, 1_000);
    assert_eq!(h.app.dialog, None);
    assert!(matches!(h.app.effects.as_slice(), [Effect::SetAside(_)]));
    let mut h = kiosk_app(&d);
    h.app.kiosk.as_mut().unwrap().resume_check = None;
    h.app.consider_earlier(earlier.clone(), 1_000);
    assert_eq!(h.app.dialog, None);
    // Older: set aside for staff, and nothing of it on screen.
    let mut h = kiosk_app(&d);
    h.app.consider_earlier(earlier.clone(), 1_000 + 901);
    assert_eq!(h.app.dialog, None);
    assert!(matches!(h.app.effects.as_slice(), [Effect::SetAside(_)]));
    assert!(!h.screen().contains("70"));
    host.apply(&mut h.app).unwrap();
    assert!(
        files(&d.join("exports"))
            .iter()
            .all(|f| f.starts_with("intake-unfinished-"))
    );
    // Another questionnaire's session is never offered either.
    let mut h = kiosk_app(&d);
    let mut other = earlier.clone();
    other.questionnaire = "another".into();
    h.app.consider_earlier(other, 1_000);
    assert_eq!(h.app.dialog, None);
    // Outside kiosk mode any age is offered, and stale answers are dropped.
    let mut h = Harness::new(80, 24);
    earlier
        .answers
        .insert("no_such_item".into(), Answer::YesNo(true));
    h.app.consider_earlier(earlier, 1_000_000);
    assert_eq!(h.app.dialog, Some(Dialog::Resume));
    assert!(
        !h.app
            .resume
            .as_ref()
            .unwrap()
            .answers
            .contains_key("no_such_item")
    );
    fs::remove_dir_all(d).unwrap();
}

#[test]
fn two_programs_cannot_share_a_state_directory() {
    let d = dir("lock");
    let first = Host::new(&d.join("state"), None).unwrap();
    let second = Host::new(&d.join("state"), None);
    assert!(second.is_err_and(|e| e.to_string().contains("another intake is running")));
    drop(first);
    assert!(
        Host::new(&d.join("state"), None).is_ok(),
        "free again once the first has ended"
    );
    fs::remove_dir_all(d).unwrap();
}

#[test]
fn a_disk_that_refuses_a_summary_is_told_on_screen_and_nothing_is_wiped() {
    let d = dir("diskfull");
    let (mut h, mut host) = kiosk(&d);
    patient_a(&mut h, &mut host);
    // The export directory becomes something that cannot take files.
    fs::remove_dir_all(d.join("exports")).unwrap();
    fs::write(d.join("exports"), b"not a directory").unwrap();
    h.app.screen = Screen::Summary;
    h.enter(); // Done
    assert!(!host.apply_or_report(&mut h.app));
    assert!(h.app.running());
    assert_eq!(
        h.app.session.get("age"),
        Some(&Answer::Number(47.0)),
        "nothing wiped"
    );
    assert!(
        d.join("state/session.journal").exists(),
        "the journal still holds the answers"
    );
    // Nothing of the patient on screen for whoever comes next: a call for staff.
    let screen = h.screen();
    assert!(screen.contains("Please ask a member of staff"), "{screen}");
    assert!(
        !screen.contains("Rexford") && !screen.contains("47"),
        "{screen}"
    );
    // Keys only try again; the idle timer does not spin on it.
    h.app.update(Msg::Tick { idle: 10_000 });
    assert!(h.app.effects.is_empty());
    // Should the kiosk now be restarted, the patient pressed Done: their
    // session goes to staff and is never offered to whoever comes next.
    let j = journal::replay(&d.join("state/session.journal"))
        .unwrap()
        .unwrap();
    assert!(j.closed);
    assert_eq!(j.session.get("age"), Some(&Answer::Number(47.0)));
    // Staff free the disk; the next key saves and wipes.
    fs::remove_file(d.join("exports")).unwrap();
    h.key(KeyCode::Char('x'));
    assert!(host.apply_or_report(&mut h.app), "wiped once saved");
    assert!(h.app.held.is_none() && h.app.session.answers.is_empty());
    assert_eq!(files(&d.join("exports")).len(), Format::ALL.len());
    fs::remove_dir_all(d).unwrap();
}

#[test]
fn a_disk_that_refuses_the_journal_never_stops_the_call_for_staff() {
    let d = dir("page");
    let (mut h, mut host) = kiosk(&d);
    let paged = d.join("paged");
    h.app.kiosk.as_mut().unwrap().on_emergency = Some(vec![
        "/bin/sh".into(),
        "-c".into(),
        format!("echo $INTAKE_ALERT_LEVEL > {}", paged.display()),
    ]);
    // The journal's place is taken by a directory: every journal write fails.
    fs::create_dir_all(d.join("state/session.journal/x")).unwrap();
    h.goto("rf_bladder");
    h.keys("y");
    assert!(matches!(
        h.app.effects.as_slice(),
        [Effect::Journal(_), Effect::Alert(_)]
    ));
    assert!(!host.apply_or_report(&mut h.app));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while fs::read_to_string(&paged).unwrap_or_default().trim() != "emergency" {
        assert!(
            std::time::Instant::now() < deadline,
            "staff were not called"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // And the staff log says so, with nothing of the patient's.
    let log = fs::read_to_string(d.join("state/staff.log")).unwrap();
    assert!(
        log.contains("an emergency warning sign was answered; on_emergency started"),
        "{log}"
    );
    assert!(log.contains("answers not saved ("), "{log}");
    assert!(!log.contains("bladder"), "{log}");
    fs::remove_dir_all(d).unwrap();
}

#[test]
fn a_patient_alone_at_a_kiosk_is_never_asked_to_walk_on_heels_or_tiptoes() {
    let d = dir("walk");
    let walking = |staff_present: bool| {
        let mut c = config(&d);
        c.staff_present = staff_present;
        let h = Harness::new(80, 24);
        let mut app = h.app.with_kiosk(c);
        let q = app.questionnaire.clone();
        let mut s = app.session.clone();
        s.set(&q, "leg_weak", Answer::YesNo(true)).unwrap();
        app.set_session(s);
        ["heel_walk", "toe_walk"].map(|id| app.enabled[q.index_of(id).unwrap()])
    };
    assert_eq!(walking(false), [false, false], "alone: never shown");
    assert_eq!(walking(true), [true, true], "staff beside the patient");
    // Outside a kiosk (someone at home, a clinician) they are asked as before.
    let mut h = Harness::new(80, 24);
    let q = h.app.questionnaire.clone();
    let mut s = h.app.session.clone();
    s.set(&q, "leg_weak", Answer::YesNo(true)).unwrap();
    h.app.set_session(s);
    assert!(h.app.enabled[q.index_of("heel_walk").unwrap()]);
    // A restarted kiosk keeps knowing the session was taken alone.
    let mut s = Session::new(&q, 1);
    s.unattended = true;
    let path = d.join("j");
    fs::create_dir_all(&d).unwrap();
    journal::Journal::create(&path, &s).unwrap();
    assert!(journal::replay(&path).unwrap().unwrap().session.unattended);
    let _ = fs::remove_dir_all(d);
}

#[test]
fn the_visit_code_is_asked_checked_kept_out_of_the_log_and_asked_again() {
    use intake::visit_code::{AskedOf, VisitCodeConfig};
    let d = dir("visit-code");
    let (mut h, mut host) = kiosk(&d);
    let code = VisitCodeConfig {
        asked_of: AskedOf::Patient,
        pattern: "AA9999".into(),
        may_skip: false,
    };
    h.app.kiosk.as_mut().unwrap().visit_code = Some(code);
    h.enter(); // Start: the code first.
    assert_eq!(h.app.dialog, Some(Dialog::VisitCode));
    insta::assert_snapshot!("visit_code_80x24", h.screen());
    // Empty (not skippable here) and wrong codes are refused, and said so.
    h.enter();
    h.keys("ab12");
    h.enter();
    assert_eq!(h.app.dialog, Some(Dialog::VisitCode));
    assert!(h.screen().contains("That code does not fit"));
    assert_eq!(h.app.session.visit_code, None);
    h.keys("ab 1234");
    h.enter();
    assert_eq!(h.app.dialog, None);
    assert!(matches!(h.app.screen, Screen::Item(_)));
    assert_eq!(h.app.session.visit_code.as_deref(), Some("AB1234"));
    // An answer starts the journal: its Start record keeps the code.
    h.keys("47");
    h.enter();
    host.apply(&mut h.app).unwrap();
    let j = journal::replay(&d.join("state/session.journal"))
        .unwrap()
        .unwrap();
    assert_eq!(j.session.visit_code.as_deref(), Some("AB1234"));
    // A wrong PIN writes the staff log: nothing of the code in it.
    h.key_with(KeyCode::Char('q'), KeyModifiers::CONTROL);
    h.keys("0000");
    h.enter();
    host.apply(&mut h.app).unwrap();
    let log = fs::read_to_string(d.join("state/staff.log")).unwrap();
    assert!(
        log.contains("wrong staff PIN") && !log.contains("AB1234"),
        "{log}"
    );
    // Start over: the next patient is asked again, with an empty box.
    h.key(KeyCode::Esc);
    assert_eq!(h.app.dialog, Some(Dialog::StartOver));
    h.keys("y");
    host.apply(&mut h.app).unwrap();
    assert_eq!(h.app.session.visit_code, None);
    h.enter();
    assert_eq!(h.app.dialog, Some(Dialog::VisitCode));
    assert!(!h.screen().contains("AB") && !h.screen().contains("1234"));
    // The saved summary carries the code in its JSON.
    let saved = files(&d.join("exports"));
    let json = saved
        .iter()
        .find(|f| f.ends_with(".json") && !f.ends_with(".fhir.json"));
    let json = fs::read_to_string(d.join("exports").join(json.unwrap())).unwrap();
    assert!(json.contains("\"visit_code\": \"AB1234\""), "{json}");
    fs::remove_dir_all(d).unwrap();
}

/// A kiosk that sends summaries to the clinic's records does not tell
/// patients their answers stay on the computer.
#[test]
fn the_welcome_says_where_answers_go() {
    let d = dir("privacy");
    let mut h = kiosk_app(&d);
    let words = &intake::text::Text::builtin().screen.welcome;
    let flat = |rows: Vec<String>| {
        rows.join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(flat(h.rows()).contains(&words.privacy));
    let mut k = config(&d);
    k.fhir_server = Some(intake::kiosk::FhirServerConfig {
        url: "https://fhir.clinic.test/r4".into(),
        token_file: None,
    });
    h.app.kiosk = Some(k);
    let screen = flat(h.rows());
    assert!(screen.contains(&words.privacy_sent), "{screen}");
    assert!(!screen.contains(&words.privacy));
}
