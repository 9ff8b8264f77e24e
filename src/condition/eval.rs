//! The one evaluator of conditions, over the live answers a caller gives:
//! enable logic gives the answers of items decided so far, findings the
//! answers of enabled items. It also says what made a condition true.

use std::collections::BTreeSet;

use super::Condition;
use crate::answers::Answer;
use crate::body::{BodyRegions, Symptom};

/// A region of the body diagram and the symptoms marked on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub region: String,
    pub symptoms: Vec<Symptom>,
}

impl Mark {
    pub fn new(region: &str, symptoms: &BTreeSet<Symptom>) -> Self {
        Self {
            region: region.to_string(),
            symptoms: symptoms.iter().copied().collect(),
        }
    }
}

/// What made a condition true.
#[derive(Debug, Clone, PartialEq)]
pub enum Evidence {
    /// The answer to this item.
    Answer(String),
    /// Marks on the body diagram.
    Marked(Mark),
}

/// The answers conditions are evaluated over: `answer` gives the live answer
/// of an item (none when it is unanswered or hidden, which count the same).
pub struct Live<'f, 'a> {
    answer: &'f dyn Fn(&str) -> Option<&'a Answer>,
    regions: &'f BodyRegions,
}

impl<'f, 'a> Live<'f, 'a> {
    pub fn new(answer: &'f dyn Fn(&str) -> Option<&'a Answer>, regions: &'f BodyRegions) -> Self {
        Self { answer, regions }
    }

    pub fn holds(&self, c: &Condition) -> bool {
        let live = self.answer;
        match c {
            Condition::Equals(id, v) => live(id).is_some_and(|a| a.matches(v)),
            Condition::AnyOf(id, vs) => live(id).is_some_and(|a| vs.iter().any(|v| a.matches(v))),
            Condition::Answered(id) => live(id).is_some(),
            Condition::AtLeast(id, min) => live(id)
                .and_then(Answer::as_number)
                .is_some_and(|n| n >= *min),
            Condition::Marked(id, regions) => {
                matches!(live(id), Some(Answer::Body(m)) if m.marked(regions, &[]))
            }
            Condition::MarkedWith(id, symptoms, regions) => {
                matches!(live(id), Some(Answer::Body(m)) if m.marked(regions, symptoms))
            }
            Condition::MarkedOn(id, side, part) => match live(id) {
                Some(Answer::Body(m)) => m.marked_on(self.regions, *side, part),
                _ => false,
            },
            Condition::Not(inner) => !self.holds(inner),
            Condition::All(cs) => cs.iter().all(|c| self.holds(c)),
            Condition::Any(cs) => cs.iter().any(|c| self.holds(c)),
        }
    }

    /// The answers and marks that make `c` true, each once (an answer can
    /// make several branches true); none when it does not hold.
    pub fn evidence(&self, c: &Condition) -> Vec<Evidence> {
        let mut all = Vec::new();
        self.collect(c, &mut all);
        let mut out: Vec<Evidence> = Vec::new();
        for e in all {
            if !out.contains(&e) {
                out.push(e);
            }
        }
        out
    }

    fn collect(&self, c: &Condition, out: &mut Vec<Evidence>) {
        if !self.holds(c) {
            return;
        }
        match c {
            // What is absent shows nothing.
            Condition::Not(_) => {}
            Condition::All(cs) | Condition::Any(cs) => {
                for c in cs {
                    self.collect(c, out);
                }
            }
            Condition::Marked(id, regions) => self.marks(id, out, |r, _| {
                regions.is_empty() || regions.iter().any(|x| x == r)
            }),
            Condition::MarkedWith(id, symptoms, regions) => self.marks(id, out, |r, s| {
                (regions.is_empty() || regions.iter().any(|x| x == r))
                    && (symptoms.is_empty() || symptoms.contains(&s))
            }),
            Condition::MarkedOn(id, side, part) => self.marks(id, out, |r, _| {
                self.regions.part(*side, part).any(|x| x.id == r)
            }),
            Condition::Equals(id, _)
            | Condition::AnyOf(id, _)
            | Condition::Answered(id)
            | Condition::AtLeast(id, _) => out.push(Evidence::Answer(id.clone())),
        }
    }

    /// The marks on the diagram `id` that `shown` keeps (by region and
    /// symptom), head to toe: a region's other symptoms are not evidence.
    fn marks(&self, id: &str, out: &mut Vec<Evidence>, shown: impl Fn(&str, Symptom) -> bool) {
        let Some(Answer::Body(m)) = (self.answer)(id) else {
            return;
        };
        for (region, symptoms) in m.in_order(self.regions) {
            let kept: BTreeSet<Symptom> = symptoms
                .iter()
                .copied()
                .filter(|s| shown(region, *s))
                .collect();
            if !kept.is_empty() {
                out.push(Evidence::Marked(Mark::new(region, &kept)));
            }
        }
    }
}
