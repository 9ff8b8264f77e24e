//! A kiosk in a pseudo-terminal under a storm: random keys, clicks (some at
//! column 0), drags, resizes sent while keys are being handled, and 100 KB
//! pastes. The kiosk must stay up throughout, still read keys, and leave
//! cleanly with the staff PIN. On a failure the kiosk's threads, stacks,
//! unread input and stderr are printed.

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
    dir: PathBuf,
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
        Kiosk::start_with(dir, &[])
    }

    fn start_with(dir: &Path, env: &[(&str, &str)]) -> Kiosk {
        let pair = native_pty_system().openpty(size(100, 30)).unwrap();
        // Through a shell only to keep the kiosk's stderr (a panic's message).
        let mut cmd = CommandBuilder::new("sh");
        // Whether espeak-ng is installed must not change what is drawn.
        cmd.env("INTAKE_SPEECH", "off");
        cmd.args([
            "-c",
            "exec \"$0\" --kiosk kiosk.ron --questionnaire storm.ron 2>stderr.txt",
            env!("CARGO_BIN_EXE_intake"),
        ]);
        cmd.env("TERM", "xterm-256color");
        // A UTF-8 locale, whatever the tester's: the screens draw Unicode.
        cmd.env("LC_ALL", "C.UTF-8");
        for (k, v) in env {
            cmd.env(k, v);
        }
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
            dir: dir.to_path_buf(),
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

    fn diagnose(&self) -> String {
        let pid = self.child.process_id().unwrap();
        let mut out = String::new();
        let tasks = std::fs::read_dir(format!("/proc/{pid}/task"))
            .map(|d| d.flatten().collect::<Vec<_>>())
            .unwrap_or_default();
        for t in tasks {
            let p = t.path();
            let r = |f: &str| std::fs::read_to_string(p.join(f)).unwrap_or_default();
            out += &format!(
                "task {:?} {} wchan={} stat={}\n{}\n",
                p.file_name(),
                r("comm").trim(),
                r("wchan"),
                r("stat"),
                r("stack")
            );
        }
        for _ in 0..2 {
            let bt = std::process::Command::new("gdb")
                .args([
                    "-p",
                    &pid.to_string(),
                    "-batch",
                    "-ex",
                    "thread apply 1 bt 30",
                ])
                .output()
                .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
                .unwrap_or_default();
            out += &bt;
            thread::sleep(Duration::from_secs(1));
        }
        out += &format!("unread input: {:?}\n", unread_input(pid));
        out += &format!(
            "fdinfo: {:?}\n",
            std::fs::read_to_string(format!("/proc/{pid}/fdinfo/0"))
        );
        out += &format!(
            "stderr: {:?}\n",
            std::fs::read_to_string(self.dir.join("stderr.txt"))
        );
        out
    }

    /// Waits until the kiosk has drawn nothing for half a second: it has
    /// handled what the storm left queued. Returns how long that took.
    fn wait_for_quiet(&mut self, within: Duration) -> Duration {
        let start = Instant::now();
        loop {
            match self.output.recv_timeout(Duration::from_millis(500)) {
                Ok(bytes) => {
                    self.screen.process(&bytes);
                    self.seen.extend(bytes);
                }
                Err(_) => return start.elapsed(),
            }
            assert!(
                start.elapsed() < within,
                "the kiosk was still drawing {within:?} after the storm"
            );
        }
    }

    /// The exit status, once the kiosk ends within `within` (else killed).
    fn wait_exit(&mut self, within: Duration) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + within;
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            self.drain();
            if Instant::now() > deadline {
                let diag = self.diagnose();
                self.child.kill().unwrap();
                panic!(
                    "the kiosk did not end:\n{}\n{diag}",
                    self.screen.screen().contents()
                );
            }
            thread::sleep(Duration::from_millis(20));
        };
        while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(300)) {
            self.seen.extend(bytes);
        }
        status
    }

    /// The program's last words, from `from` on, restore the terminal.
    fn assert_restored(&self, from: usize) {
        let tail = String::from_utf8_lossy(&self.seen[from..]);
        for off in [LEAVE_ALT_SCREEN, MOUSE_OFF, PASTE_OFF] {
            assert!(
                tail.contains(off),
                "{off:?} missing: the terminal was not restored"
            );
        }
    }

    /// Runs `writes` on a thread: a program that stops reading blocks the
    /// writer, which the deadline then tells.
    fn send_all(&mut self, writes: Vec<Step>, within: Duration) {
        let mut writer = self.writer.take().expect("one storm at a time");
        let (done, finished) = mpsc::channel();
        let (resize_tx, resizes) = mpsc::channel();
        thread::spawn(move || {
            for step in writes {
                match step {
                    Step::Bytes(b) => {
                        writer.write_all(&b).unwrap();
                        writer.flush().unwrap();
                    }
                    Step::Resize(c, r) => resize_tx.send((c, r)).unwrap(),
                    Step::Pause(ms) => thread::sleep(Duration::from_millis(ms)),
                }
            }
            let _ = done.send(writer);
        });
        let deadline = Instant::now() + within;
        loop {
            // Resizes go to the pty from here, as soon as the writer asks,
            // so they land while the keys just written are being handled.
            while let Ok((c, r)) = resizes.try_recv() {
                self.resize(c, r);
            }
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
                    let diag = self.diagnose();
                    panic!(
                        "the kiosk stopped reading input ({e:?}); ended: {:?}; {panic:?}\n{diag}",
                        self.child.try_wait()
                    )
                }
            }
        }
    }
}

enum Step {
    Bytes(Vec<u8>),
    Resize(u16, u16),
    Pause(u64),
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

/// Keys a patient could press, as the terminal sends them. Not Ctrl-Q: the
/// PIN dialog would swallow the storm.
const KEYS: &[&[u8]] = &[
    b"\x1b[A",
    b"\x1b[B",
    b"\x1b[C",
    b"\x1b[D",
    b"\r",
    b"\t",
    b"\x1b[Z",
    b"\x7f",
    b" ",
    b"y",
    b"n",
    b"p",
    b"x",
    b"m",
    b"f",
    b"c",
    b"1",
    b"0",
    b"7",
    b"w",
    b"d",
    b"\x1b[H",
    b"\x1b[F",
    b"\x1b[5~",
    b"\x1b[6~",
    b"\x1b[3~",
    b"\x1bOP",
    b"\x1bOQ",
    b"?",
    b"\x03",
    b"\x1a",
    b"\x1c",
    b"\x17",
    b"\x15",
    "é".as_bytes(),
    "腰".as_bytes(),
];

/// Rounds of 300 steps: about ten seconds of storm in a debug build.
const ROUNDS: usize = 40;

fn storm(dice: &mut Dice, steps: usize) -> Vec<Step> {
    let (mut cols, mut rows) = (100u64, 30u64);
    let mut out = Vec::new();
    for i in 0..steps {
        let mouse = |dice: &mut Dice, button: u64, end: char| {
            // Now and then at 0, which no terminal sends but a line can.
            let (x, y) = (dice.below(cols + 1), dice.below(rows + 1));
            Step::Bytes(format!("\x1b[<{button};{x};{y}{end}").into_bytes())
        };
        if i % 150 == 75 {
            out.push(Step::Bytes(paste(100_000, dice)));
            continue;
        }
        out.push(match dice.below(20) {
            0 | 1 => {
                (cols, rows) = (50 + dice.below(110), 15 + dice.below(40));
                Step::Resize(cols as u16, rows as u16)
            }
            2 => mouse(dice, 0, 'M'),
            3 => mouse(dice, 0, 'm'),
            4 => mouse(dice, 32, 'M'),
            5 => {
                let wheel = 64 + dice.below(2);
                mouse(dice, wheel, 'M')
            }
            // Esc then "no": at a kiosk Esc asks whether to start over.
            6 => Step::Bytes(b"\x1bn".to_vec()),
            7 => Step::Pause(dice.below(30)),
            _ => {
                let burst = 1 + dice.below(6);
                let keys = (0..burst).flat_map(|_| KEYS[dice.below(KEYS.len() as u64) as usize]);
                Step::Bytes(keys.copied().collect())
            }
        });
    }
    out
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
    pin_and_enter(k, catch_up);
}

/// After Ctrl-Q: the PIN dialog, the PIN and Enter end the kiosk with 0 and
/// the terminal restored.
fn pin_and_enter(k: &mut Kiosk, catch_up: Duration) {
    assert!(
        k.wait_for("Staff PIN", catch_up),
        "Ctrl-Q did not reach the kiosk:\n{}\n{}",
        k.screen.screen().contents(),
        k.diagnose()
    );
    k.send_all(vec![Step::Bytes(PIN.into())], Duration::from_secs(2));
    assert!(
        k.wait_for("Staff PIN: •••• ", Duration::from_secs(2)),
        "the PIN was not typed:\n{}",
        k.screen.screen().contents()
    );
    let from = k.seen.len();
    k.send_all(vec![Step::Bytes(b"\r".to_vec())], Duration::from_secs(2));
    let status = k.wait_exit(Duration::from_secs(10));
    assert_eq!(status.exit_code(), 0, "{status:?}");
    k.assert_restored(from);
}

#[test]
fn a_kiosk_survives_a_storm_of_keys_clicks_resizes_and_pastes() {
    let dir = kiosk_dir("storm");
    let mut k = Kiosk::start(&dir);
    assert!(k.wait_for("Start", Duration::from_secs(10)));
    // The same storm every run; INTAKE_STORM_SEED asks for another.
    let seed = std::env::var("INTAKE_STORM_SEED").map_or(20261125, |s| s.parse().unwrap());
    let mut dice = Dice(seed);
    let start = Instant::now();
    // In rounds, so that a kiosk that stops reading is told within one.
    for round in 0..ROUNDS {
        let steps = storm(&mut dice, 300);
        k.send_all(steps, Duration::from_secs(20));
        assert!(
            k.child.try_wait().unwrap().is_none(),
            "the kiosk ended in round {round} (seed {seed})"
        );
    }
    let stormed = start.elapsed();
    let caught_up = k.wait_for_quiet(Duration::from_secs(30));
    eprintln!("seed {seed}: storm {stormed:?}, quiet {caught_up:?} later");
    leave_with_pin(&mut k, Duration::from_secs(10));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// crossterm waits for the terminal edge-triggered and returns after the
/// first key of a 1 KB read: with more than that waiting and nothing new
/// arriving, the rest (Ctrl-Q here) used to wait for ever.
#[test]
fn a_key_behind_4_kb_of_other_keys_is_read() {
    let dir = kiosk_dir("backlog");
    let mut k = Kiosk::start(&dir);
    assert!(k.wait_for("Start", Duration::from_secs(10)));
    // F12 means nothing here, so 800 of them (4,000 bytes) draw nothing.
    let keys = [b"\x1b[24~".repeat(800), b"\x11".to_vec()].concat();
    k.send_all(vec![Step::Bytes(keys)], Duration::from_secs(5));
    pin_and_enter(&mut k, Duration::from_secs(3));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// crossterm subtracts 1 from a mouse report's column and row unchecked: a
/// report at 0 panicked its reader, and the kiosk then waited for ever.
#[test]
fn a_mouse_report_at_column_0_leaves_the_keys_working() {
    let dir = kiosk_dir("mouse0");
    let mut k = Kiosk::start(&dir);
    assert!(k.wait_for("Start", Duration::from_secs(10)));
    for bad in [
        "\x1b[<0;0;0M",
        "\x1b[<0;0;5m",
        "\x1b[0;0;0M",
        "\x1b[M \x20\x20",
    ] {
        k.send_all(vec![Step::Bytes(bad.into())], Duration::from_secs(2));
        thread::sleep(Duration::from_millis(100));
    }
    k.send_all(vec![Step::Bytes(b"\x11".to_vec())], Duration::from_secs(2));
    pin_and_enter(&mut k, Duration::from_secs(3));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Keys that come faster than frames are drawn share a frame: a frame for
/// each fell ever further behind under a storm (9 s to catch up after 4 s).
#[test]
fn keys_queued_faster_than_frames_share_frames() {
    let dir = kiosk_dir("frames");
    let mut k = Kiosk::start(&dir);
    assert!(k.wait_for("Start", Duration::from_secs(10)));
    k.wait_for_quiet(Duration::from_secs(5));
    let from = k.seen.len();
    // Down on the welcome screen changes nothing, but each is handled.
    k.send_all(
        vec![Step::Bytes(b"\x1b[B".repeat(500))],
        Duration::from_secs(20),
    );
    k.wait_for_quiet(Duration::from_secs(20));
    let frames = count(&k.seen[from..], b"\x1b[?2026h");
    assert!(frames < 100, "{frames} frames for 500 keys");
    k.send_all(vec![Step::Bytes(b"\x11".to_vec())], Duration::from_secs(2));
    pin_and_enter(&mut k, Duration::from_secs(3));
    std::fs::remove_dir_all(&dir).unwrap();
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

/// However the input reader ends (here a panic on cue, as crossterm's parser
/// can panic), the kiosk ends with the terminal restored, for the service to
/// start it again, rather than wait for ever for keys.
#[test]
fn a_kiosk_whose_input_reader_dies_ends_with_the_terminal_restored() {
    let dir = kiosk_dir("reader");
    let mut k = Kiosk::start_with(&dir, &[("INTAKE_TEST_INPUT_PANIC", "1")]);
    assert!(k.wait_for("Start", Duration::from_secs(10)));
    let from = k.seen.len();
    k.send_all(vec![Step::Bytes(b"x".to_vec())], Duration::from_secs(2));
    let status = k.wait_exit(Duration::from_secs(5));
    assert_eq!(status.exit_code(), 129, "{status:?}");
    k.assert_restored(from);
    std::fs::remove_dir_all(&dir).unwrap();
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

/// Bytes waiting on the kiosk's terminal input, unread.
fn unread_input(pid: u32) -> Option<i32> {
    use std::os::fd::AsRawFd;
    use std::os::unix::fs::OpenOptionsExt;
    let tty = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOCTTY | libc::O_NONBLOCK)
        .open(format!("/proc/{pid}/fd/0"))
        .ok()?;
    let mut n: libc::c_int = 0;
    // SAFETY: FIONREAD writes one int to `n`.
    let r = unsafe { libc::ioctl(tty.as_raw_fd(), libc::FIONREAD, &mut n) };
    (r == 0).then_some(n)
}
