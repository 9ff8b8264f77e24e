//! A scale: one whole number from `min` to `max` with words for both ends,
//! drawn as one row of numbers.

use super::{AnswerError, Kind};
use crate::questionnaire::validate::ItemCheck;
use crate::text::{AnswerWords, fill};

/// Each step is picked by a key or a click: 0 to 20 (21 steps) still fits
/// an 80-column screen with room to click. Anything longer is a number item.
pub(super) const MAX_STEPS: i64 = 21;

pub(super) fn check(min: i32, max: i32, n: i32) -> Result<(), AnswerError> {
    if n < min || n > max {
        Err(AnswerError::OutOfRange {
            min: f64::from(min),
            max: f64::from(max),
            unit: String::new(),
        })
    } else {
        Ok(())
    }
}

/// "7 out of 10".
pub(super) fn display(kind: &Kind, n: i32, words: &AnswerWords) -> String {
    if let Kind::Scale { max, .. } = kind {
        out_of(words, &n.to_string(), *max)
    } else {
        n.to_string()
    }
}

/// `value` out of `max`, as a scale answer or a score is told.
pub fn out_of(words: &AnswerWords, value: &str, max: i32) -> String {
    fill(&words.scale, &[("value", value), ("max", &max.to_string())])
}

pub(super) fn validate(min: i32, max: i32, labels: [&String; 2], c: &mut ItemCheck) {
    let id = c.id.to_string();
    // Widened: `max - min` of two i32s overflows (a scale from -2e9 to 2e9
    // once passed as a short one).
    let steps = i64::from(max) - i64::from(min) + 1;
    if min >= max {
        c.at(
            "min",
            format!("scale \"{id}\": min ({min}) must be below max ({max})"),
        );
    } else if steps > MAX_STEPS {
        c.at(
            "max",
            format!("scale \"{id}\" has {steps} steps; at most {MAX_STEPS} fit on a screen"),
        );
    }
    if labels.iter().any(|l| l.trim().is_empty()) {
        let at = c.kind_at();
        c.error(at, format!("scale \"{id}\" needs a label for both ends"));
    }
}
