use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

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
}

impl Widget for Hints<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut spans = Vec::new();
        for (n, (key, what)) in self.hints.iter().enumerate() {
            if n > 0 {
                spans.push(Span::styled("  ", self.text));
            }
            spans.push(Span::styled(*key, self.key));
            spans.push(Span::styled(format!(" {what}"), self.text));
        }
        Line::from(spans).render(area, buf);
    }
}
