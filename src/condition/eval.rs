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
            Condition::Marked { item, .. } => match live(item) {
                Some(Answer::Body(m)) => m
                    .iter()
                    .any(|(r, ss)| ss.iter().any(|s| c.counts_mark(self.regions, r, *s))),
                _ => false,
            },
            Condition::Not(inner) => !self.holds(inner),
            Condition::All(cs) => cs.iter().all(|c| self.holds(c)),
            Condition::Any(cs) => cs.iter().any(|c| self.holds(c)),
            Condition::AtLeastOf(n, cs) => cs.iter().filter(|c| self.holds(c)).count() >= *n,
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
            Condition::All(cs) | Condition::Any(cs) | Condition::AtLeastOf(_, cs) => {
                for c in cs {
                    self.collect(c, out);
                }
            }
            Condition::Marked { item, .. } => {
                self.marks(item, out, |r, s| c.counts_mark(self.regions, r, s))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::body::BodyMarks;

    fn holds(condition: &str, marks: &[(&str, Symptom)]) -> bool {
        let c: Condition = crate::questionnaire::parse_ron("c.ron", condition).unwrap();
        let mut m = BodyMarks::new();
        for (region, s) in marks {
            m.set(region, *s);
        }
        let answer = Answer::Body(m);
        let live = |id: &str| (id == "map").then_some(&answer);
        Live::new(&live, BodyRegions::builtin()).holds(&c)
    }

    #[test]
    fn a_part_without_a_side_is_that_part_on_either_side() {
        let weak_leg = r#"Marked(item: "map", symptoms: [Weakness], part: "leg")"#;
        assert!(holds(weak_leg, &[("right_calf", Symptom::Weakness)]));
        assert!(holds(weak_leg, &[("left_thigh_front", Symptom::Weakness)]));
        assert!(
            !holds(weak_leg, &[("right_calf", Symptom::Pain)]),
            "not weak"
        );
        assert!(
            !holds(weak_leg, &[("left_groin", Symptom::Weakness)]),
            "not in the leg part"
        );
    }

    #[test]
    fn every_filter_given_holds_of_the_same_mark() {
        let left_below_knee_numb =
            r#"Marked(item: "map", symptoms: [Numbness], side: Left, part: "below_knee")"#;
        let marks = [
            ("left_thigh_back", Symptom::Numbness),
            ("left_calf", Symptom::Pain),
        ];
        assert!(
            !holds(left_below_knee_numb, &marks),
            "numb above the knee, pain below"
        );
        assert!(holds(
            left_below_knee_numb,
            &[("left_calf", Symptom::Numbness)]
        ));
        assert!(!holds(
            left_below_knee_numb,
            &[("right_calf", Symptom::Numbness)]
        ));
        // A side alone is any region of that side.
        assert!(holds(
            r#"Marked(item: "map", side: Right)"#,
            &[("right_buttock", Symptom::Pain)]
        ));
        // Another item's answer is not this diagram.
        assert!(!holds(
            r#"Marked(item: "other")"#,
            &[("right_buttock", Symptom::Pain)]
        ));
    }

    #[test]
    fn at_least_of_counts_the_conditions_that_hold_and_shows_only_them() {
        let c: Condition = crate::questionnaire::parse_ron(
            "c.ron",
            r#"AtLeastOf(2, [Equals("a", "yes"), Equals("b", "yes"), Equals("c", "yes")])"#,
        )
        .unwrap();
        const YES: Answer = Answer::YesNo(true);
        const NO: Answer = Answer::YesNo(false);
        let with = |a: &'static Answer, b: &'static Answer| {
            move |id: &str| match id {
                "a" => Some(a),
                "b" => Some(b),
                _ => None,
            }
        };
        let one = with(&YES, &NO);
        assert!(!Live::new(&one, BodyRegions::builtin()).holds(&c));
        let two = with(&YES, &YES);
        let live = Live::new(&two, BodyRegions::builtin());
        assert!(live.holds(&c));
        let shown = [Evidence::Answer("a".into()), Evidence::Answer("b".into())];
        assert_eq!(live.evidence(&c), shown);
    }
}
