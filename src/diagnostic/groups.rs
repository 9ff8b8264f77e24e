//! Byte offsets grouped by a key (a literal's text, an id), each group in
//! source order, in two allocations: a large file's 100,000 literals make
//! no 100,000 small vectors, and the keys are hashed with a fast hash.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

pub struct Groups<K> {
    /// Each key's group number.
    keys: HashMap<K, usize, BuildHasherDefault<Fx>>,
    /// Where each group starts in `offsets` (one more entry: the end).
    starts: Vec<usize>,
    offsets: Vec<usize>,
}

impl<K: Hash + Eq> Groups<K> {
    /// Groups `(key, offset)` pairs given in source order.
    pub fn new(pairs: impl Iterator<Item = (K, usize)>) -> Self {
        let mut keys = HashMap::default();
        let numbered: Vec<(usize, usize)> = pairs
            .map(|(key, at)| {
                let next = keys.len();
                (*keys.entry(key).or_insert(next), at)
            })
            .collect();
        // A counting sort by group keeps each group in source order.
        let mut starts = vec![0; keys.len() + 1];
        for &(group, _) in &numbered {
            starts[group + 1] += 1;
        }
        for n in 1..starts.len() {
            starts[n] += starts[n - 1];
        }
        let mut fill = starts.clone();
        let mut offsets = vec![0; numbered.len()];
        for (group, at) in numbered {
            offsets[fill[group]] = at;
            fill[group] += 1;
        }
        Self {
            keys,
            starts,
            offsets,
        }
    }

    /// The offsets of `key`, in source order.
    pub fn get(&self, key: &K) -> Option<&[usize]> {
        let &group = self.keys.get(key)?;
        Some(&self.offsets[self.starts[group]..self.starts[group + 1]])
    }
}

/// FxHash, as in rustc: keys are short and come from the user's own file,
/// so speed matters more than SipHash's defence against crafted keys.
#[derive(Default)]
pub struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(n.into());
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_group_keeps_source_order() {
        let g = Groups::new([("a", 1), ("b", 2), ("a", 5), ("c", 7), ("a", 9)].into_iter());
        assert_eq!(g.get(&"a"), Some(&[1, 5, 9][..]));
        assert_eq!(g.get(&"b"), Some(&[2][..]));
        assert_eq!(g.get(&"z"), None);
    }
}
