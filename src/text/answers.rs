//! An answer in words (the catalogue's `answers`), and why an answer does
//! not fit its question (`errors`).

use serde::Deserialize;

use super::Plural;
use crate::answers::{DurationUnit, Side};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerWords {
    pub yes: String,
    pub no: String,
    pub list: String,
    pub scale: String,
    pub duration: String,
    pub units: Units,
    pub sides: Sides,
    pub nothing_marked: String,
}

impl AnswerWords {
    pub fn yes_no(&self, yes: bool) -> &str {
        if yes { &self.yes } else { &self.no }
    }
}

/// The units of a duration, each by its amount.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Units {
    pub days: Plural,
    pub weeks: Plural,
    pub months: Plural,
    pub years: Plural,
}

impl Units {
    pub fn get(&self, unit: DurationUnit, amount: u32) -> &str {
        let plural = match unit {
            DurationUnit::Days => &self.days,
            DurationUnit::Weeks => &self.weeks,
            DurationUnit::Months => &self.months,
            DurationUnit::Years => &self.years,
        };
        plural.get(u64::from(amount))
    }
}

/// The answers to a side question.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sides {
    pub left: String,
    pub right: String,
    pub both: String,
    pub neither: String,
}

impl Sides {
    pub fn get(&self, side: Side) -> &str {
        match side {
            Side::Left => &self.left,
            Side::Right => &self.right,
            Side::Both => &self.both,
            Side::Neither => &self.neither,
        }
    }
}

/// Each `AnswerError` in words.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorWords {
    pub wrong_kind: String,
    pub unknown_option: String,
    pub exclusive: String,
    pub out_of_range: String,
    pub out_of_range_unit: String,
    pub whole_number: String,
    pub decimals: Plural,
    pub zero_duration: String,
    pub too_long: String,
    pub too_long_text: String,
    pub unknown_item: String,
    pub not_a_question: String,
}
