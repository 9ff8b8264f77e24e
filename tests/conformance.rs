//! Each exported QuestionnaireResponse against the exported Questionnaire,
//! for every example session and vignette: every linkId is the
//! Questionnaire's, at the same place in the tree; each answer has the type
//! its item asks for (a coded one, one of the item's options); an item that
//! does not repeat has one answer; and a completed response answers every
//! required item that intake shows. The resources' structure and R4
//! invariants are checked by independent validators (tools/fhir/conformance).

use std::fs;

use intake::answers::Session;
use intake::content::{self, Content};
use intake::export::{Summary, fhir};
use intake::questionnaire::Questionnaire;
use serde_json::Value;

fn sessions() -> Vec<(String, Session)> {
    let dirs = ["examples/sessions", "tests/vignettes"];
    let mut files: Vec<_> = dirs
        .iter()
        .flat_map(|d| fs::read_dir(d).unwrap().map(|e| e.unwrap().path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron") && !p.ends_with("expect.ron"))
        .collect();
    files.sort();
    assert!(files.len() >= 25, "only {} sessions", files.len());
    files
        .into_iter()
        .map(|p| {
            let path = p.display().to_string();
            let s = Session::from_ron(&path, &fs::read_to_string(&p).unwrap())
                .unwrap_or_else(|e| panic!("{e}"));
            (path, s)
        })
        .collect()
}

/// The answer value FHIR R4 allows for an item type (Questionnaire.item.type
/// to QuestionnaireResponse.item.answer.value[x]); none for group and display.
fn value_key(item_type: &str) -> Option<&'static str> {
    Some(match item_type {
        "boolean" => "valueBoolean",
        "decimal" => "valueDecimal",
        "integer" => "valueInteger",
        "date" => "valueDate",
        "dateTime" => "valueDateTime",
        "time" => "valueTime",
        "string" | "text" => "valueString",
        "url" => "valueUri",
        "choice" | "open-choice" => "valueCoding",
        "attachment" => "valueAttachment",
        "reference" => "valueReference",
        "quantity" => "valueQuantity",
        _ => return None,
    })
}

fn list(v: &Value, key: &str) -> Vec<Value> {
    v[key].as_array().cloned().unwrap_or_default()
}

/// What is wrong with the response items `got` as answers to the
/// Questionnaire items `defs`, each problem with the linkId path.
fn check_items(defs: &[Value], got: &[Value], at: &str, bad: &mut Vec<String>) {
    for item in got {
        let id = item["linkId"].as_str().unwrap_or("?");
        let here = format!("{at}/{id}");
        let Some(def) = defs.iter().find(|d| d["linkId"] == item["linkId"]) else {
            bad.push(format!("{here}: no such item here in the Questionnaire"));
            continue;
        };
        let answers = list(item, "answer");
        check_answers(def, &answers, &here, bad);
        check_items(&list(def, "item"), &list(item, "item"), &here, bad);
        for a in &answers {
            check_items(&list(def, "item"), &list(a, "item"), &here, bad);
        }
    }
}

fn check_answers(def: &Value, answers: &[Value], here: &str, bad: &mut Vec<String>) {
    let ty = def["type"].as_str().unwrap_or("?");
    let Some(key) = value_key(ty) else {
        if !answers.is_empty() {
            bad.push(format!("{here}: a {ty} item has answers"));
        }
        return;
    };
    if answers.len() > 1 && def["repeats"] != true {
        bad.push(format!(
            "{here}: {} answers to an item that does not repeat",
            answers.len()
        ));
    }
    for a in answers {
        let value: Vec<&String> = a
            .as_object()
            .unwrap()
            .keys()
            .filter(|k| k.starts_with("value"))
            .collect();
        if value != [key] {
            bad.push(format!("{here}: {value:?} where a {ty} item takes {key}"));
        } else if key == "valueCoding" && !is_option(def, &a[key]) {
            bad.push(format!(
                "{here}: {} is not one of its options",
                a[key]["code"]
            ));
        }
    }
}

fn is_option(def: &Value, coding: &Value) -> bool {
    let same = |o: &Value| {
        let c = &o["valueCoding"];
        c["system"] == coding["system"] && c["code"] == coding["code"]
    };
    list(def, "answerOption").iter().any(same)
}

/// Every linkId in the response, at any depth.
fn answered(items: &[Value], out: &mut Vec<String>) {
    for item in items {
        if !list(item, "answer").is_empty() {
            out.push(item["linkId"].as_str().unwrap().to_string());
        }
        answered(&list(item, "item"), out);
        for a in list(item, "answer") {
            answered(&list(&a, "item"), out);
        }
    }
}

/// The required items intake shows that the response does not answer.
fn unanswered_required(q: &Questionnaire, s: &Session, response: &Value) -> Vec<String> {
    let mut given = Vec::new();
    answered(&list(response, "item"), &mut given);
    let shown = q.items().zip(s.enabled(q, Content::builtin().regions));
    shown
        .filter(|(item, on)| *on && item.required && !given.contains(&item.id))
        .map(|(item, _)| item.id.clone())
        .collect()
}

/// The QuestionnaireResponse of a summary's Bundle.
fn response_of(bundle: &Value) -> &Value {
    let entries = bundle["entry"].as_array().unwrap();
    let found = entries.iter().map(|e| &e["resource"]);
    found
        .into_iter()
        .find(|r| r["resourceType"] == "QuestionnaireResponse")
        .expect("a response")
}

#[test]
fn every_response_fits_the_questionnaire() {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let questionnaire = fhir::questionnaire(&q, &Content::builtin(), &Default::default());
    let defs = list(&questionnaire, "item");
    let mut bad = Vec::new();
    for (path, s) in sessions() {
        let summary = Summary::new(&q, &s, &rules, Content::builtin(), s.updated);
        let bundle = fhir::bundle(&summary);
        let response = response_of(&bundle);
        assert_eq!(response["resourceType"], "QuestionnaireResponse", "{path}");
        check_items(&defs, &list(response, "item"), &path, &mut bad);
        if response["status"] == "completed" {
            let missing = unanswered_required(&q, &s, response);
            bad.extend(
                missing
                    .iter()
                    .map(|id| format!("{path}: required {id} is shown but not answered")),
            );
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// The checks above can fail: a response with a stray item, a wrong type, a
/// code that is not an option, and two answers to a single item.
#[test]
fn the_check_finds_what_does_not_fit() {
    let q = content::questionnaire();
    let questionnaire = fhir::questionnaire(&q, &Content::builtin(), &Default::default());
    let defs = list(&questionnaire, "item");
    let got: Vec<Value> = serde_json::from_str(
        r#"[
          {"linkId": "about", "item": [{"linkId": "age", "answer": [{"valueString": "50"}]}]},
          {"linkId": "pain", "item": [{"linkId": "age"}]},
          {"linkId": "pain", "item": [{"linkId": "onset", "answer": [
            {"valueCoding": {"system": "urn:x", "code": "lifting"}},
            {"valueCoding": {"system": "urn:x", "code": "slowly"}}]}]}
        ]"#,
    )
    .unwrap();
    let mut bad = Vec::new();
    check_items(&defs, &got, "", &mut bad);
    let expected = [
        "/about/age: [\"valueString\"] where a integer item takes valueInteger",
        "/pain/age: no such item here in the Questionnaire",
        "/pain/onset: 2 answers to an item that does not repeat",
        "/pain/onset: \"lifting\" is not one of its options",
        "/pain/onset: \"slowly\" is not one of its options",
    ];
    assert_eq!(bad, expected);
}

/// A completed response that leaves out a required item is caught.
#[test]
fn a_missing_required_answer_is_found() {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let path = "examples/sessions/c6-cervical-radiculopathy.ron";
    let s = Session::from_ron(path, &fs::read_to_string(path).unwrap()).unwrap();
    let summary = Summary::new(&q, &s, &rules, Content::builtin(), s.updated);
    let mut response = response_of(&fhir::bundle(&summary)).clone();
    assert_eq!(unanswered_required(&q, &s, &response), Vec::<String>::new());
    let about = response["item"][0]["item"].as_array_mut().unwrap();
    let first = about.remove(0);
    let id = first["linkId"].as_str().unwrap();
    assert!(
        q.items().any(|i| i.id == id && i.required),
        "{id} is required"
    );
    assert_eq!(unanswered_required(&q, &s, &response), [id]);
}
