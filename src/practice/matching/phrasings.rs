//! The phrasings file (questionnaires/back-pain-phrasings.ron): the ways a
//! question may be asked, by item id or topic, with the matcher's words
//! and thresholds; checked against its questionnaire, each problem at
//! path:line:col.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::words::{Words, split, stem};
use crate::diagnostic::{Diagnostics, Problems};
use crate::questionnaire::{Item, Kind, Questionnaire};

/// Ids of what an examiner scores outside the questionnaire start so.
pub const TOPIC: &str = "topic.";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Phrasings")]
pub struct Phrasings {
    pub questionnaire: String,
    /// The least score (a cosine, 0 to 1) of a sure match.
    pub floor: f32,
    /// How far a sure match beats the next item.
    pub margin: f32,
    /// The least score (below `floor`) of a match offered to confirm:
    /// under it the question is not understood.
    pub offer: f32,
    /// The share of the best score at which another item is covered too
    /// (itself at `floor` or above).
    pub covered: f32,
    /// The least share of a question's weight (its squared, normalised
    /// term weights) that an item must hold alone, beside the best, to be
    /// covered too.
    pub own_part: f32,
    pub stop_words: Vec<String>,
    /// Words that ask nothing by themselves ("problem", "change", "weak"):
    /// an item is covered, or sure, only through a question's other words.
    #[serde(default)]
    pub generic_words: Vec<String>,
    /// Ordinary words a question may use that no phrasing does: never
    /// taken for a typo of one ("buttock" is not "buttons").
    #[serde(default)]
    pub ordinary_words: Vec<String>,
    /// A word or phrase, and the words of the phrasings it stands for.
    pub synonyms: BTreeMap<String, Vec<String>>,
    /// A topic and the phrases that make it sure whatever else the
    /// question names: a summary speaks of the items it sums up.
    #[serde(default)]
    pub cues: BTreeMap<String, Vec<String>>,
    /// Items of the questionnaire practice never asks: a patient is shown
    /// them only to check an answer against their own drawing.
    #[serde(default)]
    pub not_in_practice: Vec<String>,
    /// Items one question asks together, so asking one surely asks the
    /// others ("is the weakness getting worse?").
    #[serde(default)]
    pub together: Vec<Vec<String>>,
    /// Item id or topic id to the ways it may be asked.
    pub phrasings: BTreeMap<String, Vec<String>>,
}

impl Phrasings {
    /// A phrasings file for `q`, checked against it.
    pub fn parse(path: &str, source: &str, q: &Questionnaire) -> Result<Phrasings, Diagnostics> {
        let p: Phrasings =
            crate::questionnaire::parse_ron(path, source).map_err(|d| Diagnostics(vec![d]))?;
        let mut problems = Problems::new(path, source);
        p.check(q, &mut problems);
        problems.into_result(p)
    }

    /// The built-in phrasings as written, unchecked (the check asks them
    /// which items practice asks).
    pub fn builtin() -> &'static Phrasings {
        static BUILTIN: OnceLock<Phrasings> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            use crate::content::{PHRASINGS, PHRASINGS_PATH};
            crate::questionnaire::parse_ron(PHRASINGS_PATH, PHRASINGS)
                .expect("the built-in phrasings parse (tested)")
        })
    }

    /// Whether practice asks `item`: not information text, nor an item
    /// these phrasings leave out.
    pub fn asks(&self, item: &Item) -> bool {
        !matches!(item.kind, Kind::Info) && !self.not_in_practice.contains(&item.id)
    }

    /// The words every question is read with; the phrasings learnt.
    pub fn words(&self) -> Words {
        let mut words = Words::new(&self.stop_words, &self.synonyms);
        words.ordinary(&self.ordinary_words);
        for text in self.phrasings.values().flatten() {
            words.learn(text);
        }
        words
    }

    fn check(&self, q: &Questionnaire, p: &mut Problems) {
        if self.questionnaire != q.id {
            let m = format!(
                "these phrasings are for \"{}\", not \"{}\"",
                self.questionnaire, q.id
            );
            p.at("questionnaire:", m);
        }
        for (name, value) in [
            ("floor", self.floor),
            ("margin", self.margin),
            ("offer", self.offer),
            ("covered", self.covered),
            ("own_part", self.own_part),
        ] {
            if !(0.0..=1.0).contains(&value) {
                p.at(
                    &format!("{name}:"),
                    format!("{name}: {value} is not between 0 and 1"),
                );
            }
        }
        if self.offer > self.floor {
            let m = format!("offer: {} is above floor: {}", self.offer, self.floor);
            p.at("offer:", m);
        }
        self.check_ids(q, p);
        self.check_left_out(q, p);
        self.check_synonyms(p);
    }

    fn check_ids(&self, q: &Questionnaire, p: &mut Problems) {
        let from = p.locator().after(0, "phrasings:").unwrap_or(0);
        let words = Words::new(&self.stop_words, []);
        for (id, texts) in &self.phrasings {
            let at = p.locator().key_after(from, id).unwrap_or(from);
            let item = q.items().find(|i| &i.id == id);
            if !id.starts_with(TOPIC) && item.is_none_or(|i| !self.asks(i)) {
                let m = format!(
                    "no question \"{id}\" in \"{}\" (a topic's id starts \"{TOPIC}\")",
                    q.id
                );
                p.at_offset(at, m);
            }
            if texts.is_empty() {
                p.at_offset(
                    at,
                    format!("\"{id}\" has no phrasings: give the ways it may be asked"),
                );
            }
            for text in texts.iter().filter(|t| words.plain_terms(t).is_empty()) {
                let at = p.locator().string_after(at, text).unwrap_or(at);
                p.at_offset(
                    at,
                    format!("\"{text}\" has no words to match (only stop words)"),
                );
            }
        }
        for (topic, _) in self
            .cues
            .iter()
            .filter(|(t, _)| !self.phrasings.contains_key(*t))
        {
            let at = p.locator().key_after(0, topic).unwrap_or(0);
            let m = format!("\"{topic}\" has cues but no phrasings: cue only what is asked");
            p.at_offset(at, m);
        }
        for item in q.items().filter(|i| self.asks(i)) {
            if !self.phrasings.contains_key(&item.id) {
                p.at_offset(
                    from,
                    format!(
                        "\"{}\" has no phrasings: give the ways it may be asked",
                        item.id
                    ),
                );
            }
        }
    }

    /// An item left out of practice is one of the questionnaire's.
    fn check_left_out(&self, q: &Questionnaire, p: &mut Problems) {
        let from = p.locator().after(0, "not_in_practice:").unwrap_or(0);
        for id in &self.not_in_practice {
            if q.item(id).is_none() {
                let at = p.locator().string_after(from, id).unwrap_or(from);
                p.at_offset(
                    at,
                    format!("no question \"{id}\" in \"{}\" to leave out", q.id),
                );
            }
        }
        let from = p.locator().after(0, "together:").unwrap_or(0);
        for id in self.together.iter().flatten() {
            if q.item(id).is_none() {
                let at = p.locator().string_after(from, id).unwrap_or(from);
                p.at_offset(
                    at,
                    format!("no question \"{id}\" in \"{}\" to ask together", q.id),
                );
            }
        }
    }

    /// A synonym must add words some phrasing uses, or it matches nothing.
    fn check_synonyms(&self, p: &mut Problems) {
        let words = self.words();
        for (key, to) in &self.synonyms {
            let at = p.locator().key_after(0, key).unwrap_or(0);
            let dead: Vec<&String> = to
                .iter()
                .filter(|t| split(t).iter().any(|w| !words.knows_stem(&stem(w))))
                .collect();
            if to.is_empty() || split(key).is_empty() {
                p.at_offset(at, format!("the synonym \"{key}\" maps to nothing"));
            }
            for word in dead {
                let m = format!("the synonym \"{key}\" maps to \"{word}\", which no phrasing uses");
                p.at_offset(at, m);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BROKEN: &str = r#"Phrasings(
    questionnaire: "back-pain-intake",
    floor: 0.35, margin: 0.08, offer: 0.5, covered: 1.5, own_part: 0.2,
    stop_words: ["the"],
    synonyms: {"brolly": ["umbrella"], "nil": []},
    phrasings: {
        "age": ["how old"],
        "nope": ["what"],
        "duration": [],
        "onset": ["the"],
    },
    cues: {"topic.recap": ["recap"]},
    not_in_practice: ["check_legs", "nowhere"],
    together: [["weak_change", "elsewhere"]],
)"#;

    /// `t.ron:LINE:COL` of `needle` on a line of BROKEN.
    fn at(line: usize, needle: &str) -> String {
        let text = BROKEN.lines().nth(line - 1).unwrap();
        format!("t.ron:{line}:{}: ", text.find(needle).unwrap() + 1)
    }

    #[test]
    fn each_problem_is_placed_where_it_is() {
        let q = crate::content::questionnaire();
        let e = Phrasings::parse("t.ron", BROKEN, &q)
            .unwrap_err()
            .to_string();
        for (line, needle, message) in [
            (3, "covered:", "covered: 1.5 is not between 0 and 1"),
            (3, "offer:", "offer: 0.5 is above floor: 0.35"),
            (
                5,
                "\"brolly\"",
                "the synonym \"brolly\" maps to \"umbrella\", which no phrasing uses",
            ),
            (5, "\"nil\"", "the synonym \"nil\" maps to nothing"),
            (
                8,
                "\"nope\"",
                "no question \"nope\" in \"back-pain-intake\"",
            ),
            (9, "\"duration\"", "\"duration\" has no phrasings"),
            (10, "\"the\"", "\"the\" has no words to match"),
            (6, "phrasings:", "\"pain_now\" has no phrasings"),
            (
                12,
                "\"topic.recap\"",
                "\"topic.recap\" has cues but no phrasings",
            ),
            (
                13,
                "\"nowhere\"",
                "no question \"nowhere\" in \"back-pain-intake\" to leave out",
            ),
            (
                14,
                "\"elsewhere\"",
                "no question \"elsewhere\" in \"back-pain-intake\" to ask together",
            ),
        ] {
            let want = format!("{}{message}", at(line, needle));
            assert!(
                e.lines().any(|l| l.starts_with(&want)),
                "{want}\nnot in\n{e}"
            );
        }
        assert!(!e.contains("\"age\" has no phrasings"), "{e}");
        // An item left out of practice needs no phrasings.
        assert!(!e.contains("\"check_legs\" has no phrasings"), "{e}");
        assert!(e.contains("\"check_arms\" has no phrasings"), "{e}");
    }

    #[test]
    fn the_built_in_phrasings_cover_every_question() {
        let q = crate::content::questionnaire();
        let p = crate::content::phrasings_for(&q).expect("valid");
        let mut askable = q.items().filter(|i| crate::practice::askable(i));
        assert!(askable.all(|i| p.phrasings[&i.id].len() >= 3));
        assert!(
            p.phrasings
                .keys()
                .filter(|id| id.starts_with(TOPIC))
                .count()
                >= 8
        );
    }
}
