//! The summary as one printable HTML page, for the doctor: what it is and
//! when, then the body diagram before any word of findings (a doctor should
//! see the map first), then the clinician's view of the report in its own
//! order (banner, warning signs, findings, next steps, every answer). One
//! file with nothing to fetch: no script, no link, no web font; the style
//! sheet (assets/summary.css) is inline and sized for A4 and Letter.

use super::xhtml::{Elements, escape, tagged};
use super::{Format, Summary};
use crate::body::{self, BodyMarks, View};
use crate::content::Content;
use crate::report::{Block, Section};
use crate::text::fill;

pub const FORMAT: Format = Format {
    name: "html",
    extension: "html",
    render,
};

const STYLE: &str = include_str!("../../assets/summary.css");

fn render(s: &Summary) -> String {
    let words = &s.clinic.text.report;
    let title = fill(
        &words.page_title,
        &[
            ("title", &words.title),
            ("questionnaire", &s.questionnaire.title),
        ],
    );
    let mut out = format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         {}\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        escape(&s.clinic.text.language),
        tagged("title", &title),
    );
    header(s, &mut out);
    out.push_str("<main>\n");
    let elements = Elements {
        content: &s.clinic,
        diagram: figures_html,
        banner_class: true,
    };
    // The body diagram first; the rest in the view's order.
    let (maps, rest): (Vec<&Section>, Vec<&Section>) =
        s.report.clinician.sections.iter().partition(|x| is_map(x));
    for section in maps.into_iter().chain(rest) {
        write_section(s, &elements, section, &mut out);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// What the page is and for whom, when it was made, whether it is
/// finished, and that it is not a diagnosis.
fn header(s: &Summary, out: &mut String) {
    let words = &s.clinic.text.report;
    out.push_str("<header>\n");
    out.push_str(&tagged("h1", &words.title));
    out.push_str(&format!(
        "\n<p class=\"questionnaire\">{}</p>\n<p>{}</p>\n<p>{}</p>\n",
        escape(&s.questionnaire.title),
        tagged("strong", &s.report.clinician.name),
        escape(&s.made(&s.questionnaire.id)),
    ));
    if !s.complete {
        out.push_str(&format!(
            "<p>{}</p>\n",
            tagged("strong", &words.not_finished)
        ));
    }
    let note = tagged("strong", &words.patient.not_diagnosis);
    out.push_str(&format!("<p class=\"note\">{note}</p>\n</header>\n"));
}

fn write_section(s: &Summary, elements: &Elements, section: &Section, out: &mut String) {
    let class = if is_map(section) {
        " class=\"map\""
    } else if section.heading.is_empty() {
        " class=\"opening\""
    } else if section.heading == s.clinic.text.report.clinician.all_answers {
        " class=\"answers\""
    } else {
        ""
    };
    out.push_str(&format!("<section{class}>\n"));
    if !section.heading.is_empty() {
        out.push_str(&tagged("h2", &section.heading));
        out.push('\n');
    }
    for block in &section.blocks {
        elements.block(out, block);
        out.push('\n');
    }
    out.push_str("</section>\n");
}

fn is_map(section: &Section) -> bool {
    section
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Diagram(_) | Block::Diagrams(_)))
}

/// The body diagram: the front and back figures drawn from the regions'
/// shapes as inline SVG, each marked region filled with its symptom's
/// pattern, and the patterns' legend.
pub fn figures_html(marks: &BodyMarks, content: &Content) -> String {
    let (shapes, table, words) = (content.shapes(), content.regions, &content.text.body);
    let figure = |view| body::svg(shapes, view, marks, table, words);
    format!(
        "<div class=\"legend\">{}</div>\n<div class=\"figures\">{}{}</div>",
        body::legend(words),
        figure(View::Front),
        figure(View::Back)
    )
}
