//! The same session answered in English and in Spanish: the same codes, ids
//! and values in JSON and FHIR, only the words differ; the bilingual
//! summary gives the patient their language and the clinician the clinic's.

use std::collections::BTreeMap;
use std::fs;

use intake::answers::Session;
use intake::export::Summary;
use intake::languages::{self, Bundle};
use serde_json::Value;

const CASES: [&str; 5] = [
    "c6-cervical-radiculopathy",
    "cauda-equina-red-flags",
    "l5-radiculopathy-foot-drop",
    "mechanical-low-back-pain",
    "s1-radiculopathy-no-weakness",
];

fn session(name: &str, language: &str) -> Session {
    let path = format!("examples/sessions/{name}.ron");
    let mut s = Session::from_ron(&path, &fs::read_to_string(&path).unwrap()).unwrap();
    s.language = (language != languages::ENGLISH).then(|| language.to_string());
    s
}

fn summary<T>(s: &Session, patient: &Bundle, clinic: &Bundle, f: impl Fn(&Summary) -> T) -> T {
    let summary = Summary::new(
        &patient.questionnaire,
        s,
        &patient.rules,
        patient.content,
        s.updated,
    )
    .for_clinic(&clinic.questionnaire, &clinic.rules, clinic.content);
    f(&summary)
}

/// Every code, id and value of a JSON document, wherever it is, counted:
/// the leaves whose key names a code or a value, never words.
fn codes(json: &str) -> BTreeMap<String, usize> {
    fn walk(v: &Value, key: &str, out: &mut BTreeMap<String, usize>) {
        match v {
            Value::Object(map) => map.iter().for_each(|(k, x)| walk(x, k, out)),
            Value::Array(list) => list.iter().for_each(|x| walk(x, key, out)),
            leaf => {
                let coded = [
                    "code",
                    "system",
                    "linkId",
                    "id",
                    "fullUrl",
                    "reference",
                    "url",
                ];
                if coded.contains(&key) || key.starts_with("value") || key == "roots" {
                    *out.entry(format!("{key}={leaf}")).or_default() += 1;
                }
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&serde_json::from_str(json).unwrap(), "", &mut out);
    out
}

#[test]
fn the_same_session_in_english_and_spanish_has_the_same_codes_ids_and_values() {
    let (en, es) = (
        languages::bundle("en").unwrap(),
        languages::bundle("es").unwrap(),
    );
    for case in CASES {
        let english = summary(&session(case, "en"), &en, &en, |s| (s.json(), s.fhir()));
        let spanish = summary(&session(case, "es"), &es, &en, |s| (s.json(), s.fhir()));
        assert_eq!(codes(&english.0), codes(&spanish.0), "{case}: JSON");
        assert_eq!(codes(&english.1), codes(&spanish.1), "{case}: FHIR");
        assert!(
            codes(&english.1).len() > 50,
            "{case}: the test sees the codes"
        );
        assert_ne!(english.1, spanish.1, "{case}: the words differ");
    }
}

#[test]
fn the_patient_reads_spanish_while_the_doctor_reads_english() {
    let (en, es) = (
        languages::bundle("en").unwrap(),
        languages::bundle("es").unwrap(),
    );
    let s = session("l5-radiculopathy-foot-drop", "es");
    let md = summary(&s, &es, &en, |s| s.markdown());
    let (patient, clinician) = md.split_once("## For your doctor").unwrap();
    assert!(patient.contains("## Para usted"), "{patient}");
    assert!(
        patient.contains("Lleve este resumen a su médico"),
        "{patient}"
    );
    assert!(
        clinician.contains("The patient answered in Spanish"),
        "{clinician}"
    );
    // Every part of the translation the patient saw, with its status.
    assert!(
        clinician.contains("Translation of the questions, the findings texts, the body regions, the screen words: not yet reviewed by a qualified translator."),
        "{clinician}"
    );
    assert!(
        clinician.contains("Root levels the answers point to"),
        "{clinician}"
    );
    // Typed answers are the patient's own words, as typed, marked so.
    assert!(
        clinician.contains("Walk to work again (in the patient's words)"),
        "{clinician}"
    );
    // In the treatments table too, not only among all the answers.
    let tried = clinician.split_once("### Treatments tried").unwrap().1;
    let tried = tried.split("\n##").next().unwrap();
    assert!(
        tried.contains("Ibuprofen 400 mg three times a day (in the patient's words)"),
        "{tried}"
    );
    // In one language nothing is marked or noted.
    let english = summary(
        &session("l5-radiculopathy-foot-drop", "en"),
        &en,
        &en,
        |s| s.markdown(),
    );
    assert!(!english.contains("in the patient's words"));
    assert!(!english.contains("The patient answered in"));
}

#[test]
fn a_spanish_clinic_reads_the_clinicians_view_in_spanish() {
    let es = languages::bundle("es").unwrap();
    let s = session("cauda-equina-red-flags", "es");
    let md = summary(&s, &es, &es, |s| s.markdown());
    assert!(md.contains("## Para su médico"), "{md}");
    assert!(md.contains("EMERGENCIA"), "{md}");
    // The clinic reads the review status in its own language.
    assert!(md.contains("El paciente respondió en español. Traducción de las preguntas, los textos de los hallazgos, las regiones del cuerpo, las palabras de la pantalla: todavía sin revisar"), "{md}");
    assert!(!md.contains("The patient answered in"), "{md}");
    // A patient who answered in English, the original: nothing to review.
    let en = languages::bundle("en").unwrap();
    let md = summary(&session("cauda-equina-red-flags", "en"), &en, &es, |s| {
        s.markdown()
    });
    assert!(!md.contains("El paciente respondió en"), "{md}");
    assert!(!md.contains("Traducción de"), "{md}");
    assert!(languages::bundle("xx").unwrap_err().contains("en, es"));
}
