//! The FHIR Bundle as an EHR files it: canonical URLs from one configurable
//! base.

use std::process::Command;

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
    let standard = ["http://hl7.org/", "http://unitsofmeasure.org"];
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
    let response = &bundle["entry"][0]["resource"];
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
