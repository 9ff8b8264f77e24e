//! The debrief: the score, the impression against the case's key, the
//! essential questions, and what the findings rules find in the patient's
//! answers, as one report view that the screen and the Markdown file render.

use super::{Case, Impression, PracticeWords};
use crate::answers::Session;
use crate::content::Content;
use crate::findings::{Rules, evaluate};
use crate::questionnaire::{Item, Questionnaire};
use crate::report::{Block, Bullet, Report, Section, View};
use crate::text::fill;

/// How the interview went: what was asked and missed, the impression's
/// parts right or not (`None`: not asked), and the score.
#[derive(Debug, Clone, PartialEq)]
pub struct Debrief {
    pub asked_essential: Vec<String>,
    pub missed_essential: Vec<String>,
    pub asked_total: usize,
    pub red_flags_right: Option<bool>,
    pub level_right: Option<bool>,
    pub next_step_right: Option<bool>,
    pub seconds: u64,
    /// 0-100: essential items count 60, the parts of the impression asked
    /// 40. Either with nothing in it counts whole.
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
    let key = &case.key;
    let red_flags_right = impression.red_flags.map(|r| r == key.red_flags);
    let level_right = impression
        .level
        .as_ref()
        .map(|l| l.eq_ignore_ascii_case(&key.level));
    let next_step_right = impression.next_step.as_ref().map(|s| *s == key.next_step);
    let parts = [red_flags_right, level_right, next_step_right];
    let share = |right: usize, of: usize| {
        if of == 0 {
            1.0
        } else {
            right as f64 / of as f64
        }
    };
    let answered = parts.iter().flatten().count();
    let right = parts.iter().flatten().filter(|r| **r).count();
    let score =
        60.0 * share(asked_essential.len(), essential.len()) + 40.0 * share(right, answered);
    Debrief {
        asked_essential: asked_essential.iter().map(|i| i.id.clone()).collect(),
        missed_essential: missed_essential.iter().map(|i| i.id.clone()).collect(),
        asked_total: asked.len(),
        red_flags_right,
        level_right,
        next_step_right,
        seconds,
        score: score.round() as u32,
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

/// What the debrief is made from.
pub struct Made<'a> {
    pub case: &'a Case,
    pub q: &'a Questionnaire,
    pub rules: &'a Rules,
    /// Item ids in the order they were asked.
    pub asked: &'a [String],
    pub impression: &'a Impression,
    pub debrief: &'a Debrief,
    /// The answers the trainee recorded by hand, to check; `None` when
    /// asking recorded them (guided).
    pub recorded: Option<&'a Session>,
}

impl Made<'_> {
    /// The debrief, most important first: the score, the impression against
    /// the key with its teaching point, the recording, the essential
    /// questions, then the rules' findings in all of the patient's answers.
    pub fn view(&self, content: &Content) -> View {
        let words = &content.text.practice;
        let name = [("name", self.case.name.as_str())];
        let mut sections = vec![self.scored(words), self.against_key(words)];
        sections.extend(self.recording(content));
        sections.push(self.essentials(words));
        // Without findings rules there is nothing to head.
        let found = self.findings(content);
        if !found.is_empty() {
            sections.push(Section {
                heading: words.findings.clone(),
                blocks: Vec::new(),
            });
            sections.extend(found);
        }
        View {
            name: fill(&words.debrief, &name),
            sections,
        }
    }

    fn scored(&self, words: &PracticeWords) -> Section {
        let d = self.debrief;
        let n = |x: u64| x.to_string();
        let score = fill(
            &words.score,
            &[
                ("case", &self.case.id),
                ("score", &d.score.to_string()),
                ("minutes", &n(d.seconds / 60)),
                ("seconds", &n(d.seconds % 60)),
                ("asked", &d.asked_total.to_string()),
            ],
        );
        let opening = fill(&words.opening, &[("opening", &self.case.opening)]);
        plain("", vec![score, opening])
    }

    /// Each part of the impression asked, against the key; then why.
    fn against_key(&self, words: &PracticeWords) -> Section {
        let (i, d, key) = (self.impression, self.debrief, &self.case.key);
        let steps = &self.rules.practice.steps;
        let step = |id: &str| {
            let words = steps.iter().find(|(s, _)| s == id);
            words.map_or(id.to_string(), |(_, w)| w.clone())
        };
        let yn = |b: bool| words.yes_no(b).to_string();
        let rows = [
            (
                &words.red_flags,
                i.red_flags.map(yn),
                yn(key.red_flags),
                d.red_flags_right,
            ),
            (
                &words.level,
                i.level.clone(),
                key.level.clone(),
                d.level_right,
            ),
            (
                &words.next_step,
                i.next_step.as_deref().map(step),
                step(&key.next_step),
                d.next_step_right,
            ),
        ];
        let rows = rows
            .into_iter()
            .filter_map(|(template, yours, key, right)| {
                let (yours, verdict) = (yours?, words.verdict(right?));
                let values = [
                    ("yours", yours.as_str()),
                    ("key", &key),
                    ("verdict", verdict),
                ];
                Some(fill(template, &values))
            });
        let mut lines: Vec<String> = rows.collect();
        lines.push(key.teaching.clone());
        plain("", lines)
    }

    /// Answers recorded by hand that differ from what the patient said.
    fn recording(&self, content: &Content) -> Option<Section> {
        let words = &content.text.practice;
        let recorded = self.recorded?;
        let (wrong, checked) = misrecorded(self.case, recorded, self.asked);
        let right = (checked - wrong.len()).to_string();
        let heading = fill(
            &words.recording,
            &[("right", &right), ("checked", &checked.to_string())],
        );
        let blocks = wrong
            .iter()
            .map(|id| {
                let item = self.q.item(id);
                let said = item
                    .map(|i| self.case.plain_reply(i, content))
                    .unwrap_or_default();
                let question = item.map_or(id.as_str(), |i| i.interviewer_prompt());
                let values = [("question", question), ("said", &said)];
                Block::Strong(fill(&words.misrecorded, &values))
            })
            .collect();
        Some(Section { heading, blocks })
    }

    /// Every essential question, missed first.
    fn essentials(&self, words: &PracticeWords) -> Section {
        let d = self.debrief;
        let total = d.asked_essential.len() + d.missed_essential.len();
        let heading = fill(
            &words.essential,
            &[
                ("asked", &d.asked_essential.len().to_string()),
                ("total", &total.to_string()),
            ],
        );
        let prompt = |id: &String| {
            let item = self.q.item(id);
            item.map_or(id.clone(), |i| i.interviewer_prompt().to_string())
        };
        let line = |template: &str, id: &String| fill(template, &[("question", &prompt(id))]);
        // A missed question stands out, as every problem does ("!").
        let mut blocks: Vec<Block> = d
            .missed_essential
            .iter()
            .map(|id| Block::Strong(line(&words.missed, id)))
            .collect();
        let asked = d.asked_essential.iter();
        let asked: Vec<Bullet> = asked
            .map(|id| Bullet::new(line(&words.asked_essential, id)))
            .collect();
        if !asked.is_empty() {
            blocks.push(Block::Bullets(asked));
        }
        Section { heading, blocks }
    }

    /// The warning signs, root levels and next steps the rules find in all
    /// of the patient's answers, as the summary for the doctor words them
    /// (the key agrees with them: tests/practice.rs).
    fn findings(&self, content: &Content) -> Vec<Section> {
        let session = self.case.session(self.q);
        let findings = evaluate(self.q, &session, self.rules, content);
        let report = Report::new(self.q, &session, &findings, self.rules, content);
        let c = &content.text.report.clinician;
        let shown = ["", &c.warning_signs, &c.findings, &c.steps];
        report
            .clinician
            .sections
            .into_iter()
            .filter(|s| shown.contains(&s.heading.as_str()))
            .collect()
    }
}

/// A section of paragraphs.
fn plain(heading: &str, paragraphs: Vec<String>) -> Section {
    Section {
        heading: heading.to_string(),
        blocks: paragraphs.into_iter().map(Block::Paragraph).collect(),
    }
}
