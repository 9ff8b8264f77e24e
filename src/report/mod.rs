//! One report of a session, in data: the patient's view and the clinician's,
//! each a list of sections of blocks (banner, paragraphs, lists, tables, the
//! body diagram), and the findings as told, with their ids. The summary
//! screen and every file (Markdown, JSON, FHIR, HTML) render it. No terminal
//! here.

mod clinician;
mod patient;
mod told;
pub mod wording;

pub use told::{Entry, Told, Unasked};
pub use wording::Wording;

use crate::answers::Session;
use crate::body::BodyMarks;
use crate::content::Content;
use crate::findings::{Findings, Level, Rules};
use crate::questionnaire::Questionnaire;
use crate::text::fill;

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The most serious warning level found.
    pub level: Option<Level>,
    /// The findings in the words both views use, for files to carry.
    pub told: Told,
    pub patient: View,
    pub clinician: View,
}

/// One reader's view of the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    /// What it is called on its tab and as a heading.
    pub name: String,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Empty for the opening section (the banner).
    pub heading: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Banner(Level, String),
    Paragraph(String),
    /// A line that must stand out, such as questions the doctor must ask.
    Strong(String),
    /// A heading inside a section.
    Heading(String),
    Bullets(Vec<Bullet>),
    Numbered(Vec<Bullet>),
    Table {
        head: [String; 2],
        rows: Vec<[String; 2]>,
    },
    /// The body diagram with these marks, drawn as each output can.
    Diagram(BodyMarks),
    /// Body diagrams to compare, each under its heading: side by side
    /// where there is room, else one above the other.
    Diagrams(Vec<(String, BodyMarks)>),
}

/// An entry of a list, with lines under it (evidence, reasons).
#[derive(Debug, Clone, PartialEq)]
pub struct Bullet {
    pub text: String,
    pub details: Vec<String>,
}

impl Bullet {
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            details: Vec::new(),
        }
    }
}

/// One reader's language: the questionnaire, rules and words in it, and
/// the findings as they word them (the same findings in every language).
#[derive(Clone, Copy)]
pub struct Reader<'a> {
    pub q: &'a Questionnaire,
    pub rules: &'a Rules,
    pub content: &'a Content<'a>,
    pub findings: &'a Findings,
}

impl<'a> Reader<'a> {
    fn wording(&self, session: &'a Session) -> Wording<'a> {
        Wording {
            q: self.q,
            session,
            rules: self.rules,
            words: &self.content.text.report,
            content: self.content,
            typed_in: None,
            answered_in: None,
        }
    }
}

impl Report {
    pub fn new(
        q: &Questionnaire,
        session: &Session,
        findings: &Findings,
        rules: &Rules,
        content: &Content,
    ) -> Self {
        let reader = Reader {
            q,
            rules,
            content,
            findings,
        };
        Self::bilingual(session, reader, reader)
    }

    /// The patient's view in the patient's language, the clinician's in the
    /// clinic's; files carry the clinic's words. When the two differ the
    /// clinician is told so, with the translation's review status, and
    /// sees the patient's typed answers marked as their own words.
    pub fn bilingual(session: &Session, patient: Reader, clinic: Reader) -> Self {
        let p = patient.wording(session);
        let mut c = clinic.wording(session);
        c.answered_in = Some(patient.content.text);
        if patient.content.text.language != clinic.content.text.language {
            c.typed_in = Some(patient.content.text);
        }
        let told = Told::new(&c, clinic.findings);
        Self {
            level: clinic.findings.top_level(),
            patient: patient::view(&p, patient.findings, &Told::new(&p, patient.findings)),
            clinician: clinician::view(&c, clinic.findings, &told),
            told,
        }
    }

    /// The patient's view first.
    pub fn views(&self) -> [&View; 2] {
        [&self.patient, &self.clinician]
    }
}

impl View {
    /// The banner over this view, when a warning sign was found.
    pub fn banner(&self) -> Option<&str> {
        let mut blocks = self.sections.iter().flat_map(|s| &s.blocks);
        blocks.find_map(|b| match b {
            Block::Banner(_, text) => Some(text.as_str()),
            _ => None,
        })
    }
}

impl Section {
    fn new(heading: &str, blocks: Vec<Block>) -> Self {
        Self {
            heading: heading.to_string(),
            blocks,
        }
    }
}

/// The opening section: the banner of the most serious warning sign, then
/// what every reader is told first.
fn opening(banners: &crate::text::Levels, f: &Findings, first: Option<&str>) -> Option<Section> {
    let banner = f
        .top_level()
        .map(|level| Block::Banner(level, banners.get(level).to_string()));
    let blocks: Vec<Block> = banner
        .into_iter()
        .chain(first.map(|p| Block::Paragraph(p.to_string())))
        .collect();
    (!blocks.is_empty()).then(|| Section::new("", blocks))
}

/// The warning signs found, those not asked, or that none was reported,
/// and answers left disagreeing with the body diagram; the clinician's
/// with the evidence of each.
fn warning_signs(
    w: &Wording,
    f: &Findings,
    t: &Told,
    heading: &str,
    evidence: bool,
) -> Option<Section> {
    let bullet = |text: &str, details: &[String]| Bullet {
        text: text.to_string(),
        details: if evidence {
            details.to_vec()
        } else {
            Vec::new()
        },
    };
    let mut blocks = Vec::new();
    if !t.flags.is_empty() {
        let flags = t.flags.iter().map(|x| bullet(&x.text, &x.details));
        blocks.push(Block::Bullets(flags.collect()));
    }
    let alerts = &w.rules.alerts;
    if !t.unasked.is_empty() {
        blocks.push(Block::Strong(alerts.not_answered.clone()));
        let questions = t
            .unasked
            .iter()
            .map(|u| Bullet::new(if evidence { &u.label } else { &u.question }));
        blocks.push(Block::Bullets(questions.collect()));
    } else if f.flags.is_empty() && !alerts.none_reported.is_empty() {
        let none = match evidence {
            true => &w.words.clinician.none_reported,
            false => &alerts.none_reported,
        };
        blocks.push(Block::Paragraph(none.clone()));
    }
    // The doctor sees what was answered no beside what was raised.
    if evidence && !f.flags.is_empty() && !f.negatives.is_empty() {
        let labels: Vec<&str> = f.negatives.iter().map(|id| w.label(id)).collect();
        let text = fill(
            &w.words.clinician.negatives,
            &[("items", &labels.join("; "))],
        );
        blocks.push(Block::Paragraph(text));
    }
    if !t.disagreements.is_empty() {
        blocks.push(Block::Strong(alerts.not_matching.clone()));
        let list = t.disagreements.iter().map(|d| bullet(&d.text, &d.details));
        blocks.push(Block::Bullets(list.collect()));
    }
    (!blocks.is_empty()).then(|| Section::new(heading, blocks))
}
