//! Linear mode, the real binary in a pseudo-terminal: a whole session typed
//! line by line, compared with its golden transcript, and not one escape
//! sequence in what it wrote (nothing moves the cursor, clears or redraws).

mod common;

use std::io::Write;
use std::thread;
use std::time::{Duration, Instant};

use common::pty::Pty;

use common::linear::{TYPED, prompts, read_until};

/// The real binary in linear mode in a pseudo-terminal, with `args`.
fn start(args: &[&str]) -> Pty {
    common::pty::spawn(args, &[("INTAKE_LINEAR", "1")])
}

#[test]
fn a_whole_session_in_linear_mode_is_plain_lines() {
    let dir = std::env::temp_dir().join(format!("intake-linear-pty-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (state, out) = (dir.join("state"), dir.join("out"));
    let Pty {
        mut child,
        mut writer,
        output: rx,
    } = start(&[
        "--state-dir",
        state.to_str().unwrap(),
        "--export-dir",
        out.to_str().unwrap(),
    ]);
    let mut seen = Vec::new();
    // Each line is typed once its prompt is there, as a person would.
    for (n, line) in TYPED.iter().enumerate() {
        read_until(&rx, &mut seen, |s| prompts(s) > n);
        writer.write_all(format!("{line}\r").as_bytes()).unwrap();
        writer.flush().unwrap();
    }
    assert!(child.wait().unwrap().success());
    while let Ok(bytes) = rx.recv_timeout(Duration::from_millis(300)) {
        seen.extend(bytes);
    }
    // The bell of an emergency is allowed; no escape sequence of any kind.
    assert!(!seen.contains(&0x1b), "an escape sequence was written");
    let transcript = String::from_utf8(seen).unwrap().replace("\r\n", "\n");
    insta::assert_snapshot!(normalised(&transcript, &dir));
    // The summary is saved as the screen saves it, in every format.
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 4);
    std::fs::remove_dir_all(dir).unwrap();
}

/// The transcript without what changes from run to run: the folder and
/// the time in the saved files' names.
fn normalised(transcript: &str, dir: &std::path::Path) -> String {
    let text = transcript.replace(dir.to_str().unwrap(), "[DIR]");
    text.lines()
        .map(|l| match l.split_once("intake-summary-") {
            Some((head, tail)) => {
                let ext = tail.split_once('.').map_or("", |(_, e)| e);
                format!("{head}intake-summary-[TIME].{ext}")
            }
            None => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// At a kiosk, Ctrl-D (the end of input, at a terminal) is no way out:
/// only the staff PIN is.
#[test]
fn ctrl_d_never_leaves_a_kiosk() {
    let dir = std::env::temp_dir().join(format!("intake-linear-kiosk-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("kiosk.ron");
    let text = format!(
        "Kiosk(export_dir: \"{}\", state_dir: \"{}\", idle_timeout_secs: 120, idle_warning_secs: 30, resume_window_secs: 900, staff_pin_hash: \"{}\")",
        dir.join("out").display(),
        dir.join("state").display(),
        intake::kiosk::hash_pin("1357"),
    );
    std::fs::write(&config, text).unwrap();
    let mut run = start(&["--kiosk", config.to_str().unwrap()]);
    let mut seen = Vec::new();
    read_until(&run.output, &mut seen, |s| prompts(s) >= 1);
    for _ in 0..3 {
        run.writer.write_all(b"\x04").unwrap();
        run.writer.flush().unwrap();
        thread::sleep(Duration::from_millis(300));
    }
    assert!(
        run.child.try_wait().unwrap().is_none(),
        "Ctrl-D ended the kiosk"
    );
    // The PIN does.
    run.writer.write_all(b"quit\r").unwrap();
    run.writer.flush().unwrap();
    thread::sleep(Duration::from_millis(500));
    run.writer.write_all(b"1357\r").unwrap();
    run.writer.flush().unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while run.child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "the PIN did not end the kiosk");
        thread::sleep(Duration::from_millis(50));
    }
    std::fs::remove_dir_all(dir).unwrap();
}
