//! The history and the warning signs: each item asked or missed, with what
//! the patient would have said; and what a hint costs.

use super::{Marked, Marking, Point, SkillScore, share};
use crate::questionnaire::Item;
use crate::text::fill;

impl Marking<'_> {
    /// The case's essential items that are not warning signs.
    pub fn history(&self) -> Marked {
        let items = self.i.case.essential(self.q);
        self.items(items.into_iter().filter(|i| !i.red_flag).collect())
    }

    /// Every warning-sign item of the questionnaire.
    pub fn warning_signs(&self) -> Marked {
        self.items(self.warning_items())
    }

    fn warning_items(&self) -> Vec<&Item> {
        let items = self.q.items();
        items
            .filter(|i| i.red_flag && super::super::askable(i))
            .collect()
    }

    pub fn missed_warning_signs(&self) -> Vec<String> {
        let items = self.warning_items().into_iter();
        items
            .filter(|i| !self.i.was_asked(&i.id))
            .map(|i| i.id.clone())
            .collect()
    }

    fn items(&self, items: Vec<&Item>) -> Marked {
        let words = &self.content.text.practice;
        let asked = items.iter().filter(|i| self.i.was_asked(&i.id)).count();
        let points = items
            .iter()
            .map(|item| {
                let ok = self.i.was_asked(&item.id);
                let template = if ok {
                    &words.asked_essential
                } else {
                    &words.missed
                };
                // The real answer, even from a poor historian.
                let said = (!ok).then(|| self.i.case.reply(&item.id, 2, self.voices));
                Point {
                    id: item.id.clone(),
                    ok,
                    text: fill(template, &[("question", item.interviewer_prompt())]),
                    why: Some(item.why.clone()).filter(|w| !w.is_empty()),
                    said,
                }
            })
            .collect();
        (share(asked, items.len()), points, Vec::new())
    }

    /// Each item asked from the list costs points of the skill it counts
    /// in: the warning signs for a warning sign, the history otherwise.
    pub fn hints(&self, skills: &mut [SkillScore]) {
        let words = &self.content.text.practice;
        let cost = self.s.hint;
        for id in self.i.hints() {
            let Some(item) = self.q.item(id) else {
                continue;
            };
            let skill = if item.red_flag {
                "warning_signs"
            } else {
                "history"
            };
            let Some(skill) = skills.iter_mut().find(|s| s.id == skill) else {
                continue;
            };
            skill.got = skill.got.saturating_sub(cost);
            let values = [
                ("question", item.interviewer_prompt()),
                ("points", &cost.to_string()),
            ];
            skill.points.push(Point {
                id: id.to_string(),
                ok: false,
                text: fill(&words.hinted, &values),
                why: None,
                said: None,
            });
        }
    }
}
