//! A report's sections as wrapped lines of text, each with what it is: the
//! summary screen (and any screen that shows a report) draws them in the
//! theme's styles, and `update` counts them to stop scrolling at the end,
//! so the two never disagree.

use crate::body::BodyMarks;
use crate::content::Content;
use crate::export::figure;
use crate::findings::Level;
use crate::report::{Block, Bullet, Section};
use crate::tui::glyphs::Glyphs;

/// What a line is, for the view to style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The banner of a warning level.
    Urgent,
    Plain,
    /// A line that must stand out.
    Strong,
    /// A heading inside a section, or a numbered entry.
    Prompt,
    /// A section's heading.
    Section,
    /// Details, notes and legends.
    Dim,
    /// A row of a body figure, drawn as it is.
    Figure,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub text: String,
    pub role: Role,
}

/// `sections` as rows for a body `width` wide, a blank row between
/// sections, and `after_first` (if any) under the first section; bullets
/// and figures in the terminal's `glyphs`.
pub fn rows(
    sections: &[Section],
    width: u16,
    after_first: Option<&str>,
    content: Content<'static>,
    glyphs: Glyphs,
) -> Vec<Row> {
    let mut out = Rows {
        out: Vec::new(),
        width,
        content,
        glyphs,
    };
    for (n, section) in sections.iter().enumerate() {
        if n > 0 {
            out.push(String::new(), Role::Plain);
        }
        out.section(section);
        if let (0, Some(text)) = (n, after_first) {
            out.wrapped(text, Role::Dim, "");
        }
    }
    out.out
}

struct Rows {
    out: Vec<Row>,
    width: u16,
    content: Content<'static>,
    glyphs: Glyphs,
}

impl Rows {
    fn push(&mut self, text: String, role: Role) {
        self.out.push(Row { text, role });
    }

    /// `text` wrapped, its first line after `indent` and the rest under it.
    fn wrapped(&mut self, text: &str, role: Role, indent: &str) {
        let indent_w = indent.chars().count();
        // One column spare at the right edge, as every screen keeps.
        let w = self.width.saturating_sub(indent_w as u16).saturating_sub(1);
        for (i, l) in super::wrap(text, w as usize).into_iter().enumerate() {
            let prefix = if i == 0 {
                indent.to_string()
            } else {
                " ".repeat(indent_w)
            };
            self.push(format!("{prefix}{l}"), role);
        }
    }

    fn section(&mut self, section: &Section) {
        if !section.heading.is_empty() {
            self.push(section.heading.clone(), Role::Section);
        }
        let bullet = format!("{} ", self.glyphs.bullet);
        for block in &section.blocks {
            match block {
                Block::Banner(level, text) => {
                    let mark = if *level == Level::Emergency {
                        "!! "
                    } else {
                        "! "
                    };
                    self.wrapped(text, Role::Urgent, mark);
                }
                Block::Paragraph(text) => self.wrapped(text, Role::Plain, ""),
                Block::Strong(text) => self.wrapped(text, Role::Strong, "! "),
                Block::Heading(text) => self.wrapped(text, Role::Prompt, ""),
                Block::Bullets(list) => self.list(list, |_| bullet.clone(), Role::Plain),
                Block::Numbered(list) => self.list(list, |n| format!("{}. ", n + 1), Role::Prompt),
                Block::Table { rows, .. } => {
                    for [label, value] in rows {
                        self.wrapped(&format!("{label} {value}"), Role::Plain, &bullet);
                    }
                }
                Block::Diagram(marks) => self.diagram(marks),
                Block::Diagrams(list) => self.diagrams(list),
            }
        }
    }

    /// A list; each entry's details dimmed under it.
    fn list(&mut self, list: &[Bullet], marker: impl Fn(usize) -> String, role: Role) {
        for (n, b) in list.iter().enumerate() {
            let marker = marker(n);
            self.wrapped(&b.text, role, &marker);
            let indent = format!("{}- ", " ".repeat(marker.chars().count()));
            for d in &b.details {
                self.wrapped(d, Role::Dim, &indent);
            }
        }
    }

    /// Both figures when there is room for them, and the symbols' legend.
    fn diagram(&mut self, marks: &BodyMarks) {
        let content = self.content;
        if self.width >= figure::width(&content) {
            // The files' figure, shaded in what the terminal can show.
            for line in figure::figures(marks, &content) {
                let line = self.glyphs.text(&line).into_owned();
                self.push(line, Role::Figure);
            }
        }
        self.wrapped(&figure::legend(&content), Role::Dim, "");
    }

    /// Diagrams to compare: side by side, each under its heading, when
    /// there is room for all of them; else one above the other.
    fn diagrams(&mut self, list: &[(String, BodyMarks)]) {
        let content = self.content;
        // A few columns apart, so one map's edge word does not run into
        // the next map's ("RIGHT  RIGHT").
        let (one, gap) = (usize::from(figure::width(&content)), MAPS_APART);
        let all = list.len() * (one + gap);
        if list.len() < 2 || usize::from(self.width) < all {
            for (heading, marks) in list {
                self.wrapped(heading, Role::Prompt, "");
                self.diagram(marks);
            }
            return;
        }
        let pad = |s: &str| format!("{s:<w$}", w = one + gap);
        // A heading longer than its figure is cut, not pushing the next.
        let heads: String = list
            .iter()
            .map(|(h, _)| pad(&self.glyphs.truncate(h, one)))
            .collect();
        self.push(heads.trim_end().to_string(), Role::Prompt);
        let figures: Vec<Vec<String>> = list
            .iter()
            .map(|(_, m)| figure::figures(m, &content))
            .collect();
        let rows = figures.iter().map(Vec::len).max().unwrap_or(0);
        for n in 0..rows {
            let at = |f: &Vec<String>| pad(f.get(n).map_or("", String::as_str));
            let line: String = figures.iter().map(at).collect();
            let line = self.glyphs.text(line.trim_end()).into_owned();
            self.push(line, Role::Figure);
        }
        self.wrapped(&figure::legend(&content), Role::Dim, "");
    }
}

/// The columns between two maps side by side.
const MAPS_APART: usize = 6;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_apart_and_details_sit_under_their_entry() {
        let sections = [
            Section {
                heading: String::new(),
                blocks: vec![Block::Banner(Level::Urgent, "See a doctor today".into())],
            },
            Section {
                heading: "Steps".into(),
                blocks: vec![Block::Numbered(vec![Bullet {
                    text: "Rest".into(),
                    details: vec!["Because: one two three".into()],
                }])],
            },
        ];
        let glyphs = Glyphs::default();
        let rows = rows(
            &sections,
            16,
            Some("Saved here"),
            Content::builtin(),
            glyphs,
        );
        let texts: Vec<&str> = rows.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "! See a doctor",
                "  today",
                "Saved here",
                "",
                "Steps",
                "1. Rest",
                "   - Because:",
                "     one two",
                "     three",
            ]
        );
        assert_eq!(rows[0].role, Role::Urgent);
        assert_eq!(rows[6].role, Role::Dim);
    }

    /// Two maps sit side by side, each under its heading, where both fit;
    /// one above the other where they do not.
    #[test]
    fn diagrams_to_compare_sit_side_by_side_when_they_fit() {
        let mut marks = BodyMarks::new();
        marks.set("left_calf", crate::body::Symptom::Pain);
        let sections = [Section {
            heading: String::new(),
            blocks: vec![Block::Diagrams(vec![
                ("Theirs".into(), marks.clone()),
                ("Yours".into(), BodyMarks::new()),
            ])],
        }];
        let content = Content::builtin();
        let one = figure::width(&content);
        let at = |width: u16| {
            let rows = rows(&sections, width, None, content, Glyphs::default());
            rows.into_iter().map(|r| r.text).collect::<Vec<String>>()
        };
        let wide = at(2 * (one + MAPS_APART as u16));
        assert!(wide[0].starts_with("Theirs") && wide[0].ends_with("Yours"));
        // The maps stand apart: the gap between them is blank.
        let figure = figure::figures(&marks, &content).len();
        for row in &wide[1..=figure] {
            let skip = usize::from(one);
            let gap: String = row.chars().skip(skip).take(MAPS_APART).collect();
            assert!(gap.trim().is_empty(), "{row}");
        }
        let narrow = at(one);
        assert_eq!(narrow[0], "Theirs");
        assert!(narrow.iter().any(|r| r == "Yours"));
        assert!(narrow.len() > wide.len() + figure / 2);
    }

    /// A heading longer than its figure is cut where the next begins.
    #[test]
    fn a_long_heading_is_cut_at_its_figure() {
        let content = Content::builtin();
        let one = usize::from(figure::width(&content));
        let long = "x".repeat(one + 10);
        let sections = [Section {
            heading: String::new(),
            blocks: vec![Block::Diagrams(vec![
                (long, BodyMarks::new()),
                ("Yours".into(), BodyMarks::new()),
            ])],
        }];
        let width = 2 * (one + MAPS_APART) as u16;
        let rows = rows(&sections, width, None, content, Glyphs::default());
        let head = &rows[0].text;
        let at = head.chars().position(|c| c == 'Y');
        assert_eq!(at, Some(one + MAPS_APART), "{head}");
    }
}
