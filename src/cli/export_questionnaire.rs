//! `intake export-questionnaire`: the questionnaire as a FHIR R4
//! Questionnaire resource.

use std::process::ExitCode;

use super::{Output, Sources};
use crate::content::Content;
use crate::export::fhir::{Canonical, questionnaire};

pub fn run(sources: &Sources, canonical: &Canonical, output: &Output) -> Result<ExitCode, String> {
    let (q, _) = sources.load()?;
    let resource = questionnaire(&q, &Content::builtin(), canonical);
    let mut text = serde_json::to_string_pretty(&resource).expect("JSON serializes");
    text.push('\n');
    output.write(&text)?;
    Ok(ExitCode::SUCCESS)
}
