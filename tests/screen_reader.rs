//! Linear mode heard through a real screen reader. Fenrir (Debian's
//! `fenrir`, installed by tools/screen-reader/install) runs as a terminal
//! emulator around the real binary, reads the screen as it changes, as it
//! would for a blind patient, and speaks through a small program that writes
//! down each utterance instead of sounding it. The whole linear session is
//! typed, each answer once the reader has gone quiet, as a patient who
//! listens to the end would; then every line the program wrote must have
//! been spoken whole (no word cut at the edge of the screen) and in order.

mod common;

use std::fs;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::linear::{TYPED, prompts, read_until};
use common::pty::{Pty, spawn_program};

const FENRIR: &str = "/usr/bin/fenrir";
/// Fenrir's own settings for running in a terminal, as Debian ships them.
const SETTINGS: &str = "/etc/fenrirscreenreader/settings/settings-pty.conf";

#[test]
fn a_screen_reader_speaks_every_line_whole_and_in_order() {
    install();
    let dir = std::env::temp_dir().join(format!("intake-screen-reader-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let spoken = dir.join("spoken");
    let Pty {
        mut child,
        mut writer,
        output: rx,
    } = spawn_program(FENRIR, &["-e", "-s", SETTINGS, "-o", &options(&dir)], &[]);
    let mut seen = Vec::new();
    for (n, line) in TYPED.iter().enumerate() {
        read_until(&rx, &mut seen, |s| prompts(s) > n);
        quiet(&spoken);
        writer.write_all(format!("{line}\r").as_bytes()).unwrap();
        writer.flush().unwrap();
    }
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "the screen reader did not end");
        std::thread::sleep(Duration::from_millis(50));
    }
    while let Ok(bytes) = rx.recv_timeout(Duration::from_millis(300)) {
        seen.extend(bytes);
    }
    // The reader passes the program's lines through to its terminal.
    let written = String::from_utf8_lossy(&seen).replace('\r', "");
    let heard = words(&fs::read_to_string(&spoken).unwrap());
    let mut at = 0;
    for line in written.lines() {
        let said = words(line.strip_prefix(common::linear::PROMPT).unwrap_or(line));
        match find(&heard[at..], &said) {
            Some(i) => at += i + said.len(),
            None => panic!(
                "not heard whole, or out of order: {line:?}\nheard next: {:?}",
                &heard[at..heard.len().min(at + 40)]
            ),
        }
    }
    fs::remove_dir_all(dir).unwrap();
}

/// The reader's settings: speak through `speak` into `spoken`, run the
/// session, name no punctuation (so words compare), no sound, no speller.
fn options(dir: &Path) -> String {
    let speak = script(
        dir,
        "speak",
        "printf '%s\\n' \"$1\" >> \"$(dirname \"$0\")/spoken\"",
    );
    // The terminal stays a moment after the program ends, as a console
    // does: the reader ends with its shell, and would cut the last line.
    let session = script(
        dir,
        "session",
        &format!(
            "INTAKE_LINEAR=1 INTAKE_SPEECH=off {} --state-dir {d}/state --export-dir {d}/out\nsleep 2",
            env!("CARGO_BIN_EXE_intake"),
            d = dir.display()
        ),
    );
    [
        format!(
            "speech#genericSpeechCommand={} \"fenrirText\"",
            speak.display()
        ),
        format!("general#shell={}", session.display()),
        format!("general#debugFile={}", dir.join("fenrir.log").display()),
        "general#punctuationLevel=none".into(),
        "general#autoSpellCheck=False".into(),
        "sound#enabled=False".into(),
    ]
    .join(";")
}

fn script(dir: &Path, name: &str, body: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
    path
}

/// Waits until the reader has said nothing for a moment: it has finished.
fn quiet(spoken: &Path) {
    let size = || fs::metadata(spoken).map_or(0, |m| m.len());
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut last = (size(), Instant::now());
    while last.1.elapsed() < Duration::from_millis(300) {
        assert!(
            Instant::now() < deadline,
            "the screen reader never went quiet"
        );
        std::thread::sleep(Duration::from_millis(20));
        if size() != last.0 {
            last = (size(), Instant::now());
        }
    }
}

/// Words as heard: letters and digits, lower case; the pauses the reader
/// puts at each screen row and any punctuation fall away.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn find(heard: &[String], said: &[String]) -> Option<usize> {
    if said.is_empty() {
        return Some(0);
    }
    heard.windows(said.len()).position(|w| w == said)
}

/// The reader, installed by the project's script on first use.
fn install() {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tools/screen-reader/install");
    let ok = Command::new("bash").arg(script).status().unwrap().success();
    assert!(ok, "tools/screen-reader/install failed");
}
