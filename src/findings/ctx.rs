//! Conditions over the live (enabled) answers, and the evidence they rest on.

use super::{Evidence, Mark};
use crate::answers::Answer;
use crate::body::BodyRegions;
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
            Condition::Marked(id, regions) => match live(id) {
                Some(Answer::Body(m)) if regions.is_empty() => !m.is_empty(),
                Some(Answer::Body(m)) => regions.iter().any(|r| m.symptoms(r).is_some()),
                _ => false,
            },
            Condition::Not(inner) => !self.holds(inner),
            Condition::All(cs) => cs.iter().all(|c| self.holds(c)),
            Condition::Any(cs) => cs.iter().any(|c| self.holds(c)),
        }
    }

    /// The answers and marks that make `c` true.
    pub fn evidence(&self, c: &Condition) -> Vec<Evidence> {
        let mut out = Vec::new();
        self.collect(c, &mut out);
        out.dedup();
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
            Condition::Marked(id, regions) => {
                let Some(Answer::Body(m)) = (self.live)(id) else {
                    return;
                };
                let named = |r: &str| regions.is_empty() || regions.iter().any(|x| x == r);
                out.extend(
                    m.in_order(BodyRegions::builtin())
                        .filter(|(r, _)| named(r))
                        .map(|(r, s)| Evidence::Marked(Mark::new(r, s))),
                );
            }
            Condition::Equals(id, _)
            | Condition::AnyOf(id, _)
            | Condition::Answered(id)
            | Condition::AtLeast(id, _) => out.push(Evidence::Answer(id.clone())),
        }
    }
}
