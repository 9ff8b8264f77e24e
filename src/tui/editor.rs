//! The editing state of the item on screen, one variant per kind of answer
//! (each kind's screen module in `tui::kinds` makes and reads its own).
//! Choices and scales write to the session as soon as they change; typed
//! fields are checked when the patient moves on, and what was typed is kept
//! even when it is not (yet) a valid answer.

use tui_input::{Input, InputRequest};

use super::message::Focus;
use crate::answers::DurationUnit;
use crate::body::{Symptom, View};

/// The longest number a patient types, in characters.
const NUMBER_CHARS: usize = 12;
/// The longest amount of a duration, in digits.
const AMOUNT_CHARS: usize = 5;

#[derive(Debug, Clone)]
pub enum Editor {
    /// Information only, or no item on screen.
    None,
    /// Yes/no, left/right, single and multiple choice: a list with a cursor.
    /// For single answers the cursor starts on nothing while unanswered, so
    /// that Enter alone never picks an answer the patient did not point at.
    Choice {
        cursor: Option<usize>,
    },
    Scale {
        value: Option<i32>,
        typed_one: bool,
    },
    Number {
        input: Input,
    },
    Duration {
        input: Input,
        unit: DurationUnit,
    },
    Text {
        input: Input,
        max_len: usize,
    },
    /// The body diagram: the cursor is an index into the region table; the
    /// brush is the symptom that Space, clicks and paint mode put down.
    Body {
        cursor: usize,
        brush: Symptom,
        painting: bool,
        /// The figure shown when only one fits.
        view: View,
        /// Finding a place by name, while the patient types one.
        search: Option<Search>,
    },
}

/// Finding a place on the body diagram by name: what is typed, which of
/// the places found is picked (the cursor follows it), and where the
/// cursor was, to go back to when the search is cancelled.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub input: Input,
    pub pick: usize,
    pub from: usize,
}

/// The longest search, in characters.
const SEARCH_CHARS: usize = 30;

impl Search {
    /// A key typed into the search, within its length; the list starts
    /// again from its first place.
    pub fn edit(&mut self, request: InputRequest) {
        let full = self.input.value().chars().count() >= SEARCH_CHARS;
        if full && matches!(request, InputRequest::InsertChar(_)) {
            return;
        }
        let changed = self.input.handle(request).is_some_and(|r| r.value);
        if changed {
            self.pick = 0;
        }
    }
}

impl Editor {
    /// What has the keyboard while this editor is on screen.
    pub fn focus(&self) -> Focus {
        match self {
            Editor::Number { .. } | Editor::Duration { .. } | Editor::Text { .. } => Focus::Text,
            Editor::Scale { .. } => Focus::Scale,
            Editor::Body {
                search: Some(_), ..
            } => Focus::Text,
            Editor::Body { .. } => Focus::Body,
            Editor::None | Editor::Choice { .. } => Focus::Other,
        }
    }

    /// The typed field and how many characters it holds, if this editor has one.
    fn field(&mut self) -> Option<(&mut Input, usize)> {
        match self {
            Editor::Number { input } => Some((input, NUMBER_CHARS)),
            Editor::Duration { input, .. } => Some((input, AMOUNT_CHARS)),
            Editor::Text { input, max_len } => Some((input, *max_len)),
            Editor::None | Editor::Choice { .. } | Editor::Scale { .. } | Editor::Body { .. } => {
                None
            }
        }
    }

    pub fn input(&self) -> Option<&Input> {
        match self {
            Editor::Number { input }
            | Editor::Duration { input, .. }
            | Editor::Text { input, .. } => Some(input),
            Editor::None | Editor::Choice { .. } | Editor::Scale { .. } | Editor::Body { .. } => {
                None
            }
        }
    }

    /// Applies an editing key to the text field, within its length. Returns
    /// false when the key was refused because the text is full.
    pub fn edit(&mut self, request: InputRequest) -> bool {
        let Some((input, max)) = self.field() else {
            return true;
        };
        if let InputRequest::InsertChar(_) = request
            && input.value().chars().count() >= max
        {
            return false;
        }
        input.handle(request);
        true
    }

    /// How much of a paste to read into the field: a text's length; a
    /// number's for a number or a duration (whose amount takes fewer digits,
    /// but whose letters pick the unit).
    pub fn paste_room(&self) -> usize {
        match self {
            Editor::Text { max_len, .. } => *max_len,
            Editor::Number { .. } | Editor::Duration { .. } => NUMBER_CHARS,
            Editor::None | Editor::Choice { .. } | Editor::Scale { .. } | Editor::Body { .. } => 0,
        }
    }

    /// What was typed, if this editor holds typed text.
    pub fn typed(&self) -> Option<&str> {
        self.input().map(Input::value)
    }
}
