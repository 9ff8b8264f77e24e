//! HL7 FHIR R4: a summary as a transaction Bundle of the QuestionnaireResponse
//! and the findings (src/export/fhir/findings.rs), and the questionnaire as
//! the matching Questionnaire. Item linkIds are the questionnaire's ids;
//! sections become groups.

mod enable;
mod findings;
mod narrative;

use serde_json::{Map, Value, json};

use super::time::rfc3339;
use super::{Format, Summary, pretty};
use crate::content::Content;
use crate::questionnaire::kinds::fhir::{coding, symptom_code};
use crate::questionnaire::{Item, Questionnaire, kinds};

/// The canonical URL the response points to and the Questionnaire declares.
pub fn canonical(q: &Questionnaire) -> String {
    format!("urn:intake:questionnaire:{}", q.id)
}

fn system(q: &Questionnaire, item: &str) -> String {
    format!("urn:intake:{}:{item}", q.id)
}

pub const FORMAT: Format = Format {
    name: "fhir",
    extension: "fhir.json",
    render: |s| pretty(&bundle(s)),
};

/// The summary as one transaction Bundle: the response first, then a Flag
/// for each warning sign and the clinician's view as a Composition. A
/// transaction, because that is how a FHIR server is sent it, and each entry
/// a plain create.
pub fn bundle(s: &Summary) -> Value {
    let flags = s.report.told.flags.iter().map(|f| findings::flag(s, f));
    let resources = std::iter::once(response(s))
        .chain(flags)
        .chain(std::iter::once(findings::composition(s)));
    let entries: Vec<Value> = resources
        .map(|r| {
            let request = json!({ "method": "POST", "url": r["resourceType"] });
            json!({ "resource": r, "request": request })
        })
        .collect();
    json!({
        "resourceType": "Bundle",
        "type": "transaction",
        "timestamp": rfc3339(s.authored),
        "entry": entries,
    })
}

/// The QuestionnaireResponse for a summary: answers of enabled items only.
fn response(s: &Summary) -> Value {
    let q = s.questionnaire;
    let live: Vec<&str> = s
        .session
        .live_answers(q, s.content.regions)
        .map(|(i, _)| i.id.as_str())
        .collect();
    let groups: Vec<Value> = q
        .sections
        .iter()
        .filter_map(|section| {
            let items: Vec<Value> = section
                .items
                .iter()
                .filter(|i| live.contains(&i.id.as_str()))
                .map(|item| {
                    let answer = s.session.get(&item.id).expect("live answers exist");
                    let system = system(q, &item.id);
                    let answers =
                        kinds::fhir::answers(answer, &item.kind, &item.id, &system, &s.content);
                    json!({ "linkId": item.id, "text": item.prompt, "answer": answers })
                })
                .collect();
            (!items.is_empty())
                .then(|| json!({ "linkId": section.id, "text": section.title, "item": items }))
        })
        .collect();
    json!({
        "resourceType": "QuestionnaireResponse",
        "questionnaire": format!("{}|{}", canonical(q), q.version),
        "status": if s.complete { "completed" } else { "in-progress" },
        "authored": rfc3339(s.authored),
        "item": groups,
    })
}

/// The FHIR Questionnaire that matches the responses above.
pub fn questionnaire(q: &Questionnaire, content: &Content) -> Value {
    let groups: Vec<Value> = q
        .sections
        .iter()
        .map(|s| {
            let mut g = json!({
                "linkId": s.id, "text": s.title, "type": "group",
                "item": s.items.iter().map(|i| definition(q, i, content)).collect::<Vec<_>>(),
            });
            if let Some(c) = &s.enable_when {
                let fields = enable::enable_when(q, content.regions, c);
                g.as_object_mut().expect("an object").extend(fields);
            }
            g
        })
        .collect();
    json!({
        "resourceType": "Questionnaire",
        "url": canonical(q),
        "version": q.version,
        "name": q.id.replace(['-', ' '], "_"),
        "title": q.title,
        "status": "active",
        "language": q.language,
        "description": q.description,
        "item": groups,
    })
}

fn definition(q: &Questionnaire, item: &Item, content: &Content) -> Value {
    let mut d = Map::new();
    d.insert("linkId".into(), json!(item.id));
    d.insert("text".into(), json!(item.prompt));
    let system = system(q, &item.id);
    d.extend(kinds::fhir::definition(
        &item.kind, &item.id, &system, content,
    ));
    if item.required {
        d.insert("required".into(), json!(true));
    }
    if let Some(c) = &item.enable_when {
        d.extend(enable::enable_when(q, content.regions, c));
    }
    Value::Object(d)
}
