use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{Chrome, hints};
use crate::text::fill;
use crate::tui::app::{App, ReviewRow};
use crate::tui::keymap::HintScreen;
use crate::tui::layout::{self, Frame, scroll_offset};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let frame = Frame::new(area);
    let (t, g) = (&app.theme, &app.glyphs);
    let progress = app.session.progress_of(&app.questionnaire, &app.enabled);
    let words = &app.words().review;
    let of = |template: &str, answered: usize, count: usize| {
        fill(
            template,
            &[
                ("answered", &answered.to_string()),
                ("count", &count.to_string()),
            ],
        )
    };
    Chrome {
        title: &words.title,
        right: of(&words.answered, progress.answered, progress.questions),
        progress: Some((
            of(
                &words.required_answered,
                progress.required_answered,
                progress.required,
            ),
            progress.required_answered as f64 / progress.required.max(1) as f64,
        )),
        hints: &hints(app, HintScreen::Review),
        back: Some(&app.words().buttons.back),
        next: Some(&app.words().buttons.finish),
    }
    .render(app, &frame, buf);

    let list = frame.body;
    let rows = app.review_rows();
    let offset = scroll_offset(app.review_cursor, rows.len(), list.height as usize);
    let question_w = (list.width as usize * 11 / 20).max(10);
    let answer_w = (list.width as usize).saturating_sub(question_w + 4);
    for (i, row) in rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(list.height as usize)
    {
        let here = i == app.review_cursor;
        let line = match row {
            ReviewRow::Item(n) => {
                let item = app.item(*n);
                let (answer, open) = app.review_answer(*n);
                let (mark, style) = match open {
                    None => ("  ", t.base),
                    Some(true) => ("! ", t.error),
                    Some(false) => ("  ", t.dim),
                };
                let q = format!("{:<question_w$}", g.truncate(&item.prompt, question_w));
                Line::from(vec![
                    Span::styled(g.point(here), t.key),
                    Span::styled(mark, t.error),
                    Span::styled(q, if here { t.selected } else { t.base }),
                    Span::styled(" ", t.base),
                    Span::styled(g.truncate(&answer, answer_w), style),
                ])
            }
            ReviewRow::Finish => Line::from(vec![
                Span::styled(g.point(here), t.key),
                Span::styled(
                    words.finish.as_str(),
                    if here { t.selected } else { t.prompt },
                ),
            ]),
        };
        line.render(layout::row(list, i - offset), buf);
    }
}
