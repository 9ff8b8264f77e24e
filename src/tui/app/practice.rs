//! Practice mode's screens: a standardized patient's opening words, the
//! interview (any question, in any order, in interviewer wording), the
//! trainee's impression, and the debrief. Guided (the default), asking a
//! question records the patient's answer; with `manual`, the trainee records
//! it on the questionnaire's own item screen and the debrief checks the
//! record. The answers recorded are the app's session.

use super::*;
use crate::practice::{Case, Debrief, Interview, Made, score};
use crate::report::View as ReportView;

/// Where the trainee is, besides the screen.
#[derive(Debug, Clone)]
pub struct Practice {
    pub interview: Interview,
    /// The interview's question under the cursor.
    pub cursor: usize,
    /// The impression's choice under the cursor, once pointed at: Enter
    /// alone must not answer for the trainee.
    pub choice: Option<usize>,
    /// How far the debrief is scrolled.
    pub scroll: u16,
    /// The answer of the item being recorded before, for Esc to put back.
    before: Option<Answer>,
    /// The score and the debrief, once the impression is given.
    pub scored: Option<Debrief>,
    pub debrief: Option<ReportView>,
}

impl App {
    /// Practice mode: a trainee interviews the standardized patient of `case`.
    pub fn practice(
        q: Questionnaire,
        rules: Rules,
        case: Case,
        manual: bool,
        theme: Theme,
        area: Rect,
    ) -> Self {
        let session = Session::new(&q, 0);
        let mut app = App::new(q, session, theme, area);
        let interview = Interview::new(case, &rules, manual, &app.content.text.practice);
        app = app.with_rules(rules);
        app.interviewer = true;
        app.practice = Some(Box::new(Practice {
            interview,
            cursor: 0,
            choice: None,
            scroll: 0,
            before: None,
            scored: None,
            debrief: None,
        }));
        app.screen = Screen::Opening;
        app
    }

    /// The questions the trainee can ask, in questionnaire order.
    pub fn interview_items(&self) -> Vec<&Item> {
        self.questionnaire
            .items()
            .filter(|i| crate::practice::askable(i))
            .collect()
    }

    fn practising(&mut self) -> Option<&mut Practice> {
        self.practice.as_deref_mut()
    }

    pub(super) fn update_opening(&mut self, msg: Msg) {
        if matches!(msg, Msg::Confirm | Msg::Right) {
            let now = (self.clock)();
            if let Some(p) = self.practising() {
                p.interview.started = now;
            }
            self.open(Screen::Interview);
        }
    }

    pub(super) fn update_interview(&mut self, msg: Msg) {
        let last = self.interview_items().len().saturating_sub(1);
        let list = layout::interview_columns(Frame::new(self.area).body)[0];
        let Some(p) = self.practising() else { return };
        let at = |n: usize| n.min(last);
        match msg {
            Msg::Up | Msg::ScrollUp { .. } => p.cursor = p.cursor.saturating_sub(1),
            Msg::Down | Msg::ScrollDown { .. } => p.cursor = at(p.cursor + 1),
            Msg::PageUp => p.cursor = p.cursor.saturating_sub(10),
            Msg::PageDown => p.cursor = at(p.cursor + 10),
            Msg::Home => p.cursor = 0,
            Msg::End => p.cursor = last,
            Msg::Confirm | Msg::Toggle => self.ask_or_record(),
            Msg::Click { column, row } if layout::contains(list, column, row) => {
                let offset = layout::scroll_offset(p.cursor, last + 1, list.height as usize);
                p.cursor = at(offset + usize::from(row - list.y));
                self.ask_or_record();
            }
            Msg::Impression | Msg::Right => self.open_impression(0),
            _ => {}
        }
    }

    /// Enter on a question: ask it; in the manual variant, Enter on one
    /// already asked opens its item screen to record the answer.
    fn ask_or_record(&mut self) {
        let Some(p) = self.practice.as_deref() else {
            return;
        };
        let Some(item) = self.interview_items().get(p.cursor).copied() else {
            return;
        };
        let (id, manual, asked) = (
            item.id.clone(),
            p.interview.manual,
            p.interview.was_asked(&item.id),
        );
        let Some(n) = self.questionnaire.index_of(&id) else {
            return;
        };
        if manual && asked {
            return self.open_recording(n);
        }
        let wording = item.interviewer_prompt().to_string();
        let answer = self.practising().and_then(|p| {
            p.interview
                .ask_listed(&id, &wording, crate::practice::Voices::builtin());
            p.interview.answer_to_record(&id).cloned()
        });
        if manual {
            let words = &self.content.text.practice;
            self.notice = Some(Notice::Info(self.keyed(
                &words.to_record,
                Focus::Other,
                &[],
            )));
        } else if let Some(answer) = answer {
            // Guided: the patient's answer is recorded as they give it.
            self.answer(n, answer);
        }
    }

    /// Opens item `n`'s own screen to record its answer.
    fn open_recording(&mut self, n: usize) {
        let before = self.session.get(&self.item(n).id).cloned();
        if let Some(p) = self.practising() {
            p.before = before;
        }
        self.open_item(n);
    }

    /// Leaving the item, forward or back, keeps what was recorded.
    pub(super) fn end_recording(&mut self) {
        self.open(Screen::Interview);
    }

    /// Esc while recording puts the answer back as it was.
    fn cancel_recording(&mut self, n: usize) {
        let id = self.item(n).id.clone();
        let before = self.practising().and_then(|p| p.before.take());
        self.drafts.remove(&id);
        match before {
            Some(answer) => {
                let _ = self.session.set(&self.questionnaire, &id, answer);
            }
            None => self.session.clear(&id),
        }
        self.enabled = self
            .session
            .enabled(&self.questionnaire, self.content.regions);
        self.end_recording();
    }

    /// Esc in practice mode: cancel a recording, leave from the debrief,
    /// and elsewhere ask first.
    pub(super) fn leave_practice_screen(&mut self) {
        match self.screen {
            Screen::Item(n) => self.cancel_recording(n),
            Screen::Debrief => self.leave(),
            _ => self.dialog = Some(Dialog::ConfirmQuit),
        }
    }

    /// Impression question `n`, or the debrief when there is none left.
    fn open_impression(&mut self, n: usize) {
        let Some(p) = self.practising() else { return };
        p.choice = None;
        if n < p.interview.questions.len() {
            self.open(Screen::Impression(n));
        } else {
            self.finish_practice();
        }
    }

    pub(super) fn update_impression(&mut self, n: usize, msg: Msg) {
        let body = layout::Frame::new(self.area).body;
        let Some(p) = self.practising() else { return };
        let count = p.interview.questions.get(n).map_or(0, |q| q.choices.len());
        match (msg, p.choice) {
            // The first arrow points at the first choice; later ones move.
            (Msg::Up | Msg::Down, None) if count > 0 => p.choice = Some(0),
            (Msg::Up, Some(c)) => p.choice = Some(c.saturating_sub(1)),
            (Msg::Down, Some(c)) => p.choice = Some((c + 1).min(count - 1)),
            (Msg::Confirm, None) => {
                let words = &self.content.text.practice;
                self.notice = Some(Notice::Info(self.keyed(
                    &words.choose_first,
                    Focus::Other,
                    &[],
                )));
            }
            (Msg::Confirm, Some(c)) => {
                p.interview.answer(n, c);
                self.open_impression(n + 1);
            }
            // A click on a choice chooses it, as on a question's list.
            (Msg::Click { column, row }, choice) => {
                let at = layout::ChoiceRows::new(body, choice.unwrap_or(0), count);
                if let Some(c) = at.hit(column, row, count) {
                    p.interview.answer(n, c);
                    self.open_impression(n + 1);
                }
            }
            (Msg::Back | Msg::Left, _) if n == 0 => self.open(Screen::Interview),
            (Msg::Back | Msg::Left, _) => self.open_impression(n - 1),
            _ => {}
        }
    }

    /// Scores the interview and words the debrief.
    fn finish_practice(&mut self) {
        let now = (self.clock)();
        let Some(p) = self.practice.as_deref() else {
            return;
        };
        let i = &p.interview;
        let seconds = now.saturating_sub(i.started);
        let scored = score(
            &i.case,
            &self.questionnaire,
            &i.asked,
            &i.impression,
            seconds,
        );
        let made = Made {
            case: &i.case,
            q: &self.questionnaire,
            rules: self.rules(),
            asked: &i.asked,
            impression: &i.impression,
            debrief: &scored,
            recorded: i.manual.then_some(&self.session),
        };
        let debrief = made.view(&self.content);
        if let Some(p) = self.practising() {
            (p.scored, p.debrief, p.scroll) = (Some(scored), Some(debrief), 0);
        }
        self.open(Screen::Debrief);
    }

    pub(super) fn update_debrief(&mut self, msg: Msg) {
        if msg == Msg::SaveDebrief {
            return self.save_debrief();
        }
        let body = Frame::new(self.area).body;
        let (content, glyphs) = (self.content, self.glyphs);
        let Some(p) = self.practising() else { return };
        let rows = p.debrief.as_ref().map_or(0, |d| {
            layout::report::rows(&d.sections, body.width, None, content, glyphs).len() as u16
        });
        let s = p.scroll;
        p.scroll = match msg {
            Msg::Up | Msg::ScrollUp { .. } => s.saturating_sub(1),
            Msg::Down | Msg::ScrollDown { .. } => s.saturating_add(1),
            Msg::PageUp => s.saturating_sub(10),
            Msg::PageDown | Msg::Toggle => s.saturating_add(10),
            Msg::Home => 0,
            _ => s,
        }
        // Scrolling past the end does nothing.
        .min(rows.saturating_sub(body.height));
    }

    /// Asks the host to save the debrief as Markdown.
    fn save_debrief(&mut self) {
        let now = (self.clock)();
        let Some(p) = self.practice.as_deref() else {
            return;
        };
        let Some(debrief) = &p.debrief else { return };
        let name = format!(
            "practice-debrief-{}-{}.md",
            p.interview.case.id,
            crate::export::time::compact(now)
        );
        let text = crate::export::markdown::view(debrief, &self.content);
        self.effects.push(Effect::SaveDebrief { name, text });
    }
}
