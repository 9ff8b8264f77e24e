//! A condition in FHIR terms: the one mapping from `Condition` to what a
//! FHIR R4 Questionnaire item says about when it is enabled.
//!
//! FHIR's `enableWhen` is a flat list of (question, operator, answer) joined
//! by all or any. A condition that is such a list becomes one; any other
//! (nested groups, body-diagram marks, counts) becomes the SDC extension
//! `sdc-questionnaire-enableWhenExpression`: a FHIRPath expression over the
//! QuestionnaireResponse (`%resource`) that holds exactly when the condition
//! does. SDC allows one or the other on an item, never both.

use serde_json::{Map, Value, json};

use super::symptom_code;
use crate::body::{BodyRegions, Symptom};
use crate::condition::Condition;
use crate::questionnaire::kinds::fhir::{Canonical, Systems, is_boolean, value_system};
use crate::questionnaire::{Kind, Questionnaire};

const EXPRESSION_URL: &str =
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression";

/// The linkId of the hidden item a response answers `true` when it was
/// taken alone (an unattended kiosk). Item ids cannot hold a dot, so it
/// names no question.
pub const UNATTENDED: &str = "kiosk.unattended";

/// The fields an item gets for condition `c` (and, for an item that `needs
/// helper`, "not taken alone"): `enableWhen` (with `enableBehavior` when
/// there are several) or the expression extension; none for neither.
pub(super) fn enable_when(
    q: &Questionnaire,
    regions: &BodyRegions,
    canonical: &Canonical,
    c: Option<&Condition>,
    needs_helper: bool,
) -> Map<String, Value> {
    let mut out = Map::new();
    let listed = entries(q, canonical, c, needs_helper).filter(|(list, _)| !list.is_empty());
    match (listed, c) {
        (Some((list, behavior)), _) => {
            if list.len() > 1 {
                out.insert("enableBehavior".into(), json!(behavior));
            }
            out.insert("enableWhen".into(), Value::Array(list));
        }
        (None, Some(c)) => {
            let mut expression = fhirpath(q, regions, c);
            if needs_helper {
                expression = format!("({expression}) and ({})", not_alone_path());
            }
            let expression = json!({ "language": "text/fhirpath", "expression": expression });
            let extension = json!({ "url": EXPRESSION_URL, "valueExpression": expression });
            out.insert("extension".into(), json!([extension]));
        }
        (None, None) => {}
    }
    out
}

/// `c` (and "not alone") as one enableWhen list and its behaviour, when R4
/// can say it so.
fn entries(
    q: &Questionnaire,
    canonical: &Canonical,
    c: Option<&Condition>,
    needs_helper: bool,
) -> Option<(Vec<Value>, &'static str)> {
    let (mut list, behavior) = match c {
        Some(c) => flat(q, canonical, c)?,
        None => (vec![], "all"),
    };
    if !needs_helper {
        return Some((list, behavior));
    }
    // "Not alone" joins a list when all of it must hold, or it has one entry.
    if list.len() > 1 && behavior == "any" {
        return None;
    }
    list.push(not_alone_entry());
    Some((list, "all"))
}

/// R4's `!=` holds when no answer equals the value, so an attended response,
/// which leaves the hidden item out, enables the item.
fn not_alone_entry() -> Value {
    json!({ "question": UNATTENDED, "operator": "!=", "answerBoolean": true })
}

fn not_alone_path() -> String {
    format!(
        "%resource.item.where(linkId = {}).answer.where(value = true).exists().not()",
        lit(UNATTENDED)
    )
}

/// `c` as a flat enableWhen list and its behaviour, when it is one.
fn flat(
    q: &Questionnaire,
    canonical: &Canonical,
    c: &Condition,
) -> Option<(Vec<Value>, &'static str)> {
    let (leaves, behavior): (Vec<Condition>, _) = match c {
        Condition::All(cs) => (cs.clone(), "all"),
        Condition::Any(cs) => (cs.clone(), "any"),
        Condition::AnyOf(id, vs) => {
            let each = vs.iter().map(|v| Condition::Equals(id.clone(), v.clone()));
            (each.collect(), "any")
        }
        // None of the values: R4's `!=` holds when no answer equals one.
        Condition::Not(inner) => match inner.as_ref() {
            Condition::AnyOf(id, vs) => {
                let each = vs.iter().map(|v| not_equals(id, v));
                (each.collect(), "all")
            }
            _ => (vec![c.clone()], "all"),
        },
        other => (vec![other.clone()], "all"),
    };
    // An empty list would enable the item always, which `Any([])` does not.
    if leaves.is_empty() {
        return None;
    }
    let list: Option<Vec<Value>> = leaves.iter().map(|c| leaf(q, canonical, c)).collect();
    Some((list?, behavior))
}

fn not_equals(id: &str, v: &str) -> Condition {
    Condition::Not(Box::new(Condition::Equals(id.to_string(), v.to_string())))
}

/// One enableWhen entry, when the condition is simple enough to be one.
fn leaf(q: &Questionnaire, canonical: &Canonical, c: &Condition) -> Option<Value> {
    let (id, operator, answer): (&str, &str, &str) = match c {
        Condition::Equals(id, v) => (id, "=", v),
        Condition::Not(inner) => match inner.as_ref() {
            Condition::Equals(id, v) => (id, "!=", v),
            Condition::Answered(id) => {
                return Some(
                    json!({ "question": id, "operator": "exists", "answerBoolean": false }),
                );
            }
            _ => return None,
        },
        Condition::Answered(id) => {
            return Some(json!({ "question": id, "operator": "exists", "answerBoolean": true }));
        }
        Condition::AtLeast(id, n) => {
            let value = match least(q, id, *n) {
                Least::Integer(n) => json!({ "answerInteger": n }),
                Least::Decimal(n) => json!({ "answerDecimal": n }),
            };
            let mut entry = json!({ "question": id, "operator": ">=" });
            entry.as_object_mut()?.extend(value.as_object()?.clone());
            return Some(entry);
        }
        _ => return None,
    };
    let item = q.item(id)?;
    let value = match value_system(&item.kind, &Systems::of(canonical, &q.id, id)) {
        None => json!({ "answerBoolean": answer == "yes" }),
        Some(system) => json!({ "answerCoding": { "system": system, "code": answer } }),
    };
    let mut entry = json!({ "question": id, "operator": operator });
    entry.as_object_mut()?.extend(value.as_object()?.clone());
    Some(entry)
}

/// The least value an `AtLeast` allows, typed as the item's answers are:
/// R4 compares an integer answer (scales, whole numbers) with an integer.
enum Least {
    Integer(i64),
    Decimal(f64),
}

fn least(q: &Questionnaire, id: &str, n: f64) -> Least {
    let whole = q.item(id).is_some_and(|i| {
        matches!(
            i.kind,
            Kind::Scale { .. } | Kind::Number { decimals: 0, .. }
        )
    });
    // At least 7.5 on a whole-number answer is at least 8.
    if whole {
        Least::Integer(n.ceil() as i64)
    } else {
        Least::Decimal(n)
    }
}

/// `c` as a FHIRPath expression over the response. A hidden item has no
/// answers in a response, as it counts as unanswered here.
fn fhirpath(q: &Questionnaire, regions: &BodyRegions, c: &Condition) -> String {
    let answers = |id: &str| format!("%resource.repeat(item).where(linkId = {}).answer", lit(id));
    let each = |cs: &[Condition], join: &str| {
        let parts: Vec<String> = cs
            .iter()
            .map(|c| format!("({})", fhirpath(q, regions, c)))
            .collect();
        parts.join(join)
    };
    match c {
        Condition::Equals(id, v) => format!("{}.where({}).exists()", answers(id), is(q, id, v)),
        Condition::AnyOf(id, vs) => {
            let any: Vec<String> = vs.iter().map(|v| is(q, id, v)).collect();
            format!("{}.where({}).exists()", answers(id), any.join(" or "))
        }
        Condition::Answered(id) => format!("{}.exists()", answers(id)),
        Condition::AtLeast(id, n) => {
            let n = match least(q, id, *n) {
                Least::Integer(n) => n.to_string(),
                Least::Decimal(n) => n.to_string(),
            };
            format!("{}.where(value >= {n}).exists()", answers(id))
        }
        Condition::Marked { item, .. } => match marks(c, item, regions) {
            Some(which) => format!("{}.where({which}).exists()", answers(item)),
            None => format!("{}.exists()", answers(item)),
        },
        Condition::Not(inner) => format!("({}).not()", fhirpath(q, regions, inner)),
        Condition::All(cs) if cs.is_empty() => "true".to_string(),
        Condition::Any(cs) if cs.is_empty() => "false".to_string(),
        Condition::All(cs) => each(cs, " and "),
        Condition::Any(cs) => each(cs, " or "),
        Condition::AtLeastOf(n, cs) if cs.is_empty() => format!("{n} <= 0"),
        Condition::AtLeastOf(n, cs) => {
            let counts: Vec<String> = cs
                .iter()
                .map(|c| format!("iif({}, 1, 0)", fhirpath(q, regions, c)))
                .collect();
            format!("({}) >= {n}", counts.join(" + "))
        }
    }
}

/// Which body-diagram answers (one a region, its symptoms nested) a `Marked`
/// condition counts, or `None` when any does: sides and parts are spelt out
/// as the regions they stand for.
fn marks(c: &Condition, item: &str, table: &BodyRegions) -> Option<String> {
    let counted = |r: &str| Symptom::ALL.iter().any(|s| c.counts_mark(table, r, *s));
    let regions: Vec<&str> = table.regions.iter().map(|r| r.id.as_str()).collect();
    let places: Vec<&str> = regions.iter().copied().filter(|r| counted(r)).collect();
    // A symptom counts when it does on some region the place allows.
    let symptoms: Vec<Symptom> = Symptom::ALL
        .into_iter()
        .filter(|s| places.iter().any(|r| c.counts_mark(table, r, *s)))
        .collect();
    let mut filters = Vec::new();
    if places.len() < regions.len() {
        filters.push(format!("value.code in ({})", set(places)));
    }
    if symptoms.len() < Symptom::ALL.len() {
        let codes = symptoms.iter().map(|s| symptom_code(*s));
        let which = format!(
            "item.where(linkId = {}).answer",
            lit(&format!("{item}.symptoms"))
        );
        filters.push(format!(
            "{which}.where(value.code in ({})).exists()",
            set(codes)
        ));
    }
    (!filters.is_empty()).then(|| filters.join(" and "))
}

/// The answer is `value`: true or false for yes/no items, else the code.
fn is(q: &Questionnaire, id: &str, value: &str) -> String {
    let boolean = q.item(id).is_some_and(|i| is_boolean(&i.kind));
    if boolean {
        format!("value = {}", value == "yes")
    } else {
        format!("value.code = {}", lit(value))
    }
}

/// A FHIRPath collection of string literals, `('a' | 'b')` without the brackets.
fn set<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    let lits: Vec<String> = items.into_iter().map(|s| lit(s.as_ref())).collect();
    lits.join(" | ")
}

/// A FHIRPath string literal.
fn lit(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = r#"Questionnaire(id: "t", title: "T", version: "1", language: "en", sections: [
        Section(id: "s", title: "S", items: [
            Item(id: "leg", prompt: "Leg?", kind: YesNo),
            Item(id: "side", prompt: "Side?", kind: Side),
            Item(id: "map", prompt: "Map", kind: BodyMap),
            Item(id: "pain", prompt: "Pain?", kind: Scale(min: 0, max: 10, min_label: "none", max_label: "worst")),
            Item(id: "temp", prompt: "Temperature?", kind: Number(min: 34, max: 43, unit: "C", decimals: 1)),
        ]),
    ])"#;

    fn fields(condition: &str) -> Value {
        let q = crate::questionnaire::parse_str("t.ron", SRC).unwrap();
        let c: Condition = crate::questionnaire::parse_ron("c.ron", condition).unwrap();
        Value::Object(enable_when(
            &q,
            BodyRegions::builtin(),
            &Canonical::default(),
            Some(&c),
            false,
        ))
    }

    fn expression(condition: &str) -> String {
        let f = fields(condition);
        assert!(f.get("enableWhen").is_none(), "never both: {f}");
        assert_eq!(f["extension"][0]["url"], EXPRESSION_URL);
        assert_eq!(
            f["extension"][0]["valueExpression"]["language"],
            "text/fhirpath"
        );
        f["extension"][0]["valueExpression"]["expression"]
            .as_str()
            .unwrap()
            .to_string()
    }

    #[test]
    fn a_flat_list_is_enable_when() {
        let f = fields(r#"Any([Equals("leg", "yes"), Equals("side", "left")])"#);
        assert_eq!(f["enableBehavior"], "any");
        assert_eq!(f["enableWhen"][0]["answerBoolean"], true);
        assert_eq!(f["enableWhen"][1]["answerCoding"]["code"], "left");
        assert!(f.get("extension").is_none());
    }

    #[test]
    fn at_least_on_a_scale_is_an_integer() {
        let f = fields(r#"AtLeast("pain", 7.5)"#);
        assert_eq!(f["enableWhen"][0]["operator"], ">=");
        assert_eq!(f["enableWhen"][0]["answerInteger"], 8);
        assert!(f["enableWhen"][0].get("answerDecimal").is_none());
        let e = expression(r#"Not(AtLeast("pain", 7))"#);
        assert!(e.contains("answer.where(value >= 7)"), "{e}");
        let f = fields(r#"AtLeast("temp", 38.5)"#);
        assert_eq!(f["enableWhen"][0]["answerDecimal"], 38.5);
    }

    #[test]
    fn a_self_test_is_shown_unless_taken_alone() {
        let q = crate::questionnaire::parse_str("t.ron", SRC).unwrap();
        let regions = BodyRegions::builtin();
        let alone = enable_when(&q, regions, &Canonical::default(), None, true);
        assert_eq!(alone["enableWhen"], json!([not_alone_entry()]));
        // Joined to an "all" list, or to an "any" list as an expression.
        let c: Condition =
            crate::questionnaire::parse_ron("c.ron", r#"Equals("leg", "yes")"#).unwrap();
        let f = enable_when(&q, regions, &Canonical::default(), Some(&c), true);
        assert_eq!(f["enableBehavior"], "all");
        assert_eq!(f["enableWhen"][1], not_alone_entry());
        let c: Condition = crate::questionnaire::parse_ron(
            "c.ron",
            r#"Any([Equals("leg", "yes"), Equals("side", "left")])"#,
        )
        .unwrap();
        let f = enable_when(&q, regions, &Canonical::default(), Some(&c), true);
        let e = f["extension"][0]["valueExpression"]["expression"]
            .as_str()
            .unwrap();
        assert!(e.ends_with(&format!(" and ({})", not_alone_path())), "{e}");
        assert!(enable_when(&q, regions, &Canonical::default(), None, false).is_empty());
    }

    #[test]
    fn none_of_several_values_is_an_all_list_of_not_equals() {
        let f = fields(r#"Not(AnyOf("side", ["left", "both"]))"#);
        assert_eq!(f["enableBehavior"], "all");
        assert_eq!(f["enableWhen"][0]["operator"], "!=");
        assert_eq!(f["enableWhen"][1]["answerCoding"]["code"], "both");
        assert!(f.get("extension").is_none());
    }

    #[test]
    fn marks_become_an_expression_over_the_regions_and_their_symptoms() {
        let map = "%resource.repeat(item).where(linkId = 'map').answer";
        assert_eq!(
            expression(r#"Marked(item: "map", symptoms: [Numbness], regions: ["saddle"])"#),
            format!(
                "{map}.where(value.code in ('saddle') and item.where(linkId = 'map.symptoms').answer.where(value.code in ('numbness')).exists()).exists()"
            )
        );
        assert_eq!(
            expression(r#"Marked(item: "map")"#),
            format!("{map}.exists()")
        );
        // A part is spelt out as its regions.
        let left_leg = expression(r#"Marked(item: "map", side: Left, part: "below_knee")"#);
        assert!(left_leg.contains("'left_calf' | "), "{left_leg}");
        assert!(
            !left_leg.contains("right_") && !left_leg.contains("thigh"),
            "{left_leg}"
        );
    }

    #[test]
    fn nesting_not_and_counts_keep_their_meaning() {
        let leg =
            "%resource.repeat(item).where(linkId = 'leg').answer.where(value = true).exists()";
        let side = "%resource.repeat(item).where(linkId = 'side').answer.where(value.code = 'both').exists()";
        assert_eq!(
            expression(r#"All([Equals("leg", "yes"), Not(AnyOf("side", ["both"]))])"#),
            format!("({leg}) and (({side}).not())")
        );
        assert_eq!(
            expression(r#"AtLeastOf(2, [Equals("leg", "yes"), Equals("side", "both")])"#),
            format!("(iif({leg}, 1, 0) + iif({side}, 1, 0)) >= 2")
        );
        // No condition is always true either.
        assert_eq!(expression("Any([])"), "false");
    }

    #[test]
    fn the_shipped_questionnaire_exports_no_condition_as_rust_debug_text() {
        let q = crate::content::questionnaire();
        let content = crate::content::Content::builtin();
        let text = super::super::questionnaire(&q, &content, &Canonical::default()).to_string();
        for debug in ["Marked {", "Equals(", "AnyOf(", "urn:intake:enable-when"] {
            assert!(!text.contains(debug), "{debug}");
        }
        assert!(text.contains(EXPRESSION_URL));
    }
}
