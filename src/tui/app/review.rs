//! The welcome, review and summary screens.

use super::*;
use crate::tui::layout::report::Row;

impl App {
    pub(super) fn update_welcome(&mut self, msg: Msg) {
        let frame = Frame::new(self.area);
        if self.update_language(&msg) {
            return;
        }
        match msg {
            Msg::Confirm | Msg::Right => self.begin(),
            Msg::Click { column, row }
                if layout::contains(
                    frame.right_button(&self.words().buttons.start),
                    column,
                    row,
                ) =>
            {
                self.begin()
            }
            Msg::Click { column, row }
                if self.kiosk.is_none()
                    && layout::contains(
                        frame.left_button(&self.words().buttons.leave),
                        column,
                        row,
                    ) =>
            {
                self.ask_to_leave()
            }
            _ => {}
        }
    }

    pub(super) fn update_review(&mut self, msg: Msg) {
        let rows = self.review_rows();
        let last = rows.len() - 1;
        let frame = Frame::new(self.area);
        let list = frame.body;
        let offset = layout::scroll_offset(self.review_cursor, rows.len(), list.height as usize);
        match msg {
            Msg::Up | Msg::ScrollUp { .. } => {
                self.review_cursor = self.review_cursor.saturating_sub(1)
            }
            Msg::Down | Msg::ScrollDown { .. } => {
                self.review_cursor = (self.review_cursor + 1).min(last)
            }
            Msg::PageUp => {
                self.review_cursor = self.review_cursor.saturating_sub(list.height as usize)
            }
            Msg::PageDown => {
                self.review_cursor = (self.review_cursor + list.height as usize).min(last)
            }
            Msg::Home => self.review_cursor = 0,
            Msg::End => self.review_cursor = last,
            Msg::Confirm | Msg::Right => self.review_select(rows[self.review_cursor]),
            Msg::Back | Msg::Left => {
                if let Some(n) = self.enabled_items().last() {
                    self.open_item(n);
                }
            }
            Msg::Click { column, row }
                if layout::contains(
                    frame.right_button(&self.words().buttons.finish),
                    column,
                    row,
                ) =>
            {
                self.review_select(ReviewRow::Finish)
            }
            Msg::Click { column, row }
                if layout::contains(frame.left_button(&self.words().buttons.back), column, row) =>
            {
                self.update_review(Msg::Back)
            }
            Msg::Click { column, row } if layout::contains(list, column, row) => {
                let i = offset + usize::from(row - list.y);
                if i <= last {
                    self.review_cursor = i;
                    self.review_select(rows[i]);
                }
            }
            _ => {}
        }
    }

    pub(crate) fn review_select(&mut self, row: ReviewRow) {
        match row {
            ReviewRow::Item(n) => {
                self.open_item(n);
                self.return_to_review = true;
            }
            ReviewRow::Finish => {
                let missing = self.missing_required();
                if let Some(&first) = missing.first() {
                    let rows = self.review_rows();
                    self.review_cursor = rows
                        .iter()
                        .position(|r| *r == ReviewRow::Item(first))
                        .unwrap_or(0);
                    let count = missing.len();
                    let words = self.words().review.still_open.get(count as u64);
                    let text = self.keyed(words, Focus::Other, &[("count", &count.to_string())]);
                    self.notice = Some(Notice::Error(text));
                } else {
                    self.open(Screen::Summary);
                    let findings = evaluate(
                        &self.questionnaire,
                        &self.session,
                        self.rules(),
                        &self.content,
                    );
                    self.report = Some(self.make_report(&findings));
                    self.findings = Some(findings);
                    self.finished = true;
                }
            }
        }
    }

    pub(super) fn update_summary(&mut self, msg: Msg) {
        // Made once, for the screen reached some other way than Finish.
        if self.report.is_none() {
            self.report = Some(self.summary_report().into_owned());
        }
        if let Msg::Click { column, row } = msg
            && let Some(tab) = self.summary_tab_at(column, row)
        {
            return self.show_summary_tab(tab);
        }
        let frame = Frame::new(self.area);
        let page = frame.body.height.saturating_sub(1);
        match msg {
            Msg::Up | Msg::ScrollUp { .. } => {
                self.summary_scroll = self.summary_scroll.saturating_sub(1)
            }
            Msg::Down | Msg::ScrollDown { .. } => {
                self.summary_scroll = self.summary_scroll.saturating_add(1)
            }
            Msg::PageUp => self.summary_scroll = self.summary_scroll.saturating_sub(page),
            Msg::PageDown | Msg::Toggle => {
                self.summary_scroll = self.summary_scroll.saturating_add(page)
            }
            Msg::Home => self.summary_scroll = 0,
            Msg::NextField => self.show_summary_tab(self.summary_tab.other()),
            Msg::Back | Msg::Left => self.open_review(None),
            Msg::Click { column, row }
                if layout::contains(
                    frame.left_button(&self.words().buttons.review),
                    column,
                    row,
                ) =>
            {
                self.open_review(None)
            }
            Msg::Click { column, row }
                if layout::contains(
                    frame.right_button(&self.words().buttons.done),
                    column,
                    row,
                ) =>
            {
                self.done()
            }
            Msg::Confirm => self.done(),
            _ => {}
        }
        // Clamp so that scrolling past the end does nothing.
        let lines = self.summary_rows(frame.body.width).len() as u16;
        self.summary_scroll = self
            .summary_scroll
            .min(lines.saturating_sub(frame.body.height));
    }

    /// The shown view of the summary as rows for a body `width` wide: the
    /// view draws them, and scrolling stops at their end.
    pub fn summary_rows(&self, width: u16) -> Vec<Row> {
        let report = self.summary_report();
        let view = match self.summary_tab {
            SummaryTab::Patient => &report.patient,
            SummaryTab::Clinician => &report.clinician,
        };
        // Where Done sends the summary, early enough to be read before it.
        layout::report::rows(
            &view.sections,
            width,
            self.done_line().as_deref(),
            self.content,
            self.glyphs,
        )
    }

    /// Where the summary goes when the patient presses Done.
    fn done_line(&self) -> Option<String> {
        let words = &self.words().summary;
        match (&self.kiosk, &self.saves_to) {
            (Some(_), _) => Some(words.done_kiosk.clone()),
            (None, Some(dir)) => Some(crate::text::fill(&words.done_saved, &[("dir", dir)])),
            (None, None) => None,
        }
    }

    /// The summary's view of this tab, from its top.
    fn show_summary_tab(&mut self, tab: SummaryTab) {
        if tab != self.summary_tab {
            self.summary_tab = tab;
            self.summary_scroll = 0;
        }
    }

    /// The summary tab at a cell, as the view places them.
    fn summary_tab_at(&self, column: u16, row: u16) -> Option<SummaryTab> {
        let report = self.summary_report();
        let names = [report.patient.name.as_str(), report.clinician.name.as_str()];
        let tabs = layout::summary_tabs(&Frame::new(self.area), names);
        SummaryTab::ALL
            .into_iter()
            .zip(tabs)
            .find(|(_, r)| layout::contains(*r, column, row))
            .map(|(tab, _)| tab)
    }

    /// Item `n` as the review lists it: its answer as said, or that it is
    /// still open; when open, `Some(whether it is required)`.
    pub fn review_answer(&self, n: usize) -> (String, Option<bool>) {
        let item = self.item(n);
        let words = &self.words().review;
        match self.session.get(&item.id) {
            Some(a) => (a.display(&item.kind, &self.content), None),
            None if item.required => (words.open_required.clone(), Some(true)),
            None => (words.open.clone(), Some(false)),
        }
    }

    /// Done on the summary: the summary is saved; then a kiosk makes way
    /// for the next patient, and elsewhere the program ends.
    pub(crate) fn done(&mut self) {
        self.effects.push(Effect::Finished);
    }
}
