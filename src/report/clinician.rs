//! The clinician's view: the banner, warning signs with their evidence, the
//! radicular pattern, ranked root levels with side, score and evidence,
//! weakness, pain, scores, treatments, scans, the body diagram, next steps
//! with their reasons, and every answer.

use super::{Block, Bullet, Section, Told, View, Wording, opening, warning_signs};
use crate::findings::{Findings, Line};
use crate::text::fill;

pub(super) fn view(w: &Wording, f: &Findings, t: &Told) -> View {
    let c = &w.words.clinician;
    let note = w.language_note();
    let mut sections: Vec<Section> = opening(&c.banners, f, note.as_deref())
        .into_iter()
        .chain(warning_signs(w, f, t, &c.warning_signs, true))
        .collect();
    if f.pattern_judged {
        sections.push(Section::new(&c.findings, pattern(w, f, t)));
    }
    if !t.weakness.is_empty() {
        let list = t.weakness.iter().map(Bullet::new).collect();
        sections.push(Section::new(&c.weakness, vec![Block::Bullets(list)]));
    }
    for (heading, lines, notes) in [
        (&c.pain, &f.pain, Vec::new()),
        (&c.scores, &f.scores, score_notes(w)),
        (&c.tried, &f.tried, Vec::new()),
        (&c.scans, &f.imaging, Vec::new()),
    ] {
        if !lines.is_empty() {
            let blocks = std::iter::once(table(w, lines)).chain(notes).collect();
            sections.push(Section::new(heading, blocks));
        }
    }
    sections.extend(diagrams(w));
    if !t.steps.is_empty() {
        sections.push(Section::new(&c.steps, vec![steps(w, t)]));
    }
    sections.push(Section::new(&c.all_answers, all_answers(w)));
    View {
        name: c.name.clone(),
        sections,
    }
}

/// Whether the answers fit a radicular pattern, why, and the root levels.
fn pattern(w: &Wording, f: &Findings, t: &Told) -> Vec<Block> {
    let c = &w.words.clinician;
    if f.radicular.is_empty() {
        let said = if f.pattern_open {
            &c.radicular_open
        } else {
            &c.not_radicular
        };
        return vec![Block::Paragraph(said.clone())];
    }
    let mut blocks = vec![
        Block::Paragraph(c.radicular.clone()),
        Block::Bullets(t.radicular.iter().map(Bullet::new).collect()),
    ];
    if !t.roots.is_empty() {
        let roots = t.roots.iter().map(|r| Bullet {
            text: r.text.clone(),
            details: r.details.clone(),
        });
        blocks.push(Block::Paragraph(c.roots.clone()));
        blocks.push(Block::Numbered(roots.collect()));
    }
    blocks
}

fn table(w: &Wording, lines: &[Line]) -> Block {
    let c = &w.words.clinician;
    Block::Table {
        head: [c.question.clone(), c.answer.clone()],
        rows: lines
            .iter()
            .map(|l| [l.label.clone(), w.typed(l.value.clone(), l.typed)])
            .collect(),
    }
}

/// What each score with a value means.
fn score_notes(w: &Wording) -> Vec<Block> {
    w.q.scores
        .iter()
        .filter(|s| w.session.score(w.q, s, w.content.regions).is_some())
        .map(|s| Block::Paragraph(s.explanation.clone()))
        .collect()
}

/// Each body diagram answered, drawn and in words.
fn diagrams(w: &Wording) -> Vec<Section> {
    let c = &w.words.clinician;
    w.session
        .live_answers(w.q, w.content.regions)
        .filter_map(|(_, a)| a.marks())
        .map(|marks| {
            let described = marks
                .describe(w.content.regions, &w.content.text.body)
                .into_iter()
                .map(Bullet::new);
            Section::new(
                &c.diagram,
                vec![
                    Block::Paragraph(c.diagram_note.clone()),
                    Block::Diagram(marks.clone()),
                    Block::Bullets(described.collect()),
                ],
            )
        })
        .collect()
}

/// Each step with its reasons in one line.
fn steps(w: &Wording, t: &Told) -> Block {
    let c = &w.words.clinician;
    let list = &w.words.evidence.list;
    Block::Numbered(
        t.steps
            .iter()
            .map(|s| Bullet {
                text: s.text.clone(),
                details: (!s.details.is_empty())
                    .then(|| fill(&c.because, &[("reasons", &s.details.join(list))]))
                    .into_iter()
                    .collect(),
            })
            .collect(),
    )
}

/// Every answer shown, by section, with the whole prompt.
fn all_answers(w: &Wording) -> Vec<Block> {
    let c = &w.words.clinician;
    let live: Vec<&str> = w
        .session
        .live_answers(w.q, w.content.regions)
        .map(|(i, _)| i.id.as_str())
        .collect();
    let mut blocks = Vec::new();
    for section in &w.q.sections {
        let rows: Vec<[String; 2]> = section
            .items
            .iter()
            .filter(|i| live.contains(&i.id.as_str()))
            .filter_map(|i| {
                let answer = w.session.get(&i.id)?;
                Some([i.prompt.clone(), w.shown(answer, &i.kind)])
            })
            .collect();
        if !rows.is_empty() {
            blocks.push(Block::Heading(section.title.clone()));
            blocks.push(Block::Table {
                head: [c.question.clone(), c.answer.clone()],
                rows,
            });
        }
    }
    blocks
}
