//! A question's words as the matcher compares them: folded, split, typos
//! put right against the words the phrasings use, stemmed, synonyms turned
//! into the phrasings' words and stop words dropped. The phrasings are read
//! the same way but for typos and synonyms, so both sides meet in the same
//! terms.

use std::collections::{BTreeSet, HashSet};

use crate::text::fold;

/// A question's words read at the most: more is not a question, and a
/// pasted page must not take seconds to put right.
pub(super) const QUESTION_WORDS: usize = 64;

/// The words of the phrasings file that shape every question's terms.
#[derive(Debug, Clone, Default)]
pub struct Words {
    stop: HashSet<String>,
    /// Each synonym's stemmed words, and the stems it adds.
    synonyms: Vec<(Vec<String>, Vec<String>)>,
    /// Every word the phrasings use, as typed (folded), for typos.
    known: BTreeSet<String>,
    stems: HashSet<String>,
    /// Words a question may use that are never typos.
    ordinary: HashSet<String>,
}

impl Words {
    pub fn new<'a>(
        stop: impl IntoIterator<Item = &'a String>,
        synonyms: impl IntoIterator<Item = (&'a String, &'a Vec<String>)>,
    ) -> Words {
        let stems = |text: &str| split(text).iter().map(|w| stem(w)).collect();
        let synonyms: Vec<(&String, &Vec<String>)> = synonyms.into_iter().collect();
        Words {
            // A synonym is a word a question may use: not a typo.
            known: synonyms.iter().flat_map(|(k, _)| split(k)).collect(),
            stop: stop.into_iter().map(|w| fold(w)).collect(),
            synonyms: synonyms
                .iter()
                .map(|(key, to)| (stems(key), to.iter().flat_map(|t| stems(t)).collect()))
                .collect(),
            ..Words::default()
        }
    }

    /// Words that are never put right as typos, though no phrasing uses them.
    pub fn ordinary<'a>(&mut self, words: impl IntoIterator<Item = &'a String>) {
        self.ordinary
            .extend(words.into_iter().flat_map(|w| split(w)));
    }

    /// Learns the words of a phrasing, so that a question's typos can be
    /// put right against them.
    pub fn learn(&mut self, phrasing: &str) {
        for word in split(phrasing) {
            self.stems.insert(stem(&word));
            self.known.insert(word);
        }
    }

    /// A phrasing's stemmed terms, stop words left out.
    pub fn plain_terms(&self, text: &str) -> Vec<String> {
        let words = split(text);
        let kept = words.iter().filter(|w| !self.stop.contains(*w));
        kept.map(|w| stem(w)).collect()
    }

    /// A question's terms: typos put right, stemmed, synonyms added, stop
    /// words left out.
    pub fn terms(&self, text: &str) -> Vec<String> {
        let split = split(text).into_iter().take(QUESTION_WORDS);
        let words: Vec<String> = split.map(|w| self.spelt(w)).collect();
        let stems: Vec<String> = words.iter().map(|w| stem(w)).collect();
        let mut terms = self.plain_terms(&words.join(" "));
        for (key, adds) in &self.synonyms {
            if !key.is_empty() && stems.windows(key.len()).any(|w| w == key.as_slice()) {
                // The words the phrasings use stand in for a word they do not.
                terms.retain(|t| !key.contains(t) || self.stems.contains(t));
                terms.extend(adds.iter().cloned());
            }
        }
        terms
    }

    /// Whether any phrasing uses this stem.
    pub fn knows_stem(&self, stem: &str) -> bool {
        self.stems.contains(stem)
    }

    /// A word as typed, or the known word it is a typo of: one slip, never
    /// in the first letter, and never an ordinary word (two slips made
    /// "buttock" into "buttons").
    fn spelt(&self, word: String) -> String {
        let fine = word.chars().count() < 4
            || self.stop.contains(&word)
            || self.ordinary.contains(&word)
            || self.known.contains(&word)
            || self.stems.contains(&stem(&word));
        if fine || self.known.is_empty() {
            return word;
        }
        let length = word.chars().count();
        let first = word.chars().next();
        let nearest = self
            .known
            .iter()
            .filter(|k| k.chars().next() == first && k.chars().count().abs_diff(length) <= 1)
            .map(|k| (slips(&word, k), k))
            .filter(|(d, _)| *d <= 1)
            .min_by_key(|(d, _)| *d);
        nearest.map_or(word, |(_, k)| k.clone())
    }
}

/// Folded (case, accents), apostrophes dropped ("what's" is "whats"),
/// split at anything that is not a letter or a digit.
pub fn split(text: &str) -> Vec<String> {
    let folded: String = fold(text)
        .chars()
        .filter(|c| !matches!(c, '\'' | '’'))
        .collect();
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Light stemming by rule: Harman's S-stemmer for plurals (Harman 1991,
/// "How effective is suffixing?"), then -ing or -ed as in Porter's step 1b
/// (simplified: no measure), a doubled last consonant undone and a last -e
/// dropped, so "tingling", "tingles" and "tingle" meet in "tingl"; and
/// -ness and -ly, so "weakness" meets "weak", "suddenly" "sudden".
pub fn stem(word: &str) -> String {
    let w = plural(word);
    let w = match w.strip_suffix("ness") {
        Some(r) if r.chars().count() >= 3 => r.to_string(),
        _ => w,
    };
    if let Some(r) = short_ending(&w) {
        return r;
    }
    let w = ["ing", "ed"]
        .iter()
        .find_map(|s| {
            w.strip_suffix(s)
                .filter(|r| stem_left(r) && !r.ends_with('e'))
        })
        .or_else(|| adverb(&w))
        .map_or(w.clone(), |r| undouble(r).to_string());
    match w.strip_suffix('e') {
        Some(r) if r.chars().count() >= 3 => r.to_string(),
        _ => w,
    }
}

/// Harman's rules: -ies to -y, -es to -e, -s dropped, each but after
/// certain letters (so "bus", "glass" and "does" keep theirs).
fn plural(w: &str) -> String {
    if w.chars().count() <= 3 {
        return w.to_string();
    }
    let before =
        |rest: &str, letters: &str| rest.chars().last().is_some_and(|c| letters.contains(c));
    // "lies" and "ties" are -ie words, not -y ones.
    let ies = |r: &&str| !before(r, "ae") && r.chars().count() >= 2;
    if let Some(r) = w.strip_suffix("ies").filter(ies) {
        return format!("{r}y");
    }
    if let Some(r) = w.strip_suffix("es").filter(|r| !before(r, "aeo")) {
        return format!("{r}e");
    }
    match w.strip_suffix('s').filter(|r| !before(r, "us")) {
        Some(r) => r.to_string(),
        None => w.to_string(),
    }
}

/// A short word's -ing or -ed, whose stem keeps its -e or -ie: "using" and
/// "used" to "use", "lying" to "lie" (the final -e is kept, as "use" keeps
/// it: too short to drop).
fn short_ending(w: &str) -> Option<String> {
    if let Some(r) = w
        .strip_suffix("ying")
        .filter(|r| (1..=2).contains(&r.len()))
    {
        return Some(format!("{r}ie"));
    }
    let r = ["ing", "ed"].iter().find_map(|s| w.strip_suffix(s))?;
    let short = r.chars().count() == 2 && !r.ends_with('e');
    short.then(|| format!("{r}e"))
}

/// "suddenly" to "sudden", "gradually" to "gradual" (a stem of four or more).
fn adverb(w: &str) -> Option<&str> {
    let r = w.strip_suffix("ly").filter(|r| r.chars().count() >= 4)?;
    Some(
        r.strip_suffix('l')
            .filter(|r| r.ends_with('l'))
            .unwrap_or(r),
    )
}

/// A stem worth keeping: three letters or more, with a vowel.
fn stem_left(r: &str) -> bool {
    r.chars().count() >= 3 && r.chars().any(|c| "aeiouy".contains(c))
}

/// "stopp" to "stop", but "fall", "pass" and "buzz" keep theirs; a double l
/// after two vowel groups is British spelling: "travell" to "travel".
fn undouble(r: &str) -> &str {
    let mut end = r.chars().rev();
    let single = &r[..r.len().saturating_sub(1)];
    match (end.next(), end.next()) {
        (Some('l'), Some('l')) if vowel_groups(single) >= 2 => single,
        (Some(a), Some(b)) if a == b && !"lszaeiou".contains(a) => &r[..r.len() - a.len_utf8()],
        _ => r,
    }
}

/// How many runs of vowels a word has: about its syllables.
fn vowel_groups(w: &str) -> usize {
    let vowel = |c: char| "aeiouy".contains(c);
    let chars: Vec<char> = w.chars().collect();
    (0..chars.len())
        .filter(|&i| vowel(chars[i]) && (i == 0 || !vowel(chars[i - 1])))
        .count()
}

/// Typing slips between two words: letters left out, added, changed or
/// swapped with the next (optimal string alignment distance).
pub fn slips(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut two_up = vec![0; b.len() + 1];
    let mut up: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (up[j] + 1).min(row[j - 1] + 1).min(up[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(two_up[j - 2] + 1);
            }
        }
        two_up = std::mem::replace(&mut up, row);
    }
    up[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_meet_across_endings() {
        for (words, stem_) in [
            (&["tingling", "tingles", "tingle"][..], "tingl"),
            (&["leaking", "leaked", "leaks", "leak"][..], "leak"),
            (&["stopped", "stop", "stops"][..], "stop"),
            (&["bowels", "bowel"][..], "bowel"),
            (&["injuries", "injury"][..], "injury"),
            (&["coughing", "coughs", "cough"][..], "cough"),
            (
                &["travelling", "traveled", "travel", "travels"][..],
                "travel",
            ),
            (&["using", "used", "use", "uses"][..], "use"),
            (&["lying", "lie", "lies"][..], "lie"),
        ] {
            for w in words {
                assert_eq!(stem(w), stem_, "{w}");
            }
        }
        assert_eq!(stem("numbness"), "numb");
        assert_eq!(stem("suddenly"), "sudden");
        assert_eq!(stem("gradually"), "gradual");
        assert_eq!(stem("falling"), "fall");
        assert_eq!(stem("swelling"), "swell");
        assert_eq!(stem("feeling"), "feel");
        for kept in ["bus", "fall", "red", "need", "early"] {
            assert_eq!(stem(kept), kept);
        }
    }

    #[test]
    fn slips_count_a_swap_as_one() {
        assert_eq!(slips("bladder", "bladder"), 0);
        assert_eq!(slips("bladdr", "bladder"), 1);
        assert_eq!(slips("balddre", "bladder"), 2);
        assert_eq!(slips("fevre", "fever"), 1);
        assert_eq!(slips("", "abc"), 3);
    }

    #[test]
    fn synonyms_add_their_words_and_stop_words_go() {
        let stop = ["any".to_string(), "and".to_string()];
        let syn = [
            ("pins and needles".to_string(), vec!["tingling".to_string()]),
            (
                "waterworks".to_string(),
                vec!["bladder".to_string(), "urine".to_string()],
            ),
        ];
        let mut words = Words::new(&stop, syn.iter().map(|(k, v)| (k, v)));
        words.learn("tingling pins; bladder, urine");
        // A synonym's own words go when no phrasing uses them.
        assert_eq!(words.terms("Any PINS and needles?"), ["pin", "tingl"]);
        assert_eq!(words.terms("waterworks"), ["bladder", "urin"]);
        assert_eq!(words.terms("Fièvre's"), ["fievr"]);
    }

    #[test]
    fn odd_input_reads_without_a_panic() {
        let mut words = Words::new(&[], []);
        words.learn("bladder ǅemal");
        let long = "bladdr ".repeat(10_000);
        for text in [
            "",
            "\0\u{301}ǅ",
            "ÉÉÉly",
            "ssss",
            "llly",
            "💥ing",
            "ing ed es ies",
            &long,
        ] {
            let terms = words.terms(text);
            assert!(terms.len() <= QUESTION_WORDS, "{text:.20}");
        }
    }

    #[test]
    fn typos_are_put_right_only_against_known_words() {
        let mut words = Words::new(&[], []);
        assert_eq!(words.terms("bladdr"), ["bladdr"]);
        words.learn("bladder numbness");
        assert_eq!(words.terms("bladdr numbnes"), ["bladder", "numb"]);
        assert_eq!(words.terms("zebra"), ["zebra"]);
        // One slip only, never in the first letter, never an ordinary word.
        words.learn("buttons");
        assert_eq!(words.terms("buttock"), ["buttock"]);
        assert_eq!(words.terms("vladder"), ["vladder"]);
        words.ordinary(&["numbnss".to_string()]);
        assert_eq!(words.terms("numbnss"), ["numbnss"]);
    }
}
