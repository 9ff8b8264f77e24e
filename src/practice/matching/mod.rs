//! Ask in your own words: a typed question matched to the questionnaire
//! items (and interview topics) it covers, through the phrasings and
//! synonyms kept as data (questionnaires/back-pain-phrasings.ron).
//!
//! Each phrasing is a document of stemmed terms weighted by TF-IDF and
//! normalised, indexed once by term (a question's synonyms are turned into
//! the phrasings' words, so the phrasings need none). A question scores
//! each phrasing by cosine over the postings of its own terms: the cost is
//! those postings, at most every phrasing.

mod phrasings;
mod words;

pub use phrasings::{Phrasings, TOPIC};
pub use words::{Words, slips, split, stem};

use crate::text::fold;

use std::collections::{HashMap, HashSet};

/// An item or topic and how well a question matched it (0 to 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub id: String,
    pub score: f32,
}

/// What a question matched.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Matched {
    /// Every item with any word in common, best first.
    pub ranked: Vec<Match>,
    /// The best is above the floor and ahead of the next item not
    /// covered by the margin; if not, the screen offers some to confirm.
    pub sure: bool,
    /// The items the question asks: the best, and any close to it and at
    /// the floor, each through a word that is not generic.
    pub covered: Vec<String>,
    /// The ranked items worth offering to confirm, best first: at `offer`
    /// or above, through a word that is not generic ("trouble with your
    /// foot?" offers no bowel question for its "trouble").
    pub offered: Vec<String>,
}

/// The phrasings indexed for matching: built once, when they are loaded.
#[derive(Debug, Clone)]
pub struct Index {
    words: Words,
    /// Item or topic id of each phrasing.
    owners: Vec<String>,
    /// Term to (phrasing, weight in its normalised vector).
    postings: HashMap<String, Vec<(usize, f32)>>,
    idf: HashMap<String, f32>,
    /// The weight of a term no phrasing has: the rarest kind, so a
    /// question's unknown words weigh against a match.
    unknown_idf: f32,
    floor: f32,
    margin: f32,
    offer: f32,
    covered: f32,
    own_part: f32,
    /// Stems that ask nothing by themselves ("problem", "weak").
    generic: HashSet<String>,
    /// A topic, and its cues as stemmed words in order.
    cues: Vec<(String, Vec<Vec<String>>)>,
    /// Items one question asks together.
    together: Vec<Vec<String>>,
}

impl Index {
    pub fn new(p: &Phrasings) -> Index {
        let words = p.words();
        let docs: Vec<(&String, Vec<String>)> = p
            .phrasings
            .iter()
            .flat_map(|(id, texts)| texts.iter().map(move |t| (id, t)))
            .map(|(id, t)| (id, words.plain_terms(t)))
            .collect();
        let mut df: HashMap<&str, usize> = HashMap::new();
        for (_, terms) in &docs {
            let mut seen: Vec<&String> = terms.iter().collect();
            seen.sort();
            seen.dedup();
            for t in seen {
                *df.entry(t).or_default() += 1;
            }
        }
        let n = docs.len() as f32;
        let idf: HashMap<String, f32> = df
            .iter()
            .map(|(t, d)| (t.to_string(), (1.0 + n / *d as f32).ln()))
            .collect();
        let mut postings: HashMap<String, Vec<(usize, f32)>> = HashMap::new();
        for (doc, (_, terms)) in docs.iter().enumerate() {
            for (term, w) in weights(terms, |t| idf.get(t).copied().unwrap_or(0.0)) {
                postings.entry(term).or_default().push((doc, w));
            }
        }
        Index {
            words,
            owners: docs.iter().map(|(id, _)| id.to_string()).collect(),
            postings,
            idf,
            unknown_idf: (1.0 + n).ln(),
            floor: p.floor,
            margin: p.margin,
            offer: p.offer,
            covered: p.covered,
            own_part: p.own_part,
            generic: p.generic_words.iter().map(|w| stem(&fold(w))).collect(),
            cues: p
                .cues
                .iter()
                .map(|(id, cues)| (id.clone(), cues.iter().map(|c| stems(c)).collect()))
                .collect(),
            together: p.together.clone(),
        }
    }

    /// The items and topics a question asks, ranked. An item scores the
    /// mean of its best phrasing's cosine and the share of the question's
    /// weight its phrasings hold between them: "any bladder problems?" is
    /// asked by the item that speaks of both, though no phrasing has both.
    pub fn ask(&self, question: &str) -> Matched {
        let mut matched = self.rank(question);
        if let Some(topic) = self.cued(question) {
            matched.ranked.retain(|m| m.id != topic);
            let sure = Match {
                id: topic.to_string(),
                score: 1.0,
            };
            matched.ranked.insert(0, sure);
            matched.covered = vec![topic.to_string()];
            matched.offered = vec![topic.to_string()];
            matched.sure = true;
        }
        // Asking one of items asked together asks them all.
        let mates: Vec<String> = (self.together.iter())
            .filter(|group| group.iter().any(|id| matched.covered.contains(id)))
            .flatten()
            .filter(|id| !matched.covered.contains(id))
            .cloned()
            .collect();
        matched.covered.extend(mates);
        matched
    }

    /// The topic whose cue the question says first, if any.
    fn cued(&self, question: &str) -> Option<&str> {
        let said = stems(question);
        let at = |cue: &Vec<String>| {
            let n = cue.len().max(1);
            said.windows(n).position(|w| w == cue.as_slice())
        };
        self.cues
            .iter()
            .filter_map(|(id, cues)| cues.iter().filter_map(at).min().map(|i| (i, id)))
            .min()
            .map(|(_, id)| id.as_str())
    }

    /// The items and topics by their phrasings' words alone.
    fn rank(&self, question: &str) -> Matched {
        let terms = self.words.terms(question);
        let idf = |t: &str| self.idf.get(t).copied().unwrap_or(self.unknown_idf);
        let mut cosine: HashMap<usize, f32> = HashMap::new();
        let mut share: HashMap<&str, f32> = HashMap::new();
        // The question's terms each item holds.
        let mut held: HashMap<&str, HashSet<String>> = HashMap::new();
        let weighted = weights(&terms, idf);
        // The question's generic words some phrasing uses.
        let generic: Vec<&String> = weighted
            .iter()
            .map(|(t, _)| t)
            .filter(|t| self.generic.contains(*t) && self.postings.contains_key(*t))
            .collect();
        for (term, w) in weighted.iter().cloned() {
            let mut counted: Vec<&str> = Vec::new();
            for &(doc, dw) in self.postings.get(&term).into_iter().flatten() {
                *cosine.entry(doc).or_default() += w * dw;
                let owner = self.owners[doc].as_str();
                held.entry(owner).or_default().insert(term.clone());
                if !counted.contains(&owner) {
                    counted.push(owner);
                    *share.entry(owner).or_default() += w * w;
                }
            }
        }
        let mut best: HashMap<&str, f32> = HashMap::new();
        for (doc, score) in cosine {
            let item = best.entry(&self.owners[doc]).or_default();
            *item = item.max(score);
        }
        let mut ranked: Vec<Match> = best
            .into_iter()
            .map(|(id, cos)| Match {
                id: id.to_string(),
                score: (cos + share[id]) / 2.0,
            })
            .collect();
        ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
        let none = HashSet::new();
        let held = |id: &str| held.get(id).unwrap_or(&none);
        // An item asks the question through a word that is not generic,
        // and through two, or speaks of the question's generic words too:
        // "any weakness?" and "any weight changes?" name no item, however
        // well they score.
        let asks = |m: &Match| {
            let h = held(&m.id);
            let specific = h.iter().filter(|t| !self.generic.contains(*t)).count();
            specific >= 2
                || (specific == 1 && (generic.is_empty() || generic.iter().any(|g| h.contains(*g))))
        };
        let top = ranked.first().map_or(0.0, |m| m.score);
        let found = top > 0.0 && top >= self.floor && ranked.first().is_some_and(asks);
        let best = ranked.first().map_or(&none, |m| held(&m.id));
        // Another item is covered when it is close, and asks a part of
        // the question the best does not, of some weight: "any bladder or
        // bowel trouble?", but not the "how" of "how can I help?".
        let also = |m: &Match| {
            let own: f32 = held(&m.id)
                .iter()
                .filter(|t| !self.generic.contains(*t) && !best.contains(*t))
                .filter_map(|t| weighted.iter().find(|(w, _)| w == t))
                .map(|(_, w)| w * w)
                .sum();
            m.score >= self.floor
                && m.score >= top * self.covered
                && asks(m)
                && own >= self.own_part
        };
        let covered: Vec<String> = ranked
            .iter()
            .enumerate()
            .filter(|(i, m)| found && (*i == 0 || also(m)))
            .map(|(_, m)| m.id.clone())
            .collect();
        let specific = |m: &Match| held(&m.id).iter().any(|t| !self.generic.contains(t));
        let offered = ranked
            .iter()
            .filter(|m| m.score >= self.offer && specific(m))
            .map(|m| m.id.clone())
            .collect();
        // Items that between them hold every specific word of the question
        // some phrasing knows are sure together ("any numbness or
        // tingling?"): the margin is over the best item not covered.
        let known = |t: &&String| !self.generic.contains(*t) && self.postings.contains_key(*t);
        let whole = covered.len() > 1
            && (weighted.iter().map(|(t, _)| t).filter(known))
                .all(|t| covered.iter().any(|c| held(c).contains(t)));
        let next = match whole {
            true => ranked.iter().find(|m| !covered.contains(&m.id)),
            false => ranked.get(1),
        };
        Matched {
            sure: found && top - next.map_or(0.0, |m| m.score) >= self.margin,
            covered,
            offered,
            ranked,
        }
    }
}

/// A text's words, folded and stemmed, stop words kept: how a cue is said.
fn stems(text: &str) -> Vec<String> {
    split(text)
        .iter()
        .take(words::QUESTION_WORDS)
        .map(|w| stem(w))
        .collect()
}

/// Terms weighted (1 + ln tf) * idf and normalised to length 1.
fn weights(terms: &[String], idf: impl Fn(&str) -> f32) -> Vec<(String, f32)> {
    let mut tf: HashMap<&str, f32> = HashMap::new();
    for t in terms {
        *tf.entry(t).or_default() += 1.0;
    }
    let raw: Vec<(String, f32)> = tf
        .into_iter()
        .map(|(t, n)| (t.to_string(), (1.0 + n.ln()) * idf(t)))
        .collect();
    let norm = raw.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm == 0.0 {
        return Vec::new();
    }
    raw.into_iter().map(|(t, w)| (t, w / norm)).collect()
}
