//! Words about languages and translations (the catalogue's `translation`):
//! the welcome screen's choice, a translation's review status for staff, and
//! the clinician's view of a patient who answered in another language.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslationWords {
    pub not_reviewed: String,
    pub reviewed: String,
    pub patient_language: String,
    /// Languages by their codes, named in this language ("es": "Spanish"),
    /// for the clinician's note; one not here goes by its own name.
    #[serde(default)]
    pub names: std::collections::BTreeMap<String, String>,
    pub patient_words: String,
    pub choose: String,
    pub choose_keys: String,
    /// The parts of a translation whose review status the clinician is told.
    pub parts: TranslatedParts,
    pub review_of: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslatedParts {
    pub questionnaire: String,
    pub findings: String,
    pub regions: String,
    pub screen: String,
    pub between: String,
}
