use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::symbols::border;
use ratatui::widgets::{Block, Borders, Widget};
use unicode_width::UnicodeWidthChar;

use crate::tui::theme::Theme;

/// A bordered text box that wraps its text by characters and knows where the
/// cursor goes, so long answers stay visible while typing.
pub struct TextField<'a> {
    pub text: &'a str,
    /// Cursor as a character index into `text`.
    pub cursor: usize,
    pub theme: &'a Theme,
    pub border: border::Set<'static>,
    pub title: &'a str,
}

impl TextField<'_> {
    /// The screen lines of `text` in `width` columns, each as (start char index, string).
    fn lines(text: &str, width: usize) -> Vec<(usize, String)> {
        let mut out = vec![(0, String::new())];
        let mut w = 0;
        for (i, c) in text.chars().enumerate() {
            let cw = c.width().unwrap_or(0);
            if w + cw > width {
                out.push((i, String::new()));
                w = 0;
            }
            out.last_mut().expect("never empty").1.push(c);
            w += cw;
        }
        out
    }

    /// Where the terminal cursor goes for this field drawn in `area`.
    pub fn cursor_position(&self, area: Rect) -> Position {
        let inner = Block::bordered().inner(area);
        let width = inner.width.max(1) as usize;
        let lines = Self::lines(self.text, width);
        let (row, col) = self.cursor_cell(&lines, width);
        let first = first_visible(row, inner.height as usize);
        Position::new(inner.x + col as u16, inner.y + (row - first) as u16)
    }

    fn cursor_cell(&self, lines: &[(usize, String)], width: usize) -> (usize, usize) {
        let row = lines
            .iter()
            .rposition(|(start, _)| *start <= self.cursor)
            .unwrap_or(0);
        let (start, line) = &lines[row];
        let col: usize = line
            .chars()
            .take(self.cursor - start)
            .map(|c| c.width().unwrap_or(0))
            .sum();
        // A full last line puts the cursor at the start of the next one.
        if col >= width {
            (row + 1, 0)
        } else {
            (row, col)
        }
    }
}

fn first_visible(cursor_row: usize, height: usize) -> usize {
    cursor_row.saturating_sub(height.saturating_sub(1))
}

impl Widget for TextField<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let block = Block::new()
            .borders(Borders::ALL)
            .border_set(self.border)
            .title(self.title)
            .border_style(self.theme.key);
        let inner = block.inner(area);
        block.render(area, buf);
        let width = inner.width.max(1) as usize;
        let lines = Self::lines(self.text, width);
        let (row, _) = self.cursor_cell(&lines, width);
        let first = first_visible(row, inner.height as usize);
        for (n, (_, line)) in lines
            .iter()
            .skip(first)
            .take(inner.height as usize)
            .enumerate()
        {
            buf.set_string(inner.x, inner.y + n as u16, line, self.theme.base);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_follows_wrapped_and_wide_text() {
        let theme = Theme::mono();
        let area = Rect::new(0, 0, 7, 4); // 5 columns inside
        let field = |text, cursor| TextField {
            text,
            cursor,
            theme: &theme,
            border: border::PLAIN,
            title: "",
        };
        assert_eq!(field("abc", 3).cursor_position(area), Position::new(4, 1));
        assert_eq!(
            field("abcdefg", 7).cursor_position(area),
            Position::new(3, 2)
        );
        // Two-column characters: 腰 takes columns 1-2.
        assert_eq!(field("腰痛", 1).cursor_position(area), Position::new(3, 1));
        // A full line sends the cursor to the next one.
        assert_eq!(field("abcde", 5).cursor_position(area), Position::new(1, 2));
    }
}
