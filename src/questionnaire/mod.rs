//! The questionnaire model: what a RON questionnaire file holds.
//!
//! Field names here are the file format; README.md documents them for the
//! clinicians who edit the files, so a rename here is a format change.

mod head;
mod ids;
pub mod kinds;
mod load;
mod validate;

pub use head::head;
pub(crate) use load::parse_ron;
pub use load::{LoadError, load_file, parse_builtin, parse_str, read_source, source_text};
pub use validate::validate;

use std::ops::Range;

use ids::Place;

use serde::{Deserialize, Serialize};

pub use crate::condition::Condition;
pub use kinds::{Choice, Kind};

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
    /// A warning shown first on the welcome screen, before any question
    /// (a clinical fact, so it belongs to the questionnaire); none if absent.
    #[serde(default)]
    pub welcome_warning: Option<String>,
    pub sections: Vec<Section>,
    #[serde(default)]
    pub scores: Vec<Score>,
    /// Item ids to places, for `item` and `index_of`.
    #[serde(skip)]
    pub(crate) ids: ids::IdIndex,
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
        let place = self.place(id)?;
        self.sections.get(place.section)?.items.get(place.offset)
    }

    /// The item at `index` in questionnaire order, found by section: a
    /// screen's item costs the number of sections, not of items.
    pub fn at(&self, mut index: usize) -> Option<&Item> {
        for s in &self.sections {
            if index < s.items.len() {
                return s.items.get(index);
            }
            index -= s.items.len();
        }
        None
    }

    /// Position of an item in questionnaire order.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.place(id).map(|p| p.n)
    }

    /// Where the item `id` is, from the index of ids built at the first
    /// lookup. After loading only words change (translations, on a copy),
    /// never ids or order: a questionnaire's sections must not change once
    /// an item has been looked up (a test build checks the place found).
    fn place(&self, id: &str) -> Option<Place> {
        let sections = || {
            self.sections
                .iter()
                .map(|s| s.items.iter().map(|i| i.id.as_str()))
        };
        let place = self.ids.get(id, sections)?;
        debug_assert_eq!(self.at(place.n).map(|i| i.id.as_str()), Some(id));
        Some(place)
    }

    /// The section that holds the item at `index` (questionnaire order).
    pub fn section_of(&self, index: usize) -> Option<(usize, &Section)> {
        self.section_places(index).map(|(n, _, s)| (n, s))
    }

    /// The section that holds the item at `index`: its number, the places
    /// (questionnaire order) of its items, and the section.
    pub fn section_places(&self, index: usize) -> Option<(usize, Range<usize>, &Section)> {
        let mut start = 0;
        for (n, s) in self.sections.iter().enumerate() {
            let end = start + s.items.len();
            if index < end {
                return Some((n, start..end, s));
            }
            start = end;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_item_found_by_section_is_the_one_in_order() {
        let q = crate::content::questionnaire();
        let all: Vec<&str> = q.items().map(|i| i.id.as_str()).collect();
        let at: Vec<&str> = (0..all.len())
            .map(|n| q.at(n).unwrap().id.as_str())
            .collect();
        assert_eq!(at, all);
        assert!(q.at(all.len()).is_none());
    }

    #[test]
    fn an_item_found_by_id_is_the_one_in_order() {
        let q = crate::content::questionnaire();
        for (n, item) in q.items().enumerate() {
            assert_eq!(q.index_of(&item.id), Some(n));
            assert_eq!(q.item(&item.id), Some(item));
        }
        assert_eq!(q.index_of("no_such_item"), None);
        // A copy has an index of its own: the structure of a copy changed
        // (as a test would) is found as it now is.
        let mut copy = q.clone();
        let first = copy.sections[0].items.remove(0);
        copy.sections.last_mut().unwrap().items.push(first.clone());
        let n = copy.items().count() - 1;
        assert_eq!(copy.index_of(&first.id), Some(n));
        assert_eq!(q.index_of(&first.id), Some(0));
        assert_eq!(q, q.clone());
    }
}
