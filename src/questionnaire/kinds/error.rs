//! Why an answer does not fit its item, in words for the patient.

use std::fmt;

use crate::text::{ErrorWords, Text, fill};

/// Why an answer does not fit its item.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerError {
    WrongKind(&'static str),
    UnknownOption(String),
    ExclusiveWithOthers,
    OutOfRange { min: f64, max: f64, unit: String },
    TooManyDecimals(u8),
    ZeroDuration,
    TooLong(u32),
    TooLongText { max: usize, len: usize },
    UnknownItem(String),
    NotAQuestion,
}

impl AnswerError {
    /// In the patient's words.
    pub fn words(&self, w: &ErrorWords) -> String {
        let n = |x: &dyn ToString| x.to_string();
        match self {
            AnswerError::WrongKind(kind) => fill(&w.wrong_kind, &[("kind", kind)]),
            AnswerError::UnknownOption(id) => fill(&w.unknown_option, &[("option", id)]),
            AnswerError::ExclusiveWithOthers => w.exclusive.clone(),
            AnswerError::OutOfRange { min, max, unit } => {
                let template = match unit.is_empty() {
                    true => &w.out_of_range,
                    false => &w.out_of_range_unit,
                };
                let (min, max) = (n(min), n(max));
                fill(template, &[("min", &min), ("max", &max), ("unit", unit)])
            }
            AnswerError::TooManyDecimals(0) => w.whole_number.clone(),
            AnswerError::TooManyDecimals(count) => {
                let template = w.decimals.get(u64::from(*count));
                fill(template, &[("count", &n(count))])
            }
            AnswerError::ZeroDuration => w.zero_duration.clone(),
            AnswerError::TooLong(years) => fill(&w.too_long, &[("years", &n(years))]),
            AnswerError::TooLongText { max, len } => {
                fill(&w.too_long_text, &[("max", &n(max)), ("len", &n(len))])
            }
            AnswerError::UnknownItem(id) => fill(&w.unknown_item, &[("id", id)]),
            AnswerError::NotAQuestion => w.not_a_question.clone(),
        }
    }
}

/// In the default language: what a file's checks and the staff read.
impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(&Text::builtin().errors))
    }
}

impl std::error::Error for AnswerError {}
