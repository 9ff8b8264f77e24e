//! The summary as JSON for programs. The schema is documented in README.md
//! ("Summary JSON"); `version` changes when a change would break a reader.

use serde_json::{Value, json};

use super::Summary;
use super::time::rfc3339;
use crate::answers::Answer;
use crate::body::BodyRegions;

pub const SCHEMA_VERSION: u32 = 1;

pub fn render(s: &Summary) -> Value {
    let q = s.questionnaire;
    let f = &s.findings;
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
        "findings": {
            "flags": f.flags.iter().map(|x| json!({
                "id": x.id, "level": format!("{:?}", x.level).to_lowercase(), "title": x.title, "evidence": x.evidence,
            })).collect::<Vec<_>>(),
            "radicular": f.radicular,
            "roots": f.roots.iter().map(|r| json!({
                "level": r.level, "score": r.score, "side": r.side, "evidence": r.evidence,
            })).collect::<Vec<_>>(),
            "weakness": f.weakness,
            "unanswered_warning_signs": f.unasked,
            "disagreements": f.disagreements.iter().map(|d| json!({
                "id": d.id, "says": d.says, "evidence": d.evidence,
            })).collect::<Vec<_>>(),
        },
        "next_steps": f.steps.iter().map(|x| json!({ "id": x.id, "text": x.text, "because": x.because })).collect::<Vec<_>>(),
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
