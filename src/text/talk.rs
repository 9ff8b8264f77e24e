//! The practice interview's conversation words (the catalogue's
//! `practice.talk`): the typed question, what it may have meant, the list
//! of questions, and the reasoning.

use std::collections::BTreeMap;

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TalkWords {
    pub you: String,
    pub from_list: String,
    pub question_box: String,
    pub start: String,
    pub meant: String,
    pub none: String,
    pub list: String,
    pub list_free: String,
    pub no_phrasings: String,
    pub reasoning: String,
    pub reasoning_box: String,
    /// The trainee's map: its title, and what to mark.
    pub map_title: String,
    pub map_prompt: String,
    /// Each interview topic outside the questionnaire ("topic.ideas"), as
    /// an interviewer would ask it.
    pub topics: BTreeMap<String, String>,
}

impl TalkWords {
    /// A topic's words, or its id when the catalogue has none.
    pub fn topic<'a>(&'a self, id: &'a str) -> &'a str {
        self.topics.get(id).map_or(id, String::as_str)
    }
}
