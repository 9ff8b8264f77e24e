//! The practice interview as a conversation: the turns so far, newest at
//! the bottom, and under them the text box, or what a question may have
//! meant; or, over them, the list of questions. Nothing marks which
//! questions are warning signs.

use ratatui::Frame as TermFrame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::text::fill;
use crate::tui::app::{App, Pick, Practice};
use crate::tui::keymap::Focus;
use crate::tui::kinds::text_field;
use crate::tui::layout::{self, Frame, wrap};

/// The text box's rows: its border and one line.
const BOX_ROWS: u16 = 3;

pub fn render(app: &App, p: &Practice, area: Rect, term: &mut TermFrame) {
    let body = Frame::new(area).body;
    match p.pick {
        Some(Pick::List(cursor)) => list(app, p, cursor, area, term.buffer_mut()),
        Some(Pick::Meant(cursor)) => {
            let meant = app.pick_area(Pick::Meant(cursor), area);
            let [talk, _] = layout::talk_rows(body, meant.height);
            conversation(app, p, talk, term.buffer_mut());
            candidates(app, cursor, area, term.buffer_mut());
        }
        None => {
            let [talk, field] = layout::talk_rows(body, BOX_ROWS);
            conversation(app, p, talk, term.buffer_mut());
            if let Some(input) = p.question.input() {
                let title = &app.content.text.practice.talk.question_box;
                text_field(term, input, field, title, app);
            }
        }
    }
}

/// The turns, wrapped, the newest at the bottom unless scrolled up.
fn conversation(app: &App, p: &Practice, area: Rect, buf: &mut Buffer) {
    let lines = turn_lines(app, p, area.width as usize);
    let height = area.height as usize;
    let scroll = (p.talk_scroll as usize).min(lines.len().saturating_sub(height));
    let end = lines.len() - scroll;
    let shown = lines[end.saturating_sub(height)..end].to_vec();
    Paragraph::new(shown).render(area, buf);
}

/// Every line of the conversation in `w` columns; before the first
/// question, how to ask one.
fn turn_lines(app: &App, p: &Practice, w: usize) -> Vec<Line<'static>> {
    let (t, words) = (&app.theme, &app.content.text.practice);
    let mut lines = Vec::new();
    let mut para = |text: String, style| {
        lines.extend(wrap(&text, w).into_iter().map(|l| Line::styled(l, style)));
    };
    if p.interview.turns.is_empty() {
        let start = match p.index {
            Some(_) => &words.talk.start,
            None => &words.talk.no_phrasings,
        };
        para(app.keyed(start, Focus::Text, &[]), t.dim);
    }
    for turn in &p.interview.turns {
        let said = if turn.hint {
            &words.talk.from_list
        } else {
            &words.talk.you
        };
        para(fill(said, &[("question", &turn.question)]), t.prompt);
        para(fill(&words.reply, &[("reply", &turn.reply)]), t.base);
        para(String::new(), t.base);
    }
    // The question "Did you mean" is about, still unanswered.
    if let Some(pending) = &p.interview.pending {
        para(
            fill(&words.talk.you, &[("question", &pending.question)]),
            t.prompt,
        );
    }
    lines
}

/// "Did you mean:", the best few in interviewer wording, numbered, then
/// "None of these".
fn candidates(app: &App, cursor: usize, area: Rect, buf: &mut Buffer) {
    let pick = Pick::Meant(cursor);
    let (t, words) = (&app.theme, &app.content.text.practice.talk);
    let mut rows: Vec<String> = app
        .candidates()
        .iter()
        .enumerate()
        .map(|(n, id)| format!("{}. {}", n + 1, app.meant_words(id)))
        .collect();
    rows.push(words.none.clone());
    let head = app.pick_area(pick, area);
    let meant = app.glyphs.truncate(&words.meant, head.width as usize);
    buf.set_string(head.x, head.y, meant, t.prompt);
    let at = app.pick_rows(pick, area);
    let marks = |_: usize| String::new();
    choice_rows(app, &at, cursor, &rows, marks, buf);
}

/// Rows of a list to choose from, laid out as `at` says: the pointer, a
/// mark (the list's tick), and the row's words, cut to the width.
fn choice_rows(
    app: &App,
    at: &layout::ChoiceRows,
    cursor: usize,
    rows: &[String],
    mark: impl Fn(usize) -> String,
    buf: &mut Buffer,
) {
    let t = &app.theme;
    for (i, y) in at.starts() {
        let here = i == cursor;
        let mark = mark(i);
        let width = (at.rows.width as usize).saturating_sub(2 + mark.chars().count());
        Line::from(vec![
            Span::styled(app.glyphs.point(here), t.key),
            Span::styled(mark, t.checked),
            Span::styled(
                app.glyphs.truncate(&rows[i], width),
                if here { t.selected } else { t.base },
            ),
        ])
        .render(layout::row(at.rows, y as usize), buf);
    }
}

/// The questionnaire's questions in interviewer wording, ticked once asked.
fn list(app: &App, p: &Practice, cursor: usize, area: Rect, buf: &mut Buffer) {
    let (t, words) = (&app.theme, &app.content.text.practice.talk);
    let body = Frame::new(area).body;
    let title = match p.index {
        Some(_) => &words.list,
        None => &words.list_free,
    };
    let title = app.glyphs.truncate(title, body.width as usize);
    buf.set_string(body.x, body.y, title, t.section);
    let items = app.interview_items();
    let rows: Vec<String> = items
        .iter()
        .map(|i| i.interviewer_prompt().to_string())
        .collect();
    let tick = |i: usize| {
        let asked = p.interview.was_asked(&items[i].id);
        format!("{} ", if asked { app.glyphs.check } else { ' ' })
    };
    let at = app.pick_rows(Pick::List(cursor), area);
    choice_rows(app, &at, cursor, &rows, tick, buf);
}

/// The impression given, why: a text box.
pub fn reasoning(app: &App, p: &Practice, body: Rect, term: &mut TermFrame) {
    let (t, words) = (&app.theme, &app.content.text.practice.talk);
    let prompt = Line::styled(words.reasoning.clone(), t.prompt);
    prompt.render(layout::row(body, 0), term.buffer_mut());
    let field = Rect {
        y: body.y + 2,
        height: 6.min(body.height.saturating_sub(2)),
        ..body
    };
    if let Some(input) = p.reasoning.input() {
        text_field(term, input, field, &words.reasoning_box, app);
    }
}
