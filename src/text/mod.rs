//! The text catalogue: the words the program shows a patient or a
//! clinician, one RON file a language (assets/text/en.ron), in groups. Each
//! group is a struct here with every key required and no other allowed, so a
//! missing or misspelt key is a positioned error from `intake validate`. The
//! built-in catalogues are compiled in, so a kiosk needs no file beside the
//! binary.
//!
//! A language is a file beside en.ron, registered with its overlays in
//! `languages::TRANSLATIONS`; a group of
//! words (the screen's, say) is a struct in this folder and a field of
//! `Text`. The code puts the words together; it never holds them.

mod aloud;
mod answers;
mod body;
mod dates;
mod letters;
mod linear;
mod practice;
mod report;
mod screen;
mod talk;
mod translation;

use std::sync::OnceLock;

use serde::Deserialize;

use crate::diagnostic::Diagnostic;

pub use aloud::AloudWords;
pub use answers::{AnswerWords, ErrorWords, Sides, Units};
pub use body::{BodyWords, FigureWords, Symptoms, TraineeSides};
pub use dates::{DateWords, Months};
pub use letters::Letters;
pub use linear::{BodyLines, Commands, LinearWords};
pub use practice::PracticeWords;
pub use report::{Clinician, EvidenceWords, Levels, Patient, ReportWords, Sided};
pub use screen::{ItemWords, NoticeWords, ScreenWords};
pub use talk::TalkWords;
pub use translation::TranslationWords;

/// The default language's catalogue; the translations' are in
/// `languages::TRANSLATIONS`, beside their overlays.
const ENGLISH: &str = include_str!("../../assets/text/en.ron");

/// Each built-in catalogue, by language code: English first, the default.
fn builtins() -> impl Iterator<Item = (&'static str, &'static str)> {
    let translations = crate::languages::TRANSLATIONS.iter();
    std::iter::once((crate::languages::ENGLISH, ENGLISH))
        .chain(translations.map(|t| (t.language, t.text)))
}

/// One language's words.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Its language code ("en"), as the program is asked for it.
    pub language: String,
    /// The language's own name ("Español"), as the welcome screen offers it.
    pub name: String,
    /// A translation's review status; none for English, the original.
    #[serde(default)]
    pub review: Option<crate::translation::Review>,
    pub answers: AnswerWords,
    pub body: BodyWords,
    pub errors: ErrorWords,
    pub dates: DateWords,
    pub report: ReportWords,
    pub practice: PracticeWords,
    pub linear: LinearWords,
    pub screen: ScreenWords,
    pub translation: TranslationWords,
    pub aloud: AloudWords,
    pub letters: Letters,
}

impl Text {
    /// Reads a catalogue; `path` names it in messages.
    pub fn parse(path: &str, source: &str) -> Result<Text, Diagnostic> {
        crate::questionnaire::parse_ron(path, source)
    }

    /// The default language's built-in words.
    pub fn builtin() -> &'static Text {
        Self::builtin_in(crate::languages::ENGLISH).expect("the default language is built in")
    }

    /// A built-in language's words, parsed on first use; `None` for a
    /// language not built in. They are checked by the tests, so a failure
    /// here is a build defect, not bad user input.
    pub fn builtin_in(language: &str) -> Option<&'static Text> {
        const COUNT: usize = crate::languages::TRANSLATIONS.len() + 1;
        static PARSED: [OnceLock<Text>; COUNT] = [const { OnceLock::new() }; COUNT];
        let (n, (code, source)) = builtins().enumerate().find(|(_, (c, _))| *c == language)?;
        Some(
            PARSED[n]
                .get_or_init(|| Text::parse(&path(code), source).unwrap_or_else(|e| panic!("{e}"))),
        )
    }
}

/// A word by the number it counts: one, or other (English's two forms and
/// Spanish's; a language with more would add them here).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plural {
    pub one: String,
    pub other: String,
}

impl Plural {
    pub fn get(&self, n: u64) -> &str {
        if n == 1 { &self.one } else { &self.other }
    }
}

/// Where a built-in catalogue's file is in the source tree.
pub fn path(language: &str) -> String {
    format!("assets/text/{language}.ron")
}

/// `template` with each `{name}` replaced by its value.
/// Whether two typed words are the same word: case, the spaces around them
/// and accents aside, so "si" is "Sí" and "dias" is "días" on a keyboard
/// without accents.
pub fn same(a: &str, b: &str) -> bool {
    fold(a) == fold(b)
}

/// `s` in lower case without its accents (the Latin letters of the built-in
/// languages), trimmed.
pub fn fold(s: &str) -> String {
    let plain = |c: char| match c {
        'á' | 'à' | 'â' | 'ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        c => c,
    };
    s.trim().to_lowercase().chars().map(plain).collect()
}

pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// `text` with its first letter a capital, for a word that starts a line.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_catalogue_parses_and_names_its_language() {
        for (code, source) in builtins() {
            let text = Text::parse(&path(code), source).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(text.language, code);
        }
        assert_eq!(Text::builtin().language, "en");
        assert!(Text::builtin_in("xx").is_none());
    }

    #[test]
    fn a_misspelt_or_missing_key_is_an_error_where_it_is() {
        let source = ENGLISH;
        let misspelt = source.replacen("not_diagnosis:", "not_diagnosys:", 1);
        let line = misspelt
            .lines()
            .position(|l| l.contains("not_diagnosys"))
            .unwrap()
            + 1;
        let e = Text::parse("t.ron", &misspelt).unwrap_err().to_string();
        assert!(e.starts_with(&format!("t.ron:{line}:")), "{e}");
        assert!(e.contains("not_diagnosys"), "{e}");
        let missing = source.replacen("saved: \"Saved {path}\",", "", 1);
        let e = Text::parse("t.ron", &missing).unwrap_err().to_string();
        assert!(e.contains("saved"), "{e}");
    }

    #[test]
    fn templates_fill_every_name() {
        assert_eq!(
            fill(
                "{symptom}: {places} ({root})",
                &[
                    ("symptom", "Numbness"),
                    ("places", "left big toe"),
                    ("root", "L5")
                ]
            ),
            "Numbness: left big toe (L5)"
        );
        assert_eq!(fill("{a} and {a}", &[("a", "x")]), "x and x");
    }

    #[test]
    fn words_by_number_and_at_the_start_of_a_line() {
        let days = &Text::builtin().answers.units.days;
        assert_eq!(
            [days.get(0), days.get(1), days.get(2)],
            ["days", "day", "days"]
        );
        assert_eq!(capitalised("sensitive to touch"), "Sensitive to touch");
        assert_eq!(capitalised("état"), "État");
        assert_eq!(capitalised(""), "");
    }
}
