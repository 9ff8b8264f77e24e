//! Standard input read a line at a time on a thread of its own, so that
//! linear mode's loop waits for a line or for the kiosk's idle timer,
//! whichever comes first, using no CPU meanwhile.

use std::io::{self, BufRead, IsTerminal, Write};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use super::Linear;

/// A line typed (zeroized when dropped: it may be a PIN).
pub(super) type Line = zeroize::Zeroizing<String>;

pub(super) enum Got {
    Line(Line),
    /// The end of the input.
    End,
    /// The idle timer's wait ran out first.
    Idle,
}

/// Standard input, a line at a time on a thread of its own, each line
/// asked for once: the loop waits for it or for the idle timer.
pub(super) struct Lines {
    /// Asks for a line: `Some(prompt)` for a secret read without echo.
    ask: mpsc::Sender<Option<String>>,
    got: mpsc::Receiver<io::Result<Option<Line>>>,
    /// A line is asked for and not yet come.
    pub(super) asked: bool,
    /// That line is a secret, read without echo.
    secret: bool,
}

impl Lines {
    pub(super) fn start() -> Lines {
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
            secret: false,
        }
    }

    /// The prompt and the line typed after it (asked for unless it is
    /// already), or the end of the input; `Idle` when `wait` runs out first.
    pub(super) fn next(
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
            self.secret = secret;
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

    /// The next patient begins while a PIN is still being read: what they
    /// type is no secret, and must show as they type it.
    pub(super) fn echo_back(&self) {
        if self.asked && self.secret {
            crate::cli::hash_pin::echo_on();
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
