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
use super::theme::Theme;
use super::widgets::TextField;
use crate::answers::Answer;
use crate::questionnaire::{Item, Kind};

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
    pub fn typed_answer(&self) -> Option<Result<Answer, String>> {
        match self {
            Editor::Number { input } => Some(number::read(input.value())),
            Editor::Duration { input, unit } => Some(duration::read(input.value(), *unit)),
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
pub fn unanswered(kind: &Kind) -> &'static str {
    match kind {
        Kind::Multi { .. } => "Please choose at least one answer to go on.",
        Kind::BodyMap => "Please mark at least one place to go on.",
        Kind::Text { .. } | Kind::Number { .. } | Kind::Duration { .. } => {
            "Please type an answer to go on."
        }
        Kind::Info | Kind::YesNo | Kind::Single { .. } | Kind::Scale { .. } | Kind::Side => {
            "Please choose an answer to go on."
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
fn text_field(
    frame: &mut TermFrame,
    input: &tui_input::Input,
    area: Rect,
    title: &str,
    theme: &Theme,
) {
    let field = TextField {
        text: input.value(),
        cursor: input.cursor(),
        theme,
        title,
    };
    frame.set_cursor_position(field.cursor_position(area));
    field.render(area, frame.buffer_mut());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::DurationUnit;
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
    fn a_typed_answer_shown_again_reads_back_the_same() {
        let typed = [
            (
                Kind::Number {
                    min: 0.0,
                    max: 300.0,
                    unit: "kg".into(),
                    decimals: 1,
                },
                Answer::Number(72.5),
            ),
            (
                Kind::Duration { max_years: 80 },
                Answer::Duration {
                    amount: 3,
                    unit: DurationUnit::Months,
                },
            ),
            (Kind::Text { max_len: 50 }, Answer::Text("Gardening".into())),
        ];
        for (kind, answer) in typed {
            let editor = Editor::for_item(&item(kind), Some(&answer), None);
            assert_eq!(editor.focus(), Focus::Text);
            assert_eq!(editor.typed_answer(), Some(Ok(answer)));
        }
    }

    #[test]
    fn only_typed_kinds_take_the_keys_as_text() {
        let kinds = [Kind::Info, Kind::YesNo, Kind::Side, Kind::BodyMap];
        for kind in kinds {
            let editor = Editor::for_item(&item(kind), None, None);
            assert_ne!(editor.focus(), Focus::Text);
            assert_eq!(editor.typed_answer(), None);
        }
    }
}
