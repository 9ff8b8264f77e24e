//! The kiosk's background sender: a thread that delivers what is due,
//! then sleeps until the next Bundle is due or a new one is queued. The
//! patient's screen never waits on it, and it uses no CPU while it sleeps.
//! It prints nothing (the screen is the patient's); `intake outbox` tells
//! staff what waits and why.

use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use super::{Outbox, Server, deliver_due};

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
                // A failure to read or write the outbox is tried again later;
                // nothing is lost, since a Bundle leaves `pending/` only once sent.
                let _ = deliver_due(&outbox, server.as_ref(), now, false);
                let wait = match outbox.next_due() {
                    Ok(Some(due)) => Some(Duration::from_secs(due.saturating_sub(now).max(1))),
                    Ok(None) => None,
                    Err(_) => Some(Duration::from_secs(60)),
                };
                let woken = match wait {
                    Some(d) => rx.recv_timeout(d),
                    None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
                };
                if woken == Err(RecvTimeoutError::Disconnected) {
                    return;
                }
            }
        })?;
    Ok(Waker(tx))
}
