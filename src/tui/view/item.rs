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
    let intro = app.section_intro(n);
    if !intro.is_empty() {
        Paragraph::new(wrapped(intro, body.intro.width))
            .style(t.dim)
            .render(body.intro, buf);
    }
    let info = matches!(item.kind, Kind::Info);
    // Wrapped with the prompt, so a long prompt never cuts it off.
    let prompt = match item.required || info {
        true => app.prompt(item).to_string(),
        false => format!("{} {}", app.prompt(item), app.words().item.optional),
    };
    let prompt = wrapped(&prompt, body.prompt.width);
    let style = if info && item.red_flag {
        t.urgent
    } else {
        t.prompt
    };
    Paragraph::new(prompt).style(style).render(body.prompt, buf);
    if (app.show_why || app.interviewer) && !item.why.is_empty() {
        let mut lines = vec![Line::styled(app.words().item.why.as_str(), t.section)];
        lines.extend(wrapped(&item.why, body.why.width));
        let area = Rect {
            y: body.why.y + 1,
            ..body.why
        };
        Paragraph::new(lines).style(t.dim).render(area, buf);
    }
}
