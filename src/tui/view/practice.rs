//! Practice mode's screens: the opening words, the interview, the
//! impression and the debrief, in the chrome every screen has.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::summary::styled;
use super::{Chrome, hints};
use crate::answers::Answer;
use crate::text::fill;
use crate::tui::app::{App, Practice, Screen};
use crate::tui::keymap::{Focus, HintScreen};
use crate::tui::layout::{self, ChoiceRows, Frame, scroll_offset, wrap};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(p) = app.practice.as_deref() else {
        return;
    };
    let words = &app.content.text.practice;
    let frame = Frame::new(area);
    let (screen, right) = match app.screen {
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
    .render(app, &frame, buf);
    let body = frame.body;
    match app.screen {
        Screen::Interview => interview(app, p, body, buf),
        Screen::Impression(n) => impression(app, p, n, body, buf),
        Screen::Debrief => {
            let rows = p.debrief.as_ref().map_or(Vec::new(), |d| {
                layout::report::rows(&d.sections, body.width, None, app.content, app.glyphs)
            });
            Paragraph::new(styled(rows, &app.theme))
                .scroll((p.scroll, 0))
                .render(body, buf);
        }
        _ => opening(app, p, body, buf),
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
    let how = app.keyed(how, Focus::Other, &[]);
    lines.extend(wrap(&how, w).into_iter().map(|l| Line::styled(l, t.dim)));
    Paragraph::new(lines).render(body, buf);
}

/// The questions, ticked once asked, and beside them the one under the
/// cursor: why it is asked, and what the patient said.
fn interview(app: &App, p: &Practice, body: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let [list, panel] = layout::interview_columns(body);
    let items = app.interview_items();
    let offset = scroll_offset(p.cursor, items.len(), list.height as usize);
    let index = |id: &str| app.questionnaire.index_of(id).unwrap_or(0);
    let shown = items.iter().enumerate().skip(offset);
    for (i, item) in shown.take(list.height as usize) {
        let here = i == p.cursor;
        let style = if here {
            t.selected
        } else if !app.enabled[index(&item.id)] {
            t.dim
        } else {
            t.base
        };
        let mark = if p.interview.was_asked(&item.id) {
            app.glyphs.check
        } else if item.red_flag {
            '!'
        } else {
            ' '
        };
        let width = (list.width as usize).saturating_sub(4);
        let line = Line::from(vec![
            Span::styled(
                String::from(if here { app.glyphs.marker } else { ' ' }),
                t.key,
            ),
            Span::styled(format!("{mark} "), t.checked),
            Span::styled(app.glyphs.truncate(item.interviewer_prompt(), width), style),
        ]);
        line.render(layout::row(list, i - offset), buf);
    }
    if let Some(item) = items.get(p.cursor) {
        Paragraph::new(asked(app, p, item, panel.width as usize)).render(panel, buf);
    }
}

/// The panel beside the questions.
fn asked(
    app: &App,
    p: &Practice,
    item: &crate::questionnaire::Item,
    w: usize,
) -> Vec<Line<'static>> {
    let (t, words) = (&app.theme, &app.content.text.practice);
    let mut lines: Vec<Line> = Vec::new();
    let index = app.questionnaire.index_of(&item.id).unwrap_or(0);
    if let Some((_, s)) = app.questionnaire.section_of(index) {
        lines.push(Line::styled(s.title.clone(), t.section));
    }
    let mut para = |text: String, style| {
        lines.extend(wrap(&text, w).into_iter().map(|l| Line::styled(l, style)));
    };
    para(
        fill(&words.ask, &[("question", item.interviewer_prompt())]),
        t.prompt,
    );
    para(fill(&words.why, &[("why", &item.why)]), t.dim);
    para(String::new(), t.base);
    if !p.interview.was_asked(&item.id) {
        para(app.keyed(&words.to_ask, Focus::Other, &[]), t.dim);
        return lines;
    }
    let reply = p.interview.case.plain_reply(item, &app.content);
    para(fill(&words.reply, &[("reply", &reply)]), t.base);
    if let Some(a) = app.session.get(&item.id) {
        let shown = a.display(&item.kind, &app.content);
        para(fill(&words.recorded, &[("answer", &shown)]), t.checked);
    }
    lines
}

/// Impression question `n` and its choices.
fn impression(app: &App, p: &Practice, n: usize, body: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let Some(q) = p.interview.questions.get(n) else {
        return;
    };
    let mut lines = vec![Line::styled(q.prompt.clone(), t.prompt), Line::default()];
    let at = ChoiceRows::new(body, p.choice.unwrap_or(0), q.choices.len());
    let (height, offset) = (at.rows.height as usize, at.offset);
    let width = (body.width as usize).saturating_sub(3);
    for (i, (_, words)) in q.choices.iter().enumerate().skip(offset).take(height) {
        let here = p.choice == Some(i);
        lines.push(Line::from(vec![
            Span::styled(app.glyphs.point(here), t.key),
            Span::styled(
                app.glyphs.truncate(words, width),
                if here { t.selected } else { t.base },
            ),
        ]));
    }
    Paragraph::new(lines).render(body, buf);
}
