//! A practice interview as it goes: the questions asked, and the trainee's
//! impression, one question at a time, from the choices the findings rules
//! offer. No terminal here: the screens keep only where the cursor is.

use super::{Case, PracticeWords};
use crate::answers::Answer;
use crate::findings::Rules;
use crate::questionnaire::{Item, Kind};

/// The part of the impression a question asks, as the case's key has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    RedFlags,
    Level,
    NextStep,
}

/// One question of the impression: its words and its choices (value, words).
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub part: Part,
    pub prompt: String,
    pub choices: Vec<(String, String)>,
}

/// What the trainee concluded; a part is `None` when it was not asked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Impression {
    pub red_flags: Option<bool>,
    pub level: Option<String>,
    pub next_step: Option<String>,
}

impl Impression {
    fn set(&mut self, part: Part, value: &str) {
        match part {
            Part::RedFlags => self.red_flags = Some(value == "yes"),
            Part::Level => self.level = Some(value.to_string()),
            Part::NextStep => self.next_step = Some(value.to_string()),
        }
    }
}

/// The impression's questions that have something to choose, in order:
/// without rules, none.
pub fn questions(rules: &Rules, words: &PracticeWords) -> Vec<Question> {
    let p = &rules.practice;
    let pair = |v: &str, w: &str| (v.to_string(), w.to_string());
    let red_flags = vec![pair("yes", &words.yes), pair("no", &words.no)];
    let levels = std::iter::once(pair("none", &p.no_level))
        .chain(p.levels.iter().map(|l| pair(l, l)))
        .collect();
    let steps = p.steps.iter().map(|(id, words)| pair(id, words)).collect();
    [
        (Part::RedFlags, &p.red_flags, red_flags, true),
        (Part::Level, &p.level, levels, !p.levels.is_empty()),
        (Part::NextStep, &p.next_step, steps, !p.steps.is_empty()),
    ]
    .into_iter()
    .filter(|(_, prompt, _, offered)| *offered && !prompt.is_empty())
    .map(|(part, prompt, choices, _)| Question {
        part,
        prompt: prompt.clone(),
        choices,
    })
    .collect()
}

/// Whether an item makes sense to ask in an interview (not information text).
pub fn askable(item: &Item) -> bool {
    !matches!(item.kind, Kind::Info)
}

/// The interview of one case.
#[derive(Debug, Clone)]
pub struct Interview {
    pub case: Case,
    /// The trainee records each answer on the questionnaire's own screens
    /// (otherwise asking records the patient's answer: the guided variant).
    pub manual: bool,
    /// Item ids in the order they were first asked.
    pub asked: Vec<String>,
    pub questions: Vec<Question>,
    pub impression: Impression,
    /// When the interview began (seconds since the epoch).
    pub started: u64,
}

impl Interview {
    pub fn new(case: Case, rules: &Rules, manual: bool, words: &PracticeWords) -> Self {
        Self {
            case,
            manual,
            asked: Vec::new(),
            questions: questions(rules, words),
            impression: Impression::default(),
            started: 0,
        }
    }

    /// Asks item `id`: the answer to record, in the guided variant.
    pub fn ask(&mut self, id: &str) -> Option<&Answer> {
        if !self.asked.iter().any(|a| a == id) {
            self.asked.push(id.to_string());
        }
        self.case.answers.get(id).filter(|_| !self.manual)
    }

    pub fn was_asked(&self, id: &str) -> bool {
        self.asked.iter().any(|a| a == id)
    }

    /// Answers impression question `n` with its choice `choice`.
    pub fn answer(&mut self, n: usize, choice: usize) {
        let Some(q) = self.questions.get(n) else {
            return;
        };
        if let Some((value, _)) = q.choices.get(choice) {
            self.impression.set(q.part, value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_rules_the_impression_asks_nothing() {
        let q = crate::content::questionnaire();
        let words = &crate::text::Text::builtin().practice;
        assert!(questions(&Rules::none(&q), words).is_empty());
        let rules = crate::content::rules_for(&q).unwrap();
        let asked = questions(&rules, words);
        let parts: Vec<Part> = asked.iter().map(|q| q.part).collect();
        assert_eq!(parts, [Part::RedFlags, Part::Level, Part::NextStep]);
        assert!(asked.iter().all(|q| !q.choices.is_empty()));
        // A question with nothing to offer is left out, not asked empty.
        let mut no_steps = rules.clone();
        no_steps.practice.steps.clear();
        let asked = questions(&no_steps, words);
        let parts: Vec<Part> = asked.iter().map(|q| q.part).collect();
        assert_eq!(parts, [Part::RedFlags, Part::Level]);
    }
}
