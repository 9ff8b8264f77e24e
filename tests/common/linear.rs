//! A whole session in linear mode, as its pty tests type it.

use std::sync::mpsc;
use std::time::{Duration, Instant};

/// What a patient types, one line at each prompt: the language, a question asked why,
/// Enter after the emergency is told,
/// a wrong entry, back, the body diagram by part and number and by name,
/// an emergency warning sign, optional questions skipped, and the summary.
pub const TYPED: &[&str] = &[
    "1", "why", "abc", "45", "1", "3 weeks", "back", "", "2", "2", "1", "5", "5", "5", "2", "2",
    "2", "2", "2", "2", "2", "2", "4", "8", "1 2", "big toe", "2", "3", "list", "done", "2", "2",
    "2", "2", "2", "2", "2", "2", "1", "2", "2", "2", "2", "1", "2", "2", "1", "", "2", "2", "2",
    "2", "2", "2", "2", "2", "2", "2", "2", "2", "2", "2", "2", "2", "2", "2", "1", "3 weeks",
    "skip", "1", "2", "skip", "5", "5", "2", "2", "skip", "skip", "skip", "",
];

pub const PROMPT: &str = "Your answer: ";

/// How many prompts the program has written so far.
pub fn prompts(seen: &[u8]) -> usize {
    String::from_utf8_lossy(seen).matches(PROMPT).count()
}

/// Reads what the program writes until `done` holds of it (20 s at most).
pub fn read_until(rx: &mpsc::Receiver<Vec<u8>>, seen: &mut Vec<u8>, done: impl Fn(&[u8]) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !done(seen) {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(bytes) => seen.extend(bytes),
            Err(_) => panic!("no prompt; so far:\n{}", String::from_utf8_lossy(seen)),
        }
    }
}
