//! What each set can show, and the nearest it has to a character it cannot.

use super::GlyphSet;

/// Ranges every Lat15 and Uni2 font of Debian's console has: a cautious
/// part of tests/data/console-glyphs.txt (a test keeps it a part), enough
/// for Latin text and the screens' glyphs.
const CONSOLE: &[(char, char)] = &[
    (' ', '~'),
    ('\u{A0}', 'ÿ'),
    ('‐', '―'),
    ('‘', '‚'),
    ('“', '„'),
    ('•', '•'),
    ('‹', '›'),
    ('€', '€'),
    ('←', '↓'),
    ('─', '╿'),
    ('█', '█'),
    ('░', '▒'),
    ('■', '■'),
    ('▲', '▲'),
    ('▶', '▶'),
    ('▼', '▼'),
    ('◀', '◀'),
    ('✗', '✘'),
];

/// A glyph the console lacks, and what it shows instead; and the same for
/// ASCII. A character in neither column nor a letter with an accent is `?`.
const FALLBACKS: &[(char, char, char)] = &[
    ('▓', '█', '#'),
    ('█', '█', '#'),
    ('▒', '▒', ':'),
    ('░', '░', '.'),
    ('▀', '▒', ':'),
    ('▄', '▒', ':'),
    ('▌', '▒', ':'),
    ('▐', '▒', ':'),
    ('■', '■', '#'),
    ('✓', '+', '+'),
    ('✔', '+', '+'),
    ('✗', '✗', 'x'),
    ('✘', '✘', 'x'),
    ('…', '.', '.'),
    ('•', '•', '*'),
    ('·', '·', '.'),
    ('›', '›', '>'),
    ('‹', '‹', '<'),
    ('»', '»', '>'),
    ('«', '«', '<'),
    ('▶', '▶', '>'),
    ('◀', '◀', '<'),
    ('►', '▶', '>'),
    ('◄', '◀', '<'),
    ('▲', '▲', '^'),
    ('▼', '▼', 'v'),
    ('↑', '↑', '^'),
    ('↓', '↓', 'v'),
    ('←', '←', '<'),
    ('→', '→', '>'),
    ('×', '×', 'x'),
    ('–', '–', '-'),
    ('—', '—', '-'),
    ('‘', '‘', '\''),
    ('’', '’', '\''),
    ('“', '“', '"'),
    ('”', '”', '"'),
    ('\u{A0}', '\u{A0}', ' '),
    ('─', '─', '-'),
    ('═', '═', '-'),
    ('│', '│', '|'),
    ('║', '║', '|'),
];

/// Letters with accents, and the letter without.
const BASES: &[(&str, char)] = &[
    ("ÀÁÂÃÄÅĀĂĄ", 'A'),
    ("àáâãäåāăą", 'a'),
    ("ÇĆĈĊČ", 'C'),
    ("çćĉċč", 'c'),
    ("ĎĐ", 'D'),
    ("ďđ", 'd'),
    ("ÈÉÊËĒĔĖĘĚ", 'E'),
    ("èéêëēĕėęě", 'e'),
    ("ĜĞĠĢ", 'G'),
    ("ĝğġģ", 'g'),
    ("ÌÍÎÏĨĪĬĮİ", 'I'),
    ("ìíîïĩīĭįı", 'i'),
    ("ŁĹĻĽ", 'L'),
    ("łĺļľ", 'l'),
    ("ÑŃŅŇ", 'N'),
    ("ñńņň", 'n'),
    ("ÒÓÔÕÖØŌŎŐ", 'O'),
    ("òóôõöøōŏő", 'o'),
    ("ŔŖŘ", 'R'),
    ("ŕŗř", 'r'),
    ("ŚŜŞŠ", 'S'),
    ("śŝşš", 's'),
    ("ŢŤ", 'T'),
    ("ţť", 't'),
    ("ÙÚÛÜŨŪŬŮŰŲ", 'U'),
    ("ùúûüũūŭůűų", 'u'),
    ("ÝŸ", 'Y'),
    ("ýÿ", 'y'),
    ("ŹŻŽ", 'Z'),
    ("źżž", 'z'),
];

pub(super) fn allows(set: GlyphSet, c: char) -> bool {
    match set {
        GlyphSet::Unicode => true,
        GlyphSet::Console => CONSOLE.iter().any(|(a, b)| (*a..=*b).contains(&c)),
        GlyphSet::Ascii => (' '..='~').contains(&c),
    }
}

pub(super) fn fit(set: GlyphSet, c: char) -> char {
    if allows(set, c) {
        return c;
    }
    let fallback = FALLBACKS.iter().find(|(from, ..)| *from == c);
    let base = || {
        BASES
            .iter()
            .find(|(all, _)| all.contains(c))
            .map(|(_, b)| *b)
    };
    let near = match (set, fallback) {
        (GlyphSet::Console, Some((_, console, _))) => Some(*console),
        (_, Some((.., ascii))) => Some(*ascii),
        // The rest of the box-drawing lines meet in corners and crossings.
        (GlyphSet::Ascii, None) if ('─'..='╿').contains(&c) => Some('+'),
        (_, None) => base(),
    };
    near.filter(|n| allows(set, *n)).unwrap_or('?')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_go_and_the_console_keeps_latin_1() {
        assert_eq!(fit(GlyphSet::Ascii, 'É'), 'E');
        assert_eq!(fit(GlyphSet::Ascii, 'ł'), 'l');
        assert_eq!(fit(GlyphSet::Console, 'é'), 'é');
        assert_eq!(fit(GlyphSet::Console, 'ł'), 'l');
        assert_eq!(fit(GlyphSet::Console, '▓'), '█');
        assert_eq!(fit(GlyphSet::Ascii, '腰'), '?');
        assert_eq!(fit(GlyphSet::Ascii, '┌'), '+');
        assert_eq!(fit(GlyphSet::Ascii, '─'), '-');
    }

    #[test]
    fn every_fallback_is_in_its_set() {
        for (from, console, ascii) in FALLBACKS {
            assert!(allows(GlyphSet::Console, *console), "{from}: {console}");
            assert!(allows(GlyphSet::Ascii, *ascii), "{from}: {ascii}");
        }
        for (all, base) in BASES {
            assert!(base.is_ascii() && all.chars().all(|c| !c.is_ascii()));
        }
    }
}
