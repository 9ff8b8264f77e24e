//! Summaries of the example sessions: golden files for every format, what
//! each case must find, and the FHIR and JSON shapes.

use intake::content::Content;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use insta::assert_snapshot;
use intake::answers::Side;
use intake::answers::{Answer, Session};
use intake::content;
use intake::export::{Format, Summary};
use intake::findings::{Evidence, Level, Weakness};
use intake::questionnaire::Kind;
use serde_json::Value;

fn session(name: &str) -> Session {
    let path = format!("examples/sessions/{name}.ron");
    let s = Session::from_ron(&path, &fs::read_to_string(&path).unwrap()).unwrap();
    assert!(
        s.check(&content::questionnaire()).is_empty(),
        "{name}: {:?}",
        s.check(&content::questionnaire())
    );
    s
}

fn with_summary<T>(s: &Session, f: impl FnOnce(&Summary) -> T) -> T {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let mut summary = Summary::new(&q, s, &rules, Content::builtin(), s.updated);
    // A clinic an hour east of UTC: people read local time, programs UTC,
    // whatever zone the machine running the tests is in.
    summary.utc_offset = 3600;
    f(&summary)
}

const CASES: [&str; 5] = [
    "l5-radiculopathy-foot-drop",
    "s1-radiculopathy-no-weakness",
    "cauda-equina-red-flags",
    "mechanical-low-back-pain",
    "c6-cervical-radiculopathy",
];

#[test]
fn golden_exports_of_every_example_session() {
    for name in CASES {
        let s = session(name);
        with_summary(&s, |summary| {
            for format in Format::ALL {
                assert_snapshot!(
                    format!("{name}.{}", format.extension()),
                    format.render(summary)
                );
            }
        });
    }
}

fn step_ids<'a>(s: &'a Summary) -> Vec<&'a str> {
    s.findings.steps.iter().map(|x| x.id.as_str()).collect()
}

#[test]
fn l5_with_foot_drop_points_to_l5_and_prompt_review() {
    with_summary(&session("l5-radiculopathy-foot-drop"), |s| {
        let f = &s.findings;
        assert!(f.flags.is_empty());
        assert_eq!(f.roots[0].level, "L5");
        assert_eq!(f.roots[0].side, Some(Side::Left));
        // Evidence reads as a clinician's note, by symptom, naming only the
        // places that carry the level.
        let evidence = &s.report.told.roots[0].details;
        assert!(
            evidence.contains(&"Numbness: left top of the foot; left big toe (L5)".to_string()),
            "{evidence:?}"
        );
        assert!(
            evidence.contains(
                &"Weakness: the left foot slaps or catches when walking (L5)".to_string()
            ),
            "{evidence:?}"
        );
        assert!(f.weakness.iter().any(|w| match w {
            Weakness::Sign(n) => s.rules.signs[*n].says.contains("left foot slaps"),
            Weakness::Marked(_) => false,
        }));
        assert_eq!(step_ids(s), ["compression", "always"]);
    });
}

#[test]
fn s1_without_weakness_gets_the_first_steps() {
    with_summary(&session("s1-radiculopathy-no-weakness"), |s| {
        let f = &s.findings;
        assert_eq!(f.roots[0].level, "S1");
        assert_eq!(f.roots[0].side, Some(Side::Right));
        assert!(f.weakness.is_empty());
        assert_eq!(
            step_ids(s),
            ["radicular_no_weakness", "first_steps", "always"]
        );
    });
}

#[test]
fn cauda_equina_signs_are_an_emergency_first() {
    with_summary(&session("cauda-equina-red-flags"), |s| {
        let f = &s.findings;
        assert_eq!(f.top_level(), Some(Level::Emergency));
        assert_eq!(f.flags[0].id, "cauda_equina");
        assert!(
            f.flags[0]
                .evidence
                .contains(&Evidence::Answer("rf_urine".into()))
        );
        assert!(
            s.report.told.flags[0]
                .details
                .contains(&"Reduced sensation of passing urine: Yes".to_string())
        );
        assert_eq!(step_ids(s)[0], "emergency");
        assert!(s.markdown().contains("> **EMERGENCY: get help now."));
    });
}

#[test]
fn mechanical_back_pain_is_not_radicular() {
    with_summary(&session("mechanical-low-back-pain"), |s| {
        let f = &s.findings;
        assert!(f.radicular.is_empty() && f.roots.is_empty() && f.flags.is_empty());
        assert_eq!(step_ids(s), ["first_steps", "always"]);
    });
}

#[test]
fn c6_thumb_tingling_points_to_c6() {
    with_summary(&session("c6-cervical-radiculopathy"), |s| {
        let f = &s.findings;
        assert_eq!(f.roots[0].level, "C6");
        assert_eq!(f.roots[0].side, Some(Side::Right));
        assert_eq!(
            step_ids(s),
            ["radicular_no_weakness", "first_steps", "always"]
        );
    });
}

#[test]
fn json_parses_back_with_its_schema_and_every_live_answer() {
    let s = session("l5-radiculopathy-foot-drop");
    with_summary(&s, |summary| {
        let v: Value = serde_json::from_str(&summary.json()).unwrap();
        assert_eq!(v["schema"], "intake-summary");
        assert_eq!(v["version"], 1);
        assert_eq!(v["status"], "completed");
        let q = content::questionnaire();
        assert_eq!(
            v["answers"].as_array().unwrap().len(),
            s.live_answers(&q, Content::builtin().regions).count()
        );
        let age = v["answers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == "age")
            .unwrap();
        assert_eq!(age["value"], 42.0);
        assert_eq!(v["findings"]["roots"][0]["level"], "L5");
    });
}

/// The resources of a FHIR summary's Bundle, which is a transaction of
/// plain creates.
fn bundle_resources(text: &str) -> Vec<Value> {
    let v: Value = serde_json::from_str(text).unwrap();
    assert_eq!(v["resourceType"], "Bundle");
    assert_eq!(v["type"], "transaction");
    let entries = v["entry"].as_array().unwrap();
    for e in entries {
        assert_eq!(e["request"]["method"], "POST");
        assert_eq!(e["request"]["url"], e["resource"]["resourceType"]);
    }
    entries.iter().map(|e| e["resource"].clone()).collect()
}

/// The QuestionnaireResponse of a FHIR summary: its Bundle's first entry.
fn fhir_response(text: &str) -> Value {
    let response = bundle_resources(text).swap_remove(0);
    assert_eq!(response["resourceType"], "QuestionnaireResponse");
    response
}

/// Every item within a section of a Questionnaire(Response): not the hidden
/// one outside them that says a response was taken alone.
fn response_items(v: &Value) -> Vec<&Value> {
    v["item"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["item"].as_array().into_iter().flatten())
        .collect()
}

#[test]
fn fhir_response_has_typed_answers_for_live_items_only() {
    let q = content::questionnaire();
    let mut s = session("mechanical-low-back-pain");
    // An answer to a question that is now hidden (leg_spread is "no").
    s.answers.insert(
        "leg_spread_side".into(),
        Answer::Side(intake::answers::Side::Left),
    );
    with_summary(&s, |summary| {
        let v = fhir_response(&summary.fhir());
        assert_eq!(v["status"], "completed");
        assert_eq!(v["authored"], "2026-11-28T10:10:00Z");
        assert_eq!(
            v["questionnaire"],
            "http://intake.example.org/fhir/Questionnaire/back-pain-intake|1.0.0"
        );
        let items = response_items(&v);
        let ids: Vec<&str> = items
            .iter()
            .map(|i| i["linkId"].as_str().unwrap())
            .collect();
        assert!(
            !ids.contains(&"leg_spread_side"),
            "a hidden item is left out"
        );
        let live: Vec<_> = s.live_answers(&q, Content::builtin().regions).collect();
        assert_eq!(ids.len(), live.len());
        for (item, answer) in live {
            let got = items
                .iter()
                .find(|i| i["linkId"] == item.id.as_str())
                .unwrap();
            let first = &got["answer"][0];
            let key = match (&item.kind, answer) {
                (Kind::YesNo, _) => "valueBoolean",
                (Kind::Scale { .. }, _) | (Kind::Number { decimals: 0, .. }, _) => "valueInteger",
                (Kind::Number { .. }, _) => "valueDecimal",
                (Kind::Text { .. }, _) => "valueString",
                (Kind::Duration { .. }, _) => "valueQuantity",
                _ => "valueCoding",
            };
            assert!(
                first.get(key).is_some(),
                "{}: expected {key} in {first}",
                item.id
            );
        }
        let body = items.iter().find(|i| i["linkId"] == "body_map").unwrap();
        assert_eq!(body["answer"].as_array().unwrap().len(), 2);
        assert_eq!(
            body["answer"][0]["item"][0]["answer"][0]["valueCoding"]["code"],
            "pain"
        );
    });
}

#[test]
fn the_fhir_bundle_flags_each_warning_sign_with_its_level_and_holds_the_clinicians_view() {
    let priority = |flag: &Value, system: &str| -> String {
        let ext = &flag["extension"][0];
        assert_eq!(
            ext["url"],
            "http://hl7.org/fhir/StructureDefinition/flag-priority"
        );
        let codings = ext["valueCodeableConcept"]["coding"].as_array().unwrap();
        let c = codings.iter().find(|c| c["system"] == system).unwrap();
        c["code"].as_str().unwrap().to_string()
    };
    for name in CASES {
        with_summary(&session(name), |s| {
            let resources = bundle_resources(&s.fhir());
            let of = |kind: &str| -> Vec<&Value> {
                let all = resources.iter().filter(|r| r["resourceType"] == kind);
                all.collect()
            };
            let flags = of("Flag");
            assert_eq!(flags.len(), s.findings.flags.len(), "{name}");
            for (flag, found) in flags.iter().zip(&s.findings.flags) {
                assert_eq!(flag["status"], "active");
                assert_eq!(flag["code"]["coding"][0]["code"], found.id.as_str());
                assert_eq!(flag["subject"]["type"], "Patient");
                let (hl7, ours) = match found.level {
                    Level::Emergency => ("PH", "emergency"),
                    Level::Urgent => ("PM", "urgent"),
                    Level::Soon => ("PL", "soon"),
                };
                assert_eq!(
                    priority(flag, "http://hl7.org/fhir/flag-priority-code"),
                    hl7
                );
                let level = "http://intake.example.org/fhir/CodeSystem/warning-level";
                assert_eq!(priority(flag, level), ours);
            }
            let [note] = of("Composition")[..] else {
                panic!("{name}: one Composition")
            };
            assert_eq!(note["status"], "final");
            let titles: Vec<&str> = note["section"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|x| x["title"].as_str())
                .collect();
            let view = &s.report.clinician;
            let headings = view.sections.iter().map(|x| x.heading.as_str());
            let headings: Vec<&str> = headings.filter(|h| !h.is_empty()).collect();
            assert_eq!(titles, headings, "{name}");
        });
    }
    with_summary(&session("cauda-equina-red-flags"), |s| {
        let resources = bundle_resources(&s.fhir());
        let flag = resources
            .iter()
            .find(|r| r["resourceType"] == "Flag")
            .unwrap();
        let div = flag["text"]["div"].as_str().unwrap();
        assert!(
            div.contains("<li>Reduced sensation of passing urine: Yes</li>"),
            "{div}"
        );
    });
}

#[test]
fn an_unfinished_session_is_in_progress() {
    let q = content::questionnaire();
    let s = Session::new(&q, 0);
    with_summary(&s, |summary| {
        let v = fhir_response(&summary.fhir());
        assert_eq!(v["status"], "in-progress");
        let resources = bundle_resources(&summary.fhir());
        let note = resources
            .iter()
            .find(|r| r["resourceType"] == "Composition");
        let note = note.unwrap();
        assert_eq!(note["status"], "preliminary");
        assert!(summary.markdown().contains("**Not finished:"));
    });
}

fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("intake-export-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&d);
    fs::create_dir_all(&d).unwrap();
    d
}

fn intake(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_intake"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn summarize_writes_private_files_and_never_overwrites_silently() {
    let d = temp("cli");
    let out = d.join("summary.fhir.json");
    let out_s = out.to_str().unwrap();
    let answers = "examples/sessions/c6-cervical-radiculopathy.ron";
    let r = intake(&[
        "summarize",
        "--answers",
        answers,
        "--format",
        "fhir",
        "-o",
        out_s,
    ]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    assert_eq!(fs::metadata(&out).unwrap().mode() & 0o777, 0o600);
    let v: Value = serde_json::from_slice(&fs::read(&out).unwrap()).unwrap();
    fhir_response(&v.to_string());
    let again = intake(&["summarize", "--answers", answers, "-o", out_s]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    assert_eq!(
        serde_json::from_slice::<Value>(&fs::read(&out).unwrap()).unwrap(),
        v,
        "left as it was"
    );
    let forced = intake(&["summarize", "--answers", answers, "-o", out_s, "--force"]);
    assert!(forced.status.success());
    assert!(fs::read_to_string(&out).unwrap().starts_with("# Summary\n"));
    fs::remove_dir_all(d).unwrap();
}

#[test]
fn summarize_reports_a_broken_session_with_its_position() {
    let d = temp("broken");
    let path = d.join("s.ron");
    let text = fs::read_to_string("examples/sessions/c6-cervical-radiculopathy.ron").unwrap();
    fs::write(
        &path,
        text.replace("\"age\": Number(48.0),", "\"age\": Number(48.0)"),
    )
    .unwrap();
    let r = intake(&["summarize", "--answers", path.to_str().unwrap()]);
    assert_eq!(r.status.code(), Some(1));
    let err = String::from_utf8_lossy(&r.stderr);
    assert!(
        err.contains(&format!("{}:10:28: Expected comma", path.display())),
        "{err}"
    );
    fs::remove_dir_all(d).unwrap();
}

#[test]
fn the_fhir_questionnaire_matches_the_responses() {
    let r = intake(&["export-questionnaire", "--format", "fhir"]);
    assert!(r.status.success());
    let v: Value = serde_json::from_slice(&r.stdout).unwrap();
    assert_eq!(v["resourceType"], "Questionnaire");
    assert_eq!(
        v["url"],
        "http://intake.example.org/fhir/Questionnaire/back-pain-intake"
    );
    assert_eq!(v["name"], "BackPainIntake");
    assert_eq!(v["item"][0]["linkId"], "kiosk.unattended");
    assert_eq!(v["item"][0]["type"], "boolean");
    let items: Vec<&Value> = response_items(&v);
    let q = content::questionnaire();
    assert_eq!(items.len(), q.items().count());
    let find = |id: &str| items.iter().find(|i| i["linkId"] == id).unwrap();
    assert_eq!(find("age")["type"], "integer");
    assert_eq!(find("main_area")["repeats"], true);
    assert_eq!(
        find("leg_spread_side")["enableWhen"]
            .as_array()
            .unwrap()
            .len(),
        4
    );
    assert_eq!(find("leg_spread_side")["enableBehavior"], "any");
    assert_eq!(
        find("leg_weak_side")["enableWhen"][0]["answerBoolean"],
        true
    );
    assert_eq!(find("body_map")["item"][0]["linkId"], "body_map.symptoms");
}

#[test]
fn the_fhir_questionnaire_gives_renderers_bounds_units_exclusive_options_and_help() {
    let q = content::questionnaire();
    let v = intake::export::fhir::questionnaire(&q, &Content::builtin(), &Default::default());
    let items = response_items(&v);
    let find = |id: &str| *items.iter().find(|i| i["linkId"] == id).unwrap();
    let extension = |item: &Value, name: &str| -> Vec<Value> {
        let url = format!("http://hl7.org/fhir/StructureDefinition/{name}");
        let all = item["extension"].as_array().cloned().unwrap_or_default();
        all.into_iter().filter(|e| e["url"] == url).collect()
    };
    let pain = find("pain_now");
    assert_eq!(extension(pain, "minValue")[0]["valueInteger"], 0);
    assert_eq!(extension(pain, "maxValue")[0]["valueInteger"], 10);
    let age = find("age");
    assert_eq!(extension(age, "minValue")[0]["valueInteger"], 16);
    assert_eq!(
        extension(age, "questionnaire-unit")[0]["valueCoding"]["display"],
        "years"
    );
    let units: Vec<Value> = extension(find("duration"), "questionnaire-unitOption")
        .iter()
        .map(|e| e["valueCoding"]["code"].clone())
        .collect();
    assert_eq!(units, ["d", "wk", "mo", "a"]);
    // Exactly the options marked exclusive in the questionnaire.
    let character = find("character");
    for option in character["answerOption"].as_array().unwrap() {
        let exclusive = !extension(option, "questionnaire-optionExclusive").is_empty();
        assert_eq!(
            exclusive,
            option["valueCoding"]["code"] == "no_pain",
            "{option}"
        );
    }
    // "Why we ask" as a help display inside its question.
    let help = find("age")["item"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(help["type"], "display");
    assert_eq!(
        help["text"].as_str(),
        Some(q.item("age").unwrap().why.as_str())
    );
    let control = &extension(&help, "questionnaire-itemControl")[0];
    assert_eq!(control["valueCodeableConcept"]["coding"][0]["code"], "help");
}

#[test]
fn validate_accepts_every_shipped_file_of_every_kind() {
    let files: Vec<String> = fs::read_dir("questionnaires")
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    let mut args = vec!["validate"];
    args.extend(files.iter().map(String::as_str));
    let r = intake(&args);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    assert!(String::from_utf8_lossy(&r.stdout).contains("findings rules for \"back-pain-intake\""));
    assert!(Path::new("questionnaires/back-pain-findings.ron").exists());
}

#[test]
fn summarize_reads_an_autosave_journal_too() {
    let d = temp("journal");
    let q = content::questionnaire();
    let s = session("s1-radiculopathy-no-weakness");
    let path = d.join("session.journal");
    intake::journal::Journal::create(&path, &s).unwrap();
    let r = intake(&[
        "summarize",
        "--answers",
        path.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let v: Value = serde_json::from_slice(&r.stdout).unwrap();
    assert_eq!(
        v["answers"].as_array().unwrap().len(),
        s.live_answers(&q, Content::builtin().regions).count()
    );
    assert_eq!(v["findings"]["roots"][0]["level"], "S1");
    fs::remove_dir_all(d).unwrap();
}

/// FHIR JSON has no empty arrays and no empty narrative, whatever the
/// session: an empty one and one of empty answers are checked.
#[test]
fn the_fhir_bundle_has_no_empty_arrays_or_narratives() {
    fn walk(v: &Value, at: &str, bad: &mut Vec<String>) {
        match v {
            Value::Array(a) if a.is_empty() => bad.push(format!("{at}: []")),
            Value::Array(a) => a.iter().for_each(|x| walk(x, at, bad)),
            Value::Object(o) => {
                for (k, x) in o {
                    if k == "div" && x.as_str().is_some_and(|d| d.ends_with("\"></div>")) {
                        bad.push(format!("{at}.div: empty"));
                    }
                    walk(x, &format!("{at}.{k}"), bad);
                }
            }
            _ => {}
        }
    }
    let q = content::questionnaire();
    let empty = Session::new(&q, 0);
    let mut odd = Session::new(&q, 0);
    odd.answers
        .insert("goal".into(), Answer::Text(String::new()));
    odd.answers
        .insert("main_area".into(), Answer::Choices(Default::default()));
    for s in [empty, odd] {
        let bundle: Value =
            with_summary(&s, |summary| serde_json::from_str(&summary.fhir()).unwrap());
        let mut bad = Vec::new();
        walk(&bundle, "", &mut bad);
        assert!(bad.is_empty(), "{bad:?}");
    }
}

/// The Composition points at the Flags and the response by their fullUrls.
#[test]
fn the_composition_points_at_the_flags_and_the_response() {
    let s = session("cauda-equina-red-flags");
    let bundle: Value = with_summary(&s, |summary| serde_json::from_str(&summary.fhir()).unwrap());
    let entries = bundle["entry"].as_array().unwrap();
    let url_of = |kind: &str| -> Vec<String> {
        entries
            .iter()
            .filter(|e| e["resource"]["resourceType"] == kind)
            .map(|e| e["fullUrl"].as_str().unwrap().to_string())
            .collect()
    };
    let flags = url_of("Flag");
    assert!(!flags.is_empty());
    assert!(
        flags
            .iter()
            .all(|u| u.starts_with("urn:uuid:") && u.len() == 45)
    );
    let composition = entries
        .iter()
        .map(|e| &e["resource"])
        .find(|r| r["resourceType"] == "Composition")
        .unwrap();
    let referenced: Vec<String> = composition["section"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|sec| sec["entry"].as_array().cloned().unwrap_or_default())
        .map(|r| r["reference"].as_str().unwrap().to_string())
        .collect();
    let mut expected = flags.clone();
    expected.extend(url_of("QuestionnaireResponse"));
    let (mut a, mut b) = (referenced, expected);
    a.sort();
    b.sort();
    assert_eq!(a, b);
}
