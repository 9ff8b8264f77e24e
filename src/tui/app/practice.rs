//! Practice mode's screens: a standardized patient's opening words, the
//! interview (a conversation: talk.rs), the trainee's impression and
//! reasoning, and the debrief. Guided (the default), asking a question
//! records the patient's answer; with `manual`, the trainee records it on
//! the questionnaire's own item screen and the debrief checks the record.
//! The answers recorded are the app's session.

use super::talk::{Pick, text_box};
use super::*;
use crate::practice::history::Record;
use crate::practice::{Case, Index, Interview, Made, Scorecard, score};
use crate::report::View as ReportView;

/// Where the trainee is, besides the screen.
#[derive(Debug, Clone)]
pub struct Practice {
    pub interview: Interview,
    /// The questionnaire's phrasings, indexed once; none for a
    /// questionnaire without them, where only the list asks.
    pub index: Option<Index>,
    /// The question being typed.
    pub question: Editor,
    /// A list over the conversation, if one is open.
    pub pick: Option<Pick>,
    /// Where the list of questions was left, to open it there again.
    pub listed: usize,
    /// How many lines the conversation is scrolled up from its newest.
    pub talk_scroll: u16,
    /// The body diagram on screen is the trainee's map (Esc keeps it).
    pub mapping: bool,
    /// The reasoning being typed, after the impression.
    pub reasoning: Editor,
    /// The impression's choice under the cursor, once pointed at: Enter
    /// alone must not answer for the trainee.
    pub choice: Option<usize>,
    /// How far the debrief is scrolled.
    pub scroll: u16,
    /// The answer of the item being recorded before, for Esc to put back.
    before: Option<Answer>,
    /// The score and the debrief, once the impression is given.
    pub scored: Option<Scorecard>,
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
        let index = crate::content::phrasings_for(&app.questionnaire).map(|p| Index::new(&p));
        app = app.with_rules(rules);
        app.interviewer = true;
        app.practice = Some(Box::new(Practice {
            interview,
            index,
            question: text_box(),
            pick: None,
            listed: 0,
            talk_scroll: 0,
            mapping: false,
            reasoning: text_box(),
            choice: None,
            scroll: 0,
            before: None,
            scored: None,
            debrief: None,
        }));
        app.screen = Screen::Opening;
        app
    }

    /// The questions the trainee can ask, in the alphabetical order of
    /// their wording: the questionnaire's order would group the warning
    /// signs together, and so point at them.
    pub fn interview_items(&self) -> Vec<&Item> {
        let mut items: Vec<&Item> = self
            .questionnaire
            .items()
            .filter(|i| crate::practice::askable(i))
            .collect();
        items.sort_by_cached_key(|i| crate::text::fold(i.interviewer_prompt()));
        items
    }

    pub(super) fn practising(&mut self) -> Option<&mut Practice> {
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

    /// Opens item `n`'s own screen to record its answer.
    pub(super) fn open_recording(&mut self, n: usize) {
        let before = self.session.get(&self.item(n).id).cloned();
        if let Some(p) = self.practising() {
            p.before = before;
        }
        self.open_item(n);
    }

    /// Leaving the item, forward or back, keeps what was recorded.
    pub(super) fn end_recording(&mut self) {
        if let Some(p) = self.practising() {
            p.mapping = false;
        }
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
        self.refresh_enabled(&id);
        self.end_recording();
    }

    /// Esc in practice mode: cancel a recording, leave from the debrief,
    /// and elsewhere ask first.
    pub(super) fn leave_practice_screen(&mut self) {
        match self.screen {
            // The trainee's map is theirs: Esc keeps it.
            Screen::Item(_) if self.practice.as_deref().is_some_and(|p| p.mapping) => {
                self.end_recording()
            }
            Screen::Item(n) => self.cancel_recording(n),
            // Esc over a list: back to typing (what a question meant: none).
            Screen::Interview if self.practice.as_deref().is_some_and(|p| p.pick.is_some()) => {
                self.set_pick(None)
            }
            Screen::Debrief => self.leave(),
            _ => self.dialog = Some(Dialog::ConfirmQuit),
        }
    }

    /// Impression question `n`, or the reasoning when there is none left;
    /// the cursor on the choice given before, if any.
    pub(super) fn open_impression(&mut self, n: usize) {
        let Some(p) = self.practising() else { return };
        p.choice = given(&p.interview, n);
        if n < p.interview.questions.len() {
            self.open(Screen::Impression(n));
        } else {
            self.open(Screen::Reasoning);
        }
    }

    /// Where impression question `n`'s choices are, each wrapped to the
    /// body's width (beside the pointer) and scrolled to the cursor.
    pub fn impression_rows(&self, n: usize, area: Rect) -> (layout::ChoiceRows, Vec<Vec<String>>) {
        let body = layout::Frame::new(area).body;
        let width = (body.width as usize).saturating_sub(3);
        let p = self.practice.as_deref();
        let lines: Vec<Vec<String>> =
            p.and_then(|p| p.interview.questions.get(n))
                .map_or(Vec::new(), |q| {
                    q.choices
                        .iter()
                        .map(|(_, w)| layout::wrap(w, width))
                        .collect()
                });
        let heights = lines.iter().map(|l| l.len().max(1) as u16).collect();
        let cursor = p.and_then(|p| p.choice).unwrap_or(0);
        (layout::ChoiceRows::under(body, 2, cursor, heights), lines)
    }

    /// Why the trainee concluded what they did, typed; Enter goes on to
    /// the debrief.
    pub(super) fn update_reasoning(&mut self, msg: Msg) {
        let Some(p) = self.practising() else { return };
        match msg {
            Msg::Edit(request) => {
                p.reasoning.edit(request);
            }
            Msg::Paste(text) => super::talk::paste(&mut p.reasoning, &text),
            Msg::Confirm => {
                let typed = p.reasoning.typed().unwrap_or_default().trim().to_string();
                p.interview.reasoning = typed;
                self.finish_practice();
            }
            Msg::Back => {
                let last = p.interview.questions.len();
                match last.checked_sub(1) {
                    Some(n) => self.open_impression(n),
                    None => self.open(Screen::Interview),
                }
            }
            _ => {}
        }
    }

    pub(super) fn update_impression(&mut self, n: usize, msg: Msg) {
        let (rows, _) = self.impression_rows(n, self.area);
        let Some(p) = self.practising() else { return };
        let count = p.interview.questions.get(n).map_or(0, |q| q.choices.len());
        let last = count.saturating_sub(1);
        match (msg, p.choice) {
            // The first arrow points at the first choice; later ones move.
            (Msg::Up | Msg::Down | Msg::Home, None) if count > 0 => p.choice = Some(0),
            (Msg::End, _) if count > 0 => p.choice = Some(last),
            (Msg::Home, Some(_)) => p.choice = Some(0),
            (Msg::Up, Some(c)) => p.choice = Some(c.saturating_sub(1)),
            (Msg::Down, Some(c)) => p.choice = Some((c + 1).min(last)),
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
            (Msg::Click { column, row }, _) => {
                if let Some(c) = rows.hit(column, row, count) {
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
        let map = self.trainee_map();
        if let Some(p) = self.practising() {
            p.interview.map = map;
        }
        let Some(p) = self.practice.as_deref() else {
            return;
        };
        let i = &p.interview;
        let seconds = now.saturating_sub(i.started);
        let (q, rules) = (&self.questionnaire, self.rules());
        let scored = score(i, seconds, q, rules, &self.content);
        let made = Made {
            interview: i,
            q,
            rules,
            card: &scored,
            recorded: i.manual.then_some(&self.session),
        };
        let debrief = made.view(&self.content);
        // Every debrief reached is kept in the student's history.
        let record = Record::new(&i.case.id, now, &scored);
        let text = crate::export::markdown::view(&debrief, &self.content);
        self.effects.push(Effect::KeepDebrief { record, text });
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

/// The choice the trainee gave to impression question `n`, if any.
fn given(interview: &Interview, n: usize) -> Option<usize> {
    use crate::practice::Part;
    let q = interview.questions.get(n)?;
    let i = &interview.impression;
    let value = match q.part {
        Part::RedFlags => i.red_flags.map(|y| if y { "yes" } else { "no" }),
        Part::Level => i.level.as_deref(),
        Part::Side => i.side.as_deref(),
        Part::NextStep => i.next_step.as_deref(),
    }?;
    q.choices.iter().position(|(v, _)| v == value)
}
