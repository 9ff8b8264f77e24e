//! The FHIR export's enable logic against intake's own: for every example
//! session and vignette, the items a FHIR renderer shows, found by an
//! independent engine (tools/fhir/enabled.js: fhirpath.js and R4's
//! enableWhen rules) over the exported Questionnaire and QuestionnaireResponse,
//! are exactly the items intake shows. A renderer that shows an item intake
//! hides fails the required-item check on a finished response.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::process::{Command, Stdio};

use intake::answers::Session;
use intake::content::{self, Content};
use intake::export::{Summary, fhir};
use serde_json::{Value, json};

/// Every saved session: the examples and the vignettes.
fn sessions() -> Vec<(String, Session)> {
    let mut paths = Vec::new();
    for dir in ["examples/sessions", "tests/vignettes"] {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if name.ends_with(".ron") && name != "expect.ron" {
                paths.push(path.to_string_lossy().to_string());
            }
        }
    }
    paths.sort();
    let load = |p: String| {
        let s = Session::from_ron(&p, &fs::read_to_string(&p).unwrap()).unwrap();
        (p, s)
    };
    paths.into_iter().map(load).collect()
}

/// The ids of the items intake shows in session `s`, in order.
fn intake_shows(s: &Session) -> Vec<String> {
    let q = content::questionnaire();
    let on = s.enabled(&q, Content::builtin().regions);
    let items = q.items().zip(on).filter(|(_, on)| *on);
    items.map(|(i, _)| i.id.clone()).collect()
}

/// The QuestionnaireResponse of `s`'s exported Bundle.
fn response(s: &Session) -> Value {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let summary = Summary::new(&q, s, &rules, Content::builtin(), s.updated);
    let bundle: Value = serde_json::from_str(&summary.fhir()).unwrap();
    let entries = bundle["entry"].as_array().unwrap();
    let is_response = |e: &&Value| e["resource"]["resourceType"] == "QuestionnaireResponse";
    entries.iter().find(is_response).unwrap()["resource"].clone()
}

/// What tools/fhir/enabled.js says a renderer shows, per session.
fn renderer_shows(input: &Value) -> BTreeMap<String, Vec<String>> {
    let script = "tools/fhir/enabled.js";
    // The project's script installs the pinned packages on a fresh checkout.
    if fs::metadata("tools/fhir/node_modules/fhirpath").is_err() {
        let installed = Command::new("tools/fhir/install").status();
        assert!(
            installed.is_ok_and(|s| s.success()),
            "tools/fhir/install could not install fhirpath.js (needs node and npm)"
        );
    }
    let mut child = Command::new("node")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node runs (tools/fhir/install needs it too)");
    let text = input.to_string();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{script} failed: {stderr}");
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The questions among the items shown: a nested item ("body_map.symptoms",
/// asked of each region marked) is part of its question and shown with it.
fn questions(shown: &[String]) -> Vec<String> {
    let (nested, questions): (Vec<_>, Vec<_>) =
        shown.iter().cloned().partition(|i| i.contains('.'));
    for n in nested {
        let parent = n.split('.').next().unwrap().to_string();
        assert!(questions.contains(&parent), "{n} shown without {parent}");
    }
    questions
}

#[test]
fn a_fhir_renderer_shows_exactly_the_items_intake_shows_in_every_session() {
    let q = content::questionnaire();
    let sessions = sessions();
    assert!(sessions.len() >= 50, "only {} sessions", sessions.len());
    let responses: serde_json::Map<String, Value> = sessions
        .iter()
        .map(|(p, s)| (p.clone(), response(s)))
        .collect();
    let input = json!({
        "questionnaire": fhir::questionnaire(&q, &Content::builtin(), &Default::default()),
        "responses": responses,
    });
    let shown = renderer_shows(&input);
    let mut wrong = Vec::new();
    for (path, s) in &sessions {
        let ours = intake_shows(s);
        let theirs = questions(&shown[path]);
        if ours != theirs {
            let extra: Vec<_> = theirs.iter().filter(|i| !ours.contains(i)).collect();
            let missing: Vec<_> = ours.iter().filter(|i| !theirs.contains(i)).collect();
            wrong.push(format!(
                "{path}: renderer also shows {extra:?}, hides {missing:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
