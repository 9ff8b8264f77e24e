//! The summary screen: one view of the report at a time, the patient's
//! first, with a tab for each view on the title line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::{Chrome, hints, wrapped};
use crate::body::{BodyMarks, BodyRegions, Figures, Symptom};
use crate::findings::Level;
use crate::report::{Block, Bullet, Section};
use crate::tui::app::{App, DONE, REVIEW, SummaryTab};
use crate::tui::keymap::HintScreen;
use crate::tui::layout::{self, Frame};

/// The shown view of the summary as lines for a body `width` wide.
pub fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let report = app.summary_report();
    let view = match app.summary_tab {
        SummaryTab::Patient => &report.patient,
        SummaryTab::Clinician => &report.clinician,
    };
    let mut out = Lines {
        out: Vec::new(),
        width,
    };
    for (n, section) in view.sections.iter().enumerate() {
        if n > 0 {
            out.blank();
        }
        out.section(app, section);
        // Where Done sends the summary, early enough to be read before it.
        if let (0, Some(done)) = (n, done_line(app)) {
            out.wrapped(&done, app.theme.dim, "");
        }
    }
    out.out
}

/// Where the summary goes when the patient presses Done.
fn done_line(app: &App) -> Option<String> {
    match (&app.kiosk, &app.saves_to) {
        (Some(_), _) => Some(
            "When you press Done, this summary goes to the clinic staff and is cleared from this screen."
                .to_string(),
        ),
        (None, Some(dir)) => Some(format!(
            "When you press Done, this summary is saved in {dir}"
        )),
        (None, None) => None,
    }
}

struct Lines {
    out: Vec<Line<'static>>,
    width: u16,
}

impl Lines {
    fn blank(&mut self) {
        self.out.push(Line::default());
    }

    /// `text` wrapped, its first line after `indent` and the rest under it.
    fn wrapped(&mut self, text: &str, style: Style, indent: &str) {
        let w = self.width.saturating_sub(indent.chars().count() as u16);
        for (i, l) in wrapped(text, w).into_iter().enumerate() {
            let prefix = if i == 0 {
                indent.to_string()
            } else {
                " ".repeat(indent.chars().count())
            };
            self.out.push(Line::styled(format!("{prefix}{l}"), style));
        }
    }

    fn section(&mut self, app: &App, section: &Section) {
        let t = &app.theme;
        if !section.heading.is_empty() {
            self.out
                .push(Line::styled(section.heading.clone(), t.section));
        }
        for block in &section.blocks {
            match block {
                Block::Banner(level, text) => {
                    let mark = if *level == Level::Emergency {
                        "!! "
                    } else {
                        "! "
                    };
                    self.wrapped(text, t.urgent, mark);
                }
                Block::Paragraph(text) => self.wrapped(text, t.base, ""),
                Block::Strong(text) => self.wrapped(text, t.error, "! "),
                Block::Heading(text) => self.wrapped(text, t.prompt, ""),
                Block::Bullets(list) => self.list(app, list, |_| "• ".to_string(), t.base),
                Block::Numbered(list) => self.list(app, list, |n| format!("{}. ", n + 1), t.prompt),
                Block::Table { rows, .. } => {
                    for [label, value] in rows {
                        self.wrapped(&format!("{label} {value}"), t.base, "• ");
                    }
                }
                Block::Diagram(marks) => self.diagram(app, marks),
            }
        }
    }

    /// A list; each entry's details dimmed under it.
    fn list(&mut self, app: &App, list: &[Bullet], marker: impl Fn(usize) -> String, style: Style) {
        for (n, b) in list.iter().enumerate() {
            let marker = marker(n);
            self.wrapped(&b.text, style, &marker);
            let indent = format!("{}- ", " ".repeat(marker.chars().count()));
            for d in &b.details {
                self.wrapped(d, app.theme.dim, &indent);
            }
        }
    }

    /// Both figures when there is room for them, and the symbols' legend.
    fn diagram(&mut self, app: &App, marks: &BodyMarks) {
        let regions = BodyRegions::builtin();
        let [front, back] = &Figures::builtin().compact;
        if self.width >= front.width + back.width + 4 {
            for (a, b) in front
                .render_marks(marks, regions)
                .iter()
                .zip(back.render_marks(marks, regions))
            {
                self.out.push(Line::from(format!("{a}    {b}")));
            }
        }
        let legend: Vec<String> = Symptom::ALL
            .iter()
            .map(|s| format!("{} {}", s.symbol(), s.word()))
            .collect();
        self.wrapped(&legend.join("   "), app.theme.dim, "");
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
    for (_, label) in &mut hints {
        if *label == "{tab}" {
            *label = other;
        }
    }
    Chrome {
        title: "Your summary",
        right: String::new(),
        progress: None,
        hints: &hints,
        back: Some(REVIEW),
        next: Some(DONE),
    }
    .render(app, &frame, buf);
    let t = &app.theme;
    let tabs = layout::summary_tabs(&frame, names);
    for ((tab, name), rect) in SummaryTab::ALL.iter().zip(names).zip(tabs) {
        let (mark, style) = if *tab == app.summary_tab {
            ("(•)", t.selected)
        } else {
            ("( )", t.key)
        };
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
