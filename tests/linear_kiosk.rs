//! Linear mode at a kiosk, the real binary in a pseudo-terminal: only the
//! staff PIN leaves; the next patient starts on a wiped terminal (the one
//! escape sequence written) with nothing of the last one after it; a save
//! that fails is told, kept, and retried once the disk is fixed; the idle
//! warning is said while a line is awaited; Ctrl-D is no way out. And a
//! continued session with an emergency answered tells it at once.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use common::pty::Pty;

const PROMPT: &str = "Your answer: ";
const PIN_PROMPT: &str = "Staff PIN: ";
/// Erase the scrollback, home the cursor, clear the screen.
const WIPE: &str = "\x1b[H\x1b[2J\x1b[3J";
/// Patient 1's age, and the words typed into every text box.
const AGE: &str = "47";
const OWN_WORDS: &str = "Zebra crossing";
/// Typed by patient 1 after the last Enter, never sent.
const TYPED_AHEAD: &str = "Unsent words";

/// A patient at the real binary in linear mode: what it wrote, and how many
/// prompts were answered.
struct Patient {
    run: Pty,
    seen: Vec<u8>,
    typed: usize,
}

impl Patient {
    /// A kiosk whose idle timer warns `warning` seconds before it starts
    /// over at 30 seconds.
    fn kiosk(dir: &Path, warning: u64) -> Patient {
        let config = dir.join("kiosk.ron");
        let text = format!(
            "Kiosk(export_dir: \"{}\", state_dir: \"{}\", idle_timeout_secs: 30, idle_warning_secs: {warning}, resume_window_secs: 900, staff_pin_hash: \"{}\")",
            dir.join("out").display(),
            dir.join("state").display(),
            intake::kiosk::hash_pin("1357"),
        );
        std::fs::write(&config, text).unwrap();
        Patient::spawn(&["--kiosk", config.to_str().unwrap()])
    }

    /// Linear mode outside a kiosk, keeping its journal in `dir`.
    fn outside(dir: &Path) -> Patient {
        let state = dir.join("state");
        Patient::spawn(&["--state-dir", state.to_str().unwrap()])
    }

    fn spawn(args: &[&str]) -> Patient {
        Patient {
            run: common::pty::spawn(args, &[("INTAKE_LINEAR", "1")]),
            seen: Vec::new(),
            typed: 0,
        }
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.seen).into_owned()
    }

    fn prompts(&self) -> usize {
        let text = self.text();
        text.matches(PROMPT).count() + text.matches(PIN_PROMPT).count()
    }

    /// What was said since the last line typed, once its prompt is there.
    fn said(&mut self) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.prompts() <= self.typed {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.run.output.recv_timeout(left) {
                Ok(bytes) => self.seen.extend(bytes),
                Err(_) => panic!("no prompt; so far:\n{}", self.text()),
            }
        }
        let text = self.text();
        let last = text.rfind(PROMPT).into_iter().chain(text.rfind(PIN_PROMPT));
        let before = text[..last.max().unwrap()].to_string();
        let from = [PROMPT, PIN_PROMPT].map(|p| before.rfind(p).map_or(0, |i| i + p.len()));
        before[from.into_iter().max().unwrap()..].to_string()
    }

    /// What is said unasked (the timer's words) within `wait`, up to the
    /// prompt given again after it.
    fn said_within(&mut self, wait: Duration) -> String {
        let from = self.seen.len();
        let since = |seen: &[u8]| String::from_utf8_lossy(&seen[from..]).into_owned();
        let deadline = Instant::now() + wait;
        while !since(&self.seen).ends_with(PROMPT) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.run.output.recv_timeout(left) {
                Ok(bytes) => self.seen.extend(bytes),
                Err(_) => panic!("nothing said; so far:\n{}", self.text()),
            }
        }
        // The prompt given again is not a new question to answer.
        self.typed += 1;
        since(&self.seen)
    }

    fn type_line(&mut self, line: &str) {
        self.typed += 1;
        self.type_raw(&format!("{line}\r"));
    }

    /// Keys as typed: a line ends only where `\r` is.
    fn type_raw(&mut self, keys: &str) {
        self.run.writer.write_all(keys.as_bytes()).unwrap();
        self.run.writer.flush().unwrap();
    }

    /// Answers every question as a patient might, to the end of the
    /// summary, then presses Enter there, and types `ahead` after it
    /// without pressing Enter.
    fn whole_session(&mut self, ahead: &str) {
        let mut marked = false;
        for _ in 0..300 {
            let said = self.said();
            let line = answer(&said, &mut marked);
            if said.contains("End of your summary.") {
                // One write: what is typed ahead is in the terminal before
                // the program reads the Enter.
                self.typed += 1;
                return self.type_raw(&format!("{line}\r{ahead}"));
            }
            self.type_line(&line);
        }
        panic!("no summary after 300 lines:\n{}", self.text());
    }

    fn leaves_with_the_pin(&mut self) {
        self.said();
        self.type_line("quit");
        self.said();
        assert!(self.text().ends_with(PIN_PROMPT), "{}", self.text());
        self.type_line("0000");
        assert!(self.said().contains("That PIN is not right."));
        assert!(
            self.run.child.try_wait().unwrap().is_none(),
            "a wrong PIN left"
        );
        self.type_line("quit");
        self.said();
        self.type_line("1357");
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.run.child.try_wait().unwrap().is_none() {
            assert!(Instant::now() < deadline, "the PIN did not end the kiosk");
            thread::sleep(Duration::from_millis(50));
        }
    }
}

/// A patient's answer to what was just said: the question's own hint
/// tells which kind of answer it wants. No warning sign is raised.
fn answer(said: &str, marked: &mut bool) -> String {
    let has = |s: &str| said.contains(s);
    let line = if has("1. English") {
        "1"
    } else if has("Please check your answers:") {
        "done"
    } else if has("End of your summary.")
        || has("Press Enter when you are ready")
        || has("Press Enter to begin.")
    {
        ""
    } else if has("Parts of the body:") {
        if *marked { "done" } else { "4" }
    } else if has("Places in ") {
        "1"
    } else if has("What do you feel at ") {
        *marked = true;
        "1"
    } else if has("How old are you?") {
        AGE
    } else if has("Type one number") {
        "2"
    } else if has("Type the numbers of all that apply") {
        "1"
    } else if has("Type a number from 0 to 10.") {
        "5"
    } else if let Some((_, from)) = said.split_once("Type a number from ") {
        return from.split(' ').next().unwrap().to_string();
    } else if has("Type how long") {
        "3 weeks"
    } else if has("Type your answer, up to") {
        OWN_WORDS
    } else {
        ""
    };
    line.to_string()
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("intake-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_linear_kiosk_wipes_between_patients_retries_a_failed_save_and_needs_the_pin() {
    let dir = temp("linear-kiosk");
    let out = dir.join("out");
    let mut kiosk = Patient::kiosk(&dir, 20);
    // Patient 1 finishes, saved, typing on without Enter; then a wiped
    // terminal for patient 2, whose Ctrl-R (the terminal's "show the line
    // so far") shows nothing of what patient 1 typed.
    kiosk.whole_session(TYPED_AHEAD);
    let opening = kiosk.said();
    assert!(opening.contains("Press Enter to begin."), "{opening}");
    kiosk.type_raw("\x12");
    thread::sleep(Duration::from_millis(300));
    while let Ok(bytes) = kiosk.run.output.try_recv() {
        kiosk.seen.extend(bytes);
    }
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 4);
    let text = kiosk.text();
    let (_, after) = text.split_once(WIPE).expect("the terminal was wiped");
    for theirs in [
        format!("{AGE} years"),
        OWN_WORDS.to_string(),
        TYPED_AHEAD.to_string(),
    ] {
        assert!(text.contains(&theirs), "patient 1 never said {theirs}");
        assert!(
            !after.contains(&theirs),
            "{theirs} shown to the next patient"
        );
    }
    // Patient 2 finishes, but the export folder is now a file.
    std::fs::remove_dir_all(&out).unwrap();
    std::fs::write(&out, "").unwrap();
    kiosk.whole_session("");
    let told = kiosk.said();
    assert!(told.contains("Your answers could not be saved"), "{told}");
    assert!(told.contains("Please tell a member of staff."), "{told}");
    assert!(told.contains("Type retry to try again."), "{told}");
    // Staff fix it; retried, it is saved and patient 3 begins.
    std::fs::remove_file(&out).unwrap();
    kiosk.type_line("retry");
    assert!(kiosk.said().contains("Press Enter to begin."));
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 4);
    kiosk.leaves_with_the_pin();
    // The wipes are the only escape sequences in the whole stream.
    let text = kiosk.text();
    assert!(
        !text.replace(WIPE, "").contains('\x1b'),
        "another escape sequence"
    );
    assert!(text.matches(WIPE).count() >= 2);
    std::fs::remove_dir_all(dir).unwrap();
}

/// The idle timer runs while a line is awaited: its warning is said on its
/// own, once, and the prompt given again; Enter asks the question again.
#[test]
fn a_linear_kiosk_warns_when_idle_while_waiting_for_a_line() {
    let dir = temp("linear-kiosk-idle");
    // The warning after 1 s of 30.
    let mut kiosk = Patient::kiosk(&dir, 29);
    // No timer while the kiosk waits for a patient: Enter begins.
    assert!(kiosk.said().contains("Press Enter to begin."));
    kiosk.type_line("");
    assert!(kiosk.said().contains("How old are you?"));
    let warned = kiosk.said_within(Duration::from_secs(5));
    // On a line of its own, not after "Your answer: ".
    assert!(
        warned.starts_with("\r\nAre you still there? Press Enter to go on."),
        "{warned:?}"
    );
    assert!(kiosk.text().ends_with(PROMPT), "the prompt again after it");
    // Said once, though the timer counts on each second.
    thread::sleep(Duration::from_millis(2500));
    while let Ok(bytes) = kiosk.run.output.try_recv() {
        kiosk.seen.extend(bytes);
    }
    assert_eq!(kiosk.text().matches("Are you still there?").count(), 1);
    kiosk.type_line("");
    assert!(kiosk.said().contains("How old are you?"));
    kiosk.leaves_with_the_pin();
    std::fs::remove_dir_all(dir).unwrap();
}

/// An emergency answered before the program was killed is told at once
/// when the session is continued, before any question; the continued
/// session is asked about before the language.
#[test]
fn a_continued_emergency_is_told_at_once() {
    let dir = temp("linear-resume");
    let mut first = Patient::outside(&dir);
    let mut marked = false;
    loop {
        let said = first.said();
        if said.contains("could not pass urine at all?") {
            first.type_line("1");
            break;
        }
        first.type_line(&answer(&said, &mut marked));
    }
    assert!(first.said().contains("Please get help now"));
    first.run.child.kill().unwrap();
    first.run.child.wait().unwrap();
    let mut again = Patient::outside(&dir);
    let asked = again.said();
    assert!(asked.contains("Type yes or no."), "{asked}");
    assert!(!asked.contains("1. English"), "{asked}");
    again.type_line("yes");
    let told = again.said();
    let alert = told
        .find("Please get help now")
        .expect("the emergency told");
    let question = told.find("Question ").unwrap_or(usize::MAX);
    assert!(alert < question, "told after a question:\n{told}");
    again.run.child.kill().unwrap();
    std::fs::remove_dir_all(dir).unwrap();
}

/// At a kiosk, Ctrl-D (the end of input, at a terminal) is no way out:
/// only the staff PIN is.
#[test]
fn ctrl_d_never_leaves_a_kiosk() {
    let dir = temp("linear-kiosk-ctrl-d");
    let mut kiosk = Patient::kiosk(&dir, 20);
    kiosk.said();
    for _ in 0..3 {
        kiosk.run.writer.write_all(b"\x04").unwrap();
        kiosk.run.writer.flush().unwrap();
        thread::sleep(Duration::from_millis(300));
    }
    let running = kiosk.run.child.try_wait().unwrap().is_none();
    assert!(running, "Ctrl-D ended the kiosk");
    // Each end of input is given the prompt again: the fourth is awaited.
    kiosk.typed = 3;
    kiosk.said();
    kiosk.leaves_with_the_pin();
    std::fs::remove_dir_all(dir).unwrap();
}
