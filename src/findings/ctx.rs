//! Conditions over the live (enabled) answers, and the evidence they rest on.

use std::collections::BTreeSet;

use super::{Evidence, Mark};
use crate::answers::Answer;
use crate::body::{BodyRegions, Symptom};
use crate::questionnaire::Condition;

pub(super) struct Ctx<'a> {
    pub live: &'a dyn Fn(&str) -> Option<&'a Answer>,
}

impl Ctx<'_> {
    pub fn holds(&self, c: &Condition) -> bool {
        let live = self.live;
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
                Some(Answer::Body(m)) => m.marked_on(BodyRegions::builtin(), *side, part),
                _ => false,
            },
            Condition::Not(inner) => !self.holds(inner),
            Condition::All(cs) => cs.iter().all(|c| self.holds(c)),
            Condition::Any(cs) => cs.iter().any(|c| self.holds(c)),
        }
    }

    /// The answers and marks that make `c` true, each once: an answer can
    /// make several branches true.
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
            Condition::MarkedOn(id, side, part) => {
                let table = BodyRegions::builtin();
                self.marks(id, out, |r, _| table.part(*side, part).any(|x| x.id == r))
            }
            Condition::Equals(id, _)
            | Condition::AnyOf(id, _)
            | Condition::Answered(id)
            | Condition::AtLeast(id, _) => out.push(Evidence::Answer(id.clone())),
        }
    }

    /// The marks on the diagram `id` that `shown` keeps (by region and
    /// symptom), head to toe: a region's other symptoms are not evidence.
    fn marks(&self, id: &str, out: &mut Vec<Evidence>, shown: impl Fn(&str, Symptom) -> bool) {
        let Some(Answer::Body(m)) = (self.live)(id) else {
            return;
        };
        for (region, symptoms) in m.in_order(BodyRegions::builtin()) {
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
