//! Linear mode on standard input and output: whole lines read (the
//! terminal's own line editing), lines written, nothing else. Lines are
//! read on a thread of their own, so that a kiosk's idle timer runs while
//! the patient is away, with no CPU meanwhile. The host journals each
//! answer and saves the summary as it does for the screen.

use std::io::{self, IsTerminal, Write};
use std::time::{Duration, Instant};

use super::Linear;
use super::lines::{Got, Lines};
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
            Ok(Got::Idle) => {
                let told = linear.tick(last_input.elapsed().as_secs());
                // The prompt's line waits for typing: the timer's words
                // start a line of their own, not "Your answer: Are you...".
                if !told.is_empty() {
                    gone |= writeln!(out).is_err();
                }
                told
            }
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
            lines.echo_back();
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
    let wipe = linear.wipe.take();
    let (before, after) = told_after.split_at(wipe.unwrap_or(0).min(told_after.len()));
    say(out, before)?;
    if wipe.is_some() {
        discard_typed_ahead();
        write!(out, "{WIPE}")?;
    }
    say(out, after)?;
    Ok((!told.is_empty() || !told_after.is_empty(), wipe.is_some()))
}

/// What the last patient typed without pressing Enter is still in the
/// terminal's line: thrown away, not handed to the next patient.
fn discard_typed_ahead() {
    if io::stdin().is_terminal() {
        // SAFETY: flushing a terminal's input queue touches no memory.
        unsafe { libc::tcflush(libc::STDIN_FILENO, libc::TCIFLUSH) };
    }
}

/// Home the cursor, clear the screen, then erase the scrollback: last, as
/// terminals such as tmux move a cleared screen into the scrollback.
const WIPE: &str = "\x1b[H\x1b[2J\x1b[3J";

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

/// At a kiosk Ctrl-C, Ctrl-\ and Ctrl-Z must not end or stop the program:
/// only the staff PIN does (the screen reads them as keys instead).
fn keep_keys_from_ending_the_kiosk() {
    for signal in [libc::SIGINT, libc::SIGQUIT, libc::SIGTSTP] {
        // SAFETY: ignoring a signal installs no handler code.
        unsafe { libc::signal(signal, libc::SIG_IGN) };
    }
}
