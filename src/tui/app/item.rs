//! Answering an item: choices, scales, typed fields, and moving between items.

use super::*;

impl App {
    pub(super) fn update_item(&mut self, n: usize, msg: Msg) {
        let kind = self.item(n).kind.clone();
        let frame = Frame::new(self.area);
        match msg {
            Msg::Help => {
                self.show_why = !self.show_why;
                return;
            }
            Msg::Back => return self.go_back(n),
            Msg::Confirm => return self.confirm(n),
            Msg::Click { column, row }
                if layout::contains(frame.left_button(BACK), column, row) =>
            {
                return self.go_back(n);
            }
            Msg::Click { column, row }
                if layout::contains(frame.right_button(NEXT), column, row) =>
            {
                return self.forward(n);
            }
            Msg::Paste(text) if self.focus() == Focus::Text => {
                // No field holds more than its maximum: a huge paste is cut
                // to that (and one more, to say the field is full) first.
                let room = match kind {
                    Kind::Text { max_len } => max_len,
                    _ => 12,
                };
                for c in text.chars().filter(|c| !c.is_control()).take(room + 1) {
                    self.edit(n, tui_input::InputRequest::InsertChar(c));
                }
                return;
            }
            _ => {}
        }
        match (&kind, msg) {
            (_, Msg::Edit(request)) => self.edit(n, request),
            (Kind::Scale { .. }, msg) => self.update_scale(n, &kind, msg),
            (Kind::YesNo | Kind::Side | Kind::Single { .. } | Kind::Multi { .. }, msg) => {
                self.update_choice(n, &kind, msg)
            }
            (Kind::Duration { .. }, m @ (Msg::Up | Msg::Down | Msg::NextField)) => {
                if let Editor::Duration { unit, .. } = &mut self.editor {
                    let i = DurationUnit::ALL
                        .iter()
                        .position(|u| u == unit)
                        .unwrap_or(0);
                    let step = if m == Msg::Up {
                        DurationUnit::ALL.len() - 1
                    } else {
                        1
                    };
                    *unit = DurationUnit::ALL[(i + step) % DurationUnit::ALL.len()];
                }
            }
            (Kind::BodyMap, msg) => self.update_body(n, msg),
            (_, Msg::Left) => self.go_back(n),
            (_, Msg::Right) => self.forward(n),
            _ => {}
        }
    }

    /// Enter: choose what the cursor is on (single answers), then go on.
    pub(super) fn confirm(&mut self, n: usize) {
        let kind = self.item(n).kind.clone();
        if let (Editor::Choice { cursor }, Kind::YesNo | Kind::Side | Kind::Single { .. }) =
            (&self.editor, &kind)
        {
            let rows = choice_rows(&kind);
            if let Some(answer) = cursor
                .and_then(|c| rows.get(c))
                .and_then(|r| single_answer(&kind, &r.value))
            {
                self.answer(n, answer);
            }
        }
        self.forward(n);
    }

    /// Goes on if the item's answer is acceptable: typed text is checked here.
    pub(super) fn forward(&mut self, n: usize) {
        if !self.commit_typed(n) {
            return;
        }
        let item = self.item(n);
        if item.required && self.session.get(&item.id).is_none() {
            let text = match item.kind {
                Kind::Multi { .. } => "Please choose at least one answer to go on.",
                Kind::BodyMap => "Please mark at least one place to go on.",
                Kind::Text { .. } | Kind::Number { .. } | Kind::Duration { .. } => {
                    "Please type an answer to go on."
                }
                _ => "Please choose an answer to go on.",
            };
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
        let answer = match (&item.kind, &self.editor) {
            (Kind::Number { .. }, _) => match parse_number(&text) {
                Some(v) => Answer::Number(v),
                None => {
                    return self.typed_problem(
                        &item.id,
                        &text,
                        "Please type a number, using digits.".into(),
                    );
                }
            },
            (Kind::Duration { .. }, Editor::Duration { unit, .. }) => {
                match text.trim().parse::<u32>() {
                    Ok(amount) => Answer::Duration {
                        amount,
                        unit: *unit,
                    },
                    Err(_) => {
                        return self.typed_problem(
                            &item.id,
                            &text,
                            "Please type how long as a whole number.".into(),
                        );
                    }
                }
            }
            _ => Answer::Text(text.trim().to_string()),
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

    pub(super) fn go_back(&mut self, n: usize) {
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

    pub(super) fn edit(&mut self, n: usize, request: tui_input::InputRequest) {
        let kind = self.item(n).kind.clone();
        // The amount of a duration is digits; letters pick the unit.
        if let (Editor::Duration { unit, .. }, tui_input::InputRequest::InsertChar(c)) =
            (&mut self.editor, request)
        {
            let picked = match c.to_ascii_lowercase() {
                'd' => Some(DurationUnit::Days),
                'w' => Some(DurationUnit::Weeks),
                'm' => Some(DurationUnit::Months),
                'y' => Some(DurationUnit::Years),
                _ => None,
            };
            if let Some(u) = picked {
                *unit = u;
                return;
            }
            if !c.is_ascii_digit() {
                self.notice = Some(Notice::Error(
                    "Please type digits; d, w, m or y choose days, weeks, months or years.".into(),
                ));
                return;
            }
        }
        if self.editor.edit(request, &kind) {
            if matches!(self.notice, Some(Notice::Error(_))) {
                self.notice = None;
            }
        } else if let Kind::Text { max_len } = kind {
            self.notice = Some(Notice::Error(format!(
                "This answer can be at most {max_len} characters long."
            )));
        }
    }

    pub(super) fn update_choice(&mut self, n: usize, kind: &Kind, msg: Msg) {
        let rows = choice_rows(kind);
        let widget = self.item_body(n).widget;
        let Editor::Choice { cursor } = &mut self.editor else {
            return;
        };
        let last = rows.len().saturating_sub(1);
        let offset = layout::scroll_offset(cursor.unwrap_or(0), rows.len(), widget.height as usize);
        let moved = |c: Option<usize>, up: bool| match (c, up) {
            (None, _) => 0,
            (Some(c), true) => c.saturating_sub(1),
            (Some(c), false) => (c + 1).min(last),
        };
        let pick = match msg {
            Msg::Up | Msg::ScrollUp { .. } => {
                *cursor = Some(moved(*cursor, true));
                None
            }
            Msg::Down | Msg::ScrollDown { .. } => {
                *cursor = Some(moved(*cursor, false));
                None
            }
            Msg::Home | Msg::PageUp => {
                *cursor = Some(0);
                None
            }
            Msg::End | Msg::PageDown => {
                *cursor = Some(last);
                None
            }
            Msg::Toggle => {
                // Space on nothing yet points at the first option first.
                if cursor.is_none() {
                    *cursor = Some(0);
                    return;
                }
                *cursor
            }
            Msg::Yes | Msg::No if matches!(kind, Kind::YesNo) => {
                self.answer(n, Answer::YesNo(msg == Msg::Yes));
                return self.forward(n);
            }
            Msg::Click { column, row } if layout::contains(widget, column, row) => {
                let i = offset + usize::from(row - widget.y);
                if i > last {
                    return;
                }
                *cursor = Some(i);
                Some(i)
            }
            Msg::Left => return self.go_back(n),
            Msg::Right => return self.forward(n),
            _ => None,
        };
        let Some(i) = pick else { return };
        let value = &rows[i].value;
        let answer = match kind {
            Kind::Multi { .. } => toggle_multi(kind, self.session.get(&self.item(n).id), value),
            _ => match single_answer(kind, value) {
                Some(a) => a,
                None => return,
            },
        };
        self.answer(n, answer);
    }

    pub(super) fn update_scale(&mut self, n: usize, kind: &Kind, msg: Msg) {
        let Kind::Scale { min, max, .. } = *kind else {
            return;
        };
        let widget = self.item_body(n).widget;
        let Editor::Scale { value, typed_one } = &mut self.editor else {
            return;
        };
        let new = match msg {
            Msg::Digit(d) => {
                let d = i32::from(d);
                // "1" then "0" makes 10 on a 0-10 scale.
                let v = if *typed_one && d == 0 && max >= 10 {
                    10
                } else {
                    d
                };
                *typed_one = d == 1;
                if v < min || v > max {
                    self.notice = Some(Notice::Error(format!(
                        "Please choose a number from {min} to {max}."
                    )));
                    return;
                }
                v
            }
            Msg::Left | Msg::Down | Msg::ScrollDown { .. } => {
                value.map_or(min, |v| (v - 1).max(min))
            }
            Msg::Right | Msg::Up | Msg::ScrollUp { .. } => value.map_or(min, |v| (v + 1).min(max)),
            Msg::Home => min,
            Msg::End => max,
            Msg::Click { column, row } => {
                let cells = layout::scale_cells(widget, (max - min + 1) as usize);
                match cells.iter().position(|c| layout::contains(*c, column, row)) {
                    Some(i) => min + i as i32,
                    None => return,
                }
            }
            _ => return,
        };
        if !matches!(msg, Msg::Digit(_)) {
            *typed_one = false;
        }
        *value = Some(new);
        self.answer(n, Answer::Scale(new));
    }
}
