//! Linear mode on standard input and output: whole lines read (the
//! terminal's own line editing), lines written, nothing else. The host
//! journals each answer and saves the summary as it does for the screen.

use std::io::{self, BufRead, IsTerminal, Write};

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
    let mut out = io::stdout().lock();
    let opening = linear.start();
    host.apply_or_report(&mut linear.app);
    // Output that cannot be written is a terminal gone: as on the screen,
    // what was answered is kept (journal, summary), then the program ends.
    let mut gone = say(&mut out, &opening).is_err();
    let mut ends = 0u32;
    while linear.running() && !gone {
        let line = match read(&linear, &mut out) {
            Ok(Some(line)) => line,
            // Ctrl-D on an empty line at a kiosk's terminal: not a way out,
            // only the PIN is; the terminal reads on after it. (One that
            // keeps ending is not spun on: a hang-up's signal ends it.)
            Ok(None) if kiosk && io::stdin().is_terminal() => {
                ends += 1;
                if ends > 1 {
                    std::thread::sleep(std::time::Duration::from_secs(1));
                }
                continue;
            }
            Ok(None) | Err(_) => break,
        };
        ends = 0;
        let told = linear.input(&line);
        // The journal first: an answer is kept even if saying it fails.
        host.apply_or_report(&mut linear.app);
        let told_after = linear.after_host();
        gone = say(&mut out, &told).is_err();
        // Nothing of one patient is shown to the next: at a kiosk the
        // terminal and its scrollback are cleared between them, the one
        // escape sequence linear mode writes.
        if std::mem::take(&mut linear.wipe) {
            gone |= write!(out, "{WIPE}").and_then(|()| out.flush()).is_err();
        }
        gone |= say(&mut out, &told_after).is_err();
    }
    host.finish_on_exit(&linear.app)
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

/// The prompt, then one line typed after it, or `None` at the end of the
/// input; a secret without echo at a terminal. (Zeroized when dropped: it
/// may be a PIN.)
fn read(linear: &Linear, out: &mut impl Write) -> io::Result<Option<zeroize::Zeroizing<String>>> {
    if linear.wants_secret() && io::stdin().is_terminal() {
        let pin = crate::cli::hash_pin::read_hidden(linear.prompt(), out);
        return pin.map(Some).map_err(io::Error::other);
    }
    write!(out, "{}", linear.prompt())?;
    out.flush()?;
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
