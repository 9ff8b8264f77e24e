//! The body diagram: the trainee's map against the case's. Half the marks
//! for the places (Jaccard's index of the regions marked with anything),
//! half for the symptoms in the places both marked; and every left/right
//! error named: a place whose mirror the patient has while they do not.

use std::collections::BTreeSet;

use super::{Marked, Marking, Mirrored, Point};
use crate::body::BodyMarks;
use crate::text::fill;

impl Marking<'_> {
    pub fn map(&self) -> (Marked, Vec<Mirrored>) {
        let words = &self.content.text.practice;
        let (truth, theirs) = (self.i.case.body_map(), &self.i.map);
        let places = |m: &BodyMarks| -> BTreeSet<String> {
            let marked = m.iter().filter(|(_, s)| !s.is_empty());
            marked.map(|(r, _)| r.to_string()).collect()
        };
        let (a, b) = (places(&truth), places(theirs));
        let both: Vec<&String> = a.intersection(&b).collect();
        let all = a.union(&b).count();
        let agree: f64 = both
            .iter()
            .map(|r| jaccard(truth.symptoms(r), theirs.symptoms(r)))
            .sum();
        // Nothing to mark and nothing marked agree; no place in common, not.
        let symptoms = match (all, both.len()) {
            (0, _) => 1.0,
            (_, 0) => 0.0,
            (_, n) => agree / n as f64,
        };
        let places_share = super::share(both.len(), all);
        let share = (places_share + symptoms) / 2.0;
        let percent = (symptoms * 100.0).round().to_string();
        let overlap = fill(
            &words.overlap,
            &[
                ("same", &both.len().to_string()),
                ("all", &all.to_string()),
                ("symptoms", &percent),
            ],
        );
        let mirrored = self.mirrored(&a, &b);
        let points = mirrored.iter().map(|m| self.mirror_point(m)).collect();
        // Nothing to mark and nothing marked needs no words.
        let notes = if all == 0 { Vec::new() } else { vec![overlap] };
        ((share, points, notes), mirrored)
    }

    /// Trainee places not the patient's whose mirror is.
    fn mirrored(&self, truth: &BTreeSet<String>, theirs: &BTreeSet<String>) -> Vec<Mirrored> {
        let regions = self.content.regions;
        theirs
            .difference(truth)
            .filter_map(|r| {
                let mirror = regions.mirror(r)?;
                truth.contains(&mirror.id).then(|| Mirrored {
                    marked: r.clone(),
                    truth: mirror.id.clone(),
                })
            })
            .collect()
    }

    fn mirror_point(&self, m: &Mirrored) -> Point {
        let words = &self.content.text.practice;
        let label = |id: &str| {
            let region = self.content.regions.get(id);
            region.map_or(id.to_string(), |r| r.label.clone())
        };
        let values = [("marked", label(&m.marked)), ("truth", label(&m.truth))];
        let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        Point {
            id: m.marked.clone(),
            ok: false,
            text: fill(&words.mirrored, &values),
            why: None,
            said: None,
        }
    }
}

/// How far two sets of symptoms agree (Jaccard's index; none is none).
fn jaccard<T: Ord>(a: Option<&BTreeSet<T>>, b: Option<&BTreeSet<T>>) -> f64 {
    let (Some(a), Some(b)) = (a, b) else {
        return 0.0;
    };
    super::share(a.intersection(b).count(), a.union(b).count())
}
