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

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
            Retry::Hourly => MAX_WAIT,
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
/// it; nothing if another process is sending from this outbox now. Once the
/// server cannot be reached, the rest wait as the first one does, without
/// each trying the network in turn. A Bundle that cannot be read or moved
/// is skipped (and reported), never stopping the others.
pub fn deliver_due(outbox: &Outbox, server: &dyn Server, now: u64, all: bool) -> io::Result<Pass> {
    let Some(_lock) = outbox.lock()? else {
        return Ok(Pass::default());
    };
    let mut pass = Pass::default();
    let mut down: Option<Failure> = None;
    for w in outbox.waiting()? {
        // A time far ahead is a clock that was set back: due now.
        let due = w.tries.next <= now || w.tries.next > now + MAX_WAIT;
        if !all && !due {
            continue;
        }
        match try_one(outbox, server, &w.name, now, down.as_ref()) {
            Ok(Some(outcome)) => {
                if let Outcome::Failed(t) = &outcome
                    && t.retry == Retry::Soon
                {
                    down = Some(Failure {
                        why: t.last_error.clone().unwrap_or_default(),
                        retry: Retry::Soon,
                    });
                }
                pass.done.push((w.name, outcome));
            }
            Ok(None) => {}
            Err(e) => pass.errors.push(format!("{}: {e}", w.name)),
        }
    }
    Ok(pass)
}

/// The longest a Bundle waits between tries, and so the furthest ahead a
/// next try can rightly be.
pub const MAX_WAIT: u64 = 60 * 60;

/// What one pass did.
#[derive(Debug, Default)]
pub struct Pass {
    pub done: Vec<(String, Outcome)>,
    /// Bundles that could not be read, moved or have their tries kept.
    pub errors: Vec<String>,
}

/// Offers one Bundle, unless the server is known to be `down` this pass.
/// None if it was sent by another process meanwhile.
fn try_one(
    outbox: &Outbox,
    server: &dyn Server,
    name: &str,
    now: u64,
    down: Option<&Failure>,
) -> io::Result<Option<Outcome>> {
    if let Some(f) = down {
        return Ok(Some(Outcome::Failed(outbox.failed(name, f, now)?)));
    }
    let bundle = match outbox.bundle(name) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    Ok(Some(match server.deliver(&bundle) {
        Ok(d) => {
            outbox.delivered(name)?;
            Outcome::Delivered(d)
        }
        Err(f) => Outcome::Failed(outbox.failed(name, &f, now)?),
    }))
}
