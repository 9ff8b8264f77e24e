//! The answers read back before the summary, numbered as the review screen
//! lists them, a page at a time: Enter reads on, "change 3" goes back to
//! that question (then back here), "done" on to the summary.

use super::{Linear, Stage};
use crate::text::{fill, same};
use crate::tui::app::ReviewRow;

/// How many answers are read back at a time: a screen reader reads the
/// terminal's rows as they change, and a longer list scrolls past unheard.
const PAGE: usize = 10;

impl Linear {
    /// Every question asked, with its answer as the review screen says it:
    /// from the page an answer was changed on, if one was.
    pub(super) fn review(&mut self, out: &mut Vec<String>) {
        out.push(self.words().review_start.clone());
        self.review_page(self.review_at, out);
    }

    /// A page of the list, numbered from `from` + 1.
    pub(super) fn review_page(&mut self, from: usize, out: &mut Vec<String>) {
        self.stage = Stage::Review(from);
        self.reviewing = true;
        let reviewed = self.reviewed();
        for (at, &n) in reviewed.iter().enumerate().skip(from).take(PAGE) {
            let (answer, _) = self.app.review_answer(n);
            let question = self.app.prompt(self.app.item(n));
            let at = (at + 1).to_string();
            let line = [
                ("n", at.as_str()),
                ("question", question),
                ("answer", &answer),
            ];
            out.push(fill(&self.words().review_item, &line));
        }
        let w = self.words();
        let more = from + PAGE < reviewed.len();
        out.push(self.review_words(if more { &w.review_more } else { &w.review_how }));
    }

    /// The review screen's questions, as item indexes.
    fn reviewed(&self) -> Vec<usize> {
        let rows = self.app.review_rows().into_iter();
        rows.filter_map(|r| match r {
            ReviewRow::Item(n) => Some(n),
            ReviewRow::Finish => None,
        })
        .collect()
    }

    fn review_words(&self, template: &str) -> String {
        let c = &self.words().commands;
        let max = self.reviewed().len().to_string();
        fill(
            template,
            &[("change", &c.change), ("done", &c.done), ("max", &max)],
        )
    }

    /// Enter reads the next page (after the last, the first again);
    /// "change N" asks question N again; "done" reads out the summary.
    pub(super) fn review_input(&mut self, from: usize, line: &str, out: &mut Vec<String>) {
        let c = &self.words().commands;
        if same(line, &c.done) {
            return self.summary(out);
        }
        if line.is_empty() {
            let next = from + PAGE;
            return self.review_page(
                if next < self.reviewed().len() {
                    next
                } else {
                    0
                },
                out,
            );
        }
        let (word, number) = line.split_once(' ').unwrap_or((line, ""));
        let picked = number.trim().parse::<usize>().ok();
        let reviewed = self.reviewed();
        let at = picked.and_then(|p| p.checked_sub(1).and_then(|i| reviewed.get(i)));
        match at {
            Some(&n) if same(word, &c.change) => {
                self.section = None;
                self.review_at = from;
                self.ask(n, out);
            }
            _ if self.command(line, out) => {}
            _ => out.push(self.review_words(&self.words().bad_change)),
        }
    }
}
