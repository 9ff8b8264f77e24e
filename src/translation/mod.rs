//! Translations: a language is an overlay of texts keyed by ids, beside the
//! one structure it translates (questionnaire, findings rules, region table).
//! Applying it yields a translated copy with the same ids, codes and
//! conditions, so the rest of the program, and every code in JSON and FHIR,
//! is the same in every language. Every overlay carries its review status.
//!
//! Each translated structure names its texts by a key (a path of ids and
//! field names) in one walk (`Translatable`): the same walk lists the
//! English texts, checks an overlay against them, and applies it.

mod check;
mod file;
pub mod validate;
mod walk;

use std::collections::BTreeMap;

use serde::Deserialize;

pub use check::check;
pub use file::{Of, Translation, catalogue, parse};

/// A text's place in its structure: ids and field names, outermost first.
pub type Key = Vec<String>;

/// Who checked a translation, shown to staff in `intake validate` and the
/// clinician's part of the summary: clinical text must be reviewed by a
/// qualified translator before it is relied on.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub enum Review {
    NotReviewed,
    Reviewed { by: String, on: String },
}

/// The texts of one structure, or of an overlay, by key.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Texts(pub BTreeMap<Key, Words>);

/// One text, or a list of words (a region's search words, which need not
/// match the English one for one).
#[derive(Debug, Clone, PartialEq)]
pub enum Words {
    One(String),
    Many(Vec<String>),
}

/// A text in a structure, for the walk to read or replace.
pub enum Slot<'a> {
    One(&'a mut String),
    Many(&'a mut Vec<String>),
}

/// A structure with translatable texts, each named by its key.
pub trait Translatable {
    fn walk(&mut self, visit: &mut dyn FnMut(Key, Slot));
}

/// The texts of `english` that a translation must give: every text that
/// is not empty, and every list of words (which may be left out).
pub fn texts<T: Translatable + Clone>(english: &T) -> Texts {
    let mut found = BTreeMap::new();
    english.clone().walk(&mut |key, slot| match slot {
        Slot::One(text) if !text.trim().is_empty() => {
            found.insert(key, Words::One(text.clone()));
        }
        Slot::One(_) => {}
        Slot::Many(words) => {
            found.insert(key, Words::Many(words.clone()));
        }
    });
    Texts(found)
}

/// A copy of `english` with every text the overlay gives replaced.
pub fn apply<T: Translatable + Clone>(english: &T, overlay: &Texts) -> T {
    let mut copy = english.clone();
    copy.walk(&mut |key, slot| match (slot, overlay.0.get(&key)) {
        (Slot::One(text), Some(Words::One(given))) => *text = given.clone(),
        (Slot::Many(words), Some(Words::Many(given))) => *words = given.clone(),
        _ => {}
    });
    copy
}

/// A key as messages show it: `items.pain_where.prompt`.
pub fn dotted(key: &Key) -> String {
    key.join(".")
}

/// The `{names}` a template fills, in order of their first use.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    for (start, _) in text.match_indices('{') {
        let rest = &text[start + 1..];
        let Some(end) = rest.find('}') else { break };
        let name = &rest[..end];
        let plain = |c: char| c.is_ascii_alphanumeric() || c == '_';
        if !name.is_empty() && name.chars().all(plain) && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

impl Review {
    /// The status in staff's words, from the catalogue.
    pub fn words(&self, text: &crate::text::TranslationWords) -> String {
        match self {
            Review::NotReviewed => text.not_reviewed.clone(),
            Review::Reviewed { by, on } => {
                crate::text::fill(&text.reviewed, &[("by", by), ("on", on)])
            }
        }
    }
}
