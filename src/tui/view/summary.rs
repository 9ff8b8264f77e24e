use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::{Chrome, wrapped};
use crate::tui::app::{App, DONE, REVIEW};
use crate::tui::layout::Frame;

/// The summary as lines for a body `width` wide: scores, then every shown
/// answer by section. (The findings and next steps are a later addition.)
pub fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let t = &app.theme;
    let q = &app.questionnaire;
    let mut out: Vec<Line> = Vec::new();
    for l in wrapped(
        "This summary is not a diagnosis. Please bring it to your doctor.",
        width,
    ) {
        out.push(l.style(t.urgent));
    }
    for score in &q.scores {
        out.push(Line::default());
        let value = app
            .session
            .score(q, score)
            .map_or("not enough answers".to_string(), |v| format!("{v:.1}"));
        out.extend(
            wrapped(&format!("{}: {value}", score.label), width)
                .into_iter()
                .map(|l| l.style(t.prompt)),
        );
        out.extend(
            wrapped(&score.explanation, width)
                .into_iter()
                .map(|l| l.style(t.dim)),
        );
    }
    let live: Vec<_> = app
        .session
        .live_answers(q)
        .map(|(i, _)| i.id.clone())
        .collect();
    for section in &q.sections {
        let answered: Vec<_> = section
            .items
            .iter()
            .filter(|i| live.contains(&i.id))
            .collect();
        if answered.is_empty() {
            continue;
        }
        out.push(Line::default());
        out.push(Line::styled(section.title.clone(), t.section));
        for item in answered {
            let answer = app.session.get(&item.id).expect("live answers exist");
            let text = format!(
                "{} {}",
                item.prompt,
                answer.display(&item.kind, crate::body::BodyRegions::builtin())
            );
            let mut first = true;
            for l in wrapped(&text, width.saturating_sub(2)) {
                let prefix = if first { "• " } else { "  " };
                first = false;
                out.push(Line::from(format!("{prefix}{l}")));
            }
        }
    }
    out
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let frame = Frame::new(area);
    Chrome {
        title: "Your summary",
        right: String::new(),
        progress: None,
        hints: &[
            ("↑↓ PgUp PgDn", "scroll"),
            ("←", "review"),
            ("Enter", "done"),
            ("Esc", "leave"),
        ],
        back: Some(REVIEW),
        next: Some(DONE),
    }
    .render(app, &frame, buf);
    Paragraph::new(lines(app, frame.body.width))
        .scroll((app.summary_scroll, 0))
        .render(frame.body, buf);
}
