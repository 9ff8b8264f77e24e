//! Linear mode on standard input and output: whole lines read (the
//! terminal's own line editing), lines written, nothing else. The host
//! journals each answer and saves the summary as it does for the screen.

use std::io::{self, BufRead, IsTerminal, Write};

use super::Linear;
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
    say(&mut out, &opening)?;
    host.apply_or_report(&mut linear.app);
    while linear.running() {
        let Some(line) = read(&linear, &mut out)? else {
            break;
        };
        let told = linear.input(&line);
        say(&mut out, &told)?;
        host.apply_or_report(&mut linear.app);
        let told = linear.after_host();
        say(&mut out, &told)?;
    }
    host.finish_on_exit(&linear.app)
}

fn say(out: &mut impl Write, lines: &[String]) -> io::Result<()> {
    for line in lines {
        writeln!(out, "{line}")?;
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
    let mut line = zeroize::Zeroizing::new(String::with_capacity(256));
    if io::stdin().lock().read_line(&mut line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line))
}

/// At a kiosk Ctrl-C, Ctrl-\ and Ctrl-Z must not end or stop the program:
/// only the staff PIN does (the screen reads them as keys instead).
fn keep_keys_from_ending_the_kiosk() {
    for signal in [libc::SIGINT, libc::SIGQUIT, libc::SIGTSTP] {
        // SAFETY: ignoring a signal installs no handler code.
        unsafe { libc::signal(signal, libc::SIG_IGN) };
    }
}
