//! Practice mode's core: standardized patient cases, the interview record,
//! and the debrief score. No terminal here; the screens are in tui::practice.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::answers::{Answer, Session};
use crate::body::BodyRegions;
use crate::condition::Names;
use crate::diagnostic::{Diagnostics, Problems};
use crate::questionnaire::{Item, Kind, Questionnaire};

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
    /// What the patient says, for questions where the answer's words alone
    /// would not sound like speech. Others are spoken from the answer.
    #[serde(default)]
    pub says: BTreeMap<String, String>,
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
    /// The id of the right next step in the findings rules.
    pub next_step: String,
    /// Why, in a sentence or two, for the debrief.
    pub teaching: String,
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
        let names = Names::new(q, BodyRegions::builtin());
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
        for id in case.says.keys().chain(&case.essential) {
            if let Err(message) = names.item(id) {
                problems.at(&format!("\"{id}\""), message);
            }
        }
        // The patient must be able to answer everything the interview can reach.
        let session = case.session(q);
        for (item, on) in q.items().zip(session.enabled(q)) {
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

    /// What the patient says when asked `item`.
    pub fn reply(&self, item: &Item) -> String {
        if let Some(s) = self.says.get(&item.id) {
            return s.clone();
        }
        match self.answers.get(&item.id) {
            None => "I'm not sure that applies to me.".to_string(),
            Some(Answer::YesNo(true)) => "Yes.".to_string(),
            Some(Answer::YesNo(false)) => "No.".to_string(),
            Some(a) => format!(
                "{}.",
                a.display(&item.kind, BodyRegions::builtin())
                    .trim_end_matches('.')
            ),
        }
    }

    /// Items the trainee must ask: every warning sign, and the case's own.
    pub fn essential<'q>(&self, q: &'q Questionnaire) -> Vec<&'q Item> {
        q.items()
            .filter(|i| i.red_flag || self.essential.contains(&i.id))
            .collect()
    }
}

/// What the trainee concluded.
#[derive(Debug, Clone, PartialEq)]
pub struct Impression {
    pub red_flags: bool,
    pub level: String,
    pub next_step: String,
}

/// The debrief: what was asked, what was missed, the impression against the key.
#[derive(Debug, Clone, PartialEq)]
pub struct Debrief {
    pub asked_essential: Vec<String>,
    pub missed_essential: Vec<String>,
    pub asked_total: usize,
    pub red_flags_right: bool,
    pub level_right: bool,
    pub next_step_right: bool,
    pub seconds: u64,
    /// 0-100: essential items count 60, the three parts of the impression 40.
    pub score: u32,
}

pub fn score(
    case: &Case,
    q: &Questionnaire,
    asked: &[String],
    impression: &Impression,
    seconds: u64,
) -> Debrief {
    let essential = case.essential(q);
    let (asked_essential, missed_essential): (Vec<&Item>, Vec<&Item>) =
        essential.iter().partition(|i| asked.contains(&i.id));
    let red_flags_right = impression.red_flags == case.key.red_flags;
    let level_right = impression.level.eq_ignore_ascii_case(&case.key.level);
    let next_step_right = impression.next_step == case.key.next_step;
    let share = if essential.is_empty() {
        1.0
    } else {
        asked_essential.len() as f64 / essential.len() as f64
    };
    let parts = [red_flags_right, level_right, next_step_right]
        .iter()
        .filter(|x| **x)
        .count() as f64;
    let score = (60.0 * share + 40.0 * parts / 3.0).round() as u32;
    Debrief {
        asked_essential: asked_essential.iter().map(|i| i.id.clone()).collect(),
        missed_essential: missed_essential.iter().map(|i| i.id.clone()).collect(),
        asked_total: asked.len(),
        red_flags_right,
        level_right,
        next_step_right,
        seconds,
        score,
    }
}

/// Asked items whose recorded answer is not what the patient said (the
/// trainee recorded it by hand), with how many were checked.
pub fn misrecorded(case: &Case, recorded: &Session, asked: &[String]) -> (Vec<String>, usize) {
    let checked: Vec<&String> = asked
        .iter()
        .filter(|id| case.answers.contains_key(*id))
        .collect();
    let wrong = checked
        .iter()
        .filter(|id| recorded.get(id) != case.answers.get(**id))
        .map(|id| id.to_string())
        .collect();
    (wrong, checked.len())
}

/// The debrief as Markdown, for the trainee's portfolio.
pub fn debrief_markdown(
    case: &Case,
    q: &Questionnaire,
    impression: &Impression,
    d: &Debrief,
    step_text: &dyn Fn(&str) -> String,
) -> String {
    let prompt = |id: &str| {
        q.item(id)
            .map_or(id.to_string(), |i| i.interviewer_prompt().to_string())
    };
    let mark = |ok: bool| if ok { "right" } else { "not right" };
    let mut out = format!(
        "# Practice debrief: {}\n\nCase `{}`. Score **{} of 100**. Time taken: {} min {} s. Questions asked: {}.\n\n",
        case.name,
        case.id,
        d.score,
        d.seconds / 60,
        d.seconds % 60,
        d.asked_total
    );
    out.push_str(&format!("> {}\n\n", case.opening));
    out.push_str(&format!(
        "## Essential questions ({} of {} asked)\n\n",
        d.asked_essential.len(),
        d.asked_essential.len() + d.missed_essential.len()
    ));
    for id in &d.missed_essential {
        out.push_str(&format!("- Missed: {}\n", prompt(id)));
    }
    for id in &d.asked_essential {
        out.push_str(&format!("- Asked: {}\n", prompt(id)));
    }
    out.push_str("\n## Impression\n\n| | yours | key | |\n|---|---|---|---|\n");
    let yn = |b: bool| if b { "yes" } else { "no" };
    out.push_str(&format!(
        "| Warning signs | {} | {} | {} |\n",
        yn(impression.red_flags),
        yn(case.key.red_flags),
        mark(d.red_flags_right)
    ));
    out.push_str(&format!(
        "| Root level | {} | {} | {} |\n",
        impression.level,
        case.key.level,
        mark(d.level_right)
    ));
    out.push_str(&format!(
        "| Next step | {} | {} | {} |\n",
        step_text(&impression.next_step),
        step_text(&case.key.next_step),
        mark(d.next_step_right)
    ));
    out.push_str(&format!("\n{}\n", case.key.teaching));
    out
}

/// Whether an item makes sense to ask in an interview (not information text).
pub fn askable(item: &Item) -> bool {
    !matches!(item.kind, Kind::Info)
}
