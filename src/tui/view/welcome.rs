use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::{Chrome, hints, wrapped};
use crate::tui::app::{App, LEAVE, START};
use crate::tui::keymap::HintScreen;
use crate::tui::layout::Frame;

pub const URGENT: &str = "This is not a diagnosis. If you have lost control of your bladder or bowels, \
or feel numb between your legs, do not wait: tell a member of staff or seek emergency care now.";

pub const PRIVACY: &str =
    "Your answers stay on this computer and are shared only with your care team.";

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let frame = Frame::new(area);
    let t = &app.theme;
    let q = &app.questionnaire;
    Chrome {
        title: &q.title,
        right: String::new(),
        progress: None,
        hints: &hints(app, HintScreen::Welcome),
        // A kiosk has no way out for the patient.
        back: app.kiosk.is_none().then_some(LEAVE),
        next: Some(START),
    }
    .render(app, &frame, buf);

    let body = frame.body;
    let w = body.width;
    let mut lines: Vec<Line> = Vec::new();
    // The warning comes first, in reverse video, so nobody scrolls past it.
    for l in wrapped(URGENT, w) {
        lines.push(l.style(t.urgent));
    }
    lines.push(Line::default());
    lines.extend(wrapped(&q.description, w));
    lines.push(Line::default());
    let questions = q
        .items()
        .filter(|i| !matches!(i.kind, crate::questionnaire::Kind::Info))
        .count();
    lines.extend(wrapped(
        &format!(
            "There are up to {questions} questions in {} short parts; many are skipped when they do not apply to you. \
You can go back and change any answer, and check them all before you finish.",
            q.sections.len()
        ),
        w,
    ));
    lines.push(Line::default());
    lines.extend(wrapped(PRIVACY, w).into_iter().map(|l| l.style(t.dim)));
    lines.push(Line::default());
    lines.extend(
        wrapped("Press Enter to start.", w)
            .into_iter()
            .map(|l| l.style(t.prompt)),
    );
    Paragraph::new(lines).render(body, buf);
}
