//! The body diagram on screen: the cursor moves between regions (on the
//! figures by where they lie, in the list by order); a symptom's letter,
//! Space or a click marks the region under it, paint mode marks as it
//! moves, and the diagram is drawn with the marks.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::answers::Answer;
use crate::body::{BodyRegions, Direction, Mode, Placed, Symptom, View, hit};
use crate::content::Content;
use crate::text::{Text, fill};
use crate::tui::app::{App, Dialog, Notice};
use crate::tui::editor::{Editor, Search};
use crate::tui::keymap::{Action, Keymap};
use crate::tui::layout::{self, BodyLayout};
use crate::tui::message::{Focus, Msg};
use crate::tui::theme::ThemeName;
use crate::tui::view::body::BodyDiagram;
use tui_input::InputRequest;

pub(super) fn editor() -> Editor {
    Editor::Body {
        cursor: 0,
        brush: Symptom::Pain,
        painting: false,
        view: View::Front,
        search: None,
    }
}

/// What a key or click does to the marks and the cursor.
enum Act {
    Move(usize),
    /// Choose what the next marks are, from the legend.
    Brush(Symptom),
    Toggle(Symptom),
    Paint(usize),
    Clear,
    ClearAll,
}

/// The regions as last drawn: where the cursor can go and what a click hits.
struct Nav {
    layout: BodyLayout,
    placed: Vec<Placed>,
    /// Without a figure, the panel is a list of every region.
    list: Rect,
    count: usize,
}

impl Nav {
    fn new(
        widget: Rect,
        view: View,
        count: usize,
        keymap: &Keymap,
        content: &Content<'static>,
        mode: Mode,
    ) -> Self {
        let layout = BodyLayout::new(widget, view, content.shapes(), mode);
        let symptoms = &content.text.body.symptoms;
        let list = layout.list(keymap, symptoms);
        Nav {
            placed: layout.placed(),
            layout,
            list,
            count,
        }
    }

    /// The region next to `from` in `dir`: on the figures, the region
    /// table's neighbour; in the list, the next row.
    fn step(&self, table: &BodyRegions, from: usize, dir: Direction) -> usize {
        if self.layout.has_figure() {
            return table.neighbour(from, dir).unwrap_or(from);
        }
        match dir {
            Direction::Up | Direction::Left => from.saturating_sub(1),
            Direction::Down | Direction::Right => (from + 1).min(self.count - 1),
        }
    }

    /// The next region in table order that is on screen, or the one before.
    fn next_shown(&self, from: usize, forward: bool) -> usize {
        let shown = |r: usize| {
            !self.layout.has_figure() || self.placed.iter().any(|p| p.raster.centre(r).is_some())
        };
        let count = self.count;
        let step = if forward { 1 } else { count - 1 };
        (1..=count)
            .map(|k| (from + k * step) % count)
            .find(|&r| shown(r))
            .unwrap_or(from)
    }

    /// A click on the region under the cursor marks it; elsewhere it moves there.
    fn click(&self, column: u16, row: u16, cursor: usize, brush: Symptom) -> Option<Act> {
        match hit(&self.placed, column, row) {
            Some(r) if r == cursor => Some(Act::Toggle(brush)),
            Some(r) => Some(Act::Move(r)),
            None if !self.layout.has_figure() && layout::contains(self.list, column, row) => {
                let offset = layout::scroll_offset(cursor, self.count, self.list.height as usize);
                let r = offset + usize::from(row - self.list.y);
                Some(Act::Move(r.min(self.count - 1)))
            }
            None => None,
        }
    }
}

impl App {
    pub(in crate::tui) fn update_body(&mut self, n: usize, msg: Msg) {
        if let Some(act) = self.body_act(n, msg) {
            self.mark(n, act);
        }
    }

    /// What `msg` does on the diagram; turning the figure, the brush and
    /// paint mode change here.
    fn body_act(&mut self, n: usize, msg: Msg) -> Option<Act> {
        let table = self.content.regions;
        let count = table.regions.len();
        let widget = self.item_body(n).widget;
        // The key that stops paint mode is the one that started it.
        let paint_key = self.key(Action::Paint, Focus::Body);
        let text = self.content.text;
        let mode = self.figure_mode();
        let Editor::Body {
            cursor,
            brush,
            painting,
            view,
            search,
        } = &mut self.editor
        else {
            return None;
        };
        let nav = Nav::new(widget, *view, count, &self.keymap, &self.content, mode);
        let step = |dir| Some(Act::Move(nav.step(table, *cursor, dir)));
        match msg {
            Msg::Up => step(Direction::Up),
            Msg::Down => step(Direction::Down),
            Msg::Left => step(Direction::Left),
            Msg::Right => step(Direction::Right),
            Msg::ScrollUp { .. } => Some(Act::Move(cursor.saturating_sub(1))),
            Msg::ScrollDown { .. } => Some(Act::Move((*cursor + 1).min(count - 1))),
            Msg::PageUp => Some(Act::Move(table.next_area(*cursor, false))),
            Msg::PageDown => Some(Act::Move(table.next_area(*cursor, true))),
            Msg::NextField => Some(Act::Move(nav.next_shown(*cursor, true))),
            Msg::PrevField => Some(Act::Move(nav.next_shown(*cursor, false))),
            Msg::Home => Some(Act::Move(0)),
            Msg::End => Some(Act::Move(count - 1)),
            Msg::Flip if nav.layout.single() => {
                *view = turned(*view);
                let first = table.regions.iter().position(|r| r.view == *view);
                Some(Act::Move(first.unwrap_or(0)))
            }
            Msg::Find => {
                let from = *cursor;
                *search = Some(Search {
                    from,
                    ..Search::default()
                });
                None
            }
            Msg::Paint => {
                *painting = !*painting;
                let text = paint_notice(*painting, *brush, &paint_key, text);
                self.notice = Some(Notice::Info(text));
                None
            }
            Msg::Mark(s) => {
                *brush = s;
                Some(Act::Toggle(s))
            }
            Msg::Toggle => Some(Act::Toggle(*brush)),
            Msg::ClearPlace => Some(Act::Clear),
            Msg::ClearAll => Some(Act::ClearAll),
            Msg::Click { column, row } => {
                let symptoms = &text.body.symptoms;
                match layout::legend_hit(&self.keymap, symptoms, nav.layout.panel, (column, row)) {
                    Some(s) => Some(Act::Brush(s)),
                    None => nav.click(column, row, *cursor, *brush),
                }
            }
            Msg::Drag { column, row } => hit(&nav.placed, column, row).map(Act::Paint),
            _ => None,
        }
    }

    /// Carries out `act` on the cursor and the marks of item `n`.
    fn mark(&mut self, n: usize, act: Act) {
        let table = self.content.regions;
        let region = |r: usize| table.regions[r].id.as_str();
        let mut marks = self
            .session
            .get(&self.item(n).id)
            .and_then(Answer::marks)
            .cloned()
            .unwrap_or_default();
        let Editor::Body {
            cursor,
            brush,
            painting,
            view,
            ..
        } = &mut self.editor
        else {
            return;
        };
        if let Act::Move(r) | Act::Paint(r) = act {
            // Where one figure fits, the one the cursor is on shows.
            *view = table.regions[r].view;
        }
        match act {
            Act::Move(r) => {
                *cursor = r;
                if !*painting {
                    return;
                }
                marks.set(region(r), *brush);
            }
            Act::Paint(r) => {
                *cursor = r;
                marks.set(region(r), *brush);
            }
            Act::Brush(s) => {
                *brush = s;
                return;
            }
            Act::Toggle(s) => marks.toggle(region(*cursor), s),
            Act::Clear => marks.clear_region(region(*cursor)),
            Act::ClearAll => {
                if !marks.is_empty() {
                    self.dialog = Some(Dialog::ConfirmClearAll);
                }
                return;
            }
        }
        self.answer(n, Answer::Body(marks));
    }
}

fn turned(view: View) -> View {
    if view == View::Front {
        View::Back
    } else {
        View::Front
    }
}

fn paint_notice(painting: bool, brush: Symptom, key: &str, text: &Text) -> String {
    let words = &text.screen.diagram;
    if painting {
        let symptom = text.body.symptoms.get(brush);
        fill(&words.paint_on, &[("symptom", symptom), ("key", key)])
    } else {
        words.paint_off.clone()
    }
}

pub(super) fn render(app: &App, answer: Option<&Answer>, area: Rect, buf: &mut Buffer) {
    let Editor::Body {
        cursor,
        brush,
        painting,
        view,
        search,
    } = &app.editor
    else {
        return;
    };
    BodyDiagram {
        app,
        marks: answer.and_then(Answer::marks),
        cursor: *cursor,
        brush: *brush,
        painting: *painting,
        view: *view,
        search: search.as_ref(),
    }
    .render(area, buf);
}

impl App {
    /// How the figure is drawn here: two rows a cell in half blocks where
    /// the terminal has them and colours to tell the rows apart, else one.
    pub fn figure_mode(&self) -> Mode {
        if self.glyphs.halves.is_some() && self.theme.name != ThemeName::Mono {
            Mode::HalfBlocks
        } else {
            Mode::OneRow
        }
    }

    /// Whether the patient is typing the name of a place to find.
    pub fn searching(&self) -> bool {
        matches!(
            self.editor,
            Editor::Body {
                search: Some(_),
                ..
            }
        )
    }

    /// A key while finding a place: typing narrows the places found and
    /// the cursor follows the one picked; a digit picks from the list and
    /// Enter keeps the place; Esc goes back to where the cursor was. A
    /// click away from the list ends the search and is returned, to do
    /// what it does.
    pub(in crate::tui) fn update_search(&mut self, n: usize, msg: Msg) -> Option<Msg> {
        let table = self.content.regions;
        let list = self.search_list(n);
        let Editor::Body {
            cursor,
            view,
            search: Some(s),
            ..
        } = &mut self.editor
        else {
            return Some(msg);
        };
        let found = crate::body::search(table, s.input.value());
        // Only the places listed can be picked, by arrow or digit.
        let shown = layout::search_shown(found.len(), list.height);
        let last = shown.saturating_sub(1);
        let mut done = false;
        match msg {
            Msg::Edit(InputRequest::InsertChar(c)) if c.is_ascii_digit() => {
                let d = c.to_digit(10).unwrap_or(0) as usize;
                if (1..=shown).contains(&d) {
                    s.pick = d - 1;
                    done = true;
                }
            }
            Msg::Edit(request) => s.edit(request),
            Msg::Paste(text) => text
                .chars()
                .filter(|c| !c.is_control())
                .for_each(|c| s.edit(InputRequest::InsertChar(c))),
            Msg::Up => s.pick = s.pick.saturating_sub(1),
            Msg::Down => s.pick = (s.pick + 1).min(last),
            // With nothing found the search stays, saying so.
            Msg::Confirm => done = !found.is_empty(),
            Msg::Quit => {
                *cursor = s.from;
                *view = table.regions[s.from].view;
                self.end_search();
                return None;
            }
            // "Why we ask" still opens and closes.
            Msg::Help => return Some(msg),
            Msg::Click { column, row } => match layout::row_at(list, column, row) {
                Some(i) if i < shown => {
                    s.pick = i;
                    done = true;
                }
                _ => {
                    self.end_search();
                    return Some(msg);
                }
            },
            _ => {}
        }
        if let Some(&r) = crate::body::search(table, s.input.value()).get(s.pick) {
            *cursor = r;
            *view = table.regions[r].view;
        }
        if done {
            self.end_search();
        }
        None
    }

    fn end_search(&mut self) {
        if let Editor::Body { search, .. } = &mut self.editor {
            *search = None;
        }
    }

    /// Where the places found are listed, a row each.
    fn search_list(&self, n: usize) -> Rect {
        let Editor::Body { view, .. } = &self.editor else {
            return Rect::default();
        };
        let widget = self.item_body(n).widget;
        let layout = BodyLayout::new(widget, *view, self.content.shapes(), self.figure_mode());
        layout.search_list(&self.keymap, &self.content.text.body.symptoms)
    }
}
