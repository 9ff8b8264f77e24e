//! The summary screen: one view of the report at a time, the patient's
//! first, with a tab for each view on the title line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::{Chrome, hints};
use crate::tui::app::{App, SummaryTab};
use crate::tui::keymap::HintScreen;
use crate::tui::layout::report::{Role, Row};
use crate::tui::layout::{self, Frame};
use crate::tui::theme::Theme;

/// The shown view of the summary as lines for a body `width` wide.
pub fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    styled(app.summary_rows(width), &app.theme)
}

/// A report's rows in the theme's styles.
pub fn styled(rows: Vec<Row>, t: &Theme) -> Vec<Line<'static>> {
    rows.into_iter()
        .map(|r| Line::styled(r.text, style(r.role, t)))
        .collect()
}

fn style(role: Role, t: &Theme) -> Style {
    match role {
        Role::Urgent => t.urgent,
        Role::Plain => t.base,
        Role::Strong => t.error,
        Role::Prompt => t.prompt,
        Role::Section => t.section,
        Role::Dim => t.dim,
        Role::Figure => Style::default(),
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let frame = Frame::new(area);
    let report = app.summary_report();
    let names = [report.patient.name.as_str(), report.clinician.name.as_str()];
    let other = match app.summary_tab {
        SummaryTab::Patient => names[1],
        SummaryTab::Clinician => names[0],
    };
    let mut hints = hints(app, HintScreen::Summary);
    // The label "{tab}" names the view the key switches to.
    for hint in &mut hints {
        if hint.label == "{tab}" {
            hint.label = other;
        }
    }
    Chrome {
        title: &app.words().summary.title,
        right: String::new(),
        progress: None,
        hints: &hints,
        back: Some(&app.words().buttons.review),
        next: Some(&app.words().buttons.done),
    }
    .render(app, &frame, buf);
    let t = &app.theme;
    let tabs = layout::summary_tabs(&frame, names);
    for ((tab, name), rect) in SummaryTab::ALL.iter().zip(names).zip(tabs) {
        let on = *tab == app.summary_tab;
        let mark = app.glyphs.radio[usize::from(!on)];
        let style = if on { t.selected } else { t.key };
        buf.set_stringn(
            rect.x,
            rect.y,
            format!("{mark} {name}"),
            rect.width.into(),
            style,
        );
    }
    Paragraph::new(lines(app, frame.body.width))
        .scroll((app.summary_scroll, 0))
        .render(frame.body, buf);
}
