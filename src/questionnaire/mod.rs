//! The questionnaire model: what a RON questionnaire file holds.
//!
//! Field names here are the file format; README.md documents them for the
//! clinicians who edit the files, so a rename here is a format change.

mod load;
mod validate;

pub(crate) use load::parse_ron;
pub use load::{LoadError, load_file, parse_builtin, parse_str, read_source, source_text};
pub use validate::validate;

use serde::{Deserialize, Serialize};

pub use crate::condition::Condition;

/// A whole questionnaire: metadata, sections of items, and declared scores.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    pub id: String,
    pub title: String,
    pub version: String,
    pub language: String,
    /// One or two sentences for the welcome screen.
    #[serde(default)]
    pub description: String,
    pub sections: Vec<Section>,
    #[serde(default)]
    pub scores: Vec<Score>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub intro: String,
    /// A section whose condition is false hides all its items.
    #[serde(default)]
    pub enable_when: Option<Condition>,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    /// The question in the patient's words.
    pub prompt: String,
    /// The same question as a clinician would ask it aloud (practice and
    /// interviewer modes); the prompt is used when absent.
    #[serde(default)]
    pub interviewer: Option<String>,
    /// A short "why we ask" text, shown on request.
    #[serde(default)]
    pub why: String,
    #[serde(default)]
    pub required: bool,
    /// Red-flag items are always asked directly and never skipped in practice scoring.
    #[serde(default)]
    pub red_flag: bool,
    /// Asks the patient to test themselves (walking on heels or tiptoes):
    /// never shown to someone alone, such as at an unattended kiosk, where
    /// a weak leg could mean a fall.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub needs_helper: bool,
    pub kind: Kind,
    #[serde(default)]
    pub enable_when: Option<Condition>,
}

impl Item {
    /// The wording a clinician uses when asking this item aloud.
    pub fn interviewer_prompt(&self) -> &str {
        self.interviewer.as_deref().unwrap_or(&self.prompt)
    }

    /// The prompt's question without the instructions that may follow it
    /// ("Choose all that apply."): what a summary quotes beside the answer.
    pub fn question(&self) -> &str {
        match self.prompt.find('?') {
            Some(end) => &self.prompt[..=end],
            None => &self.prompt,
        }
    }
}

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
        #[serde(default = "default_max_years")]
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

fn default_max_years() -> u32 {
    100
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

    pub fn options(&self) -> &[Choice] {
        match self {
            Kind::Single { options } | Kind::Multi { options } => options,
            _ => &[],
        }
    }

    /// The values an `Equals`/`AnyOf` condition may compare this item against,
    /// or `None` when any value goes (numbers, text).
    pub fn condition_values(&self) -> Option<Vec<&str>> {
        match self {
            Kind::YesNo => Some(vec!["yes", "no"]),
            Kind::Side => Some(vec!["left", "right", "both", "neither"]),
            Kind::Single { options } | Kind::Multi { options } => {
                Some(options.iter().map(|o| o.id.as_str()).collect())
            }
            _ => None,
        }
    }

    pub fn is_numeric(&self) -> bool {
        matches!(self, Kind::Scale { .. } | Kind::Number { .. })
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub exclusive: bool,
}

/// A score computed from numeric items, declared in the file.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Score {
    pub id: String,
    pub label: String,
    pub method: ScoreMethod,
    pub items: Vec<String>,
    /// Shown next to the value, e.g. "0 = no trouble, 10 = worst".
    #[serde(default)]
    pub explanation: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum ScoreMethod {
    Mean,
    Sum,
}

impl Questionnaire {
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections.iter().flat_map(|s| s.items.iter())
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items().find(|i| i.id == id)
    }

    /// Position of an item in questionnaire order.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.items().position(|i| i.id == id)
    }

    /// The section that holds the item at `index` (questionnaire order).
    pub fn section_of(&self, index: usize) -> Option<(usize, &Section)> {
        let mut start = 0;
        for (n, s) in self.sections.iter().enumerate() {
            if index < start + s.items.len() {
                return Some((n, s));
            }
            start += s.items.len();
        }
        None
    }
}
