//! An item's screen: the frame with its hints, the section's introduction,
//! the prompt and "why we ask", and the answer drawn by its kind's module.

use ratatui::Frame as TermFrame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::{Chrome, hints, wrapped};
use crate::questionnaire::{Item, Kind};
use crate::text::fill;
use crate::tui::app::App;
use crate::tui::keymap::HintScreen;
use crate::tui::kinds;
use crate::tui::layout::{Frame, ItemBody};

pub fn render(app: &App, n: usize, area: Rect, frame: &mut TermFrame) {
    let item = app.item(n);
    chrome(app, n, area, frame.buffer_mut());
    let body = app.item_body_in(n, area);
    words(app, n, item, &body, frame.buffer_mut());
    kinds::render(app, item, body.widget, frame);
}

/// The title, part and progress, the hints for the item's kind, and the buttons.
fn chrome(app: &App, n: usize, area: Rect, buf: &mut Buffer) {
    if app.mapping() {
        return map_chrome(app, area, buf);
    }
    let q = &app.questionnaire;
    let (section_n, section) = q.section_of(n).expect("item is in a section");
    let (at, total) = app.position(n);
    let words = &app.words().item;
    Chrome {
        title: &section.title,
        right: fill(
            &words.part,
            &[
                ("n", &(section_n + 1).to_string()),
                ("count", &q.sections.len().to_string()),
            ],
        ),
        progress: Some((
            fill(
                &words.question,
                &[("at", &at.to_string()), ("total", &total.to_string())],
            ),
            at as f64 / total.max(1) as f64,
        )),
        hints: &hints(app, hint_screen(app, &app.item(n).kind)),
        back: Some(&app.words().buttons.back),
        next: Some(&app.words().buttons.next),
    }
    .render(app, &Frame::new(area), buf);
}

/// The trainee's map: its title and hints alone, no progress or buttons
/// (it is not a question of the questionnaire's).
fn map_chrome(app: &App, area: Rect, buf: &mut Buffer) {
    let screen = match app.searching() {
        true => HintScreen::Find,
        false => HintScreen::Map,
    };
    Chrome {
        title: &app.content.text.practice.talk.map_title,
        right: String::new(),
        progress: None,
        hints: &hints(app, screen),
        back: None,
        next: None,
    }
    .render(app, &Frame::new(area), buf);
}

/// Which hints line (assets/keymap.ron) an item's kind shows.
fn hint_screen(app: &App, kind: &Kind) -> HintScreen {
    match kind {
        Kind::BodyMap if app.searching() => HintScreen::Find,
        Kind::Text { .. } | Kind::Number { .. } => HintScreen::Text,
        Kind::Duration { .. } => HintScreen::Duration,
        Kind::Scale { .. } => HintScreen::Scale,
        Kind::Multi { .. } => HintScreen::Multi,
        Kind::BodyMap => HintScreen::Body,
        Kind::Info => HintScreen::Info,
        Kind::YesNo | Kind::Single { .. } | Kind::Side => HintScreen::Choice,
    }
}

/// The section's introduction, the prompt (marked optional, or urgent for a
/// warning to read) and, on request, why we ask.
fn words(app: &App, n: usize, item: &Item, body: &ItemBody, buf: &mut Buffer) {
    let t = &app.theme;
    let (intro, prompt, why) = app.item_words(n);
    if !intro.is_empty() {
        Paragraph::new(wrapped(intro, body.intro.width))
            .style(t.dim)
            .render(body.intro, buf);
    }
    let info = matches!(item.kind, Kind::Info);
    // Wrapped with the prompt, so a long prompt never cuts it off.
    let prompt = match item.required || info || app.mapping() {
        true => prompt.to_string(),
        false => format!("{prompt} {}", app.words().item.optional),
    };
    let prompt = wrapped(&prompt, body.prompt.width);
    let style = if info && item.red_flag {
        t.urgent
    } else {
        t.prompt
    };
    Paragraph::new(prompt).style(style).render(body.prompt, buf);
    if let Some(why) = why.filter(|w| !w.is_empty()) {
        let mut lines = vec![Line::styled(app.words().item.why.as_str(), t.section)];
        lines.extend(wrapped(why, body.why.width));
        let area = Rect {
            y: body.why.y + 1,
            ..body.why
        };
        Paragraph::new(lines).style(t.dim).render(area, buf);
    }
}
