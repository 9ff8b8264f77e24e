//! Dates people read (the catalogue's `dates`).

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateWords {
    pub readable: String,
    pub months: Months,
    /// When a patient began, said plainly: {time}; `on_day` also {day},
    /// {month}, {year}.
    pub today: String,
    pub yesterday: String,
    pub on_day: String,
}

/// The months by name: twelve keys, so none can be missing or extra.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Months {
    pub january: String,
    pub february: String,
    pub march: String,
    pub april: String,
    pub may: String,
    pub june: String,
    pub july: String,
    pub august: String,
    pub september: String,
    pub october: String,
    pub november: String,
    pub december: String,
}

impl Months {
    /// Month `n`, from 1 (January) to 12.
    pub fn get(&self, n: u32) -> &str {
        let all = [
            &self.january,
            &self.february,
            &self.march,
            &self.april,
            &self.may,
            &self.june,
            &self.july,
            &self.august,
            &self.september,
            &self.october,
            &self.november,
            &self.december,
        ];
        all[(n as usize).clamp(1, 12) - 1]
    }
}
