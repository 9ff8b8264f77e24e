//! The real binary in a pseudo-terminal: what reaches the terminal when the
//! program is ended, so a patient never finds a broken terminal.

use std::io::{Read, Write};
use std::process::Command;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct Running {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    output: mpsc::Receiver<Vec<u8>>,
    seen: Vec<u8>,
    writer: Box<dyn Write + Send>,
}

fn start(args: &[&str]) -> Running {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_intake"));
    cmd.args(args);
    cmd.env("TERM", "xterm-256color");
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    let child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let writer = pty.master.take_writer().unwrap();
    let (tx, output) = mpsc::channel();
    thread::spawn(move || {
        let _master = pty.master; // keep the pty open while reading
        let mut buf = [0; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    Running {
        child,
        output,
        seen: Vec::new(),
        writer,
    }
}

impl Running {
    /// Reads output until `text` has appeared (after what was seen before).
    fn wait_for(&mut self, text: &str) {
        let from = self.seen.len();
        let deadline = Instant::now() + Duration::from_secs(10);
        while !String::from_utf8_lossy(&self.seen[from..]).contains(text) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(bytes) => self.seen.extend(bytes),
                Err(_) => panic!(
                    "{text:?} did not appear; got {:?}",
                    String::from_utf8_lossy(&self.seen)
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

#[test]
fn frames_are_drawn_as_synchronized_updates() {
    let mut p = start(&[]);
    p.wait_for("\x1b[?2026l");
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
    p.send(b"\r"); // Done asks whether to leave
    p.wait_for("Do you want to leave");
    p.send(b"y");
    let (code, _) = p.finish(0);
    assert_eq!(code, 0);
    assert_eq!(std::fs::metadata(&dir).unwrap().mode() & 0o777, 0o700);
    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 3, "{files:?}");
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
            .contains("How old are you? **57 years**")
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
