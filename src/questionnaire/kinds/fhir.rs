//! Each kind in FHIR R4: what the Questionnaire says of an item of the
//! kind (its type and options), the QuestionnaireResponse's typed answers,
//! and how a value a condition compares is typed.

use crate::content::Content;
use serde_json::{Map, Value, json};

use super::{Answer, Kind, body, choice, duration, number, side, text};

pub use body::{REGION_SYSTEM, SYMPTOM_SYSTEM, symptom_code};
pub use side::FHIR_SYSTEM as SIDE_SYSTEM;

pub fn coding(system: &str, code: &str, display: &str) -> Value {
    json!({ "system": system, "code": code, "display": display })
}

/// The fields of a JSON object, in the order given.
pub(super) fn fields<const N: usize>(fields: [(&str, Value); N]) -> Map<String, Value> {
    fields
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
}

const EXTENSIONS: &str = "http://hl7.org/fhir/StructureDefinition";

/// An R4 core extension (`http://hl7.org/fhir/StructureDefinition/{name}`)
/// with its `value` field, such as `{"valueInteger": 0}`.
pub(super) fn extension(name: &str, value: Value) -> Value {
    let mut e = json!({ "url": format!("{EXTENSIONS}/{name}") });
    e.as_object_mut()
        .expect("an object")
        .extend(value.as_object().cloned().unwrap_or_default());
    e
}

/// The renderer's bounds for an answer (R4 core `minValue`, `maxValue`).
pub(super) fn bounds(min: Value, max: Value) -> Vec<Value> {
    vec![extension("minValue", min), extension("maxValue", max)]
}

/// `fields` with an `extension` list (put first, as FHIR JSON writes it).
pub(super) fn with_extensions(
    fields: Map<String, Value>,
    extensions: Vec<Value>,
) -> Map<String, Value> {
    let mut out = Map::new();
    if !extensions.is_empty() {
        out.insert("extension".into(), Value::Array(extensions));
    }
    out.extend(fields);
    out
}

/// The fields an item definition gets from its kind, in the order written.
/// `system` is the code system of the item's own options.
pub fn definition(kind: &Kind, item: &str, system: &str, content: &Content) -> Map<String, Value> {
    let of_type = |name: &str| fields([("type", json!(name))]);
    match kind {
        Kind::Info => of_type("display"),
        Kind::YesNo => of_type("boolean"),
        Kind::Single { options } => choice::fhir_definition(options, false, system),
        Kind::Multi { options } => choice::fhir_definition(options, true, system),
        Kind::Side => side::fhir_definition(content),
        Kind::Scale { min, max, .. } => with_extensions(
            of_type("integer"),
            bounds(
                json!({ "valueInteger": min }),
                json!({ "valueInteger": max }),
            ),
        ),
        Kind::Number {
            min,
            max,
            unit,
            decimals,
        } => number::fhir_definition(kind, (*min, *max), unit, *decimals),
        Kind::Duration { .. } => with_extensions(of_type("quantity"), duration::fhir_units()),
        Kind::Text { max_len } => text::fhir_definition(*max_len),
        Kind::BodyMap => body::fhir_definition(item, content),
    }
}

/// The typed answers of an item of `kind`; `system` as for `definition`.
pub fn answers(
    answer: &Answer,
    kind: &Kind,
    item: &str,
    system: &str,
    content: &Content,
) -> Vec<Value> {
    let options = kind.options();
    match answer {
        Answer::YesNo(b) => vec![json!({ "valueBoolean": b })],
        Answer::Choice(c) => vec![choice::fhir_answer(options, system, c)],
        Answer::Choices(cs) => cs
            .iter()
            .map(|c| choice::fhir_answer(options, system, c))
            .collect(),
        Answer::Scale(n) => vec![json!({ "valueInteger": n })],
        Answer::Number(n) => vec![number::fhir_answer(kind, *n)],
        Answer::Duration { amount, unit } => vec![duration::fhir_answer(*amount, *unit)],
        Answer::Text(t) => vec![json!({ "valueString": t })],
        Answer::Side(s) => vec![side::fhir_answer(*s, content)],
        Answer::Body(marks) => body::fhir_answers(item, marks, content),
    }
}

/// The code system of a value a condition compares an answer of this kind
/// with, or `None` for yes/no, which FHIR holds as a boolean.
pub fn value_system<'a>(kind: &Kind, system: &'a str) -> Option<&'a str> {
    match kind {
        Kind::YesNo => None,
        Kind::Side => Some(SIDE_SYSTEM),
        Kind::Info
        | Kind::Single { .. }
        | Kind::Multi { .. }
        | Kind::Scale { .. }
        | Kind::Number { .. }
        | Kind::Duration { .. }
        | Kind::Text { .. }
        | Kind::BodyMap => Some(system),
    }
}
