//! Practice mode's words, read from assets/practice.ron: typed, so a missing
//! or misspelt one is an error, and compiled in.

use std::sync::OnceLock;

use serde::Deserialize;

pub const PRACTICE_PATH: &str = "assets/practice.ron";
pub const BUILTIN_PRACTICE: &str = include_str!("../../assets/practice.ron");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeWords {
    pub title: String,
    pub aged: String,
    pub opening: String,
    pub guided: String,
    pub manual: String,
    pub asked: String,
    pub impression: String,
    pub ask: String,
    pub why: String,
    pub reply: String,
    pub recorded: String,
    pub to_ask: String,
    pub to_record: String,
    pub choose_first: String,
    pub leave: String,
    pub says_yes: String,
    pub says_no: String,
    pub not_sure: String,
    pub yes: String,
    pub no: String,
    pub debrief: String,
    pub score: String,
    pub red_flags: String,
    pub level: String,
    pub next_step: String,
    pub right: String,
    pub wrong: String,
    pub recording: String,
    pub misrecorded: String,
    pub essential: String,
    pub missed: String,
    pub asked_essential: String,
    pub findings: String,
    pub saved: String,
    pub not_saved: String,
}

impl PracticeWords {
    /// The built-in words, parsed once. They are checked by the tests, so a
    /// failure here is a build defect, not bad user input.
    pub fn builtin() -> &'static Self {
        static WORDS: OnceLock<PracticeWords> = OnceLock::new();
        WORDS.get_or_init(|| {
            crate::questionnaire::parse_ron(PRACTICE_PATH, BUILTIN_PRACTICE)
                .expect("assets/practice.ron is valid (tested)")
        })
    }

    pub fn yes_no(&self, yes: bool) -> &str {
        if yes { &self.yes } else { &self.no }
    }

    pub fn verdict(&self, right: bool) -> &str {
        if right { &self.right } else { &self.wrong }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_words_parse() {
        crate::questionnaire::parse_ron::<PracticeWords>(PRACTICE_PATH, BUILTIN_PRACTICE)
            .unwrap_or_else(|e| panic!("{e}"));
    }
}
