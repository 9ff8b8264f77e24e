//! The editing state of the item on screen, one variant per kind of answer.
//! Choices and scales write to the session as soon as they change; typed
//! fields are checked when the patient moves on, and what was typed is kept
//! even when it is not (yet) a valid answer.

use tui_input::{Input, InputRequest};

use crate::answers::{Answer, DurationUnit, Side};
use crate::body::{Symptom, View};
use crate::questionnaire::{Item, Kind};

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
    },
    /// The body diagram: the cursor is an index into the region table; the
    /// brush is the symptom that Space, clicks and paint mode put down.
    Body {
        cursor: usize,
        brush: Symptom,
        painting: bool,
        /// The figure shown when only one fits.
        view: View,
    },
}

/// An option as the list shows it: the value stored and the words shown.
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceRow {
    pub value: String,
    pub label: String,
    pub exclusive: bool,
}

/// The options of a choice-like item, in display order.
pub fn choice_rows(kind: &Kind) -> Vec<ChoiceRow> {
    let row = |value: &str, label: &str| ChoiceRow {
        value: value.to_string(),
        label: label.to_string(),
        exclusive: false,
    };
    match kind {
        Kind::YesNo => vec![row("yes", "Yes"), row("no", "No")],
        Kind::Side => Side::ALL
            .iter()
            .map(|s| row(s.value(), s.label()))
            .collect(),
        Kind::Single { options } | Kind::Multi { options } => options
            .iter()
            .map(|o| ChoiceRow {
                value: o.id.clone(),
                label: o.label.clone(),
                exclusive: o.exclusive,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The answer that choosing `value` gives, for single-answer kinds.
pub fn single_answer(kind: &Kind, value: &str) -> Option<Answer> {
    match kind {
        Kind::YesNo => Some(Answer::YesNo(value == "yes")),
        Kind::Side => Side::ALL
            .iter()
            .find(|s| s.value() == value)
            .map(|s| Answer::Side(*s)),
        Kind::Single { .. } => Some(Answer::Choice(value.to_string())),
        _ => None,
    }
}

/// Multiple choice after toggling `value`: an exclusive option ("none of
/// these") clears the others, and any other option clears it.
pub fn toggle_multi(kind: &Kind, current: Option<&Answer>, value: &str) -> Answer {
    let mut set = match current {
        Some(Answer::Choices(s)) => s.clone(),
        _ => Default::default(),
    };
    let rows = choice_rows(kind);
    let exclusive = |v: &str| rows.iter().any(|r| r.value == v && r.exclusive);
    if !set.remove(value) {
        if exclusive(value) {
            set.clear();
        } else {
            set.retain(|v| !exclusive(v));
        }
        set.insert(value.to_string());
    }
    Answer::Choices(set)
}

impl Editor {
    /// The editor for `item`, showing its saved answer or, failing that, the
    /// text typed earlier that did not yet make a valid answer.
    pub fn for_item(item: &Item, answer: Option<&Answer>, draft: Option<&str>) -> Editor {
        match &item.kind {
            Kind::Info => Editor::None,
            Kind::YesNo | Kind::Side | Kind::Single { .. } | Kind::Multi { .. } => {
                let rows = choice_rows(&item.kind);
                let mut cursor = answer.and_then(|a| rows.iter().position(|r| a.matches(&r.value)));
                // Ticking boxes never picks by Enter, so a list of them can start on the first.
                if matches!(item.kind, Kind::Multi { .. }) {
                    cursor = cursor.or(Some(0));
                }
                Editor::Choice { cursor }
            }
            Kind::Scale { .. } => Editor::Scale {
                value: match answer {
                    Some(Answer::Scale(n)) => Some(*n),
                    _ => None,
                },
                typed_one: false,
            },
            Kind::Number { decimals, .. } => {
                let text = draft.map(str::to_string).unwrap_or_else(|| match answer {
                    Some(Answer::Number(n)) => format!("{n:.prec$}", prec = usize::from(*decimals)),
                    _ => String::new(),
                });
                Editor::Number {
                    input: Input::new(text),
                }
            }
            Kind::Duration { .. } => {
                let (text, unit) = match answer {
                    Some(Answer::Duration { amount, unit }) => (amount.to_string(), *unit),
                    _ => (String::new(), DurationUnit::Weeks),
                };
                let text = draft.map_or(text, str::to_string);
                Editor::Duration {
                    input: Input::new(text),
                    unit,
                }
            }
            Kind::Text { .. } => {
                let text = draft.map(str::to_string).unwrap_or_else(|| match answer {
                    Some(Answer::Text(t)) => t.clone(),
                    _ => String::new(),
                });
                Editor::Text {
                    input: Input::new(text),
                }
            }
            Kind::BodyMap => Editor::Body {
                cursor: 0,
                brush: Symptom::Pain,
                painting: false,
                view: View::Front,
            },
        }
    }

    pub fn input(&self) -> Option<&Input> {
        match self {
            Editor::Number { input } | Editor::Duration { input, .. } | Editor::Text { input } => {
                Some(input)
            }
            _ => None,
        }
    }

    /// Applies an editing key to the text field, within `max_chars`. Returns
    /// false when the key was refused because the text is full.
    pub fn edit(&mut self, request: InputRequest, kind: &Kind) -> bool {
        let (input, max) = match (self, kind) {
            (Editor::Text { input }, Kind::Text { max_len }) => (input, *max_len),
            (Editor::Number { input }, _) => (input, 12),
            (Editor::Duration { input, .. }, _) => (input, 5),
            _ => return true,
        };
        if let InputRequest::InsertChar(_) = request
            && input.value().chars().count() >= max
        {
            return false;
        }
        input.handle(request);
        true
    }

    /// What was typed, if this editor holds typed text.
    pub fn typed(&self) -> Option<&str> {
        self.input().map(Input::value)
    }
}

/// Reads a typed number; a comma is taken as a decimal point.
pub fn parse_number(text: &str) -> Option<f64> {
    text.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::Choice;

    fn multi() -> Kind {
        let c = |id: &str, exclusive| Choice {
            id: id.into(),
            label: id.into(),
            exclusive,
        };
        Kind::Multi {
            options: vec![c("a", false), c("b", false), c("none", true)],
        }
    }

    #[test]
    fn none_of_these_clears_the_others_and_back() {
        let k = multi();
        let a = toggle_multi(&k, None, "a");
        let ab = toggle_multi(&k, Some(&a), "b");
        let none = toggle_multi(&k, Some(&ab), "none");
        assert_eq!(none, Answer::Choices(["none".to_string()].into()));
        let b = toggle_multi(&k, Some(&none), "b");
        assert_eq!(b, Answer::Choices(["b".to_string()].into()));
    }

    #[test]
    fn numbers_accept_a_decimal_comma() {
        assert_eq!(parse_number(" 72,5 "), Some(72.5));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number("inf"), None);
    }
}
