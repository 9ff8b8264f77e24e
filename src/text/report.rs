//! The summary's words (the catalogue's `report`): the headings, banners
//! and sentences of both views and the templates that word the evidence.

use serde::Deserialize;

use crate::answers::Side;
use crate::findings::Level;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportWords {
    pub title: String,
    pub page_title: String,
    pub made: String,
    pub not_finished: String,
    pub flag: String,
    pub levels: Levels,
    pub banners: Levels,
    pub patient: Patient,
    pub clinician: Clinician,
    pub evidence: EvidenceWords,
}

/// One text per warning level.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Levels {
    pub emergency: String,
    pub urgent: String,
    pub soon: String,
}

impl Levels {
    pub fn get(&self, level: Level) -> &str {
        match level {
            Level::Emergency => &self.emergency,
            Level::Urgent => &self.urgent,
            Level::Soon => &self.soon,
        }
    }
}

/// One text per side, and one for none.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sided {
    pub left: String,
    pub right: String,
    pub both: String,
    pub none: String,
}

impl Sided {
    pub fn get(&self, side: Option<Side>) -> &str {
        match side {
            Some(Side::Left) => &self.left,
            Some(Side::Right) => &self.right,
            Some(Side::Both) => &self.both,
            Some(Side::Neither) | None => &self.none,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Patient {
    pub name: String,
    pub not_diagnosis: String,
    pub warning_signs: String,
    pub shows: String,
    pub fits: Sided,
    pub no_fit: String,
    pub fit_open: String,
    pub weakness: String,
    pub marked_weak: String,
    pub do_now: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clinician {
    pub name: String,
    pub banners: Levels,
    pub none_reported: String,
    pub negatives: String,
    pub warning_signs: String,
    pub findings: String,
    pub radicular: String,
    pub not_radicular: String,
    pub radicular_open: String,
    pub dermatome: String,
    pub one_sided: String,
    pub roots: String,
    pub root: String,
    pub root_no_side: String,
    pub sides: Sided,
    pub weakness: String,
    pub marked_weak: String,
    pub sign: String,
    pub pain: String,
    pub scores: String,
    pub tried: String,
    pub scans: String,
    pub question: String,
    pub answer: String,
    pub diagram: String,
    pub diagram_note: String,
    pub steps: String,
    pub because: String,
    pub unasked: String,
    pub reason_radicular: String,
    pub no_weakness: String,
    pub reason_not_radicular: String,
    pub all_answers: String,
    pub unattended: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Evidence")]
pub struct EvidenceWords {
    pub labelled: String,
    pub question: String,
    pub marks: String,
    pub sign: String,
    pub marked: String,
    pub list: String,
    pub levels: String,
}
