//! The patient's view of the report as plain lines: the same blocks the
//! screen and the files show, without any Markdown or drawing.

use crate::report::{Block, Bullet};
use crate::tui::app::App;

pub(super) fn lines(app: &App) -> Vec<String> {
    let report = app.summary_report();
    let mut out = vec![report.patient.name.clone()];
    for section in &report.patient.sections {
        if !section.heading.is_empty() {
            out.push(section.heading.clone());
        }
        for block in &section.blocks {
            block_lines(app, block, &mut out);
        }
    }
    out
}

fn block_lines(app: &App, block: &Block, out: &mut Vec<String>) {
    match block {
        Block::Banner(_, text)
        | Block::Paragraph(text)
        | Block::Strong(text)
        | Block::Heading(text) => out.extend(text.lines().map(str::to_string)),
        Block::Bullets(list) => bullets(list, |_| String::new(), out),
        Block::Numbered(list) => bullets(list, |n| format!("{}. ", n + 1), out),
        Block::Table { rows, .. } => out.extend(
            rows.iter()
                .map(|[label, value]| format!("{label}: {value}")),
        ),
        Block::Diagram(marks) => {
            out.extend(marks.read_back(app.content.regions, &app.content.text.body))
        }
        Block::Diagrams(list) => {
            for (heading, marks) in list {
                out.push(heading.clone());
                out.extend(marks.read_back(app.content.regions, &app.content.text.body));
            }
        }
    }
}

fn bullets(list: &[Bullet], marker: impl Fn(usize) -> String, out: &mut Vec<String>) {
    for (n, b) in list.iter().enumerate() {
        out.push(format!("{}{}", marker(n), b.text));
        out.extend(b.details.iter().map(|d| format!("  {d}")));
    }
}
