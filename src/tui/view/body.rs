//! The body diagram: the figures with the marks and the cursor, and beside
//! them a panel that says in words where the cursor is and what is marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::body::{BodyMarks, Glyph, Symptom, View, glyph, heading};
use crate::text::fill;
use crate::tui::app::App;
use crate::tui::keymap::Focus;
use crate::tui::layout::{self, BodyLayout, legend_rows, mark_key, scroll_offset, truncate, wrap};

pub struct BodyDiagram<'a> {
    pub app: &'a App,
    pub marks: Option<&'a BodyMarks>,
    pub cursor: usize,
    pub brush: Symptom,
    pub painting: bool,
    pub view: View,
}

fn symptom_style(app: &App, s: Symptom) -> Style {
    let i = Symptom::ALL.iter().position(|x| *x == s).unwrap_or(0);
    app.theme.symptoms[i]
}

impl Widget for BodyDiagram<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let content = &self.app.content;
        let layout = BodyLayout::new(area, self.view, content.shapes());
        let t = &self.app.theme;
        let words = &content.text.body.figure;
        for (view, r) in layout.figures.iter().flatten() {
            let raster = layout.raster(*view);
            buf.set_string(r.x, r.y, heading(*view, r.width, words), t.base);
            for y in 0..raster.height {
                for x in 0..raster.width {
                    let g = glyph(layout.shapes, &raster, (x, y), self.marks, content.regions);
                    let style = match g {
                        Glyph::Blank => continue,
                        Glyph::Body => t.dim,
                        Glyph::Region { region, .. } if region == self.cursor => t.selected,
                        Glyph::Region { mark: Some(s), .. } => symptom_style(self.app, s),
                        Glyph::Region { .. } => t.dim,
                    };
                    // Never outside the buffer, whatever the layout says.
                    if let Some(cell) = buf.cell_mut((r.x + x, r.y + 1 + y)) {
                        cell.set_char(g.char()).set_style(style);
                    }
                }
            }
        }
        self.panel(layout, buf);
    }
}

impl BodyDiagram<'_> {
    fn panel(&self, layout: BodyLayout, buf: &mut Buffer) {
        let t = &self.app.theme;
        let p = layout.panel;
        let w = p.width as usize;
        let sw = &self.app.words().diagram;
        let symptoms = &self.app.content.text.body.symptoms;
        let table = self.app.content.regions;
        let mut lines: Vec<Line> = Vec::new();
        // The legend: key, symbol, word; the brush is marked with ›.
        for row in legend_rows(&self.app.keymap, symptoms, p.width) {
            let spans: Vec<Span> = row
                .into_iter()
                .flat_map(|s| {
                    let brush = if s == self.brush { "›" } else { " " };
                    [
                        Span::styled(format!("{brush}{} ", mark_key(&self.app.keymap, s)), t.key),
                        Span::styled(s.symbol().to_string(), symptom_style(self.app, s)),
                        Span::styled(format!(" {} ", symptoms.get(s)), t.dim),
                    ]
                })
                .collect();
            lines.push(Line::from(spans));
        }
        if !layout.has_figure() {
            lines.push(Line::styled(truncate(&sw.own_sides, w), t.dim));
            // The legend and the note fill the rows above `layout.list()`.
            for (i, l) in lines.into_iter().enumerate() {
                l.render(layout::row(p, i), buf);
            }
            return self.full_list(layout.list(&self.app.keymap, symptoms), buf);
        }
        let here = &table.regions[self.cursor];
        lines.push(Line::styled(
            truncate(&format!("› {}", here.label), w),
            t.prompt,
        ));
        let on_it: Vec<&str> = self
            .marks
            .and_then(|m| m.symptoms(&here.id))
            .map(|s| s.iter().map(|s| symptoms.get(*s)).collect())
            .unwrap_or_default();
        let status = if on_it.is_empty() {
            sw.nothing_here.clone()
        } else {
            on_it.join(", ")
        };
        lines.push(Line::styled(truncate(&format!("  {status}"), w), t.checked));
        let state = if self.painting { &sw.on } else { &sw.off };
        let mut help = self.app.keyed(&sw.tools, Focus::Body, &[("state", state)]);
        if layout.single() {
            let side = if self.view == View::Front {
                &sw.back
            } else {
                &sw.front
            };
            help += &self.app.keyed(&sw.turn, Focus::Body, &[("side", side)]);
        }
        lines.push(Line::styled(truncate(&help, w), t.dim));
        lines.push(Line::styled(truncate(&sw.figure_sides, w), t.dim));
        lines.push(Line::default());
        // The list of marks fills the rest; when it is too long its end shows,
        // since that is where the newest marks are.
        let room = (p.height as usize).saturating_sub(lines.len());
        let words = &self.app.content.text.body;
        let described = self
            .marks
            .map(|m| m.describe(table, words))
            .unwrap_or_default();
        let mut marks: Vec<Line> = Vec::new();
        if described.is_empty() {
            marks.push(Line::styled(sw.nothing_yet.as_str(), t.dim));
        } else {
            marks.push(Line::styled(sw.marked.as_str(), t.section));
            for d in described {
                for (i, l) in wrap(&d, w.saturating_sub(2)).into_iter().enumerate() {
                    marks.push(Line::from(format!(
                        "{}{l}",
                        if i == 0 { "• " } else { "  " }
                    )));
                }
            }
        }
        if marks.len() > room && room > 0 {
            let keep = marks.split_off(marks.len() - room + 1);
            marks = vec![Line::styled(
                fill(&sw.more_above, &[("count", &marks.len().to_string())]),
                t.dim,
            )];
            marks.extend(keep);
        }
        lines.extend(marks.into_iter().take(room));
        for (n, l) in lines.into_iter().enumerate().take(p.height as usize) {
            l.render(layout::row(p, n), buf);
        }
    }

    /// Every region as a list, for screens too small for a figure.
    fn full_list(&self, list: Rect, buf: &mut Buffer) {
        let t = &self.app.theme;
        let regions = &self.app.content.regions.regions;
        let offset = scroll_offset(self.cursor, regions.len(), list.height as usize);
        for (i, r) in regions
            .iter()
            .enumerate()
            .skip(offset)
            .take(list.height as usize)
        {
            let marked: Vec<Symptom> = self
                .marks
                .and_then(|m| m.symptoms(&r.id))
                .map(|s| s.iter().copied().collect())
                .unwrap_or_default();
            let here = i == self.cursor;
            let symbols: String = marked.iter().map(|s| s.symbol()).collect();
            let symptoms = &self.app.content.text.body.symptoms;
            let words: Vec<&str> = marked.iter().map(|s| symptoms.get(*s)).collect();
            let text = if words.is_empty() {
                r.label.clone()
            } else {
                format!("{}: {}", r.label, words.join(", "))
            };
            let style = if here {
                t.selected
            } else if marked.is_empty() {
                t.base
            } else {
                t.checked
            };
            let line = Line::from(vec![
                Span::styled(if here { "› " } else { "  " }, t.key),
                Span::styled(format!("{symbols:<3}"), t.checked),
                Span::styled(
                    truncate(&text, (list.width as usize).saturating_sub(5)),
                    style,
                ),
            ]);
            line.render(layout::row(list, i - offset), buf);
        }
    }
}
