//! One report, every rendering: for every example session and vignette, the
//! summary screen (both views) and every file (Markdown, JSON, FHIR, HTML)
//! say the same banner, warning signs, unanswered questions, disagreements,
//! root levels and next steps, because all render the same Report.

mod common;

use common::{Harness, every_session as sessions, view_texts as texts};
use intake::answers::Session;
use intake::content;
use intake::content::Content;
use intake::export::Summary;
use intake::tui::app::{Screen, SummaryTab};
use intake::tui::message::Msg;
use intake::tui::view::summary;
use ratatui::crossterm::event::KeyCode;
use serde_json::Value;

/// The summary screen of a session reached through Finish, each view's
/// lines unwrapped (a width no line reaches) and joined.
fn screen_views(s: &Session) -> [String; 2] {
    let mut h = Harness::new(120, 40);
    h.app.session = s.clone();
    h.app.enabled = s.enabled(&h.app.questionnaire, Content::builtin().regions);
    h.goto("anything_else");
    h.enter();
    h.key(KeyCode::End);
    h.enter();
    assert_eq!(h.app.screen, Screen::Summary, "{:?}", h.app.notice);
    let text = |h: &Harness| -> String {
        let lines = summary::lines(&h.app, 2000);
        lines.iter().map(|l| l.to_string() + "\n").collect()
    };
    let patient = text(&h);
    h.app.update(Msg::NextField);
    assert_eq!(h.app.summary_tab, SummaryTab::Clinician);
    [patient, text(&h)]
}

/// Every string of a JSON value, one a line; a FHIR narrative's text with
/// each tag as a line break.
fn strings(v: &Value, out: &mut String) {
    match v {
        Value::String(s) if s.starts_with("<div") => out.push_str(&html_text(s)),
        Value::String(s) => out.push_str(s),
        Value::Array(list) => list.iter().for_each(|v| strings(v, out)),
        Value::Object(map) => map.values().for_each(|v| strings(v, out)),
        _ => {}
    }
    out.push('\n');
}

/// HTML's escapes undone, `&amp;` last.
fn unescape(text: &str) -> String {
    let text = text.replace("&lt;", "<").replace("&gt;", ">");
    let text = text.replace("&quot;", "\"").replace("&#39;", "'");
    text.replace("&amp;", "&")
}

/// The text of HTML (a page, a FHIR narrative), each tag a line break.
fn html_text(html: &str) -> String {
    let mut text = String::new();
    for piece in html.split('<') {
        text.push('\n');
        text.push_str(piece.split_once('>').map_or(piece, |(_, t)| t));
    }
    unescape(&text)
}

fn json_text(text: &str) -> String {
    let mut out = String::new();
    strings(&serde_json::from_str(text).unwrap(), &mut out);
    out
}

/// The words of a FHIR Bundle's findings: every resource but the response,
/// so the findings cannot be met in the answers instead.
fn fhir_findings_text(text: &str) -> String {
    let bundle: Value = serde_json::from_str(text).unwrap();
    let mut out = String::new();
    for entry in bundle["entry"].as_array().unwrap() {
        if entry["resource"]["resourceType"] != "QuestionnaireResponse" {
            strings(&entry["resource"], &mut out);
        }
    }
    out
}

/// A place the summary is shown, and which readers' words it holds.
struct Place {
    name: &'static str,
    text: String,
    patient: bool,
    doctor: bool,
}

#[test]
fn the_screen_and_every_file_agree_for_every_example_session_and_vignette() {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let (mut unasked, mut disagreements) = (0, 0);
    for (name, s) in sessions() {
        let summary = Summary::new(&q, &s, &rules, Content::builtin(), s.updated);
        let place = |name, text, patient, doctor| Place {
            name,
            text,
            patient,
            doctor,
        };
        let mut places = vec![
            place("Markdown", summary.markdown(), true, true),
            place("JSON", json_text(&summary.json()), true, true),
            // The clinician's view only: a FHIR reader is the clinic.
            place("FHIR", fhir_findings_text(&summary.fhir()), false, true),
            // The clinician's view, printed for the visit.
            place("HTML", html_text(&summary.html()), false, true),
        ];
        // Only a finished session reaches the summary screen; an unfinished
        // one's files are written all the same.
        if s.progress(&q, Content::builtin().regions).complete() {
            let [patient, clinician] = screen_views(&s);
            places.push(place("patient screen", patient, true, false));
            places.push(place("clinician screen", clinician, false, true));
        }
        let shown = |what: &str, text: &str, for_patient: bool, for_doctor: bool| {
            let readers = places
                .iter()
                .filter(|p| (for_patient && p.patient) || (for_doctor && p.doctor));
            for p in readers {
                assert!(
                    p.text.contains(text),
                    "{name}: {what} {text:?} not in the {}:\n{}",
                    p.name,
                    p.text
                );
            }
        };
        let r = &summary.report;
        let t = &r.told;
        assert_eq!(r.level, summary.findings.top_level(), "{name}");
        if let Some(level) = r.level {
            shown(
                "banner",
                summary.content.text.report.banners.get(level),
                true,
                false,
            );
            let banner = summary.content.text.report.clinician.banners.get(level);
            shown("banner", banner, false, true);
        }
        // An entry's line where its reader looks, its details (evidence,
        // reasons) wherever the doctor does.
        let listed = |what: &str, text: &str, details: &[String], for_patient: bool| {
            shown(what, text, for_patient, true);
            for d in details {
                shown(what, d, false, true);
            }
        };
        let f = &summary.findings;
        assert_eq!(t.flags.len(), f.flags.len(), "{name}");
        for x in &t.flags {
            listed("warning sign", &x.text, &x.details, true);
        }
        assert_eq!(t.unasked.len(), f.unasked.len(), "{name}");
        unasked += t.unasked.len();
        disagreements += t.disagreements.len();
        for u in &t.unasked {
            shown("unanswered", &u.question, true, false);
            shown("unanswered", &u.label, false, true);
        }
        for x in &t.disagreements {
            listed("disagreement", &x.text, &x.details, true);
        }
        assert_eq!(t.roots.len(), f.roots.len(), "{name}");
        for x in &t.roots {
            listed("root", &x.text, &x.details, false);
        }
        assert_eq!(t.steps.len(), f.steps.len(), "{name}");
        for x in &t.steps {
            listed("step", &x.text, &x.details, true);
        }
    }
    assert!(unasked > 0 && disagreements > 0, "every kind is met");
}

/// A `{name}` a template left unfilled.
fn placeholder(text: &str) -> Option<&str> {
    text.match_indices('{').find_map(|(at, _)| {
        let rest = &text[at + 1..];
        let end = rest.find('}')?;
        let name = &rest[..end];
        let word = !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_');
        word.then_some(&text[at..at + end + 2])
    })
}

#[test]
fn every_template_is_filled() {
    assert_eq!(placeholder("Numbness: {places} (L5)"), Some("{places}"));
    assert_eq!(placeholder("{\"id\": 1}"), None);
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    for (name, s) in sessions() {
        let summary = Summary::new(&q, &s, &rules, Content::builtin(), s.updated);
        // UCUM writes a unit without dimension in braces: a score's unit.
        let fhir = summary.fhir().replace("\"code\": \"{score}\"", "");
        for text in [summary.markdown(), summary.json(), fhir, summary.html()] {
            assert_eq!(placeholder(&text), None, "{name}");
        }
    }
}

#[test]
fn the_patient_view_comes_first_and_holds_no_root_levels_the_clinician_view_does() {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let (_, s) = sessions()
        .into_iter()
        .find(|(n, _)| n.contains("l5-radiculopathy"))
        .unwrap();
    let summary = Summary::new(&q, &s, &rules, Content::builtin(), s.updated);
    let [patient, clinician] = summary.report.views().map(texts);
    assert!(!patient.iter().any(|t| t.contains("L5")), "{patient:?}");
    assert!(
        clinician.iter().any(|t| t.starts_with("L5, left, score")),
        "{clinician:?}"
    );
    let md = summary.markdown();
    assert!(md.find("## For you").unwrap() < md.find("## For your doctor").unwrap());
}
