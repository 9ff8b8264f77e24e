//! The structure of the interview (Calgary-Cambridge: an open start, the
//! patient's ideas, concerns and expectations, a summary once there is
//! something to sum up, a close at the end) and the time it took.

use super::{Marked, Marking, Point, Topic, When, share};
use crate::practice::matching::TOPIC;
use crate::text::fill;

impl Marking<'_> {
    pub fn structure(&self) -> Marked {
        let words = &self.content.text.practice;
        let points: Vec<Point> = self
            .s
            .topics
            .iter()
            .map(|t| {
                let ok = self.in_place(t);
                let template = if ok { &words.done } else { &words.not_done };
                Point {
                    id: t.id.clone(),
                    ok,
                    text: fill(template, &[("what", &t.label)]),
                    why: Some(t.why.clone()),
                    said: None,
                }
            })
            .collect();
        let right = points.iter().filter(|p| p.ok).count();
        (share(right, points.len()), points, Vec::new())
    }

    /// Whether topic `t` was asked where it counts, by the turns that asked
    /// something (a question not understood is no step in the interview).
    fn in_place(&self, t: &Topic) -> bool {
        let turns: Vec<&Vec<String>> = self
            .i
            .turns
            .iter()
            .map(|t| &t.asked)
            .filter(|a| !a.is_empty())
            .collect();
        let has = |n: &usize| {
            turns[*n]
                .iter()
                .any(|id| *id == t.id || t.also.contains(id))
        };
        let at: Vec<usize> = (0..turns.len()).filter(has).collect();
        match t.when {
            When::First => at.first() == Some(&0),
            When::Anywhere => !at.is_empty(),
            When::AfterHistory(n) => at.iter().any(|p| {
                let mut items: Vec<&String> = turns[..*p]
                    .iter()
                    .flat_map(|a| a.iter())
                    .filter(|id| !id.starts_with(TOPIC))
                    .collect();
                items.sort();
                items.dedup();
                items.len() >= n
            }),
            When::Last(n) => at.last().is_some_and(|p| p + n >= turns.len()),
        }
    }

    pub fn time(&self, seconds: u64) -> Marked {
        let words = &self.content.text.practice;
        let (band, minutes) = (self.s.time, |s: u64| (s / 60).to_string());
        let text = fill(
            &words.took,
            &[
                ("minutes", &minutes(seconds)),
                ("seconds", &(seconds % 60).to_string()),
                ("full", &minutes(band.full)),
                ("none", &minutes(band.none)),
            ],
        );
        // A short interview that asks nothing earns no time.
        let coverage = self.coverage();
        let share = band.share(seconds) * coverage;
        let point = Point {
            id: "time".to_string(),
            ok: share >= 1.0,
            text,
            why: None,
            said: None,
        };
        let percent = (coverage * 100.0).round().to_string();
        let note = fill(&words.coverage, &[("coverage", &percent)]);
        let notes = if coverage < 1.0 {
            vec![note]
        } else {
            Vec::new()
        };
        (share, vec![point], notes)
    }
}
