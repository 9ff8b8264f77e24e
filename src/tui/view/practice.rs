//! Practice mode's screens: the opening words, the interview, the
//! impression and the debrief, in the chrome every screen has.

use ratatui::Frame as TermFrame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::summary::styled;
use super::{Chrome, hints, talk};
use crate::answers::Answer;
use crate::text::fill;
use crate::tui::app::{App, Practice, Screen};
use crate::tui::keymap::{Focus, HintScreen};
use crate::tui::layout::{self, Frame, wrap};

pub fn render(app: &App, area: Rect, term: &mut TermFrame) {
    let Some(p) = app.practice.as_deref() else {
        return;
    };
    let words = &app.content.text.practice;
    let frame = Frame::new(area);
    let (screen, right) = match app.screen {
        Screen::Interview if p.pick.is_some() => (
            HintScreen::Pick,
            fill(
                &words.asked,
                &[("count", &p.interview.asked.len().to_string())],
            ),
        ),
        Screen::Interview => (
            HintScreen::Interview,
            fill(
                &words.asked,
                &[("count", &p.interview.asked.len().to_string())],
            ),
        ),
        Screen::Impression(n) => (
            HintScreen::Impression,
            fill(
                &words.impression,
                &[
                    ("n", &(n + 1).to_string()),
                    ("count", &p.interview.questions.len().to_string()),
                ],
            ),
        ),
        Screen::Reasoning => (HintScreen::Reasoning, String::new()),
        Screen::Debrief => (HintScreen::Debrief, String::new()),
        _ => (HintScreen::Opening, String::new()),
    };
    let title = fill(&words.title, &[("name", &p.interview.case.name)]);
    Chrome {
        title: &title,
        right,
        progress: None,
        hints: &hints(app, screen),
        back: None,
        next: None,
    }
    .render(app, &frame, term.buffer_mut());
    let body = frame.body;
    match app.screen {
        Screen::Interview => talk::render(app, p, area, term),
        Screen::Reasoning => talk::reasoning(app, p, body, term),
        Screen::Impression(n) => impression(app, p, n, area, term.buffer_mut()),
        Screen::Debrief => {
            let rows = p.debrief.as_ref().map_or(Vec::new(), |d| {
                layout::report::rows(&d.sections, body.width, None, app.content, app.glyphs)
            });
            Paragraph::new(styled(rows, &app.theme))
                .scroll((p.scroll, 0))
                .render(body, term.buffer_mut());
        }
        _ => opening(app, p, body, term.buffer_mut()),
    }
}

/// Who the patient is, what they say first, and how the interview goes.
fn opening(app: &App, p: &Practice, body: Rect, buf: &mut Buffer) {
    let (t, words, case) = (&app.theme, &app.content.text.practice, &p.interview.case);
    let w = body.width as usize;
    let age = app.rules().practice.age.as_ref();
    let who = match age.and_then(|id| case.answers.get(id)) {
        Some(Answer::Number(n)) => {
            let values = [("name", case.name.as_str()), ("age", &format!("{n:.0}"))];
            fill(&words.aged, &values)
        }
        _ => case.name.clone(),
    };
    let mut lines = vec![Line::styled(who, t.prompt), Line::default()];
    let opening = fill(&words.opening, &[("opening", &case.opening)]);
    lines.extend(wrap(&opening, w).into_iter().map(Line::from));
    lines.push(Line::default());
    let how = if p.interview.manual {
        &words.manual
    } else {
        &words.guided
    };
    let mut how = app.keyed(how, Focus::Text, &[]);
    if p.index.is_none() {
        how = format!(
            "{how} {}",
            app.keyed(&words.talk.no_phrasings, Focus::Text, &[])
        );
    }
    lines.extend(wrap(&how, w).into_iter().map(|l| Line::styled(l, t.dim)));
    Paragraph::new(lines).render(body, buf);
}

/// Impression question `n` and its choices, each wrapped.
fn impression(app: &App, p: &Practice, n: usize, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let Some(q) = p.interview.questions.get(n) else {
        return;
    };
    let body = Frame::new(area).body;
    Line::styled(q.prompt.clone(), t.prompt).render(layout::row(body, 0), buf);
    let (at, lines) = app.impression_rows(n, area);
    for (i, y) in at.starts() {
        let here = p.choice == Some(i);
        let style = if here { t.selected } else { t.base };
        for (k, text) in lines[i].iter().enumerate() {
            let Some(row) = y.checked_add(k as u16).filter(|r| *r < at.rows.height) else {
                break;
            };
            Line::from(vec![
                Span::styled(app.glyphs.point(here && k == 0), t.key),
                Span::styled(text.clone(), style),
            ])
            .render(layout::row(at.rows, row as usize), buf);
        }
    }
}
