//! `intake validate` of a translation file and of a translated text
//! catalogue: checked against the English they translate, each problem
//! where it is, and the review status told on success.

use super::{Of, Review, Texts, check, texts};
use crate::diagnostic::Diagnostics;
use crate::questionnaire::{LoadError, Questionnaire};
use crate::text::Text;

/// Checks an overlay; `english` finds the questionnaire it names by id.
pub fn overlay(
    name: &str,
    source: &str,
    english: impl Fn(&str) -> Result<Questionnaire, LoadError>,
) -> Result<String, LoadError> {
    let (t, given) = super::parse(name, source).map_err(LoadError::Invalid)?;
    let (what, base) = match &t.of {
        Of::Questionnaire(id) => (format!("questionnaire \"{id}\""), texts(&english(id)?)),
        Of::Findings(id) => {
            let q = english(id)?;
            let rules = crate::content::rules_for(&q).ok_or_else(|| {
                let message = format!("no built-in findings rules for \"{id}\"");
                invalid(name, source, "of:", message)
            })?;
            (format!("findings rules of \"{id}\""), texts(&rules))
        }
        Of::Regions => (
            "the body regions".to_string(),
            texts(crate::body::BodyRegions::builtin()),
        ),
    };
    complete(name, source, &base, &given)?;
    status(name, source, &t.language, Some(&t.review))
        .map(|status| format!("{name}: ok ({what} in \"{}\", {status})", t.language))
}

/// Checks a text catalogue: a translated one against the English, key by key.
pub fn catalogue(name: &str, source: &str) -> Result<String, LoadError> {
    let parse = || Text::parse(name, source).map_err(|d| LoadError::Invalid(Diagnostics(vec![d])));
    let (language, given) = super::catalogue(name, source).map_err(LoadError::Invalid)?;
    // The English is the original: its keys are the struct's.
    if language.as_deref() == Some(crate::languages::ENGLISH) {
        letters(name, source, &parse()?)?;
        return Ok(format!("{name}: ok (text catalogue, language \"en\")"));
    }
    let (_, english) =
        super::catalogue("assets/text/en.ron", english_source()).map_err(LoadError::Invalid)?;
    complete(name, source, &english, &given)?;
    let text = parse()?;
    letters(name, source, &text)?;
    let status = status(name, source, &text.language, text.review.as_ref())?;
    Ok(format!(
        "{name}: ok (text catalogue, language \"{}\", {status})",
        text.language
    ))
}

/// The catalogue's letters work on the built-in keymap: none the same as
/// another used on one screen, none hidden by another key there.
#[cfg(feature = "tui")]
fn letters(name: &str, source: &str, text: &Text) -> Result<(), LoadError> {
    let keymap = crate::tui::keymap::Keymap::builtin();
    let mut problems = crate::diagnostic::Problems::new(name, source);
    for problem in keymap.letter_problems(&Text::builtin().letters, &text.letters) {
        problems.at("letters:", problem);
    }
    problems.into_result(()).map_err(LoadError::Invalid)
}

/// Without the screens no key is pressed, so no letter can clash.
#[cfg(not(feature = "tui"))]
fn letters(_: &str, _: &str, _: &Text) -> Result<(), LoadError> {
    Ok(())
}

fn english_source() -> &'static str {
    include_str!("../../assets/text/en.ron")
}

/// Every text given, none unknown, empty or with other `{names}`.
fn complete(name: &str, source: &str, english: &Texts, given: &Texts) -> Result<(), LoadError> {
    let problems = check(name, source, english, given);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(LoadError::Invalid(Diagnostics(problems)))
    }
}

/// The review status in staff's words; a translation must say it.
fn status(
    name: &str,
    source: &str,
    language: &str,
    review: Option<&Review>,
) -> Result<String, LoadError> {
    let words = &Text::builtin().translation;
    match review {
        Some(review) => Ok(review.words(words)),
        None => {
            let message = format!(
                "a translation into \"{language}\" needs `review: NotReviewed` or `review: Reviewed(by: \"...\", on: \"...\")`"
            );
            Err(invalid(name, source, "language:", message))
        }
    }
}

fn invalid(name: &str, source: &str, needle: &str, message: String) -> LoadError {
    let loc = crate::diagnostic::Locator::new(source);
    let at = loc.after(0, needle).unwrap_or(0);
    LoadError::Invalid(Diagnostics(vec![loc.diagnostic(name, at, message)]))
}
