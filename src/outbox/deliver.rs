//! One pass over the outbox: each Bundle that is due is offered to the
//! server; what it took moves aside, what failed waits longer each time.

use std::io;

use super::{Outbox, Tries};

/// Where Bundles go: a FHIR server (`http::FhirServer`), or a test's.
pub trait Server {
    /// Delivers one transaction Bundle; never twice: a Bundle the server
    /// already has is `AlreadyThere`, not sent again.
    fn deliver(&self, bundle: &[u8]) -> Result<Delivered, Failure>;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivered {
    /// The server took the transaction now.
    Created,
    /// An earlier try had reached the server (its answer was lost).
    AlreadyThere,
}

/// Why a try failed, for staff, and when to try again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub why: String,
    pub retry: Retry,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    /// The server could not be reached, or was busy or failing: soon, then
    /// less and less often (30 s, doubling, at most every 30 minutes).
    Soon,
    /// The server refused the Bundle, or the set-up is wrong (a token, a
    /// certificate): tried hourly, as staff may mend it, and listed by
    /// `intake outbox` meanwhile.
    Hourly,
}

impl Retry {
    /// Seconds to wait after the `attempts`th failure.
    pub fn delay(self, attempts: u32) -> u64 {
        match self {
            Retry::Soon => 30u64
                .saturating_mul(1 << attempts.saturating_sub(1).min(16))
                .min(30 * 60),
            Retry::Hourly => 60 * 60,
        }
    }
}

/// What became of one Bundle in a pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Delivered(Delivered),
    Failed(Tries),
}

/// Offers each Bundle due at `now` (every one with `all`) to `server`, in
/// the order they were queued. Returns each name tried and what came of
/// it; nothing if another process is sending from this outbox now.
pub fn deliver_due(
    outbox: &Outbox,
    server: &dyn Server,
    now: u64,
    all: bool,
) -> io::Result<Vec<(String, Outcome)>> {
    let Some(_lock) = outbox.lock()? else {
        return Ok(Vec::new());
    };
    let mut done = Vec::new();
    for w in outbox.waiting()? {
        if !all && w.tries.next > now {
            continue;
        }
        let bundle = match outbox.bundle(&w.name) {
            Ok(b) => b,
            // Sent by another process since the listing.
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        };
        let outcome = match server.deliver(&bundle) {
            Ok(d) => {
                outbox.delivered(&w.name)?;
                Outcome::Delivered(d)
            }
            Err(f) => Outcome::Failed(outbox.failed(&w.name, &f, now)?),
        };
        done.push((w.name, outcome));
    }
    Ok(done)
}
