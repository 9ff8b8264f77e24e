//! HL7 FHIR R4: a summary as a transaction Bundle of the QuestionnaireResponse
//! and the findings (src/export/fhir/findings.rs), and the questionnaire as
//! the matching Questionnaire. Item linkIds are the questionnaire's ids;
//! sections become groups.

mod enable;
mod findings;
mod narrative;

use serde_json::{Value, json};

use super::time::rfc3339;
use super::{Format, Summary, pretty};
use crate::answers::{Answer, DurationUnit};
use crate::body::Symptom;
use crate::content::Content;
use crate::questionnaire::{Item, Kind, Questionnaire};

/// The canonical URL the response points to and the Questionnaire declares.
pub fn canonical(q: &Questionnaire) -> String {
    format!("urn:intake:questionnaire:{}", q.id)
}

fn system(q: &Questionnaire, item: &str) -> String {
    format!("urn:intake:{}:{item}", q.id)
}

const REGION_SYSTEM: &str = "urn:intake:body-region";
const SYMPTOM_SYSTEM: &str = "urn:intake:symptom";
const SIDE_SYSTEM: &str = "urn:intake:side";

fn symptom_code(s: Symptom) -> String {
    format!("{s:?}").to_lowercase()
}

fn ucum(unit: DurationUnit) -> (&'static str, &'static str) {
    match unit {
        DurationUnit::Days => ("days", "d"),
        DurationUnit::Weeks => ("weeks", "wk"),
        DurationUnit::Months => ("months", "mo"),
        DurationUnit::Years => ("years", "a"),
    }
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
                    json!({ "linkId": item.id, "text": item.prompt, "answer": answers(q, item, answer, &s.content) })
                })
                .collect();
            (!items.is_empty()).then(|| json!({ "linkId": section.id, "text": section.title, "item": items }))
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

fn coding(system: &str, code: &str, display: &str) -> Value {
    json!({ "system": system, "code": code, "display": display })
}

/// The typed answers of one item.
fn answers(q: &Questionnaire, item: &Item, a: &Answer, content: &Content) -> Vec<Value> {
    let label = |id: &str| {
        item.kind
            .options()
            .iter()
            .find(|o| o.id == id)
            .map_or(id, |o| o.label.as_str())
            .to_string()
    };
    match (a, &item.kind) {
        (Answer::YesNo(b), _) => vec![json!({ "valueBoolean": b })],
        (Answer::Choice(c), _) => {
            vec![json!({ "valueCoding": coding(&system(q, &item.id), c, &label(c)) })]
        }
        (Answer::Choices(cs), _) => cs
            .iter()
            .map(|c| json!({ "valueCoding": coding(&system(q, &item.id), c, &label(c)) }))
            .collect(),
        (Answer::Scale(n), _) => vec![json!({ "valueInteger": n })],
        (Answer::Number(n), Kind::Number { decimals: 0, .. }) => {
            vec![json!({ "valueInteger": n.round() as i64 })]
        }
        (Answer::Number(n), _) => vec![json!({ "valueDecimal": n })],
        (Answer::Duration { amount, unit }, _) => {
            let (word, code) = ucum(*unit);
            vec![json!({ "valueQuantity": {
                "value": amount, "unit": word, "system": "http://unitsofmeasure.org", "code": code,
            } })]
        }
        (Answer::Text(t), _) => vec![json!({ "valueString": t })],
        (Answer::Side(side), _) => {
            let label = content.text.answers.sides.get(*side);
            vec![json!({ "valueCoding": coding(SIDE_SYSTEM, side.value(), label) })]
        }
        (Answer::Body(marks), _) => {
            let (table, words) = (content.regions, &content.text.body);
            marks
                .iter()
                .map(|(region, symptoms)| {
                    let label = table.get(region).map_or(region, |r| r.label.as_str());
                    let symptoms: Vec<Value> = symptoms
                        .iter()
                        .map(|s| {
                            let word = words.symptoms.get(*s);
                            json!({ "valueCoding": coding(SYMPTOM_SYSTEM, &symptom_code(*s), word) })
                        })
                        .collect();
                    let question = &words.symptoms_question;
                    json!({
                        "valueCoding": coding(REGION_SYSTEM, region, label),
                        "item": [{ "linkId": format!("{}.symptoms", item.id), "text": question, "answer": symptoms }],
                    })
                })
                .collect()
        }
    }
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
    let options = |sys: &str, opts: Vec<(String, String)>| -> Vec<Value> {
        opts.into_iter()
            .map(|(code, display)| json!({ "valueCoding": coding(sys, &code, &display) }))
            .collect()
    };
    let mut d = json!({ "linkId": item.id, "text": item.prompt });
    let set = |d: &mut Value, k: &str, v: Value| {
        d.as_object_mut()
            .expect("an object")
            .insert(k.to_string(), v);
    };
    match &item.kind {
        Kind::Info => set(&mut d, "type", json!("display")),
        Kind::YesNo => set(&mut d, "type", json!("boolean")),
        Kind::Single { options: o } | Kind::Multi { options: o } => {
            set(&mut d, "type", json!("choice"));
            let opts = o.iter().map(|c| (c.id.clone(), c.label.clone())).collect();
            set(
                &mut d,
                "answerOption",
                json!(options(&system(q, &item.id), opts)),
            );
            if matches!(item.kind, Kind::Multi { .. }) {
                set(&mut d, "repeats", json!(true));
            }
        }
        Kind::Side => {
            set(&mut d, "type", json!("choice"));
            let sides = &content.text.answers.sides;
            let opts = crate::answers::Side::ALL
                .iter()
                .map(|s| (s.value().to_string(), sides.get(*s).to_string()))
                .collect();
            set(&mut d, "answerOption", json!(options(SIDE_SYSTEM, opts)));
        }
        Kind::Scale { .. } => set(&mut d, "type", json!("integer")),
        Kind::Number { decimals, .. } => set(
            &mut d,
            "type",
            json!(if *decimals == 0 { "integer" } else { "decimal" }),
        ),
        Kind::Duration { .. } => set(&mut d, "type", json!("quantity")),
        Kind::Text { max_len } => {
            set(
                &mut d,
                "type",
                json!(if *max_len > 200 { "text" } else { "string" }),
            );
            set(&mut d, "maxLength", json!(max_len));
        }
        Kind::BodyMap => {
            let (table, words) = (content.regions, &content.text.body);
            set(&mut d, "type", json!("choice"));
            set(&mut d, "repeats", json!(true));
            let opts = table
                .regions
                .iter()
                .map(|r| (r.id.clone(), r.label.clone()))
                .collect();
            set(&mut d, "answerOption", json!(options(REGION_SYSTEM, opts)));
            let symptoms = Symptom::ALL
                .iter()
                .map(|s| (symptom_code(*s), words.symptoms.get(*s).to_string()))
                .collect();
            set(
                &mut d,
                "item",
                json!([{
                    "linkId": format!("{}.symptoms", item.id), "text": words.symptoms_question,
                    "type": "choice", "repeats": true,
                    "answerOption": options(SYMPTOM_SYSTEM, symptoms),
                }]),
            );
        }
    }
    if item.required {
        set(&mut d, "required", json!(true));
    }
    if let Some(c) = &item.enable_when {
        let fields = enable::enable_when(q, content.regions, c);
        d.as_object_mut().expect("an object").extend(fields);
    }
    d
}
