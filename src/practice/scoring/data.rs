//! The scoring's data (assets/practice/scoring.ron): the skills and their
//! weights, what a hint costs, the cap, the time band and the structure's
//! topics, each with why it matters. Checked at path:line:col.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::diagnostic::{Diagnostics, Problems};

pub const SCORING_PATH: &str = "assets/practice/scoring.ron";
const SCORING: &str = include_str!("../../../assets/practice/scoring.ron");

/// The skills an interview is scored on, in the debrief's order.
pub const SKILLS: [&str; 7] = [
    "history",
    "warning_signs",
    "map",
    "impression",
    "reasoning",
    "structure",
    "time",
];

/// What the reasoning is checked for.
pub const REASONING_PARTS: [&str; 5] = ["wrote", "level", "side", "warning", "evidence"];

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Scoring")]
pub struct Scoring {
    pub skills: Vec<Skill>,
    /// Items every back-pain history covers, besides each case's own.
    pub core: Vec<String>,
    /// Why an item matters, for the trainee, where the questionnaire's own
    /// reason (written for patients) does not teach it.
    #[serde(default)]
    pub teaching: BTreeMap<String, String>,
    /// The share (percent) of its worth an item asked only from the list
    /// counts.
    pub hint: u32,
    /// The impression's most (percent) when a warning sign was not asked.
    pub capped: u32,
    /// The total's most (percent) after a critical error.
    pub critical_cap: u32,
    /// The share (percent) of the map's points each left/right error costs.
    pub mirror_cost: u32,
    /// How many of the patient's places not marked the debrief names.
    pub not_marked_shown: usize,
    pub time: Band,
    pub topics: Vec<Topic>,
    /// Words that deny any warning sign ("no red flags"): in a case with
    /// one, the reasoning's warning part fails.
    pub denials: Vec<String>,
    pub common_words: Vec<String>,
    pub reasoning_words: usize,
    /// What each part of the reasoning checks, in words for the debrief.
    pub reasoning_parts: BTreeMap<String, String>,
    /// The words that name each side ("left", "both": "bilateral").
    pub side_terms: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    pub id: String,
    pub name: String,
    pub weight: u32,
    pub why: String,
}

/// Full marks up to `full` seconds, none from `none`.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub full: u64,
    pub none: u64,
}

impl Band {
    /// The share of the marks for taking `seconds`.
    pub fn share(&self, seconds: u64) -> f64 {
        if seconds <= self.full {
            1.0
        } else if seconds >= self.none {
            0.0
        } else {
            (self.none - seconds) as f64 / (self.none - self.full) as f64
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: String,
    /// Questionnaire items that take the same step: "anything else you
    /// want me to know?" closes as well as the closing topic does.
    #[serde(default)]
    pub also: Vec<String>,
    pub label: String,
    pub when: When,
    pub why: String,
}

/// When a structure topic counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum When {
    /// The first thing asked.
    First,
    Anywhere,
    /// After at least this many questionnaire items.
    AfterHistory(usize),
    /// Among the last this many questions.
    Last(usize),
}

impl Scoring {
    pub fn parse(path: &str, source: &str) -> Result<Scoring, Diagnostics> {
        let s: Scoring =
            crate::questionnaire::parse_ron(path, source).map_err(|d| Diagnostics(vec![d]))?;
        let mut p = Problems::new(path, source);
        s.check(&mut p);
        p.into_result(s)
    }

    pub fn builtin() -> &'static Scoring {
        static SCORING_DATA: OnceLock<Scoring> = OnceLock::new();
        SCORING_DATA.get_or_init(|| {
            Scoring::parse(SCORING_PATH, SCORING).expect("the built-in scoring parses (tested)")
        })
    }

    fn check(&self, p: &mut Problems) {
        let sum: u32 = self.skills.iter().map(|s| s.weight).sum();
        if sum != 100 {
            p.at(
                "skills:",
                format!("the skills' weights sum to {sum}, not 100"),
            );
        }
        for (n, skill) in self.skills.iter().enumerate() {
            let known = SKILLS.contains(&skill.id.as_str());
            let again = self.skills[..n].iter().any(|s| s.id == skill.id);
            if !known || again {
                let why = if again { "again" } else { "unknown" };
                let message = format!(
                    "skill \"{}\" {why}: one each of {}",
                    skill.id,
                    SKILLS.join(", ")
                );
                p.at_id(&skill.id, 0, message);
            }
        }
        for id in SKILLS
            .iter()
            .filter(|id| !self.skills.iter().any(|s| s.id == **id))
        {
            p.at("skills:", format!("skill \"{id}\" has no weight"));
        }
        let shares = [
            ("hint", self.hint),
            ("capped", self.capped),
            ("critical_cap", self.critical_cap),
            ("mirror_cost", self.mirror_cost),
        ];
        for (name, share) in shares.into_iter().filter(|(_, s)| *s > 100) {
            p.at(
                &format!("{name}:"),
                format!("\"{name}\" is a share: {share} is over 100"),
            );
        }
        if self.time.full >= self.time.none {
            p.at("time:", "full marks must end before none begin".to_string());
        }
        for t in self
            .topics
            .iter()
            .filter(|t| !t.id.starts_with(super::super::matching::TOPIC))
        {
            p.at_id(&t.id, 0, format!("\"{}\" is not a topic (topic.*)", t.id));
        }
        self.check_ids(p);
        for part in REASONING_PARTS
            .iter()
            .filter(|r| !self.reasoning_parts.contains_key(**r))
        {
            p.at(
                "reasoning_parts:",
                format!("no words for the reasoning part \"{part}\""),
            );
        }
    }

    /// The core items, each topic and what it takes as `also`, against the
    /// built-in questionnaire and its phrasings' topics.
    fn check_ids(&self, p: &mut Problems) {
        let q = crate::content::questionnaire();
        let phrasings = crate::content::phrasings_for(&q);
        let topics: Vec<&String> = phrasings.iter().flat_map(|p| p.phrasings.keys()).collect();
        let topic = |id: &String| topics.contains(&id);
        let ids = self.core.iter().chain(self.teaching.keys());
        for id in ids.filter(|id| q.item(id).is_none()) {
            p.at(
                &format!("\"{id}\""),
                format!("\"{id}\" is no item of \"{}\"", q.id),
            );
        }
        for t in self.topics.iter().filter(|t| !topic(&t.id)) {
            p.at_id(&t.id, 0, format!("topic \"{}\" has no phrasings", t.id));
        }
        let also = self.topics.iter().flat_map(|t| &t.also);
        for id in also.filter(|id| q.item(id).is_none() && !topic(id)) {
            p.at(
                &format!("\"{id}\""),
                format!("\"{id}\" is no item nor topic"),
            );
        }
    }

    pub fn skill(&self, id: &str) -> Option<&Skill> {
        self.skills.iter().find(|s| s.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_scoring_is_sound() {
        let s = Scoring::builtin();
        assert_eq!(s.skills.iter().map(|s| s.weight).sum::<u32>(), 100);
        assert_eq!(Band { full: 10, none: 20 }.share(15), 0.5);
        // The core and every topic are the questionnaire's (check_ids).
        assert!(Scoring::parse(SCORING_PATH, SCORING).is_ok());
        assert!(!s.core.is_empty());
    }
}
