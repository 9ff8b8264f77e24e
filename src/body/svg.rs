//! One view of the body diagram as an inline SVG element, for a printed
//! summary: the outline, each region a path with its name as a title, the
//! marked regions filled with a pattern a symptom (layered when several),
//! the figure's name and the patient's sides in words. No scripts.
//!
//! Units are hundredths of the frame's height; the heading takes the first
//! `TOP` of them, the figure the next hundred.

use std::fmt::Write;

use super::picture::sides;
use super::shape::{Point, Shapes};
use super::{BodyMarks, BodyRegions, Symptom, View};
use crate::markup::escape;
use crate::text::{BodyWords, fill};

const TOP: f64 = 12.0;

/// Each symptom's pattern: its id's tail, tile size and the drawing in it.
/// Told apart by shape, not colour: hatching for pain, lines for numbness,
/// dots for tingling, a zigzag for weakness, chevrons for sensitive skin.
fn pattern(s: Symptom) -> (&'static str, f64, &'static str) {
    match s {
        Symptom::Pain => (
            "pain",
            2.0,
            r##"<path d="M-1 1L1 -1M0 2L2 0M1 3L3 1" stroke="#a11" stroke-width="0.5"/>"##,
        ),
        Symptom::Numbness => (
            "numbness",
            1.6,
            r##"<path d="M0 0.8H1.6" stroke="#135" stroke-width="0.45"/>"##,
        ),
        Symptom::Tingling => (
            "tingling",
            2.0,
            r##"<circle cx="1" cy="1" r="0.45" fill="#640"/>"##,
        ),
        Symptom::Weakness => (
            "weakness",
            3.0,
            r##"<path d="M0 1L0.75 2L1.5 1L2.25 2L3 1" fill="none" stroke="#060" stroke-width="0.4"/>"##,
        ),
        Symptom::Sensitive => (
            "sensitive",
            3.0,
            r##"<path d="M0.5 2.2L1.5 0.8L2.5 2.2" fill="none" stroke="#506" stroke-width="0.4"/>"##,
        ),
    }
}

/// The SVG element of `view`, with `marks` drawn in. Ids are the region ids
/// and, for the patterns, the view's name, so both views fit in one page.
pub fn svg(
    shapes: &Shapes,
    view: View,
    marks: &BodyMarks,
    table: &BodyRegions,
    words: &BodyWords,
) -> String {
    let width = shapes.aspect * 100.0;
    let prefix = match view {
        View::Front => "front",
        View::Back => "back",
    };
    let name = match view {
        View::Front => &words.figure.front,
        View::Back => &words.figure.back,
    };
    let mut out = format!(
        r#"<svg viewBox="0 0 {width:.2} {:.2}" role="img" aria-label="{}" font-family="sans-serif">"#,
        100.0 + TOP,
        escape(name)
    );
    out.push_str(&defs(prefix));
    let drawing = shapes.drawing(view);
    let at = |p: &[Point]| path(p, shapes.aspect);
    for (r, polygon) in &drawing.regions {
        let region = &table.regions[*r];
        let id = escape(&region.id);
        let symptoms: Vec<Symptom> = marks
            .symptoms(&region.id)
            .map(|s| s.iter().copied().collect())
            .unwrap_or_default();
        let title = if symptoms.is_empty() {
            region.label.clone()
        } else {
            let named: Vec<&str> = symptoms.iter().map(|s| words.symptoms.get(*s)).collect();
            fill(
                &words.marked,
                &[
                    ("place", &region.label),
                    ("symptoms", &named.join(&words.between)),
                ],
            )
        };
        let d = at(polygon);
        let _ = write!(
            out,
            r##"<g id="region-{id}" data-region="{id}"><title>{}</title><path d="{d}" fill="#f6f3ee" stroke="#9a948a" stroke-width="0.15"/>"##,
            escape(&title)
        );
        for s in symptoms {
            let _ = write!(
                out,
                r#"<path d="{d}" fill="url(#{prefix}-{})"/>"#,
                pattern(s).0
            );
        }
        out.push_str("</g>");
    }
    let _ = write!(
        out,
        r##"<path d="{}" fill="none" stroke="#333" stroke-width="0.4"/>"##,
        at(&drawing.outline)
    );
    let (left, right) = sides(view, &words.figure, true);
    let _ = write!(
        out,
        r#"<text x="{:.2}" y="5" font-size="5" font-weight="bold" text-anchor="middle">{}</text><text x="0.5" y="10.5" font-size="4">{}</text><text x="{:.2}" y="10.5" font-size="4" text-anchor="end">{}</text></svg>"#,
        width / 2.0,
        escape(name),
        escape(left),
        width - 0.5,
        escape(right)
    );
    out
}

/// The symptoms' patterns, their ids starting with `prefix`.
fn defs(prefix: &str) -> String {
    let mut out = String::from("<defs>");
    for s in Symptom::ALL {
        let (tail, size, drawing) = pattern(s);
        let _ = write!(
            out,
            r#"<pattern id="{prefix}-{tail}" width="{size}" height="{size}" patternUnits="userSpaceOnUse">{drawing}</pattern>"#
        );
    }
    out.push_str("</defs>");
    out
}

/// The legend of the patterns: a swatch of each beside its symptom's word,
/// in one row, as an SVG element.
pub fn legend(words: &BodyWords) -> String {
    // A character of the 4-unit font is about 2.4 units wide, at most.
    let mut body = defs("legend");
    let mut x = 0.5;
    for s in Symptom::ALL {
        let word = words.symptoms.get(s);
        let _ = write!(
            body,
            r##"<rect x="{x:.1}" y="1" width="8" height="6" fill="url(#legend-{})" stroke="#333" stroke-width="0.2"/><text x="{:.1}" y="5.5">{}</text>"##,
            pattern(s).0,
            x + 9.5,
            escape(word)
        );
        x += 16.0 + 2.4 * word.chars().count() as f64;
    }
    format!(r#"<svg viewBox="0 0 {x:.0} 8" font-family="sans-serif" font-size="4">{body}</svg>"#)
}

/// A closed path through `points`, in the SVG's units.
fn path(points: &[Point], aspect: f64) -> String {
    let mut d = String::new();
    for (n, (x, y)) in points.iter().enumerate() {
        let _ = write!(
            d,
            "{}{:.2} {:.2}",
            if n == 0 { "M" } else { "L" },
            x * aspect * 100.0,
            y * 100.0 + TOP
        );
    }
    d.push('Z');
    d
}
