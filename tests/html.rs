//! The printable HTML summary: one well-formed, self-contained page (nothing
//! to run or fetch), every typed text escaped, the body diagram before any
//! finding, and the clinician's view of the report whole, for every example
//! session and vignette.

mod common;

use common::{every_session, view_texts};
use intake::answers::{Answer, Session};
use intake::content::{self, Content};
use intake::export::Summary;
use intake::report::{Block, Section};

/// Elements with no end tag.
const VOID: &[&str] = &["meta", "br", "hr", "img", "link", "input", "col", "wbr"];

/// The escapes the page may use; any other `&` is a text left unescaped.
const ENTITIES: &[&str] = &["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"];

fn page(s: &Session, f: impl FnOnce(&Summary, String)) {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let summary = Summary::new(&q, s, &rules, Content::builtin(), s.updated);
    let html = summary.html();
    f(&summary, html);
}

/// Whether every opened element is closed, in order, and every text and
/// attribute is escaped: `Err` says what is wrong and at which byte.
fn well_formed(html: &str) -> Result<(), String> {
    let mut open: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        text_escaped(&rest[..lt]).map_err(|e| at(html, rest, e))?;
        let tag = &rest[lt..];
        let gt = tag
            .find('>')
            .ok_or_else(|| at(html, tag, "a tag never ends".into()))?;
        let inside = &tag[1..gt];
        rest = &tag[gt + 1..];
        if inside.starts_with('!') {
            continue;
        }
        if let Some(name) = inside.strip_prefix('/') {
            match open.pop() {
                Some(o) if o == name => continue,
                o => return Err(at(html, tag, format!("</{name}> closes {o:?}"))),
            }
        }
        // An SVG element may close itself: `<path d="…"/>`.
        let (inside, closed) = match inside.strip_suffix('/') {
            Some(inside) => (inside.trim_end(), true),
            None => (inside, false),
        };
        let name = attributes(inside).map_err(|e| at(html, tag, e))?;
        if name == "style" {
            // Its text is CSS, not HTML, until its end tag.
            let end = rest.find("</style>").ok_or("<style> never ends")?;
            rest = &rest[end..];
        }
        if !closed && !VOID.contains(&name.as_str()) {
            open.push(name);
        }
    }
    text_escaped(rest).map_err(|e| at(html, rest, e))?;
    match open.is_empty() {
        true => Ok(()),
        false => Err(format!("never closed: {open:?}")),
    }
}

/// A tag's name, once each attribute is checked to be `name="value"` with
/// an escaped value.
fn attributes(inside: &str) -> Result<String, String> {
    let (name, mut attrs) = inside.split_once(' ').unwrap_or((inside, ""));
    let lower = name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    if name.is_empty() || !lower {
        return Err(format!("a tag named {name:?}"));
    }
    while !attrs.is_empty() {
        let (key, value) = attrs
            .split_once("=\"")
            .ok_or_else(|| format!("an unquoted attribute in <{inside}>"))?;
        let (value, after) = value
            .split_once('"')
            .ok_or_else(|| format!("an attribute never ends in <{inside}>"))?;
        // SVG's attributes are camel case (viewBox, patternUnits).
        if !key.chars().all(|c| c.is_ascii_alphabetic() || c == '-') {
            return Err(format!("an attribute named {key:?}"));
        }
        text_escaped(value)?;
        attrs = after.trim_start();
    }
    Ok(name.to_string())
}

/// Text with no `>` and no `&` but the page's escapes.
fn text_escaped(text: &str) -> Result<(), String> {
    if text.contains('>') {
        return Err("a '>' in text".into());
    }
    for (n, _) in text.match_indices('&') {
        if !ENTITIES.iter().any(|e| text[n..].starts_with(e)) {
            return Err(format!("an unescaped '&' before {:?}", &text[n..]));
        }
    }
    Ok(())
}

/// An error with the byte offset of `from` in `html`.
fn at(html: &str, from: &str, e: String) -> String {
    format!("byte {}: {e}", html.len() - from.len())
}

/// The page's text: each tag a line break, the escapes undone.
fn text_of(html: &str) -> String {
    let body = &html[html.find("<body>").unwrap()..];
    let mut out = String::new();
    for piece in body.split('<') {
        out.push('\n');
        out.push_str(piece.split_once('>').map_or(piece, |(_, t)| t));
    }
    let out = out.replace("&lt;", "<").replace("&gt;", ">");
    let out = out.replace("&quot;", "\"").replace("&#39;", "'");
    out.replace("&amp;", "&")
}

#[test]
fn the_checker_finds_what_is_wrong() {
    assert_eq!(well_formed("<p>a &amp; <b>b</b></p>"), Ok(()));
    assert_eq!(well_formed("<meta charset=\"utf-8\"><p>x</p>"), Ok(()));
    assert!(
        well_formed("<p><b>x</p></b>")
            .unwrap_err()
            .contains("closes")
    );
    assert!(well_formed("<p>x").unwrap_err().contains("never closed"));
    assert!(well_formed("<p>a & b</p>").unwrap_err().contains("'&'"));
    assert!(well_formed("<p>a > b</p>").unwrap_err().contains("'>'"));
    assert!(
        well_formed("<p class=x>a</p>")
            .unwrap_err()
            .contains("unquoted")
    );
    assert!(well_formed("<style>a > b {}</style>").is_ok());
}

#[test]
fn every_page_is_well_formed_and_self_contained() {
    for (name, s) in every_session() {
        page(&s, |summary, html| {
            assert_eq!(well_formed(&html), Ok(()), "{name}");
            assert!(
                html.starts_with("<!doctype html>\n<html lang=\"en\">\n"),
                "{name}"
            );
            assert!(html.contains("<meta charset=\"utf-8\">"), "{name}");
            let title = &summary.content.text.report.title;
            assert!(html.contains(&format!("<title>{title} – ")), "{name}");
            let lower = html.to_lowercase();
            for fetches in ["<script", "http://", "https://", "@import", "src=", "href="] {
                assert!(!lower.contains(fetches), "{name}: {fetches}");
            }
            // Patterns are filled by reference within the page, never fetched.
            assert!(
                lower
                    .match_indices("url(")
                    .all(|(at, _)| lower[at + 4..].starts_with('#')),
                "{name}: url("
            );
            assert_eq!(lower.matches("<style>").count(), 1, "{name}");
        });
    }
}

#[test]
fn typed_text_comes_out_escaped() {
    let (_, mut s) = every_session().swap_remove(0);
    let typed = "<script>alert('x')</script> & \"more\"";
    s.answers.insert("goal".into(), Answer::Text(typed.into()));
    page(&s, |_, html| {
        assert!(!html.contains("<script"));
        assert!(
            html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;")
        );
        assert_eq!(well_formed(&html), Ok(()));
        assert!(text_of(&html).contains(typed));
    });
}

/// A section's heading as the page shows it.
fn h2(section: &Section) -> String {
    format!("<h2>{}</h2>", section.heading)
}

#[test]
fn the_body_diagram_comes_before_any_finding_and_the_view_keeps_its_order() {
    let mut maps = 0;
    for (name, s) in every_session() {
        page(&s, |summary, html| {
            let view = &summary.report.clinician;
            let is_map = |x: &&Section| x.blocks.iter().any(|b| matches!(b, Block::Diagram(_)));
            let (map, rest): (Vec<&Section>, Vec<&Section>) =
                view.sections.iter().partition(is_map);
            maps += map.len();
            let headings: Vec<String> = map.iter().chain(&rest).map(|x| h2(x)).collect();
            let shown: Vec<String> = html
                .match_indices("<h2>")
                .map(|(at, _)| {
                    html[at..]
                        .split_inclusive("</h2>")
                        .next()
                        .unwrap()
                        .to_string()
                })
                .collect();
            let expected: Vec<&String> = headings.iter().filter(|h| *h != "<h2></h2>").collect();
            assert_eq!(shown.iter().collect::<Vec<_>>(), expected, "{name}");
            // Nothing of the report before the map but what the page is.
            if let Some(first) = map.first() {
                let before = &html[..html.find(&h2(first)).unwrap()];
                assert!(!before.contains("class=\"banner"), "{name}");
                assert!(before.contains(&summary.content.text.report.patient.not_diagnosis));
            }
        });
    }
    assert!(maps > 0, "some session marks the body diagram");
}

#[test]
fn the_page_holds_the_whole_clinicians_view_as_the_markdown_does() {
    for (name, s) in every_session() {
        page(&s, |summary, html| {
            let text = text_of(&html);
            let markdown = summary.markdown();
            for said in view_texts(&summary.report.clinician) {
                assert!(text.contains(&said), "{name}: {said:?} not on the page");
                // A Markdown table cell escapes its bars.
                let cell = said.replace('|', "\\|");
                assert!(
                    markdown.contains(&cell),
                    "{name}: {said:?} not in the Markdown"
                );
            }
            let words = &summary.content.text.report;
            assert_eq!(
                text.contains(&words.not_finished),
                !summary.complete,
                "{name}"
            );
        });
    }
}

/// The figures come as inline SVG, every marked region filled with a
/// pattern of each of its symptoms, and a region not marked with none.
#[test]
fn the_figures_show_every_marked_region_with_its_patterns() {
    let mut checked = 0;
    for (name, s) in every_session() {
        let Some(Answer::Body(marks)) = s.answers.get("body_map").cloned() else {
            continue;
        };
        page(&s, |summary, html| {
            assert_eq!(
                html.matches("<svg").count(),
                3,
                "{name}: front, back, legend"
            );
            for r in &summary.content.regions.regions {
                let group = format!("<g id=\"region-{}\" data-region=\"{}\">", r.id, r.id);
                let at = html
                    .find(&group)
                    .unwrap_or_else(|| panic!("{name}: {} drawn", r.id));
                let end = at + html[at..].find("</g>").unwrap();
                let filled = html[at..end].matches("fill=\"url(#").count();
                let want = marks.symptoms(&r.id).map_or(0, |s| s.len());
                assert_eq!(filled, want, "{name}: {}", r.id);
            }
            checked += 1;
        });
    }
    assert!(checked >= 5, "{checked} sessions with marks");
}
