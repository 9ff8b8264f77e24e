//! Yes/no, left/right, single and multiple choice on screen: a list of
//! options with a cursor, Space or a click to choose, and for yes/no the
//! letters y and n.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::answers::Answer;
use crate::questionnaire::Kind;
use crate::tui::app::App;
use crate::tui::editor::Editor;
use crate::tui::layout;
use crate::tui::message::Msg;
use crate::tui::widgets::ChoiceList;

/// Multiple choice after toggling `value`: an exclusive option ("none of
/// these") clears the others, and any other option clears it.
fn toggle_multi(kind: &Kind, current: Option<&Answer>, value: &str) -> Answer {
    let mut set = if let Some(Answer::Choices(s)) = current {
        s.clone()
    } else {
        Default::default()
    };
    let rows = kind.choices(None);
    let exclusive = |v: &str| rows.iter().any(|r| r.id == v && r.exclusive);
    if !set.remove(value) {
        if exclusive(value) {
            set.clear();
        } else {
            set.retain(|v| !exclusive(v));
        }
        set.insert(value.to_string());
    }
    Answer::Choices(set)
}

/// The list starts on the answer given; a list of boxes to tick starts on
/// the first (ticking never picks by Enter), a single answer on nothing.
pub(super) fn editor(kind: &Kind, answer: Option<&Answer>) -> Editor {
    let rows = kind.choices(None);
    let mut cursor = answer.and_then(|a| rows.iter().position(|r| a.matches(&r.id)));
    if let Kind::Multi { .. } = kind {
        cursor = cursor.or(Some(0));
    }
    Editor::Choice { cursor }
}

/// Enter: the single answer the cursor points at, if any.
pub fn pointed_answer(kind: &Kind, editor: &Editor) -> Option<Answer> {
    let Editor::Choice { cursor: Some(at) } = editor else {
        return None;
    };
    let rows = kind.choices(None);
    kind.chosen(&rows.get(*at)?.id)
}

/// What a key or click on the list asks for, once the cursor has moved.
enum Act {
    Stay,
    Choose(usize),
    /// y or n on a yes/no question: the answer, and on.
    YesNo(bool),
    Turn(Msg),
}

impl App {
    pub(in crate::tui) fn update_choice(&mut self, n: usize, kind: &Kind, msg: Msg) {
        let rows = kind.choices(None);
        let widget = self.item_body(n).widget;
        let Editor::Choice { cursor } = &mut self.editor else {
            return;
        };
        match act(cursor, rows.len(), widget, kind, msg) {
            Act::Stay => {}
            Act::Choose(i) => self.choose(n, kind, &rows[i].id),
            Act::YesNo(yes) => {
                self.answer(n, Answer::YesNo(yes));
                self.forward(n);
            }
            Act::Turn(msg) => self.turn_page(n, msg),
        }
    }

    /// Stores the option chosen: a single answer, or a box ticked or not.
    fn choose(&mut self, n: usize, kind: &Kind, value: &str) {
        let answer = if let Kind::Multi { .. } = kind {
            Some(toggle_multi(
                kind,
                self.session.get(&self.item(n).id),
                value,
            ))
        } else {
            kind.chosen(value)
        };
        if let Some(answer) = answer {
            self.answer(n, answer);
        }
    }
}

/// Moves the cursor over `len` options for `msg` and says what else it asks.
fn act(cursor: &mut Option<usize>, len: usize, widget: Rect, kind: &Kind, msg: Msg) -> Act {
    let last = len.saturating_sub(1);
    let offset = layout::scroll_offset(cursor.unwrap_or(0), len, widget.height as usize);
    let to = |cursor: &mut Option<usize>, at: usize| {
        *cursor = Some(at);
        Act::Stay
    };
    match msg {
        Msg::Up | Msg::ScrollUp { .. } => to(cursor, cursor.map_or(0, |c| c.saturating_sub(1))),
        Msg::Down | Msg::ScrollDown { .. } => to(cursor, cursor.map_or(0, |c| (c + 1).min(last))),
        Msg::Home | Msg::PageUp => to(cursor, 0),
        Msg::End | Msg::PageDown => to(cursor, last),
        // Space on nothing yet points at the first option first.
        Msg::Toggle => match *cursor {
            None => to(cursor, 0),
            Some(at) => Act::Choose(at),
        },
        Msg::Yes | Msg::No if matches!(kind, Kind::YesNo) => Act::YesNo(msg == Msg::Yes),
        Msg::Click { column, row } if layout::contains(widget, column, row) => {
            let at = offset + usize::from(row - widget.y);
            if at > last {
                return Act::Stay;
            }
            *cursor = Some(at);
            Act::Choose(at)
        }
        Msg::Left | Msg::Right => Act::Turn(msg),
        _ => Act::Stay,
    }
}

pub(super) fn render(
    app: &App,
    kind: &Kind,
    answer: Option<&Answer>,
    area: Rect,
    buf: &mut Buffer,
) {
    let Editor::Choice { cursor } = &app.editor else {
        return;
    };
    let rows = kind.choices(Some(&app.content.text.answers));
    let chosen = |v: &str| answer.is_some_and(|a| a.matches(v));
    ChoiceList {
        rows: &rows,
        chosen: &chosen,
        multi: matches!(kind, Kind::Multi { .. }),
        cursor: *cursor,
        theme: &app.theme,
        glyphs: &app.glyphs,
    }
    .render(area, buf);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::Choice;

    fn multi() -> Kind {
        let c = |id: &str, exclusive| Choice {
            id: id.into(),
            label: id.into(),
            exclusive,
        };
        Kind::Multi {
            options: vec![c("a", false), c("b", false), c("none", true)],
        }
    }

    #[test]
    fn none_of_these_clears_the_others_and_back() {
        let k = multi();
        let a = toggle_multi(&k, None, "a");
        let ab = toggle_multi(&k, Some(&a), "b");
        let none = toggle_multi(&k, Some(&ab), "none");
        assert_eq!(none, Answer::Choices(["none".to_string()].into()));
        let b = toggle_multi(&k, Some(&none), "b");
        assert_eq!(b, Answer::Choices(["b".to_string()].into()));
    }
}
