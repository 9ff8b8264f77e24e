//! Read-aloud's words: what a patient who cannot read the screen hears
//! besides the question, so they can answer by ear. A sentence that names
//! a key takes it as a `{name}` filled from the keymap and said by `keys`.

use std::collections::BTreeMap;

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AloudWords {
    /// How a key is said, by its keymap name ("Up"); a key not here is
    /// said by its name ("F3", "p").
    pub keys: BTreeMap<String, String>,
    /// The answer already given: {answer}.
    pub chosen: String,
    /// Where the cursor is, an answer or a place: {answer}.
    pub cursor: String,
    /// Typed and not yet given: {answer}.
    pub typed: String,
    /// How to answer each kind of question.
    pub choose_one: String,
    pub choose_some: String,
    /// {min} to {max}.
    pub scale: String,
    /// {min} to {max} {unit}.
    pub number: String,
    pub duration: String,
    pub text: String,
    /// The body diagram: how to move, mark and finish.
    pub body: String,
    /// The summary: the end, and what to do next.
    pub summary: String,
    /// After an emergency alert is read: how to go on.
    pub alert: String,
}
