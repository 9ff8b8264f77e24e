//! Standard codes (LOINC, SNOMED CT) for what a questionnaire's FHIR
//! Bundle reports as Observations: the items and scores observed, the body
//! diagram's symptoms, sides and body sites. A codes file is for one
//! questionnaire; each code names its source, and only a code whose
//! `verified` says where and when it was checked against that source (and
//! that it means what intake asks) is exported. The rest wait for review;
//! intake's own codes always go with them, so nothing depends on them.

use serde::Deserialize;

use crate::body::{BodyRegions, BodySide, Symptom};
use crate::diagnostic::{Diagnostics, Problems};
use crate::questionnaire::{Kind, Questionnaire};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Codes")]
pub struct Codes {
    pub questionnaire: String,
    /// Items (numbers, scales) and scores reported as Observations.
    pub observed: Vec<Observed>,
    pub symptoms: Vec<SymptomCodes>,
    pub sides: Vec<SideCodes>,
    pub sites: Vec<Site>,
}

/// An item or score of the questionnaire (by id) and its standard codes.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Observed {
    pub id: String,
    pub codes: Vec<Code>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SymptomCodes {
    pub symptom: Symptom,
    pub codes: Vec<Code>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SideCodes {
    pub side: BodySide,
    pub codes: Vec<Code>,
}

/// A body structure and the diagram's regions that lie on it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    pub id: String,
    pub regions: Vec<String>,
    pub codes: Vec<Code>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Code {
    pub system: String,
    pub code: String,
    /// The code's display as its source gives it.
    pub display: String,
    /// The code system and release it is from.
    pub source: String,
    /// Where and when it was checked against the source, and that it means
    /// what intake asks; `None` keeps it out of every export.
    #[serde(default)]
    pub verified: Option<String>,
}

impl Code {
    pub fn exported(&self) -> bool {
        self.verified
            .as_deref()
            .is_some_and(|v| !v.trim().is_empty())
    }
}

/// The verified codes of a list.
pub fn exported(codes: &[Code]) -> impl Iterator<Item = &Code> {
    codes.iter().filter(|c| c.exported())
}

impl Codes {
    /// A codes file for `q`, checked against it and the region table.
    pub fn parse(
        path: &str,
        source: &str,
        q: &Questionnaire,
        regions: &BodyRegions,
    ) -> Result<Codes, Diagnostics> {
        let c: Codes =
            crate::questionnaire::parse_ron(path, source).map_err(|d| Diagnostics(vec![d]))?;
        let mut problems = Problems::new(path, source);
        c.check(q, regions, &mut problems);
        problems.into_result(c)
    }

    fn check(&self, q: &Questionnaire, regions: &BodyRegions, p: &mut Problems) {
        if self.questionnaire != q.id {
            p.at(
                "questionnaire:",
                format!(
                    "questionnaire: these codes are for \"{}\", not \"{}\"",
                    self.questionnaire, q.id
                ),
            );
        }
        for o in &self.observed {
            let item = q.items().find(|i| i.id == o.id);
            let score = q.scores.iter().any(|s| s.id == o.id);
            let message = match item.map(|i| &i.kind) {
                Some(Kind::Scale { .. } | Kind::Number { .. }) => None,
                Some(_) => Some(format!("\"{}\" is not a number or a scale", o.id)),
                None if score => None,
                None => Some(format!("no item or score \"{}\" in \"{}\"", o.id, q.id)),
            };
            if let Some(m) = message {
                p.at(&format!("\"{}\"", o.id), m);
            }
        }
        for r in &regions.regions {
            let sites = self
                .sites
                .iter()
                .filter(|s| s.regions.contains(&r.id))
                .count();
            if sites != 1 {
                p.at(
                    "sites:",
                    format!("region \"{}\" is in {sites} sites; each is in one", r.id),
                );
            }
        }
        for s in &self.sites {
            for id in s.regions.iter().filter(|id| regions.get(id).is_none()) {
                p.at(&format!("\"{id}\""), format!("no region \"{id}\""));
            }
        }
        for code in self.all() {
            if code.source.trim().is_empty() {
                p.at(
                    &format!("\"{}\"", code.code),
                    format!("code {}: name its source", code.code),
                );
            }
        }
    }

    pub fn observed(&self, id: &str) -> Option<&Observed> {
        self.observed.iter().find(|o| o.id == id)
    }

    pub fn symptom(&self, s: Symptom) -> &[Code] {
        let found = self.symptoms.iter().find(|x| x.symptom == s);
        found.map_or(&[], |x| &x.codes)
    }

    pub fn side(&self, s: BodySide) -> &[Code] {
        let found = self.sides.iter().find(|x| x.side == s);
        found.map_or(&[], |x| &x.codes)
    }

    pub fn site(&self, region: &str) -> &[Code] {
        let found = self
            .sites
            .iter()
            .find(|s| s.regions.iter().any(|r| r == region));
        found.map_or(&[], |s| &s.codes)
    }

    /// Codes that are kept but not exported, for `intake validate` to tell.
    pub fn unverified(&self) -> usize {
        self.all().filter(|c| !c.exported()).count()
    }

    fn all(&self) -> impl Iterator<Item = &Code> {
        let observed = self.observed.iter().flat_map(|o| &o.codes);
        observed
            .chain(self.symptoms.iter().flat_map(|s| &s.codes))
            .chain(self.sides.iter().flat_map(|s| &s.codes))
            .chain(self.sites.iter().flat_map(|s| &s.codes))
    }
}
