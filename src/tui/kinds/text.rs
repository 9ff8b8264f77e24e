//! Free text on screen: a box that grows with the text, with a count of
//! the characters left.

use ratatui::Frame as TermFrame;
use ratatui::layout::Rect;
use tui_input::Input;

use super::text_field;
use crate::answers::Answer;
use crate::text::fill;
use crate::tui::app::App;
use crate::tui::editor::Editor;

/// The text given, or the text typed earlier.
pub(super) fn editor(max_len: usize, answer: Option<&Answer>, draft: Option<&str>) -> Editor {
    let text = draft.map(str::to_string).unwrap_or_else(|| {
        if let Some(Answer::Text(t)) = answer {
            t.clone()
        } else {
            String::new()
        }
    });
    Editor::Text {
        input: Input::new(text),
        max_len,
    }
}

pub(super) fn render(app: &App, area: Rect, frame: &mut TermFrame) {
    let Editor::Text { input, max_len } = &app.editor else {
        return;
    };
    let typed = input.value().chars().count();
    let inner_w = area.width.saturating_sub(2).max(1) as usize;
    let rows = (typed / inner_w + 1).clamp(3, 8) as u16;
    let field = Rect {
        height: (rows + 2).min(area.height.saturating_sub(1)),
        ..area
    };
    let count = fill(
        &app.words().item.text_count,
        &[("typed", &typed.to_string()), ("max", &max_len.to_string())],
    );
    text_field(frame, input, field, &count, app);
}
