//! A scale on screen: a row of numbers, chosen by digit keys, arrows, Home
//! and End, or a click.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::answers::Answer;
use crate::text::fill;
use crate::tui::app::{App, Notice};
use crate::tui::editor::Editor;
use crate::tui::layout;
use crate::tui::message::Msg;
use crate::tui::widgets::ScaleBar;

pub(super) fn editor(answer: Option<&Answer>) -> Editor {
    let value = if let Some(Answer::Scale(n)) = answer {
        Some(*n)
    } else {
        None
    };
    Editor::Scale {
        value,
        typed_one: false,
    }
}

impl App {
    pub(in crate::tui) fn update_scale(&mut self, n: usize, (min, max): (i32, i32), msg: Msg) {
        let widget = self.item_body(n).widget;
        let Editor::Scale { value, typed_one } = &mut self.editor else {
            return;
        };
        let new = match msg {
            Msg::Digit(d) => {
                let v = digit(typed_one, d, max);
                if v < min || v > max {
                    let words = &self.words().item.scale_range;
                    let (min, max) = (min.to_string(), max.to_string());
                    let text = fill(words, &[("min", &min), ("max", &max)]);
                    self.notice = Some(Notice::Error(text));
                    return;
                }
                v
            }
            Msg::Left | Msg::Down | Msg::ScrollDown { .. } => {
                value.map_or(min, |v| (v - 1).max(min))
            }
            Msg::Right | Msg::Up | Msg::ScrollUp { .. } => value.map_or(min, |v| (v + 1).min(max)),
            Msg::Home => min,
            Msg::End => max,
            Msg::Click { column, row } => match clicked(widget, (min, max), column, row) {
                Some(v) => v,
                None => return,
            },
            _ => return,
        };
        if !matches!(msg, Msg::Digit(_)) {
            *typed_one = false;
        }
        *value = Some(new);
        self.answer(n, Answer::Scale(new));
    }
}

/// The number a digit key makes: "1" then "0" makes 10 on a 0-10 scale.
fn digit(typed_one: &mut bool, d: u8, max: i32) -> i32 {
    let d = i32::from(d);
    let v = if *typed_one && d == 0 && max >= 10 {
        10
    } else {
        d
    };
    *typed_one = d == 1;
    v
}

/// The number clicked on, if the click was on one.
fn clicked(widget: Rect, (min, max): (i32, i32), column: u16, row: u16) -> Option<i32> {
    let cells = layout::scale_cells(widget, (max - min + 1) as usize);
    let at = cells
        .iter()
        .position(|c| layout::contains(*c, column, row))?;
    Some(min + at as i32)
}

pub(super) fn render(
    app: &App,
    bounds: (i32, i32),
    labels: [&str; 2],
    area: Rect,
    buf: &mut Buffer,
) {
    let Editor::Scale { value, .. } = &app.editor else {
        return;
    };
    ScaleBar {
        min: bounds.0,
        max: bounds.1,
        min_label: labels[0],
        max_label: labels[1],
        value: *value,
        theme: &app.theme,
        glyphs: &app.glyphs,
        words: &app.words().item,
    }
    .render(area, buf);
}
