//! The visit code: the short code on a patient's check-in slip, typed at the
//! kiosk so a summary can be filed to the right chart without the kiosk ever
//! asking for a name. It is kept with the session and written into the
//! summary's JSON and FHIR subject, never into a log.

use serde::Deserialize;

/// The longest pattern, and so the longest code.
pub const MAX_LEN: usize = 16;

/// Who is asked for the code: the patient, or staff before handing over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum AskedOf {
    Patient,
    Staff,
}

/// The kiosk configuration's `visit_code`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisitCodeConfig {
    pub asked_of: AskedOf,
    /// One character a place: `9` a digit, `A` a letter, `*` either. A
    /// pattern of fixed places, so the screen can say how long a code is.
    pub pattern: String,
    /// Whether an empty box may be confirmed (a patient without a slip).
    #[serde(default)]
    pub may_skip: bool,
}

/// What is wrong with `pattern`, if anything.
pub fn pattern_problem(pattern: &str) -> Option<String> {
    if !(2..=MAX_LEN).contains(&pattern.len()) {
        return Some(format!("a pattern is 2 to {MAX_LEN} places long"));
    }
    let bad = pattern.chars().find(|c| !matches!(c, '9' | 'A' | '*'))?;
    Some(format!(
        "{bad:?} is not a place: use 9 for a digit, A for a letter, * for either"
    ))
}

/// The code as kept: what was typed, without spaces, letters in capitals
/// (a slip's "ab12" and "AB12" are one code).
pub fn normalize(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Whether the (normalized) `code` fits `pattern`, place by place.
pub fn fits(pattern: &str, code: &str) -> bool {
    code.len() == pattern.len()
        && pattern.chars().zip(code.chars()).all(|(p, c)| match p {
            '9' => c.is_ascii_digit(),
            'A' => c.is_ascii_uppercase(),
            _ => c.is_ascii_digit() || c.is_ascii_uppercase(),
        })
}

/// Whether a code read from a saved file could have been kept by a kiosk
/// (whatever pattern it had then).
pub fn is_plausible(code: &str) -> bool {
    (2..=MAX_LEN).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_are_checked() {
        assert_eq!(pattern_problem("AA9999"), None);
        assert!(pattern_problem("9").unwrap().contains("2 to 16"));
        assert!(
            pattern_problem("AA-99")
                .unwrap()
                .contains("'-' is not a place")
        );
    }

    #[test]
    fn codes_fit_their_pattern_place_by_place() {
        assert!(fits("AA9999", &normalize(" ab 1234")));
        assert!(fits("**9", "A19"));
        for bad in ["AB123", "AB12345", "1B1234", "ABX234", "ab1234"] {
            assert!(!fits("AA9999", bad), "{bad}");
        }
        assert!(is_plausible("AB1234"));
        assert!(!is_plausible("ab1234") && !is_plausible("A") && !is_plausible("A-1"));
    }
}
