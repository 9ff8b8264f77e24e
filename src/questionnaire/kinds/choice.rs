//! The choice kinds: yes/no, one option of a list (`Single`), and several
//! (`Multi`), where an `exclusive` option ("none of these") stands alone.

use std::collections::{BTreeSet, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use super::AnswerError;
use super::fhir::{coding, extension, fields};
use crate::questionnaire::validate::ItemCheck;

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub exclusive: bool,
}

/// The values conditions compare a yes/no answer with.
pub(super) const YES_NO: [&str; 2] = ["yes", "no"];

pub(super) fn yes_no_value(yes: bool) -> &'static str {
    if yes { "yes" } else { "no" }
}

pub(super) fn check_single(options: &[Choice], chosen: &str) -> Result<(), AnswerError> {
    if options.iter().any(|o| o.id == chosen) {
        Ok(())
    } else {
        Err(AnswerError::UnknownOption(chosen.to_string()))
    }
}

pub(super) fn check_multi(
    options: &[Choice],
    chosen: &BTreeSet<String>,
) -> Result<(), AnswerError> {
    if let Some(bad) = chosen.iter().find(|c| !options.iter().any(|o| &o.id == *c)) {
        return Err(AnswerError::UnknownOption(bad.clone()));
    }
    let exclusive = options
        .iter()
        .filter(|o| o.exclusive && chosen.contains(&o.id))
        .count();
    if exclusive > 0 && chosen.len() > 1 {
        return Err(AnswerError::ExclusiveWithOthers);
    }
    Ok(())
}

/// An option's label, or its id if the questionnaire has no such option.
pub(super) fn label(options: &[Choice], id: &str) -> String {
    options
        .iter()
        .find(|o| o.id == id)
        .map_or_else(|| id.to_string(), |o| o.label.clone())
}

/// In the order the question lists them, as the patient saw them (an id
/// the options do not have, last).
pub(super) fn labels(options: &[Choice], ids: &BTreeSet<String>, separator: &str) -> String {
    let listed = options.iter().filter(|o| ids.contains(&o.id));
    let unknown = ids
        .iter()
        .filter(|id| !options.iter().any(|o| &o.id == *id));
    let labels: Vec<String> = listed
        .map(|o| o.label.clone())
        .chain(unknown.map(|id| label(options, id)))
        .collect();
    labels.join(separator)
}

/// Options need unique ids and labels; only multiple choice has `exclusive`.
pub(super) fn validate(options: &[Choice], single: bool, c: &mut ItemCheck) {
    let (id, kind_at) = (c.id.to_string(), c.kind_at());
    if options.is_empty() {
        c.error(kind_at, format!("choice item \"{id}\" has no options"));
    }
    let mut seen = HashSet::new();
    let mut cursor = kind_at;
    for o in options {
        let found = c.string_after(cursor, &o.id);
        cursor = found.map_or(cursor, |a| a + 1);
        let at = found.unwrap_or(kind_at);
        if !seen.insert(o.id.as_str()) {
            let message = format!("item \"{id}\" has two options with id \"{}\"", o.id);
            c.error(at, message);
        }
        if o.label.trim().is_empty() {
            let message = format!("option \"{}\" of item \"{id}\" has an empty label", o.id);
            c.error(at, message);
        }
    }
    if single && options.iter().any(|o| o.exclusive) {
        let message = format!("\"exclusive\" only applies to multiple-choice items, not \"{id}\"");
        c.at("exclusive", message);
    }
}

/// A list of options coded in `system`, for the FHIR Questionnaire.
pub(super) fn fhir_options<'a>(
    system: &str,
    options: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Value {
    let options = options
        .into_iter()
        .map(|(code, display)| json!({ "valueCoding": coding(system, code, display) }));
    Value::Array(options.collect())
}

pub(super) fn fhir_definition(
    options: &[Choice],
    repeats: bool,
    system: &str,
) -> Map<String, Value> {
    let codes = options.iter().map(|o| (o.id.as_str(), o.label.as_str()));
    let mut answer_options = fhir_options(system, codes);
    // "None of these" clears the others: R4's questionnaire-optionExclusive.
    let exclusive = extension(
        "questionnaire-optionExclusive",
        json!({ "valueBoolean": true }),
    );
    for (o, a) in options
        .iter()
        .zip(answer_options.as_array_mut().into_iter().flatten())
    {
        if o.exclusive {
            a["extension"] = json!([exclusive]);
        }
    }
    let mut d = fields([("type", json!("choice")), ("answerOption", answer_options)]);
    if repeats {
        d.insert("repeats".into(), json!(true));
    }
    d
}

pub(super) fn fhir_answer(options: &[Choice], system: &str, chosen: &str) -> Value {
    json!({ "valueCoding": coding(system, chosen, &label(options, chosen)) })
}
