//! Enable logic after one answer: only the items whose condition (or whose
//! section's) reads the changed item are evaluated again, and the items that
//! read those only when they flip. The full evaluation (`Session::enabled`)
//! stays the reference; the tests hold the two to the same answers.

use std::collections::{BTreeSet, HashMap};

use super::Session;
use crate::body::BodyRegions;
use crate::questionnaire::{Item, Questionnaire};

/// Who reads whom in a questionnaire's enable conditions: built once, with
/// the questionnaire, in time and space linear in the conditions.
#[derive(Debug, Clone)]
pub struct EnableIndex {
    /// Item id to its position in questionnaire order.
    position: HashMap<String, usize>,
    /// For each item, the later items whose condition or section's reads it.
    readers: Vec<Vec<usize>>,
    /// For each item, its section and where that section's items start.
    section: Vec<(usize, usize)>,
}

impl EnableIndex {
    pub fn new(q: &Questionnaire) -> Self {
        let position: HashMap<String, usize> = q
            .items()
            .enumerate()
            .map(|(n, i)| (i.id.clone(), n))
            .collect();
        let mut index = Self {
            readers: vec![Vec::new(); position.len()],
            section: Vec::with_capacity(position.len()),
            position,
        };
        let mut start = 0;
        for (s, section) in q.sections.iter().enumerate() {
            let span = start..start + section.items.len();
            let read = section.enable_when.iter().flat_map(|c| c.references());
            for (id, _) in read {
                index.add_readers(id, start, span.clone());
            }
            for (n, item) in span.clone().zip(&section.items) {
                for (id, _) in item.enable_when.iter().flat_map(|c| c.references()) {
                    index.add_readers(id, n, n..n + 1);
                }
                index.section.push((s, start));
            }
            start = span.end;
        }
        index.readers.iter_mut().for_each(|r| {
            r.sort_unstable();
            r.dedup();
        });
        index
    }

    /// Position of an item in questionnaire order, in constant time.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.position.get(id).copied()
    }

    /// `readers` read `id` from a condition decided at position `at`: only
    /// an earlier item counts there (the full evaluation sees later ones as
    /// undecided, so off), which also keeps the index free of cycles.
    fn add_readers(&mut self, id: &str, at: usize, readers: std::ops::Range<usize>) {
        if let Some(n) = self.position(id).filter(|&n| n < at) {
            self.readers[n].extend(readers);
        }
    }
}

impl Session {
    /// Brings `enabled` (this session's, before the answer of `changed`
    /// changed) up to date, evaluating only what can have changed. The same
    /// answers as `enabled`, for a questionnaire whose item ids are unique.
    pub fn update_enabled(
        &self,
        q: &Questionnaire,
        regions: &BodyRegions,
        index: &EnableIndex,
        enabled: &mut [bool],
        changed: &str,
    ) {
        let Some(start) = index.position(changed) else {
            return;
        };
        // In questionnaire order: an item is decided after all it reads.
        let mut due: BTreeSet<usize> = index.readers[start].iter().copied().collect();
        while let Some(n) = due.pop_first() {
            let now = self.decide(q, regions, index, enabled, n);
            if now != enabled[n] {
                enabled[n] = now;
                due.extend(&index.readers[n]);
            }
        }
    }

    /// Whether the item at `n` is enabled, given `enabled` is right before it.
    fn decide(
        &self,
        q: &Questionnaire,
        regions: &BodyRegions,
        index: &EnableIndex,
        enabled: &[bool],
        n: usize,
    ) -> bool {
        let (s, start) = index.section[n];
        let section = &q.sections[s];
        let before =
            |at: usize| move |id: &str| index.position(id).is_some_and(|m| m < at && enabled[m]);
        let item: &Item = &section.items[n - start];
        self.holds(section.enable_when.as_ref(), &before(start), regions)
            && self.item_on(item, &before(n), regions)
    }
}

#[cfg(test)]
#[path = "enable_tests.rs"]
mod tests;
