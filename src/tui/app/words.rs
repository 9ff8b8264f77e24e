//! The screen's words, from the app's content, with the keys they name.

use super::App;
use crate::text::{ScreenWords, fill};
use crate::tui::keymap::{Action, Focus};

impl App {
    /// The screen's words, in the app's language.
    pub fn words(&self) -> &ScreenWords {
        &self.content.text.screen
    }

    /// The key that gives `action` here, as a hint shows it.
    pub fn key(&self, action: Action, focus: Focus) -> String {
        self.keymap
            .key_for(action, focus)
            .map(|k| k.glyph())
            .unwrap_or_default()
    }

    /// `template` filled with `values` and the keys it may name: {confirm}
    /// and {quit}, as bound where the keyboard is (`focus`).
    pub fn keyed(&self, template: &str, focus: Focus, values: &[(&str, &str)]) -> String {
        let confirm = self.key(Action::Confirm, focus);
        let quit = self.key(Action::Quit, focus);
        let mut all = vec![("confirm", confirm.as_str()), ("quit", quit.as_str())];
        all.extend_from_slice(values);
        fill(template, &all)
    }
}
