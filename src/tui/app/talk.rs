//! The practice interview as a conversation: the trainee types a question,
//! the matcher finds what it asks (or offers its best few to confirm), and
//! the patient replies. The list of questions is a hint; the trainee's map
//! is the questionnaire's own body diagram.

use tui_input::Input;

use super::*;
use crate::practice::{CANDIDATES, Put, Voices};

/// The longest typed question or reasoning, in characters.
pub const TYPED_CHARS: usize = 300;

/// A list over the conversation, or none while the trainee types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// What the pending question meant: a candidate, or "none of these"
    /// (the row after the last candidate).
    Meant(usize),
    /// The list of questions, its cursor on this one.
    List(usize),
}

/// An empty text box of typed length.
pub fn text_box() -> Editor {
    Editor::Text {
        input: Input::default(),
        max_len: TYPED_CHARS,
    }
}

/// The keys that answer "Did you mean": move, choose, or Esc for none.
fn answers_meant(msg: &Msg) -> bool {
    matches!(
        msg,
        Msg::Up
            | Msg::Down
            | Msg::Home
            | Msg::End
            | Msg::Confirm
            | Msg::Digit(_)
            | Msg::Click { .. }
            | Msg::ScrollUp { .. }
            | Msg::ScrollDown { .. }
    )
}

/// Pasted text into a typed box: at most a box's worth, without line breaks.
pub(super) fn paste(editor: &mut Editor, text: &str) {
    for c in text.chars().filter(|c| !c.is_control()).take(TYPED_CHARS) {
        editor.edit(tui_input::InputRequest::InsertChar(c));
    }
}

impl App {
    pub(super) fn update_interview(&mut self, msg: Msg) {
        let Some(p) = self.practice.as_deref() else {
            return;
        };
        match (p.pick, msg) {
            // "Did you mean" waits for an answer: keys that are not one
            // do nothing, so nothing typed is taken as a choice.
            (Some(Pick::Meant(_)), msg) if !answers_meant(&msg) => {}
            (_, Msg::Impression) => self.open_impression(0),
            (_, Msg::Map) => self.open_map(),
            (Some(Pick::List(_)), Msg::QuestionList) => self.set_pick(None),
            (_, Msg::QuestionList) => self.set_pick(Some(Pick::List(p.listed))),
            (Some(pick), msg) => self.update_pick(pick, msg),
            (None, msg) => self.update_typing(msg),
        }
    }

    pub(super) fn set_pick(&mut self, pick: Option<Pick>) {
        if let Some(p) = self.practising() {
            // Leaving "Did you mean" unanswered means none of them.
            let meant = |k: Option<Pick>| matches!(k, Some(Pick::Meant(_)));
            if meant(p.pick) && !meant(pick) {
                p.interview.confirm(None, Voices::builtin());
            }
            if let Some(Pick::List(n)) = p.pick {
                p.listed = n;
            }
            p.pick = pick;
            p.talk_scroll = 0;
        }
    }

    fn update_typing(&mut self, msg: Msg) {
        let Some(p) = self.practising() else { return };
        match msg {
            Msg::Edit(request) => {
                p.question.edit(request);
            }
            Msg::Paste(text) => paste(&mut p.question, &text),
            // Bounded (the view itself stops at the first line): a turn
            // is seldom more than 8 lines.
            Msg::PageUp | Msg::ScrollUp { .. } => {
                let most = p.interview.turns.len().saturating_mul(8);
                p.talk_scroll = (p.talk_scroll + 3).min(most.min(9_999) as u16)
            }
            Msg::PageDown | Msg::ScrollDown { .. } => {
                p.talk_scroll = p.talk_scroll.saturating_sub(3)
            }
            Msg::Confirm => self.put_typed(),
            _ => {}
        }
    }

    /// Enter on a typed question: asked when sure, otherwise "Did you mean".
    fn put_typed(&mut self) {
        let Some(p) = self.practising() else { return };
        let question = p.question.typed().unwrap_or_default().trim().to_string();
        let Some(index) = p.index.as_ref() else {
            // Without phrasings, only the list asks.
            let listed = p.listed;
            return self.set_pick(Some(Pick::List(listed)));
        };
        if question.is_empty() {
            return;
        }
        let put = p.interview.put(&question, index, Voices::builtin());
        (p.question, p.talk_scroll) = (text_box(), 0);
        match put {
            Put::Confirm => p.pick = Some(Pick::Meant(0)),
            Put::Asked => self.record_last_turn(),
            Put::Unknown => {}
        }
    }

    fn update_pick(&mut self, pick: Pick, msg: Msg) {
        let rows = self.pick_len(pick);
        let (Pick::Meant(at) | Pick::List(at)) = pick;
        let moved = |to: usize| match pick {
            Pick::Meant(_) => Pick::Meant(to),
            Pick::List(_) => Pick::List(to),
        };
        let last = rows.saturating_sub(1);
        let to = match msg {
            Msg::Up | Msg::ScrollUp { .. } => at.saturating_sub(1),
            Msg::Down | Msg::ScrollDown { .. } => (at + 1).min(last),
            Msg::PageUp => at.saturating_sub(10),
            Msg::PageDown => (at + 10).min(last),
            Msg::Home => 0,
            Msg::End => last,
            Msg::Confirm | Msg::Toggle => return self.pick_chosen(pick),
            // 1 to 3: a candidate by its number.
            Msg::Digit(d) if matches!(pick, Pick::Meant(_)) && d >= 1 && usize::from(d) <= last => {
                return self.pick_chosen(moved(usize::from(d) - 1));
            }
            Msg::Click { column, row } => match self.pick_hit(pick, column, row) {
                Some(n) => return self.pick_chosen(moved(n)),
                None => at,
            },
            Msg::Back | Msg::Left => return self.set_pick(None),
            _ => at,
        };
        if let Some(p) = self.practising() {
            p.pick = Some(moved(to));
        }
    }

    /// How many rows the list has: the candidates and "none", or the questions.
    fn pick_len(&self, pick: Pick) -> usize {
        match pick {
            Pick::Meant(_) => self.candidates().len() + 1,
            Pick::List(_) => self.interview_items().len(),
        }
    }

    /// The pending question's candidates, as ids.
    pub fn candidates(&self) -> Vec<String> {
        self.practice
            .as_deref()
            .and_then(|p| p.interview.pending.as_ref())
            .map_or(Vec::new(), |p| {
                p.candidates.iter().take(CANDIDATES).cloned().collect()
            })
    }

    /// The row of the list under a click, if any.
    fn pick_hit(&self, pick: Pick, column: u16, row: u16) -> Option<usize> {
        let len = self.pick_len(pick);
        self.pick_rows(pick, self.area).hit(column, row, len)
    }

    /// Where the list is drawn: "Did you mean" under the conversation, the
    /// list of questions over it.
    pub fn pick_area(&self, pick: Pick, area: Rect) -> Rect {
        let body = Frame::new(area).body;
        match pick {
            // "Did you mean:", then each candidate and "none".
            Pick::Meant(_) => layout::talk_rows(body, self.pick_len(pick) as u16 + 1)[1],
            Pick::List(_) => body,
        }
    }

    /// The list's rows, under its first line ("Did you mean:" or the
    /// list's title), as the impression's choices are laid out.
    pub fn pick_rows(&self, pick: Pick, area: Rect) -> layout::ChoiceRows {
        let (Pick::Meant(at) | Pick::List(at)) = pick;
        let rows = vec![1; self.pick_len(pick)];
        layout::ChoiceRows::under(self.pick_area(pick, area), 1, at, rows)
    }

    /// A candidate in interviewer wording: an item's, or a topic's words.
    pub fn meant_words(&self, id: &str) -> String {
        match self.questionnaire.item(id) {
            Some(item) => item.interviewer_prompt().to_string(),
            None => self.content.text.practice.talk.topic(id).to_string(),
        }
    }

    fn pick_chosen(&mut self, pick: Pick) {
        match pick {
            Pick::Meant(n) => self.confirm_meant(n),
            Pick::List(n) => self.ask_or_record(n),
        }
    }

    /// The trainee says what the pending question meant (past the
    /// candidates: none of them).
    fn confirm_meant(&mut self, n: usize) {
        let Some(p) = self.practising() else { return };
        let count = p
            .interview
            .pending
            .as_ref()
            .map_or(0, |x| x.candidates.len());
        let choice = (n < count.min(CANDIDATES)).then_some(n);
        p.interview.confirm(choice, Voices::builtin());
        p.pick = None;
        self.record_last_turn();
    }

    /// Enter on the list: ask the question; in the manual variant, Enter on
    /// one already asked opens its item screen to record the answer.
    fn ask_or_record(&mut self, cursor: usize) {
        let Some(p) = self.practice.as_deref() else {
            return;
        };
        let Some(item) = self.interview_items().get(cursor).copied() else {
            return;
        };
        let (id, wording) = (item.id.clone(), item.interviewer_prompt().to_string());
        let (manual, asked) = (p.interview.manual, p.interview.was_asked(&id));
        let Some(n) = self.questionnaire.index_of(&id) else {
            return;
        };
        if manual && asked {
            return self.open_recording(n);
        }
        if let Some(p) = self.practising() {
            // Without phrasings the list is the only way to ask: no hint.
            let hint = p.index.is_some();
            p.interview
                .ask_listed(&id, &wording, hint, Voices::builtin());
            p.pick = Some(Pick::List(cursor));
        }
        // Guided, the reply shows at once in the conversation; recording
        // by hand, the list stays for Enter to record the answer.
        if !manual {
            self.set_pick(None);
        }
        if manual {
            let words = &self.content.text.practice;
            let text = self.keyed(&words.to_record, Focus::Other, &[]);
            self.notice = Some(Notice::Info(text));
        }
        self.record_last_turn();
    }

    /// Guided: the patient's answers to the items the last turn asked are
    /// recorded as they give them, but for the body diagram, which the
    /// trainee marks themselves.
    fn record_last_turn(&mut self) {
        let Some(p) = self.practice.as_deref() else {
            return;
        };
        let Some(turn) = p.interview.turns.last() else {
            return;
        };
        let answers: Vec<(usize, Answer)> = turn
            .asked
            .iter()
            .filter_map(|id| {
                // The core never gives the body diagram: it is the trainee's.
                let answer = p.interview.answer_to_record(id)?;
                Some((self.questionnaire.index_of(id)?, answer.clone()))
            })
            .collect();
        for (n, answer) in answers {
            self.answer(n, answer);
        }
    }

    /// The body diagram item the trainee marks as their map, if any.
    pub fn map_item(&self) -> Option<usize> {
        self.questionnaire
            .items()
            .position(|i| matches!(i.kind, Kind::BodyMap))
    }

    /// Whether the body diagram on screen is the trainee's map.
    pub fn mapping(&self) -> bool {
        self.practice.as_deref().is_some_and(|p| p.mapping)
    }

    /// The body diagram's words: on the trainee's map, the sides are the
    /// patient's, not the reader's own.
    pub fn body_words(&self) -> std::borrow::Cow<'_, crate::text::BodyWords> {
        let words = &self.content.text.body;
        match self.mapping() {
            true => std::borrow::Cow::Owned(words.for_trainee()),
            false => std::borrow::Cow::Borrowed(words),
        }
    }

    /// The trainee's map: the questionnaire's own body diagram screen.
    fn open_map(&mut self) {
        if let Some(n) = self.map_item() {
            self.open_recording(n);
            if let Some(p) = self.practising() {
                p.mapping = true;
            }
        }
    }

    /// The map as the trainee marked it on the body diagram.
    pub(super) fn trainee_map(&self) -> crate::body::BodyMarks {
        let id = self.map_item().map(|n| self.item(n).id.clone());
        match id.and_then(|id| self.session.get(&id)) {
            Some(Answer::Body(marks)) => marks.clone(),
            _ => crate::body::BodyMarks::new(),
        }
    }
}
