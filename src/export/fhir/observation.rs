//! Observations extracted from the response, as FHIR SDC's observation
//! extraction makes them, so an EHR can chart and search what the patient
//! reported: one for each observed item and score of the codes file (the
//! pain scores), and one for each symptom marked on each place of the body
//! diagram, its body site coded and its side on a BodyStructure (R4's
//! Observation has no laterality; the core `bodySite` extension points at
//! one). Each code is intake's own, with the codes file's verified standard
//! codes (LOINC, SNOMED CT) beside it; unverified ones never leave.

use serde_json::{Map, Value, json};

use super::{Entries, coding, findings};
use crate::answers::Answer;
use crate::body::{BodySide, Region, Symptom};
use crate::codes::{self, Code, Codes, Observed};
use crate::export::Summary;
use crate::export::time::rfc3339;
use crate::questionnaire::kinds::Side;
use crate::questionnaire::kinds::fhir::Canonical;
use crate::questionnaire::kinds::fhir::{System, symptom_code};
use crate::questionnaire::{Item, Questionnaire};

const CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/observation-category";
const UCUM: &str = "http://unitsofmeasure.org";

/// Adds the Observations (and BodyStructures) of a summary to `entries`,
/// each derived from the response at `response`.
pub(super) fn add(s: &Summary, codes: &Codes, entries: &mut Entries, response: &str) {
    for o in &codes.observed {
        if let Some((value, text)) = observed_value(s, &o.id) {
            let own = coding(&s.canonical.observations(&s.questionnaire.id), &o.id, &text);
            let code = concept(own, &o.codes, &text);
            entries.push_part(
                observation(s, code, value, response),
                &format!("observation/{}", o.id),
            );
        }
    }
    let Some(marks) = s
        .session
        .live_answers(s.questionnaire, s.content.regions)
        .find_map(|(_, a)| match a {
            Answer::Body(m) => Some(m),
            _ => None,
        })
    else {
        return;
    };
    for (id, symptoms) in marks.iter() {
        let Some(region) = s.content.regions.get(id) else {
            continue;
        };
        let site = body_site(s, codes, region);
        let structure = entries.push_part(
            body_structure(s, codes, region, site.clone()),
            &format!("body-structure/{id}"),
        );
        for symptom in symptoms {
            let value = json!({ "valueBoolean": true });
            let code = symptom_concept(s, codes, *symptom);
            let mut o = observation(s, code, value, response);
            let mut site = site.clone();
            site["extension"] = json!([{
                "url": "http://hl7.org/fhir/StructureDefinition/bodySite",
                "valueReference": { "reference": structure },
            }]);
            o["bodySite"] = site;
            let part = format!("observation/{id}/{}", symptom_code(*symptom));
            entries.push_part(o, &part);
        }
    }
}

/// What a Questionnaire item says to have it extracted as an Observation
/// (SDC's observationExtract), and the codes it gets (`Questionnaire.item.code`).
pub(super) fn extracted(
    q: &Questionnaire,
    item: &Item,
    observed: &Observed,
    canonical: &Canonical,
) -> Map<String, Value> {
    let own = coding(&canonical.observations(&q.id), &item.id, &item.prompt);
    let standard = codes::exported(&observed.codes).map(|c| coding(&c.system, &c.code, &c.display));
    let mut m = Map::new();
    let sdc = "http://hl7.org/fhir/uv/sdc/StructureDefinition";
    m.insert(
        "extension".into(),
        json!([
            { "url": format!("{sdc}/sdc-questionnaire-observationExtract"), "valueBoolean": true },
            {
                "url": format!("{sdc}/sdc-questionnaire-observation-extract-category"),
                "valueCodeableConcept": { "coding": [coding(CATEGORY, "survey", "Survey")] },
            },
        ]),
    );
    m.insert(
        "code".into(),
        Value::Array(std::iter::once(own).chain(standard).collect()),
    );
    m
}

/// An observed item's or score's value and its words, if it has one now
/// (an item hidden by its conditions, or unanswered, has none).
fn observed_value(s: &Summary, id: &str) -> Option<(Value, String)> {
    let q = s.questionnaire;
    if let Some(score) = q.scores.iter().find(|sc| sc.id == id) {
        let v = s.session.score(q, score, s.content.regions)?;
        let quantity = json!({ "value": (v * 100.0).round() / 100.0, "unit": "score", "system": UCUM, "code": "{score}" });
        return Some((json!({ "valueQuantity": quantity }), score.label.clone()));
    }
    let (item, answer) = s
        .session
        .live_answers(q, s.content.regions)
        .find(|(i, _)| i.id == id)?;
    Some((answer_value(item, answer)?, item.prompt.clone()))
}

fn answer_value(item: &Item, answer: &Answer) -> Option<Value> {
    use crate::questionnaire::Kind;
    match (answer, &item.kind) {
        (Answer::Scale(n), _) => Some(json!({ "valueInteger": n })),
        (Answer::Number(x), Kind::Number { unit, .. }) => {
            Some(json!({ "valueQuantity": { "value": x, "unit": unit } }))
        }
        _ => None,
    }
}

/// An Observation of the patient's, reported in the response.
fn observation(s: &Summary, code: Value, value: Value, response: &str) -> Value {
    let mut o = json!({
        "resourceType": "Observation",
        "status": if s.complete { "final" } else { "preliminary" },
        "category": [{ "coding": [coding(CATEGORY, "survey", "Survey")] }],
        "code": code,
        "subject": findings::subject(s),
        "effectiveDateTime": rfc3339(s.authored),
        "derivedFrom": [{ "reference": response }],
    });
    o.as_object_mut()
        .expect("an object")
        .extend(value.as_object().cloned().unwrap_or_default());
    o
}

/// A CodeableConcept: intake's own coding, the verified standard ones after.
fn concept(own: Value, standard: &[Code], text: &str) -> Value {
    let standard = codes::exported(standard).map(|c| coding(&c.system, &c.code, &c.display));
    let all: Vec<Value> = std::iter::once(own).chain(standard).collect();
    json!({ "coding": all, "text": text })
}

fn symptom_concept(s: &Summary, codes: &Codes, symptom: Symptom) -> Value {
    let word = s.content.text.body.symptoms.get(symptom);
    let own = coding(
        &s.canonical.system(System::Symptom),
        &symptom_code(symptom),
        word,
    );
    concept(own, codes.symptom(symptom), word)
}

/// The region as a body site: intake's region (which has its side in it)
/// and the verified structure it lies on.
fn body_site(s: &Summary, codes: &Codes, region: &Region) -> Value {
    let own = coding(
        &s.canonical.system(System::BodyRegion),
        &region.id,
        &region.label,
    );
    concept(own, codes.site(&region.id), &region.label)
}

/// The marked place as a BodyStructure: where (the body site) and which
/// side (its qualifier), for whom.
fn body_structure(s: &Summary, codes: &Codes, region: &Region, site: Value) -> Value {
    let mut b = json!({
        "resourceType": "BodyStructure",
        "location": site,
        "description": region.label,
        "patient": findings::subject(s),
    });
    let side = match region.side {
        BodySide::Left => Some(Side::Left),
        BodySide::Right => Some(Side::Right),
        BodySide::Center => None,
    };
    if let Some(side) = side {
        let word = s.content.text.answers.sides.get(side);
        let own = coding(&s.canonical.system(System::Side), side.value(), word);
        b["locationQualifier"] = json!([concept(own, codes.side(region.side), word)]);
    }
    b
}
