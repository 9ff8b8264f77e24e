//! The characters the screens draw with, in three sets: every glyph a
//! UTF-8 terminal has, those the Linux console's fonts have, and ASCII.
//! A view takes its marks from the set (`app.glyphs.marker`, never a
//! literal "›"), so a frame fits the terminal without help; `fit` maps what
//! came from elsewhere (words from a file) and is the frame's last net.
//!
//! The sets are a table in Rust, not data: they are what fonts can draw,
//! checked against the fonts' own table (tests/data/console-glyphs.txt),
//! and nothing a clinic or a translator would change.

mod fit;

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::symbols::border;

/// Which characters the terminal can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GlyphSet {
    /// Any character of a UTF-8 terminal's fonts.
    #[default]
    Unicode,
    /// What every Lat15 and Uni2 font of the Linux console has: no half
    /// blocks, no dark shade, no check mark, no ellipsis.
    Console,
    /// Printable ASCII: a terminal whose locale is not UTF-8, or a vt100.
    Ascii,
}

/// The glyphs of one set. Each mark also differs in shape, not only in
/// colour, in every set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyphs {
    pub set: GlyphSet,
    /// The cursor's row in a list: `›`.
    pub marker: char,
    /// A list's bullet, and a hidden PIN's digits: `•`.
    pub bullet: char,
    /// A chosen and an unchosen single answer: `(•)`, `( )`.
    pub radio: [&'static str; 2],
    /// More of a list above, and below: `▲`, `▼`.
    pub more: [char; 2],
    /// A text cut short: `…`.
    pub ellipsis: char,
    /// The filled part of the progress bar: `█`.
    pub bar: char,
    /// Upper and lower half blocks, where the set has them: `▀ ▄`.
    pub halves: Option<[char; 2]>,
    /// A question asked, in practice: `✓`.
    pub check: char,
    /// Dialog and text-box borders.
    pub border: border::Set<'static>,
}

impl Glyphs {
    pub const UNICODE: Glyphs = Glyphs {
        set: GlyphSet::Unicode,
        marker: '›',
        bullet: '•',
        radio: ["(•)", "( )"],
        more: ['▲', '▼'],
        ellipsis: '…',
        bar: '█',
        halves: Some(['▀', '▄']),
        check: '✓',
        border: border::PLAIN,
    };

    /// The console's fonts lack `▓ ▀ ▄ ✓ …` (see tests/data).
    pub const CONSOLE: Glyphs = Glyphs {
        set: GlyphSet::Console,
        ellipsis: '.',
        halves: None,
        check: '+',
        ..Glyphs::UNICODE
    };

    pub const ASCII: Glyphs = Glyphs {
        set: GlyphSet::Ascii,
        marker: '>',
        bullet: '*',
        radio: ["(*)", "( )"],
        more: ['^', 'v'],
        ellipsis: '.',
        bar: '#',
        halves: None,
        check: '+',
        border: border::Set {
            top_left: "+",
            top_right: "+",
            bottom_left: "+",
            bottom_right: "+",
            vertical_left: "|",
            vertical_right: "|",
            horizontal_top: "-",
            horizontal_bottom: "-",
        },
    };

    pub fn of(set: GlyphSet) -> Glyphs {
        match set {
            GlyphSet::Unicode => Glyphs::UNICODE,
            GlyphSet::Console => Glyphs::CONSOLE,
            GlyphSet::Ascii => Glyphs::ASCII,
        }
    }

    /// A list row's first two columns: the marker on the cursor's row.
    pub fn point(&self, here: bool) -> String {
        let mark = if here { self.marker } else { ' ' };
        format!("{mark} ")
    }

    /// Whether the set has `c`.
    pub fn allows(&self, c: char) -> bool {
        fit::allows(self.set, c)
    }

    /// `c`, or the nearest the set has: `▶` is `>` in ASCII, `é` is `e`.
    /// One column for one: widths, and so layouts and clicks, stay the same.
    pub fn fit(&self, c: char) -> char {
        fit::fit(self.set, c)
    }

    /// `text` with every character fitted: for words from a file that may
    /// carry glyphs (a button's `◀`, a hint's `←`).
    pub fn text<'t>(&self, text: &'t str) -> Cow<'t, str> {
        if text.chars().all(|c| self.allows(c)) {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(text.chars().map(|c| self.fit(c)).collect())
        }
    }

    /// `text` cut to `width` columns, with the set's ellipsis when cut.
    pub fn truncate(&self, text: &str, width: usize) -> String {
        super::layout::truncate(text, width, self.ellipsis)
    }

    /// `text` cut in the middle to `width`, its start and end kept.
    pub fn truncate_middle(&self, text: &str, width: usize) -> String {
        super::layout::truncate_middle(text, width, self.ellipsis)
    }

    /// The last net over a drawn frame: any cell the set cannot show gets
    /// its fallback. The views draw only the set's glyphs; this catches what
    /// they could not foresee, such as an accent in a clinic's questionnaire.
    pub fn net(&self, buf: &mut Buffer) {
        if self.set == GlyphSet::Unicode {
            return;
        }
        for cell in &mut buf.content {
            let symbol = cell.symbol();
            if symbol.chars().all(|c| self.allows(c)) {
                continue;
            }
            // A combining accent goes with its letter: one cell, one char.
            let base = symbol.chars().next().unwrap_or(' ');
            let fitted = self.fit(base);
            cell.set_char(fitted);
        }
    }
}

impl Default for Glyphs {
    fn default() -> Self {
        Glyphs::UNICODE
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn every_glyph_of_a_set_is_in_it() {
        for g in [Glyphs::UNICODE, Glyphs::CONSOLE, Glyphs::ASCII] {
            let b = g.border;
            let borders = [b.top_left, b.top_right, b.bottom_left, b.bottom_right];
            let strings = g.radio.iter().chain(&borders).flat_map(|s| s.chars());
            let chars = [g.marker, g.bullet, g.ellipsis, g.bar, g.check]
                .into_iter()
                .chain(g.more)
                .chain(g.halves.into_iter().flatten())
                .chain(strings);
            for c in chars {
                assert!(g.allows(c), "{:?} lacks {c:?}", g.set);
                assert_eq!(g.fit(c), c);
            }
        }
    }

    #[test]
    fn marks_differ_in_shape_in_every_set() {
        for g in [Glyphs::UNICODE, Glyphs::CONSOLE, Glyphs::ASCII] {
            assert_ne!(g.radio[0], g.radio[1]);
            assert_ne!(g.more[0], g.more[1]);
            assert_ne!(g.marker, ' ');
        }
    }

    #[test]
    fn the_net_leaves_every_cell_in_the_set() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        buf.set_string(0, 0, "▓▀é…◀ ✓a腰", ratatui::style::Style::new());
        Glyphs::CONSOLE.net(&mut buf);
        let row: String = buf.content.iter().map(|c| c.symbol()).collect();
        assert_eq!(row, "█▒é.◀ +a?   ");
        Glyphs::ASCII.net(&mut buf);
        let row: String = buf.content.iter().map(|c| c.symbol()).collect();
        assert_eq!(row, "#:e.< +a?   ");
    }

    #[test]
    fn text_fits_one_column_for_one() {
        assert_eq!(Glyphs::ASCII.text("◀ Back"), "< Back");
        assert_eq!(Glyphs::ASCII.text("↑↓ ← →"), "^v < >");
        assert_eq!(Glyphs::CONSOLE.text("… 3 more"), ". 3 more");
        assert!(matches!(Glyphs::UNICODE.text("◀ Back"), Cow::Borrowed(_)));
        assert_eq!(Glyphs::ASCII.truncate("hello world", 6), "hello.");
    }
}
