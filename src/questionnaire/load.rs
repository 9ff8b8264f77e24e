//! Reading a questionnaire file: RON syntax first, then the semantic checks.

use std::path::Path;

use ron::extensions::Extensions;

use super::Questionnaire;
use crate::body::BodyRegions;
use crate::diagnostic::{Diagnostic, Diagnostics, Locator, Pos};

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: cannot read: {}", plain(source))]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Invalid(Diagnostics),
}

/// An I/O error in plain words; the OS's own text for the rare ones.
fn plain(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "not found".into(),
        K::PermissionDenied => "permission denied".into(),
        K::IsADirectory => "it is a directory, not a file".into(),
        _ => e.to_string(),
    }
}

/// Reads a data file as text: an I/O error says plainly what went wrong,
/// a problem with the content is positioned like any other.
pub fn read_source(path: &Path) -> Result<String, LoadError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: name.clone(),
        source,
    })?;
    source_text(&name, bytes).map_err(LoadError::Invalid)
}

/// The text of a data file: bad UTF-8 is reported at its first bad byte,
/// and a blank file as such rather than as a missing bracket.
pub fn source_text(path: &str, bytes: Vec<u8>) -> Result<String, Diagnostics> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let bad = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let valid = std::str::from_utf8(&bytes[..bad]).unwrap_or_default();
        let pos = Locator::new(valid).pos(bad);
        let message = format!(
            "invalid UTF-8 (byte 0x{:02X}); save the file as UTF-8",
            bytes[bad]
        );
        Diagnostics(vec![Diagnostic::new(
            path,
            &String::from_utf8_lossy(bytes),
            pos,
            message,
        )])
    })?;
    if text.trim().is_empty() {
        let pos = Pos { line: 1, col: 1 };
        let d = Diagnostic::new(path, &text, pos, "the file is empty");
        return Err(Diagnostics(vec![d]));
    }
    Ok(text)
}

/// RON options shared by every data file: `Some(..)` may be left out.
pub(crate) fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Parses RON text into `T`, turning a syntax or shape error into a positioned diagnostic.
pub(crate) fn parse_ron<T: serde::de::DeserializeOwned>(
    path: &str,
    source: &str,
) -> Result<T, Diagnostic> {
    ron_options().from_str(source).map_err(|e| {
        let mut pos = Pos {
            line: e.span.start.line.max(1),
            col: e.span.start.col.max(1),
        };
        // The parser notices a missing comma or bracket at the next token,
        // often on the next line; point where it is missing instead.
        use ron::error::Error as E;
        if matches!(
            e.code,
            E::ExpectedComma | E::ExpectedArrayEnd | E::ExpectedStructLikeEnd | E::ExpectedMapEnd
        ) {
            let loc = Locator::new(source);
            pos = loc.pos(loc.end_of_previous_token(loc.offset(pos)));
        }
        Diagnostic::new(path, source, pos, e.code.to_string())
    })
}

/// Parses and validates questionnaire text; `path` is only used in messages.
pub fn parse_str(path: &str, source: &str) -> Result<Questionnaire, Diagnostics> {
    let q: Questionnaire = parse_ron(path, source).map_err(|d| Diagnostics(vec![d]))?;
    let problems = super::validate(&q, path, source, BodyRegions::builtin());
    if problems.is_empty() {
        Ok(q)
    } else {
        Err(Diagnostics(problems))
    }
}

/// Parses a questionnaire without the semantic checks: only for the one
/// compiled into the program, which the test suite validates, so that start-up
/// does not pay for checking it again.
pub fn parse_builtin(path: &str, source: &str) -> Result<Questionnaire, Diagnostics> {
    parse_ron(path, source).map_err(|d| Diagnostics(vec![d]))
}

pub fn load_file(path: &Path) -> Result<Questionnaire, LoadError> {
    let source = read_source(path)?;
    parse_str(&path.display().to_string(), &source).map_err(LoadError::Invalid)
}
