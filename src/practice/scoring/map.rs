//! The body diagram: the trainee's map against the case's. Half the marks
//! for the places (Jaccard's index of the regions marked with anything),
//! half for the symptoms in the places both marked; every left/right error
//! named and costing its share (a place whose mirror the patient has while
//! they do not); and the first few of the patient's places not marked.

use std::collections::BTreeSet;

use super::{Marked, Marking, Mirrored, Point};
use crate::body::BodyMarks;
use crate::text::fill;

impl Marking<'_> {
    pub fn map(&self) -> Marked {
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
        let mirrored = self.mirrored(&a, &b);
        let cost = f64::from(self.s.mirror_cost) / 100.0 * mirrored.len() as f64;
        let share = ((places_share + symptoms) / 2.0 - cost).max(0.0);
        let percent = (symptoms * 100.0).round().to_string();
        let overlap = fill(
            &words.overlap,
            &[
                ("same", &both.len().to_string()),
                ("all", &all.to_string()),
                ("symptoms", &percent),
            ],
        );
        let points = mirrored.iter().map(|m| self.mirror_point(m)).collect();
        // Nothing to mark and nothing marked needs no words.
        let mut notes = if all == 0 { Vec::new() } else { vec![overlap] };
        if !mirrored.is_empty() {
            let cost = self.s.mirror_cost.to_string();
            notes.push(fill(&words.mirror_cost, &[("share", &cost)]));
        }
        notes.extend(self.not_marked(&truth, a.difference(&b)));
        (share, points, notes)
    }

    /// The first few of the patient's places the trainee did not mark,
    /// each with its symptoms: "left shin (pain)".
    fn not_marked<'a>(
        &self,
        truth: &BodyMarks,
        places: impl Iterator<Item = &'a String>,
    ) -> Option<String> {
        let words = &self.content.text;
        let places: Vec<&String> = places.collect();
        let named: Vec<String> = places
            .iter()
            .take(self.s.not_marked_shown)
            .map(|r| {
                let region = self.content.regions.get(r);
                let label = region.map_or(r.to_string(), |g| g.label.to_lowercase());
                let symptoms = truth.symptoms(r).into_iter().flatten();
                let symptoms: Vec<&str> = symptoms.map(|s| words.body.symptoms.get(*s)).collect();
                format!("{label} ({})", symptoms.join(", ").to_lowercase())
            })
            .collect();
        if named.is_empty() {
            return None;
        }
        let more = places.len() - named.len();
        let mut list = named.join(", ");
        if more > 0 {
            let values = [("places", list.as_str()), ("count", &more.to_string())];
            list = fill(&words.practice.and_more, &values);
        }
        Some(fill(&words.practice.not_marked, &[("places", &list)]))
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
