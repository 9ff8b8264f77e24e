//! Which side: left, right, both or neither.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use super::choice::fhir_options;
use super::fhir::{coding, fields};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Side {
    Left,
    Right,
    Both,
    Neither,
}

impl Side {
    pub const ALL: [Side; 4] = [Side::Left, Side::Right, Side::Both, Side::Neither];

    /// The value conditions compare against.
    pub fn value(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
            Side::Both => "both",
            Side::Neither => "neither",
        }
    }
}

pub(super) fn fhir_definition(
    system: &str,
    content: &crate::content::Content,
) -> Map<String, Value> {
    let sides = &content.text.answers.sides;
    let codes = Side::ALL.iter().map(|s| (s.value(), sides.get(*s)));
    fields([
        ("type", json!("choice")),
        ("answerOption", fhir_options(system, codes)),
    ])
}

pub(super) fn fhir_answer(side: Side, system: &str, content: &crate::content::Content) -> Value {
    let label = content.text.answers.sides.get(side);
    json!({ "valueCoding": coding(system, side.value(), label) })
}
