//! The body diagram item: moving between regions and marking symptoms.

use super::*;

impl App {
    pub(super) fn update_body(&mut self, n: usize, msg: Msg) {
        let table = BodyRegions::builtin();
        let count = table.regions.len();
        let widget = self.item_body(n).widget;
        let Editor::Body {
            cursor,
            brush,
            painting,
            view,
        } = &mut self.editor
        else {
            return;
        };
        let layout = BodyLayout::new(widget, *view);
        let placed = layout.placed();
        // Without a figure, the panel is a list of every region.
        let list = layout.list(&self.keymap);
        let list_offset = layout::scroll_offset(*cursor, count, list.height as usize);
        let on_screen =
            |r: usize| !layout.has_figure() || placed.iter().any(|p| p.figure.centre(r).is_some());
        let step = |from: usize, dir: Direction| -> usize {
            if layout.has_figure() {
                neighbour(&placed, from, dir).unwrap_or(from)
            } else {
                match dir {
                    Direction::Up | Direction::Left => from.saturating_sub(1),
                    Direction::Down | Direction::Right => (from + 1).min(count - 1),
                }
            }
        };
        // What the message does: move the cursor, or mark (Some(symptom)) or clear (None).
        enum Act {
            Move(usize),
            Toggle(Symptom),
            Paint(usize),
            Clear,
            ClearAll,
        }
        let act = match msg {
            Msg::Up => Act::Move(step(*cursor, Direction::Up)),
            Msg::Down => Act::Move(step(*cursor, Direction::Down)),
            Msg::Left => Act::Move(step(*cursor, Direction::Left)),
            Msg::Right => Act::Move(step(*cursor, Direction::Right)),
            Msg::ScrollUp { .. } | Msg::PageUp => Act::Move(cursor.saturating_sub(1)),
            Msg::ScrollDown { .. } | Msg::PageDown => Act::Move((*cursor + 1).min(count - 1)),
            Msg::NextField => {
                // The next region in table order that is on screen.
                let next = (1..=count)
                    .map(|k| (*cursor + k) % count)
                    .find(|&r| on_screen(r));
                Act::Move(next.unwrap_or(*cursor))
            }
            Msg::Home => Act::Move(0),
            Msg::End => Act::Move(count - 1),
            Msg::Flip if layout.single() => {
                *view = if *view == View::Front {
                    View::Back
                } else {
                    View::Front
                };
                let first = (0..count)
                    .find(|&r| table.regions[r].view == *view)
                    .unwrap_or(0);
                Act::Move(first)
            }
            Msg::Paint => {
                *painting = !*painting;
                let text = if *painting {
                    // The key that stops it is the one that started it.
                    let key = self.keymap.key_for(Action::Paint, Focus::Body);
                    format!(
                        "Paint mode on: moving marks {} on each place. Press {} to stop.",
                        brush.word(),
                        key.map_or_else(String::new, |k| k.glyph())
                    )
                } else {
                    "Paint mode off.".to_string()
                };
                self.notice = Some(Notice::Info(text));
                return;
            }
            Msg::Mark(s) => {
                *brush = s;
                Act::Toggle(s)
            }
            Msg::Toggle => Act::Toggle(*brush),
            Msg::ClearPlace => Act::Clear,
            Msg::ClearAll => Act::ClearAll,
            Msg::Click { column, row } => match hit(&placed, column, row) {
                // A click on the region under the cursor marks it; elsewhere it moves there.
                Some(r) if r == *cursor => Act::Toggle(*brush),
                Some(r) => Act::Move(r),
                None if !layout.has_figure() && layout::contains(list, column, row) => {
                    Act::Move((list_offset + usize::from(row - list.y)).min(count - 1))
                }
                None => return,
            },
            Msg::Drag { column, row } => match hit(&placed, column, row) {
                Some(r) => Act::Paint(r),
                None => return,
            },
            _ => return,
        };
        let region = |r: usize| table.regions[r].id.as_str();
        let mut marks = match self.session.get(&self.item(n).id) {
            Some(Answer::Body(m)) => m.clone(),
            _ => Default::default(),
        };
        let Editor::Body {
            cursor,
            brush,
            painting,
            ..
        } = &mut self.editor
        else {
            return;
        };
        match act {
            Act::Move(r) => {
                *cursor = r;
                if !*painting {
                    return;
                }
                marks.set(region(r), *brush);
            }
            Act::Paint(r) => {
                *cursor = r;
                marks.set(region(r), *brush);
            }
            Act::Toggle(s) => marks.toggle(region(*cursor), s),
            Act::Clear => marks.clear_region(region(*cursor)),
            Act::ClearAll => {
                if !marks.is_empty() {
                    self.dialog = Some(Dialog::ConfirmClearAll);
                }
                return;
            }
        }
        self.answer(n, Answer::Body(marks));
    }
}
