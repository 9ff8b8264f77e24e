//! A practice interview as it goes: the questions asked, and the trainee's
//! impression, one question at a time, from the choices the findings rules
//! offer. No terminal here: the screens keep only where the cursor is.

use std::collections::BTreeMap;

use super::{Case, Index, PracticeWords, Voices};
use crate::answers::Answer;
use crate::body::BodyMarks;
use crate::findings::Rules;
use crate::questionnaire::Item;

/// The part of the impression a question asks, as the case's key has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    RedFlags,
    Level,
    Side,
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
    /// "left", "right", "both" or "none".
    pub side: Option<String>,
    pub next_step: Option<String>,
}

impl Impression {
    fn set(&mut self, part: Part, value: &str) {
        match part {
            Part::RedFlags => self.red_flags = Some(value == "yes"),
            Part::Level => self.level = Some(value.to_string()),
            Part::Side => self.side = Some(value.to_string()),
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
    // The values are the keys' (SIDES); the catalogue only words them.
    let side_words = |v: &str| words.sides.iter().find(|(s, _)| s == v).map(|(_, w)| w);
    let sides = super::SIDES
        .iter()
        .map(|v| pair(v, side_words(v).map_or(v, |w| w.as_str())))
        .collect();
    [
        (Part::RedFlags, &p.red_flags, red_flags, true),
        (Part::Level, &p.level, levels, !p.levels.is_empty()),
        (
            Part::Side,
            &words.side_question,
            sides,
            !p.levels.is_empty(),
        ),
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

/// Whether an item makes sense to ask in an interview: not information
/// text, nor one the built-in phrasings leave out of practice.
pub fn askable(item: &Item) -> bool {
    super::Phrasings::builtin().asks(item)
}

/// One exchange: what the trainee asked, the items and topics it asked, and
/// what the patient said.
#[derive(Debug, Clone, PartialEq)]
pub struct Turn {
    /// The trainee's words, or the item's interviewer wording when it was
    /// asked from the list.
    pub question: String,
    /// Item and topic ids the question asked (none: not understood).
    pub asked: Vec<String>,
    pub reply: String,
    /// Asked from the list of questions (a hint, which costs points).
    pub hint: bool,
}

/// A typed question the matcher was not sure of: the best few items or
/// topics, best first, for the trainee to confirm one.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    pub question: String,
    pub candidates: Vec<String>,
}

/// What became of a typed question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Put {
    /// Asked and answered (the last turn).
    Asked,
    /// Not sure what it asks: `pending` holds the best few to confirm.
    Confirm,
    /// Nothing like it is known: the patient is not sure what is meant.
    Unknown,
}

/// How many close matches are offered to confirm.
pub const CANDIDATES: usize = 3;

/// The interview of one case.
#[derive(Debug, Clone)]
pub struct Interview {
    pub case: Case,
    /// The trainee records each answer on the questionnaire's own screens
    /// (otherwise asking records the patient's answer: the guided variant).
    pub manual: bool,
    /// Item and topic ids in the order they were first asked.
    pub asked: Vec<String>,
    /// How many times each id was asked (a poor historian answers the
    /// second time).
    pub times: BTreeMap<String, u32>,
    /// The conversation, in order.
    pub turns: Vec<Turn>,
    /// A typed question waiting for the trainee to confirm what it asks.
    pub pending: Option<Pending>,
    /// The body diagram as the trainee marked it from what the patient said.
    pub map: BodyMarks,
    /// Why the trainee concluded what they did, in their words.
    pub reasoning: String,
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
            times: BTreeMap::new(),
            turns: Vec::new(),
            pending: None,
            map: BodyMarks::new(),
            reasoning: String::new(),
            questions: questions(rules, words),
            impression: Impression::default(),
            started: 0,
        }
    }

    /// Asks a question typed in the trainee's own words: answered when the
    /// match is sure, otherwise held to confirm (`confirm`).
    pub fn put(&mut self, question: &str, index: &Index, voices: &Voices) -> Put {
        let question = question.trim();
        let matched = index.ask(question);
        if matched.sure {
            self.exchange(question, matched.covered, false, voices);
            return Put::Asked;
        }
        let candidates: Vec<String> = matched.offered.into_iter().take(CANDIDATES).collect();
        if candidates.is_empty() {
            self.exchange(question, Vec::new(), false, voices);
            return Put::Unknown;
        }
        self.pending = Some(Pending {
            question: question.to_string(),
            candidates,
        });
        Put::Confirm
    }

    /// The trainee says which candidate the pending question meant; `None`:
    /// none of them, and the patient is not sure what is meant.
    pub fn confirm(&mut self, choice: Option<usize>, voices: &Voices) {
        let Some(p) = self.pending.take() else { return };
        let asked = choice.and_then(|c| p.candidates.get(c)).cloned();
        self.exchange(&p.question, asked.into_iter().collect(), false, voices);
    }

    /// Asks item `id` from the list of questions, in its interviewer
    /// wording: a hint, unless the list is the only way to ask (`hint`
    /// false: no phrasings to match a typed question against).
    pub fn ask_listed(&mut self, id: &str, wording: &str, hint: bool, voices: &Voices) {
        self.pending = None;
        self.exchange(wording, vec![id.to_string()], hint, voices);
    }

    /// Records an exchange: each id asked once more, and the patient's
    /// reply to all of them, in order.
    fn exchange(&mut self, question: &str, asked: Vec<String>, hint: bool, voices: &Voices) {
        let mut said = Vec::new();
        for id in &asked {
            let times = self.times.entry(id.clone()).or_default();
            *times += 1;
            said.push(self.case.reply(id, *times, voices));
            if !self.asked.contains(id) {
                self.asked.push(id.clone());
            }
        }
        if said.is_empty() {
            said.push(voices.not_understood.clone());
        }
        self.turns.push(Turn {
            question: question.to_string(),
            asked,
            reply: said.join(" "),
            hint,
        });
    }

    /// The patient's answer to item `id` to record, in the guided variant,
    /// once it has been asked; never the body diagram, which the trainee
    /// marks from what the patient says (it is scored as their map).
    pub fn answer_to_record(&self, id: &str) -> Option<&Answer> {
        let asked = self.was_asked(id);
        let answer = self.case.answers.get(id);
        answer.filter(|a| asked && !self.manual && !matches!(a, Answer::Body(_)))
    }

    pub fn was_asked(&self, id: &str) -> bool {
        self.asked.iter().any(|a| a == id)
    }

    /// Items asked from the list, each once.
    pub fn hints(&self) -> Vec<&str> {
        let mut hints: Vec<&str> = Vec::new();
        for id in self.turns.iter().filter(|t| t.hint).flat_map(|t| &t.asked) {
            if !hints.contains(&id.as_str()) {
                hints.push(id);
            }
        }
        hints
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
        assert_eq!(
            parts,
            [Part::RedFlags, Part::Level, Part::Side, Part::NextStep]
        );
        assert!(asked.iter().all(|q| !q.choices.is_empty()));
        // A question with nothing to offer is left out, not asked empty.
        let mut no_steps = rules.clone();
        no_steps.practice.steps.clear();
        let asked = questions(&no_steps, words);
        let parts: Vec<Part> = asked.iter().map(|q| q.part).collect();
        assert_eq!(parts, [Part::RedFlags, Part::Level, Part::Side]);
    }

    fn interview() -> (Interview, Index) {
        let q = crate::content::questionnaire();
        let rules = crate::content::rules_for(&q).unwrap();
        let source = std::fs::read_to_string("cases/l5-radiculopathy.ron").unwrap();
        let case = Case::parse("l5.ron", &source, &q).unwrap();
        let words = &crate::text::Text::builtin().practice;
        let index = Index::new(&crate::content::phrasings_for(&q).unwrap());
        (Interview::new(case, &rules, false, words), index)
    }

    #[test]
    fn a_sure_question_is_answered_and_an_unsure_one_waits() {
        let (mut i, index) = interview();
        let voices = Voices::builtin();
        assert_eq!(
            i.put("Does it hurt when you cough?", &index, voices),
            Put::Asked
        );
        assert_eq!(i.turns[0].asked, ["cough_sneeze"]);
        assert_eq!(i.turns[0].reply, i.case.reply("cough_sneeze", 1, voices));
        assert_eq!(
            i.answer_to_record("cough_sneeze"),
            i.case.answers.get("cough_sneeze")
        );
        assert_eq!(i.put("zzz qqq", &index, voices), Put::Unknown);
        assert_eq!(i.turns[1].reply, voices.not_understood);
        // Weak matches, under the phrasings' `offer`, are not guesses to
        // confirm: the question is not understood.
        let vague = "What's your favourite colour?";
        assert!(!index.ask(vague).ranked.is_empty());
        assert_eq!(i.put(vague, &index, voices), Put::Unknown);
        assert_eq!(
            i.put("anything else about your leg?", &index, voices),
            Put::Confirm
        );
        let first = i.pending.as_ref().unwrap().candidates[0].clone();
        i.confirm(Some(0), voices);
        assert!(i.pending.is_none() && i.was_asked(&first));
        assert!(i.hints().is_empty());
        i.ask_listed("rf_saddle", "Numb between the legs?", false, voices);
        assert!(i.hints().is_empty());
        i.ask_listed("rf_saddle", "Numb between the legs?", true, voices);
        i.ask_listed("rf_saddle", "Numb between the legs?", true, voices);
        assert_eq!(i.hints(), ["rf_saddle"]);
        assert_eq!(i.times["rf_saddle"], 3);
    }

    #[test]
    fn guided_mode_never_records_the_body_diagram() {
        let (mut i, _) = interview();
        let voices = Voices::builtin();
        let body = i
            .case
            .answers
            .iter()
            .find(|(_, a)| matches!(a, Answer::Body(_)));
        let id = body.map(|(id, _)| id.clone()).expect("the case has a map");
        i.ask_listed(&id, "Where is it?", false, voices);
        assert!(i.was_asked(&id));
        assert_eq!(i.answer_to_record(&id), None);
    }
}
