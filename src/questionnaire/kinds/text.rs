//! Free text, at most `max_len` characters.

use serde_json::{Map, Value, json};

use super::AnswerError;
use super::fhir::fields;
use crate::questionnaire::validate::ItemCheck;

pub(super) fn check(max_len: usize, text: &str) -> Result<(), AnswerError> {
    let len = text.chars().count();
    if len > max_len {
        Err(AnswerError::TooLongText { max: max_len, len })
    } else {
        Ok(())
    }
}

/// The same words typed again, whatever their case or surrounding spaces.
pub(super) fn matches_typed(text: &str, typed: &str) -> bool {
    !typed.is_empty() && text.trim().to_lowercase() == typed.to_lowercase()
}

pub(super) fn validate(max_len: usize, c: &mut ItemCheck) {
    if max_len == 0 {
        let message = format!("text item \"{}\" has max_len 0", c.id);
        c.at("max_len", message);
    }
}

/// FHIR's `text` is for paragraphs, `string` for a line or two.
pub(super) fn fhir_definition(max_len: usize) -> Map<String, Value> {
    let kind = if max_len > 200 { "text" } else { "string" };
    fields([("type", json!(kind)), ("maxLength", json!(max_len))])
}
