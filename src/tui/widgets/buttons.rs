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

/// A line of key hints: each key in the key style, then what it does.
pub struct Hints<'a> {
    pub hints: &'a [(&'a str, &'a str)],
    pub key: Style,
    pub text: Style,
    /// The keys' arrows in the terminal's glyphs.
    pub glyphs: &'a Glyphs,
}

impl Widget for Hints<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut spans = Vec::new();
        let mut used = 0;
        for (n, (key, what)) in self.hints.iter().enumerate() {
            let gap = if n > 0 { 2 } else { 0 };
            let width = gap + key.width() + 1 + what.width();
            // A hint that does not fit whole is left out, not cut.
            if used + width > area.width as usize {
                break;
            }
            used += width;
            if n > 0 {
                spans.push(Span::styled("  ", self.text));
            }
            spans.push(Span::styled(self.glyphs.text(key), self.key));
            spans.push(Span::styled(format!(" {what}"), self.text));
        }
        Line::from(spans).render(area, buf);
    }
}
