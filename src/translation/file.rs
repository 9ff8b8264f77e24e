//! A translation file: what it translates, its language, its review status,
//! and its texts in the shape of the structure, by id:
//! `texts: (title: "...", items: {"age": (prompt: "...")})`.

use std::collections::BTreeMap;

use ron::Value;
use serde::Deserialize;

use super::{Key, Review, Texts, Words};
use crate::diagnostic::{Diagnostic, Diagnostics, Locator};

/// What an overlay translates.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub enum Of {
    /// The questionnaire with this id.
    Questionnaire(String),
    /// The findings rules of the questionnaire with this id.
    Findings(String),
    /// The body region table.
    Regions,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    pub of: Of,
    /// Its language code ("es"), as the program is asked for it.
    pub language: String,
    pub review: Review,
    texts: Value,
}

/// Reads a translation file: its header, and its texts by key. A value that
/// is not text (nor a list of words) is an error where it is.
pub fn parse(path: &str, source: &str) -> Result<(Translation, Texts), Diagnostics> {
    let t: Translation =
        crate::questionnaire::parse_ron(path, source).map_err(|d| Diagnostics(vec![d]))?;
    let mut texts = BTreeMap::new();
    let mut bad = Vec::new();
    flatten(&t.texts, &mut Vec::new(), &mut texts, &mut bad);
    if bad.is_empty() {
        return Ok((t, Texts(texts)));
    }
    let loc = Locator::new(source);
    let found = bad.iter().map(|key| {
        let message = format!("`{}` must be text", super::dotted(key));
        loc.diagnostic(path, locate(&loc, key).0, message)
    });
    Err(Diagnostics(found.collect::<Vec<Diagnostic>>()))
}

fn flatten(value: &Value, key: &mut Key, out: &mut BTreeMap<Key, Words>, bad: &mut Vec<Key>) {
    match value {
        Value::String(text) => {
            out.insert(key.clone(), Words::One(text.clone()));
        }
        Value::Option(Some(inner)) => flatten(inner, key, out, bad),
        Value::Seq(items) => match items.iter().map(as_text).collect() {
            Some(words) => {
                out.insert(key.clone(), Words::Many(words));
            }
            None => bad.push(key.clone()),
        },
        Value::Map(map) => {
            for (name, inner) in map.iter() {
                let Some(name) = as_text(name) else {
                    bad.push(key.clone());
                    continue;
                };
                key.push(name);
                flatten(inner, key, out, bad);
                key.pop();
            }
        }
        _ => bad.push(key.clone()),
    }
}

fn as_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        _ => None,
    }
}

/// Where a key is in the file: the byte offset of its last part found,
/// and whether every part was (a missing key is placed at its parent).
pub fn locate(loc: &Locator, key: &Key) -> (usize, bool) {
    let mut at = loc.after(0, "texts:").unwrap_or(0);
    for part in key {
        let found = loc
            .key_after(at, part)
            .or_else(|| loc.after(at, &format!("{part}:")));
        match found {
            Some(next) => at = next,
            None => return (at, false),
        }
    }
    (at, true)
}

/// A text catalogue's language and its texts by key (language and review
/// status left out), to check a translated catalogue against the English.
pub fn catalogue(path: &str, source: &str) -> Result<(Option<String>, Texts), Diagnostics> {
    let value: Value =
        crate::questionnaire::parse_ron(path, source).map_err(|d| Diagnostics(vec![d]))?;
    let mut texts = BTreeMap::new();
    flatten(&value, &mut Vec::new(), &mut texts, &mut Vec::new());
    let language = match texts.get(&vec!["language".to_string()]) {
        Some(Words::One(code)) => Some(code.clone()),
        _ => None,
    };
    texts.retain(|key, _| !matches!(key.first().map(String::as_str), Some("language" | "review")));
    Ok((language, Texts(texts)))
}
