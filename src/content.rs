//! The content compiled into the program: the back-pain questionnaire and its
//! findings rules, so that a kiosk needs no files beside the binary, and the
//! `Content` the core words and draws with. The test suite validates all of
//! it, which is why loading it here may skip the checks.

use crate::body::{BodyRegions, Figures};
use crate::findings::{self, Rules};
use crate::questionnaire::{self, Questionnaire};
use crate::text::Text;

/// What the core words and draws with, given by its caller (the command
/// line, the screen, a test) rather than reached for: the body regions, the
/// figures of the body diagram, and one language's words.
#[derive(Debug, Clone, Copy)]
pub struct Content<'a> {
    pub regions: &'a BodyRegions,
    pub text: &'a Text,
    /// `None` for the built-in figures, read when first drawn: the first
    /// frame draws none, and reading them costs it a tenth.
    figures: Option<&'a Figures>,
}

impl<'a> Content<'a> {
    pub fn new(regions: &'a BodyRegions, figures: &'a Figures, text: &'a Text) -> Self {
        let figures = Some(figures);
        Content {
            regions,
            text,
            figures,
        }
    }

    pub fn figures(&self) -> &'a Figures {
        match self.figures {
            Some(figures) => figures,
            None => Figures::builtin(),
        }
    }
}

impl Content<'static> {
    /// The built-in regions and figures, in the default language.
    pub fn builtin() -> Self {
        Content {
            regions: BodyRegions::builtin(),
            text: Text::builtin(),
            figures: None,
        }
    }
}

pub const QUESTIONNAIRE_PATH: &str = "questionnaires/back-pain-intake.ron";
pub const QUESTIONNAIRE: &str = include_str!("../questionnaires/back-pain-intake.ron");
pub const FINDINGS_PATH: &str = "questionnaires/back-pain-findings.ron";
pub const FINDINGS: &str = include_str!("../questionnaires/back-pain-findings.ron");

pub fn questionnaire() -> Questionnaire {
    questionnaire::parse_builtin(QUESTIONNAIRE_PATH, QUESTIONNAIRE)
        .expect("the built-in questionnaire parses (tested)")
}

/// The built-in rules, when they are for `q` (by id).
pub fn rules_for(q: &Questionnaire) -> Option<Rules> {
    findings::parse_rules(FINDINGS_PATH, FINDINGS, q).ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_built_in_content_is_valid() {
        let q = crate::questionnaire::parse_str(super::QUESTIONNAIRE_PATH, super::QUESTIONNAIRE)
            .unwrap_or_else(|e| panic!("{e}"));
        crate::findings::parse_rules(super::FINDINGS_PATH, super::FINDINGS, &q)
            .unwrap_or_else(|e| panic!("{e}"));
    }
}
