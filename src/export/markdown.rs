//! The summary as Markdown: the report's two views, the patient's first and
//! then the clinician's, under a heading that says what and when.

use std::fmt::{self, Write};

use super::{Format, Summary};
use crate::body::BodyMarks;
use crate::content::Content;
use crate::report::{Block, Bullet, Section, View};

pub const FORMAT: Format = Format {
    name: "md",
    extension: "md",
    render,
};

fn render(s: &Summary) -> String {
    let mut out = String::new();
    write_summary(s, &mut out).expect("writing to a String cannot fail");
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// One view of a report on its own, under its name (the practice debrief).
pub fn view(view: &View, content: &Content) -> String {
    let mut out = format!("# {}\n\n", view.name);
    for section in &view.sections {
        write_section(&mut out, section, content).expect("writing to a String cannot fail");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn write_summary(s: &Summary, w: &mut String) -> fmt::Result {
    let q = s.questionnaire;
    let words = &s.content.text.report;
    writeln!(w, "# {}\n\n{}\n", words.title, q.title)?;
    writeln!(w, "{}\n", s.made(&format!("`{}`", q.id)))?;
    if !s.complete {
        writeln!(w, "**{}**\n", words.not_finished)?;
    }
    for (view, content) in s.report.views().into_iter().zip([&s.content, &s.clinic]) {
        writeln!(w, "## {}\n", view.name)?;
        for section in &view.sections {
            write_section(w, section, content)?;
        }
    }
    Ok(())
}

fn write_section(w: &mut String, section: &Section, content: &Content) -> fmt::Result {
    if !section.heading.is_empty() {
        writeln!(w, "### {}\n", section.heading)?;
    }
    for block in &section.blocks {
        match block {
            Block::Banner(_, text) => writeln!(w, "> **{text}**\n")?,
            Block::Paragraph(text) => writeln!(w, "{text}\n")?,
            Block::Strong(text) => writeln!(w, "**{text}**\n")?,
            Block::Heading(text) => writeln!(w, "#### {text}\n")?,
            Block::Bullets(list) => bullets(w, list, |_| "- ".to_string())?,
            Block::Numbered(list) => bullets(w, list, |n| format!("{}. ", n + 1))?,
            Block::Table { head, rows } => table(w, head, rows)?,
            Block::Diagram(marks) => diagram(w, marks, content)?,
            Block::Diagrams(list) => {
                for (heading, marks) in list {
                    writeln!(w, "#### {heading}\n")?;
                    diagram(w, marks, content)?;
                }
            }
        }
    }
    Ok(())
}

/// A list; each entry's details as a list under it, indented to its text.
fn bullets(w: &mut String, list: &[Bullet], marker: impl Fn(usize) -> String) -> fmt::Result {
    for (n, b) in list.iter().enumerate() {
        let marker = marker(n);
        writeln!(w, "{marker}{}", b.text)?;
        let indent = " ".repeat(marker.len());
        for d in &b.details {
            writeln!(w, "{indent}- {d}")?;
        }
    }
    writeln!(w)
}

fn table(w: &mut String, head: &[String; 2], rows: &[[String; 2]]) -> fmt::Result {
    writeln!(w, "| {} | {} |\n|---|---|", cell(&head[0]), cell(&head[1]))?;
    for [label, value] in rows {
        writeln!(w, "| {} | {} |", cell(label), cell(value))?;
    }
    writeln!(w)
}

/// Text that cannot break a table row.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// Both figures side by side, with the symbols' legend.
fn diagram(w: &mut String, marks: &BodyMarks, content: &Content) -> fmt::Result {
    writeln!(w, "```text")?;
    for line in super::figure::lines(marks, content) {
        writeln!(w, "{line}")?;
    }
    writeln!(w, "```\n")
}
