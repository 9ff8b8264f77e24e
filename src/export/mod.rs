//! Summaries of a session for people (Markdown, a printable HTML page) and
//! programs (JSON, FHIR R4), and the atomic, private file writing they share.

pub mod fhir;
pub mod figure;
mod html;
mod json;
pub mod markdown;
pub mod time;
mod write;
mod xhtml;

pub use write::{WriteError, open_private, private_dir, replace_private, write_private};

use crate::answers::Session;
use crate::content::Content;
use crate::findings::{self, Findings, Level, Rules};
use crate::questionnaire::Questionnaire;
use crate::report::Report;

/// Everything a summary shows, computed once.
pub struct Summary<'a> {
    pub questionnaire: &'a Questionnaire,
    pub session: &'a Session,
    pub rules: &'a Rules,
    pub findings: Findings,
    /// The findings in words, for the patient and the clinician.
    pub report: Report,
    /// The regions, figures and words it is made with.
    pub content: Content<'a>,
    /// The same in the clinic's language, for the clinician's view and the
    /// files for the clinic (the HTML page, the FHIR note).
    pub clinic: Content<'a>,
    /// When the summary was made (Unix seconds).
    pub authored: u64,
    /// The local time zone's offset then, for the times people read.
    pub utc_offset: i32,
    /// Whether every required question was answered.
    pub complete: bool,
    /// The base of the FHIR export's canonical URLs (a clinic's own, or the
    /// default).
    pub canonical: fhir::Canonical,
}

impl<'a> Summary<'a> {
    pub fn new(
        questionnaire: &'a Questionnaire,
        session: &'a Session,
        rules: &'a Rules,
        content: Content<'a>,
        authored: u64,
    ) -> Self {
        let findings = findings::evaluate(questionnaire, session, rules, &content);
        Self {
            questionnaire,
            session,
            rules,
            report: Report::new(questionnaire, session, &findings, rules, &content),
            findings,
            content,
            clinic: content,
            authored,
            utc_offset: time::local_offset(authored),
            complete: session.progress(questionnaire, content.regions).complete(),
            canonical: fhir::Canonical::default(),
        }
    }

    /// The summary with the clinician's view in the clinic's language: its
    /// questionnaire, rules and words. The patient's view keeps theirs;
    /// every id, code and value is the same in both.
    pub fn for_clinic(mut self, q: &Questionnaire, rules: &Rules, content: Content<'a>) -> Self {
        let findings = findings::evaluate(q, self.session, rules, &content);
        let patient = crate::report::Reader {
            q: self.questionnaire,
            rules: self.rules,
            content: &self.content,
            findings: &self.findings,
        };
        let clinic = crate::report::Reader {
            q,
            rules,
            content: &content,
            findings: &findings,
        };
        self.report = Report::bilingual(self.session, patient, clinic);
        self.clinic = content;
        self
    }

    /// The summary with its FHIR URLs from `canonical`.
    pub fn with_canonical(self, canonical: fhir::Canonical) -> Self {
        Self { canonical, ..self }
    }

    pub fn markdown(&self) -> String {
        markdown::FORMAT.render(self)
    }

    pub fn json(&self) -> String {
        json::FORMAT.render(self)
    }

    pub fn fhir(&self) -> String {
        fhir::FORMAT.render(self)
    }

    pub fn html(&self) -> String {
        html::FORMAT.render(self)
    }

    /// Which questionnaire and version, and when the summary was made (local
    /// time), with the questionnaire's id as `id` shows it.
    fn made(&self, id: &str) -> String {
        let when = time::readable_at(self.authored, self.utc_offset, &self.content.text.dates);
        let values = [
            ("id", id),
            ("version", &self.questionnaire.version),
            ("when", &when),
        ];
        crate::text::fill(&self.content.text.report.made, &values)
    }
}

/// A warning level as files name it.
fn level_code(level: Level) -> &'static str {
    match level {
        Level::Emergency => "emergency",
        Level::Urgent => "urgent",
        Level::Soon => "soon",
    }
}

/// A JSON file's text.
fn pretty(value: &serde_json::Value) -> String {
    let mut s = serde_json::to_string_pretty(value).expect("JSON values always serialize");
    s.push('\n');
    s
}

/// An export: its name for `--format`, its file ending, and how it renders
/// a summary (the report and what a file says around it).
#[derive(Debug, Clone, Copy)]
pub struct Format {
    pub name: &'static str,
    extension: &'static str,
    render: fn(&Summary) -> String,
}

impl Format {
    /// Every export. Adding one is a module here whose `FORMAT` renders a
    /// `Summary`, named in this list.
    pub const ALL: [Format; 4] = [markdown::FORMAT, json::FORMAT, fhir::FORMAT, html::FORMAT];

    pub fn named(name: &str) -> Option<Format> {
        Self::ALL.into_iter().find(|f| f.name == name)
    }

    pub fn extension(self) -> &'static str {
        self.extension
    }

    pub fn render(self, s: &Summary) -> String {
        (self.render)(s)
    }
}

/// A file name with no patient data in it: only the time of the summary.
pub fn file_name(authored: u64, format: Format) -> String {
    format!(
        "intake-summary-{}.{}",
        time::compact(authored),
        format.extension()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_export_has_its_own_name_and_file_ending() {
        for (n, f) in Format::ALL.iter().enumerate() {
            assert_eq!(Format::named(f.name).map(|x| x.name), Some(f.name));
            for other in &Format::ALL[n + 1..] {
                assert_ne!(f.name, other.name);
                assert_ne!(f.extension, other.extension, "files would collide");
            }
        }
        assert!(Format::named("xml").is_none());
    }
}
