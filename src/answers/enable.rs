//! Enable logic after one answer: only the items whose condition (or whose
//! section's) reads the changed item are evaluated again, and the items that
//! read those only when they flip. The full evaluation (`Session::enabled`)
//! stays the reference; the tests hold the two to the same answers.

use std::collections::BTreeSet;

use super::Session;
use crate::body::BodyRegions;
use crate::questionnaire::{Item, Questionnaire};

/// Who reads whom in a questionnaire's enable conditions: built once, with
/// the questionnaire, in time and space linear in the conditions.
#[derive(Debug, Clone)]
pub struct EnableIndex {
    /// For each item, the later items whose condition or section's reads it.
    readers: Vec<Vec<usize>>,
    /// For each item, its section and where that section's items start.
    section: Vec<(usize, usize)>,
}

impl EnableIndex {
    pub fn new(q: &Questionnaire) -> Self {
        let len = q.items().count();
        let mut index = Self {
            readers: vec![Vec::new(); len],
            section: Vec::with_capacity(len),
        };
        let mut start = 0;
        for (s, section) in q.sections.iter().enumerate() {
            let span = start..start + section.items.len();
            let read = section.enable_when.iter().flat_map(|c| c.references());
            for (id, _) in read {
                index.add_readers(q, id, start, span.clone());
            }
            for (n, item) in span.clone().zip(&section.items) {
                for (id, _) in item.enable_when.iter().flat_map(|c| c.references()) {
                    index.add_readers(q, id, n, n..n + 1);
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

    /// `readers` read `id` from a condition decided at position `at`: only
    /// an earlier item counts there (the full evaluation sees later ones as
    /// undecided, so off), which also keeps the index free of cycles.
    fn add_readers(
        &mut self,
        q: &Questionnaire,
        id: &str,
        at: usize,
        readers: std::ops::Range<usize>,
    ) {
        if let Some(n) = q.index_of(id).filter(|&n| n < at) {
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
        let Some(start) = q.index_of(changed) else {
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
            |at: usize| move |id: &str| q.index_of(id).is_some_and(|m| m < at && enabled[m]);
        let item: &Item = &section.items[n - start];
        self.holds(section.enable_when.as_ref(), &before(start), regions)
            && self.item_on(item, &before(n), regions)
    }
}

#[cfg(test)]
#[path = "enable_tests.rs"]
mod tests;
