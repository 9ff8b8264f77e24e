//! The body diagram as text lines, for the files and the summary screen that
//! draw it: both figures side by side, and the symbols' legend.

use crate::body::{BodyMarks, Symptom};
use crate::content::Content;

/// Both compact figures side by side with the marks, a row a line.
pub fn figures(marks: &BodyMarks, content: &Content) -> Vec<String> {
    let regions = content.regions;
    let [front, back] = &content.figures().compact;
    front
        .render_marks(marks, regions)
        .iter()
        .zip(back.render_marks(marks, regions))
        .map(|(a, b)| format!("{a}    {b}"))
        .collect()
}

/// How wide `figures` draws.
pub fn width(content: &Content) -> u16 {
    let [front, back] = &content.figures().compact;
    front.width + back.width + 4
}

/// Each symbol and the symptom it marks, on one line.
pub fn legend(content: &Content) -> String {
    let legend: Vec<String> = Symptom::ALL
        .iter()
        .map(|s| format!("{} {}", s.symbol(), content.text.body.symptoms.get(*s)))
        .collect();
    legend.join("   ")
}

/// The figures, a blank line, then the legend: as the files draw it.
pub fn lines(marks: &BodyMarks, content: &Content) -> Vec<String> {
    let mut out = figures(marks, content);
    out.push(String::new());
    out.push(legend(content));
    out
}
