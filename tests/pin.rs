//! The staff PIN: any PIN `hash-pin` accepts can be typed at the kiosk, it is
//! never echoed or shown, wrong guesses are slowed down, and it leaves nothing
//! behind.

mod common;

use std::cell::Cell;
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::Harness;
use intake::kiosk::{KioskConfig, hash_pin};
use intake::tui::app::{Dialog, Effect};
use intake::tui::message::Msg;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

fn config(pin_hash: &str) -> KioskConfig {
    let text = format!(
        "Kiosk(export_dir: \"/nonexistent/e\", state_dir: \"/nonexistent/s\", idle_timeout_secs: 120, idle_warning_secs: 30, resume_window_secs: 900, staff_pin_hash: \"{pin_hash}\")"
    );
    KioskConfig::parse("kiosk.ron", &text).unwrap()
}

fn kiosk(pin: &str) -> Harness {
    let mut h = Harness::new(80, 24);
    h.app.kiosk = Some(config(&hash_pin(pin)));
    h.app.clock = now;
    h
}

thread_local!(static NOW: Cell<u64> = const { Cell::new(1_000_000) });

/// The test's clock: each test runs on its own thread.
fn now() -> u64 {
    NOW.with(Cell::get)
}

fn advance(secs: u64) {
    NOW.with(|c| c.set(c.get() + secs));
}

/// Ctrl-Q, the PIN typed key by key as a terminal sends it, Enter.
fn try_pin(h: &mut Harness, pin: &str) {
    h.key_with(KeyCode::Char('q'), KeyModifiers::CONTROL);
    for c in pin.chars() {
        let shift = if c.is_ascii_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        h.key_with(KeyCode::Char(c), shift);
    }
    h.enter();
}

/// A small deterministic generator (xorshift), so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A PIN of printable ASCII characters, with no space at either end.
    fn pin(&mut self) -> String {
        let len = 4 + self.below(61);
        let mut pin: String = (0..len)
            .map(|_| char::from(b' ' + self.below(95) as u8))
            .collect();
        let ends = |r: &mut Rng| char::from(b'!' + r.below(94) as u8);
        pin.replace_range(..1, &ends(self).to_string());
        pin.replace_range(len - 1.., &ends(self).to_string());
        pin
    }
}

#[test]
fn a_pin_with_capitals_symbols_and_spaces_can_be_typed() {
    for pin in ["Ab12", "9!x Q", "~`{}[]|\\:;\"'<>,.?/@#$%^&*()_+-="] {
        let mut h = kiosk(pin);
        try_pin(&mut h, pin);
        assert!(!h.app.running(), "{pin:?} could not be typed");
    }
}

#[test]
fn every_pin_hash_pin_accepts_can_be_typed_and_is_accepted() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..60 {
        let pin = rng.pin();
        assert_eq!(intake::kiosk::pin_problem(&pin), None, "{pin:?}");
        let mut h = kiosk(&pin);
        try_pin(&mut h, &pin);
        assert!(!h.app.running(), "{pin:?} could not be typed");
        assert!(!h.screen().contains(&pin[..4]), "never shown");
    }
}

fn hash_pin_piped(input: &str) -> (bool, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_intake"))
        .arg("hash-pin")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn hash_pin_refuses_what_the_kiosk_could_not_take() {
    for bad in ["123\n", " 1234\n", "1234 \n", "12\t34\n", "12\u{7f}34\n"] {
        let (ok, out, err) = hash_pin_piped(bad);
        assert!(!ok && out.is_empty(), "{bad:?} accepted: {out}");
        assert!(err.contains("a PIN is 4 to 64"), "{bad:?}: {err}");
    }
    let (ok, _, err) = hash_pin_piped(&format!("{}\n", "7".repeat(65)));
    assert!(!ok && err.contains("a PIN is 4 to 64"), "{err}");
    let (ok, out, err) = hash_pin_piped("Ab 1!\n");
    assert!(ok, "{err}");
    assert!(config(out.trim()).pin_matches("Ab 1!"));
}

/// `intake hash-pin` in a pseudo-terminal, reading its output as it comes.
struct Tty {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    output: std::sync::mpsc::Receiver<Vec<u8>>,
    seen: String,
    writer: Box<dyn Write + Send>,
}

impl Tty {
    fn start() -> Tty {
        use portable_pty::{CommandBuilder, PtySize, native_pty_system};
        let pty = native_pty_system().openpty(PtySize::default()).unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_intake"));
        // Whether espeak-ng is installed must not change what is drawn.
        cmd.env("INTAKE_SPEECH", "off");
        cmd.arg("hash-pin");
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let (tx, output) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _master = pty.master;
            let mut buf = [0; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Tty {
            child,
            output,
            seen: String::new(),
            writer,
        }
    }

    /// Reads until `text` has appeared `times` times in all output so far.
    fn wait_for(&mut self, text: &str, times: usize) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.seen.matches(text).count() < times {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(b) => self.seen.push_str(&String::from_utf8_lossy(&b)),
                Err(_) => panic!("{text:?} did not appear:\n{}", self.seen),
            }
        }
    }

    fn send(&mut self, text: &str) {
        self.writer.write_all(text.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }
}

#[test]
fn at_a_terminal_hash_pin_asks_twice_and_never_echoes() {
    let mut t = Tty::start();
    t.wait_for("PIN", 1);
    t.send("Zq7 5\r");
    t.wait_for("again", 1);
    t.send("Zq7 5\r");
    t.wait_for("$argon2id$", 1);
    t.wait_for("\n", 3);
    assert!(t.child.wait().unwrap().success());
    assert!(!t.seen.contains("Zq7"), "the PIN was echoed:\n{}", t.seen);
    let hash = t
        .seen
        .lines()
        .find(|l| l.starts_with("$argon2id$"))
        .unwrap();
    assert!(config(hash.trim()).pin_matches("Zq7 5"));

    let mut t = Tty::start();
    t.wait_for("PIN", 1);
    t.send("2468\r");
    t.wait_for("again", 1);
    t.send("2469\r");
    t.wait_for("differ", 1);
    assert!(!t.child.wait().unwrap().success());
    assert!(!t.seen.contains("$argon2"));
}

#[test]
fn wrong_pins_are_slowed_down_and_logged_without_the_pin() {
    let mut h = kiosk("2580");
    for n in 1..=5 {
        try_pin(&mut h, "1111");
        assert!(h.app.running());
        let logs: Vec<_> = h
            .app
            .effects
            .drain(..)
            .filter_map(|e| match e {
                Effect::StaffLog(line) => Some(line),
                _ => None,
            })
            .collect();
        assert_eq!(logs.len(), 1, "{logs:?}");
        assert!(logs[0].contains(&format!("wrong staff PIN ({n} in a row)")));
        assert!(!logs[0].contains("1111") && !logs[0].contains("2580"));
    }
    // Locked: even the right PIN is not checked, and the dialog says why.
    try_pin(&mut h, "2580");
    assert!(h.app.running(), "locked out");
    assert!(
        h.screen().contains("try again in 30 seconds"),
        "{}",
        h.screen()
    );
    // Closing and opening the dialog does not reset the count.
    h.key(KeyCode::Esc);
    h.key_with(KeyCode::Char('q'), KeyModifiers::CONTROL);
    assert!(
        h.screen().contains("try again in 30 seconds"),
        "{}",
        h.screen()
    );
    h.key(KeyCode::Esc);
    advance(30);
    // A sixth wrong PIN: a longer wait.
    try_pin(&mut h, "1111");
    try_pin(&mut h, "2580");
    assert!(h.app.running());
    assert!(
        h.screen().contains("try again in 1 minute"),
        "{}",
        h.screen()
    );
    h.key(KeyCode::Esc);
    advance(60);
    try_pin(&mut h, "2580");
    assert!(!h.app.running(), "the right PIN after the wait");
}

#[test]
fn the_typed_pin_is_forgotten_when_the_dialog_closes() {
    let mut h = kiosk("2580");
    h.enter();
    h.keys("47"); // a patient is part way through
    h.key_with(KeyCode::Char('q'), KeyModifiers::CONTROL);
    h.keys("258");
    assert!(!h.app.pin.is_empty());
    h.key(KeyCode::Esc);
    assert!(h.app.pin.is_empty(), "Esc forgets it");
    h.key_with(KeyCode::Char('q'), KeyModifiers::CONTROL);
    h.keys("258");
    // Staff walk away: the idle warning takes the dialog's place.
    h.app.update(Msg::Tick { idle: 95 });
    assert_eq!(h.app.dialog, Some(Dialog::StillThere(25)));
    assert!(h.app.pin.is_empty(), "the idle warning forgets it");
}

#[test]
fn the_staff_log_is_private_and_never_followed_through_a_symlink() {
    use std::os::unix::fs::MetadataExt;
    let d = std::env::temp_dir().join(format!("intake-pin-log-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    let state = d.join("state");
    let mut host = intake::tui::Host::new(&state, None).unwrap();
    let mut h = kiosk("2580");
    try_pin(&mut h, "1111");
    try_pin(&mut h, "2222");
    host.apply(&mut h.app).unwrap();
    let log = std::fs::read_to_string(state.join("staff.log")).unwrap();
    assert_eq!(log.lines().count(), 2, "{log}");
    assert!(log.contains("wrong staff PIN (2 in a row)"), "{log}");
    assert!(!log.contains("1111") && !log.contains("2222"), "{log}");
    let mode = std::fs::metadata(state.join("staff.log")).unwrap().mode();
    assert_eq!(mode & 0o777, 0o600);
    // Someone swaps the log for a link to another file: it is not written.
    std::fs::remove_file(state.join("staff.log")).unwrap();
    std::fs::write(d.join("elsewhere"), "").unwrap();
    std::os::unix::fs::symlink(d.join("elsewhere"), state.join("staff.log")).unwrap();
    try_pin(&mut h, "3333");
    // Best effort: a log that cannot be written never stops the kiosk.
    host.apply(&mut h.app).unwrap();
    assert_eq!(std::fs::read_to_string(d.join("elsewhere")).unwrap(), "");
    std::fs::remove_dir_all(d).unwrap();
}
