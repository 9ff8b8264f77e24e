//! A number typed in, from `min` to `max` in `unit`, with at most
//! `decimals` digits after the point.

use serde_json::{Map, Value, json};

use super::{AnswerError, Kind};
use crate::questionnaire::validate::ItemCheck;

pub(super) fn check(
    (min, max): (f64, f64),
    unit: &str,
    decimals: u8,
    n: f64,
) -> Result<(), AnswerError> {
    if !n.is_finite() || n < min || n > max {
        return Err(AnswerError::OutOfRange {
            min,
            max,
            unit: unit.to_string(),
        });
    }
    let scale = 10f64.powi(i32::from(decimals));
    if ((n * scale).round() - n * scale).abs() > 1e-9 {
        return Err(AnswerError::TooManyDecimals(decimals));
    }
    Ok(())
}

/// "72.5 kg", with the item's decimals.
pub(super) fn display(kind: &Kind, n: f64) -> String {
    if let Kind::Number { unit, decimals, .. } = kind {
        format!("{n:.prec$} {unit}", prec = usize::from(*decimals))
            .trim_end()
            .to_string()
    } else {
        n.to_string()
    }
}

pub(super) fn validate(min: f64, max: f64, decimals: u8, c: &mut ItemCheck) {
    let id = c.id.to_string();
    if !min.is_finite() || !max.is_finite() || min >= max {
        c.at(
            "min",
            format!("number \"{id}\": min ({min}) must be below max ({max})"),
        );
    }
    if decimals > 3 {
        c.at("decimals", format!("number \"{id}\": at most 3 decimals"));
    }
}

/// A whole number (no decimals) is an integer in FHIR, any other a decimal.
pub(super) fn fhir_type(decimals: u8) -> &'static str {
    if decimals == 0 { "integer" } else { "decimal" }
}

pub(super) fn fhir_answer(kind: &Kind, n: f64) -> Value {
    if let Kind::Number { decimals: 0, .. } = kind {
        json!({ "valueInteger": n.round() as i64 })
    } else {
        json!({ "valueDecimal": n })
    }
}

/// A number's FHIR type, its bounds and its unit (R4 `questionnaire-unit`,
/// the unit's words as given: they are no UCUM code).
pub(super) fn fhir_definition(
    kind: &Kind,
    (min, max): (f64, f64),
    unit: &str,
    decimals: u8,
) -> Map<String, Value> {
    let typed = |n: f64| fhir_answer(kind, n);
    let mut extensions = super::fhir::bounds(typed(min), typed(max));
    if !unit.is_empty() {
        let coding = json!({ "valueCoding": { "display": unit } });
        extensions.push(super::fhir::extension("questionnaire-unit", coding));
    }
    let of_type = super::fhir::fields([("type", json!(fhir_type(decimals)))]);
    super::fhir::with_extensions(of_type, extensions)
}
