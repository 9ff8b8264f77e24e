//! Scoring an interview as an examiner marks a history station: each skill
//! its points (assets/practice/scoring.ron), each point itemised with why
//! it matters and, for a missed question, what the patient would have said.

mod data;
mod impression;
mod map;
mod questions;
mod structure;

pub use data::{Band, REASONING_PARTS, SCORING_PATH, SKILLS, Scoring, Skill, Topic, When};

use super::{Interview, Voices};
use crate::content::Content;
use crate::findings::{Findings, Rules, evaluate};
use crate::questionnaire::Questionnaire;

/// One point of a skill: what it checks (an item, topic or part id), right
/// or not, in words, and why it matters.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub id: String,
    pub ok: bool,
    pub text: String,
    pub why: Option<String>,
    /// What the patient would have said to a question not asked.
    pub said: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SkillScore {
    pub id: String,
    pub name: String,
    pub got: u32,
    pub of: u32,
    pub why: String,
    pub points: Vec<Point>,
    /// Said before the points (the impression's cap, the map's overlap).
    pub notes: Vec<String>,
}

/// A trainee place whose mirror is the patient's (region ids).
#[derive(Debug, Clone, PartialEq)]
pub struct Mirrored {
    pub marked: String,
    pub truth: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scorecard {
    pub skills: Vec<SkillScore>,
    pub seconds: u64,
    /// Questions asked in all (items and topics).
    pub asked: usize,
    /// Critical errors: each one caps the total.
    pub critical: Vec<Point>,
    /// The total's most (of 100) after a critical error.
    pub critical_cap: u32,
    /// What the rules find in all of the patient's answers (the debrief
    /// shows them).
    pub found: Findings,
}

impl Scorecard {
    /// Per skill: its id, the points got and the points it is worth.
    pub fn skills(&self) -> Vec<(String, u32, u32)> {
        let s = self.skills.iter();
        s.map(|s| (s.id.clone(), s.got, s.of)).collect()
    }

    /// Out of 100, capped after a critical error.
    pub fn total(&self) -> u32 {
        let sum = self.skills.iter().map(|s| s.got).sum();
        if self.critical.is_empty() {
            sum
        } else {
            self.critical_cap.min(sum)
        }
    }

    pub fn skill(&self, id: &str) -> Option<&SkillScore> {
        self.skills.iter().find(|s| s.id == id)
    }

    /// Warning-sign items not asked at all (their points say what the
    /// patient would have said).
    pub fn missed_warning_signs(&self) -> Vec<&str> {
        let points = self.skill("warning_signs").map(|s| s.points.as_slice());
        let missed = points
            .unwrap_or_default()
            .iter()
            .filter(|p| p.said.is_some());
        missed.map(|p| p.id.as_str()).collect()
    }

    /// The map's left/right errors: each place marked whose mirror is the
    /// patient's (the map's points are these errors).
    pub fn mirrored(&self) -> Vec<Mirrored> {
        let regions = crate::body::BodyRegions::builtin();
        let points = self.skill("map").map(|s| s.points.as_slice());
        let wrong = points.unwrap_or_default().iter().filter(|p| !p.ok);
        wrong
            .filter_map(|p| {
                let truth = regions.mirror(&p.id)?;
                Some(Mirrored {
                    marked: p.id.clone(),
                    truth: truth.id.clone(),
                })
            })
            .collect()
    }

    /// Whether point `id` of skill `skill` is right (`None`: not scored).
    pub fn right(&self, skill: &str, id: &str) -> Option<bool> {
        let points = &self.skill(skill)?.points;
        points.iter().find(|p| p.id == id).map(|p| p.ok)
    }
}

/// What a skill is scored from.
pub(crate) struct Marking<'a> {
    pub i: &'a Interview,
    pub q: &'a Questionnaire,
    pub rules: &'a Rules,
    pub content: &'a Content<'a>,
    pub s: &'a Scoring,
    pub voices: &'a Voices,
    /// What the rules find in all of the patient's answers.
    pub found: Findings,
}

/// A skill's share of its points (0 to 1), its points and notes.
pub(crate) type Marked = (f64, Vec<Point>, Vec<String>);

/// Scores interview `i`, which took `seconds`, with the built-in scoring.
pub fn score(
    i: &Interview,
    seconds: u64,
    q: &Questionnaire,
    rules: &Rules,
    content: &Content,
) -> Scorecard {
    score_with(Scoring::builtin(), i, seconds, q, rules, content)
}

pub fn score_with(
    s: &Scoring,
    i: &Interview,
    seconds: u64,
    q: &Questionnaire,
    rules: &Rules,
    content: &Content,
) -> Scorecard {
    let found = evaluate(q, &i.case.session(q), rules, content);
    let m = Marking {
        i,
        q,
        rules,
        content,
        s,
        voices: Voices::builtin(),
        found,
    };
    let skills: Vec<SkillScore> = s
        .skills
        .iter()
        .map(|skill| {
            let (share, points, notes) = match skill.id.as_str() {
                "history" => m.history(),
                "warning_signs" => m.warning_signs(),
                "map" => m.map(),
                "impression" => m.impression(),
                "reasoning" => m.reasoning(),
                "structure" => m.structure(),
                "time" => m.time(seconds),
                // Refused by the file's check; scored as nothing here.
                _ => (0.0, Vec::new(), Vec::new()),
            };
            SkillScore {
                id: skill.id.clone(),
                name: skill.name.clone(),
                got: (skill.weight as f64 * share.clamp(0.0, 1.0)).round() as u32,
                of: skill.weight,
                why: skill.why.clone(),
                points,
                notes,
            }
        })
        .collect();
    Scorecard {
        skills,
        seconds,
        asked: i.asked.len(),
        critical: m.critical(),
        critical_cap: s.critical_cap,
        found: m.found,
    }
}

/// `part` of `of`, whole when there is nothing to count.
pub(crate) fn share(part: usize, of: usize) -> f64 {
    if of == 0 {
        1.0
    } else {
        part as f64 / of as f64
    }
}
