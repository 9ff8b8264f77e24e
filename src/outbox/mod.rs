//! The outbox: FHIR Bundles waiting for the clinic's FHIR server. Each waits
//! in `pending/` as the Bundle file and a small state file (how often it was
//! tried, when to try next, why the last try failed); once the server has it,
//! the Bundle moves to `sent/` and its state is removed. Files are written
//! atomically, 0600, in 0700 directories, so a crash, a kill or a full disk
//! loses nothing already queued. Names are the summary's file name: nothing
//! of the patient's is in a name or a state file.
//!
//! Delivery (`deliver`) is apart from storage so that `intake send`, the
//! kiosk's background sender and the tests share it; the network is one
//! implementation of `Server` (`http.rs`).

mod deliver;
pub mod http;
mod worker;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use deliver::{Delivered, Failure, MAX_WAIT, Outcome, Pass, Retry, Server, deliver_due};
pub use worker::{Waker, spawn};

use crate::export::{private_dir, write_private};

/// What the outbox knows of one waiting Bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tries {
    /// When it was put in the outbox (Unix seconds).
    pub queued: u64,
    pub attempts: u32,
    /// Not tried again before this time.
    pub next: u64,
    /// Why the last try failed, in words for staff (no patient data: of a
    /// server's refusal only its status and kind are kept).
    #[serde(default)]
    pub last_error: Option<String>,
    /// How the next try was put off: soon (the server was not reached or
    /// busy) or hourly (it refused).
    #[serde(default = "soon")]
    pub retry: Retry,
}

fn soon() -> Retry {
    Retry::Soon
}

impl Default for Tries {
    fn default() -> Self {
        Tries {
            queued: 0,
            attempts: 0,
            next: 0,
            last_error: None,
            retry: Retry::Soon,
        }
    }
}

/// A Bundle in `pending/`, by its file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    pub name: String,
    pub tries: Tries,
}

pub struct Outbox {
    dir: PathBuf,
}

const BUNDLE: &str = ".fhir.json";
const STATE: &str = ".state.ron";

impl Outbox {
    /// The outbox in `dir`, its directories made private if new.
    pub fn open(dir: &Path) -> io::Result<Outbox> {
        for d in [dir.to_path_buf(), dir.join("pending"), dir.join("sent")] {
            private_dir(&d).map_err(io::Error::from)?;
        }
        Ok(Outbox {
            dir: dir.to_path_buf(),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Queues a Bundle under `name` (a summary's file name, ending in
    /// `.fhir.json`; another ending is added), due at once. A name already
    /// waiting or sent gets a number, so nothing is replaced. Returns the
    /// name it waits under.
    pub fn put(&self, name: &str, bundle: &[u8], now: u64) -> io::Result<String> {
        let stem = name.strip_suffix(BUNDLE).unwrap_or(name);
        let stem = (0u32..)
            .map(|n| match n {
                0 => stem.to_string(),
                n => format!("{stem}-{n}"),
            })
            .find(|s| !self.known(s))
            .expect("some number is free");
        let tries = Tries {
            queued: now,
            next: now,
            ..Tries::default()
        };
        // The state first: a Bundle without one is still listed (as new),
        // a state without its Bundle is not.
        self.set_tries(&stem, &tries)?;
        write_private(&self.pending(&stem, BUNDLE), bundle, false).map_err(io::Error::from)?;
        Ok(stem)
    }

    fn known(&self, stem: &str) -> bool {
        self.pending(stem, BUNDLE).exists() || self.sent(stem).exists()
    }

    fn pending(&self, stem: &str, ext: &str) -> PathBuf {
        self.dir.join("pending").join(format!("{stem}{ext}"))
    }

    fn sent(&self, stem: &str) -> PathBuf {
        self.dir.join("sent").join(format!("{stem}{BUNDLE}"))
    }

    /// Every Bundle waiting, oldest first.
    pub fn waiting(&self) -> io::Result<Vec<Waiting>> {
        let mut all = Vec::new();
        for entry in fs::read_dir(self.dir.join("pending"))? {
            let file = entry?.file_name();
            let Some(stem) = file.to_str().and_then(|f| f.strip_suffix(BUNDLE)) else {
                continue;
            };
            let tries = self.tries(stem);
            all.push(Waiting {
                name: stem.to_string(),
                tries,
            });
        }
        all.sort_by(|a, b| (a.tries.queued, &a.name).cmp(&(b.tries.queued, &b.name)));
        Ok(all)
    }

    /// How many Bundles the server has taken.
    pub fn sent_count(&self) -> io::Result<usize> {
        let files = fs::read_dir(self.dir.join("sent"))?;
        Ok(files
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(BUNDLE))
            .count())
    }

    /// A waiting Bundle's state; an unreadable or missing one is read as
    /// new (due now), so a damaged state never strands a Bundle.
    fn tries(&self, stem: &str) -> Tries {
        fs::read_to_string(self.pending(stem, STATE))
            .ok()
            .and_then(|s| ron::from_str(&s).ok())
            .unwrap_or_default()
    }

    fn set_tries(&self, stem: &str, tries: &Tries) -> io::Result<()> {
        let text = ron::to_string(tries).map_err(io::Error::other)?;
        write_private(&self.pending(stem, STATE), text.as_bytes(), true).map_err(io::Error::from)
    }

    pub fn bundle(&self, stem: &str) -> io::Result<Vec<u8>> {
        fs::read(self.pending(stem, BUNDLE))
    }

    /// The server has it: moved to `sent/`, its state gone.
    pub fn delivered(&self, stem: &str) -> io::Result<()> {
        fs::rename(self.pending(stem, BUNDLE), self.sent(stem))?;
        match fs::remove_file(self.pending(stem, STATE)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    /// A try failed: counted, its reason kept, and the next try put off.
    pub fn failed(&self, stem: &str, why: &Failure, now: u64) -> io::Result<Tries> {
        let mut tries = self.tries(stem);
        tries.attempts += 1;
        tries.next = now + why.retry.delay(tries.attempts);
        tries.last_error = Some(why.why.clone());
        tries.retry = why.retry;
        self.set_tries(stem, &tries)?;
        Ok(tries)
    }

    /// When the first waiting Bundle is due, if any waits.
    pub fn next_due(&self) -> io::Result<Option<u64>> {
        Ok(self.waiting()?.iter().map(|w| w.tries.next).min())
    }

    /// Held while Bundles are sent, so that `intake send` and a kiosk's
    /// sender never send the same Bundle at once. None if another holds it.
    pub fn lock(&self) -> io::Result<Option<fs::File>> {
        let lock = crate::export::open_private(&self.dir.join("lock"))?;
        Ok(lock.try_lock().is_ok().then_some(lock))
    }
}

#[cfg(test)]
mod tests;
