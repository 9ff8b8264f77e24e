//! The screen's words, from the app's content, with the keys they name.

use super::App;
use crate::text::{ScreenWords, fill};
use crate::tui::keymap::{Action, Focus};

/// The keys a sentence may name, by the `{name}` it writes.
const NAMED: &[(&str, Action)] = &[
    ("confirm", Action::Confirm),
    ("quit", Action::Quit),
    ("up", Action::Up),
    ("down", Action::Down),
    ("impression", Action::Impression),
    ("clear", Action::ClearPlace),
    ("clear_all", Action::ClearAll),
    ("paint", Action::Paint),
    ("flip", Action::Flip),
    ("find", Action::Find),
    ("aloud", Action::ReadAloud),
    ("linear", Action::Linear),
];

impl App {
    /// The screen's words, in the app's language.
    pub fn words(&self) -> &ScreenWords {
        &self.content.text.screen
    }

    /// The key that gives `action` here, as a hint shows it (an arrow in
    /// the terminal's glyphs).
    pub fn key(&self, action: Action, focus: Focus) -> String {
        self.keymap
            .key_for(action, focus)
            .map(|k| self.glyphs.text(&k.glyph()).into_owned())
            .unwrap_or_default()
    }

    /// `template` filled with `values` and the keys it may name (`NAMED`),
    /// as bound where the keyboard is (`focus`).
    pub fn keyed(&self, template: &str, focus: Focus, values: &[(&str, &str)]) -> String {
        let keys: Vec<(&str, String)> = NAMED
            .iter()
            .map(|(name, action)| (*name, self.key(*action, focus)))
            .collect();
        let mut all: Vec<(&str, &str)> = keys.iter().map(|(n, k)| (*n, k.as_str())).collect();
        all.extend_from_slice(values);
        fill(template, &all)
    }
}
