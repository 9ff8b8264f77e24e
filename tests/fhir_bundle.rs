//! The FHIR Bundle as an EHR files it: canonical URLs from one configurable
//! base, a response identifier that names its session, and the Provenance of
//! the findings.

use std::process::Command;

use intake::answers::{Answer, Session};
use intake::content::{self, Content};
use intake::export::Summary;
use serde_json::Value;

const SESSION: &str = "examples/sessions/cauda-equina-red-flags.ron";

fn intake(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_intake"))
        .args(args)
        .output()
        .unwrap()
}

fn json(args: &[&str]) -> Value {
    let out = intake(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Every `url` and `system` in a resource, nested ones included.
fn urls(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                match (k.as_str(), x) {
                    ("url" | "system" | "questionnaire", Value::String(s)) => out.push(s.clone()),
                    _ => urls(x, out),
                }
            }
        }
        Value::Array(xs) => xs.iter().for_each(|x| urls(x, out)),
        _ => {}
    }
}

#[test]
fn a_clinics_base_names_the_questionnaire_and_every_code_system() {
    let base = "https://fhir.clinic.test/intake";
    let bundle = json(&[
        "summarize",
        "--answers",
        SESSION,
        "--format",
        "fhir",
        "--fhir-base",
        base,
    ]);
    let q = json(&["export-questionnaire", "--fhir-base", &format!("{base}/")]);
    let mut found = Vec::new();
    urls(&bundle, &mut found);
    urls(&q, &mut found);
    let standard = [
        "http://hl7.org/",
        "http://terminology.hl7.org/",
        "http://unitsofmeasure.org",
        "http://loinc.org",
        "http://snomed.info/sct",
    ];
    let ours: Vec<&String> = found
        .iter()
        // A request's url is a resource type, not a canonical URL.
        .filter(|u| u.contains(':') && !standard.iter().any(|s| u.starts_with(s)))
        .collect();
    assert!(ours.len() > 20, "{ours:?}");
    for url in &ours {
        assert!(
            url.starts_with(base),
            "{url} is not under the clinic's base"
        );
    }
    let response = &of(&bundle, "QuestionnaireResponse")[0]["resource"];
    let pointed = response["questionnaire"].as_str().unwrap();
    assert_eq!(
        pointed,
        format!(
            "{}|{}",
            q["url"].as_str().unwrap(),
            q["version"].as_str().unwrap()
        )
    );
    for system in [
        "/CodeSystem/body-region",
        "/CodeSystem/symptom",
        "/CodeSystem/warning-level",
    ] {
        assert!(
            ours.iter().any(|u| **u == format!("{base}{system}")),
            "{system}"
        );
    }
}

#[test]
fn without_a_base_the_example_domain_is_used_and_no_urn_is_left() {
    let bundle = intake(&["summarize", "--answers", SESSION, "--format", "fhir"]);
    let q = intake(&["export-questionnaire"]);
    for out in [bundle, q] {
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("http://intake.example.org/fhir/"));
        assert!(!text.contains("urn:intake"));
    }
}

#[test]
fn a_base_that_is_no_url_is_refused_with_the_reason() {
    let out = intake(&["export-questionnaire", "--fhir-base", "intake.example.org"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--fhir-base") && err.contains("https://"),
        "{err}"
    );
}

fn bundle(s: &Session, authored: u64) -> Value {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let summary = Summary::new(&q, s, &rules, Content::builtin(), authored);
    serde_json::from_str(&summary.fhir()).unwrap()
}

fn example() -> Session {
    let text = std::fs::read_to_string(SESSION).unwrap();
    Session::from_ron(SESSION, &text).unwrap()
}

fn of<'a>(bundle: &'a Value, kind: &str) -> Vec<&'a Value> {
    let entries = bundle["entry"].as_array().unwrap().iter();
    entries
        .filter(|e| e["resource"]["resourceType"] == kind)
        .collect()
}

fn identifier(bundle: &Value) -> &Value {
    &of(bundle, "QuestionnaireResponse")[0]["resource"]["identifier"]
}

#[test]
fn a_session_keeps_one_response_identifier_and_no_two_share_it() {
    let mut s = example();
    let first = bundle(&s, s.updated);
    let id = identifier(&first).clone();
    assert_eq!(id["system"], "http://intake.example.org/fhir/response");
    // Summarized again later, with one more answer: still the same session.
    s.answers
        .insert("goal".into(), Answer::Text("walk the dog".into()));
    assert_eq!(*identifier(&bundle(&s, s.updated + 600)), id);
    s.started += 1;
    assert_ne!(*identifier(&bundle(&s, s.updated)), id);
    // A session whose start is unknown would share "0" with every other.
    s.started = 0;
    assert!(identifier(&bundle(&s, s.updated)).is_null());
}

/// Sent again after a lost answer, the Bundle must create nothing: the
/// response is created only if none has its identifier (and the Device only
/// if none is this release), everything else goes with the response in one
/// all-or-nothing transaction.
#[test]
fn a_retried_bundle_creates_nothing() {
    let mut s = example();
    s.visit_code = Some("AB1234".into());
    let b = bundle(&s, s.updated);
    let response = of(&b, "QuestionnaireResponse")[0];
    let id = &response["resource"]["identifier"];
    let key = id["value"].as_str().unwrap();
    let want = format!("identifier={}|{key}", id["system"].as_str().unwrap());
    assert_eq!(response["request"]["ifNoneExist"], want.as_str());
    assert_eq!(b["type"], "transaction");
    // Every entry is a conditional create, each part by its own identifier
    // (a tag on the Provenance, which R4 gives none), never two alike.
    let parts = "http://intake.example.org/fhir/response-part";
    let mut searches = Vec::new();
    for e in b["entry"].as_array().unwrap() {
        let search = e["request"]["ifNoneExist"]
            .as_str()
            .unwrap_or_else(|| panic!("{e}"));
        let r = &e["resource"];
        match r["resourceType"].as_str().unwrap() {
            "QuestionnaireResponse" | "Device" => {}
            "Provenance" => {
                let tag = &r["meta"]["tag"][0];
                assert_eq!(
                    search,
                    format!("_tag={parts}|{}", tag["code"].as_str().unwrap())
                );
                assert_eq!(tag["code"], format!("{key}/provenance"));
            }
            kind => {
                let ids = if kind == "Composition" {
                    vec![&r["identifier"]]
                } else {
                    r["identifier"].as_array().unwrap().iter().collect()
                };
                let part = ids
                    .iter()
                    .find(|i| i["system"] == parts)
                    .unwrap_or_else(|| panic!("{r}"));
                let value = part["value"].as_str().unwrap();
                assert!(value.starts_with(&format!("{key}/")), "{value}");
                assert_eq!(search, format!("identifier={parts}|{value}"));
            }
        }
        searches.push(search.to_string());
    }
    let n = searches.len();
    searches.sort();
    searches.dedup();
    assert_eq!(searches.len(), n, "two entries alike");
    // One Patient a session: two sessions with one code are two Patients.
    let mut other = example();
    other.started += 1;
    other.visit_code = s.visit_code.clone();
    let patient = |b: &Value| of(b, "Patient")[0]["request"]["ifNoneExist"].clone();
    assert_ne!(patient(&b), patient(&bundle(&other, other.updated)));
}

#[test]
fn the_provenance_names_the_versions_that_made_the_findings() {
    let s = example();
    let b = bundle(&s, s.updated);
    assert!(
        !of(&b, "Flag").is_empty(),
        "the example raises warning signs"
    );
    // Everything the findings made: all but intake and the Provenance itself.
    let made: Vec<&str> = b["entry"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| {
            !["Device", "Provenance"].contains(&e["resource"]["resourceType"].as_str().unwrap())
        })
        .map(|e| e["fullUrl"].as_str().unwrap())
        .collect();
    assert!(
        made.len() > 10,
        "response, flags, observations, note: {made:?}"
    );
    let [provenance] = of(&b, "Provenance")[..] else {
        panic!("one Provenance")
    };
    let p = &provenance["resource"];
    let targets: Vec<&str> = p["target"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["reference"].as_str().unwrap())
        .collect();
    assert_eq!(targets, made);
    let [device] = of(&b, "Device")[..] else {
        panic!("one Device")
    };
    assert_eq!(p["agent"][0]["who"]["reference"], device["fullUrl"]);
    // The clinician's note is authored by the same Device.
    let [note] = of(&b, "Composition")[..] else {
        panic!("one Composition")
    };
    assert_eq!(
        note["resource"]["author"][0]["reference"],
        device["fullUrl"]
    );
    assert_eq!(
        device["resource"]["version"][0]["value"],
        env!("CARGO_PKG_VERSION")
    );
    assert!(
        device["request"]["ifNoneExist"]
            .as_str()
            .unwrap()
            .starts_with("identifier=")
    );
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let sources: Vec<(&str, &str)> = p["entity"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let id = &e["what"]["identifier"];
            (
                id["system"].as_str().unwrap(),
                id["value"].as_str().unwrap(),
            )
        })
        .collect();
    let base = "http://intake.example.org/fhir";
    let questionnaire = format!("{base}/Questionnaire/{}", q.id);
    let findings = format!("{base}/findings-rules/{}", q.id);
    assert_eq!(
        sources,
        [
            (questionnaire.as_str(), q.version.as_str()),
            (findings.as_str(), rules.version.as_str())
        ]
    );
}

fn value(s: &Session) -> String {
    identifier(&bundle(s, s.updated))["value"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn two_sessions_started_in_the_same_second_never_share_an_identifier() {
    let q = content::questionnaire();
    let (a, b) = (Session::start(&q, 1_000), Session::start(&q, 1_000));
    assert_ne!(value(&a), value(&b));
    assert_eq!(value(&a), a.id, "the identifier is the session's id");
    // Even with no known start, an id names the session alone.
    assert_eq!(value(&Session::start(&q, 0)).len(), 32);
}

#[test]
fn a_saved_session_keeps_its_id_and_an_old_one_is_named_by_its_start() {
    let q = content::questionnaire();
    let s = Session::start(&q, 1_000);
    let back = Session::from_ron("saved.ron", &s.to_ron()).unwrap();
    assert_eq!((&back.id, value(&back)), (&s.id, value(&s)));
    // The example has no id, as every file saved before ids.
    let old = example();
    assert_eq!(old.id, "");
    assert_eq!(value(&old), format!("{}-{}", q.id, old.started));
}

#[test]
fn a_visit_code_identifies_the_patient_in_the_bundle_and_the_json() {
    let mut s = example();
    let subjects = |b: &Value| -> Vec<Value> {
        let entries = b["entry"].as_array().unwrap().iter();
        entries
            .filter_map(|e| e["resource"].get("subject").cloned())
            .collect()
    };
    // Without a code: a Patient no one is told, and the response names none.
    let plain = bundle(&s, s.updated);
    assert!(of(&plain, "QuestionnaireResponse")[0]["resource"]["subject"].is_null());
    assert!(
        subjects(&plain)
            .iter()
            .all(|v| *v == serde_json::json!({ "type": "Patient" }))
    );
    s.visit_code = Some("AB1234".into());
    let coded = bundle(&s, s.updated);
    // The Patient comes after the response, with the code, one for this session.
    let patient = &coded["entry"][1];
    assert_eq!(patient["resource"]["resourceType"], "Patient");
    assert_eq!(patient["resource"]["identifier"][0]["value"], "AB1234");
    let want = serde_json::json!({
        "reference": patient["fullUrl"],
        "type": "Patient",
        "identifier": { "system": "http://intake.example.org/fhir/visit-code", "value": "AB1234" },
    });
    let found = subjects(&coded);
    // The response, each Flag and the note: every subject is the coded patient.
    assert!(found.len() >= 3, "{found:?}");
    assert!(found.iter().all(|v| *v == want), "{found:?}");
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let json = Summary::new(&q, &s, &rules, Content::builtin(), s.updated).json();
    let json: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["visit_code"], "AB1234");
    let plain = Summary::new(&q, &example(), &rules, Content::builtin(), s.updated).json();
    assert!(!plain.contains("visit_code"), "no code asked, none said");
}
