//! The kiosk's background sender: a thread that delivers what is due,
//! then sleeps until the next Bundle is due or a new one is queued. The
//! patient's screen never waits on it, and it uses no CPU while it sleeps.
//! It prints nothing (the screen is the patient's); `intake outbox` tells
//! staff what waits and why.

use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use super::{Outbox, Server, deliver_due};

/// The longest the sender sleeps while Bundles wait: the clock may be set
/// back or the machine suspended, and a timed sleep knows neither.
const NAP: u64 = 5 * 60;

/// Wakes the sender when a Bundle is queued. Dropping it stops the sender
/// after its current try.
pub struct Waker(mpsc::Sender<()>);

impl Waker {
    pub fn wake(&self) {
        // A stopped sender leaves the Bundle queued for the next start.
        let _ = self.0.send(());
    }
}

/// Starts the sender for `outbox`, delivering to `server`; `clock` gives
/// the time (Unix seconds).
pub fn spawn(
    outbox: Outbox,
    server: Box<dyn Server + Send>,
    clock: fn() -> u64,
) -> std::io::Result<Waker> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name("outbox".into())
        .spawn(move || {
            loop {
                let now = clock();
                // Nothing is lost on a failure here: a Bundle leaves
                // `pending/` only once sent. A pass that could not read or
                // write the outbox is not repeated for a minute.
                let stuck = match deliver_due(&outbox, server.as_ref(), now, false) {
                    Ok(pass) => !pass.errors.is_empty(),
                    Err(_) => true,
                };
                let wait = match (stuck, outbox.next_due()) {
                    (true, _) | (_, Err(_)) => Some(60),
                    (false, Ok(Some(due))) => Some(due.saturating_sub(now).clamp(1, NAP)),
                    (false, Ok(None)) => None,
                };
                let woken = match wait {
                    Some(secs) => rx.recv_timeout(Duration::from_secs(secs)),
                    None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
                };
                if woken == Err(RecvTimeoutError::Disconnected) {
                    return;
                }
            }
        })?;
    Ok(Waker(tx))
}
