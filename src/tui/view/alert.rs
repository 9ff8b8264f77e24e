//! The emergency alert: the whole body in the urgent style, so it cannot be
//! read as one more question.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::{Chrome, hints, wrapped};
use crate::tui::app::App;
use crate::tui::keymap::HintScreen;
use crate::tui::layout::Frame;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let frame = Frame::new(area);
    let t = &app.theme;
    let alerts = &app.rules().alerts;
    Chrome {
        title: &alerts.emergency_title,
        right: String::new(),
        progress: None,
        hints: &hints(app, HintScreen::Alert),
        back: None,
        next: Some(&app.words().buttons.go_on),
    }
    .render(app, &frame, buf);

    let body = frame.body;
    buf.set_style(body, t.urgent);
    let w = body.width.saturating_sub(2);
    let mut lines: Vec<Line> = vec![Line::default()];
    lines.extend(wrapped(&format!("!! {}", alerts.emergency_title), w));
    lines.push(Line::default());
    lines.extend(wrapped(&alerts.emergency, w));
    lines.push(Line::default());
    for title in app.alert.iter().flat_map(|a| &a.titles) {
        lines.extend(wrapped(&format!("! {title}"), w));
    }
    Paragraph::new(lines).style(t.urgent).render(
        Rect {
            x: body.x + 1,
            width: w,
            ..body
        },
        buf,
    );
}
