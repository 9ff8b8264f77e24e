use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::questionnaire::Choice;
use crate::tui::glyphs::Glyphs;
use crate::tui::layout::scroll_offset;
use crate::tui::theme::Theme;

/// A list of options, one per line: `› (•) Yes` for a chosen single answer,
/// `  [x] Walking` for a ticked box. The marks and the cursor arrow carry the
/// meaning, so it reads the same without colour.
pub struct ChoiceList<'a> {
    pub rows: &'a [Choice],
    pub chosen: &'a dyn Fn(&str) -> bool,
    pub multi: bool,
    pub cursor: Option<usize>,
    pub theme: &'a Theme,
    pub glyphs: &'a Glyphs,
}

impl Widget for ChoiceList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (height, g) = (area.height as usize, self.glyphs);
        let offset = scroll_offset(self.cursor.unwrap_or(0), self.rows.len(), height);
        for (i, row) in self.rows.iter().enumerate().skip(offset).take(height) {
            let on = (self.chosen)(&row.id);
            let mark = match (self.multi, on) {
                (true, true) => "[x]",
                (true, false) => "[ ]",
                (false, on) => g.radio[usize::from(!on)],
            };
            let here = self.cursor == Some(i);
            let label = g.truncate(&row.label, (area.width as usize).saturating_sub(7));
            let style = if here {
                self.theme.selected
            } else if on {
                self.theme.checked
            } else {
                self.theme.base
            };
            let line = Line::from(vec![
                Span::styled(g.point(here), self.theme.key),
                Span::styled(format!("{mark} {label}"), style),
            ]);
            line.render(crate::tui::layout::row(area, i - offset), buf);
        }
        // Say when there is more than fits.
        if offset > 0 {
            buf.set_string(
                area.right().saturating_sub(3),
                area.y,
                format!(" {} ", g.more[0]),
                self.theme.dim,
            );
        }
        if offset + height < self.rows.len() {
            buf.set_string(
                area.right().saturating_sub(3),
                area.bottom() - 1,
                format!(" {} ", g.more[1]),
                self.theme.dim,
            );
        }
    }
}
