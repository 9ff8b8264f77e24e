//! The debrief: the scorecard skill by skill, the reasoning beside the
//! key's teaching, the patient's map beside the trainee's, and what the
//! findings rules find in the patient's answers, as one report view that
//! the screen and the Markdown file render.

use super::scoring::{Point, Scorecard, SkillScore};
use super::{Case, Interview, PracticeWords};
use crate::answers::Session;
use crate::content::Content;
use crate::findings::Rules;
use crate::questionnaire::Questionnaire;
use crate::report::{Block, Bullet, Report, Section, View};
use crate::text::fill;

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
    pub interview: &'a Interview,
    pub q: &'a Questionnaire,
    pub rules: &'a Rules,
    pub card: &'a Scorecard,
    /// The answers the trainee recorded by hand, to check; `None` when
    /// asking recorded them (guided).
    pub recorded: Option<&'a Session>,
}

impl Made<'_> {
    /// The debrief, most important first: the total, each skill with its
    /// points, the reasoning beside the key's teaching, the two maps, the
    /// recording, then the rules' findings in all of the patient's answers.
    pub fn view(&self, content: &Content) -> View {
        let words = &content.text.practice;
        let name = [("name", self.interview.case.name.as_str())];
        let mut sections = vec![self.total(words)];
        sections.extend(self.critical(words));
        for s in &self.card.skills {
            let mut section = skill(s, words);
            // The trainee's work beside the key's, under the skill it scores.
            match s.id.as_str() {
                "reasoning" => section.blocks.extend(self.reasoning(words)),
                "map" => section.blocks.push(self.maps(words)),
                _ => {}
            }
            sections.push(section);
        }
        sections.extend(self.recording(content));
        // Without findings rules there is nothing to head; the rules'
        // sections sit under the heading, as its subheadings.
        let found = self.findings(content);
        if !found.is_empty() {
            let blocks = found.into_iter().flat_map(|s| {
                let heading = (!s.heading.is_empty()).then_some(Block::Heading(s.heading));
                heading.into_iter().chain(s.blocks)
            });
            sections.push(Section {
                heading: words.findings.clone(),
                blocks: blocks.collect(),
            });
        }
        View {
            name: fill(&words.debrief, &name),
            sections,
        }
    }

    fn total(&self, words: &PracticeWords) -> Section {
        let (card, case) = (self.card, &self.interview.case);
        let n = |x: u64| x.to_string();
        let score = fill(
            &words.score,
            &[
                ("case", &case.id),
                ("score", &card.total().to_string()),
                ("minutes", &n(card.seconds / 60)),
                ("seconds", &n(card.seconds % 60)),
                ("asked", &card.asked.to_string()),
            ],
        );
        let opening = fill(&words.opening, &[("opening", &case.opening)]);
        plain("", vec![score, opening])
    }

    /// The critical errors, named before any skill: what was missed and
    /// what the patient would have said.
    fn critical(&self, words: &PracticeWords) -> Option<Section> {
        let points = &self.card.critical;
        if points.is_empty() {
            return None;
        }
        let cap = self.card.critical_cap.to_string();
        let mut blocks = Vec::new();
        for p in points {
            blocks.push(Block::Strong(p.text.clone()));
            let details = details(p, words);
            if !details.is_empty() {
                blocks.push(Block::Bullets(
                    details.into_iter().map(Bullet::new).collect(),
                ));
            }
        }
        Some(Section {
            heading: fill(&words.critical, &[("share", &cap)]),
            blocks,
        })
    }

    /// The trainee's reasoning beside the key's teaching.
    fn reasoning(&self, words: &PracticeWords) -> [Block; 2] {
        let text = self.interview.reasoning.trim();
        let text = if text.is_empty() {
            &words.nothing
        } else {
            text
        };
        let teaching = &self.interview.case.key.teaching;
        [
            Block::Paragraph(fill(&words.your_reasoning, &[("text", text)])),
            Block::Paragraph(fill(&words.teaching, &[("teaching", teaching)])),
        ]
    }

    /// The patient's map and the trainee's, each under its heading.
    fn maps(&self, words: &PracticeWords) -> Block {
        Block::Diagrams(vec![
            (words.case_map.clone(), self.interview.case.body_map()),
            (words.your_map.clone(), self.interview.map.clone()),
        ])
    }

    /// Answers recorded by hand that differ from what the patient said.
    fn recording(&self, content: &Content) -> Option<Section> {
        let words = &content.text.practice;
        let recorded = self.recorded?;
        let case = &self.interview.case;
        let (wrong, checked) = misrecorded(case, recorded, &self.interview.asked);
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
                    .map(|i| case.plain_reply(i, content))
                    .unwrap_or_default();
                let question = item.map_or(id.as_str(), |i| i.interviewer_prompt());
                let values = [("question", question), ("said", &said)];
                Block::Strong(fill(&words.misrecorded, &values))
            })
            .collect();
        Some(Section { heading, blocks })
    }

    /// The warning signs, root levels and next steps the rules find in all
    /// of the patient's answers, as the summary for the doctor words them
    /// (the key agrees with them: tests/practice.rs).
    fn findings(&self, content: &Content) -> Vec<Section> {
        let session = self.interview.case.session(self.q);
        let findings = &self.card.found;
        let report = Report::new(self.q, &session, findings, self.rules, content);
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

/// A skill's section: its points, why it matters, anything noted; then
/// each point missed or wrong standing out ("!") with what the patient
/// would have said and why it matters, and the points got in a list.
fn skill(s: &SkillScore, words: &PracticeWords) -> Section {
    let of = [
        ("skill", s.name.as_str()),
        ("got", &s.got.to_string()),
        ("of", &s.of.to_string()),
    ];
    let mut blocks = vec![Block::Paragraph(s.why.clone())];
    blocks.extend(s.notes.iter().cloned().map(Block::Paragraph));
    for p in s.points.iter().filter(|p| !p.ok) {
        blocks.push(Block::Strong(p.text.clone()));
        let details = details(p, words);
        if !details.is_empty() {
            blocks.push(Block::Bullets(
                details.into_iter().map(Bullet::new).collect(),
            ));
        }
    }
    let got: Vec<Bullet> = s
        .points
        .iter()
        .filter(|p| p.ok)
        .map(|p| Bullet {
            text: p.text.clone(),
            details: details(p, words),
        })
        .collect();
    if !got.is_empty() {
        blocks.push(Block::Bullets(got));
    }
    Section {
        heading: fill(&words.skill, &of),
        blocks,
    }
}

/// What the patient would have said, then why the point matters.
fn details(p: &Point, words: &PracticeWords) -> Vec<String> {
    let said = p.said.iter().map(|s| fill(&words.said, &[("said", s)]));
    said.chain(p.why.iter().cloned()).collect()
}

/// A section of paragraphs.
fn plain(heading: &str, paragraphs: Vec<String>) -> Section {
    Section {
        heading: heading.to_string(),
        blocks: paragraphs.into_iter().map(Block::Paragraph).collect(),
    }
}
