//! Linear mode on standard input and output: whole lines read (the
//! terminal's own line editing), lines written, nothing else. Lines are
//! read on a thread of their own, so that a kiosk's idle timer runs while
//! the patient is away, with no CPU meanwhile. The host journals each
//! answer and saves the summary as it does for the screen.

use std::io::{self, BufRead, IsTerminal, Write};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use super::Linear;
use crate::tui::layout::wrap;
use crate::tui::{App, Host};

/// Runs the questionnaire as lines until the patient leaves, the input
/// ends, or (at a kiosk) staff leave with the PIN.
pub fn run(app: App, host: &mut Host) -> io::Result<()> {
    let kiosk = app.kiosk.is_some();
    if kiosk {
        keep_keys_from_ending_the_kiosk();
    }
    let mut linear = Linear::new(app);
    linear.pin_shows = !io::stdin().is_terminal();
    // Not locked for the whole run: the reader thread writes a PIN's prompt.
    let mut out = io::stdout();
    let mut lines = Lines::start();
    let opening = linear.start();
    host.apply_or_report(&mut linear.app);
    // Output that cannot be written is a terminal gone: as on the screen,
    // what was answered is kept (journal, summary), then the program ends.
    let mut gone = say(&mut out, &opening).is_err();
    let mut ends = 0u32;
    let mut last_input = Instant::now();
    while linear.running() && !gone {
        let wait = crate::tui::idle_wait(&linear.app, last_input);
        let told = match lines.next(&linear, &mut out, wait) {
            Ok(Got::Line(line)) => {
                (ends, last_input) = (0, Instant::now());
                linear.input(&line)
            }
            Ok(Got::Idle) => linear.tick(last_input.elapsed().as_secs()),
            // Ctrl-D on an empty line at a kiosk's terminal: not a way out,
            // only the PIN is; the terminal reads on after it. (One that
            // keeps ending is not spun on: a hang-up's signal ends it.)
            Ok(Got::End) if kiosk && io::stdin().is_terminal() => {
                ends += 1;
                if ends > 1 {
                    std::thread::sleep(Duration::from_secs(1));
                }
                continue;
            }
            Ok(Got::End) | Err(_) => break,
        };
        let (said, wiped) = tell(&mut linear, host, &mut out, &told).unwrap_or_else(|_| {
            gone = true;
            (false, false)
        });
        if wiped {
            last_input = Instant::now();
        }
        // Still waiting for the line asked for: its prompt again, after
        // what the timer said.
        if lines.asked && said && !linear.wants_secret() {
            gone |= write!(out, "{}", linear.prompt())
                .and_then(|()| out.flush())
                .is_err();
        }
    }
    host.finish_on_exit(&linear.app)
}

/// What was said back, once the host carried out the effects; then what
/// came of them. Whether anything was said, and whether the terminal was
/// wiped for the next patient.
fn tell(
    linear: &mut Linear,
    host: &mut Host,
    out: &mut impl Write,
    told: &[String],
) -> io::Result<(bool, bool)> {
    // The journal first: an answer is kept even if saying it fails.
    host.apply_or_report(&mut linear.app);
    let told_after = linear.after_host();
    say(out, told)?;
    // Nothing of one patient is shown to the next: at a kiosk the
    // terminal and its scrollback are cleared between them, the one
    // escape sequence linear mode writes.
    let wiped = std::mem::take(&mut linear.wipe);
    if wiped {
        write!(out, "{WIPE}")?;
    }
    say(out, &told_after)?;
    Ok((!told.is_empty() || !told_after.is_empty(), wiped))
}

/// Erase the scrollback, home the cursor, clear the screen.
const WIPE: &str = "\x1b[3J\x1b[H\x1b[2J";

/// Writes lines. Screen readers and braille displays read a terminal by
/// its rows, so a word the terminal cuts at its edge is heard as two
/// ("yo", "ur"): at a terminal, lines break between words at its width.
fn say(out: &mut impl Write, lines: &[String]) -> io::Result<()> {
    let width = io::stdout()
        .is_terminal()
        .then(|| crossterm::terminal::size().ok())
        .flatten()
        .map(|(columns, _)| usize::from(columns));
    for line in lines {
        match width {
            Some(w) => wrap(line, w)
                .iter()
                .try_for_each(|row| writeln!(out, "{row}"))?,
            None => writeln!(out, "{line}")?,
        }
    }
    out.flush()
}

/// A line typed (zeroized when dropped: it may be a PIN).
type Line = zeroize::Zeroizing<String>;

enum Got {
    Line(Line),
    /// The end of the input.
    End,
    /// The idle timer's wait ran out first.
    Idle,
}

/// Standard input, a line at a time on a thread of its own, each line
/// asked for once: the loop waits for it or for the idle timer.
struct Lines {
    /// Asks for a line: `Some(prompt)` for a secret read without echo.
    ask: mpsc::Sender<Option<String>>,
    got: mpsc::Receiver<io::Result<Option<Line>>>,
    /// A line is asked for and not yet come.
    asked: bool,
}

impl Lines {
    fn start() -> Lines {
        let (ask, asked) = mpsc::channel::<Option<String>>();
        let (give, got) = mpsc::channel();
        std::thread::spawn(move || {
            for secret in asked {
                if give.send(read(secret)).is_err() {
                    break;
                }
            }
        });
        Lines {
            ask,
            got,
            asked: false,
        }
    }

    /// The prompt and the line typed after it (asked for unless it is
    /// already), or the end of the input; `Idle` when `wait` runs out first.
    fn next(
        &mut self,
        linear: &Linear,
        out: &mut impl Write,
        wait: Option<Duration>,
    ) -> io::Result<Got> {
        if !self.asked {
            let secret = linear.wants_secret() && io::stdin().is_terminal();
            if !secret {
                write!(out, "{}", linear.prompt())?;
                out.flush()?;
            }
            let prompt = secret.then(|| linear.prompt().to_string());
            self.asked = self.ask.send(prompt).is_ok();
        }
        let got = match wait {
            None => self.got.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Some(wait) => self.got.recv_timeout(wait),
        };
        match got {
            Err(RecvTimeoutError::Timeout) => Ok(Got::Idle),
            // The reader is gone: nothing more can come.
            Err(RecvTimeoutError::Disconnected) => Ok(Got::End),
            Ok(line) => {
                self.asked = false;
                Ok(line?.map_or(Got::End, Got::Line))
            }
        }
    }
}

/// One line, or `None` at the end of the input; a secret (its prompt
/// given) without echo, at a terminal.
fn read(secret: Option<String>) -> io::Result<Option<Line>> {
    if let Some(prompt) = secret {
        let pin = crate::cli::hash_pin::read_hidden(&prompt, &mut io::stdout());
        return pin.map(Some).map_err(io::Error::other);
    }
    let mut bytes = zeroize::Zeroizing::new(Vec::with_capacity(256));
    if io::stdin().lock().read_until(b'\n', &mut bytes)? == 0 {
        return Ok(None);
    }
    // A keyboard or braille display in another encoding is asked again in
    // words (its line reads as no answer), never an error that ends.
    let line = String::from_utf8_lossy(&bytes).into_owned();
    Ok(Some(zeroize::Zeroizing::new(line)))
}

/// At a kiosk Ctrl-C, Ctrl-\ and Ctrl-Z must not end or stop the program:
/// only the staff PIN does (the screen reads them as keys instead).
fn keep_keys_from_ending_the_kiosk() {
    for signal in [libc::SIGINT, libc::SIGQUIT, libc::SIGTSTP] {
        // SAFETY: ignoring a signal installs no handler code.
        unsafe { libc::signal(signal, libc::SIG_IGN) };
    }
}
