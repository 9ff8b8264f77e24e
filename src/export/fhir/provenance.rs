//! Where a summary's findings came from, for an EHR that files them: the
//! Device (this release of intake) and a Provenance naming the questionnaire
//! and findings rules versions that made the response, Flags and note.
//! Both name their sources by identifier, each system an intake canonical
//! URL, since R4 references need a resource and these are versions of files.

use serde_json::{Value, json};

use crate::export::Summary;
use crate::export::time::rfc3339;

/// intake as a Device, its release from Cargo: the same for every summary
/// this build writes, so a server creates it once (conditionally).
/// Returns the Device and the search that finds it.
pub(super) fn device(s: &Summary) -> (Value, String) {
    let system = s.canonical.device();
    let value = concat!(env!("CARGO_PKG_NAME"), "-", env!("CARGO_PKG_VERSION"));
    let device = json!({
        "resourceType": "Device",
        "identifier": [{ "system": system, "value": value }],
        "deviceName": [{ "name": env!("CARGO_PKG_NAME"), "type": "manufacturer-name" }],
        "version": [{ "value": env!("CARGO_PKG_VERSION") }],
    });
    (device, format!("identifier={system}|{value}"))
}

/// The Provenance of the resources at `targets` (fullUrls in the Bundle),
/// made by the Device at `device` from the questionnaire's and the rules'
/// versions (no rules entity when a questionnaire has no rules).
pub(super) fn provenance(s: &Summary, targets: &[String], device: &str) -> Value {
    let q = s.questionnaire;
    let source = |system: String, version: &str| {
        json!({
            "role": "source",
            "what": { "identifier": { "system": system, "value": version } },
        })
    };
    let questionnaire = source(s.canonical.questionnaire(&q.id), &q.version);
    let rules = (!s.rules.version.is_empty())
        .then(|| source(s.canonical.findings_rules(&q.id), &s.rules.version));
    let assembler = json!({ "coding": [{
        "system": "http://terminology.hl7.org/CodeSystem/provenance-participant-type",
        "code": "assembler",
    }] });
    json!({
        "resourceType": "Provenance",
        "target": targets.iter().map(|t| json!({ "reference": t })).collect::<Vec<_>>(),
        "recorded": rfc3339(s.authored),
        "agent": [{ "type": assembler, "who": { "reference": device } }],
        "entity": std::iter::once(questionnaire).chain(rules).collect::<Vec<_>>(),
    })
}
