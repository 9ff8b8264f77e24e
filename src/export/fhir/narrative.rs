//! Report blocks as a FHIR Narrative: the limited XHTML that R4 allows in a
//! resource's `text` (paragraphs, lists, tables, preformatted text), every
//! text escaped.

use serde_json::{Value, json};

use crate::content::Content;
use crate::export::xhtml::{Elements, preformatted};
use crate::report::Block;

/// A Narrative made from the blocks: all of it is generated from the data.
pub(super) fn text(blocks: &[Block], content: &Content) -> Value {
    let mut div = String::from(r#"<div xmlns="http://www.w3.org/1999/xhtml">"#);
    let elements = Elements {
        content,
        diagram: preformatted,
        banner_class: false,
    };
    elements.blocks(&mut div, blocks);
    div.push_str("</div>");
    json!({ "status": "generated", "div": div })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Bullet;

    #[test]
    fn text_is_escaped_and_lists_nest() {
        let blocks = [
            Block::Strong("A & B <now> \"it's\"".into()),
            Block::Bullets(vec![Bullet {
                text: "sign".into(),
                details: vec!["why".into()],
            }]),
            Block::Numbered(Vec::new()),
        ];
        assert_eq!(
            text(&blocks, &Content::builtin())["div"],
            "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p><strong>A &amp; B &lt;now&gt; &quot;it&#39;s&quot;</strong></p>\
             <ul><li>sign<ul><li>why</li></ul></li></ul></div>"
        );
    }
}
