//! The letters a patient presses to answer or mark (the catalogue's
//! `letters`): each language names its own beside its words ("s" for "sí",
//! "d" for "días"). The keymap reads the yes, no and mark letters from here
//! (`Keymap::with_letters`); the duration screen reads the units'.

use serde::Deserialize;

use super::Symptoms;
use crate::answers::DurationUnit;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Letters {
    pub yes: String,
    pub no: String,
    /// The body diagram's symptom marks.
    pub marks: Symptoms,
    pub days: String,
    pub weeks: String,
    pub months: String,
    pub years: String,
}

impl Letters {
    pub fn unit(&self, u: DurationUnit) -> &str {
        match u {
            DurationUnit::Days => &self.days,
            DurationUnit::Weeks => &self.weeks,
            DurationUnit::Months => &self.months,
            DurationUnit::Years => &self.years,
        }
    }

    /// The unit whose letter this is, in either case.
    pub fn unit_of(&self, c: char) -> Option<DurationUnit> {
        let typed = c.to_lowercase().to_string();
        DurationUnit::ALL
            .into_iter()
            .find(|u| self.unit(*u).to_lowercase() == typed)
    }
}
