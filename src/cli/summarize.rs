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
use crate::questionnaire::{self, Questionnaire};

pub fn run(
    sources: &Sources,
    answers: &Path,
    format: Format,
    canonical: Canonical,
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
    let summary =
        Summary::new(&q, &session, &rules, Content::builtin(), when).with_canonical(canonical);
    output.write(&format.render(&summary))?;
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
