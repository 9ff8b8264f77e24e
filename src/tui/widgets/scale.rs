use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::text::{ItemWords, fill};
use crate::tui::glyphs::Glyphs;
use crate::tui::layout::scale_cells;
use crate::tui::theme::Theme;

/// A row of numbers with the chosen one in brackets, and the meaning of both
/// ends under it: `0 = No pain`, `10 = Worst pain you can imagine`.
pub struct ScaleBar<'a> {
    pub min: i32,
    pub max: i32,
    pub min_label: &'a str,
    pub max_label: &'a str,
    pub value: Option<i32>,
    pub theme: &'a Theme,
    pub glyphs: &'a Glyphs,
    pub words: &'a ItemWords,
}

impl Widget for ScaleBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let count = (self.max - self.min + 1).max(1) as usize;
        let cells = scale_cells(Rect { height: 1, ..area }, count);
        for (i, cell) in cells.iter().enumerate() {
            let n = self.min + i as i32;
            let chosen = self.value == Some(n);
            let text = if chosen {
                format!("[{n}]")
            } else {
                format!(" {n} ")
            };
            let style = if chosen {
                self.theme.selected
            } else {
                self.theme.base
            };
            let x = cell.x + cell.width.saturating_sub(text.len() as u16) / 2;
            buf.set_stringn(x, cell.y, &text, cell.width as usize, style);
        }
        if area.height < 3 {
            return;
        }
        let width = cells.last().map_or(area.width, |c| c.right() - area.x) as usize;
        let left = format!("{} = {}", self.min, self.min_label);
        let right = format!("{} = {}", self.max, self.max_label);
        let half = width / 2;
        buf.set_string(
            area.x,
            area.y + 2,
            self.glyphs.truncate(&left, half.saturating_sub(1)),
            self.theme.dim,
        );
        let right = self.glyphs.truncate(&right, half.saturating_sub(1));
        let x = area.x
            + (width as u16)
                .saturating_sub(unicode_width::UnicodeWidthStr::width(right.as_str()) as u16);
        buf.set_string(x, area.y + 2, right, self.theme.dim);
        let chosen = match self.value {
            Some(v) => fill(&self.words.scale_answer, &[("value", &v.to_string())]),
            // "or use ← →": the catalogue's arrows in the terminal's glyphs.
            None => self.glyphs.text(&self.words.scale_none).into_owned(),
        };
        if area.height >= 5 {
            buf.set_string(area.x, area.y + 4, chosen, self.theme.prompt);
        }
    }
}
