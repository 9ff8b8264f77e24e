//! `intake summarize`: a saved session or an autosave journal rendered as a
//! summary, without the terminal screens.

use std::path::Path;
use std::process::ExitCode;

use super::{Output, Sources};
use crate::answers::Session;
use crate::content::Content;
use crate::export::fhir::Canonical;
use crate::export::{Format, Summary};
use crate::findings::Rules;
use crate::languages;
use crate::questionnaire::{self, Questionnaire};

/// `clinic_language`: the clinician's view's (English when not given); the
/// patient's view is in the language the session was answered in.
pub fn run(
    sources: &Sources,
    answers: &Path,
    format: Format,
    canonical: Canonical,
    clinic_language: Option<&str>,
    output: &Output,
) -> Result<ExitCode, String> {
    let (q, rules) = sources.load()?;
    let name = answers.display().to_string();
    let bytes = std::fs::read(answers).map_err(|e| format!("{name}: cannot read: {e}"))?;
    let session = read_session(&name, &bytes, &q)?;
    let source = String::from_utf8_lossy(&bytes);
    let problems = session.problems(&q, &name, &source);
    if !problems.0.is_empty() {
        return Err(problems.to_string());
    }
    let rules = rules.unwrap_or_else(|| Rules::none(&q));
    let when = session.updated.max(session.started);
    let languages = (session.language.as_deref(), clinic_language);
    let text = if sources.builtin() {
        let patient = languages::bundle(languages.0.unwrap_or(languages::ENGLISH))?;
        let clinic = languages::bundle(languages.1.unwrap_or(languages::ENGLISH))?;
        let (q, rules, content) = (&patient.questionnaire, &patient.rules, patient.content);
        let summary = Summary::new(q, &session, rules, content, when)
            .for_clinic(&clinic.questionnaire, &clinic.rules, clinic.content)
            .with_canonical(canonical);
        format.render(&summary)
    } else if languages.0.is_some() || languages.1.is_some() {
        return Err(format!(
            "{name}: languages other than English come with the built-in questionnaire and rules only"
        ));
    } else {
        let summary =
            Summary::new(&q, &session, &rules, Content::builtin(), when).with_canonical(canonical);
        format.render(&summary)
    };
    output.write(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// A saved session, or an autosave journal (lines of "<crc> <record>") read
/// as a restart would resume it, its skipped lines told on standard error;
/// an empty file is told as an empty journal.
fn read_session(name: &str, bytes: &[u8], q: &Questionnaire) -> Result<Session, String> {
    if crate::journal::looks_like(bytes) || bytes.trim_ascii().is_empty() {
        let (session, warnings) = crate::journal::for_summary(name, bytes, q)?;
        for w in warnings {
            super::report(&w);
        }
        return Ok(session);
    }
    let source = questionnaire::source_text(name, bytes.to_vec()).map_err(|e| e.to_string())?;
    Session::from_ron(name, &source).map_err(|e| e.to_string())
}
