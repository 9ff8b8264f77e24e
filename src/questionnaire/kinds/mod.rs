//! Item kinds: what answer an item takes, and the answer it gets.
//!
//! `Kind` (the questionnaire file format) and `Answer` (the saved-session
//! format) have a variant per kind. Each kind's checks, words and FHIR form
//! live in its module; the matches here and in `fhir` dispatch to them. They
//! list every variant, so adding a kind is a variant in each enum and a
//! module, and the compiler names each place that must handle it (here, in
//! `fhir`, and on the screen in `tui::kinds`). `if let` only picks out one
//! kind's payload where no other kind has anything to do.
//!
//! Field and variant names are the file formats; README.md documents them.

mod body;
pub mod canonical;
mod choice;
mod duration;
mod error;
pub mod fhir;
mod number;
mod scale;
mod side;
mod text;

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

pub use choice::Choice;
pub use duration::DurationUnit;
pub use error::AnswerError;
pub use scale::out_of;
pub use side::Side;

use super::validate::ItemCheck;
use crate::body::BodyMarks;
use crate::text::AnswerWords;

/// What kind of answer an item takes.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub enum Kind {
    /// Text to read; takes no answer.
    Info,
    YesNo,
    Single {
        options: Vec<Choice>,
    },
    /// Several options; an option marked `exclusive` ("none of these") clears the others.
    Multi {
        options: Vec<Choice>,
    },
    Scale {
        min: i32,
        max: i32,
        min_label: String,
        max_label: String,
    },
    Number {
        min: f64,
        max: f64,
        unit: String,
        #[serde(default)]
        decimals: u8,
    },
    /// An amount of days, weeks, months or years, up to `max_years` in total.
    Duration {
        #[serde(default = "duration::default_max_years")]
        max_years: u32,
    },
    Text {
        max_len: usize,
    },
    /// The body diagram: a set of regions, each with the symptom kinds marked.
    BodyMap,
    /// Left, right, both or neither.
    Side,
}

/// One item's answer. The variant follows the item's kind.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub enum Answer {
    YesNo(bool),
    Choice(String),
    Choices(BTreeSet<String>),
    Scale(i32),
    Number(f64),
    Duration { amount: u32, unit: DurationUnit },
    Text(String),
    Body(BodyMarks),
    Side(Side),
}

impl Kind {
    /// Short name used in messages and the FHIR export.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Info => "information",
            Kind::YesNo => "yes/no",
            Kind::Single { .. } => "single choice",
            Kind::Multi { .. } => "multiple choice",
            Kind::Scale { .. } => "scale",
            Kind::Number { .. } => "number",
            Kind::Duration { .. } => "duration",
            Kind::Text { .. } => "text",
            Kind::BodyMap => "body diagram",
            Kind::Side => "left/right",
        }
    }

    /// The choices offered, in the order the screen lists them and linear
    /// mode and read-aloud tell them: each answer value (`id`) with its
    /// words (`label`). Yes/no and side are worded from the catalogue
    /// (`words`); without it their labels are empty, for code that needs
    /// only the values. The one place that names a choice.
    pub fn choices(&self, words: Option<&AnswerWords>) -> Vec<Choice> {
        let worded = |value: &str, label: Option<&str>| Choice {
            id: value.to_string(),
            label: label.unwrap_or_default().to_string(),
            exclusive: false,
        };
        match self {
            Kind::YesNo => [true, false]
                .map(|yes| worded(choice::yes_no_value(yes), words.map(|w| w.yes_no(yes))))
                .into(),
            Kind::Side => Side::ALL
                .iter()
                .map(|s| worded(s.value(), words.map(|w| w.sides.get(*s))))
                .collect(),
            Kind::Single { options } | Kind::Multi { options } => options.clone(),
            Kind::Info
            | Kind::Scale { .. }
            | Kind::Number { .. }
            | Kind::Duration { .. }
            | Kind::Text { .. }
            | Kind::BodyMap => Vec::new(),
        }
    }

    /// The answer that choosing `value` gives, for the one-answer kinds.
    pub fn chosen(&self, value: &str) -> Option<Answer> {
        match self {
            Kind::YesNo => Some(Answer::YesNo(value == choice::yes_no_value(true))),
            Kind::Side => Side::ALL
                .iter()
                .find(|s| s.value() == value)
                .map(|s| Answer::Side(*s)),
            Kind::Single { .. } => Some(Answer::Choice(value.to_string())),
            Kind::Info
            | Kind::Multi { .. }
            | Kind::Scale { .. }
            | Kind::Number { .. }
            | Kind::Duration { .. }
            | Kind::Text { .. }
            | Kind::BodyMap => None,
        }
    }

    /// The options of a single or multiple choice; none for other kinds.
    pub fn options(&self) -> &[Choice] {
        match self {
            Kind::Single { options } | Kind::Multi { options } => options,
            Kind::Info
            | Kind::YesNo
            | Kind::Scale { .. }
            | Kind::Number { .. }
            | Kind::Duration { .. }
            | Kind::Text { .. }
            | Kind::BodyMap
            | Kind::Side => &[],
        }
    }

    /// The values an `Equals`/`AnyOf` condition may compare this item against,
    /// or `None` when any value goes (numbers, text).
    pub fn condition_values(&self) -> Option<Vec<&str>> {
        match self {
            Kind::YesNo => Some(choice::YES_NO.to_vec()),
            Kind::Side => Some(Side::ALL.iter().map(|s| s.value()).collect()),
            Kind::Single { options } | Kind::Multi { options } => {
                Some(options.iter().map(|o| o.id.as_str()).collect())
            }
            Kind::Info
            | Kind::Scale { .. }
            | Kind::Number { .. }
            | Kind::Duration { .. }
            | Kind::Text { .. }
            | Kind::BodyMap => None,
        }
    }

    /// Whether the answer is a number: what scores and `AtLeast` use.
    pub fn is_numeric(&self) -> bool {
        match self {
            Kind::Scale { .. } | Kind::Number { .. } => true,
            Kind::Info
            | Kind::YesNo
            | Kind::Single { .. }
            | Kind::Multi { .. }
            | Kind::Duration { .. }
            | Kind::Text { .. }
            | Kind::BodyMap
            | Kind::Side => false,
        }
    }

    /// Whether an answer of this kind can be typed again to be compared
    /// with the one given (`Answer::matches_typed`).
    pub fn can_be_typed_again(&self) -> bool {
        match self {
            Kind::Number { .. } | Kind::Text { .. } => true,
            Kind::Info
            | Kind::YesNo
            | Kind::Single { .. }
            | Kind::Multi { .. }
            | Kind::Scale { .. }
            | Kind::Duration { .. }
            | Kind::BodyMap
            | Kind::Side => false,
        }
    }

    /// Checks that `answer` fits an item of this kind.
    pub fn check(&self, answer: &Answer) -> Result<(), AnswerError> {
        match (self, answer) {
            (Kind::YesNo, Answer::YesNo(_))
            | (Kind::BodyMap, Answer::Body(_))
            | (Kind::Side, Answer::Side(_)) => Ok(()),
            (Kind::Single { options }, Answer::Choice(c)) => choice::check_single(options, c),
            (Kind::Multi { options }, Answer::Choices(cs)) => choice::check_multi(options, cs),
            (Kind::Scale { min, max, .. }, Answer::Scale(n)) => scale::check(*min, *max, *n),
            (
                Kind::Number {
                    min,
                    max,
                    unit,
                    decimals,
                },
                Answer::Number(n),
            ) => number::check((*min, *max), unit, *decimals, *n),
            (Kind::Duration { max_years }, Answer::Duration { amount, unit }) => {
                duration::check(*max_years, *amount, *unit)
            }
            (Kind::Text { max_len }, Answer::Text(t)) => text::check(*max_len, t),
            // An answer of another kind: every kind is named so that a new
            // one must be given its pair above.
            (
                Kind::Info
                | Kind::YesNo
                | Kind::Single { .. }
                | Kind::Multi { .. }
                | Kind::Scale { .. }
                | Kind::Number { .. }
                | Kind::Duration { .. }
                | Kind::Text { .. }
                | Kind::BodyMap
                | Kind::Side,
                _,
            ) => Err(AnswerError::WrongKind(self.name())),
        }
    }

    /// The kind's own checks of a questionnaire file, each at its field.
    pub(super) fn validate(&self, c: &mut ItemCheck) {
        match self {
            Kind::Single { options } => choice::validate(options, true, c),
            Kind::Multi { options } => choice::validate(options, false, c),
            Kind::Scale {
                min,
                max,
                min_label,
                max_label,
            } => scale::validate(*min, *max, [min_label, max_label], c),
            Kind::Number {
                min, max, decimals, ..
            } => number::validate(*min, *max, *decimals, c),
            Kind::Duration { max_years } => duration::validate(*max_years, c),
            Kind::Text { max_len } => text::validate(*max_len, c),
            Kind::Info | Kind::YesNo | Kind::BodyMap | Kind::Side => {}
        }
    }
}

impl Answer {
    /// Checks that this answer fits an item of `kind`.
    pub fn check(&self, kind: &Kind) -> Result<(), AnswerError> {
        kind.check(self)
    }

    /// Whether the answer is, or for multiple choice includes, `value`.
    pub fn matches(&self, value: &str) -> bool {
        match self {
            Answer::YesNo(b) => choice::yes_no_value(*b) == value,
            Answer::Choice(c) => c == value,
            Answer::Choices(cs) => cs.contains(value),
            Answer::Side(s) => s.value() == value,
            // Compared as numbers (`AtLeast`), marks (`Marked`) or not at all.
            Answer::Scale(_)
            | Answer::Number(_)
            | Answer::Duration { .. }
            | Answer::Text(_)
            | Answer::Body(_) => false,
        }
    }

    /// Whether `typed` is this answer typed again (a number as a number, a
    /// text without regard to case or surrounding spaces); other kinds of
    /// answer cannot be typed, so nothing matches them.
    pub fn matches_typed(&self, typed: &str) -> bool {
        let typed = typed.trim();
        match self {
            Answer::Number(n) => typed.parse::<f64>().is_ok_and(|t| t == *n),
            Answer::Text(t) => text::matches_typed(t, typed),
            Answer::YesNo(_)
            | Answer::Choice(_)
            | Answer::Choices(_)
            | Answer::Scale(_)
            | Answer::Duration { .. }
            | Answer::Body(_)
            | Answer::Side(_) => false,
        }
    }

    pub fn as_number(&self) -> Option<f64> {
        match self {
            Answer::Scale(n) => Some(f64::from(*n)),
            Answer::Number(n) => Some(*n),
            Answer::YesNo(_)
            | Answer::Choice(_)
            | Answer::Choices(_)
            | Answer::Duration { .. }
            | Answer::Text(_)
            | Answer::Body(_)
            | Answer::Side(_) => None,
        }
    }

    /// The marks of a body diagram answer.
    pub fn marks(&self) -> Option<&BodyMarks> {
        if let Answer::Body(m) = self {
            Some(m)
        } else {
            None
        }
    }

    /// Whether the answer counts as given: empty text, choice sets and body
    /// diagrams do not.
    pub fn is_given(&self) -> bool {
        match self {
            Answer::Text(t) => !t.trim().is_empty(),
            Answer::Choices(cs) => !cs.is_empty(),
            Answer::Body(m) => !m.is_empty(),
            Answer::YesNo(_)
            | Answer::Choice(_)
            | Answer::Scale(_)
            | Answer::Number(_)
            | Answer::Duration { .. }
            | Answer::Side(_) => true,
        }
    }

    /// The answer in words, for review screens and summaries.
    pub fn display(&self, kind: &Kind, content: &crate::content::Content) -> String {
        let words = &content.text.answers;
        match self {
            Answer::YesNo(b) => words.yes_no(*b).to_string(),
            Answer::Choice(c) => choice::label(kind.options(), c),
            Answer::Choices(cs) => choice::labels(kind.options(), cs, &words.list),
            Answer::Scale(n) => scale::display(kind, *n, words),
            Answer::Number(n) => number::display(kind, *n),
            Answer::Duration { amount, unit } => duration::display(*amount, *unit, words),
            Answer::Text(t) => t.clone(),
            Answer::Body(m) => body::display(m, content),
            Answer::Side(s) => words.sides.get(*s).to_string(),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;
