//! The patient's language: offered first on the welcome screen (a number,
//! the arrows, or a click), it swaps the questionnaire, rules and words for
//! the same ones in that language; the answers and their ids stay as they
//! are. A continued session comes back in the language it was begun in.

use std::sync::OnceLock;

use super::App;
use crate::languages;
use crate::tui::layout::{self, Frame};
use crate::tui::message::Msg;

impl App {
    /// Offers these languages (built-in codes) on the welcome screen, and
    /// starts in the first.
    pub fn with_languages(mut self, offered: Vec<String>) -> Self {
        // Already shown in the first (the built-in questionnaire in its own
        // language): reading it again would parse the questionnaire twice,
        // and the rules, before the first frame; they are read when needed.
        let shown = offered.first() == Some(&self.content.text.language);
        self.languages = offered;
        if !shown {
            self.use_language(0);
        }
        self
    }

    /// Whether the welcome screen asks for the language first.
    pub fn offers_languages(&self) -> bool {
        self.languages.len() > 1
    }

    /// Where the language now shown is in the list offered.
    pub fn language_index(&self) -> usize {
        let now = &self.content.text.language;
        self.languages.iter().position(|l| l == now).unwrap_or(0)
    }

    /// Shows everything in the `n`th language offered.
    pub fn use_language(&mut self, n: usize) {
        if let Some(code) = self.languages.get(n).cloned() {
            self.switch_to(&code);
        }
    }

    /// The built-in questionnaire, rules and words in `code`, the answers
    /// kept; nothing changes for a language not built in.
    pub(super) fn switch_to(&mut self, code: &str) {
        let Ok(bundle) = languages::bundle(code) else {
            return;
        };
        self.session.language = (code != languages::ENGLISH).then(|| code.to_string());
        let letters = (&self.content.text.letters, &bundle.content.text.letters);
        self.keymap = std::sync::Arc::new(self.keymap.with_letters(letters.0, letters.1));
        self.questionnaire = bundle.questionnaire;
        self.content = bundle.content;
        self.rules = OnceLock::from(bundle.rules);
        // Another questionnaire: its conditions are indexed afresh.
        self.enable_index =
            std::sync::Arc::new(crate::answers::EnableIndex::new(&self.questionnaire));
        self.enabled = self
            .session
            .enabled(&self.questionnaire, self.content.regions);
    }

    /// The questionnaire, rules and words of the clinic's language (a
    /// kiosk's `clinic_language`, else English) when the patient answers
    /// the built-in questionnaire in another; `None` when they are the same.
    pub fn clinic(&self) -> Option<languages::Bundle> {
        let clinic = self
            .kiosk
            .as_ref()
            .map_or(languages::ENGLISH, |k| k.clinic_language.as_str());
        let other = !self.languages.is_empty() && self.content.text.language != clinic;
        other.then(|| languages::bundle(clinic).ok()).flatten()
    }

    /// The welcome screen's language keys and clicks; `true` when used.
    pub(super) fn update_language(&mut self, msg: &Msg) -> bool {
        if !self.offers_languages() {
            return false;
        }
        let now = self.language_index();
        let last = self.languages.len() - 1;
        let chosen = match *msg {
            Msg::Digit(d) if (1..=self.languages.len()).contains(&(d as usize)) => d as usize - 1,
            Msg::Up => now.saturating_sub(1),
            Msg::Down => (now + 1).min(last),
            Msg::Click { column, row } => {
                let body = Frame::new(self.area).body;
                let above = crate::tui::view::welcome_first(self, body.width).len() as u16;
                match layout::language_rows(body, above, self.languages.len())
                    .position(|r| layout::contains(r, column, row))
                {
                    Some(n) => n,
                    None => return false,
                }
            }
            _ => return false,
        };
        self.use_language(chosen);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> App {
        let q = crate::content::questionnaire();
        let session = crate::answers::Session::new(&q, 0);
        let theme = crate::tui::theme::Theme::from_env(false);
        App::new(q, session, theme, crate::tui::DEFAULT_AREA)
    }

    #[test]
    fn starting_in_the_language_shown_reads_nothing_again() {
        let app = app().with_languages(vec!["en".into(), "es".into()]);
        // The rules are still to be read when first needed.
        assert!(app.rules.get().is_none());
        assert_eq!(app.content.text.language, "en");
        let app = app.with_languages(vec!["es".into(), "en".into()]);
        assert_eq!(app.content.text.language, "es");
        assert!(app.rules.get().is_some());
    }
}
