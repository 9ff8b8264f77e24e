//! HL7 FHIR R4: a summary as a transaction Bundle of the QuestionnaireResponse
//! and the findings (src/export/fhir/findings.rs), and the questionnaire as
//! the matching Questionnaire. Item linkIds are the questionnaire's ids;
//! sections become groups.

mod enable;
mod findings;
mod narrative;
mod observation;
mod provenance;

use serde_json::{Map, Value, json};

use super::time::rfc3339;
use super::{Format, Summary, pretty};
use crate::codes::Codes;
use crate::content::Content;
pub use crate::questionnaire::kinds::fhir::{Canonical, DEFAULT_BASE};
use crate::questionnaire::kinds::fhir::{Systems, coding, symptom_code};
use crate::questionnaire::{Item, Kind, Questionnaire, kinds};

pub const FORMAT: Format = Format {
    name: "fhir",
    extension: "fhir.json",
    render: |s| pretty(&bundle(s)),
};

/// The summary as one transaction Bundle: the response, the Patient a visit
/// code names (if one was asked), intake as a Device, a Flag for each warning
/// sign, the Observations extracted from the response, the clinician's view
/// as a Composition and the Provenance of the rest. A transaction, because
/// that is how a FHIR server is sent it, and all or nothing. Every entry is a
/// conditional create, by an identifier made of the response's and its part
/// (the Device by its release), so a Bundle sent twice creates nothing the
/// second time, whoever sends it.
pub fn bundle(s: &Summary) -> Value {
    let mut entries = Entries {
        s,
        key: identifier(s).map(|(_, value)| value),
        list: Vec::new(),
    };
    // The response first, then where `findings::subject` points, then
    // intake, which the response names as its author.
    let patient = findings::patient(s);
    let device_url = entry_url(s, findings::PATIENT_ENTRY + usize::from(patient.is_some()));
    let search = identifier(s).map(|(system, value)| format!("identifier={system}|{value}"));
    let response = entries.push(response(s, &device_url), search);
    if let Some(patient) = patient {
        entries.push_part(patient, "patient");
    }
    let (device, device_search) = provenance::device(s);
    let device = entries.push(device, Some(device_search));
    debug_assert_eq!(device, device_url);
    let flags: Vec<String> = (s.report.told.flags.iter())
        .map(|f| entries.push_part(findings::flag(s, f), &format!("flag/{}", f.of.id)))
        .collect();
    if let Some(codes) = crate::content::codes_for(s.questionnaire) {
        observation::add(s, codes, &mut entries, &response);
    }
    let links = findings::Links {
        response: &response,
        flags: &flags,
        device: &device,
    };
    entries.push_part(findings::composition(s, &links), "composition");
    // What the findings made: all but intake and the Patient, which the
    // clinic's records may well own.
    let made: Vec<String> = (entries.list.iter())
        .filter(|e| {
            !["Device", "Patient"].contains(&e["resource"]["resourceType"].as_str().unwrap_or(""))
        })
        .map(|e| e["fullUrl"].as_str().unwrap_or_default().to_string())
        .collect();
    let provenance = provenance::provenance(s, &made, &device);
    entries.push_part(provenance, "provenance");
    json!({
        "resourceType": "Bundle",
        "type": "transaction",
        "timestamp": rfc3339(s.authored),
        "entry": entries.list,
    })
}

/// A Bundle's entries as they are added, each with its fullUrl.
struct Entries<'a> {
    s: &'a Summary<'a>,
    /// The response's identifier value, which names each part; None for a
    /// session with no identifier (its entries are plain creates).
    key: Option<String>,
    list: Vec<Value>,
}

impl Entries<'_> {
    /// Adds `resource` as a create (conditional on `if_none_exist`, a
    /// search) and returns its fullUrl, by which the others point at it
    /// before a server names it.
    fn push(&mut self, resource: Value, if_none_exist: Option<String>) -> String {
        let url = entry_url(self.s, self.list.len());
        let mut request = json!({ "method": "POST", "url": resource["resourceType"] });
        if let Some(search) = if_none_exist {
            request["ifNoneExist"] = json!(search);
        }
        (self.list).push(json!({ "fullUrl": url, "resource": resource, "request": request }));
        url
    }

    /// Adds `resource` as `part` of the session's summary: identified as
    /// `<response identifier>/<part>` and created only if the server has no
    /// such part. R4's Provenance has no identifier: a tag stands for it.
    fn push_part(&mut self, mut resource: Value, part: &str) -> String {
        let Some(key) = &self.key else {
            return self.push(resource, None);
        };
        let system = self.s.canonical.response_parts();
        let value = format!("{key}/{part}");
        let id = json!({ "system": system, "value": value });
        let search = match resource["resourceType"].as_str() {
            Some("Provenance") => {
                resource["meta"] = json!({ "tag": [{ "system": system, "code": value }] });
                format!("_tag={system}|{value}")
            }
            // The one resource here whose identifier is a single one.
            Some("Composition") => {
                resource["identifier"] = id;
                format!("identifier={system}|{value}")
            }
            _ => {
                match resource["identifier"].as_array_mut() {
                    Some(ids) => ids.push(id),
                    None => resource["identifier"] = json!([id]),
                }
                format!("identifier={system}|{value}")
            }
        };
        self.push(resource, Some(search))
    }
}

/// A UUID for entry `n` of a summary's Bundle, the same each time the
/// summary is rendered (so files and goldens are stable): FNV-1a over the
/// session's start, the summary's time and `n`, shaped as a version 4 UUID.
fn entry_url(s: &Summary, n: usize) -> String {
    let fnv = |seed: u64| {
        let bytes = [s.session.started, s.authored, n as u64, seed];
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in bytes.iter().flat_map(|x| x.to_le_bytes()) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        h
    };
    let (hi, lo) = (fnv(1), fnv(2));
    let hi = (hi & !0xf000) | 0x4000; // version 4
    let lo = (lo & !(0b11 << 62)) | (0b10 << 62); // RFC 4122 variant
    format!(
        "urn:uuid:{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        hi >> 32,
        (hi >> 16) & 0xffff,
        hi & 0xffff,
        lo >> 48,
        lo & 0xffff_ffff_ffff
    )
}

/// The QuestionnaireResponse for a summary: answers of enabled items only,
/// written by intake (the Device at `device`) from what the patient said.
fn response(s: &Summary, device: &str) -> Value {
    let q = s.questionnaire;
    let live: Vec<&str> = s
        .session
        .live_answers(q, s.content.regions)
        .map(|(i, _)| i.id.as_str())
        .collect();
    let groups: Vec<Value> = q
        .sections
        .iter()
        .filter_map(|section| {
            let items: Vec<Value> = section
                .items
                .iter()
                .filter(|i| live.contains(&i.id.as_str()))
                // FHIR has no empty answer: an empty text, tick list or
                // drawing is no answer at all.
                .filter(|i| s.session.get(&i.id).is_some_and(|a| a.is_given()))
                .map(|item| {
                    let answer = s.session.get(&item.id).expect("live answers exist");
                    let systems = Systems::of(&s.canonical, &q.id, &item.id);
                    let answers =
                        kinds::fhir::answers(answer, &item.kind, &item.id, &systems, &s.content);
                    json!({ "linkId": item.id, "text": item.prompt, "answer": answers })
                })
                .collect();
            (!items.is_empty())
                .then(|| json!({ "linkId": section.id, "text": section.title, "item": items }))
        })
        .collect();
    let mut fields = Map::new();
    fields.insert("resourceType".into(), json!("QuestionnaireResponse"));
    if let Some((system, value)) = identifier(s) {
        fields.insert(
            "identifier".into(),
            json!({ "system": system, "value": value }),
        );
    }
    if s.session.visit_code.is_some() {
        fields.insert("subject".into(), findings::subject(s));
    }
    fields.insert(
        "author".into(),
        json!({ "reference": device, "type": "Device" }),
    );
    fields.insert("source".into(), findings::subject(s));
    let canonical = format!("{}|{}", s.canonical.questionnaire(&q.id), q.version);
    fields.insert("questionnaire".into(), json!(canonical));
    let status = if s.complete {
        "completed"
    } else {
        "in-progress"
    };
    fields.insert("status".into(), json!(status));
    fields.insert("authored".into(), json!(rfc3339(s.authored)));
    let mut response = Value::Object(fields);
    // Said only when true: `!=` in the self-tests' enableWhen holds without it.
    let alone = s.session.unattended.then(|| {
        let text = &s.content.text.report.clinician.unattended;
        json!({ "linkId": enable::UNATTENDED, "text": text, "answer": [{ "valueBoolean": true }] })
    });
    let groups: Vec<Value> = alone.into_iter().chain(groups).collect();
    // FHIR JSON has no empty arrays: no answers, no item.
    if !groups.is_empty() {
        response["item"] = json!(groups);
    }
    response
}

/// The response's identifier, the same in every summary of one session (an
/// unfinished one and its finished one, a file and its retried delivery):
/// the session's random id, unique across kiosks. Sessions saved before ids
/// (and examples, which have none) fall back to their questionnaire and the
/// second they started, which two kiosks can share. None when neither is
/// known (a start of 0 would name every such session).
fn identifier(s: &Summary) -> Option<(String, String)> {
    let (id, started) = (&s.session.id, s.session.started);
    let value = if crate::session_id::is_valid(id) {
        id.clone()
    } else if started != 0 {
        format!("{}-{started}", s.questionnaire.id)
    } else {
        return None;
    };
    Some((s.canonical.responses(), value))
}

/// The FHIR Questionnaire that matches the responses above, its URLs from
/// `canonical`.
pub fn questionnaire(q: &Questionnaire, content: &Content, canonical: &Canonical) -> Value {
    let codes = crate::content::codes_for(q);
    let groups: Vec<Value> = q
        .sections
        .iter()
        .map(|s| {
            let mut g = json!({
                "linkId": s.id, "text": s.title, "type": "group",
                "item": s.items.iter().map(|i| definition(q, i, content, canonical, codes)).collect::<Vec<_>>(),
            });
            let when = s.enable_when.as_ref();
            let fields = enable::enable_when(q, content.regions, canonical, when, false);
            g.as_object_mut().expect("an object").extend(fields);
            g
        })
        .collect();
    json!({
        "resourceType": "Questionnaire",
        "url": canonical.questionnaire(&q.id),
        "version": q.version,
        "name": computable_name(&q.id),
        "title": q.title,
        "status": "active",
        "language": q.language,
        "description": q.description,
        "item": std::iter::once(unattended_item(content)).chain(groups).collect::<Vec<_>>(),
    })
}

/// The hidden item a response answers when it was taken alone: what hides
/// the self-tests (`needs_helper`) from a FHIR renderer as from intake.
fn unattended_item(content: &Content) -> Value {
    let hidden = json!({
        "url": "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden",
        "valueBoolean": true,
    });
    json!({
        "extension": [hidden],
        "linkId": enable::UNATTENDED,
        "text": content.text.report.clinician.unattended,
        "type": "boolean",
        "readOnly": true,
    })
}

/// The Questionnaire's `name` as R4's que-0 wants it, a capital letter then
/// letters, digits and `_` (at most 255): "back-pain-intake" is
/// "BackPainIntake".
fn computable_name(id: &str) -> String {
    let words = id.split(|c: char| !c.is_ascii_alphanumeric());
    let capitalised = words.flat_map(|w| {
        let mut cs = w.chars();
        let first = cs.next().map(|c| c.to_ascii_uppercase());
        first.into_iter().chain(cs)
    });
    let name: String = capitalised.collect();
    let name = if name.starts_with(|c: char| c.is_ascii_uppercase()) {
        name
    } else {
        format!("Q{name}")
    };
    name.chars().take(255).collect()
}

fn definition(
    q: &Questionnaire,
    item: &Item,
    content: &Content,
    canonical: &Canonical,
    codes: Option<&Codes>,
) -> Value {
    let mut d = Map::new();
    d.insert("linkId".into(), json!(item.id));
    if let Some(observed) = codes.and_then(|c| c.observed(&item.id)) {
        join(&mut d, observation::extracted(q, item, observed, canonical));
    }
    d.insert("text".into(), json!(item.prompt));
    let systems = Systems::of(canonical, &q.id, &item.id);
    let kind = kinds::fhir::definition(&item.kind, &item.id, &systems, content);
    let when = item.enable_when.as_ref();
    let enable = enable::enable_when(q, content.regions, canonical, when, item.needs_helper);
    for fields in [kind, enable] {
        join(&mut d, fields);
    }
    if item.required {
        d.insert("required".into(), json!(true));
    }
    // R4 lets no display item hold items (que-1).
    if !item.why.is_empty() && !matches!(item.kind, Kind::Info) {
        join(&mut d, help(&item.id, &item.why));
    }
    Value::Object(d)
}

/// Adds `fields` to an item, the lists (`extension`, `item`) joined.
fn join(d: &mut Map<String, Value>, fields: Map<String, Value>) {
    for (key, value) in fields {
        match (d.get_mut(&key), value) {
            (Some(Value::Array(have)), Value::Array(more)) => have.extend(more),
            (_, value) => {
                d.insert(key, value);
            }
        }
    }
}

/// "Why we ask" as SDC renders help: a display item inside the question
/// with the `help` item control.
fn help(id: &str, why: &str) -> Map<String, Value> {
    let control = json!({
        "url": "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl",
        "valueCodeableConcept": { "coding": [{
            "system": "http://hl7.org/fhir/questionnaire-item-control",
            "code": "help",
        }] },
    });
    let item = json!({
        "extension": [control], "linkId": format!("{id}.help"), "text": why, "type": "display",
    });
    let mut m = Map::new();
    m.insert("item".into(), json!([item]));
    m
}

#[cfg(test)]
mod tests {
    use super::computable_name;

    #[test]
    fn the_name_is_computer_friendly_as_que_0_asks() {
        assert_eq!(computable_name("back-pain-intake"), "BackPainIntake");
        assert_eq!(computable_name("2nd visit_v2"), "Q2ndVisitV2");
        assert_eq!(computable_name("é-x"), "X");
        assert_eq!(computable_name(&"a".repeat(300)).len(), 255);
    }
}
