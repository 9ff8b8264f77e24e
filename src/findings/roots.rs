//! The nerve-root levels that marks on the body diagram and strength signs
//! point to: marks count through the dermatomes of their region, signs
//! through the roots the rules name.

use std::collections::BTreeMap;

use super::{Mark, RootFinding, Rules, SignSide, Weakness};
use crate::answers::Side;
use crate::body::{BodyMarks, BodyRegions, BodySide, Symptom};
use crate::questionnaire::Condition;

#[derive(Default)]
struct Root {
    score: u32,
    /// Left, right.
    sides: [bool; 2],
    marks: Vec<Mark>,
    signs: Vec<usize>,
}

impl Root {
    fn add(&mut self, score: u32, left: bool, right: bool) {
        self.score += score;
        self.sides[0] |= left;
        self.sides[1] |= right;
    }
}

#[derive(Default)]
pub(super) struct Tally {
    roots: BTreeMap<String, Root>,
    /// What the marks alone point to: the diagram's own evidence.
    by_marks: BTreeMap<String, u32>,
    marked_limb_regions: usize,
    pub weakness: Vec<Weakness>,
    one_sided: bool,
}

/// Adds up the marks on limb regions and the strength signs that hold.
pub(super) fn tally(
    marks: Option<&BodyMarks>,
    rules: &Rules,
    table: &BodyRegions,
    holds: impl Fn(&Condition) -> bool,
) -> Tally {
    let mut t = Tally::default();
    for region in table.regions.iter().filter(|r| r.localising) {
        let Some(symptoms) = marks.and_then(|m| m.symptoms(&region.id)) else {
            continue;
        };
        t.marked_limb_regions += 1;
        // A weakness mark is weakness, as a strength answer is.
        if symptoms.contains(&Symptom::Weakness) {
            t.weakness.push(Weakness::Marked(region.id.clone()));
            t.one_sided |= region.side != BodySide::Center;
        }
        let weight: u32 = symptoms.iter().map(|s| rules.mark_weight(*s)).sum();
        for level in &region.dermatomes {
            *t.by_marks.entry(level.clone()).or_default() += weight;
            let root = t.roots.entry(level.clone()).or_default();
            root.add(
                weight,
                region.side == BodySide::Left,
                region.side == BodySide::Right,
            );
            root.marks.push(Mark::new(&region.id, symptoms));
        }
    }
    for (n, sign) in rules.signs.iter().enumerate() {
        if holds(&sign.when) {
            t.weakness.push(Weakness::Sign(n));
            let (left, right) = match sign.side {
                SignSide::Left => (true, false),
                SignSide::Right => (false, true),
                SignSide::Both => (true, true),
                SignSide::Unsaid => (false, false),
            };
            // One-sided weakness makes the pattern radicular only from a sign
            // strong enough to name a root alone: "a knee gives way" is
            // common with worn knees and needs marks or another sign.
            t.one_sided |= left != right && sign.weight >= rules.root_threshold;
            for level in &sign.roots {
                let root = t.roots.entry(level.clone()).or_default();
                root.add(sign.weight, left, right);
                root.signs.push(n);
            }
        }
    }
    t
}

impl Tally {
    /// The level the marks themselves follow, when two or more limb regions
    /// are marked: never one that only strength answers put first.
    pub fn dermatome(&self, rules: &Rules) -> Option<String> {
        if self.marked_limb_regions < 2 {
            return None;
        }
        self.by_marks
            .iter()
            .filter(|(_, score)| **score >= rules.root_threshold)
            .max_by_key(|(level, score)| (**score, std::cmp::Reverse(*level)))
            .map(|(level, _)| level.clone())
    }

    pub fn one_sided_weakness(&self) -> bool {
        self.one_sided
    }

    /// The levels that reach the threshold, most likely first.
    pub fn ranked(self, rules: &Rules) -> Vec<RootFinding> {
        let mut ranked: Vec<RootFinding> = self
            .roots
            .into_iter()
            .filter(|(_, r)| r.score >= rules.root_threshold)
            .map(|(level, r)| RootFinding {
                level,
                score: r.score,
                side: match r.sides {
                    [true, true] => Some(Side::Both),
                    [true, false] => Some(Side::Left),
                    [false, true] => Some(Side::Right),
                    [false, false] => None,
                },
                marks: r.marks,
                signs: r.signs,
            })
            .collect();
        ranked.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.level.cmp(&b.level)));
        ranked.truncate(rules.max_roots);
        ranked
    }
}

impl Rules {
    fn mark_weight(&self, s: Symptom) -> u32 {
        self.mark_weights.get(&s).copied().unwrap_or(0)
    }
}
