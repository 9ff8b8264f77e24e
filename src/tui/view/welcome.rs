use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::{Chrome, hints, wrapped};
use crate::text::{Text, fill};
use crate::tui::app::App;
use crate::tui::keymap::{Focus, HintScreen};
use crate::tui::layout::Frame;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let frame = Frame::new(area);
    let t = &app.theme;
    let q = &app.questionnaire;
    let words = &app.words().welcome;
    let buttons = &app.words().buttons;
    Chrome {
        title: &q.title,
        right: String::new(),
        progress: None,
        hints: &hints(app, HintScreen::Welcome),
        // A kiosk has no way out for the patient.
        back: app.kiosk.is_none().then_some(buttons.leave.as_str()),
        next: Some(&buttons.start),
    }
    .render(app, &frame, buf);

    let body = frame.body;
    let w = body.width;
    let mut lines: Vec<Line> = first(app, w);
    lines.extend(languages(app, w));
    // The warning comes first, in reverse video, so nobody scrolls past it.
    if let Some(warning) = &q.welcome_warning {
        lines.extend(wrapped(warning, w).into_iter().map(|l| l.style(t.urgent)));
        lines.push(Line::default());
    }
    lines.extend(wrapped(&q.description, w));
    lines.push(Line::default());
    let questions = q
        .items()
        .filter(|i| !matches!(i.kind, crate::questionnaire::Kind::Info))
        .count();
    let about = fill(
        &words.about,
        &[
            ("questions", &questions.to_string()),
            ("parts", &q.sections.len().to_string()),
        ],
    );
    lines.extend(wrapped(&about, w));
    lines.push(Line::default());
    let sent = (app.kiosk.as_ref()).is_some_and(|k| k.fhir_server.is_some());
    let privacy = if sent {
        &words.privacy_sent
    } else {
        &words.privacy
    };
    lines.extend(wrapped(privacy, w).into_iter().map(|l| l.style(t.dim)));
    lines.push(Line::default());
    if app.speech {
        lines.extend(wrapped(&app.keyed(&words.aloud, Focus::Other, &[]), w));
        lines.push(Line::default());
    }
    lines.extend(
        wrapped(&app.keyed(&words.start, Focus::Other, &[]), w)
            .into_iter()
            .map(|l| l.style(t.prompt)),
    );
    Paragraph::new(lines).render(body, buf);
}

/// The language choice, first when more than one is offered: a heading in
/// every language offered, each language in its own name on the rows
/// `layout::language_rows` gives (where clicks find them), and the keys.
/// The welcome's first lines, where a screen reader starts reading: how to
/// go on as plain lines (the language choice comes below them).
pub(crate) fn first(app: &App, width: u16) -> Vec<Line<'static>> {
    let words = &app.words().welcome;
    wrapped(&app.keyed(&words.linear, Focus::Other, &[]), width)
}

fn languages(app: &App, width: u16) -> Vec<Line<'static>> {
    if !app.offers_languages() {
        return Vec::new();
    }
    let t = &app.theme;
    let texts: Vec<&Text> = app
        .languages
        .iter()
        .filter_map(|code| Text::builtin_in(code))
        .collect();
    let heading: Vec<&str> = texts
        .iter()
        .map(|x| x.translation.choose.as_str())
        .collect();
    let mut lines = vec![Line::styled(heading.join(" / "), t.section)];
    let now = app.language_index();
    for (n, text) in texts.iter().enumerate() {
        let (marker, style) = match n == now {
            true => (app.glyphs.marker, t.selected),
            false => (' ', t.base),
        };
        lines.push(Line::styled(
            format!("{marker} {}  {}", n + 1, text.name),
            style,
        ));
    }
    let last = texts.len().to_string();
    let keys = fill(
        &app.content.text.translation.choose_keys,
        &[("first", "1"), ("last", &last)],
    );
    lines.extend(wrapped(&keys, width).into_iter().map(|l| l.style(t.dim)));
    lines.push(Line::default());
    lines
}
