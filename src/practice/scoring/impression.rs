//! The impression against the case's key, capped when a warning sign was
//! not asked; and the trainee's reasoning, checked simply and honestly for
//! what the key and the rules' evidence say it should name.

use std::collections::BTreeSet;

use super::{Marked, Marking, Point, share};
use crate::practice::Part;
use crate::practice::matching::{split, stem};
use crate::text::{fill, fold};

impl Marking<'_> {
    pub fn impression(&self) -> Marked {
        let words = &self.content.text.practice;
        let missed = self.missed_warning_signs();
        let points: Vec<Point> = self
            .i
            .questions
            .iter()
            .map(|q| self.part(q.part, missed.len()))
            .collect();
        let right = points.iter().filter(|p| p.ok).count();
        let mut share = share(right, points.len());
        let mut notes = Vec::new();
        if !self.critical().is_empty() {
            share = 0.0;
            notes.push(words.critical_zero.clone());
        } else if !missed.is_empty() {
            share = share.min(f64::from(self.s.capped) / 100.0);
            let signs = if missed.len() <= 3 {
                let quoted = missed
                    .iter()
                    .map(|i| format!("\"{}\"", i.interviewer_prompt()));
                quoted.collect::<Vec<_>>().join(", ")
            } else {
                fill(&words.many_signs, &[("count", &missed.len().to_string())])
            };
            let capped = self.s.capped.to_string();
            notes.push(fill(
                &words.capped,
                &[("share", &capped), ("signs", &signs)],
            ));
        }
        (share, points, notes)
    }

    /// One part of the impression: the trainee's choice, the key's, right
    /// or not. "No warning signs" is right only when every one was asked:
    /// the key's answer otherwise, but not earned.
    fn part(&self, part: Part, missed: usize) -> Point {
        let (words, key, i) = (
            &self.content.text.practice,
            &self.i.case.key,
            &self.i.impression,
        );
        let yn = |b: bool| words.yes_no(b).to_string();
        let side = |v: &str| pick(&words.sides, v);
        let step = |v: &str| pick(&self.rules.practice.steps, v);
        let (id, template, yours, truth, ok) = match part {
            Part::RedFlags => (
                "red_flags",
                &words.red_flags,
                i.red_flags.map(yn),
                yn(key.red_flags),
                // "No" is wrong, whatever the key, when one went unasked.
                i.red_flags == Some(key.red_flags) && (key.red_flags || missed == 0),
            ),
            Part::Level => (
                "level",
                &words.level,
                i.level.clone(),
                key.level.clone(),
                i.level
                    .as_ref()
                    .is_some_and(|l| l.eq_ignore_ascii_case(&key.level)),
            ),
            Part::Side => (
                "side",
                &words.side,
                i.side.as_deref().map(side),
                side(&key.side),
                i.side.as_ref() == Some(&key.side),
            ),
            Part::NextStep => (
                "next_step",
                &words.next_step,
                i.next_step.as_deref().map(step),
                step(&key.next_step),
                i.next_step.as_ref() == Some(&key.next_step),
            ),
        };
        let yours = yours.unwrap_or_else(|| words.nothing.clone());
        let unearned = part == Part::RedFlags && !ok && i.red_flags == Some(key.red_flags);
        let template = if unearned {
            &words.not_earned
        } else {
            template
        };
        let all = self.warning_items().len();
        let asked = (all - missed).to_string();
        let values = [
            ("yours", yours.as_str()),
            ("key", &truth),
            ("verdict", words.verdict(ok)),
            ("asked", &asked),
            ("all", &all.to_string()),
        ];
        Point {
            id: id.to_string(),
            ok,
            text: fill(template, &values),
            why: None,
            said: None,
        }
    }

    /// Each part of the reasoning that applies to the case: written at all,
    /// the level and no other, the side and not its opposite, the case's
    /// own warning sign, a specific word of the rules' evidence.
    pub fn reasoning(&self) -> Marked {
        let (key, text) = (&self.i.case.key, &self.i.reasoning);
        let said = split(text);
        let stems: BTreeSet<String> = said.iter().map(|w| stem(w)).collect();
        let has_root = key.level != "none";
        let names = |level: &String| said.contains(&fold(level));
        let other_level = self
            .rules
            .practice
            .levels
            .iter()
            .any(|l| !l.eq_ignore_ascii_case(&key.level) && names(l));
        let side = |s: &str| {
            let terms = self.s.side_terms.get(s);
            terms.is_some_and(|t| t.iter().any(|t| said.contains(&fold(t))))
        };
        let opposite = match key.side.as_str() {
            "left" => side("right"),
            "right" => side("left"),
            _ => false,
        };
        let evidence = self.evidence();
        let mut checks = [
            ("wrote", true, said.len() >= self.s.reasoning_words),
            ("level", has_root, names(&key.level) && !other_level),
            (
                "side",
                has_root && self.s.side_terms.contains_key(&key.side),
                side(&key.side) && !opposite,
            ),
            ("warning", key.red_flags, self.names_warning(text)),
            (
                "evidence",
                has_root && !evidence.is_empty(),
                !evidence.is_disjoint(&stems),
            ),
        ];
        // A reason that names nothing the case has is no reason: length
        // alone earns nothing, where the case has something to name.
        let parts = checks[1..].iter().filter(|(_, applies, _)| *applies);
        let named = parts.clone().count() == 0 || parts.clone().any(|(_, _, ok)| *ok);
        checks[0].2 &= named;
        let words = &self.content.text.practice;
        let points: Vec<Point> = checks
            .into_iter()
            .filter(|(_, applies, _)| *applies)
            .map(|(id, _, ok)| {
                let template = if ok { &words.done } else { &words.not_done };
                let what = self.s.reasoning_parts.get(id).map_or(id, |w| w.as_str());
                Point {
                    id: id.to_string(),
                    ok,
                    text: fill(template, &[("what", what)]),
                    why: None,
                    said: None,
                }
            })
            .collect();
        let right = points.iter().filter(|p| p.ok).count();
        (share(right, points.len()), points, Vec::new())
    }

    /// Whether `text` names a warning sign the patient has, in the
    /// patient's warning words or the rules' clinical label, and does not
    /// deny that there is one.
    fn names_warning(&self, text: &str) -> bool {
        let said = format!(" {} ", split(text).join(" "));
        let has = |t: &String| said.contains(&format!(" {} ", split(t).join(" ")));
        if self.s.denials.iter().any(has) {
            return false;
        }
        let signs = self.warning_items().into_iter().filter(|i| self.has(&i.id));
        let ids: Vec<&String> = signs.map(|i| &i.id).collect();
        let groups = self.voices.warning_words.iter();
        let own = groups.filter(|g| g.items.iter().any(|i| ids.contains(&i)));
        let labels = ids.iter().filter_map(|id| self.rules.labels.get(*id));
        own.flat_map(|g| &g.words).chain(labels).any(has)
    }

    /// The stems of the rules' evidence for their first root: the places
    /// marked, their symptoms, and the strength signs, less common words.
    fn evidence(&self) -> BTreeSet<String> {
        let Some(root) = self.found.roots.first() else {
            return BTreeSet::new();
        };
        let body = &self.content.text.body.symptoms;
        let mut said: Vec<String> = Vec::new();
        for mark in &root.marks {
            let region = self.content.regions.get(&mark.region);
            said.extend(region.map(|r| r.label.clone()));
            said.extend(mark.symptoms.iter().map(|s| body.get(*s).to_string()));
        }
        let signs = root.signs.iter().filter_map(|n| self.rules.signs.get(*n));
        said.extend(signs.map(|s| s.says.clone()));
        let common: Vec<String> = self.s.common_words.iter().map(|w| fold(w)).collect();
        said.iter()
            .flat_map(|s| split(s))
            .filter(|w| !common.contains(w))
            .map(|w| stem(&w))
            .collect()
    }
}

/// The words for value `v` among `(value, words)` pairs (the value itself
/// when it has none).
pub(super) fn pick(pairs: &[(String, String)], v: &str) -> String {
    let found = pairs.iter().find(|(id, _)| id == v);
    found.map_or(v.to_string(), |(_, w)| w.clone())
}
