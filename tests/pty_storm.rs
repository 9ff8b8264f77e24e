//! A kiosk in a pseudo-terminal under heavy input: 100 KB pastes. It must
//! go on reading keys and leave cleanly with the staff PIN. (The random
//! storm of keys, clicks and resizes is in this file's history: it does not
//! pass reliably yet.)

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, MasterPty, PtySize, native_pty_system};

const PIN: &str = "2468";

/// Every kind of screen in a few items; a text field first, for the pastes.
const QUESTIONNAIRE: &str = r#"Questionnaire(
    id: "storm",
    title: "Storm",
    version: "1.0.0",
    language: "en",
    description: "Every kind of screen, for a storm of input.",
    sections: [
        Section(
            id: "all",
            title: "Everything",
            intro: "Every kind of screen.",
            items: [
                Item(id: "note", prompt: "Anything to tell us?", why: "A test.", kind: Text(max_len: 300)),
                Item(id: "body", prompt: "Where is it?", why: "A test.", kind: BodyMap),
                Item(id: "age", prompt: "How old are you?", why: "A test.", kind: Number(min: 16, max: 110, unit: "years")),
                Item(id: "pain", prompt: "How bad is it?", why: "A test.", kind: Scale(min: 0, max: 10, min_label: "none", max_label: "worst")),
                Item(id: "since", prompt: "Since when?", why: "A test.", kind: Duration(max_years: 50)),
                Item(id: "side", prompt: "Which side?", why: "A test.", kind: Side),
                Item(id: "more", prompt: "Tell us more.", why: "A test.", kind: Text(max_len: 500)),
            ],
        ),
    ],
)
"#;

fn kiosk_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("intake-storm-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(d.join("storm.ron"), QUESTIONNAIRE).unwrap();
    let config = format!(
        "Kiosk(export_dir: \"{}\", state_dir: \"{}\", idle_timeout_secs: 600, idle_warning_secs: 60, resume_window_secs: 900, staff_pin_hash: \"{}\")",
        d.join("exports").display(),
        d.join("state").display(),
        intake::kiosk::hash_pin(PIN),
    );
    std::fs::write(d.join("kiosk.ron"), config).unwrap();
    d
}

struct Kiosk {
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    output: mpsc::Receiver<Vec<u8>>,
    /// Lent to the thread that writes a storm, and given back after.
    writer: Option<Box<dyn Write + Send>>,
    screen: vt100::Parser,
    /// Every byte the program wrote since `mark`.
    seen: Vec<u8>,
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Kiosk {
    fn start(dir: &Path) -> Kiosk {
        let pair = native_pty_system().openpty(size(100, 30)).unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_intake"));
        cmd.args(["--kiosk", "kiosk.ron", "--questionnaire", "storm.ron"]);
        cmd.env("TERM", "xterm-256color");
        cmd.cwd(dir);
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = Some(pair.master.take_writer().unwrap());
        let (tx, output) = mpsc::channel();
        thread::spawn(move || {
            let mut buf = [0; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Kiosk {
            master: pair.master,
            child,
            output,
            writer,
            screen: vt100::Parser::new(30, 100, 0),
            seen: Vec::new(),
        }
    }

    /// Takes what the program wrote so far, without waiting.
    fn drain(&mut self) {
        while let Ok(bytes) = self.output.try_recv() {
            self.screen.process(&bytes);
            self.seen.extend(bytes);
        }
    }

    fn wait_for(&mut self, text: &str, within: Duration) -> bool {
        let deadline = Instant::now() + within;
        loop {
            if self.screen.screen().contents().contains(text) {
                return true;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(bytes) => {
                    self.screen.process(&bytes);
                    self.seen.extend(bytes);
                }
                Err(_) => return false,
            }
        }
    }

    /// Resizes the pty. The screen keeps its size (vt100 cannot follow a
    /// storm of sizes); the test reads it at 100 x 30 only.
    fn resize(&mut self, cols: u16, rows: u16) {
        self.master.resize(size(cols, rows)).unwrap();
    }

    /// Runs `writes` on a thread: a program that stops reading blocks the
    /// writer, which the deadline then tells.
    fn send_all(&mut self, writes: Vec<Step>, within: Duration) {
        let mut writer = self.writer.take().expect("one storm at a time");
        let (done, finished) = mpsc::channel();
        thread::spawn(move || {
            for step in writes {
                let Step::Bytes(b) = step;
                writer.write_all(&b).unwrap();
                writer.flush().unwrap();
            }
            let _ = done.send(writer);
        });
        let deadline = Instant::now() + within;
        loop {
            self.drain();
            match finished.recv_timeout(Duration::from_millis(5)) {
                Ok(writer) => {
                    self.writer = Some(writer);
                    return;
                }
                Err(mpsc::RecvTimeoutError::Timeout) if Instant::now() < deadline => {
                    assert!(
                        self.child.try_wait().unwrap().is_none(),
                        "the kiosk ended during the storm:\n{}",
                        self.screen.screen().contents()
                    );
                }
                Err(e) => {
                    // Whether it ended, and any panic message it wrote.
                    thread::sleep(Duration::from_secs(2));
                    self.drain();
                    let text = String::from_utf8_lossy(&self.seen);
                    let panic = text.find("panicked").map(|at| &text[at..]);
                    panic!(
                        "the kiosk stopped reading input ({e:?}); ended: {:?}; {panic:?}",
                        self.child.try_wait()
                    )
                }
            }
        }
    }
}

enum Step {
    Bytes(Vec<u8>),
}

/// A deterministic sequence of numbers below `n` (an LCG is enough here).
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// A bracketed paste of `len` bytes of text with some lines and wide letters.
fn paste(len: usize, dice: &mut Dice) -> Vec<u8> {
    let words = ["pain ", "numb ", "腰痛 ", "é ", "left leg\n", "x"];
    let mut text = String::new();
    while text.len() < len {
        text.push_str(words[dice.below(words.len() as u64) as usize]);
    }
    [b"\x1b[200~".as_slice(), text.as_bytes(), b"\x1b[201~"].concat()
}

const LEAVE_ALT_SCREEN: &str = "\x1b[?1049l";
const MOUSE_OFF: &str = "\x1b[?1000l";
const PASTE_OFF: &str = "\x1b[?2004l";

/// Staff leave: any dialog answered "no", then Ctrl-Q and the PIN. A debug
/// build may still be drawing the storm's frames: `catch_up` allows for it.
fn leave_with_pin(k: &mut Kiosk, catch_up: Duration) {
    // Back to the screen's size: a new size is drawn whole.
    k.resize(100, 30);
    k.send_all(vec![Step::Bytes(b"n\x11".to_vec())], Duration::from_secs(2));
    assert!(
        k.wait_for("Staff PIN", catch_up),
        "Ctrl-Q did not reach the kiosk:\n{}",
        k.screen.screen().contents()
    );
    k.send_all(vec![Step::Bytes(PIN.into())], Duration::from_secs(2));
    assert!(
        k.wait_for("Staff PIN: •••• ", Duration::from_secs(2)),
        "the PIN was not typed:\n{}",
        k.screen.screen().contents()
    );
    let from = k.seen.len();
    k.send_all(vec![Step::Bytes(b"\r".to_vec())], Duration::from_secs(2));
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = k.child.try_wait().unwrap() {
            break status;
        }
        k.drain();
        if Instant::now() > deadline {
            k.child.kill().unwrap();
            panic!(
                "the PIN did not end the kiosk:\n{}",
                k.screen.screen().contents()
            );
        }
        thread::sleep(Duration::from_millis(20));
    };
    while let Ok(bytes) = k.output.recv_timeout(Duration::from_millis(300)) {
        k.seen.extend(bytes);
    }
    assert_eq!(status.exit_code(), 0, "{status:?}");
    let tail = String::from_utf8_lossy(&k.seen[from..]);
    for off in [LEAVE_ALT_SCREEN, MOUSE_OFF, PASTE_OFF] {
        assert!(
            tail.contains(off),
            "{off:?} missing: the terminal was not restored"
        );
    }
}

#[test]
fn two_100_kb_pastes_into_a_text_field_leave_the_keys_working() {
    let dir = kiosk_dir("paste");
    let mut k = Kiosk::start(&dir);
    assert!(k.wait_for("Start", Duration::from_secs(10)));
    let mut dice = Dice(7);
    let pastes = [paste(100_000, &mut dice), paste(100_000, &mut dice)].concat();
    k.send_all(vec![Step::Bytes(b"\r".to_vec())], Duration::from_secs(5));
    assert!(k.wait_for("Anything to tell us?", Duration::from_secs(5)));
    let started = Instant::now();
    k.send_all(vec![Step::Bytes(pastes)], Duration::from_secs(5));
    // The field keeps what it can hold and says so.
    assert!(k.wait_for("300 of 300 characters", Duration::from_secs(2)));
    leave_with_pin(&mut k, Duration::from_secs(2));
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "keys took {:?} to work again",
        started.elapsed()
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
