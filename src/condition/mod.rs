//! Conditions: when an item or section is shown, when a warning sign or a
//! strength sign holds. One engine evaluates them for enable logic and for
//! findings alike (`eval`), with the answers and marks that made them true,
//! and one checker (`refs`) finds the names they get wrong.
//!
//! The variants are the file format (README.md, "Conditions"): a rename here
//! is a format change.

mod eval;
mod refs;

pub use eval::{Evidence, Live, Mark};
pub use refs::{Names, Within};

use serde::{Deserialize, Serialize};

use crate::body::{BodyRegions, BodySide, Symptom};

/// A question about the live answers: when an item or section is shown (over
/// earlier items), or when a findings rule holds.
///
/// Values are option ids for choice items, `"yes"`/`"no"` for yes/no items and
/// `"left"`, `"right"`, `"both"`, `"neither"` for side items. An item that is
/// itself disabled counts as unanswered.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub enum Condition {
    /// The item's answer is (or, for multiple choice, includes) the value.
    Equals(String, String),
    /// The answer is (or includes) any of the values.
    AnyOf(String, Vec<String>),
    /// The item has an answer of any kind.
    Answered(String),
    /// A number or scale answer is at least the value.
    AtLeast(String, f64),
    /// A body diagram has a mark that fits every filter given: one of
    /// `symptoms` (any when empty) on one of `regions` (any when empty), or
    /// on a region of `part` (`parts` in the region table, e.g. "leg") on
    /// `side` (either side when left out). Numbness between the legs is not
    /// the same sign as pain there, so symptoms can be named.
    Marked {
        item: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        symptoms: Vec<Symptom>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        regions: Vec<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        side: Option<BodySide>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        part: Option<String>,
    },
    Not(Box<Condition>),
    All(Vec<Condition>),
    Any(Vec<Condition>),
    /// At least this many of the conditions hold: "two of these five
    /// muscle groups weak on both sides" without listing every pair.
    AtLeastOf(usize, Vec<Condition>),
}

impl Condition {
    /// Whether a `Marked` condition counts a mark of `symptom` on `region`
    /// (of `table`, or an id it does not know): every filter it gives holds.
    /// Evaluation and the FHIR export both ask this, so they cannot differ.
    pub fn counts_mark(&self, table: &BodyRegions, region: &str, symptom: Symptom) -> bool {
        let Condition::Marked {
            symptoms,
            regions,
            side,
            part,
            ..
        } = self
        else {
            return false;
        };
        let place = || table.get(region);
        (symptoms.is_empty() || symptoms.contains(&symptom))
            && (regions.is_empty() || regions.iter().any(|r| r == region))
            && side.is_none_or(|side| place().is_some_and(|p| p.side == side))
            && part
                .as_ref()
                .is_none_or(|part| place().is_some_and(|p| p.parts.contains(part)))
    }

    /// Every (item id, compared value) this condition reads, in order.
    pub fn references(&self) -> Vec<(&str, Option<&str>)> {
        let mut out = Vec::new();
        self.collect_refs(&mut out);
        out
    }

    fn collect_refs<'a>(&'a self, out: &mut Vec<(&'a str, Option<&'a str>)>) {
        match self {
            Condition::Equals(id, v) => out.push((id, Some(v))),
            Condition::AnyOf(id, vs) => {
                out.push((id, None));
                out.extend(vs.iter().map(|v| (id.as_str(), Some(v.as_str()))));
            }
            Condition::Answered(id)
            | Condition::AtLeast(id, _)
            | Condition::Marked { item: id, .. } => out.push((id, None)),
            Condition::Not(c) => c.collect_refs(out),
            Condition::All(cs) | Condition::Any(cs) | Condition::AtLeastOf(_, cs) => {
                cs.iter().for_each(|c| c.collect_refs(out))
            }
        }
    }
}
