//! Finding a region by name: "calf", "big toe", or the first letters of
//! its words ("ltf" for the left thigh, front), so that a patient reaches
//! any place in a few keys instead of hunting with the arrows.

use super::{BodyRegions, Region};

/// The regions that match `query`, best first. A region matches when each
/// word of the query begins a word of its label (or of its `also` words);
/// failing that, when the query's letters begin its label's words in order.
/// The query's words together in the label beat whole words in the label
/// ("upper back" finds the upper back before the upper arm's back), which
/// beat whole words of `also`, which beat beginnings; shorter labels come
/// first, so "calf" puts the calf before the calf's outer side.
pub fn search(table: &BodyRegions, query: &str) -> Vec<usize> {
    let query: Vec<String> = words(query).collect();
    if query.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<(u8, usize, usize, usize)> = table
        .regions
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let rank = rank(r, &query)?;
            Some((rank, r.label.len(), i, i))
        })
        .collect();
    found.sort_unstable();
    found.into_iter().map(|(.., i)| i).collect()
}

/// How well a region matches (lower is better), or `None`.
fn rank(region: &Region, query: &[String]) -> Option<u8> {
    let label: Vec<String> = words(&region.label).collect();
    let also = region.also.iter().flat_map(|a| words(a));
    let all: Vec<String> = label.iter().cloned().chain(also).collect();
    let begins = |q: &String| all.iter().any(|w| w.starts_with(q.as_str()));
    if query.iter().all(begins) {
        let together = label.windows(query.len()).any(|w| w == query);
        let in_label = query.iter().all(|q| label.contains(q));
        let whole = query.iter().all(|q| all.contains(q));
        return Some(match (together, in_label, whole) {
            (true, ..) => 0,
            (false, true, _) => 1,
            (false, false, true) => 2,
            _ => 3,
        });
    }
    match query {
        [letters] if letters.len() > 1 && initials(letters, &label) => Some(4),
        _ => None,
    }
}

/// Whether `letters` are the first letters of some of `words`, in order.
fn initials(letters: &str, words: &[String]) -> bool {
    let mut words = words.iter();
    letters.chars().all(|c| words.any(|w| w.starts_with(c)))
}

/// The lowercase words of a text: letters and digits, nothing else.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(query: &str) -> Vec<String> {
        let t = BodyRegions::builtin();
        search(t, query)
            .into_iter()
            .map(|i| t.regions[i].id.clone())
            .collect()
    }

    #[test]
    fn finds_by_a_word_a_beginning_or_initials() {
        assert_eq!(ids("calf")[..2], ["left_calf", "right_calf"]);
        assert_eq!(ids("big toe"), ["left_big_toe", "right_big_toe"]);
        assert_eq!(ids("HEEL"), ["left_heel", "right_heel"]);
        assert_eq!(ids("ltf")[0], "left_thigh_front");
        let upper_back = ids("upper back");
        assert_eq!(upper_back[0], "upper_back", "the words together first");
        assert_eq!(
            upper_back[1], "left_shoulder_back",
            "then both in the label"
        );
        assert!(ids("").is_empty() && ids("zzz").is_empty());
    }

    #[test]
    fn every_word_of_every_label_finds_its_region() {
        let t = BodyRegions::builtin();
        for (i, r) in t.regions.iter().enumerate() {
            for w in words(&r.label) {
                assert!(search(t, &w).contains(&i), "\"{w}\" misses {}", r.id);
            }
        }
    }

    /// The fewest keys that put the cursor on each region by searching: the
    /// search key, then letters until it is the first match (the cursor
    /// follows the first), or letters and the digit of its place in the
    /// list of nine.
    #[test]
    fn every_region_is_reached_in_at_most_four_keys_by_name() {
        let t = BodyRegions::builtin();
        let mut best = vec![usize::MAX; t.regions.len()];
        let letters: Vec<char> = ('a'..='z').collect();
        let mut queries: Vec<String> = letters.iter().map(|c| c.to_string()).collect();
        for _ in 0..2 {
            let longer: Vec<String> = queries
                .iter()
                .filter(|q| q.len() == queries.last().map_or(0, String::len))
                .flat_map(|q| letters.iter().map(move |c| format!("{q}{c}")))
                .collect();
            queries.extend(longer);
        }
        for q in &queries {
            for (place, r) in search(t, q).into_iter().enumerate().take(9) {
                let keys = 1 + q.len() + usize::from(place > 0);
                best[r] = best[r].min(keys);
            }
        }
        for (r, keys) in best.iter().enumerate() {
            assert!(*keys <= 4, "{} takes {keys} keys", t.regions[r].id);
        }
    }
}
