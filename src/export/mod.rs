//! Summaries of a session for people (Markdown) and programs (JSON, FHIR R4),
//! and the atomic, private file writing they share.

pub mod fhir;
mod json;
pub mod markdown;
pub mod time;
mod write;

pub use write::{WriteError, open_private, private_dir, replace_private, write_private};

use crate::answers::Session;
use crate::findings::{self, Findings, Rules};
use crate::questionnaire::Questionnaire;
use crate::report::{Report, ReportWords, Wording};

/// Everything a summary shows, computed once.
pub struct Summary<'a> {
    pub questionnaire: &'a Questionnaire,
    pub session: &'a Session,
    pub rules: &'a Rules,
    pub findings: Findings,
    /// The findings in words, for the patient and the clinician.
    pub report: Report,
    pub words: &'static ReportWords,
    /// When the summary was made (Unix seconds).
    pub authored: u64,
    /// The local time zone's offset then, for the times people read.
    pub utc_offset: i32,
    /// Whether every required question was answered.
    pub complete: bool,
}

impl<'a> Summary<'a> {
    pub fn new(
        questionnaire: &'a Questionnaire,
        session: &'a Session,
        rules: &'a Rules,
        authored: u64,
    ) -> Self {
        let findings = findings::evaluate(questionnaire, session, rules);
        let words = ReportWords::builtin();
        Self {
            questionnaire,
            session,
            rules,
            report: Report::new(questionnaire, session, &findings, rules, words),
            findings,
            words,
            authored,
            utc_offset: time::local_offset(authored),
            complete: session.progress(questionnaire).complete(),
        }
    }

    /// The findings' words, as the report has them.
    pub fn wording(&self) -> Wording<'_> {
        Wording {
            q: self.questionnaire,
            session: self.session,
            rules: self.rules,
            words: self.words,
            regions: crate::body::BodyRegions::builtin(),
        }
    }

    pub fn markdown(&self) -> String {
        markdown::render(self)
    }

    pub fn json(&self) -> String {
        let mut s = serde_json::to_string_pretty(&json::render(self))
            .expect("JSON values always serialize");
        s.push('\n');
        s
    }

    pub fn fhir(&self) -> String {
        let mut s = serde_json::to_string_pretty(&fhir::response(self))
            .expect("JSON values always serialize");
        s.push('\n');
        s
    }
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Json,
    Fhir,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Markdown, Format::Json, Format::Fhir];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Fhir => "fhir.json",
        }
    }

    pub fn render(self, s: &Summary) -> String {
        match self {
            Format::Markdown => s.markdown(),
            Format::Json => s.json(),
            Format::Fhir => s.fhir(),
        }
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
