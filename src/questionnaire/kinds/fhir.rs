//! Each kind in FHIR R4: what the Questionnaire says of an item of the
//! kind (its type and options), the QuestionnaireResponse's typed answers,
//! and how a value a condition compares is typed.

use crate::content::Content;
use serde_json::{Map, Value, json};

use super::{Answer, Kind, body, choice, duration, number, side, text};

pub use super::canonical::{Canonical, DEFAULT_BASE, System};
pub use body::symptom_code;

/// The code systems an item's codes are in: its own options' and intake's
/// shared ones (sides, regions, symptoms), all from one canonical base.
pub struct Systems<'a> {
    pub canonical: &'a Canonical,
    pub own: String,
}

impl<'a> Systems<'a> {
    pub fn of(canonical: &'a Canonical, questionnaire: &str, item: &str) -> Self {
        let own = canonical.item(questionnaire, item);
        Systems { canonical, own }
    }

    pub(super) fn shared(&self, system: System) -> String {
        self.canonical.system(system)
    }
}

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
pub fn definition(
    kind: &Kind,
    item: &str,
    systems: &Systems,
    content: &Content,
) -> Map<String, Value> {
    let of_type = |name: &str| fields([("type", json!(name))]);
    match kind {
        Kind::Info => of_type("display"),
        Kind::YesNo => of_type("boolean"),
        Kind::Single { options } => choice::fhir_definition(options, false, &systems.own),
        Kind::Multi { options } => choice::fhir_definition(options, true, &systems.own),
        Kind::Side => side::fhir_definition(&systems.shared(System::Side), content),
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
        Kind::BodyMap => body::fhir_definition(item, systems, content),
    }
}

/// The typed answers of an item of `kind`.
pub fn answers(
    answer: &Answer,
    kind: &Kind,
    item: &str,
    systems: &Systems,
    content: &Content,
) -> Vec<Value> {
    let options = kind.options();
    match answer {
        Answer::YesNo(b) => vec![json!({ "valueBoolean": b })],
        Answer::Choice(c) => vec![choice::fhir_answer(options, &systems.own, c)],
        Answer::Choices(cs) => cs
            .iter()
            .map(|c| choice::fhir_answer(options, &systems.own, c))
            .collect(),
        Answer::Scale(n) => vec![json!({ "valueInteger": n })],
        Answer::Number(n) => vec![number::fhir_answer(kind, *n)],
        Answer::Duration { amount, unit } => vec![duration::fhir_answer(*amount, *unit)],
        Answer::Text(t) => vec![json!({ "valueString": t })],
        Answer::Side(s) => vec![side::fhir_answer(
            *s,
            &systems.shared(System::Side),
            content,
        )],
        Answer::Body(marks) => body::fhir_answers(item, marks, systems, content),
    }
}

/// The code system of a value a condition compares an answer of this kind
/// with, or `None` for yes/no, which FHIR holds as a boolean.
pub fn value_system(kind: &Kind, systems: &Systems) -> Option<String> {
    match kind {
        Kind::YesNo => None,
        Kind::Side => Some(systems.shared(System::Side)),
        Kind::Info
        | Kind::Single { .. }
        | Kind::Multi { .. }
        | Kind::Scale { .. }
        | Kind::Number { .. }
        | Kind::Duration { .. }
        | Kind::Text { .. }
        | Kind::BodyMap => Some(systems.own.clone()),
    }
}

/// Whether FHIR holds the kind's answers as booleans, not codes: yes/no
/// only, the kind `value_system` gives no system (beside it, to stay one rule).
pub fn is_boolean(kind: &Kind) -> bool {
    matches!(kind, Kind::YesNo)
}
