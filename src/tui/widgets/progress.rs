use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::Span;
use ratatui::widgets::Widget;

/// A progress bar filled with the glyph set's `bar` and the label centred
/// on it (ratatui's Gauge draws `█` whatever the terminal).
pub struct Progress<'a> {
    pub label: Span<'a>,
    pub ratio: f64,
    pub bar: char,
    pub style: Style,
}

impl Widget for Progress<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        buf.set_style(area, self.style);
        let label_w = area.width.min(self.label.width() as u16);
        let label_x = area.left() + (area.width - label_w) / 2;
        let label_y = area.top() + area.height / 2;
        let filled = (f64::from(area.width) * self.ratio.clamp(0.0, 1.0)).round() as u16;
        let (fg, bg) = (
            self.style.fg.unwrap_or(Color::Reset),
            self.style.bg.unwrap_or(Color::Reset),
        );
        for y in area.top()..area.bottom() {
            for x in area.left()..area.left() + filled {
                // Under the label and a column either side the colours
                // swap, so it reads on the bar.
                let cell = &mut buf[(x, y)];
                let under = label_x.saturating_sub(1)..=label_x + label_w;
                if y == label_y && under.contains(&x) {
                    cell.set_char(' ').set_fg(bg).set_bg(fg);
                } else {
                    cell.set_char(self.bar).set_fg(fg).set_bg(bg);
                }
            }
        }
        buf.set_span(label_x, label_y, &self.label, label_w);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_fills_its_share_with_the_glyph_and_keeps_the_label() {
        let row = |ratio| {
            let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
            let label = Span::raw("ab");
            let bar = '#';
            let style = Style::new();
            Progress {
                label,
                ratio,
                bar,
                style,
            }
            .render(buf.area, &mut buf);
            buf.content.iter().map(|c| c.symbol()).collect::<String>()
        };
        assert_eq!(row(0.3), "### ab    ");
        assert_eq!(row(0.8), "### ab #  ");
        assert_eq!(row(1.5), "### ab ###");
    }
}
