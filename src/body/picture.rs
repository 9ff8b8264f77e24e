//! A figure as text, one row of it a cell: what each cell shows, and the
//! heading line that names the figure and the patient's sides on it. The
//! screen and the files draw with these, so they show the same figure.

use super::raster::{Dot, Raster};
use super::shape::{Shapes, TONES};
use super::{BodyMarks, BodyRegions, Symptom, View};
use crate::text::FigureWords;

/// The glyphs of the three tones: in every Linux console font (`▓` is not).
pub const TONE_GLYPHS: [char; TONES as usize] = ['░', '▒', '█'];

/// What a cell of a text figure shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Glyph {
    Blank,
    /// Inside the outline, in no region.
    Body,
    /// A region, in its tone, or one of the symptoms marked on it.
    Region {
        region: usize,
        tone: u8,
        mark: Option<Symptom>,
    },
}

impl Glyph {
    pub fn char(self) -> char {
        match self {
            Glyph::Blank => ' ',
            Glyph::Body => TONE_GLYPHS[0],
            Glyph::Region { mark: Some(s), .. } => s.symbol(),
            Glyph::Region { tone, .. } => TONE_GLYPHS[usize::from(tone) % TONE_GLYPHS.len()],
        }
    }
}

/// Cell (x, y) of a one-row raster. A region marked with several symptoms
/// shows them in turn over its cells, in reading order.
pub fn glyph(
    shapes: &Shapes,
    raster: &Raster,
    (x, y): (u16, u16),
    marks: Option<&BodyMarks>,
    table: &BodyRegions,
) -> Glyph {
    match raster.dot(x, y) {
        Dot::Outside => Glyph::Blank,
        Dot::Body => Glyph::Body,
        Dot::Region(region) => {
            let marked: Vec<Symptom> = marks
                .and_then(|m| m.symptoms(&table.regions[region].id))
                .map(|s| s.iter().copied().collect())
                .unwrap_or_default();
            let n = raster.place(x, y);
            Glyph::Region {
                region,
                tone: shapes.tone(region),
                mark: marked.get(n % marked.len().max(1)).copied(),
            }
        }
    }
}

/// A one-row raster as lines of text, with the marks drawn in.
pub fn rows(
    shapes: &Shapes,
    raster: &Raster,
    marks: &BodyMarks,
    table: &BodyRegions,
) -> Vec<String> {
    (0..raster.height)
        .map(|y| {
            (0..raster.width)
                .map(|x| glyph(shapes, raster, (x, y), Some(marks), table).char())
                .collect()
        })
        .collect()
}

/// The words for the patient's sides as they fall on a figure: (on the
/// viewer's left, on the viewer's right), short (`R`) or long (`YOUR RIGHT`).
pub fn sides(view: View, words: &FigureWords, long: bool) -> (&str, &str) {
    let (right, left) = if long {
        (&words.your_right, &words.your_left)
    } else {
        (&words.right, &words.left)
    };
    match view {
        // Facing the viewer, the patient's right is on the viewer's left.
        View::Front => (right, left),
        View::Back => (left, right),
    }
}

/// The figure's name in the middle and the patient's sides at the edges,
/// in `width` columns: "YOUR RIGHT  FRONT  YOUR LEFT" where it fits, else
/// each side's last word ("RIGHT  FRONT  LEFT"), else its letter; the name
/// is dropped when even the letters leave no room for it.
pub fn heading(view: View, width: u16, words: &FigureWords) -> String {
    let name = match view {
        View::Front => &words.front,
        View::Back => &words.back,
    };
    let width = usize::from(width);
    let count = |s: &str| s.chars().count();
    let long = sides(view, words, true);
    let short = sides(view, words, false);
    let fits = |(first, last): (&str, &str)| count(first) + count(last) + count(name) + 2 <= width;
    let (first, last) = [long, (last_word(long.0), last_word(long.1)), short]
        .into_iter()
        .find(|s| fits(*s))
        .unwrap_or(short);
    let name = if fits((first, last)) {
        name.as_str()
    } else {
        ""
    };
    let room = width.saturating_sub(count(first) + count(last));
    let before = room.saturating_sub(count(name)) / 2;
    let after = room.saturating_sub(count(name) + before);
    format!(
        "{first}{}{name}{}{last}",
        " ".repeat(before),
        " ".repeat(after)
    )
}

/// The last word of a side's name: "RIGHT" of "YOUR RIGHT".
fn last_word(s: &str) -> &str {
    s.rsplit(' ').next().unwrap_or(s)
}
