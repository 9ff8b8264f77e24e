//! `intake hash-pin`: a staff PIN read from standard input, printed as the
//! Argon2 hash a kiosk configuration's staff_pin_hash takes.

use std::io::IsTerminal;
use std::process::ExitCode;

use zeroize::Zeroizing;

/// Prints the Argon2 hash of a PIN. At a terminal the PIN is asked twice and
/// never echoed; from a pipe one line is read. Either way it stays out of the
/// shell's history.
pub fn run() -> Result<ExitCode, String> {
    let pin = if std::io::stdin().is_terminal() {
        let pin = read_hidden("Staff PIN: ", &mut std::io::stderr())?;
        if *read_hidden("The same PIN again: ", &mut std::io::stderr())? != *pin {
            return Err("intake: the two PINs differ; nothing was hashed".into());
        }
        pin
    } else {
        read_pin_line()?
    };
    if let Some(rule) = crate::kiosk::pin_problem(&pin) {
        return Err(format!("intake: {rule}"));
    }
    println!("{}", crate::kiosk::hash_pin(&pin));
    Ok(ExitCode::SUCCESS)
}

/// One line of standard input without its line ending, zeroed when dropped.
fn read_pin_line() -> Result<Zeroizing<String>, String> {
    // Room enough that reading never moves the PIN and leaves a copy behind.
    let mut line = Zeroizing::new(String::with_capacity(256));
    std::io::stdin()
        .read_line(&mut line)
        .map_err(|e| format!("intake: cannot read the PIN: {e}"))?;
    while line.ends_with(['\r', '\n']) {
        line.pop();
    }
    Ok(line)
}

/// Asks for a line at the terminal on standard input with echo off (the
/// Enter still shows, so the next prompt starts on a new line); the prompt
/// goes to `to`.
/// Turns the terminal's echo back on, as `read_hidden` does when its line
/// comes: for a hidden read that is still waiting when its reader gives up
/// on it (a kiosk's next patient must see what they type).
pub(crate) fn echo_on() {
    let fd = libc::STDIN_FILENO;
    let mut now = std::mem::MaybeUninit::<libc::termios>::uninit();
    // SAFETY: tcgetattr writes a whole termios when it returns 0, and only
    // then is it read and set back, with echo on.
    unsafe {
        if libc::tcgetattr(fd, now.as_mut_ptr()) == 0 {
            let mut now = now.assume_init();
            now.c_lflag |= libc::ECHO;
            libc::tcsetattr(fd, libc::TCSANOW, &now);
        }
    }
}

pub(crate) fn read_hidden(
    prompt: &str,
    to: &mut dyn std::io::Write,
) -> Result<Zeroizing<String>, String> {
    let fd = libc::STDIN_FILENO;
    let mut saved = std::mem::MaybeUninit::<libc::termios>::uninit();
    // SAFETY: tcgetattr writes a whole termios when it returns 0.
    if unsafe { libc::tcgetattr(fd, saved.as_mut_ptr()) } != 0 {
        return Err(format!("intake: {}", std::io::Error::last_os_error()));
    }
    // SAFETY: initialised by the successful tcgetattr above.
    let saved = unsafe { saved.assume_init() };
    let mut quiet = saved;
    quiet.c_lflag &= !libc::ECHO;
    quiet.c_lflag |= libc::ECHONL;
    // Echo goes off before the prompt shows, so nothing typed after it is
    // ever echoed; TCSANOW, so nothing typed ahead is thrown away.
    // SAFETY: a valid termios for the terminal it came from.
    unsafe { libc::tcsetattr(fd, libc::TCSANOW, &quiet) };
    let _ = write!(to, "{prompt}").and_then(|()| to.flush());
    let line = read_pin_line();
    // SAFETY: as above; echo comes back whatever the read gave.
    unsafe { libc::tcsetattr(fd, libc::TCSANOW, &saved) };
    line
}
