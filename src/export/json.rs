//! The summary as JSON for programs: the answers, the scores and the
//! report's findings with their ids. The schema is documented in README.md
//! ("Summary JSON"); `version` changes when a change would break a reader.

use serde_json::{Value, json};

use super::time::rfc3339;
use super::{Format, Summary, level_code, pretty};
use crate::answers::{Answer, Side};
use crate::findings::{Evidence, Mark};

pub const SCHEMA_VERSION: u32 = 1;

pub const FORMAT: Format = Format {
    name: "json",
    extension: "json",
    render: |s| pretty(&render(s)),
};

fn render(s: &Summary) -> Value {
    let q = s.questionnaire;
    let answers: Vec<Value> = s
        .session
        .live_answers(q, s.content.regions)
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
                "display": answer.display(&item.kind, &s.content),
            })
        })
        .collect();
    let scores: Vec<Value> = q
        .scores
        .iter()
        .map(|sc| {
            let value = s.session.score(q, sc, s.content.regions);
            json!({ "id": sc.id, "label": sc.label, "value": value })
        })
        .collect();
    let mut summary = json!({
        "schema": "intake-summary",
        "version": SCHEMA_VERSION,
        "questionnaire": { "id": q.id, "version": q.version, "language": q.language },
        "status": if s.complete { "completed" } else { "in-progress" },
        "started": rfc3339(s.session.started),
        "authored": rfc3339(s.authored),
        "answers": answers,
        "scores": scores,
        "findings": findings(s),
        "next_steps": s.report.told.steps.iter().map(|x| json!({
            "id": x.of.id, "text": x.text, "because": x.details,
        })).collect::<Vec<_>>(),
    });
    // Only when the kiosk asked for one: no code is not "no visit".
    if let Some(code) = &s.session.visit_code {
        summary["visit_code"] = json!(code);
    }
    summary
}

/// The findings as the report tells them, each with its ids: the words are
/// the clinician's view's, the banners each view's.
fn findings(s: &Summary) -> Value {
    let r = &s.report;
    let t = &r.told;
    let regions =
        |marks: &[Mark]| -> Vec<String> { marks.iter().map(|m| m.region.clone()).collect() };
    let banner = r
        .level
        .map(|_| json!({ "patient": r.patient.banner(), "clinician": r.clinician.banner() }));
    json!({
        "level": r.level.map(level_code),
        "banner": banner,
        "flags": t.flags.iter().map(|x| json!({
            "id": x.of.id, "level": level_code(x.of.level), "title": x.of.title,
            "text": x.text, "evidence": x.details,
            "items": x.of.evidence.iter().filter_map(|e| match e { Evidence::Answer(id) => Some(id), _ => None }).collect::<Vec<_>>(),
            "regions": x.of.evidence.iter().filter_map(|e| match e { Evidence::Marked(m) => Some(&m.region), _ => None }).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "radicular": t.radicular,
        "roots": t.roots.iter().map(|r| json!({
            "level": r.of.level, "score": r.of.score, "side": r.of.side.map_or("", Side::value),
            "text": r.text, "evidence": r.details, "regions": regions(&r.of.marks),
        })).collect::<Vec<_>>(),
        "weakness": t.weakness,
        "unanswered_warning_signs": t.unasked.iter().map(|u| &u.question).collect::<Vec<_>>(),
        "unanswered": t.unasked.iter().map(|u| json!({
            "id": u.id, "question": u.question, "label": u.label,
        })).collect::<Vec<_>>(),
        "disagreements": t.disagreements.iter().map(|d| json!({
            "id": d.of.id, "says": d.text, "evidence": d.details,
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
