//! Answering an item: choices, scales, typed fields, and moving between items.

use super::*;

impl App {
    pub(super) fn update_item(&mut self, n: usize, msg: Msg) {
        // Finding a place on the body diagram takes the keys first.
        let msg = if self.searching() {
            match self.update_search(n, msg) {
                Some(msg) => msg,
                None => return,
            }
        } else {
            msg
        };
        let kind = self.item(n).kind.clone();
        let frame = Frame::new(self.area);
        match msg {
            Msg::Help => self.show_why = !self.show_why,
            Msg::Back => self.go_back(n),
            Msg::Confirm => self.confirm(n),
            // The trainee's map has no buttons.
            Msg::Click { .. } if self.mapping() => self.update_answer(n, &kind, msg),
            Msg::Click { column, row }
                if layout::contains(frame.left_button(&self.words().buttons.back), column, row) =>
            {
                self.go_back(n)
            }
            Msg::Click { column, row }
                if layout::contains(
                    frame.right_button(&self.words().buttons.next),
                    column,
                    row,
                ) =>
            {
                self.forward(n)
            }
            Msg::Paste(text) if self.focus() == Focus::Text => self.paste(&text),
            Msg::Edit(request) => self.edit(request),
            msg => self.update_answer(n, &kind, msg),
        }
    }

    /// No field holds more than its maximum: a huge paste is cut to that
    /// (and one more, to say the field is full) first.
    fn paste(&mut self, text: &str) {
        let room = self.editor.paste_room();
        for c in text.chars().filter(|c| !c.is_control()).take(room + 1) {
            self.edit(tui_input::InputRequest::InsertChar(c));
        }
    }

    /// Enter: choose what the cursor is on (single answers), then go on.
    pub(super) fn confirm(&mut self, n: usize) {
        if let Some(answer) = pointed_answer(&self.item(n).kind, &self.editor) {
            self.answer(n, answer);
        }
        self.forward(n);
    }

    /// Goes on if the item's answer is acceptable: typed text is checked here.
    pub(in crate::tui) fn forward(&mut self, n: usize) {
        if !self.commit_typed(n) {
            return;
        }
        let item = self.item(n);
        if item.required && self.session.get(&item.id).is_none() {
            let text = kinds::unanswered(&item.kind, &self.words().item);
            self.notice = Some(Notice::Error(text.to_string()));
            return;
        }
        self.go_forward_from(Some(n));
    }

    /// Checks and stores what was typed. On a problem the text stays in the
    /// field and a message says what to fix; returns whether all is well.
    pub(super) fn commit_typed(&mut self, n: usize) -> bool {
        let item = self.item(n).clone();
        let Some(text) = self.editor.typed().map(str::to_string) else {
            return true;
        };
        let before = self.session.get(&item.id).cloned();
        if text.trim().is_empty() {
            self.session.clear(&item.id);
            self.drafts.remove(&item.id);
            self.changed(&item.id, before);
            return true;
        }
        let answer = match self.editor.typed_answer(&self.words().item) {
            Some(Ok(answer)) => answer,
            Some(Err(problem)) => return self.typed_problem(&item.id, &text, problem),
            None => return true,
        };
        match self.session.set(&self.questionnaire, &item.id, answer) {
            Ok(()) => {
                self.drafts.remove(&item.id);
                self.changed(&item.id, before);
                true
            }
            Err(e) => {
                let mut message = e.to_string();
                if let Some(first) = message.get_mut(0..1) {
                    first.make_ascii_uppercase();
                }
                self.typed_problem(&item.id, &text, format!("{message}."))
            }
        }
    }

    pub(super) fn typed_problem(&mut self, id: &str, text: &str, message: String) -> bool {
        self.drafts.insert(id.to_string(), text.to_string());
        self.notice = Some(Notice::Error(message));
        false
    }

    pub(in crate::tui) fn go_back(&mut self, n: usize) {
        // Keep what was typed: stored if valid, else kept as a draft.
        self.commit_typed(n);
        if self.practice.is_some() {
            return self.end_recording();
        }
        if self.return_to_review {
            return self.open_review(Some(n));
        }
        match self.enabled_items().filter(|&m| m < n).last() {
            Some(prev) => self.open_item(prev),
            None => self.open(Screen::Welcome),
        }
    }

    fn edit(&mut self, request: tui_input::InputRequest) {
        if self.duration_key(request) {
            return;
        }
        if self.editor.edit(request) {
            if matches!(self.notice, Some(Notice::Error(_))) {
                self.notice = None;
            }
        } else if let Editor::Text { max_len, .. } = self.editor {
            let words = &self.words().item.text_too_long;
            let text = crate::text::fill(words, &[("max", &max_len.to_string())]);
            self.notice = Some(Notice::Error(text));
        }
    }
}
