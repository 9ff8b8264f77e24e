//! The body diagram: regions of the region table, each marked with the
//! symptoms felt there.

use crate::content::Content;
use serde_json::{Map, Value, json};

use super::choice::fhir_options;
use super::fhir::{System, Systems, coding, fields};
use crate::body::{BodyMarks, Symptom};

pub fn symptom_code(s: Symptom) -> String {
    format!("{s:?}").to_lowercase()
}

/// The marks in words, region by region.
pub(super) fn display(marks: &BodyMarks, content: &crate::content::Content) -> String {
    let words = &content.text.answers;
    if marks.is_empty() {
        words.nothing_marked.clone()
    } else {
        marks
            .describe(content.regions, &content.text.body)
            .join(&words.list)
    }
}

/// The linkId of the symptoms nested under each region marked.
fn symptoms_id(item: &str) -> String {
    format!("{item}.symptoms")
}

/// A choice of regions, each with a nested choice of symptoms.
pub(super) fn fhir_definition(
    item: &str,
    systems: &Systems,
    content: &Content,
) -> Map<String, Value> {
    let (table, words) = (content.regions, &content.text.body);
    let regions = table
        .regions
        .iter()
        .map(|r| (r.id.as_str(), r.label.as_str()));
    let codes: Vec<(String, &str)> = Symptom::ALL
        .iter()
        .map(|s| (symptom_code(*s), words.symptoms.get(*s)))
        .collect();
    let symptoms = codes.iter().map(|(code, word)| (code.as_str(), *word));
    let nested = json!([{
        "linkId": symptoms_id(item), "text": words.symptoms_question, "type": "choice", "repeats": true,
        "answerOption": fhir_options(&systems.shared(System::Symptom), symptoms),
    }]);
    fields([
        ("type", json!("choice")),
        ("repeats", json!(true)),
        (
            "answerOption",
            fhir_options(&systems.shared(System::BodyRegion), regions),
        ),
        ("item", nested),
    ])
}

/// One answer a region marked, its symptoms nested.
pub(super) fn fhir_answers(
    item: &str,
    marks: &BodyMarks,
    systems: &Systems,
    content: &Content,
) -> Vec<Value> {
    let symptom_system = systems.shared(System::Symptom);
    let region_system = systems.shared(System::BodyRegion);
    let (table, words) = (content.regions, &content.text.body);
    marks
        .iter()
        .map(|(region, symptoms)| {
            let label = table.get(region).map_or(region, |r| r.label.as_str());
            let symptoms: Vec<Value> = symptoms
                .iter()
                .map(|s| {
                    let word = words.symptoms.get(*s);
                    json!({ "valueCoding": coding(&symptom_system, &symptom_code(*s), word) })
                })
                .collect();
            json!({
                "valueCoding": coding(&region_system, region, label),
                "item": [{ "linkId": symptoms_id(item), "text": words.symptoms_question, "answer": symptoms }],
            })
        })
        .collect()
}
