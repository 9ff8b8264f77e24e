//! The Observations in a summary's Bundle, as an EHR charts and searches
//! them: the pain scores with LOINC where a verified code exists, each
//! marked place with its symptom, body site and side, and never a standard
//! code that was not verified against its source.

use intake::answers::{Answer, Session};
use intake::codes::Codes;
use intake::content::{self, CODES, CODES_PATH, Content};
use intake::export::Summary;
use serde_json::Value;

fn bundle(s: &Session) -> Value {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let summary = Summary::new(&q, s, &rules, Content::builtin(), s.updated);
    serde_json::from_str(&summary.fhir()).unwrap()
}

fn session(path: &str) -> Session {
    Session::from_ron(path, &std::fs::read_to_string(path).unwrap()).unwrap()
}

fn resources<'a>(b: &'a Value, kind: &str) -> Vec<&'a Value> {
    let entries = b["entry"].as_array().unwrap();
    entries
        .iter()
        .map(|e| &e["resource"])
        .filter(|r| r["resourceType"] == kind)
        .collect()
}

fn has_code(concept: &Value, system: &str, code: &str) -> bool {
    concept["coding"].as_array().is_some_and(|cs| {
        cs.iter()
            .any(|c| c["system"] == system && c["code"] == code)
    })
}

/// The Observation whose code is intake's `id` (an item or score).
fn observed<'a>(b: &'a Value, id: &str) -> Option<&'a Value> {
    let system = "http://intake.example.org/fhir/CodeSystem/back-pain-intake-observations";
    resources(b, "Observation")
        .into_iter()
        .find(|o| has_code(&o["code"], system, id))
}

fn sessions() -> Vec<(String, Session)> {
    let mut all = Vec::new();
    for dir in ["examples/sessions", "tests/vignettes"] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path().display().to_string();
            if path.ends_with(".ron") && !path.ends_with("expect.ron") {
                all.push((path.clone(), session(&path)));
            }
        }
    }
    all.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(all.len() > 20);
    all
}

const EXAMPLE: &str = "examples/sessions/cauda-equina-red-flags.ron";

#[test]
fn pain_now_is_loinc_72514_3_and_the_weeks_pain_only_intakes_own() {
    let s = session(EXAMPLE);
    let b = bundle(&s);
    let now = observed(&b, "pain_now").expect("pain now");
    assert!(has_code(&now["code"], "http://loinc.org", "72514-3"));
    let Some(Answer::Scale(n)) = s.answers.get("pain_now") else {
        panic!("the example answers pain_now")
    };
    assert_eq!(now["valueInteger"], *n);
    assert_eq!(now["category"][0]["coding"][0]["code"], "survey");
    let response = &b["entry"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["resource"]["resourceType"] == "QuestionnaireResponse")
        .unwrap()["fullUrl"];
    assert_eq!(now["derivedFrom"][0]["reference"], *response);
    let average = observed(&b, "pain_average").expect("average pain");
    assert_eq!(average["code"]["coding"].as_array().unwrap().len(), 1);
}

#[test]
fn the_score_is_the_summarys_and_unasked_items_are_not_observed() {
    let mut s = session(EXAMPLE);
    let b = bundle(&s);
    let score = observed(&b, "function_score").expect("score");
    let json: Value = {
        let q = content::questionnaire();
        let rules = content::rules_for(&q).unwrap();
        let summary = Summary::new(&q, &s, &rules, Content::builtin(), s.updated);
        serde_json::from_str(&summary.json()).unwrap()
    };
    let want = json["scores"][0]["value"].as_f64().unwrap();
    let got = score["valueQuantity"]["value"].as_f64().unwrap();
    assert!((got - want).abs() < 0.01, "{got} vs {want}");
    assert_eq!(score["valueQuantity"]["code"], "{score}");
    // Not answered: no Observation, and no score made of what is missing.
    s.answers.remove("pain_average");
    let b = bundle(&s);
    assert!(observed(&b, "pain_average").is_none());
    assert!(observed(&b, "function_score").is_none());
    assert!(observed(&b, "pain_now").is_some());
}

#[test]
fn every_marked_symptom_is_one_observation_at_its_place_and_side() {
    for (path, s) in sessions() {
        let b = bundle(&s);
        let Some(Answer::Body(marks)) = s.answers.get("body_map") else {
            continue;
        };
        let obs: Vec<&Value> = resources(&b, "Observation")
            .into_iter()
            .filter(|o| o["bodySite"].is_object())
            .collect();
        let marked: usize = marks.iter().map(|(_, symptoms)| symptoms.len()).sum();
        assert_eq!(obs.len(), marked, "{path}");
        let structures = resources(&b, "BodyStructure");
        assert_eq!(structures.len(), marks.iter().count(), "{path}");
        for (region, symptoms) in marks.iter() {
            let here: Vec<&&Value> = obs
                .iter()
                .filter(|o| {
                    has_code(
                        &o["bodySite"],
                        "http://intake.example.org/fhir/CodeSystem/body-region",
                        region,
                    )
                })
                .collect();
            assert_eq!(here.len(), symptoms.len(), "{path}: {region}");
            // The side on the BodyStructure the Observation points at.
            let url = here[0]["bodySite"]["extension"][0]["valueReference"]["reference"].clone();
            let entry = b["entry"]
                .as_array()
                .unwrap()
                .iter()
                .find(|e| e["fullUrl"] == url)
                .unwrap();
            let qualifier = &entry["resource"]["locationQualifier"][0];
            let side = if region.starts_with("left_") {
                Some("7771000")
            } else if region.starts_with("right_") {
                Some("24028007")
            } else {
                None
            };
            match side {
                Some(code) => assert!(
                    has_code(qualifier, "http://snomed.info/sct", code),
                    "{path}: {region}"
                ),
                None => assert!(qualifier.is_null(), "{path}: {region} has no side"),
            }
        }
        for o in &obs {
            let pain = has_code(
                &o["code"],
                "http://intake.example.org/fhir/CodeSystem/symptom",
                "pain",
            );
            assert_eq!(
                pain,
                has_code(&o["code"], "http://snomed.info/sct", "22253000")
            );
        }
    }
}

/// A code whose `verified` is None is kept for a reviewer, never sent.
#[test]
fn no_unverified_code_ever_leaves() {
    let q = content::questionnaire();
    let codes = Codes::parse(CODES_PATH, CODES, &q, intake::body::BodyRegions::builtin()).unwrap();
    assert!(
        codes.unverified() > 0,
        "the test needs an unverified code to look for"
    );
    // One code a line in the file.
    let unverified: Vec<String> = CODES
        .lines()
        .filter(|l| l.trim_start().starts_with("Code(") && l.contains("verified: None"))
        .map(|l| {
            l.split("code: \"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(unverified.len(), codes.unverified());
    let questionnaire = {
        let canonical = intake::export::fhir::Canonical::default();
        intake::export::fhir::questionnaire(&q, &Content::builtin(), &canonical).to_string()
    };
    let mut texts = vec![questionnaire];
    texts.extend(sessions().iter().map(|(_, s)| bundle(s).to_string()));
    for code in &unverified {
        let quoted = format!("\"{code}\"");
        for text in &texts {
            assert!(
                !text.contains(&quoted),
                "unverified code {code} was exported"
            );
        }
    }
}
