//! Item ids to their places, built at the first lookup: an answer, a
//! condition or a finding names its item by id, and walking every item for
//! each made their cost grow with the questionnaire.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Where an item is: its place in questionnaire order, its section and its
/// place in that section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub n: usize,
    pub section: usize,
    pub offset: usize,
}

/// Lazily built; never part of what a questionnaire is (equal, printed,
/// saved), and a copy builds its own.
#[derive(Default)]
pub struct IdIndex(OnceLock<HashMap<String, Place>>);

impl IdIndex {
    /// The place the index gives `id`, building it from `sections` (each
    /// section's item ids, in order) the first time.
    pub fn get<'a, S, I>(&self, id: &str, sections: impl FnOnce() -> S) -> Option<Place>
    where
        S: Iterator<Item = I>,
        I: Iterator<Item = &'a str>,
    {
        let index = self.0.get_or_init(|| {
            let mut map = HashMap::new();
            let mut n = 0;
            for (section, ids) in sections().enumerate() {
                for (offset, id) in ids.enumerate() {
                    // The first of a duplicated id wins, as a walk finds it.
                    let place = Place { n, section, offset };
                    map.entry(id.to_string()).or_insert(place);
                    n += 1;
                }
            }
            map
        });
        index.get(id).copied()
    }
}

impl Clone for IdIndex {
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl PartialEq for IdIndex {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for IdIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("IdIndex")
    }
}
