//! A number on screen: a field to type it in, with its unit and range.

use ratatui::Frame as TermFrame;
use ratatui::layout::Rect;
use tui_input::Input;

use super::{put, text_field};
use crate::answers::Answer;
use crate::text::{ItemWords, fill};
use crate::tui::app::App;
use crate::tui::editor::Editor;

/// The number given, with the item's decimals, or the text typed earlier.
pub(super) fn editor(decimals: u8, answer: Option<&Answer>, draft: Option<&str>) -> Editor {
    let text = draft.map(str::to_string).unwrap_or_else(|| {
        if let Some(Answer::Number(n)) = answer {
            format!("{n:.prec$}", prec = usize::from(decimals))
        } else {
            String::new()
        }
    });
    Editor::Number {
        input: Input::new(text),
    }
}

/// Reads a typed number; a comma is taken as a decimal point.
fn parse_number(text: &str) -> Option<f64> {
    text.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
}

pub(super) fn read(text: &str, words: &ItemWords) -> Result<Answer, String> {
    parse_number(text)
        .map(Answer::Number)
        .ok_or_else(|| words.number_digits.clone())
}

pub(super) fn render(
    app: &App,
    unit: &str,
    (min, max): (f64, f64),
    area: Rect,
    frame: &mut TermFrame,
) {
    let Editor::Number { input } = &app.editor else {
        return;
    };
    let field = Rect {
        width: area.width.min(24),
        height: 3,
        ..area
    };
    text_field(frame, input, field, &format!(" {unit} "), app);
    let range = fill(
        &app.words().item.number_range,
        &[
            ("min", &min.to_string()),
            ("max", &max.to_string()),
            ("unit", unit),
        ],
    );
    put(frame.buffer_mut(), area.x, area.y + 3, range, app.theme.dim);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_accept_a_decimal_comma() {
        assert_eq!(parse_number(" 72,5 "), Some(72.5));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number("inf"), None);
    }
}
