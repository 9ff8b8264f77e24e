//! One body figure on screen: its regions in their tones, the marks as
//! symbols, and the region under the cursor highlighted whole. With half
//! blocks (`▀ ▄`) and colour, a cell carries two rows of the figure; else
//! one, in shading glyphs that differ without colour.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::widgets::Widget;

use crate::body::{BodyMarks, BodyRegions, Dot, Glyph, Mode, Raster, Shapes, Symptom, glyph};
use crate::tui::glyphs::Glyphs;
use crate::tui::theme::Theme;

pub struct Figure<'a> {
    pub raster: &'a Raster,
    pub shapes: &'a Shapes,
    pub table: &'a BodyRegions,
    pub marks: Option<&'a BodyMarks>,
    pub cursor: usize,
    pub theme: &'a Theme,
    pub glyphs: &'a Glyphs,
}

impl Widget for Figure<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let r = self.raster;
        for y in 0..r.height.min(area.height) {
            for x in 0..r.width.min(area.width) {
                let drawn = match r.mode {
                    Mode::OneRow => self.one_row(x, y),
                    Mode::HalfBlocks => self.halves(x, y),
                };
                if let Some((c, style)) = drawn
                    && let Some(cell) = buf.cell_mut((area.x + x, area.y + y))
                {
                    cell.set_char(self.glyphs.fit(c)).set_style(style);
                }
            }
        }
    }
}

impl Figure<'_> {
    /// A cell one row of the figure high: a shade for the region's tone,
    /// or a mark's symbol.
    fn one_row(&self, x: u16, y: u16) -> Option<(char, Style)> {
        let t = self.theme;
        let g = glyph(self.shapes, self.raster, (x, y), self.marks, self.table);
        let style = match g {
            Glyph::Blank => return None,
            Glyph::Body => t.dim,
            Glyph::Region { region, .. } if region == self.cursor => t.selected,
            Glyph::Region { mark: Some(s), .. } => t.symptom(s),
            Glyph::Region { .. } => t.dim,
        };
        Some((g.char(), style))
    }

    /// A cell two rows high: a marked region's symbol, or the upper dot in
    /// the foreground of `▀` and the lower one in its background.
    fn halves(&self, x: u16, y: u16) -> Option<(char, Style)> {
        let t = self.theme;
        let r = self.raster;
        if let Some(region) = r.hit(x, y)
            && let Some(mark) = self.mark(region, r.place(x, 2 * y))
        {
            let style = if region == self.cursor {
                t.selected
            } else {
                t.symptom(mark)
            };
            return Some((mark.symbol(), style));
        }
        let [upper, lower] = [r.dot(x, 2 * y), r.dot(x, 2 * y + 1)].map(|d| self.colour(d));
        let [half_up, half_down] = self.glyphs.halves?;
        match (upper, lower) {
            (None, None) => None,
            (Some(u), None) => Some((half_up, Style::new().fg(u))),
            (None, Some(l)) => Some((half_down, Style::new().fg(l))),
            (Some(u), Some(l)) if u == l => Some((self.glyphs.bar, Style::new().fg(u))),
            (Some(u), Some(l)) => Some((half_up, Style::new().fg(u).bg(l))),
        }
    }

    /// The symptom a marked region shows at its `place`-th dot: several
    /// take turns.
    fn mark(&self, region: usize, place: usize) -> Option<Symptom> {
        let marked = self.marks?.symptoms(&self.table.regions[region].id)?;
        marked.iter().nth(place % marked.len().max(1)).copied()
    }

    /// A dot's colour: its region's tone, the highlight under the cursor.
    fn colour(&self, dot: Dot) -> Option<Color> {
        let t = self.theme;
        let style = match dot {
            Dot::Outside => return None,
            Dot::Body => t.figure[0],
            Dot::Region(r) if r == self.cursor => return t.selected.bg.or(Some(Color::Reset)),
            Dot::Region(r) => t.figure[usize::from(self.shapes.tone(r)) % t.figure.len()],
        };
        Some(style.fg.unwrap_or(Color::Reset))
    }
}
