//! The summary as JSON for programs. The schema is documented in README.md
//! ("Summary JSON"); `version` changes when a change would break a reader.

use serde_json::{Value, json};

use super::Summary;
use super::time::rfc3339;
use crate::answers::{Answer, Side};
use crate::body::BodyRegions;
use crate::findings::{Evidence, Mark};

pub const SCHEMA_VERSION: u32 = 1;

pub fn render(s: &Summary) -> Value {
    let q = s.questionnaire;
    let f = &s.findings;
    let w = s.wording();
    let regions = BodyRegions::builtin();
    let answers: Vec<Value> = s
        .session
        .live_answers(q)
        .map(|(item, answer)| {
            let section = q
                .index_of(&item.id)
                .and_then(|n| q.section_of(n))
                .map(|(_, s)| s.id.as_str());
            json!({
                "id": item.id,
                "section": section,
                "prompt": item.prompt,
                "kind": item.kind.name(),
                "value": value(answer),
                "display": answer.display(&item.kind, regions),
            })
        })
        .collect();
    let scores: Vec<Value> = q
        .scores
        .iter()
        .map(|sc| json!({ "id": sc.id, "label": sc.label, "value": s.session.score(q, sc) }))
        .collect();
    json!({
        "schema": "intake-summary",
        "version": SCHEMA_VERSION,
        "questionnaire": { "id": q.id, "version": q.version, "language": q.language },
        "status": if s.complete { "completed" } else { "in-progress" },
        "started": rfc3339(s.session.started),
        "authored": rfc3339(s.authored),
        "answers": answers,
        "scores": scores,
        "findings": findings(s),
        "next_steps": f.steps.iter().map(|x| json!({
            "id": x.id, "text": x.text, "because": w.reasons(&x.because),
        })).collect::<Vec<_>>(),
    })
}

/// The findings as data, each with its evidence in the clinician's words.
fn findings(s: &Summary) -> Value {
    let f = &s.findings;
    let w = s.wording();
    let regions =
        |marks: &[Mark]| -> Vec<String> { marks.iter().map(|m| m.region.clone()).collect() };
    json!({
        "flags": f.flags.iter().map(|x| json!({
            "id": x.id, "level": format!("{:?}", x.level).to_lowercase(), "title": x.title,
            "evidence": w.evidence(&x.evidence),
            "items": x.evidence.iter().filter_map(|e| match e { Evidence::Answer(id) => Some(id), _ => None }).collect::<Vec<_>>(),
            "regions": x.evidence.iter().filter_map(|e| match e { Evidence::Marked(m) => Some(&m.region), _ => None }).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "radicular": f.radicular.iter().flat_map(|r| w.radicular(r)).collect::<Vec<_>>(),
        "roots": f.roots.iter().map(|r| json!({
            "level": r.level, "score": r.score, "side": r.side.map_or("", Side::value),
            "evidence": w.root_evidence(r), "regions": regions(&r.marks),
        })).collect::<Vec<_>>(),
        "weakness": w.weakness(&f.weakness),
        "unanswered_warning_signs": f.unasked.iter().filter_map(|id| s.questionnaire.item(id)).map(|i| i.question()).collect::<Vec<_>>(),
        "disagreements": f.disagreements.iter().map(|d| json!({
            "id": d.id, "says": d.says, "evidence": w.disagreement(d),
        })).collect::<Vec<_>>(),
    })
}

/// An answer's value, typed as its kind is.
fn value(a: &Answer) -> Value {
    match a {
        Answer::YesNo(b) => json!(b),
        Answer::Choice(c) => json!(c),
        Answer::Choices(cs) => json!(cs),
        Answer::Scale(n) => json!(n),
        Answer::Number(n) => json!(n),
        Answer::Duration { amount, unit } => {
            json!({ "amount": amount, "unit": format!("{unit:?}").to_lowercase() })
        }
        Answer::Text(t) => json!(t),
        Answer::Body(m) => {
            let regions: serde_json::Map<String, Value> = m
                .iter()
                .map(|(r, s)| {
                    (
                        r.to_string(),
                        json!(
                            s.iter()
                                .map(|s| format!("{s:?}").to_lowercase())
                                .collect::<Vec<_>>()
                        ),
                    )
                })
                .collect();
            Value::Object(regions)
        }
        Answer::Side(side) => json!(side.value()),
    }
}
