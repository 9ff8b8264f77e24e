//! The body diagram: the figures with the marks and the cursor, and beside
//! them a panel that says in words where the cursor is and what is marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

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

impl Widget for BodyDiagram<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let content = &app.content;
        let layout = BodyLayout::new(area, self.view, content.shapes(), app.figure_mode());
        let body_words = app.body_words();
        let words = &body_words.figure;
        for (view, r) in layout.figures.iter().flatten() {
            let head = BodyLayout::heading(*r).intersection(area);
            let line = app
                .glyphs
                .text(&heading(*view, head.width, words))
                .into_owned();
            // The sides in bold, the figure's name as a title, so that
            // "RIGHT FRONT LEFT" reads as three things, not "right front".
            let name = match view {
                View::Front => &words.front,
                View::Back => &words.back,
            };
            let (sides, title) = (app.theme.prompt, app.theme.title);
            let spans: Vec<Span> = match line.split_once(name.as_str()) {
                Some((left, right)) => vec![
                    Span::styled(left.to_string(), sides),
                    Span::styled(name.as_str(), title),
                    Span::styled(right.to_string(), sides),
                ],
                None => vec![Span::styled(line.clone(), sides)],
            };
            Line::from(spans).render(head, buf);
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
    /// Beside the figures: the legend, the place under the cursor and what
    /// is marked there, the tools, how the figures face, then every mark.
    fn panel(&self, layout: BodyLayout, buf: &mut Buffer) {
        let (t, g) = (&self.app.theme, &self.app.glyphs);
        let p = layout.panel;
        let w = p.width as usize;
        let sw = &self.app.words().diagram;
        let symptoms = &self.app.content.text.body.symptoms;
        let mut lines = self.legend(w as u16);
        if let Some(search) = self.search {
            return self.found(search, lines, layout, buf);
        }
        if !layout.has_figure() {
            let own = match self.app.mapping() {
                true => &self.app.content.text.body.practice.own_sides,
                false => &sw.own_sides,
            };
            lines.push(Line::styled(g.truncate(own, w), t.dim));
            // The legend and the note fill the rows above `layout.list()`.
            for (i, l) in lines.into_iter().enumerate() {
                l.render(layout::row(p, i), buf);
            }
            return self.full_list(layout.list(&self.app.keymap, symptoms), buf);
        }
        lines.extend(self.here(w));
        // A line as it is where it fits (the tools keep their spacing), else wrapped.
        let dim = |text: &str| {
            let lines = if text.width() <= w {
                vec![text.to_string()]
            } else {
                wrap(text, w)
            };
            lines.into_iter().map(|l| Line::styled(l, t.dim))
        };
        lines.extend(dim(&self.tools(layout)));
        lines.extend(dim(&sw.figure_sides));
        // A trainee reads "RIGHT" and "LEFT" as the patient's, not their own.
        if self.app.mapping() {
            lines.extend(dim(&self.app.content.text.body.practice.own_sides));
        }
        lines.extend(dim(&sw.click));
        lines.push(Line::default());
        let room = (p.height as usize).saturating_sub(lines.len());
        lines.extend(self.marked(w, room));
        for (n, l) in lines.into_iter().enumerate().take(p.height as usize) {
            l.render(layout::row(p, n), buf);
        }
    }

    /// The legend: key, symbol, word; the brush is marked with the marker.
    /// A click on an entry chooses that symptom (`layout::legend_hit`).
    fn legend(&self, width: u16) -> Vec<Line<'_>> {
        let (t, g) = (&self.app.theme, &self.app.glyphs);
        let symptoms = &self.app.content.text.body.symptoms;
        legend_rows(&self.app.keymap, symptoms, width)
            .into_iter()
            .map(|row| {
                let spans: Vec<Span> = row
                    .into_iter()
                    .flat_map(|s| {
                        let brush = if s == self.brush { g.marker } else { ' ' };
                        [
                            Span::styled(
                                format!("{brush}{} ", mark_key(&self.app.keymap, s)),
                                t.key,
                            ),
                            Span::styled(s.symbol().to_string(), self.app.theme.symptom(s)),
                            Span::styled(format!(" {} ", symptoms.get(s)), t.dim),
                        ]
                    })
                    .collect();
                Line::from(spans)
            })
            .collect()
    }

    /// The place under the cursor, its whole name with its side beyond
    /// doubt (never cut: it says where a mark will go), and what is marked
    /// there.
    fn here(&self, w: usize) -> Vec<Line<'_>> {
        let (t, g) = (&self.app.theme, &self.app.glyphs);
        let words = self.app.body_words();
        let words = &*words;
        let here = &self.app.content.regions.regions[self.cursor];
        let mut lines: Vec<Line> = wrap(&here.spoken(words), w.saturating_sub(2))
            .into_iter()
            .enumerate()
            .map(|(i, part)| Line::styled(format!("{}{part}", g.point(i == 0)), t.prompt))
            .collect();
        let on_it: Vec<&str> = self
            .marks
            .and_then(|m| m.symptoms(&here.id))
            .map(|s| s.iter().map(|s| words.symptoms.get(*s)).collect())
            .unwrap_or_default();
        let status = if on_it.is_empty() {
            self.app.words().diagram.nothing_here.clone()
        } else {
            on_it.join(&words.between)
        };
        for l in wrap(&status, w.saturating_sub(2)) {
            lines.push(Line::styled(format!("  {l}"), t.checked));
        }
        lines
    }

    /// The keys that clear and paint, and turn the figure when one shows.
    fn tools(&self, layout: BodyLayout) -> String {
        let sw = &self.app.words().diagram;
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
        help
    }

    /// Every mark, read back, in `room` rows, each whole (a cut entry could
    /// lose its symptom): where they do not all fit, the last ones, after
    /// how many more there are.
    fn marked(&self, w: usize, room: usize) -> Vec<Line<'_>> {
        let (t, g) = (&self.app.theme, &self.app.glyphs);
        let sw = &self.app.words().diagram;
        let table = self.app.content.regions;
        let words = self.app.body_words();
        let described = self
            .marks
            .map(|m| m.read_back(table, &words))
            .unwrap_or_default();
        if described.is_empty() {
            return vec![Line::styled(sw.nothing_yet.as_str(), t.dim)];
        }
        let entries: Vec<Vec<String>> = described
            .iter()
            .map(|d| wrap(d, w.saturating_sub(2)))
            .collect();
        let mut lines = vec![Line::styled(sw.marked.as_str(), t.section)];
        // Under the heading, the last entries that fit whole, with a line
        // for how many are above when any are.
        let rows = |from: usize| entries[from..].iter().map(Vec::len).sum::<usize>();
        let fits = |from: usize| rows(from) + usize::from(from > 0) < room;
        let skip = (0..entries.len())
            .find(|&from| fits(from))
            .unwrap_or(entries.len());
        if skip > 0 {
            let more = fill(&sw.more_above, &[("count", &skip.to_string())]);
            lines.push(Line::styled(g.text(&more).into_owned(), t.dim));
        }
        for entry in entries.into_iter().skip(skip) {
            for (i, l) in entry.into_iter().enumerate() {
                let lead = if i == 0 { g.bullet } else { ' ' };
                lines.push(Line::from(format!("{lead} {l}")));
            }
        }
        lines
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
        // The caret where the input's cursor is: a reversed cell.
        let at = search.input.cursor();
        let before: String = typed.chars().take(at).collect();
        let under = typed.chars().nth(at).unwrap_or(' ');
        let after: String = typed.chars().skip(at + 1).collect();
        lines.push(Line::from(vec![
            Span::styled(sw.find_prompt.as_str(), t.prompt),
            Span::styled(before, t.key),
            Span::styled(under.to_string(), t.selected),
            Span::styled(after, t.key),
        ]));
        for (i, l) in lines.into_iter().enumerate() {
            l.render(layout::row(layout.panel, i), buf);
        }
        let list = layout.search_list(&app.keymap, symptoms);
        let table = app.content.regions;
        let found = crate::body::search(table, typed);
        let shown = layout::search_shown(found.len(), list.height);
        let mut rows: Vec<Line> = found
            .iter()
            .take(shown)
            .enumerate()
            .map(|(i, r)| {
                let picked = i == search.pick;
                let name = table.regions[*r].spoken(&app.body_words());
                // Cut in the middle: places differ at the end (a side).
                let text = g.truncate_middle(&format!("{} {name}", i + 1), w - 2);
                let style = if picked { t.selected } else { t.base };
                Line::from(vec![
                    Span::styled(g.point(picked), t.key),
                    Span::styled(text, style),
                ])
            })
            .collect();
        if found.len() > shown {
            let more = fill(
                &sw.find_more,
                &[("count", &(found.len() - shown).to_string())],
            );
            rows.push(Line::styled(g.truncate(&g.text(&more), w), t.dim));
        }
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
