//! The body diagram as text lines, for the files and the summary screen that
//! draw it: both figures side by side, and the symbols' legend.

use crate::body::{BodyMarks, Mode, Symptom, View, heading, rows};
use crate::content::Content;

/// The most each figure takes, in characters: a page's width holds both.
const ROOM: (u16, u16) = (23, 20);

/// Both figures side by side with the marks, a row a line, each under a
/// line with its name and the patient's sides.
pub fn figures(marks: &BodyMarks, content: &Content) -> Vec<String> {
    let shapes = content.shapes();
    let (w, h) = shapes.fit(ROOM.0, ROOM.1);
    let words = &content.text.body.figure;
    let [front, back] = [View::Front, View::Back].map(|view| {
        let raster = shapes.raster(view, w, h, Mode::OneRow);
        let mut lines = vec![heading(view, w, words)];
        lines.extend(rows(shapes, &raster, marks, content.regions));
        lines
    });
    front
        .iter()
        .zip(back)
        .map(|(a, b)| format!("{a}    {b}"))
        .collect()
}

/// How wide `figures` draws.
pub fn width(content: &Content) -> u16 {
    let (w, _) = content.shapes().fit(ROOM.0, ROOM.1);
    w * 2 + 4
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
