//! The content compiled into the program: the back-pain questionnaire and its
//! findings rules, so that a kiosk needs no files beside the binary. The test
//! suite validates both, which is why loading them here may skip the checks.

use crate::findings::{self, Rules};
use crate::questionnaire::{self, Questionnaire};

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
