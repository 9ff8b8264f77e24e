//! Report blocks as HTML elements, written once for the two renderings that
//! are HTML: the FHIR narrative (R4's limited XHTML) and the printable page.
//! Every text is escaped; what the two draw differently is theirs to say.

use crate::body::BodyMarks;
use crate::content::Content;
use crate::export::{figure, level_code};
use crate::report::{Block, Bullet};

/// How one rendering draws blocks.
pub(super) struct Elements<'a> {
    pub content: &'a Content<'a>,
    /// The body diagram's element.
    pub diagram: fn(&BodyMarks, &Content) -> String,
    /// Whether a banner carries its level as a class, for a style sheet.
    pub banner_class: bool,
}

impl Elements<'_> {
    pub fn blocks(&self, out: &mut String, blocks: &[Block]) {
        for b in blocks {
            self.block(out, b);
        }
    }

    pub fn block(&self, out: &mut String, b: &Block) {
        match b {
            Block::Banner(level, t) if self.banner_class => {
                let class = level_code(*level);
                let strong = tagged("strong", t);
                out.push_str(&format!("<p class=\"banner {class}\">{strong}</p>"));
            }
            Block::Banner(_, t) | Block::Strong(t) => tag(out, "p", &tagged("strong", t)),
            Block::Paragraph(t) => tag(out, "p", &escape(t)),
            Block::Heading(t) => tag(out, "h3", &escape(t)),
            Block::Bullets(list) => items(out, "ul", list),
            Block::Numbered(list) => items(out, "ol", list),
            Block::Table { head, rows } => table(out, head, rows),
            Block::Diagram(marks) => out.push_str(&(self.diagram)(marks, self.content)),
            Block::Diagrams(list) => {
                for (heading, marks) in list {
                    tag(out, "h3", &escape(heading));
                    out.push_str(&(self.diagram)(marks, self.content));
                }
            }
        }
    }
}

/// The text figure and its legend as they are, in the fixed-width type
/// they are drawn for.
pub(super) fn preformatted(marks: &BodyMarks, content: &Content) -> String {
    let lines = figure::lines(marks, content).join("\n");
    format!("<pre>{}</pre>", escape(&lines))
}

fn table(out: &mut String, head: &[String; 2], rows: &[[String; 2]]) {
    let row = |cell: &str, cells: &[String; 2]| -> String {
        cells.iter().map(|c| tagged(cell, c)).collect()
    };
    let mut table = String::new();
    tag(&mut table, "tr", &row("th", head));
    for r in rows {
        tag(&mut table, "tr", &row("td", r));
    }
    tag(out, "table", &table);
}

/// A list with each entry's details as a list under it; none for no entries,
/// as XHTML wants a list to hold one.
fn items(out: &mut String, list_tag: &str, list: &[Bullet]) {
    if list.is_empty() {
        return;
    }
    let mut inner = String::new();
    for b in list {
        let mut entry = escape(&b.text);
        let details: Vec<Bullet> = b.details.iter().map(Bullet::new).collect();
        items(&mut entry, "ul", &details);
        tag(&mut inner, "li", &entry);
    }
    tag(out, list_tag, &inner);
}

/// `<name>inner</name>`; `inner` is HTML already.
pub(super) fn tag(out: &mut String, name: &str, inner: &str) {
    out.push_str(&format!("<{name}>{inner}</{name}>"));
}

/// `<name>text</name>`, the text escaped.
pub(super) fn tagged(name: &str, text: &str) -> String {
    format!("<{name}>{}</{name}>", escape(text))
}

/// Text as HTML: quotes too, so no text can end an attribute it is put in.
pub(super) use crate::markup::escape;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::Level;

    fn banner(banner_class: bool) -> String {
        let elements = Elements {
            content: &Content::builtin(),
            diagram: preformatted,
            banner_class,
        };
        let mut out = String::new();
        elements.block(
            &mut out,
            &Block::Banner(Level::Urgent, "Now & 'here'".into()),
        );
        out
    }

    #[test]
    fn a_banner_carries_its_level_where_a_style_sheet_asks() {
        let text = "<strong>Now &amp; &#39;here&#39;</strong>";
        assert_eq!(
            banner(true),
            format!("<p class=\"banner urgent\">{text}</p>")
        );
        assert_eq!(banner(false), format!("<p>{text}</p>"));
    }
}
