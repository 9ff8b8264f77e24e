//! The body diagram: the figures with the marks and the cursor, and beside
//! them a panel that says in words where the cursor is and what is marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::body::{BodyMarks, Symptom, View, heading};
use crate::text::fill;
use crate::tui::app::App;
use crate::tui::editor::Search;
use crate::tui::keymap::Focus;
use crate::tui::layout::{self, BodyLayout, legend_rows, mark_key, scroll_offset, wrap};
use crate::tui::widgets::Figure;

pub struct BodyDiagram<'a> {
    pub app: &'a App,
    pub marks: Option<&'a BodyMarks>,
    pub cursor: usize,
    pub brush: Symptom,
    pub painting: bool,
    pub view: View,
    /// The search for a place by name, while one is typed.
    pub search: Option<&'a Search>,
}

fn symptom_style(app: &App, s: Symptom) -> Style {
    let i = Symptom::ALL.iter().position(|x| *x == s).unwrap_or(0);
    app.theme.symptoms[i]
}

impl Widget for BodyDiagram<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let content = &app.content;
        let layout = BodyLayout::new(area, self.view, content.shapes(), app.figure_mode());
        let words = &content.text.body.figure;
        for (view, r) in layout.figures.iter().flatten() {
            let head = BodyLayout::heading(*r).intersection(area);
            let line = app
                .glyphs
                .text(&heading(*view, head.width, words))
                .into_owned();
            buf.set_stringn(head.x, head.y, line, head.width.into(), app.theme.prompt);
            let raster = layout.raster(*view);
            Figure {
                raster: &raster,
                shapes: layout.shapes,
                table: content.regions,
                marks: self.marks,
                cursor: self.cursor,
                theme: &app.theme,
                glyphs: &app.glyphs,
            }
            .render(
                Rect {
                    y: r.y + 1,
                    height: r.height - 1,
                    ..*r
                }
                .intersection(area),
                buf,
            );
        }
        self.panel(layout, buf);
    }
}

impl BodyDiagram<'_> {
    fn panel(&self, layout: BodyLayout, buf: &mut Buffer) {
        let (t, g) = (&self.app.theme, &self.app.glyphs);
        let p = layout.panel;
        let w = p.width as usize;
        let sw = &self.app.words().diagram;
        let symptoms = &self.app.content.text.body.symptoms;
        let table = self.app.content.regions;
        let mut lines: Vec<Line> = Vec::new();
        // The legend: key, symbol, word; the brush is marked with the marker.
        for row in legend_rows(&self.app.keymap, symptoms, p.width) {
            let spans: Vec<Span> = row
                .into_iter()
                .flat_map(|s| {
                    let brush = if s == self.brush { g.marker } else { ' ' };
                    [
                        Span::styled(format!("{brush}{} ", mark_key(&self.app.keymap, s)), t.key),
                        Span::styled(s.symbol().to_string(), symptom_style(self.app, s)),
                        Span::styled(format!(" {} ", symptoms.get(s)), t.dim),
                    ]
                })
                .collect();
            lines.push(Line::from(spans));
        }
        if let Some(search) = self.search {
            return self.found(search, lines, layout, buf);
        }
        if !layout.has_figure() {
            lines.push(Line::styled(g.truncate(&sw.own_sides, w), t.dim));
            // The legend and the note fill the rows above `layout.list()`.
            for (i, l) in lines.into_iter().enumerate() {
                l.render(layout::row(p, i), buf);
            }
            return self.full_list(layout.list(&self.app.keymap, symptoms), buf);
        }
        let here = &table.regions[self.cursor];
        // The whole name, never cut: it says where a mark will go.
        for (i, part) in wrap(&here.label, w.saturating_sub(2))
            .into_iter()
            .enumerate()
        {
            let lead = g.point(i == 0);
            lines.push(Line::styled(format!("{lead}{part}"), t.prompt));
        }
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
        lines.push(Line::styled(
            g.truncate(&format!("  {status}"), w),
            t.checked,
        ));
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
        lines.push(Line::styled(g.truncate(&help, w), t.dim));
        lines.extend(
            wrap(&sw.figure_sides, w)
                .into_iter()
                .map(|l| Line::styled(l, t.dim)),
        );
        lines.push(Line::default());
        // The list of marks fills the rest; when it is too long its end shows,
        // since that is where the newest marks are.
        let room = (p.height as usize).saturating_sub(lines.len());
        let words = &self.app.content.text.body;
        let described = self
            .marks
            .map(|m| m.read_back(table, words))
            .unwrap_or_default();
        let mut marks: Vec<Line> = Vec::new();
        if described.is_empty() {
            marks.push(Line::styled(sw.nothing_yet.as_str(), t.dim));
        } else {
            marks.push(Line::styled(sw.marked.as_str(), t.section));
            for d in described {
                for (i, l) in wrap(&d, w.saturating_sub(2)).into_iter().enumerate() {
                    marks.push(Line::from(format!(
                        "{} {l}",
                        if i == 0 { g.bullet } else { ' ' }
                    )));
                }
            }
        }
        if marks.len() > room && room > 0 {
            let keep = marks.split_off(marks.len() - room + 1);
            // "… 3 more lines above": the catalogue's ellipsis in the set's.
            let more = fill(&sw.more_above, &[("count", &marks.len().to_string())]);
            marks = vec![Line::styled(g.text(&more).into_owned(), t.dim)];
            marks.extend(keep);
        }
        lines.extend(marks.into_iter().take(room));
        for (n, l) in lines.into_iter().enumerate().take(p.height as usize) {
            l.render(layout::row(p, n), buf);
        }
    }

    /// The search for a place: what is typed, then the places found, each
    /// with the digit that picks it, the one the cursor is on marked.
    fn found<'l>(
        &'l self,
        search: &'l Search,
        mut lines: Vec<Line<'l>>,
        layout: BodyLayout,
        buf: &mut Buffer,
    ) {
        let (t, g) = (&self.app.theme, &self.app.glyphs);
        let sw = &self.app.words().diagram;
        let app = self.app;
        let symptoms = &app.content.text.body.symptoms;
        let w = layout.panel.width as usize;
        let typed = search.input.value();
        lines.push(Line::from(vec![
            Span::styled(sw.find_prompt.as_str(), t.prompt),
            Span::styled(format!("{typed}_"), t.key),
        ]));
        for (i, l) in lines.into_iter().enumerate() {
            l.render(layout::row(layout.panel, i), buf);
        }
        let list = layout.search_list(&app.keymap, symptoms);
        let table = app.content.regions;
        let found = crate::body::search(table, typed);
        let mut rows: Vec<Line> = found
            .iter()
            .take(list.height as usize)
            .enumerate()
            .map(|(i, r)| {
                let picked = i == search.pick;
                let text = g.truncate(&format!("{} {}", i + 1, table.regions[*r].label), w - 2);
                let style = if picked { t.selected } else { t.base };
                Line::from(vec![
                    Span::styled(g.point(picked), t.key),
                    Span::styled(text, style),
                ])
            })
            .collect();
        if rows.is_empty() {
            let hint = if typed.trim().is_empty() {
                &sw.find_hint
            } else {
                &sw.find_none
            };
            rows.extend(wrap(hint, w).into_iter().map(|l| Line::styled(l, t.dim)));
        }
        let keys = app.keyed(&sw.find_keys, Focus::Text, &[]);
        rows.push(Line::default());
        rows.extend(wrap(&keys, w).into_iter().map(|l| Line::styled(l, t.dim)));
        let room = layout.panel.bottom().saturating_sub(list.y) as usize;
        for (i, l) in rows.into_iter().take(room).enumerate() {
            l.render(
                layout::row(
                    Rect {
                        height: room as u16,
                        ..list
                    },
                    i,
                ),
                buf,
            );
        }
    }

    /// Every region as a list, for screens too small for a figure.
    fn full_list(&self, list: Rect, buf: &mut Buffer) {
        let (t, g) = (&self.app.theme, &self.app.glyphs);
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
                Span::styled(g.point(here), t.key),
                Span::styled(format!("{symbols:<3}"), t.checked),
                Span::styled(
                    g.truncate(&text, (list.width as usize).saturating_sub(5)),
                    style,
                ),
            ]);
            line.render(layout::row(list, i - offset), buf);
        }
    }
}
