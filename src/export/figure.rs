//! The body diagram as text lines, for the files that draw it: both figures
//! side by side, a blank line, then the symbols' legend.

use crate::body::{BodyMarks, Symptom};
use crate::content::Content;

pub fn lines(marks: &BodyMarks, content: &Content) -> Vec<String> {
    let regions = content.regions;
    let [front, back] = &content.figures().compact;
    let mut out: Vec<String> = front
        .render_marks(marks, regions)
        .iter()
        .zip(back.render_marks(marks, regions))
        .map(|(a, b)| format!("{a}    {b}"))
        .collect();
    let legend: Vec<String> = Symptom::ALL
        .iter()
        .map(|s| format!("{} {}", s.symbol(), content.text.body.symptoms.get(*s)))
        .collect();
    out.push(String::new());
    out.push(legend.join("   "));
    out
}
