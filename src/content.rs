//! The content compiled into the program: the back-pain questionnaire and its
//! findings rules, so that a kiosk needs no files beside the binary, and the
//! `Content` the core words and draws with. The test suite validates all of
//! it, which is why loading it here may skip the checks.

use crate::body::{BodyRegions, Shapes};
use crate::codes::Codes;
use crate::findings::{self, Rules};
use crate::questionnaire::{self, Questionnaire};
use crate::text::Text;

/// What the core words and draws with, given by its caller (the command
/// line, the screen, a test) rather than reached for: the body regions, the
/// shapes of the body diagram's figures, and one language's words.
#[derive(Debug, Clone, Copy)]
pub struct Content<'a> {
    pub regions: &'a BodyRegions,
    pub text: &'a Text,
    /// `None` for the built-in shapes, read when first drawn: the first
    /// frame draws none, and need not pay for reading them.
    shapes: Option<&'a Shapes>,
}

impl<'a> Content<'a> {
    pub fn new(regions: &'a BodyRegions, shapes: &'a Shapes, text: &'a Text) -> Self {
        let shapes = Some(shapes);
        Content {
            regions,
            text,
            shapes,
        }
    }

    /// The same shapes with another language's regions and words.
    pub fn with(self, regions: &'a BodyRegions, text: &'a Text) -> Self {
        Content {
            regions,
            text,
            ..self
        }
    }

    pub fn shapes(&self) -> &'a Shapes {
        match self.shapes {
            Some(shapes) => shapes,
            None => Shapes::builtin(),
        }
    }
}

impl Content<'static> {
    /// The built-in regions and shapes, in the default language.
    pub fn builtin() -> Self {
        Content {
            regions: BodyRegions::builtin(),
            text: Text::builtin(),
            shapes: None,
        }
    }
}

pub const QUESTIONNAIRE_PATH: &str = "questionnaires/back-pain-intake.ron";
pub const QUESTIONNAIRE: &str = include_str!("../questionnaires/back-pain-intake.ron");
pub const FINDINGS_PATH: &str = "questionnaires/back-pain-findings.ron";
pub const FINDINGS: &str = include_str!("../questionnaires/back-pain-findings.ron");

pub const CODES_PATH: &str = "questionnaires/back-pain-codes.ron";
pub const CODES: &str = include_str!("../questionnaires/back-pain-codes.ron");

pub const PHRASINGS_PATH: &str = "questionnaires/back-pain-phrasings.ron";
pub const PHRASINGS: &str = include_str!("../questionnaires/back-pain-phrasings.ron");

pub fn questionnaire() -> Questionnaire {
    questionnaire::parse_builtin(QUESTIONNAIRE_PATH, QUESTIONNAIRE)
        .expect("the built-in questionnaire parses (tested)")
}

/// The built-in rules, when they are for `q` (by id).
pub fn rules_for(q: &Questionnaire) -> Option<Rules> {
    findings::parse_rules(FINDINGS_PATH, FINDINGS, q).ok()
}

/// The built-in standard codes, when they are for `q` (by id): read once.
pub fn codes_for(q: &Questionnaire) -> Option<&'static Codes> {
    static CODES_READ: std::sync::OnceLock<Option<Codes>> = std::sync::OnceLock::new();
    let codes = CODES_READ.get_or_init(|| {
        let builtin = questionnaire();
        Codes::parse(CODES_PATH, CODES, &builtin, BodyRegions::builtin()).ok()
    });
    codes.as_ref().filter(|c| c.questionnaire == q.id)
}

/// The built-in phrasings for practice mode, when they are for `q` (by id).
pub fn phrasings_for(q: &Questionnaire) -> Option<crate::practice::Phrasings> {
    crate::practice::Phrasings::parse(PHRASINGS_PATH, PHRASINGS, q).ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_built_in_content_is_valid() {
        let q = crate::questionnaire::parse_str(super::QUESTIONNAIRE_PATH, super::QUESTIONNAIRE)
            .unwrap_or_else(|e| panic!("{e}"));
        crate::findings::parse_rules(super::FINDINGS_PATH, super::FINDINGS, &q)
            .unwrap_or_else(|e| panic!("{e}"));
        let regions = crate::body::BodyRegions::builtin();
        crate::codes::Codes::parse(super::CODES_PATH, super::CODES, &q, regions)
            .unwrap_or_else(|e| panic!("{e}"));
        crate::practice::Phrasings::parse(super::PHRASINGS_PATH, super::PHRASINGS, &q)
            .unwrap_or_else(|e| panic!("{e}"));
    }
}
