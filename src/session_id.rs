//! A session's id: 128 random bits from the operating system, as 32
//! lowercase hex characters. It names the session's FHIR response, so two
//! kiosks that start a session in the same second never share a name.

use std::fs::File;
use std::io::Read;

/// Length of an id in hex characters.
pub const LEN: usize = 32;

/// A new random id, or "" when the system gives no random bytes (then the
/// response is named by questionnaire and start, as before ids existed).
pub fn fresh() -> String {
    let mut bytes = [0u8; LEN / 2];
    if fill(&mut bytes) {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    } else {
        String::new()
    }
}

/// Whether `s` is an id `fresh` could have made.
pub fn is_valid(s: &str) -> bool {
    s.len() == LEN && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Fills `buf` from getrandom(2), or /dev/urandom where that call is missing.
fn fill(buf: &mut [u8]) -> bool {
    let mut done = 0;
    while done < buf.len() {
        let rest = &mut buf[done..];
        // SAFETY: the pointer and length describe `rest`, a live, writable slice.
        let n = unsafe { libc::getrandom(rest.as_mut_ptr().cast(), rest.len(), 0) };
        match n {
            n if n > 0 => done += n as usize,
            n if n < 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) => {}
            _ => return urandom(buf),
        }
    }
    true
}

fn urandom(buf: &mut [u8]) -> bool {
    File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(buf))
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_32_lowercase_hex_and_differ() {
        let (a, b) = (fresh(), fresh());
        assert!(is_valid(&a), "{a}");
        assert!(is_valid(&b), "{b}");
        assert_ne!(a, b);
    }

    #[test]
    fn urandom_fills_a_buffer() {
        let mut buf = [0u8; 16];
        assert!(urandom(&mut buf));
        assert_ne!(buf, [0u8; 16]);
    }

    #[test]
    fn other_strings_are_not_ids() {
        assert!(!is_valid(""));
        assert!(!is_valid(&"A".repeat(LEN)));
        assert!(!is_valid(&"0".repeat(LEN - 1)));
    }
}
