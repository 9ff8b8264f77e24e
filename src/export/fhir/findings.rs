//! The report's findings as FHIR R4 resources beside the response, so a
//! clinic that reads only the FHIR file still sees a warning sign: a Flag for
//! each warning sign (its level as the flag's priority, its evidence in its
//! narrative) and a Composition whose sections are the clinician's view.
//!
//! Flag and Composition are the plainest R4 resources for "a warning about
//! this patient" and "a clinical note in sections"; ClinicalImpression is
//! maturity 0 and has no place for next steps. Neither names the patient:
//! the subject is "a Patient", identified only by the visit code when the
//! kiosk asked for one.

use serde_json::{Value, json};

use super::{coding, narrative};
use crate::export::time::rfc3339;
use crate::export::{Summary, level_code};
use crate::findings::{FlagFinding, Level};
use crate::questionnaire::kinds::fhir::System;
use crate::report::{Block, Bullet, Entry};

const PRIORITY_URL: &str = "http://hl7.org/fhir/StructureDefinition/flag-priority";
/// IHE's alert priorities as the FHIR extension pack defines them.
const PRIORITY_SYSTEM: &str = "http://hl7.org/fhir/flag-priority-code";

/// Where the Patient is in the Bundle: right after the response.
pub(super) const PATIENT_ENTRY: usize = 1;

/// The patient: with a visit code, the Bundle's Patient (one a session) and
/// the code itself, which the clinic's record system resolves to a chart; without
/// one, a Patient not identified (Flag must name a subject).
pub(super) fn subject(s: &Summary) -> Value {
    match &s.session.visit_code {
        Some(code) => json!({
            "reference": super::entry_url(s, PATIENT_ENTRY),
            "type": "Patient",
            "identifier": { "system": s.canonical.visit_codes(), "value": code },
        }),
        None => json!({ "type": "Patient" }),
    }
}

/// The Patient a visit code names, for the Bundle's second entry; None
/// without a code. One Patient a session (the Bundle identifies it by the
/// response): a code may be used again another day, for someone else.
pub(super) fn patient(s: &Summary) -> Option<Value> {
    let code = s.session.visit_code.as_ref()?;
    Some(json!({
        "resourceType": "Patient",
        "identifier": [{ "system": s.canonical.visit_codes(), "value": code }],
    }))
}

/// A warning sign: its rules id and title as the code, its level as the
/// priority (emergency high, urgent medium, tell-your-doctor low) and in
/// intake's own words, its listed line and evidence as the narrative.
pub(super) fn flag(s: &Summary, f: &Entry<FlagFinding>) -> Value {
    let level = f.of.level;
    let (code, display) = match level {
        Level::Emergency => ("PH", "High priority"),
        Level::Urgent => ("PM", "Medium priority"),
        Level::Soon => ("PL", "Low priority"),
    };
    let priority = json!({
        "coding": [
            coding(PRIORITY_SYSTEM, code, display),
            coding(
                &s.canonical.system(System::WarningLevel),
                level_code(level),
                s.clinic.text.report.levels.get(level),
            ),
        ],
    });
    let evidence = f.details.iter().map(Bullet::new).collect();
    let blocks = [Block::Paragraph(f.text.clone()), Block::Bullets(evidence)];
    json!({
        "resourceType": "Flag",
        "text": narrative::text(&blocks, &s.clinic),
        "extension": [{ "url": PRIORITY_URL, "valueCodeableConcept": priority }],
        "status": "active",
        "code": {
            "coding": [coding(&s.canonical.warning_signs(&s.questionnaire.id), &f.of.id, &f.of.title)],
            "text": f.of.title,
        },
        "subject": subject(s),
    })
}

/// The Bundle's fullUrls of the resources a Composition points at.
pub(super) struct Links<'a> {
    pub response: &'a str,
    pub flags: &'a [String],
    /// intake as a Device, the note's author.
    pub device: &'a str,
}

/// The clinician's view as a note: a section for each of its sections that
/// has something in it; the warning signs' section points at the Flags and
/// the answers' section at the response.
pub(super) fn composition(s: &Summary, links: &Links) -> Value {
    let words = &s.clinic.text.report.clinician;
    let refer = |urls: &mut dyn Iterator<Item = &str>| -> Vec<Value> {
        urls.map(|u| json!({ "reference": u })).collect()
    };
    let sections: Vec<Value> = s
        .report
        .clinician
        .sections
        .iter()
        .filter(|section| !section.blocks.is_empty())
        .map(|section| {
            let mut v = json!({ "text": narrative::text(&section.blocks, &s.clinic) });
            if !section.heading.is_empty() {
                v["title"] = json!(section.heading);
            }
            let entries = if section.heading == words.warning_signs {
                refer(&mut links.flags.iter().map(String::as_str))
            } else if section.heading == words.all_answers {
                refer(&mut std::iter::once(links.response))
            } else {
                Vec::new()
            };
            if !entries.is_empty() {
                v["entry"] = json!(entries);
            }
            v
        })
        .collect();
    json!({
        "resourceType": "Composition",
        "status": if s.complete { "final" } else { "preliminary" },
        "type": { "text": s.clinic.text.report.title },
        "subject": subject(s),
        "date": rfc3339(s.authored),
        "author": [{ "reference": links.device, "type": "Device", "display": "intake" }],
        "title": s.questionnaire.title,
        "section": sections,
    })
}
