//! Report blocks as a FHIR Narrative: the limited XHTML that R4 allows in a
//! resource's `text` (paragraphs, lists, tables, preformatted text), every
//! text escaped.

use serde_json::{Value, json};

use crate::content::Content;
use crate::export::figure;
use crate::report::{Block, Bullet};

/// A Narrative made from the blocks: all of it is generated from the data.
pub(super) fn text(blocks: &[Block], content: &Content) -> Value {
    let mut div = String::from(r#"<div xmlns="http://www.w3.org/1999/xhtml">"#);
    for b in blocks {
        block(&mut div, b, content);
    }
    div.push_str("</div>");
    json!({ "status": "generated", "div": div })
}

fn block(out: &mut String, b: &Block, content: &Content) {
    match b {
        Block::Banner(_, t) | Block::Strong(t) => tag(out, "p", &tagged("strong", t)),
        Block::Paragraph(t) => tag(out, "p", &escape(t)),
        Block::Heading(t) => tag(out, "h3", &escape(t)),
        Block::Bullets(list) => items(out, "ul", list),
        Block::Numbered(list) => items(out, "ol", list),
        Block::Table { head, rows } => {
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
        Block::Diagram(marks) => {
            let lines = figure::lines(marks, content).join("\n");
            tag(out, "pre", &escape(&lines));
        }
    }
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

fn tag(out: &mut String, name: &str, inner: &str) {
    out.push_str(&format!("<{name}>{inner}</{name}>"));
}

fn tagged(name: &str, text: &str) -> String {
    format!("<{name}>{}</{name}>", escape(text))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_lists_nest() {
        let blocks = [
            Block::Strong("A & B <now>".into()),
            Block::Bullets(vec![Bullet {
                text: "sign".into(),
                details: vec!["why".into()],
            }]),
            Block::Numbered(Vec::new()),
        ];
        assert_eq!(
            text(&blocks, &Content::builtin())["div"],
            "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p><strong>A &amp; B &lt;now&gt;</strong></p>\
             <ul><li>sign<ul><li>why</li></ul></li></ul></div>"
        );
    }
}
