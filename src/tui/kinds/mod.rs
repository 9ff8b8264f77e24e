//! Each item kind on screen: its editor, its keys and clicks, and its
//! drawing, in a module per kind (`choice` serves yes/no, left/right,
//! single and multiple choice, which all show a list of options). The
//! matches here dispatch to them and list every kind, so a new kind is a
//! compile error until it has a screen.

mod body;
mod choice;
mod duration;
mod number;
mod scale;
mod text;

use ratatui::Frame as TermFrame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

pub use choice::pointed_answer;

use super::app::App;
use super::editor::Editor;
use super::message::Msg;
use super::widgets::TextField;
use crate::answers::Answer;
use crate::questionnaire::{Item, Kind};
use crate::text::ItemWords;

impl Editor {
    /// The editor for `item`, showing its saved answer or, failing that, the
    /// text typed earlier that did not yet make a valid answer.
    pub fn for_item(item: &Item, answer: Option<&Answer>, draft: Option<&str>) -> Editor {
        match &item.kind {
            Kind::Info => Editor::None,
            Kind::YesNo | Kind::Side | Kind::Single { .. } | Kind::Multi { .. } => {
                choice::editor(&item.kind, answer)
            }
            Kind::Scale { .. } => scale::editor(answer),
            Kind::Number { decimals, .. } => number::editor(*decimals, answer, draft),
            Kind::Duration { .. } => duration::editor(answer, draft),
            Kind::Text { max_len } => text::editor(*max_len, answer, draft),
            Kind::BodyMap => body::editor(),
        }
    }

    /// The answer typed into this editor's field, as its kind reads it (the
    /// item's own checks come after), or what to fix; `None` without a field.
    pub fn typed_answer(&self, words: &ItemWords) -> Option<Result<Answer, String>> {
        match self {
            Editor::Number { input } => Some(number::read(input.value(), words)),
            Editor::Duration { input, unit } => Some(duration::read(input.value(), *unit, words)),
            Editor::Text { input, .. } => Some(Ok(Answer::Text(input.value().trim().to_string()))),
            Editor::None | Editor::Choice { .. } | Editor::Scale { .. } | Editor::Body { .. } => {
                None
            }
        }
    }
}

impl App {
    /// A key or click on the answer of item `n`, handled by its kind.
    pub(in crate::tui) fn update_answer(&mut self, n: usize, kind: &Kind, msg: Msg) {
        match kind {
            Kind::YesNo | Kind::Side | Kind::Single { .. } | Kind::Multi { .. } => {
                self.update_choice(n, kind, msg)
            }
            Kind::Scale { min, max, .. } => self.update_scale(n, (*min, *max), msg),
            Kind::Duration { .. } => self.update_duration(n, msg),
            Kind::BodyMap => self.update_body(n, msg),
            Kind::Info | Kind::Number { .. } | Kind::Text { .. } => self.turn_page(n, msg),
        }
    }

    /// The arrows left and right, where they do not move within the answer:
    /// the previous and the next screen.
    pub(in crate::tui) fn turn_page(&mut self, n: usize, msg: Msg) {
        match msg {
            Msg::Left => self.go_back(n),
            Msg::Right => self.forward(n),
            _ => {}
        }
    }
}

/// What to tell a patient who goes on without answering a required item.
pub fn unanswered<'a>(kind: &Kind, words: &'a ItemWords) -> &'a str {
    match kind {
        Kind::Multi { .. } => &words.choose_some,
        Kind::BodyMap => &words.mark_some,
        Kind::Text { .. } | Kind::Number { .. } | Kind::Duration { .. } => &words.type_answer,
        Kind::Info | Kind::YesNo | Kind::Single { .. } | Kind::Scale { .. } | Kind::Side => {
            &words.choose_one
        }
    }
}

/// Draws the answer of `item` in `area`: its kind's widget in the editor's state.
pub fn render(app: &App, item: &Item, area: Rect, frame: &mut TermFrame) {
    let answer = app.session.get(&item.id);
    match &item.kind {
        Kind::Info => {}
        kind @ (Kind::YesNo | Kind::Side | Kind::Single { .. } | Kind::Multi { .. }) => {
            choice::render(app, kind, answer, area, frame.buffer_mut())
        }
        Kind::Scale {
            min,
            max,
            min_label,
            max_label,
        } => scale::render(
            app,
            (*min, *max),
            [min_label, max_label],
            area,
            frame.buffer_mut(),
        ),
        Kind::Number { unit, min, max, .. } => number::render(app, unit, (*min, *max), area, frame),
        Kind::Duration { .. } => duration::render(app, area, frame),
        Kind::Text { .. } => text::render(app, area, frame),
        Kind::BodyMap => body::render(app, answer, area, frame.buffer_mut()),
    }
}

/// A line under the widget, left out when a long prompt leaves no row for it
/// in the frame (a buffer must never be written outside its area).
fn put(buf: &mut Buffer, x: u16, y: u16, text: impl AsRef<str>, style: Style) {
    if y < buf.area.bottom() {
        buf.set_string(x, y, text, style);
    }
}

/// A text box with the terminal cursor placed in it.
pub(in crate::tui) fn text_field(
    frame: &mut TermFrame,
    input: &tui_input::Input,
    area: Rect,
    title: &str,
    app: &App,
) {
    let field = TextField {
        text: input.value(),
        cursor: input.cursor(),
        theme: &app.theme,
        border: app.glyphs.border,
        title,
    };
    frame.set_cursor_position(field.cursor_position(area));
    field.render(area, frame.buffer_mut());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::message::Focus;

    fn item(kind: Kind) -> Item {
        crate::questionnaire::Item {
            id: "q".into(),
            prompt: "Q?".into(),
            interviewer: None,
            why: String::new(),
            required: false,
            red_flag: false,
            needs_helper: false,
            kind,
            enable_when: None,
        }
    }

    #[test]
    fn typed_kinds_show_their_answer_in_a_field_that_reads_it_back() {
        for (kind, answer) in crate::questionnaire::kinds::tests::samples() {
            let editor = Editor::for_item(&item(kind.clone()), Some(&answer), None);
            let typed = editor.typed_answer(&crate::text::Text::builtin().screen.item);
            assert_eq!(editor.focus() == Focus::Text, typed.is_some(), "{kind:?}");
            if let Some(typed) = typed {
                assert_eq!(typed, Ok(answer));
            }
        }
        let info = Editor::for_item(&item(Kind::Info), None, None);
        assert_eq!(
            (
                info.focus(),
                info.typed_answer(&crate::text::Text::builtin().screen.item)
            ),
            (Focus::Other, None)
        );
    }
}
