//! Practice mode's core: standardized patient cases, the interview as it
//! goes, and the debrief. No terminal here; the screens are the app's
//! (tui::app::practice).

mod debrief;
pub mod history;
mod interview;
pub mod matching;
pub mod scoring;
mod speech;
mod voices;

pub use crate::text::PracticeWords;
pub use debrief::{Made, misrecorded};
pub use interview::{
    CANDIDATES, Impression, Interview, Part, Pending, Put, Question, Turn, askable, questions,
};
pub use matching::{Index, Match, Matched, Phrasings};
pub use scoring::{Scorecard, Scoring, score};
pub use voices::{PERSONALITIES_PATH, Personality, Voice, Voices};

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::answers::{Answer, Session};
use crate::body::{BodyMarks, BodyRegions};
use crate::condition::Names;
use crate::content::Content;
use crate::diagnostic::{Diagnostics, Problems};
use crate::questionnaire::{Item, Questionnaire};

/// A standardized patient: who they are, what they say, and the key.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Case")]
pub struct Case {
    pub id: String,
    /// A fictional name.
    pub name: String,
    pub questionnaire: String,
    /// What the patient says first, in their own words.
    pub opening: String,
    /// The structured answer to each question, as the patient would give it.
    pub answers: BTreeMap<String, Answer>,
    /// How the patient talks (the words are in assets/practice/).
    #[serde(default)]
    pub personality: Personality,
    /// What the patient says to each item that applies to the case, in
    /// their own words (checked: none may be missing).
    #[serde(default)]
    pub says: BTreeMap<String, String>,
    /// What the patient says to topics outside the questionnaire
    /// ("topic.ideas", ...): the rest get "I'm not sure".
    #[serde(default)]
    pub script: BTreeMap<String, String>,
    /// Items that must be asked for this case, besides every warning sign.
    #[serde(default)]
    pub essential: Vec<String>,
    pub key: Key,
}

/// The right impression for the case.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Key {
    pub red_flags: bool,
    /// The most likely root level, or "none".
    pub level: String,
    /// The side of that root as the findings rules find it: "left",
    /// "right", "both", or "none" (the default, as when there is no root).
    #[serde(default = "no_side")]
    pub side: String,
    /// The id of the right next step in the findings rules.
    pub next_step: String,
    /// Why, in a sentence or two, for the debrief.
    pub teaching: String,
}

/// The sides a key may name (the impression's side question offers them).
pub const SIDES: [&str; 4] = ["left", "right", "both", "none"];

fn no_side() -> String {
    "none".to_string()
}

impl Case {
    pub fn parse(path: &str, source: &str, q: &Questionnaire) -> Result<Case, Diagnostics> {
        let case: Case =
            crate::questionnaire::parse_ron(path, source).map_err(|d| Diagnostics(vec![d]))?;
        let mut problems = Problems::new(path, source);
        if case.questionnaire != q.id {
            problems.at(
                "questionnaire:",
                format!(
                    "this case is for \"{}\", not \"{}\"",
                    case.questionnaire, q.id
                ),
            );
        }
        // Checked against the built-in regions, as every file is.
        let regions = BodyRegions::builtin();
        let names = Names::new(q, regions);
        for (id, answer) in &case.answers {
            match names.item(id) {
                Err(message) => problems.at(&format!("\"{id}\""), message),
                Ok(item) => {
                    if let Err(e) = answer.check(&item.kind) {
                        problems.at(&format!("\"{id}\""), format!("answer to \"{id}\": {e}"));
                    }
                    if let Answer::Body(marks) = answer {
                        for (region, message) in marks
                            .regions()
                            .filter_map(|r| Some((r, names.region(r).err()?)))
                        {
                            problems.at(&format!("\"{region}\""), message);
                        }
                    }
                }
            }
        }
        // The id names the trainee's saved files.
        let plain = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
        if case.id.is_empty() || !case.id.chars().all(plain) {
            problems.at(
                &format!("\"{}\"", case.id),
                format!(
                    "the case id \"{}\": use letters, digits, '-' and '_'",
                    case.id
                ),
            );
        }
        if !SIDES.contains(&case.key.side.as_str()) {
            let message = format!(
                "the key's side \"{}\" is not one of {}",
                case.key.side,
                SIDES.join(", ")
            );
            problems.at("side:", message);
        }
        case.check_speech(q, Voices::builtin(), &mut problems);
        for id in case.says.keys().chain(&case.essential) {
            if let Err(message) = names.item(id) {
                problems.at(&format!("\"{id}\""), message);
            }
        }
        // The patient must be able to answer everything the interview can reach.
        let session = case.session(q);
        for (item, on) in q.items().zip(session.enabled(q, regions)) {
            if on && item.required && session.get(&item.id).is_none() {
                problems.at(
                    "answers:",
                    format!(
                        "the case has no answer to \"{}\", which applies to it",
                        item.id
                    ),
                );
            }
        }
        problems.into_result(case)
    }

    /// The case's answers as a session, as if the patient had filled it in.
    pub fn session(&self, q: &Questionnaire) -> Session {
        Session {
            answers: self.answers.clone(),
            ..Session::new(q, 0)
        }
    }

    /// What the patient says when asked `item`, plainly, as the screens
    /// show it (the personality is `reply`'s).
    pub fn plain_reply(&self, item: &Item, content: &Content) -> String {
        let words = &content.text.practice;
        if let Some(s) = self.says.get(&item.id) {
            return s.clone();
        }
        match self.answers.get(&item.id) {
            None => words.not_sure.clone(),
            Some(Answer::YesNo(true)) => words.says_yes.clone(),
            Some(Answer::YesNo(false)) => words.says_no.clone(),
            Some(a) => format!("{}.", a.display(&item.kind, content).trim_end_matches('.')),
        }
    }

    /// The patient's body diagram, as their answers mark it (empty when
    /// they have none).
    pub fn body_map(&self) -> BodyMarks {
        let map = self.answers.values().find_map(|a| match a {
            Answer::Body(marks) => Some(marks.clone()),
            _ => None,
        });
        map.unwrap_or_default()
    }

    /// Items the trainee must ask: every warning sign, and the case's own.
    pub fn essential<'q>(&self, q: &'q Questionnaire) -> Vec<&'q Item> {
        q.items()
            .filter(|i| i.red_flag || self.essential.contains(&i.id))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_id_that_could_not_name_a_file_is_refused_where_it_is() {
        let q = crate::content::questionnaire();
        let source = std::fs::read_to_string("cases/l5-radiculopathy.ron").unwrap();
        assert!(Case::parse("c.ron", &source, &q).is_ok());
        let bad = source.replacen("\"l5-radiculopathy\"", "\"../l5 x\"", 1);
        let line = bad.lines().position(|l| l.contains("../l5 x")).unwrap() + 1;
        let e = Case::parse("c.ron", &bad, &q).unwrap_err().to_string();
        let at = format!("c.ron:{line}:");
        assert!(e.contains(&at) && e.contains("use letters, digits"), "{e}");
    }
}
