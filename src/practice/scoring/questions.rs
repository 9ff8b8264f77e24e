//! The history and the warning signs: each item asked, asked only from the
//! list (a hint, worth part of it) or missed, with what the patient would
//! have said; and the critical errors, as an OSCE checklist has them.

use super::{Marked, Marking, Point};
use crate::answers::Answer;
use crate::practice::Part;
use crate::questionnaire::{Item, Kind};
use crate::text::fill;

/// How an item was asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Asked {
    /// In the trainee's own words (or, when nothing else could, the list).
    Own,
    /// Only from the list: a hint.
    Listed,
    Not,
}

impl Marking<'_> {
    /// The core items and the case's essential ones that are not warning
    /// signs.
    pub fn history(&self) -> Marked {
        let items = self.checklist().into_iter();
        self.items(items.filter(|i| !i.red_flag).collect())
    }

    /// What an examiner checks was asked: the core items, the case's own
    /// and every warning sign. The body diagram is the map's skill, not a
    /// question.
    pub(super) fn checklist(&self) -> Vec<&Item> {
        let essential = &self.i.case.essential;
        let wanted =
            |i: &&Item| i.red_flag || essential.contains(&i.id) || self.s.core.contains(&i.id);
        let items = self.q.items().filter(wanted);
        items.filter(|i| !matches!(i.kind, Kind::BodyMap)).collect()
    }

    /// Every warning-sign item of the questionnaire: missed ones the
    /// patient has first, marked as such.
    pub fn warning_signs(&self) -> Marked {
        let mut items = self.warning_items();
        items.sort_by_key(|i| !(self.has(&i.id) && self.asked(&i.id) == Asked::Not));
        self.items(items)
    }

    pub(super) fn warning_items(&self) -> Vec<&Item> {
        let items = self.q.items();
        items
            .filter(|i| i.red_flag && super::super::askable(i))
            .collect()
    }

    pub fn missed_warning_signs(&self) -> Vec<&Item> {
        let items = self.warning_items().into_iter();
        items.filter(|i| !self.i.was_asked(&i.id)).collect()
    }

    /// The share of the essential items and warning signs asked at all.
    pub(super) fn coverage(&self) -> f64 {
        let items = self.checklist();
        let asked = items.iter().filter(|i| self.i.was_asked(&i.id)).count();
        super::share(asked, items.len())
    }

    /// Whether the patient would answer yes to item `id`.
    pub(super) fn has(&self, id: &str) -> bool {
        self.i.case.answers.get(id) == Some(&Answer::YesNo(true))
    }

    fn asked(&self, id: &str) -> Asked {
        let turns = self
            .i
            .turns
            .iter()
            .filter(|t| t.asked.iter().any(|a| a == id));
        let hints: Vec<bool> = turns.map(|t| t.hint).collect();
        match (hints.is_empty(), hints.iter().all(|h| *h)) {
            (true, _) => Asked::Not,
            (false, true) => Asked::Listed,
            (false, false) => Asked::Own,
        }
    }

    /// Each item's point and the skill's share: a hint counts its share of
    /// the item's worth, never less than not asking.
    fn items(&self, items: Vec<&Item>) -> Marked {
        let hint = f64::from(self.s.hint.min(100)) / 100.0;
        let mut worth = 0.0;
        let points = items
            .iter()
            .map(|item| {
                let asked = self.asked(&item.id);
                worth += match asked {
                    Asked::Own => 1.0,
                    Asked::Listed => hint,
                    Asked::Not => 0.0,
                };
                self.item_point(item, asked)
            })
            .collect();
        let share = if items.is_empty() {
            1.0
        } else {
            worth / items.len() as f64
        };
        (share, points, Vec::new())
    }

    fn item_point(&self, item: &Item, asked: Asked) -> Point {
        let words = &self.content.text.practice;
        let question = ("question", item.interviewer_prompt());
        let hint = self.s.hint.to_string();
        let text = match asked {
            Asked::Own => fill(&words.asked_essential, &[question]),
            Asked::Listed => fill(&words.hinted, &[question, ("share", &hint)]),
            Asked::Not if item.red_flag && self.has(&item.id) => {
                fill(&words.missed_has, &[question])
            }
            Asked::Not => fill(&words.missed, &[question]),
        };
        // The real answer, even from a poor historian.
        let said = (asked == Asked::Not).then(|| self.i.case.reply(&item.id, 2, self.voices));
        Point {
            id: item.id.clone(),
            ok: asked == Asked::Own,
            text,
            why: self.why(item),
            said,
        }
    }

    /// Critical errors, in a case with a warning sign: each one the
    /// patient has left unasked, and a wrong next step.
    pub fn critical(&self) -> Vec<Point> {
        let (words, key) = (&self.content.text.practice, &self.i.case.key);
        if !key.red_flags {
            return Vec::new();
        }
        let unasked = self.missed_warning_signs().into_iter();
        let mut points: Vec<Point> = unasked
            .filter(|i| self.has(&i.id))
            .map(|item| Point {
                id: item.id.clone(),
                ok: false,
                text: fill(
                    &words.critical_missed,
                    &[("question", item.interviewer_prompt())],
                ),
                why: self.why(item),
                said: Some(self.i.case.reply(&item.id, 2, self.voices)),
            })
            .collect();
        // Only where the impression asks it (rules with next steps).
        let asked = self.i.questions.iter().any(|q| q.part == Part::NextStep);
        let step = self.i.impression.next_step.as_ref();
        if asked && step != Some(&key.next_step) {
            let name = |v: &str| super::impression::pick(&self.rules.practice.steps, v);
            let yours = step.map_or(words.nothing.clone(), |s| name(s));
            let values = [("yours", yours.as_str()), ("key", &name(&key.next_step))];
            points.push(Point {
                id: "next_step".to_string(),
                ok: false,
                text: fill(&words.critical_step, &values),
                why: None,
                said: None,
            });
        }
        points
    }

    /// Why an item matters, for the trainee: the scoring's teaching line;
    /// without one, a warning sign by the rules' clinical label, else the
    /// questionnaire's own reason.
    fn why(&self, item: &Item) -> Option<String> {
        if let Some(teaching) = self.s.teaching.get(&item.id) {
            return Some(teaching.clone());
        }
        let words = &self.content.text.practice;
        let label = self.rules.labels.get(&item.id).filter(|_| item.red_flag);
        if let Some(label) = label {
            return Some(fill(&words.warning_why, &[("label", label)]));
        }
        Some(item.why.clone()).filter(|w| !w.is_empty())
    }
}
