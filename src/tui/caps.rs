//! What the terminal can show, read once at start from the environment.
//! The terminal is never asked: its reply would race the input thread, and
//! the variables are what every other program of the session goes by.

use super::glyphs::GlyphSet;

/// The terminal's glyphs and colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Caps {
    pub glyphs: GlyphSet,
    pub palette: Palette,
}

/// How many colours the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Palette {
    /// None: a vt100 or a dumb terminal (reverse video and bold remain).
    Mono,
    /// Eight, and eight bright foregrounds (shown bold): the Linux console,
    /// whose backgrounds are the eight dark colours only.
    Ansi8,
    #[default]
    Ansi16,
    /// The 256 of xterm's palette.
    Ansi256,
    /// Any red, green and blue.
    TrueColour,
}

/// The variable that forces a glyph set, for staff whose terminal says
/// less than it can (or more).
pub const FORCE_GLYPHS: &str = "INTAKE_GLYPHS";

/// Terminals that show ASCII only, whatever the locale.
const ASCII_TERMS: &[&str] = &["dumb", "vt52", "vt100", "vt102", "vt220", "ansi"];

/// Terminals without colour.
const MONO_TERMS: &[&str] = &["dumb", "vt52", "vt100", "vt102", "vt220"];

impl Caps {
    /// The capabilities the environment tells, `var` reading a variable.
    /// Only a bad INTAKE_GLYPHS is an error.
    pub fn detect(var: impl Fn(&str) -> Option<String>) -> Result<Caps, String> {
        let var = |name: &str| var(name).filter(|v| !v.is_empty());
        let term = var("TERM").unwrap_or_default();
        let glyphs = match var(FORCE_GLYPHS) {
            Some(forced) => forced_set(&forced)?,
            None => glyph_set(&term, utf8_locale(&var)),
        };
        Ok(Caps {
            glyphs,
            palette: palette(&term, var("COLORTERM").as_deref()),
        })
    }

    /// From this process's environment.
    pub fn from_env() -> Result<Caps, String> {
        Caps::detect(|name| std::env::var(name).ok())
    }
}

fn forced_set(value: &str) -> Result<GlyphSet, String> {
    match value.to_ascii_lowercase().as_str() {
        "unicode" => Ok(GlyphSet::Unicode),
        "console" => Ok(GlyphSet::Console),
        "ascii" => Ok(GlyphSet::Ascii),
        _ => Err(format!(
            "intake: {FORCE_GLYPHS}=\"{value}\" is not a glyph set: use unicode, console or ascii"
        )),
    }
}

/// Whether the locale's characters are UTF-8, read as setlocale(3) reads
/// it: LC_ALL, then LC_CTYPE, then LANG, the first one set. With none set
/// the locale is C, which is ASCII (tmux decides the same way).
fn utf8_locale(var: &impl Fn(&str) -> Option<String>) -> bool {
    let Some(locale) = ["LC_ALL", "LC_CTYPE", "LANG"].iter().find_map(|n| var(n)) else {
        return false;
    };
    // language_TERRITORY.codeset@modifier; "C.UTF-8" has one too.
    let codeset = locale.split('@').next().unwrap_or("");
    let codeset = codeset.split_once('.').map_or("", |(_, c)| c);
    matches!(
        codeset.to_ascii_lowercase().replace('-', "").as_str(),
        "utf8"
    )
}

fn glyph_set(term: &str, utf8: bool) -> GlyphSet {
    if !utf8 || ASCII_TERMS.contains(&term) {
        GlyphSet::Ascii
    } else if term == "linux" || term.starts_with("linux-") {
        GlyphSet::Console
    } else {
        GlyphSet::Unicode
    }
}

fn palette(term: &str, colorterm: Option<&str>) -> Palette {
    if MONO_TERMS.contains(&term) {
        Palette::Mono
    } else if term == "linux" || term == "ansi" {
        // Whatever COLORTERM says (a variable passed down from elsewhere):
        // the console itself has no more.
        Palette::Ansi8
    } else if matches!(colorterm, Some("truecolor" | "24bit")) {
        Palette::TrueColour
    } else if term.contains("256color") {
        Palette::Ansi256
    } else {
        Palette::Ansi16
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use GlyphSet::*;
    use Palette::*;

    /// Some variables and their values.
    type Env<'a> = &'a [(&'a str, &'a str)];

    fn caps(vars: Env) -> Result<Caps, String> {
        Caps::detect(|name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn the_environment_tells_glyphs_and_colours() {
        let utf8 = ("LANG", "en_GB.UTF-8");
        let table: &[(Env, GlyphSet, Palette)] = &[
            (&[utf8, ("TERM", "xterm-256color")], Unicode, Ansi256),
            (
                &[utf8, ("TERM", "xterm"), ("COLORTERM", "truecolor")],
                Unicode,
                TrueColour,
            ),
            (
                &[utf8, ("TERM", "xterm-kitty"), ("COLORTERM", "24bit")],
                Unicode,
                TrueColour,
            ),
            (&[utf8, ("TERM", "xterm")], Unicode, Ansi16),
            (&[utf8, ("TERM", "screen-256color")], Unicode, Ansi256),
            (&[utf8, ("TERM", "linux")], Console, Ansi8),
            (
                &[utf8, ("TERM", "linux"), ("COLORTERM", "truecolor")],
                Console,
                Ansi8,
            ),
            (&[utf8, ("TERM", "vt100")], Ascii, Mono),
            (&[utf8, ("TERM", "vt220")], Ascii, Mono),
            (&[utf8, ("TERM", "dumb")], Ascii, Mono),
            (&[utf8, ("TERM", "ansi")], Ascii, Ansi8),
            (&[utf8], Unicode, Ansi16),
            // The locale: LC_ALL, then LC_CTYPE, then LANG; empty is unset.
            (&[("LANG", "C"), ("TERM", "xterm")], Ascii, Ansi16),
            (&[("LANG", "POSIX"), ("TERM", "linux")], Ascii, Ansi8),
            (&[("TERM", "xterm")], Ascii, Ansi16),
            (&[("LANG", "C.UTF-8"), ("TERM", "xterm")], Unicode, Ansi16),
            (
                &[("LANG", "de_DE.utf8"), ("TERM", "xterm")],
                Unicode,
                Ansi16,
            ),
            (
                &[("LANG", "sr_RS.UTF-8@latin"), ("TERM", "xterm")],
                Unicode,
                Ansi16,
            ),
            (
                &[("LANG", "en_US.ISO-8859-1"), ("TERM", "xterm")],
                Ascii,
                Ansi16,
            ),
            (&[("LC_ALL", "C"), utf8, ("TERM", "xterm")], Ascii, Ansi16),
            (&[("LC_ALL", ""), ("LC_CTYPE", "C"), utf8], Ascii, Ansi16),
            (
                &[("LC_CTYPE", "en_US.UTF-8"), ("LANG", "C")],
                Unicode,
                Ansi16,
            ),
            // Staff may force a set.
            (
                &[(FORCE_GLYPHS, "console"), ("TERM", "xterm")],
                Console,
                Ansi16,
            ),
            (&[(FORCE_GLYPHS, "ASCII"), utf8], Ascii, Ansi16),
            (
                &[(FORCE_GLYPHS, "unicode"), ("LANG", "C"), ("TERM", "linux")],
                Unicode,
                Ansi8,
            ),
        ];
        for (vars, glyphs, palette) in table {
            let want = Caps {
                glyphs: *glyphs,
                palette: *palette,
            };
            assert_eq!(caps(vars), Ok(want), "{vars:?}");
        }
    }

    #[test]
    fn an_unknown_forced_set_is_told() {
        let e = caps(&[(FORCE_GLYPHS, "emoji")]).unwrap_err();
        assert!(e.contains("INTAKE_GLYPHS=\"emoji\""), "{e}");
        assert!(e.contains("unicode, console or ascii"), "{e}");
    }
}
