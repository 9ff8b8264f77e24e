//! Read-aloud: at a kiosk with headphones, the question on screen and its
//! answers are spoken on a key press, in the patient's language. Only where
//! the runtime found a speech program (`speech`); never needed to go on.

use super::{App, Effect, Screen};
use crate::questionnaire::{Item, Kind};

impl App {
    /// Asks the runtime to speak what is on screen, if anything reads.
    pub(super) fn read_aloud(&mut self) {
        if !self.speech {
            return;
        }
        if let Some(text) = self.aloud() {
            let language = self.content.text.language.clone();
            self.effects.push(Effect::Speak { text, language });
        }
    }

    /// What the screen says, as sentences to hear: the welcome, or the
    /// question and each answer it offers, in the order shown.
    pub fn aloud(&self) -> Option<String> {
        match self.screen {
            Screen::Welcome => {
                let q = &self.questionnaire;
                let warning = q.welcome_warning.iter().cloned();
                Some(
                    warning
                        .chain([q.description.clone()])
                        .collect::<Vec<_>>()
                        .join(" "),
                )
            }
            Screen::Item(n) => Some(spoken(self.item(n), self)),
            _ => None,
        }
    }
}

/// A question and its answers, one sentence each.
fn spoken(item: &Item, app: &App) -> String {
    let mut parts = vec![item.prompt.clone()];
    if let Kind::Scale {
        min,
        max,
        min_label,
        max_label,
    } = &item.kind
    {
        parts.push(format!("{min}: {min_label}."));
        parts.push(format!("{max}: {max_label}."));
    }
    // The answers as the screen lists them, top to bottom: the arrows
    // and Enter choose there, not a number.
    let choices = item.kind.choices(Some(&app.content.text.answers));
    parts.extend(choices.iter().map(|c| format!("{}.", c.label)));
    parts.join(" ")
}
