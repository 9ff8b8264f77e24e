//! `intake export-questionnaire`: the questionnaire as a FHIR R4
//! Questionnaire resource.

use std::process::ExitCode;

use super::{Output, Sources};
use crate::content::Content;

pub fn run(sources: &Sources, output: &Output) -> Result<ExitCode, String> {
    let (q, _) = sources.load()?;
    let mut text =
        serde_json::to_string_pretty(&crate::export::fhir::questionnaire(&q, &Content::builtin()))
            .expect("JSON serializes");
    text.push('\n');
    output.write(&text)?;
    Ok(ExitCode::SUCCESS)
}
