//! How a standardized patient talks: the personalities' hedges, worries and
//! first vague answers, the plain "I'm not sure", the topics a case may
//! script, and the warning-sign words a patient never volunteers. All of it
//! is data (assets/practice/personalities.ron); here only the mechanism.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::diagnostic::Diagnostics;

pub const PERSONALITIES_PATH: &str = "assets/practice/personalities.ron";
const PERSONALITIES: &str = include_str!("../../assets/practice/personalities.ron");

/// How a case's patient talks. The words for each are in the data.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
pub enum Personality {
    #[default]
    Plain,
    /// Hedges what they say.
    Vague,
    /// Adds a worry to what they say.
    Anxious,
    /// Gives a vague first answer; the real one when asked again.
    PoorHistorian,
}

/// One personality's words, each used for some items only (`every`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Voice {
    /// Said before the answer.
    #[serde(default)]
    pub before: Vec<String>,
    /// Said after the answer.
    #[serde(default)]
    pub after: Vec<String>,
    /// Said instead of the answer the first time it is asked.
    #[serde(default)]
    pub first: Vec<String>,
    /// The words colour one item in `every` (1: all of them).
    #[serde(default = "one")]
    pub every: usize,
}

fn one() -> usize {
    1
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Personalities")]
pub struct Voices {
    /// What any patient says to a topic their case does not script.
    pub not_sure: String,
    /// What any patient says to a question that asks nothing they know of.
    pub not_understood: String,
    /// The topics outside the questionnaire a case may script.
    pub topics: Vec<String>,
    /// What any patient says to a topic their case does not script, where
    /// "not sure" would be odd: a summary is agreed with.
    #[serde(default)]
    pub unscripted: BTreeMap<String, String>,
    /// Ids, or prefixes ending in "." or "_", that every patient answers
    /// the first time: no vague first answer to a topic or a warning sign.
    #[serde(default)]
    pub answered_at_once: Vec<String>,
    pub voices: BTreeMap<Personality, Voice>,
    /// Words that name a warning sign, grouped by the warning-sign items
    /// whose answers may say them: never volunteered anywhere else.
    pub warning_words: Vec<WarningWords>,
    /// A warning-sign word an everyday answer to another item (or topic)
    /// may use, and where: "accident" for an injury onset.
    #[serde(default)]
    pub also_said_in: BTreeMap<String, Vec<String>>,
}

/// Words that name one warning sign, and the warning-sign items (one, or a
/// few that ask about the same thing) whose answers may say them.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Words")]
pub struct WarningWords {
    pub items: Vec<String>,
    pub words: Vec<String>,
}

impl Voices {
    pub fn parse(path: &str, source: &str) -> Result<Voices, Diagnostics> {
        crate::questionnaire::parse_ron(path, source).map_err(|d| Diagnostics(vec![d]))
    }

    pub fn builtin() -> &'static Voices {
        static VOICES: OnceLock<Voices> = OnceLock::new();
        VOICES.get_or_init(|| {
            Voices::parse(PERSONALITIES_PATH, PERSONALITIES)
                .expect("the built-in personalities parse (tested)")
        })
    }

    /// `said` as `personality` says it the `times`th time it is asked
    /// (1 is the first; 0 counts as 1). Which items are coloured is fixed by
    /// the item's id, so a replayed interview says the same.
    pub fn colour(&self, personality: Personality, id: &str, times: u32, said: &str) -> String {
        let Some(v) = self.voices.get(&personality) else {
            return said.to_string();
        };
        // Whether the item is coloured is `n % every`; which words colour it
        // is `n / every`, so every line can be picked whatever `every` is.
        let every = v.every.max(1);
        let n = stable(id);
        if !n.is_multiple_of(every) {
            return said.to_string();
        }
        let n = n / every;
        if times <= 1
            && !self.at_once(id)
            && let Some(first) = pick(&v.first, n)
        {
            return first.to_string();
        }
        let before = pick(&v.before, n).unwrap_or("");
        let after = pick(&v.after, n).unwrap_or("");
        format!("{before}{said}{after}")
    }

    /// Whether `id` is answered the first time it is asked, by every voice.
    pub fn at_once(&self, id: &str) -> bool {
        self.answered_at_once.iter().any(|a| {
            a == id || ((a.ends_with('.') || a.ends_with('_')) && id.starts_with(a.as_str()))
        })
    }

    /// The first warning-sign word `text` mentions, matched as whole words
    /// without regard to case or accents.
    pub fn warning_word(&self, text: &str) -> Option<&str> {
        self.said(text).next()
    }

    /// The first warning-sign word `text` mentions that an answer to item or
    /// topic `id` may not say: a word is said only in answer to its own
    /// warning sign's items, or where `also_said_in` allows it.
    pub fn volunteered(&self, id: &str, text: &str) -> Option<&str> {
        let said = spoken(text);
        self.warning_words
            .iter()
            .filter(|g| !g.items.iter().any(|i| i == id))
            .flat_map(|g| &g.words)
            .filter(|w| {
                !self
                    .also_said_in
                    .get(*w)
                    .is_some_and(|ids| ids.iter().any(|i| i == id))
            })
            .find(|w| said.contains(&spoken(w)))
            .map(String::as_str)
    }

    fn said<'a>(&'a self, text: &str) -> impl Iterator<Item = &'a str> {
        let said = spoken(text);
        self.warning_words
            .iter()
            .flat_map(|g| &g.words)
            .filter(move |w| said.contains(&spoken(w)))
            .map(String::as_str)
    }
}

/// `s`'s words, folded, between spaces: a whole-word phrase is a substring.
fn spoken(s: &str) -> String {
    let w: Vec<String> = crate::text::fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    format!(" {} ", w.join(" "))
}

/// A number from an id that does not change between runs or builds.
fn stable(id: &str) -> usize {
    id.bytes().map(usize::from).sum()
}

fn pick(lines: &[String], n: usize) -> Option<&str> {
    (!lines.is_empty()).then(|| lines[n % lines.len()].as_str())
}
