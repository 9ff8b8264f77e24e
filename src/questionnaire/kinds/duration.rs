//! How long: an amount of days, weeks, months or years, up to `max_years`
//! in total.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::AnswerError;
use crate::questionnaire::validate::ItemCheck;
use crate::text::{AnswerWords, fill};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum DurationUnit {
    Days,
    Weeks,
    Months,
    Years,
}

impl DurationUnit {
    pub const ALL: [DurationUnit; 4] = [
        DurationUnit::Days,
        DurationUnit::Weeks,
        DurationUnit::Months,
        DurationUnit::Years,
    ];

    /// Approximate length in days, for range checks and comparisons.
    pub fn days(self) -> f64 {
        match self {
            DurationUnit::Days => 1.0,
            DurationUnit::Weeks => 7.0,
            DurationUnit::Months => 30.44,
            DurationUnit::Years => 365.25,
        }
    }

    /// The unit's name and UCUM code, for FHIR quantities.
    fn ucum(self) -> (&'static str, &'static str) {
        match self {
            DurationUnit::Days => ("days", "d"),
            DurationUnit::Weeks => ("weeks", "wk"),
            DurationUnit::Months => ("months", "mo"),
            DurationUnit::Years => ("years", "a"),
        }
    }
}

pub(super) fn default_max_years() -> u32 {
    100
}

pub(super) fn check(max_years: u32, amount: u32, unit: DurationUnit) -> Result<(), AnswerError> {
    if amount == 0 {
        Err(AnswerError::ZeroDuration)
    } else if f64::from(amount) * unit.days() > f64::from(max_years) * 365.25 {
        Err(AnswerError::TooLong(max_years))
    } else {
        Ok(())
    }
}

/// "3 weeks".
pub(super) fn display(amount: u32, unit: DurationUnit, words: &AnswerWords) -> String {
    let unit = words.units.get(unit, amount);
    fill(
        &words.duration,
        &[("amount", &amount.to_string()), ("unit", unit)],
    )
}

pub(super) fn validate(max_years: u32, c: &mut ItemCheck) {
    if max_years == 0 {
        let message = format!("duration item \"{}\" has max_years 0", c.id);
        c.at("max_years", message);
    }
}

pub(super) fn fhir_answer(amount: u32, unit: DurationUnit) -> Value {
    let (word, code) = unit.ucum();
    json!({ "valueQuantity": {
        "value": amount, "unit": word, "system": "http://unitsofmeasure.org", "code": code,
    } })
}

/// The units a duration may be given in (R4 `questionnaire-unitOption`).
pub(super) fn fhir_units() -> Vec<Value> {
    let option = |u: DurationUnit| {
        let (word, code) = u.ucum();
        let coding =
            json!({ "system": "http://unitsofmeasure.org", "code": code, "display": word });
        super::fhir::extension("questionnaire-unitOption", json!({ "valueCoding": coding }))
    };
    DurationUnit::ALL.into_iter().map(option).collect()
}
