//! The screen's words, from the app's content, with the keys they name.

use super::App;
use crate::body::Symptom;
use crate::text::{ScreenWords, fill};
use crate::tui::keymap::{Action, Focus};

/// The keys a sentence may name, by the `{name}` it writes.
const NAMED: &[(&str, Action)] = &[
    ("confirm", Action::Confirm),
    ("quit", Action::Quit),
    ("up", Action::Up),
    ("down", Action::Down),
    ("impression", Action::Impression),
    ("list", Action::QuestionList),
    ("map", Action::Map),
    ("clear", Action::ClearPlace),
    ("clear_all", Action::ClearAll),
    ("paint", Action::Paint),
    ("flip", Action::Flip),
    ("find", Action::Find),
    ("aloud", Action::ReadAloud),
    ("linear", Action::Linear),
    ("left", Action::Left),
    ("right", Action::Right),
    ("toggle", Action::Toggle),
    ("pain", Action::Mark(Symptom::Pain)),
    ("numbness", Action::Mark(Symptom::Numbness)),
    ("tingling", Action::Mark(Symptom::Tingling)),
    ("weakness", Action::Mark(Symptom::Weakness)),
    ("sensitive", Action::Mark(Symptom::Sensitive)),
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
        with_keys(template, values, |action| self.key(action, focus))
    }

    /// `keyed` for the ear: each key as read-aloud says it ("the up
    /// arrow"), not as the screen draws it ("↑").
    pub fn keyed_aloud(&self, template: &str, focus: Focus, values: &[(&str, &str)]) -> String {
        let said = |action| {
            let Some(key) = self.keymap.key_for(action, focus) else {
                return String::new();
            };
            let name = key.name();
            self.content
                .text
                .aloud
                .keys
                .get(&name)
                .cloned()
                .unwrap_or(name)
        };
        with_keys(template, values, said)
    }
}

/// `template` filled with `values` and each key of `NAMED` as `key` names it.
fn with_keys(template: &str, values: &[(&str, &str)], key: impl Fn(Action) -> String) -> String {
    let keys: Vec<(&str, String)> = NAMED
        .iter()
        .map(|(name, action)| (*name, key(*action)))
        .collect();
    let mut all: Vec<(&str, &str)> = keys.iter().map(|(n, k)| (*n, k.as_str())).collect();
    all.extend_from_slice(values);
    fill(template, &all)
}
