//! The real binary in a pseudo-terminal: what reaches the terminal when the
//! program is ended, so a patient never finds a broken terminal.

mod common;

use std::io::{Read, Write};
use std::process::Command;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use common::pty::Pty;
use intake::export::Format;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct Running {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    output: mpsc::Receiver<Vec<u8>>,
    /// Every byte the program wrote, for checking escape sequences.
    seen: Vec<u8>,
    /// The screen those bytes make, as a terminal would show it.
    screen: vt100::Parser,
    writer: Box<dyn Write + Send>,
}

/// A fresh state directory, so that no test sees another's autosave.
fn fresh_state(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("intake-pty-state-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

fn start(args: &[&str]) -> Running {
    let state = fresh_state(&format!("{:?}", thread::current().id()).replace(['(', ')'], ""));
    start_in(args, &state)
}

fn start_in(args: &[&str], state: &std::path::Path) -> Running {
    start_with(args, state, &[])
}

fn start_with(args: &[&str], state: &std::path::Path, env: &[(&str, &str)]) -> Running {
    let state_home = state.display().to_string();
    let data_home = state.join("data").display().to_string();
    // Plain use saves summaries under XDG_DATA_HOME: never the tester's own.
    let mut all = vec![
        ("XDG_STATE_HOME", state_home.as_str()),
        ("XDG_DATA_HOME", data_home.as_str()),
    ];
    all.extend_from_slice(env);
    let Pty {
        child,
        writer,
        output,
    } = common::pty::spawn(args, &all);
    Running {
        child,
        output,
        seen: Vec::new(),
        screen: vt100::Parser::new(30, 100, 0),
        writer,
    }
}

impl Running {
    /// Reads output until the screen shows `text` (frames are drawn as
    /// differences, so the text need not come in one piece).
    fn wait_for(&mut self, text: &str) {
        self.read_until(|r| r.screen.screen().contents().contains(text), text);
    }

    /// Reads output until `bytes` arrive, as they are (escape sequences).
    fn wait_for_bytes(&mut self, bytes: &[u8]) {
        self.read_until(
            |r| r.seen.windows(bytes.len()).any(|w| w == bytes),
            &format!("{bytes:?}"),
        );
    }

    fn read_until(&mut self, done: impl Fn(&Running) -> bool, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !done(self) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(bytes) => {
                    self.screen.process(&bytes);
                    self.seen.extend(bytes);
                }
                Err(_) => panic!(
                    "{what} did not appear; the screen is:\n{}",
                    self.screen.screen().contents()
                ),
            }
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the exit and returns the output since `from`.
    fn finish(&mut self, from: usize) -> (u32, String) {
        let status = self.child.wait().unwrap();
        while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(300)) {
            self.screen.process(&bytes);
            self.seen.extend(bytes);
        }
        (
            status.exit_code(),
            String::from_utf8_lossy(&self.seen[from..]).into_owned(),
        )
    }
}

const LEAVE_ALT_SCREEN: &str = "\x1b[?1049l";
const MOUSE_OFF: &str = "\x1b[?1000l";
const PASTE_OFF: &str = "\x1b[?2004l";

#[test]
fn sigterm_restores_the_terminal() {
    let mut p = start(&[]);
    p.wait_for("high contrast");
    let from = p.seen.len();
    let pid = p.child.process_id().unwrap();
    Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    let (code, tail) = p.finish(from);
    assert_eq!(code, 128 + 15);
    for seq in [LEAVE_ALT_SCREEN, MOUSE_OFF, PASTE_OFF] {
        assert!(tail.contains(seq), "{seq:?} missing from {tail:?}");
    }
}

#[test]
fn a_panic_restores_the_terminal_mouse_included() {
    // Test builds panic after the first frame when asked to.
    let state = fresh_state("panic");
    let mut p = start_with(&[], &state, &[("INTAKE_TEST_PANIC", "1")]);
    let (code, text) = p.finish(0);

    assert_eq!(code, 101);
    let after = text.rfind("Press Enter to start").expect("the first frame");
    for seq in [LEAVE_ALT_SCREEN, MOUSE_OFF, PASTE_OFF] {
        assert!(
            text[after..].contains(seq),
            "{seq:?} missing after the panic: {:?}",
            &text[after..]
        );
    }
    let _ = std::fs::remove_dir_all(state);
}

#[test]
fn leaving_by_keys_restores_the_terminal() {
    let mut p = start(&[]);
    p.wait_for("high contrast");
    p.send(b"\x1b"); // Esc asks first
    p.wait_for("Do you want to leave");
    let from = p.seen.len();
    p.send(b"y");
    let (code, tail) = p.finish(from);
    assert_eq!(code, 0);
    for seq in [LEAVE_ALT_SCREEN, MOUSE_OFF, PASTE_OFF] {
        assert!(tail.contains(seq), "{seq:?} missing from {tail:?}");
    }
}

/// Practice runs on the same runtime: its screens, its dialog, and the
/// terminal restored; without findings rules it goes to the debrief, and it
/// keeps no journal.
#[test]
fn practice_runs_on_the_one_runtime_without_rules_and_keeps_no_journal() {
    let state = fresh_state("practice");
    let tiny = ["-q", "tests/fixtures/tiny.ron"];
    let case = ["--case", "tests/fixtures/tiny-case.ron"];
    let mut p = start_in(&[&tiny[..], &["practice"], &case[..]].concat(), &state);
    p.wait_for("Practice interview: Test Patient");
    p.send(b"\r"); // begin
    p.wait_for("0 asked");
    // Without phrasings Enter opens the list of questions, at no cost.
    p.send(b"\r");
    p.wait_for("Questions");
    p.send(b"\r"); // ask the first question
    p.wait_for("1 asked");
    p.send(b"\x1b"); // Esc leaves the list for the text box
    p.wait_for("Your question");
    p.send(b"\x1b"); // Esc asks first, in the app's own dialog
    p.wait_for("Leave the practice interview?");
    p.send(b"n");
    p.send(b"\x1b[18~"); // F7: nothing to choose without rules, so why
    p.wait_for("Why? What points to it?");
    p.send(b"\r"); // the debrief
    p.wait_for("Score 85 of 100"); // no structure, no reasoning; the list is no hint without phrasings
    let from = p.seen.len();
    p.send(b"\x1b");
    let (code, tail) = p.finish(from);
    assert_eq!(code, 0);
    for seq in [LEAVE_ALT_SCREEN, MOUSE_OFF, PASTE_OFF] {
        assert!(tail.contains(seq), "{seq:?} missing from {tail:?}");
    }
    assert!(!state.join("intake").exists(), "no state directory");
}

#[test]
fn a_users_keymap_changes_the_keys_and_their_hints_and_a_bad_one_is_refused() {
    let dir = fresh_state("keymap");
    std::fs::create_dir_all(&dir).unwrap();
    let builtin = std::fs::read_to_string("assets/keymap.ron").unwrap();
    let keymap = dir.join("keys.ron");
    let f9 = builtin.replacen("keys: [\"Esc\"]", "keys: [\"F9\"]", 1);
    std::fs::write(&keymap, &f9).unwrap();
    let mut p = start_in(&["--keymap", keymap.to_str().unwrap()], &dir);
    p.wait_for("F9 leave");
    p.send(b"\x1b[20~"); // F9 now asks to leave
    p.wait_for("Do you want to leave");
    p.send(b"y");
    assert_eq!(p.finish(0).0, 0);

    let line = f9.lines().position(|l| l.contains("\"F9\"")).unwrap() + 1;
    std::fs::write(&keymap, f9.replacen("\"F9\"", "\"F99\"", 1)).unwrap();
    let mut p = start_in(&["--keymap", keymap.to_str().unwrap()], &dir);
    let (code, out) = p.finish(0);
    assert_eq!(code, 1);
    assert!(
        out.contains(&format!("keys.ron:{line}:")) && out.contains("unknown key \"F99\""),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn frames_are_drawn_as_synchronized_updates() {
    let mut p = start(&[]);
    p.wait_for_bytes(b"\x1b[?2026l");
    let out = String::from_utf8_lossy(&p.seen).into_owned();
    let begin = out.find("\x1b[?2026h").expect("begin synchronized update");
    let end = out.rfind("\x1b[?2026l").expect("end synchronized update");
    let text = out.find("Press Enter to start").unwrap();
    assert!(begin < text && text < end);
    let pid = p.child.process_id().unwrap();
    Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    p.finish(0);
}

#[test]
fn plain_use_leaves_a_summary_and_never_offers_the_finished_session_again() {
    let state = fresh_state("plain");
    let mut p = start_in(&["--questionnaire", "tests/fixtures/tiny.ron"], &state);
    p.wait_for("Press Enter to start");
    p.send(b"\r");
    p.wait_for("How old are you?");
    p.send(b"57\r");
    p.wait_for("Is it getting worse?");
    p.send(b"n");
    p.wait_for("Check your answers");
    p.send(b"\x1b[F\r");
    let summaries = state.join("data/intake/summaries");
    p.wait_for("this summary is saved in");
    p.wait_for("data/intake/summaries");
    p.send(b"\r");
    let (code, _) = p.finish(0);
    assert_eq!(code, 0);
    let files: Vec<String> = std::fs::read_dir(&summaries)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files.len(), Format::ALL.len(), "{files:?}");
    assert!(files.iter().any(|f| f.ends_with(".md")));
    assert!(files.iter().any(|f| f.ends_with(".html")));
    // The next start offers nothing to continue.
    let mut p = start_in(&["--questionnaire", "tests/fixtures/tiny.ron"], &state);
    p.wait_for("Press Enter to start");
    assert!(!p.screen.screen().contents().contains("Continue"));
    p.send(b"\x1b");
    p.wait_for("Do you want to leave");
    p.send(b"y");
    assert_eq!(p.finish(0).0, 0);
}

#[test]
fn a_questionnaire_with_mistakes_is_refused_on_the_terminal_before_any_question() {
    // The welcome screen shows from the file's head while the whole is
    // checked: the mistake still ends the program, terminal restored.
    let mut p = start(&["--questionnaire", "tests/invalid/duplicate_item_id.ron"]);
    let (code, out) = p.finish(0);
    assert_eq!(code, 1);
    assert!(
        out.contains("duplicate_item_id.ron:10:22: duplicate id"),
        "{out}"
    );
    let left = out
        .find(LEAVE_ALT_SCREEN)
        .expect("the screen was shown, then left");
    assert!(
        out[left..].contains("duplicate id"),
        "told after the screen is gone"
    );
}

/// A questionnaire given through a pipe is read once: its head for the
/// welcome and its whole on a thread come from the same text (reading the
/// pipe again found it empty and refused the file).
#[test]
fn a_questionnaire_from_a_pipe_is_read_once() {
    let dir = std::env::temp_dir().join(format!("intake-pty-fifo-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let fifo = dir.join("q.ron");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let (from, to) = (
        std::path::PathBuf::from("tests/fixtures/tiny.ron"),
        fifo.clone(),
    );
    let writer = std::thread::spawn(move || {
        let text = std::fs::read(from).unwrap();
        let mut pipe = std::fs::OpenOptions::new().write(true).open(to).unwrap();
        pipe.write_all(&text).unwrap();
    });
    let mut p = start(&["--questionnaire", fifo.to_str().unwrap()]);
    p.wait_for("Press Enter to start");
    p.send(b"\r");
    p.wait_for("How old are you?");
    writer.join().unwrap();
    p.send(b"\x1b");
    p.wait_for("Do you want to leave");
    p.send(b"y");
    let (code, _) = p.finish(0);
    assert_eq!(code, 0);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn finishing_saves_the_summary_privately_in_the_export_dir() {
    use std::os::unix::fs::MetadataExt;
    let dir = std::env::temp_dir().join(format!("intake-pty-export-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut p = start(&[
        "--questionnaire",
        "tests/fixtures/tiny.ron",
        "--export-dir",
        dir.to_str().unwrap(),
    ]);
    p.wait_for("Press Enter to start");
    p.send(b"\r");
    p.wait_for("How old are you?");
    p.send(b"57\r");
    p.wait_for("Is it getting worse?");
    p.send(b"n");
    p.wait_for("Check your answers");
    p.send(b"\x1b[F"); // End: the Finish row
    p.send(b"\r");
    p.wait_for("Your summary");
    p.wait_for("this summary is saved in");
    p.send(b"\r"); // Done saves, then leaves
    let (code, _) = p.finish(0);
    assert_eq!(code, 0);
    assert_eq!(std::fs::metadata(&dir).unwrap().mode() & 0o777, 0o700);
    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), Format::ALL.len(), "{files:?}");
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.starts_with("intake-summary-"),
            "{name}: no patient data in the name"
        );
        assert_eq!(
            std::fs::metadata(f).unwrap().mode() & 0o777,
            0o600,
            "{name}"
        );
    }
    let md = files
        .iter()
        .find(|f| f.extension().is_some_and(|e| e == "md"))
        .unwrap();
    assert!(
        std::fs::read_to_string(md)
            .unwrap()
            .contains("| How old are you? | 57 years |")
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A tick is drawn before its journal record is synced (that sync took
/// milliseconds at every key), but written before the frame: a SIGKILL
/// while the tick is on screen keeps it. The program holds each frame a
/// while (a test build's hook), so the kill lands before anything after
/// the frame could write the record.
#[test]
fn a_change_within_a_screen_is_journaled_before_its_frame() {
    if !cfg!(debug_assertions) {
        return; // The hold is in test builds only: without it this proves nothing.
    }
    let (state, mut p) = at_symptoms_with("tick", &[("INTAKE_TEST_HOLD_AFTER_DRAW", "400")]);
    p.send(b" "); // lower back
    p.wait_for("[x]");
    kill(&p, "-KILL");
    p.finish(0);
    let journal = state.join("intake/session.journal");
    let replayed = intake::journal::replay(&journal).unwrap().unwrap();
    assert_eq!(
        replayed.session.get("main_area"),
        Some(&intake::answers::Answer::Choices(
            ["low_back".into()].into()
        ))
    );
}

/// The built-in questionnaire in a fresh state directory, aged 63, at the
/// question of where the symptoms are.
fn at_symptoms(name: &str) -> (std::path::PathBuf, Running) {
    at_symptoms_with(name, &[])
}

fn at_symptoms_with(name: &str, env: &[(&str, &str)]) -> (std::path::PathBuf, Running) {
    let state = fresh_state(name);
    let mut p = start_with(&[], &state, env);
    p.wait_for("Press Enter to start");
    p.send(b"\r");
    p.wait_for("How old are you?");
    p.send(b"63\r");
    p.wait_for("Where are the symptoms");
    (state, p)
}

fn kill(p: &Running, signal: &str) {
    let pid = p.child.process_id().unwrap();
    Command::new("kill")
        .args([signal, &pid.to_string()])
        .status()
        .unwrap();
}

/// Every byte the program wrote since it started, as far as `text` on screen.
fn bytes_until(term: &str, more: &[(&str, &str)], args: &[&str], text: &str) -> Vec<u8> {
    let mut env = vec![("TERM", term)];
    env.extend_from_slice(more);
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let run = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let mut p = start_with(args, &fresh_state(&format!("glyphs-{run}")), &env);
    p.wait_for("Press Enter to start");
    p.send(b"\r");
    p.wait_for(text);
    kill(&p, "-TERM");
    p.finish(0);
    p.seen
}

#[test]
fn a_vt100_or_a_c_locale_gets_ascii_only() {
    // A UTF-8 terminal gets more than ASCII (the buttons' arrows).
    let xterm = bytes_until("xterm-256color", &[], &[], "How old are you?");
    assert!(!xterm.is_ascii());
    for (term, env) in [("vt100", vec![]), ("xterm-256color", vec![("LC_ALL", "C")])] {
        let seen = bytes_until(term, &env, &[], "How old are you?");
        let other = seen.iter().position(|b| !b.is_ascii());
        assert_eq!(
            other,
            None,
            "{term} {env:?}: {:?}",
            String::from_utf8_lossy(&seen)
        );
    }
}

#[test]
fn the_linux_console_gets_no_glyph_its_fonts_lack() {
    let args = ["--questionnaire", "tests/fixtures/body.ron"];
    let lacking = |seen: &[u8]| {
        let text = String::from_utf8_lossy(seen).into_owned();
        ['▀', '▄', '▓', '✓', '…']
            .into_iter()
            .filter(move |c| text.contains(*c))
    };
    let xterm = bytes_until("xterm-256color", &[], &args, "Nothing marked yet");
    // Elsewhere the figure has them: the console's has none.
    assert!(lacking(&xterm).count() > 0);
    let console = bytes_until("linux", &[], &args, "Nothing marked yet");
    assert_eq!(lacking(&console).collect::<Vec<_>>(), []);
}

#[test]
fn kill_9_loses_no_answer_and_the_next_start_offers_them_back() {
    let (state, mut p) = at_symptoms("kill9");
    p.send(b" jjjj \r"); // lower back and leg
    p.wait_for("How long have you had");
    p.send(b"5w\r");
    p.wait_for("How did it start?");
    p.send(b"jjjj\r"); // slowly
    p.wait_for("Before this time, have you ever had back or neck pain?");
    kill(&p, "-KILL");
    p.finish(0);

    // Every answer is in the journal on disk...
    let journal = state.join("intake/session.journal");
    let replayed = intake::journal::replay(&journal).unwrap().unwrap();
    let s = &replayed.session;
    assert_eq!(s.get("age"), Some(&intake::answers::Answer::Number(63.0)));
    assert_eq!(
        s.get("main_area"),
        Some(&intake::answers::Answer::Choices(
            ["leg".into(), "low_back".into()].into()
        ))
    );
    assert_eq!(
        s.get("duration"),
        Some(&intake::answers::Answer::Duration {
            amount: 5,
            unit: intake::answers::DurationUnit::Weeks
        })
    );
    assert_eq!(
        s.get("onset"),
        Some(&intake::answers::Answer::Choice("gradual".into()))
    );
    {
        use std::os::unix::fs::MetadataExt;
        assert_eq!(std::fs::metadata(&journal).unwrap().mode() & 0o777, 0o600);
        assert_eq!(
            std::fs::metadata(state.join("intake")).unwrap().mode() & 0o777,
            0o700
        );
    }

    // ...and the next start offers them back and continues where it stopped.
    let mut p = start_in(&[], &state);
    p.wait_for("(4 answers)?");
    p.send(b"y");
    p.wait_for("Before this time, have you ever had back or neck pain?");
    p.send(b"\x1b[D"); // back to the previous question: its answer is there
    p.wait_for("How did it start?");
    p.wait_for("(•) Slowly, over days or weeks");
    kill(&p, "-TERM");
    p.finish(0);
    std::fs::remove_dir_all(&state).unwrap();
}

fn kiosk_config(dir: &std::path::Path, idle: u64, warning: u64) -> std::path::PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join("kiosk.ron");
    let text = format!(
        "Kiosk(\n    export_dir: \"{}\",\n    state_dir: \"{}\",\n    idle_timeout_secs: {idle},\n    idle_warning_secs: {warning},\n    resume_window_secs: 900,\n    resume_check: \"age\",\n    on_emergency: [\"/bin/sh\", \"-c\", \"env > {}\"],\n    staff_pin_hash: \"{}\",\n)\n",
        dir.join("exports").display(),
        dir.join("state").display(),
        dir.join("paged").display(),
        intake::kiosk::hash_pin("2468"),
    );
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn at_a_kiosk_interrupt_keys_and_signals_do_not_end_the_program() {
    let dir = fresh_state("kiosk-signals");
    let config = kiosk_config(&dir, 300, 60);
    let mut p = start_in(&["--kiosk", config.to_str().unwrap()], &dir);
    p.wait_for("Press Enter to start");
    p.send(b"\r");
    p.wait_for("How old are you?");
    // Ctrl-C, Ctrl-Z and Ctrl-\ as keys, then as signals.
    p.send(b"\x03\x1a\x1c");
    for sig in ["-INT", "-QUIT", "-TSTP", "-USR1", "-USR2", "-ALRM", "-PIPE"] {
        kill(&p, sig);
    }
    std::thread::sleep(Duration::from_millis(300));
    // Still there, and still answering.
    p.send(b"71");
    p.wait_for("│71");
    p.send(b"\r");
    p.wait_for("Where are the symptoms");
    // Esc, start over: the answers go to staff and the next patient starts clean.
    p.send(b"\x1b");
    p.wait_for("Start over?");
    p.send(b"y");
    p.wait_for("Press Enter to start");
    assert!(
        !p.screen
            .screen()
            .contents()
            .contains("Where are the symptoms")
    );
    let exports: Vec<_> = std::fs::read_dir(dir.join("exports")).unwrap().collect();
    assert_eq!(
        exports.len(),
        Format::ALL.len(),
        "the unfinished summary is saved for staff"
    );
    // And the kiosk carries on with the next patient.
    p.send(b"\r");
    p.wait_for("How old are you?");
    // Staff leave with Ctrl-Q and the PIN.
    p.send(b"\x11");
    p.wait_for("Staff PIN");
    p.send(b"1111\r");
    p.wait_for("That PIN is not right.");
    p.leave_with_pin(b"2468");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn at_a_kiosk_the_idle_warning_counts_down_by_itself() {
    let dir = fresh_state("kiosk-idle");
    // The warning starts one second after the last key.
    let config = kiosk_config(&dir, 30, 29);
    let mut p = start_in(&["--kiosk", config.to_str().unwrap()], &dir);
    p.wait_for("Press Enter to start");
    p.send(b"\r");
    p.wait_for("How old are you?");
    p.wait_for("Are you still there?");
    p.wait_for("Starting over in 28 seconds");
    // Any key means the patient is there: it closes the warning and is not typed.
    p.send(b"x5");
    p.wait_for("│5");
    let pid = p.child.process_id().unwrap();
    Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    p.finish(0);
    std::fs::remove_dir_all(&dir).unwrap();
}

impl Running {
    /// A left click at a cell, as the terminal reports it (SGR mouse mode).
    fn click(&mut self, column: u16, row: u16) {
        let (c, r) = (column + 1, row + 1);
        self.send(format!("\x1b[<0;{c};{r}M\x1b[<0;{c};{r}m").as_bytes());
    }

    /// Clicks every button on the screen now (`[ ... ]`), waiting a moment
    /// after each; returns their labels.
    fn click_every_button(&mut self) -> Vec<String> {
        self.settle();
        let mut labels = Vec::new();
        let rows: Vec<String> = self.screen.screen().rows(0, 100).collect();
        for (row, line) in rows.iter().enumerate() {
            let mut rest = line.as_str();
            let mut col = 0;
            while let Some(open) = rest.find("[ ") {
                let Some(len) = rest[open..].find(" ]") else {
                    break;
                };
                let label = rest[open + 2..open + len].trim().to_string();
                let at = col + rest[..open].chars().count() as u16 + 2;
                labels.push(label);
                self.click(at, row as u16);
                thread::sleep(Duration::from_millis(60));
                self.assert_running("a click on a button");
                col = at + rest[open..open + len].chars().count() as u16;
                rest = &rest[open + len..];
            }
        }
        labels
    }

    /// Reads until the program has been quiet a moment: the frame is whole.
    fn settle(&mut self) {
        while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(150)) {
            self.screen.process(&bytes);
            self.seen.extend(bytes);
        }
    }

    /// Staff leave with Ctrl-Q and the PIN: the kiosk ends with status 0
    /// and the terminal restored.
    fn leave_with_pin(&mut self, pin: &[u8]) {
        self.send(b"\x11");
        self.wait_for("Staff PIN");
        let from = self.seen.len();
        self.send(&[pin, b"\r"].concat());
        let (code, tail) = self.finish(from);
        assert_eq!(code, 0);
        assert!(tail.contains(LEAVE_ALT_SCREEN));
    }

    /// Clicks the button `label` once the screen shows it.
    fn click_on(&mut self, label: &str) {
        let button = format!("[ {label} ]");
        self.wait_for(&button);
        self.settle();
        let (col, row) = find(self, &button);
        self.click(col + 2, row);
    }

    fn assert_running(&mut self, after: &str) {
        while let Ok(bytes) = self.output.try_recv() {
            self.screen.process(&bytes);
            self.seen.extend(bytes);
        }
        assert!(
            self.child.try_wait().unwrap().is_none(),
            "the kiosk ended after {after}; the screen was:\n{}",
            self.screen.screen().contents()
        );
    }

    /// Every key that leaves outside a kiosk, then "yes" to any dialog.
    fn try_every_way_out(&mut self) {
        for keys in [
            &b"\x1b"[..],
            b"y",
            b"\x03",
            b"y",
            b"\x1c",
            b"\x1a",
            b"q",
            b"y",
        ] {
            self.send(keys);
            // Whole frames between keys: Esc and y together would read as Alt-y.
            self.settle();
            self.assert_running(&format!("{keys:?}"));
        }
    }
}

/// Whether `needle` is anywhere in the writable memory of process `pid`.
fn in_memory(pid: u32, needle: &[u8]) -> bool {
    use std::io::{Seek, SeekFrom};
    let maps = std::fs::read_to_string(format!("/proc/{pid}/maps")).unwrap();
    let mut mem = std::fs::File::open(format!("/proc/{pid}/mem")).unwrap();
    maps.lines()
        .filter(|l| {
            l.split_whitespace()
                .nth(1)
                .is_some_and(|p| p.starts_with("rw"))
        })
        .any(|l| {
            let range = l.split_whitespace().next().unwrap();
            let (a, b) = range.split_once('-').unwrap();
            let (a, b) = (
                u64::from_str_radix(a, 16).unwrap(),
                u64::from_str_radix(b, 16).unwrap(),
            );
            let mut buf = vec![0; (b - a) as usize];
            mem.seek(SeekFrom::Start(a)).is_ok()
                && mem.read_exact(&mut buf).is_ok()
                && buf.windows(needle.len()).any(|w| w == needle)
        })
}

#[test]
fn at_a_kiosk_no_button_or_key_leaves_an_emergency_is_told_and_staff_leave_with_the_pin() {
    let dir = fresh_state("kiosk-mouse");
    let config = kiosk_config(&dir, 300, 60);
    // An unfinished session a moment old, stopped before the warning signs.
    let q = intake::content::questionnaire();
    let text = std::fs::read_to_string("examples/sessions/mechanical-low-back-pain.ron").unwrap();
    let mut earlier = intake::answers::Session::from_ron("ex", &text).unwrap();
    earlier.answers.remove("rf_bladder");
    earlier.answers.remove("anything_else");
    earlier.updated = intake::export::time::now();
    std::fs::create_dir_all(dir.join("state")).unwrap();
    intake::journal::Journal::create(&dir.join("state/session.journal"), &earlier).unwrap();
    drop(q);

    let mut p = start_in(&["--kiosk", config.to_str().unwrap()], &dir);
    // Whoever sits down is asked to prove the session is theirs.
    p.wait_for("Did you start this?");
    assert!(
        !p.screen.screen().contents().contains("29"),
        "nothing of the session shows"
    );
    p.send(b"29\r");
    p.wait_for("leaked urine without meaning to?");
    // An emergency answer: the very next screen is the alert, staff are paged.
    p.send(b"y");
    p.wait_for("Please get help now");
    p.wait_for_bytes(b"\x07");
    let deadline = Instant::now() + Duration::from_secs(5);
    let paged = loop {
        let text = std::fs::read_to_string(dir.join("paged")).unwrap_or_default();
        if text.contains("INTAKE_ALERT_TIME") || Instant::now() > deadline {
            break text;
        }
        thread::sleep(Duration::from_millis(50));
    };
    assert!(paged.contains("INTAKE_ALERT_LEVEL=emergency"), "{paged}");
    assert!(paged.contains("INTAKE_KIOSK_ID=kiosk"), "{paged}");
    // The command gets these and nothing of the patient's or the kiosk's.
    let names: Vec<&str> = paged.lines().filter_map(|l| l.split('=').next()).collect();
    assert!(
        names
            .iter()
            .all(|n| n.starts_with("INTAKE_") || ["PATH", "PWD", "SHLVL", "_"].contains(n)),
        "{paged}"
    );
    assert_eq!(p.click_every_button(), ["Go on ▶"]);
    p.wait_for("could not pass urine at all");

    // On through the answered questions to the last, where the patient types.
    for _ in 0..40 {
        if p.screen.screen().contents().contains("anything else") {
            break;
        }
        p.send(b"\r");
        thread::sleep(Duration::from_millis(30));
        p.assert_running("Enter");
    }
    p.wait_for("anything else");
    // Typed key by key, as a patient does.
    for c in "Quokka-Marmalade-4417".bytes() {
        p.send(&[c]);
        thread::sleep(Duration::from_millis(5));
    }
    p.wait_for("Quokka-Marmalade-4417");
    p.send(b"\r");
    p.wait_for("Check your answers");
    p.click_on("Finish ▶");
    p.wait_for("Your summary");
    // Review, then where Done was: the review's Finish, back to the summary.
    let labels = p.click_every_button();
    assert_eq!(labels, ["◀ Review", "Done"], "no way out among them");
    p.settle();
    p.wait_for("Your summary");
    p.click_on("Done");
    p.wait_for("Press Enter to start");

    // Nothing of the patient is left in the kiosk's memory.
    let pid = p.child.process_id().unwrap();
    assert!(
        !in_memory(pid, b"Quokka-Marmalade-4417"),
        "typed text outlived the wipe"
    );
    assert!(
        !in_memory(pid, b"Get back to the gym"),
        "an answer outlived the wipe"
    );

    // The next patient: every way out of normal mode, keys and buttons, on
    // the welcome screen, a question and the start-over dialog.
    p.try_every_way_out();
    assert_eq!(p.click_every_button(), ["Start ▶"]);
    p.wait_for("How old are you?");
    p.try_every_way_out();
    p.wait_for("Press Enter to start");
    p.send(b"\r");
    p.wait_for("How old are you?");
    p.send(b"40\x1b");
    p.wait_for("Start over?");
    let labels = p.click_every_button();
    assert!(
        labels.iter().any(|l| l.contains("Start over")),
        "{labels:?}"
    );
    assert!(!labels.iter().any(|l| l.contains("Leave")), "{labels:?}");
    // Start over, then the item's buttons where they were: Start again.
    p.wait_for("How old are you?");
    p.send(b"\x1b");
    p.wait_for("Start over?");
    p.send(b"y");
    p.wait_for("Press Enter to start");
    assert!(!p.screen.screen().contents().contains("Leave"));

    // The staff PIN dialog: clicks do nothing; the right PIN leaves.
    p.send(b"\x11");
    p.wait_for("Staff PIN");
    for row in 0..30 {
        p.click(50, row);
    }
    p.assert_running("clicks on the PIN dialog");
    p.leave_with_pin(b"2468");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// (column, row) of `text` on the screen.
fn find(p: &Running, text: &str) -> (u16, u16) {
    for (row, line) in p.screen.screen().rows(0, 100).enumerate() {
        if let Some(at) = line.find(text) {
            return (line[..at].chars().count() as u16, row as u16);
        }
    }
    panic!("{text} not on screen:\n{}", p.screen.screen().contents());
}

#[test]
fn sighup_restores_the_terminal_and_exits_129() {
    let mut p = start(&[]);
    p.wait_for("Press Enter to start");
    let from = p.seen.len();
    kill(&p, "-HUP");
    let (code, tail) = p.finish(from);
    assert_eq!(code, 128 + 1);
    for off in [LEAVE_ALT_SCREEN, MOUSE_OFF, PASTE_OFF] {
        assert!(tail.contains(off), "{off:?} missing from {tail:?}");
    }
}

/// Reads `reader` until the screen shows `text`; the program's output
/// stops then, so the read never blocks for long.
fn read_until_shown(reader: &mut dyn Read, text: &str) {
    let mut screen = vt100::Parser::new(30, 100, 0);
    let mut buf = [0; 8192];
    while !screen.screen().contents().contains(text) {
        let n = reader.read(&mut buf).unwrap();
        assert!(n > 0, "{text} never appeared");
        screen.process(&buf[..n]);
    }
}

fn pty() -> portable_pty::PtyPair {
    native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap()
}

/// Closing the window: the kernel hangs the terminal up and sends SIGHUP.
/// Writing to the dead terminal must not abort (it did: a failed restore
/// was reported with eprintln!, which panicked inside the panic hook).
#[test]
fn a_closed_terminal_ends_the_program_with_129_not_an_abort() {
    let state = fresh_state("closed");
    let pair = pty();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_intake"));
    // Whether espeak-ng is installed must not change what is drawn.
    cmd.env("INTAKE_SPEECH", "off");
    cmd.env("TERM", "xterm-256color");
    // A UTF-8 locale, whatever the tester's: the screens draw Unicode.
    cmd.env("LC_ALL", "C.UTF-8");
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    cmd.env("XDG_STATE_HOME", &state);
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    read_until_shown(&mut reader, "Press Enter to start");
    drop(reader);
    drop(pair.master);
    let status = child.wait().unwrap();
    assert_eq!(status.signal(), None, "killed by a signal: {status:?}");
    assert_eq!(status.exit_code(), 128 + 1);
    let _ = std::fs::remove_dir_all(&state);
}

/// Seconds of CPU a process has used, and whether it has ended (a zombie).
fn cpu_and_ended(pid: u32) -> (f64, bool) {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .unwrap()
        .1
        .split_whitespace()
        .collect();
    let ticks: u64 = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
    // The kernel's USER_HZ is 100 on Linux.
    (ticks as f64 / 100.0, fields[0] == "Z")
}

/// A terminal that vanishes without a SIGHUP reaching the program (not its
/// controlling terminal: a wrapper in a killed pane): the program ends, and
/// does not spin on the end of input meanwhile (it did, at 100% CPU).
#[test]
fn a_terminal_that_vanishes_without_sighup_ends_the_program_without_spinning() {
    let state = fresh_state("vanished");
    let pair = pty();
    let slave = pair.master.tty_name().unwrap();
    let open = || {
        std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&slave)
            .unwrap()
    };
    let mut child = Command::new(env!("CARGO_BIN_EXE_intake"))
        .env("TERM", "xterm-256color")
        .env("XDG_STATE_HOME", &state)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(open())
        .stdout(open())
        .stderr(open())
        .spawn()
        .unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    read_until_shown(&mut reader, "Press Enter to start");
    // Idle, it uses no CPU.
    let (before, _) = cpu_and_ended(child.id());
    thread::sleep(Duration::from_millis(1000));
    let (idle, _) = cpu_and_ended(child.id());
    assert!(
        idle - before < 0.1,
        "idle used {:.2} s of CPU",
        idle - before
    );
    drop(reader);
    drop(pair.master);
    let deadline = Instant::now() + Duration::from_secs(3);
    let (cpu, ended) = loop {
        let (cpu, ended) = cpu_and_ended(child.id());
        if ended || Instant::now() > deadline {
            break (cpu, ended);
        }
        thread::sleep(Duration::from_millis(50));
    };
    if !ended {
        child.kill().unwrap();
    }
    let status = child.wait().unwrap();
    assert!(ended, "still running 3 s after its terminal vanished");
    assert!(
        cpu - idle < 0.5,
        "used {:.2} s of CPU on its way out",
        cpu - idle
    );
    assert_eq!(status.code(), Some(128 + 1));
    let _ = std::fs::remove_dir_all(&state);
}
