use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::tui::glyphs::Glyphs;

/// A clickable label in brackets: `[ Next ▶ ]`.
pub struct Button<'a> {
    pub label: &'a str,
    pub style: Style,
}

impl Widget for Button<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        Line::from(vec![
            Span::raw("[ "),
            Span::styled(self.label, self.style),
            Span::raw(" ]"),
        ])
        .render(area, buf);
    }
}

/// A hint as shown: its keys, its words, and whether it is `kept` when the
/// line is too narrow for all (keymap::Hint::kept).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShownHint<'a> {
    pub keys: &'a str,
    pub label: &'a str,
    pub kept: bool,
}

impl ShownHint<'_> {
    fn width(&self) -> usize {
        self.keys.width() + 1 + self.label.width()
    }
}

/// A line of key hints: each key in the key style, then what it does.
pub struct Hints<'a> {
    pub hints: &'a [ShownHint<'a>],
    pub key: Style,
    pub text: Style,
    /// The keys' arrows in the terminal's glyphs.
    pub glyphs: &'a Glyphs,
}

/// The hints that fit in `width`, in their order: when not all do, the last
/// that is not kept goes first, then the one before; a hint is never cut.
pub fn fitting<'a>(hints: &[ShownHint<'a>], width: usize) -> Vec<ShownHint<'a>> {
    let mut shown = hints.to_vec();
    let wide = |list: &[ShownHint]| list.iter().map(|h| h.width() + 2).sum::<usize>() - 2;
    while !shown.is_empty() && wide(&shown) > width {
        let drop = shown
            .iter()
            .rposition(|h| !h.kept)
            .unwrap_or(shown.len() - 1);
        shown.remove(drop);
    }
    shown
}

impl Widget for Hints<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut spans = Vec::new();
        for (n, hint) in fitting(self.hints, area.width as usize).iter().enumerate() {
            if n > 0 {
                spans.push(Span::styled("  ", self.text));
            }
            spans.push(Span::styled(self.glyphs.text(hint.keys), self.key));
            spans.push(Span::styled(format!(" {}", hint.label), self.text));
        }
        Line::from(spans).render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_narrow_line_drops_the_last_hint_not_kept_first() {
        let hint = |keys, kept| ShownHint {
            keys,
            label: "go",
            kept,
        };
        let all = [
            hint("a", false),
            hint("b", false),
            hint("F1", true),
            hint("Esc", true),
        ];
        let keys = |width| -> Vec<&str> { fitting(&all, width).iter().map(|h| h.keys).collect() };
        assert_eq!(keys(100), ["a", "b", "F1", "Esc"]);
        assert_eq!(keys(22), ["a", "F1", "Esc"]);
        assert_eq!(keys(17), ["F1", "Esc"]);
        // Too narrow even for the kept ones: the last goes, never a panic.
        assert_eq!(keys(6), ["F1"]);
        assert!(keys(0).is_empty());
    }
}
