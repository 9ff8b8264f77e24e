//! Where things go on screen. The view draws into these areas and the update
//! uses the same ones to tell what a mouse click hit, so the two never disagree.

pub mod report;

use ratatui::layout::{Constraint, Layout, Rect};

use super::keymap::{Action, Focus, Keymap};
use std::sync::Arc;

use crate::body::{Mode, Placed, Raster, Shapes, Symptom, View};
use crate::text::Symptoms;
use unicode_width::UnicodeWidthChar;
use unicode_width::UnicodeWidthStr;

/// Below this size the screen asks to be enlarged instead of drawing.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 20;
/// The widest the content gets: long lines are hard to read.
pub const MAX_WIDTH: u16 = 124;

/// The welcome screen's language choice in `body`, below its first
/// `above` lines: a heading line, then one row a language.
pub fn language_rows(body: Rect, above: u16, count: usize) -> impl Iterator<Item = Rect> {
    let top = body.y + above + 1;
    (0..count as u16).map(move |n| Rect::new(body.x, top + n, body.width, 1))
}

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The frame of every screen: a title line, a progress line, the body, an
/// inline message line, a row of buttons and a line of key hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Frame {
    pub title: Rect,
    pub progress: Rect,
    pub body: Rect,
    pub message: Rect,
    pub buttons: Rect,
    pub hints: Rect,
}

impl Frame {
    pub fn new(area: Rect) -> Self {
        // Long lines are hard to read: on a very wide screen the content
        // keeps a readable width and sits in the middle.
        let inner = area.inner(ratatui::layout::Margin::new(1, 0));
        let inner = centered(inner, inner.width.min(MAX_WIDTH), inner.height);
        let [title, progress, _, body, message, buttons, hints] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(inner);
        Self {
            title,
            progress,
            body,
            message,
            buttons,
            hints,
        }
    }

    /// The back button at the left of the button row, `label` wide plus brackets.
    pub fn left_button(&self, label: &str) -> Rect {
        let w = (label.width() as u16 + 4).min(self.buttons.width);
        Rect {
            width: w,
            ..self.buttons
        }
    }

    /// The forward button at the right of the button row.
    pub fn right_button(&self, label: &str) -> Rect {
        let w = (label.width() as u16 + 4).min(self.buttons.width);
        Rect {
            x: self.buttons.right().saturating_sub(w),
            width: w,
            ..self.buttons
        }
    }
}

/// The body of an item screen: section introduction, prompt, the answer
/// widget and, when asked for, "why we ask".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemBody {
    pub intro: Rect,
    pub prompt: Rect,
    pub widget: Rect,
    pub why: Rect,
}

impl ItemBody {
    pub fn new(body: Rect, intro: &str, prompt: &str, why: Option<&str>) -> Self {
        let w = body.width.saturating_sub(1).max(1) as usize;
        let lines = |t: &str| wrap(t, w).len() as u16;
        let intro_h = if intro.is_empty() {
            0
        } else {
            lines(intro) + 1
        };
        let why_h = why.map_or(0, |t| lines(t) + 2);
        let [intro, prompt, _, widget, why] = Layout::vertical([
            Constraint::Length(intro_h),
            Constraint::Length(lines(prompt)),
            Constraint::Length(1),
            Constraint::Min(3),
            Constraint::Length(why_h),
        ])
        .areas(body);
        Self {
            intro,
            prompt,
            widget,
            why,
        }
    }
}

/// Where the body diagram goes: the figures that fit (both side by side, or
/// the chosen one), each a heading line over the figure, as large as the room
/// beside the panel of words allows. With no room for a figure, the panel
/// alone lists every region.
#[derive(Debug, Clone, Copy)]
pub struct BodyLayout {
    /// Each figure's place, its heading line included.
    pub figures: [Option<(View, Rect)>; 2],
    /// Each figure's size in cells, under its heading.
    pub size: (u16, u16),
    /// One row of the figure a cell, or two in half blocks.
    pub mode: Mode,
    /// The shapes drawn: the content's, passed in.
    pub shapes: &'static Shapes,
    pub panel: Rect,
}

impl BodyLayout {
    const PANEL_MIN: u16 = 26;
    /// The columns beside each figure that its heading may use: the sides'
    /// names are wider than a small figure.
    pub const MARGIN: u16 = 3;
    /// The most places a search lists: each is picked by its digit.
    pub const SEARCH_ROWS: u16 = 9;
    /// The shortest figure drawn: from this height up (the figure at 80 x
    /// 24) every region has a cell of its own.
    pub const FIGURE_MIN_HEIGHT: u16 = 14;

    pub fn new(area: Rect, shown: View, shapes: &'static Shapes, mode: Mode) -> Self {
        let m = Self::MARGIN;
        // `count` figures, each with its margins, then the panel.
        let fit = |count: u16| {
            let room = area.width.saturating_sub(Self::PANEL_MIN) / count;
            shapes.fit(room.saturating_sub(2 * m), area.height.saturating_sub(1))
        };
        let place = |(w, h): (u16, u16), both: bool| {
            let front = Rect::new(area.x + m, area.y, w, h + 1);
            let figures = if both {
                let back = Rect::new(front.right() + 2 * m, area.y, w, h + 1);
                [Some((View::Front, front)), Some((View::Back, back))]
            } else {
                [Some((shown, front)), None]
            };
            let used = figures
                .iter()
                .flatten()
                .map(|(_, r)| r.right() + m)
                .max()
                .unwrap_or(area.x)
                - area.x;
            let panel = Rect {
                x: area.x + used,
                width: area.width.saturating_sub(used),
                ..area
            };
            Self {
                figures,
                size: (w, h),
                mode,
                shapes,
                panel,
            }
        };
        let (both, one) = (fit(2), fit(1));
        if both.1 >= Self::FIGURE_MIN_HEIGHT {
            place(both, true)
        } else if one.1 >= Self::FIGURE_MIN_HEIGHT {
            place(one, false)
        } else {
            Self {
                figures: [None, None],
                size: (0, 0),
                mode,
                shapes,
                panel: area,
            }
        }
    }

    /// A figure's raster at the size laid out.
    pub fn raster(&self, view: View) -> Arc<Raster> {
        let (w, h) = self.size;
        self.shapes.raster(view, w, h, self.mode)
    }

    /// Where a figure's heading goes: its first row and a column of each
    /// margin, so two headings side by side keep four columns apart.
    pub fn heading(r: Rect) -> Rect {
        Rect::new(r.x.saturating_sub(1), r.y, r.width + 2, 1)
    }

    /// The placed figures, under their headings, for hit-testing and navigation.
    pub fn placed(&self) -> Vec<Placed> {
        self.figures
            .iter()
            .flatten()
            .map(|(view, r)| Placed {
                raster: self.raster(*view),
                x: r.x,
                y: r.y + 1,
            })
            .collect()
    }

    /// Whether any figure is drawn (otherwise the panel lists all regions).
    pub fn has_figure(&self) -> bool {
        self.figures[0].is_some()
    }

    /// Whether only one of the two figures fits, so the patient switches.
    pub fn single(&self) -> bool {
        self.figures[0].is_some() && self.figures[1].is_none()
    }

    /// Where the list of every region goes when no figure fits: the panel
    /// under the legend and the note below it.
    pub fn list(&self, keymap: &Keymap, symptoms: &Symptoms) -> Rect {
        let header = legend_rows(keymap, symptoms, self.panel.width).len() as u16 + 1;
        Rect {
            y: self.panel.y + header,
            height: self.panel.height.saturating_sub(header),
            ..self.panel
        }
    }

    /// Where the places found by a search are listed: under the legend and
    /// the line being typed, at most `SEARCH_ROWS` of them, one a row.
    pub fn search_list(&self, keymap: &Keymap, symptoms: &Symptoms) -> Rect {
        let list = self.list(keymap, symptoms);
        Rect {
            height: list.height.min(Self::SEARCH_ROWS),
            ..list
        }
    }
}

/// The symptoms of the body diagram's legend, packed into as few lines as
/// `width` allows.
pub fn legend_rows(keymap: &Keymap, symptoms: &Symptoms, width: u16) -> Vec<Vec<Symptom>> {
    let mut rows: Vec<Vec<Symptom>> = vec![Vec::new()];
    let mut used = 0;
    for s in Symptom::ALL {
        let entry = legend_entry_width(keymap, symptoms, s);
        if used > 0 && used + entry > width as usize {
            rows.push(Vec::new());
            used = 0;
        }
        rows.last_mut().expect("never empty").push(s);
        used += entry;
    }
    rows
}

/// The symptom of the legend entry at (column, row) of the panel, as
/// `legend_rows` packs them: a click there chooses what to mark.
pub fn legend_hit(
    keymap: &Keymap,
    symptoms: &Symptoms,
    panel: Rect,
    (column, row): (u16, u16),
) -> Option<Symptom> {
    let rows = legend_rows(keymap, symptoms, panel.width);
    let entries = rows.get(usize::from(row.checked_sub(panel.y)?))?;
    let mut x = usize::from(column.checked_sub(panel.x)?);
    for s in entries {
        let w = legend_entry_width(keymap, symptoms, *s);
        if x < w {
            return Some(*s);
        }
        x -= w;
    }
    None
}

/// The columns a legend entry takes: "›p / pain ": marker, key, space,
/// symbol, space, word, space.
fn legend_entry_width(keymap: &Keymap, symptoms: &Symptoms, s: Symptom) -> usize {
    5 + mark_key(keymap, s).width() + symptoms.get(s).width()
}

/// The key that marks a symptom, as the legend shows it.
pub fn mark_key(keymap: &Keymap, s: Symptom) -> String {
    keymap
        .key_for(Action::Mark(s), Focus::Body)
        .map_or_else(String::new, |k| k.glyph())
}

/// The practice interview's rows in the `body` of its frame: the
/// conversation, and under it `bottom` rows (the text box, or what a
/// question meant).
pub fn talk_rows(body: Rect, bottom: u16) -> [Rect; 2] {
    Layout::vertical([Constraint::Min(1), Constraint::Length(bottom)]).areas(body)
}

/// The first row shown of a list of `len` rows in `height` rows so that the
/// cursor is visible. Computed from scratch each time, so it needs no state.
pub fn scroll_offset(cursor: usize, len: usize, height: usize) -> usize {
    if height == 0 || len <= height {
        0
    } else {
        // Keep the cursor near the middle, so the rows around it show too.
        cursor.saturating_sub(height / 2).min(len - height)
    }
}

/// The cells of a scale of `count` steps: each step's area, left to right.
pub fn scale_cells(area: Rect, count: usize) -> Vec<Rect> {
    let count = count.max(1) as u16;
    let w = (area.width / count).clamp(1, 6);
    (0..count)
        .map(|i| Rect {
            x: area.x + i * w,
            y: area.y,
            width: w,
            height: 1,
        })
        .collect()
}

/// Words wrapped to `width` display columns; a word longer than a line is cut.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0;
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let word_w = word.width();
            if line_w > 0 && line_w + 1 + word_w > width {
                out.push(std::mem::take(&mut line));
                line_w = 0;
            }
            if word_w > width {
                for c in word.chars() {
                    let cw = c.width().unwrap_or(0);
                    if line_w + cw > width {
                        out.push(std::mem::take(&mut line));
                        line_w = 0;
                    }
                    line.push(c);
                    line_w += cw;
                }
                continue;
            }
            if line_w > 0 {
                line.push(' ');
                line_w += 1;
            }
            line.push_str(word);
            line_w += word_w;
        }
        out.push(line);
    }
    out
}

/// `text` cut to `width` columns, with `ellipsis` (one column: the glyph
/// set's) when cut.
pub fn truncate(text: &str, width: usize, ellipsis: char) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in text.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push(ellipsis);
    out
}

/// `text` cut to `width` in the middle, keeping its start and its end:
/// two long names that differ only at the end (a side, a question's last
/// words) still look different.
pub fn truncate_middle(text: &str, width: usize, ellipsis: char) -> String {
    if text.width() <= width || width < 3 {
        return truncate(text, width, ellipsis);
    }
    let tail_w = (width - 1) / 2;
    let head = first_columns(text.chars(), width - 1 - tail_w);
    let tail: String = first_columns(text.chars().rev(), tail_w)
        .chars()
        .rev()
        .collect();
    format!("{}{ellipsis}{}", head.trim_end(), tail.trim_start())
}

/// As many of `chars` as fill `width` columns.
fn first_columns(chars: impl Iterator<Item = char>, width: usize) -> String {
    let mut w = 0;
    let fits = |c: &char| {
        w += c.width().unwrap_or(0);
        w <= width
    };
    chars.take_while(fits).collect()
}

/// A rectangle of at most `width` x `height` centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// The summary's two tabs ("(•) name"), at the right of the title line.
pub fn summary_tabs(frame: &Frame, names: [&str; 2]) -> [Rect; 2] {
    let [a, b] = names.map(|n| n.width() as u16 + 4);
    let line = frame.title;
    let second = Rect::new(line.right().saturating_sub(b), line.y, b, 1);
    let first = Rect::new(second.x.saturating_sub(a + 2), line.y, a, 1);
    [first.intersection(line), second.intersection(line)]
}

/// The box of a yes/no question, and its two buttons.
pub fn dialog_area(area: Rect) -> Rect {
    centered(area, 56, 7)
}

/// The dialog's two buttons, where they always were, each as wide as the
/// room to its right allows: a label of 16 columns with its key
/// ("S  Empezar de nuevo", "N  Empezar otra vez") fits whole.
pub fn dialog_buttons(area: Rect) -> (Rect, Rect) {
    let r = dialog_area(area);
    let y = r.bottom().saturating_sub(2);
    let yes = Rect::new(r.x + 4, y, 24, 1);
    let no = Rect::new(r.right().saturating_sub(24), y, 23, 1);
    (yes, no)
}

/// Row `n` of a list drawn in `area` (one line high).
pub fn row(area: Rect, n: usize) -> Rect {
    Rect {
        y: area.y + n as u16,
        height: 1,
        ..area
    }
}

/// Practice's impression screen: the prompt, a blank line, then the
/// choices from `offset`, one a row; what the view draws and a click hits.
pub struct ChoiceRows {
    pub rows: Rect,
    /// The first choice shown.
    pub offset: usize,
    /// Each choice's height in rows (1 unless wrapped).
    heights: Vec<u16>,
}

impl ChoiceRows {
    /// Choices of `heights` rows each in `area` under `header` rows,
    /// scrolled to keep the cursor's whole and near the middle.
    pub fn under(area: Rect, header: u16, cursor: usize, heights: Vec<u16>) -> Self {
        let rows = Rect {
            y: area.y + header.min(area.height),
            height: area.height.saturating_sub(header),
            ..area
        };
        let offset = offset(&heights, cursor, rows.height);
        ChoiceRows {
            rows,
            offset,
            heights,
        }
    }

    /// Where each shown choice starts, as (choice, row), in order.
    pub fn starts(&self) -> impl Iterator<Item = (usize, u16)> + '_ {
        let mut y = 0;
        (self.offset..self.heights.len())
            .map(move |i| {
                let at = y;
                y += self.heights[i];
                (i, at)
            })
            .take_while(|&(_, at)| at < self.rows.height)
    }

    /// The choice a click at (column, row) lands on.
    pub fn hit(&self, column: u16, row: u16, len: usize) -> Option<usize> {
        let dy = row.checked_sub(self.rows.y)?;
        if !contains(self.rows, column, row) {
            return None;
        }
        self.starts()
            .take_while(|&(_, at)| at <= dy)
            .last()
            .filter(|&(i, at)| i < len && dy < at + self.heights[i])
            .map(|(i, _)| i)
    }
}

/// The first choice shown: the cursor's near the middle, and no blank rows
/// at the end that earlier choices could fill.
fn offset(heights: &[u16], cursor: usize, room: u16) -> usize {
    let cursor = cursor.min(heights.len().saturating_sub(1));
    let sum = |r: &[u16]| r.iter().map(|h| u32::from(*h)).sum::<u32>();
    let room = u32::from(room);
    if sum(heights) <= room {
        return 0;
    }
    let mut from = cursor;
    while from > 0 && sum(&heights[from - 1..=cursor]) <= room / 2 + 1 {
        from -= 1;
    }
    let last = (0..heights.len())
        .find(|&f| sum(&heights[f..]) <= room)
        .unwrap_or(heights.len());
    from.min(last)
}

/// How many of `found` places a search lists in `rows` rows: all when they
/// fit, else one row fewer, for the line that says how many more there are.
pub fn search_shown(found: usize, rows: u16) -> usize {
    let rows = usize::from(rows);
    if found <= rows {
        found
    } else {
        rows.saturating_sub(1)
    }
}

/// The row of `area` a click at (column, row) lands on.
pub fn row_at(area: Rect, column: u16, row: u16) -> Option<usize> {
    contains(area, column, row).then(|| usize::from(row - area.y))
}

pub fn contains(r: Rect, column: u16, row: u16) -> bool {
    column >= r.x && column < r.right() && row >= r.y && row < r.bottom()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Choices of several rows: a click on any of a choice's rows is that
    /// choice, and scrolling keeps the cursor's choice whole.
    #[test]
    fn choice_rows_of_several_rows_scroll_and_hit_as_one() {
        let area = Rect::new(0, 0, 20, 7);
        let at = ChoiceRows::under(area, 1, 0, vec![1, 3, 2]);
        let hits: Vec<Option<usize>> = (0..7).map(|y| at.hit(5, y, 3)).collect();
        let want = [None, Some(0), Some(1), Some(1), Some(1), Some(2), Some(2)];
        assert_eq!(hits, want);
        let low = ChoiceRows::under(Rect::new(0, 0, 20, 4), 1, 2, vec![1, 3, 2]);
        assert_eq!(low.offset, 2);
        assert_eq!(low.starts().collect::<Vec<_>>(), [(2, 0)]);
        // One row each, a long list keeps the cursor near the middle.
        let long = ChoiceRows::under(Rect::new(0, 0, 20, 11), 1, 30, vec![1; 60]);
        assert_eq!(long.offset, 25);
    }

    #[test]
    fn a_middle_cut_keeps_both_ends() {
        let left = "pantorrilla, lado de afuera, su lado izquierdo";
        let right = "pantorrilla, lado de afuera, su lado derecho";
        let (l, r) = (
            truncate_middle(left, 30, '~'),
            truncate_middle(right, 30, '~'),
        );
        assert_ne!(l, r);
        assert!(l.width() <= 30 && l.ends_with("lado izquierdo"), "{l}");
        assert!(l.starts_with("pantorrilla"), "{l}");
        assert_eq!(truncate_middle("short", 30, '~'), "short");
    }

    #[test]
    fn wraps_on_words_and_measures_wide_characters() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        // Each of these CJK characters is two columns wide.
        assert_eq!(wrap("腰痛腰痛", 4), ["腰痛", "腰痛"]);
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
    }

    #[test]
    fn truncates_with_an_ellipsis() {
        assert_eq!(truncate("hello world", 6, '…'), "hello…");
        assert_eq!(truncate("hi", 6, '…'), "hi");
    }

    #[test]
    fn the_cursor_is_always_in_view() {
        for len in 0..30 {
            for height in 1..12 {
                for cursor in 0..len {
                    let off = scroll_offset(cursor, len, height);
                    assert!(
                        off <= cursor && cursor < off + height,
                        "{cursor} {len} {height} -> {off}"
                    );
                    assert!(off + height <= len.max(height));
                }
            }
        }
    }
}
