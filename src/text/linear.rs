//! Linear mode's words (the catalogue's `linear`): the questionnaire told as
//! plain lines for a screen reader or a braille display. The commands a
//! patient types are words here too, so a translation renames them.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinearWords {
    pub intro: String,
    /// After an emergency is told: what to do before the next question.
    pub emergency_ack: String,
    pub commands: Commands,
    pub help: Vec<String>,
    pub help_kiosk_quit: String,
    pub prompt: String,
    pub choose_one: String,
    pub choose_some: String,
    pub scale: String,
    pub number: String,
    pub duration: String,
    pub text: String,
    pub optional: String,
    pub current: String,
    pub answered: String,
    pub skipped: String,
    pub cannot_skip: String,
    pub first: String,
    pub no_why: String,
    pub bad_one: String,
    pub bad_some: String,
    pub bad_duration: String,
    pub quit_confirm: String,
    pub quit_kept: String,
    pub pin_prompt: String,
    pub pin_echo: String,
    pub resume: String,
    pub body: BodyLines,
    pub summary_start: String,
    pub summary_end: String,
    pub summary_end_kiosk: String,
    pub goodbye: String,
    /// The answers read back before the summary, and how to change one.
    pub review_start: String,
    pub review_item: String,
    pub review_more: String,
    pub review_how: String,
    pub bad_change: String,
    /// The kiosk's idle warning, said once.
    pub still_there: String,
    /// After a save that failed: the answers are kept; how to try again.
    pub held: String,
    /// Before the languages, in each language offered.
    pub choose_language: String,
    /// A kiosk between patients: how to begin.
    pub begin: String,
    /// Told once the patient chose to stop.
    pub stopped: String,
    /// At a kiosk, once the answers are saved, before the next patient.
    pub saved: String,
}

/// The words typed as commands, lower case.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Commands {
    pub why: String,
    pub back: String,
    pub skip: String,
    pub help: String,
    pub quit: String,
    pub yes: String,
    pub no: String,
    pub done: String,
    pub list: String,
    pub clear: String,
    pub change: String,
    pub retry: String,
}

/// The body diagram in lines.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BodyLines {
    pub intro: String,
    pub parts: String,
    pub places: String,
    pub symptoms: String,
    pub bad_place: String,
    pub cleared: String,
    pub several: String,
    pub several_how: String,
}
