use ratatui::Frame as TermFrame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{Chrome, hints, wrapped};
use crate::answers::Answer;
use crate::questionnaire::Kind;
use crate::tui::app::{App, BACK, NEXT};
use crate::tui::editor::{Editor, choice_rows};
use crate::tui::keymap::HintScreen;
use crate::tui::layout::Frame;
use crate::tui::widgets::{ChoiceList, ScaleBar, TextField};

pub fn render(app: &App, n: usize, area: Rect, frame: &mut TermFrame) {
    let item = app.item(n);
    let q = &app.questionnaire;
    let t = &app.theme;
    let layout = Frame::new(area);
    let (section_n, section) = q.section_of(n).expect("item is in a section");
    let (at, total) = app.position(n);
    let screen = match (&item.kind, &app.editor) {
        (_, Editor::Text { .. } | Editor::Number { .. }) => HintScreen::Text,
        (_, Editor::Duration { .. }) => HintScreen::Duration,
        (Kind::Scale { .. }, _) => HintScreen::Scale,
        (Kind::Multi { .. }, _) => HintScreen::Multi,
        (Kind::BodyMap, _) => HintScreen::Body,
        (Kind::Info, _) => HintScreen::Info,
        _ => HintScreen::Choice,
    };
    Chrome {
        title: &section.title,
        right: format!("Part {} of {}", section_n + 1, q.sections.len()),
        progress: Some((
            format!("Question {at} of about {total}"),
            at as f64 / total.max(1) as f64,
        )),
        hints: &hints(app, screen),
        back: Some(BACK),
        next: Some(NEXT),
    }
    .render(app, &layout, frame.buffer_mut());

    let body = app.item_body_in(n, area);
    let buf = frame.buffer_mut();
    let intro = app.section_intro(n);
    if !intro.is_empty() {
        Paragraph::new(wrapped(intro, body.intro.width))
            .style(t.dim)
            .render(body.intro, buf);
    }
    let required = if item.required || matches!(item.kind, Kind::Info) {
        ""
    } else {
        " (optional)"
    };
    let mut prompt = wrapped(app.prompt(item), body.prompt.width);
    if let Some(last) = prompt.last_mut() {
        last.push_span(Span::styled(required, t.dim));
    }
    let prompt_style = if matches!(item.kind, Kind::Info) && item.red_flag {
        t.urgent
    } else {
        t.prompt
    };
    Paragraph::new(prompt)
        .style(prompt_style)
        .render(body.prompt, buf);
    if (app.show_why || app.interviewer) && !item.why.is_empty() {
        let mut lines = vec![Line::styled("Why we ask", t.section)];
        lines.extend(wrapped(&item.why, body.why.width));
        Paragraph::new(lines).style(t.dim).render(
            Rect {
                y: body.why.y + 1,
                ..body.why
            },
            buf,
        );
    }
    let answer = app.session.get(&item.id);
    let w = body.widget;
    match (&item.kind, &app.editor) {
        (
            kind @ (Kind::YesNo | Kind::Side | Kind::Single { .. } | Kind::Multi { .. }),
            Editor::Choice { cursor },
        ) => {
            let rows = choice_rows(kind);
            let chosen = |v: &str| answer.is_some_and(|a| a.matches(v));
            ChoiceList {
                rows: &rows,
                chosen: &chosen,
                multi: matches!(kind, Kind::Multi { .. }),
                cursor: *cursor,
                theme: t,
            }
            .render(w, buf);
        }
        (
            Kind::Scale {
                min,
                max,
                min_label,
                max_label,
            },
            Editor::Scale { value, .. },
        ) => {
            ScaleBar {
                min: *min,
                max: *max,
                min_label,
                max_label,
                value: *value,
                theme: t,
            }
            .render(w, buf);
        }
        (Kind::Number { unit, min, max, .. }, Editor::Number { input }) => {
            let field = Rect {
                width: w.width.min(24),
                height: 3,
                ..w
            };
            let title = format!(" {unit} ");
            text_field(frame, input, field, &title, t);
            let range = format!("From {min} to {max} {unit}");
            put(frame.buffer_mut(), w.x, w.y + 3, range, t.dim);
        }
        (Kind::Duration { .. }, Editor::Duration { input, unit }) => {
            let field = Rect {
                width: 12,
                height: 3,
                ..w
            };
            text_field(frame, input, field, " how many ", t);
            let buf = frame.buffer_mut();
            let amount = input.value().trim().parse::<u32>().unwrap_or(2);
            let units = crate::answers::DurationUnit::ALL;
            for (i, u) in units.iter().enumerate() {
                let on = u == unit;
                let text = format!("{} {}", if on { "(•)" } else { "( )" }, u.word(amount));
                put(
                    buf,
                    w.x + 14,
                    w.y + i as u16,
                    text,
                    if on { t.selected } else { t.base },
                );
            }
            put(
                buf,
                w.x,
                w.y + 4,
                "Type a number; ↑↓ or d/w/m/y for the unit.",
                t.dim,
            );
        }
        (Kind::Text { max_len }, Editor::Text { input }) => {
            let inner_w = w.width.saturating_sub(2).max(1) as usize;
            let rows = (input.value().chars().count() / inner_w + 1).clamp(3, 8) as u16;
            let field = Rect {
                height: (rows + 2).min(w.height.saturating_sub(1)),
                ..w
            };
            let count = format!(
                " {} of {max_len} characters ",
                input.value().chars().count()
            );
            text_field(frame, input, field, &count, t);
        }
        (
            Kind::BodyMap,
            Editor::Body {
                cursor,
                brush,
                painting,
                view,
            },
        ) => {
            let marks = match answer {
                Some(Answer::Body(m)) => Some(m),
                _ => None,
            };
            super::body::BodyDiagram {
                app,
                marks,
                cursor: *cursor,
                brush: *brush,
                painting: *painting,
                view: *view,
            }
            .render(w, buf);
        }
        _ => {}
    }
}

/// A line under the widget, left out when a long prompt leaves no row for it
/// in the frame (a buffer must never be written outside its area).
fn put(buf: &mut Buffer, x: u16, y: u16, text: impl AsRef<str>, style: Style) {
    if y < buf.area.bottom() {
        buf.set_string(x, y, text, style);
    }
}

/// A text box with the terminal cursor placed in it.
fn text_field(
    frame: &mut TermFrame,
    input: &tui_input::Input,
    area: Rect,
    title: &str,
    theme: &crate::tui::theme::Theme,
) {
    let field = TextField {
        text: input.value(),
        cursor: input.cursor(),
        theme,
        title,
    };
    frame.set_cursor_position(field.cursor_position(area));
    field.render(area, frame.buffer_mut());
}
