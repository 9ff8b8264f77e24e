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
    // The first lines and the language choice stay where clicks find them.
    let mut top = first(app, w);
    top.extend(languages(app, w));
    let mut parts = vec![Part::new(top, 0).gap(app.offers_languages())];
    // The warning comes next, in reverse video, so nobody scrolls past it.
    if let Some(warning) = &q.welcome_warning {
        let lines = wrapped(warning, w).into_iter().map(|l| l.style(t.urgent));
        parts.push(Part::new(lines.collect(), 0));
    }
    parts.push(Part::new(wrapped(&q.description, w), 4));
    // How many questions is told once the whole questionnaire is read.
    if !app.loading {
        parts.push(Part::new(wrapped(&about(app), w), 5));
    }
    let sent = (app.kiosk.as_ref()).is_some_and(|k| k.fhir_server.is_some());
    let privacy = if sent {
        &words.privacy_sent
    } else {
        &words.privacy
    };
    let dim = wrapped(privacy, w).into_iter().map(|l| l.style(t.dim));
    parts.push(Part::new(dim.collect(), 1));
    if app.speech {
        let aloud = app.keyed(&words.aloud, Focus::Other, &[]);
        parts.push(Part::new(wrapped(&aloud, w), 2));
    }
    let start = wrapped(&app.keyed(&words.start, Focus::Other, &[]), w);
    let start = start.into_iter().map(|l| l.style(t.prompt));
    parts.push(Part::new(start.collect(), 3).gap(false));
    Paragraph::new(fit(parts, body.height as usize)).render(body, buf);
}

/// "There are up to 86 questions in 14 short parts...".
fn about(app: &App) -> String {
    let q = &app.questionnaire;
    let questions = q
        .items()
        .filter(|i| !matches!(i.kind, crate::questionnaire::Kind::Info))
        .count();
    fill(
        &app.words().welcome.about,
        &[
            ("questions", &questions.to_string()),
            ("parts", &q.sections.len().to_string()),
        ],
    )
}

/// A paragraph of the welcome screen: its lines, how soon it goes when the
/// screen is too short for every one (0 never, higher sooner), and whether
/// a blank line follows it when there is room.
struct Part {
    lines: Vec<Line<'static>>,
    drop: u8,
    gap: bool,
}

impl Part {
    fn new(lines: Vec<Line<'static>>, drop: u8) -> Self {
        Self {
            lines,
            drop,
            gap: true,
        }
    }

    fn gap(self, gap: bool) -> Self {
        Self { gap, ..self }
    }
}

/// The parts that fit in `height` lines: the blank lines go first, the
/// last first, then the parts that matter least; the warning and the
/// language choice (drop 0) always stay.
fn fit(mut parts: Vec<Part>, height: usize) -> Vec<Line<'static>> {
    let tall = |parts: &[Part]| parts.iter().map(|p| p.lines.len()).sum::<usize>();
    while tall(&parts) > height {
        let least = (parts.iter().enumerate())
            .filter(|(_, p)| p.drop > 0)
            .max_by_key(|(_, p)| p.drop);
        let Some((n, _)) = least else { break };
        parts.remove(n);
    }
    let mut room = height.saturating_sub(tall(&parts));
    let mut lines = Vec::new();
    for part in parts {
        lines.extend(part.lines);
        if part.gap && room > 0 {
            lines.push(Line::default());
            room -= 1;
        }
    }
    lines
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
    // How to choose, in each language offered: one who does not read the
    // screen's language yet must still learn how to change it.
    let last = texts.len().to_string();
    for text in &texts {
        let keys = fill(
            &text.translation.choose_keys,
            &[("first", "1"), ("last", &last)],
        );
        lines.extend(wrapped(&keys, width).into_iter().map(|l| l.style(t.dim)));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_go_first_then_the_parts_that_matter_least() {
        let part = |text: &'static str, drop| Part::new(vec![Line::from(text)], drop);
        let parts = || vec![part("warning", 0), part("about", 2), part("privacy", 1)];
        let shown = |height| -> Vec<String> {
            fit(parts(), height).iter().map(|l| l.to_string()).collect()
        };
        assert_eq!(shown(6), ["warning", "", "about", "", "privacy", ""]);
        assert_eq!(shown(4), ["warning", "", "about", "privacy"]);
        assert_eq!(shown(2), ["warning", "privacy"]);
        assert_eq!(shown(0), ["warning"]);
    }
}
