//! Reading a questionnaire file: RON syntax first, then the semantic checks.

use std::path::Path;

use ron::extensions::Extensions;

use super::Questionnaire;
use crate::body::BodyRegions;
use crate::diagnostic::{Diagnostic, Diagnostics, Locator, Pos};

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Invalid(Diagnostics),
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
    let name = path.display().to_string();
    let source = std::fs::read_to_string(path).map_err(|source| LoadError::Io {
        path: name.clone(),
        source,
    })?;
    parse_str(&name, &source).map_err(LoadError::Invalid)
}
