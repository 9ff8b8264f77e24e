//! Conditions: when an item or section is shown, when a warning sign or a
//! strength sign holds. One engine evaluates them for enable logic and for
//! findings alike (`eval`), with the answers and marks that made them true.
//!
//! The variants are the file format (README.md, "Conditions"): a rename here
//! is a format change.

mod eval;

pub use eval::{Evidence, Live, Mark};

use serde::{Deserialize, Serialize};

use crate::body::{BodySide, Symptom};

/// When an item or section is shown, over the answers of earlier items.
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
    /// A body diagram has any of these regions marked (any region at all when
    /// the list is empty).
    Marked(String, Vec<String>),
    /// A body diagram has any of these symptoms (written `[Numbness,
    /// Tingling]`) marked on any of these regions (any region when empty):
    /// numbness between the legs is not the same sign as pain there.
    MarkedWith(String, Vec<Symptom>, Vec<String>),
    /// A body diagram has a mark on any region of this part (`parts` in the
    /// region table, e.g. "leg") on this side: `MarkedOn("map", Left, "leg")`.
    MarkedOn(String, BodySide, String),
    Not(Box<Condition>),
    All(Vec<Condition>),
    Any(Vec<Condition>),
}

impl Condition {
    /// Body-region ids named by `Marked` and `MarkedWith` conditions, with
    /// the item they are on.
    pub fn regions(&self) -> Vec<(&str, &str)> {
        match self {
            Condition::Marked(id, rs) | Condition::MarkedWith(id, _, rs) => {
                rs.iter().map(|r| (id.as_str(), r.as_str())).collect()
            }
            Condition::Not(c) => c.regions(),
            Condition::All(cs) | Condition::Any(cs) => {
                cs.iter().flat_map(|c| c.regions()).collect()
            }
            _ => Vec::new(),
        }
    }

    /// The (item, side, part) of `MarkedOn` conditions, for validation.
    pub fn parts(&self) -> Vec<(&str, BodySide, &str)> {
        match self {
            Condition::MarkedOn(id, side, part) => vec![(id.as_str(), *side, part.as_str())],
            Condition::Not(c) => c.parts(),
            Condition::All(cs) | Condition::Any(cs) => cs.iter().flat_map(|c| c.parts()).collect(),
            _ => Vec::new(),
        }
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
            | Condition::Marked(id, _)
            | Condition::MarkedWith(id, _, _)
            | Condition::MarkedOn(id, _, _) => out.push((id, None)),
            Condition::Not(c) => c.collect_refs(out),
            Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| c.collect_refs(out)),
        }
    }
}
