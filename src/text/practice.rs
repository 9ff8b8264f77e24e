//! Practice mode's words (the catalogue's `practice`): its screens and the
//! debrief.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeWords {
    pub title: String,
    pub aged: String,
    pub opening: String,
    pub guided: String,
    pub manual: String,
    pub talk: super::TalkWords,
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
    /// The impression's side question and its choices (value, words).
    pub side_question: String,
    pub sides: Vec<(String, String)>,
    pub side: String,
    pub right: String,
    pub wrong: String,
    pub recording: String,
    pub misrecorded: String,
    pub missed: String,
    pub missed_has: String,
    pub warning_why: String,
    pub asked_essential: String,
    pub skill: String,
    pub capped: String,
    pub many_signs: String,
    pub not_earned: String,
    pub critical: String,
    pub critical_missed: String,
    pub critical_step: String,
    pub critical_zero: String,
    pub hinted: String,
    pub overlap: String,
    pub mirrored: String,
    pub mirror_cost: String,
    pub not_marked: String,
    pub and_more: String,
    pub took: String,
    pub coverage: String,
    pub said: String,
    pub done: String,
    pub not_done: String,
    pub your_reasoning: String,
    pub teaching: String,
    pub your_map: String,
    pub case_map: String,
    pub nothing: String,
    pub findings: String,
    pub saved: String,
    pub not_saved: String,
    pub history: HistoryWords,
}

/// `intake practice --history`'s words.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryWords {
    pub none: String,
    pub heading: String,
    pub when: String,
    pub case: String,
    pub total: String,
    pub courses: String,
    /// The columns of each skill's course.
    pub course_head: [String; 6],
}

impl PracticeWords {
    pub fn yes_no(&self, yes: bool) -> &str {
        if yes { &self.yes } else { &self.no }
    }

    pub fn verdict(&self, right: bool) -> &str {
        if right { &self.right } else { &self.wrong }
    }
}
