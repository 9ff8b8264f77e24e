//! The practice interview as a conversation on TestBackend: typed
//! questions, "Did you mean", the list of questions as a hint, the
//! trainee's map, the impression and reasoning; and a scripted session per
//! case from the opening words to the debrief, through keys only.

mod common;

use std::fs;

use common::Harness;
use insta::assert_snapshot;
use intake::answers::Answer;
use intake::body::{BodyMarks, Symptom};
use intake::content;
use intake::practice::{Case, Part};
use intake::tui::app::{App, Pick, Practice, Screen};
use intake::tui::message::{Focus, Msg};
use intake::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;

fn cases() -> Vec<Case> {
    let q = content::questionnaire();
    let mut paths: Vec<_> = fs::read_dir("cases")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let source = fs::read_to_string(p).unwrap();
            Case::parse(&p.display().to_string(), &source, &q).unwrap_or_else(|e| panic!("{e}"))
        })
        .collect()
}

/// A case on an 80 x 24 practice screen, past its opening words.
fn practice(case: Case) -> Harness {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let area = Rect::new(0, 0, 80, 24);
    let mut h = Harness {
        app: App::practice(q, rules, case, false, Theme::mono(), area),
        terminal: Terminal::new(TestBackend::new(80, 24)).unwrap(),
    };
    h.app.clock = || 1_000;
    h.enter();
    assert_eq!(h.app.screen, Screen::Interview);
    h
}

fn case(id: &str) -> Case {
    cases().into_iter().find(|c| c.id == id).unwrap()
}

fn state(h: &Harness) -> &Practice {
    h.app.practice.as_deref().unwrap()
}

/// Types a question and presses Enter.
fn type_question(h: &mut Harness, question: &str) {
    assert_eq!(h.app.focus(), Focus::Text);
    h.keys(question);
    h.enter();
}

#[test]
fn the_conversation_shows_typed_questions_and_the_patients_replies() {
    let mut h = practice(case("l5-radiculopathy"));
    assert!(h.screen().contains("Type a question to the patient"));
    type_question(&mut h, "Hello, what has brought you along today?");
    type_question(&mut h, "Do you cough and it shoots down the leg?");
    type_question(&mut h, "Is the big toe weaker when you pull it up?");
    let p = state(&h);
    assert!(
        p.interview.was_asked("topic.opening"),
        "{:?}",
        p.interview.turns
    );
    assert!(p.interview.was_asked("big_toe"), "{:?}", p.interview.turns);
    // Guided: the reply is recorded as the patient gives it.
    assert_eq!(
        h.answer("big_toe"),
        h.app
            .practice
            .as_ref()
            .unwrap()
            .interview
            .case
            .answers
            .get("big_toe")
    );
    assert_snapshot!("talk_conversation_80x24", h.screen());
    // Scrolled up, the first exchange shows again; the wheel scrolls too.
    for _ in 0..4 {
        h.key(KeyCode::PageUp);
    }
    assert!(
        h.screen()
            .contains("You: Hello, what has brought you along")
    );
    h.app.update(Msg::ScrollDown { column: 5, row: 5 });
    assert!(state(&h).talk_scroll < 12);
    // Scrolling stops: a page down as many times back brings the newest.
    for _ in 0..100 {
        h.key(KeyCode::PageUp);
    }
    for _ in 0..10 {
        h.key(KeyCode::PageDown);
    }
    assert_eq!(state(&h).talk_scroll, 0);
    // Reading aloud says the last reply.
    h.app.speech = true;
    h.key(KeyCode::F(3));
    let last = state(&h).interview.turns.last().unwrap().reply.clone();
    let said = format!("{:?}", h.app.effects);
    assert!(said.contains(&last), "{said}");
}

#[test]
fn an_unsure_question_offers_its_best_three_without_marking_warning_signs() {
    let mut h = practice(case("l5-radiculopathy"));
    type_question(&mut h, "anything else about your leg?");
    assert!(matches!(state(&h).pick, Some(Pick::Meant(0))));
    let screen = h.screen();
    assert!(screen.contains("Did you mean:") && screen.contains("None of these"));
    assert!(!screen.contains('!'), "{screen}");
    assert_snapshot!("talk_did_you_mean_80x24", screen);
    // Reading aloud says the candidates.
    h.app.speech = true;
    h.key(KeyCode::F(3));
    let said = format!("{:?}", h.app.effects);
    assert!(
        said.contains("Did you mean") && said.contains("1: "),
        "{said}"
    );
    // A click on the second candidate asks it.
    let second = state(&h).interview.pending.as_ref().unwrap().candidates[1].clone();
    let (x, y) = h.find("2. ");
    h.app.update(Msg::Click { column: x, row: y });
    assert!(state(&h).pick.is_none());
    assert!(state(&h).interview.was_asked(&second));
    // Esc is none of these: the patient is not sure what is meant.
    type_question(&mut h, "anything else about your leg?");
    let turns = state(&h).interview.turns.len();
    h.key(KeyCode::Esc);
    let p = state(&h);
    assert!(p.pick.is_none() && p.interview.pending.is_none());
    assert_eq!(p.interview.turns.len(), turns + 1);
    assert!(p.interview.turns.last().unwrap().asked.is_empty());
    // The list waits until "Did you mean" is answered: F5 does nothing.
    type_question(&mut h, "anything else about your leg?");
    h.key(KeyCode::F(5));
    assert!(matches!(state(&h).pick, Some(Pick::Meant(_))));
    h.key(KeyCode::Esc);
    // A digit chooses by number.
    type_question(&mut h, "anything else about your leg?");
    let first = state(&h).interview.pending.as_ref().unwrap().candidates[0].clone();
    h.key(KeyCode::Char('1'));
    assert_eq!(state(&h).interview.turns.last().unwrap().asked, [first]);
}

#[test]
fn the_list_of_questions_is_a_hint_with_no_warning_sign_marks() {
    let mut h = practice(case("l5-radiculopathy"));
    h.key(KeyCode::F(5));
    assert_eq!(h.app.focus(), Focus::Other);
    h.enter(); // the first question: its reply shows in the conversation
    assert!(state(&h).pick.is_none());
    let first = h.app.interview_items()[0].interviewer_prompt().to_string();
    assert!(h.screen().contains(&first[..20]), "{first}");
    h.key(KeyCode::F(5));
    for _ in 0..2 {
        h.key(KeyCode::Down);
    }
    let screen = h.screen();
    assert!(screen.contains("costs points"), "{screen}");
    assert!(!screen.contains('!'), "{screen}");
    assert_snapshot!("talk_question_list_80x24", screen);
    // A click on a question asks it, as a hint.
    let item = h.app.interview_items()[1].clone();
    let (x, y) = h.find(&item.interviewer_prompt()[..20]);
    h.app.update(Msg::Click { column: x, row: y });
    assert!(state(&h).interview.hints().contains(&item.id.as_str()));
    assert_eq!(h.app.focus(), Focus::Text);
    // F5 again goes back to typing, Esc too.
    h.key(KeyCode::F(5));
    h.key(KeyCode::F(5));
    assert_eq!(h.app.focus(), Focus::Text);
    h.key(KeyCode::F(5));
    h.key(KeyCode::Esc);
    assert_eq!(h.app.focus(), Focus::Text);
    assert!(h.app.dialog.is_none());
}

/// Natural questions for every warning sign, essential item and topic, in
/// words of our own (none is a phrasing in questionnaires/
/// back-pain-phrasings.ron): what a trainee might type.
const ASKED: &[(&str, &str)] = &[
    ("topic.opening", "Hello, what has brought you along today?"),
    ("rf_bladder", "Have you had any trouble holding your water?"),
    (
        "rf_retention",
        "Have there been times you could not pass water at all?",
    ),
    (
        "rf_stream",
        "Is your flow slower or weaker than it was when you wee?",
    ),
    (
        "rf_urine",
        "When you wee, can you still feel it coming out?",
    ),
    (
        "rf_bowel",
        "Have you had any leaking or accidents from your bowels?",
    ),
    (
        "rf_stool_feel",
        "Can you still feel it when you open your bowels?",
    ),
    ("rf_saddle", "Is the skin between your legs numb at all?"),
    (
        "rf_sexual",
        "Has anything changed in your sex life, feeling or erections?",
    ),
    (
        "rf_both_legs",
        "Are both of your legs affected, or just the one?",
    ),
    (
        "rf_unsteady",
        "Do you feel wobbly or off balance when you walk?",
    ),
    (
        "rf_weakness_worse",
        "Is the weakness steadily getting worse?",
    ),
    (
        "rf_fever",
        "Have you been running a temperature or feverish?",
    ),
    (
        "rf_cancer",
        "Have you ever been diagnosed with any kind of cancer?",
    ),
    ("rf_weight_loss", "Have you lost weight without meaning to?"),
    (
        "rf_injury",
        "Did you have a bad fall or accident before it started?",
    ),
    (
        "rf_night_pain",
        "Does it hurt at night even when you lie still?",
    ),
    ("rf_unwell", "Do you feel poorly in yourself in general?"),
    ("rf_drugs", "Have you ever injected drugs into your veins?"),
    (
        "rf_immune",
        "Do you take anything that weakens your immune system?",
    ),
    (
        "rf_steroids",
        "Have you been on steroid tablets for a long while?",
    ),
    (
        "rf_osteoporosis",
        "Have you been told you have brittle or thin bones?",
    ),
    ("arm_spread", "Does the pain run down into your arm?"),
    (
        "arm_spread_side",
        "Is it your left arm or your right that the pain goes into?",
    ),
    ("numbness", "Have you noticed numb patches anywhere?"),
    (
        "body_map",
        "Could you show me on this picture where you feel it?",
    ),
    ("arm_weak", "Are your arms or hands weaker than before?"),
    ("arm_lift", "Can you raise your arm up over your head?"),
    (
        "elbow_straighten",
        "Is it hard to straighten your arm at the elbow?",
    ),
    ("leg_spread", "Does the pain travel down into your leg?"),
    ("grip", "Is it harder to grip things in your hand?"),
    ("tried", "Which treatments have you had for it so far?"),
    ("surgery_when", "How long ago was your operation?"),
    (
        "finger_spread",
        "Can you spread your fingers apart properly?",
    ),
    ("weak_change", "Has the weakness changed since it began?"),
    ("tingling", "Any prickling feelings in your skin?"),
    ("elbow_bend", "Is it hard to bend your elbow?"),
    ("wrist_back", "Can you bend your wrist backwards?"),
    (
        "leg_spread_side",
        "Is the leg pain on your left side or your right?",
    ),
    ("leg_weak", "Have your legs lost any strength?"),
    ("heel_walk", "Can you walk on your heels for me?"),
    (
        "foot_drop",
        "Does your foot catch on the ground when you walk?",
    ),
    ("big_toe", "Can you lift your big toe up?"),
    ("hip_lift", "Is it hard to lift your leg up a stair?"),
    ("knee_weak", "Does your knee feel weak or give way?"),
    ("moves_hurt", "Does anything you do make the pain worse?"),
    ("toe_walk", "Can you walk on your tiptoes?"),
    ("topic.ideas", "What do you think might be behind it?"),
    (
        "topic.concerns",
        "Is there something about this that worries you?",
    ),
    (
        "topic.expectations",
        "What would you want to come out of this visit?",
    ),
    ("topic.work", "Tell me about your job."),
    ("topic.summary", "Let me sum up what I have heard so far."),
    (
        "topic.closing",
        "Thanks very much, those are all the questions I have.",
    ),
];

/// Asks `id` in the trainee's words: when the screen asks what was
/// meant, the wanted one is chosen by its number (or none). Returns
/// whether it was asked.
fn ask_in_words(h: &mut Harness, id: &str) -> bool {
    let (_, question) = ASKED.iter().find(|(i, _)| *i == id).unwrap();
    type_question(h, question);
    if let Some(Pick::Meant(_)) = state(h).pick {
        let candidates = &state(h).interview.pending.as_ref().unwrap().candidates;
        match candidates.iter().position(|c| c == id) {
            Some(n) => h.key(KeyCode::Char(char::from(b'1' + n as u8))),
            None => h.key(KeyCode::Esc),
        }
    }
    state(h).interview.was_asked(id)
}

/// Marks `map` on the body diagram through keys: find each place by its
/// name (`/`), go there, and press each symptom's key.
fn mark_map(h: &mut Harness, map: &BodyMarks) {
    let table = h.app.content.regions;
    for (region, symptoms) in map.iter() {
        let r = table.index(region).unwrap();
        let label = table.regions[r].label.clone();
        h.key(KeyCode::Char('/'));
        h.keys(&label);
        let found = intake::body::search(table, &label);
        let at = found.iter().position(|&f| f == r).unwrap();
        for _ in 0..at {
            h.key(KeyCode::Down);
        }
        h.enter();
        for s in symptoms {
            h.key(KeyCode::Char(mark_key(*s)));
        }
    }
}

fn mark_key(s: Symptom) -> char {
    match s {
        Symptom::Pain => 'p',
        Symptom::Numbness => 'n',
        Symptom::Tingling => 't',
        Symptom::Weakness => 'w',
        Symptom::Sensitive => 's',
    }
}

/// Answers the impression as the case's key has it, then the reasoning.
fn give_impression(h: &mut Harness) {
    h.key(KeyCode::F(7));
    let key = state(h).interview.case.key.clone();
    while let Screen::Impression(n) = h.app.screen {
        let question = &state(h).interview.questions[n];
        let wanted = match question.part {
            Part::RedFlags => {
                if key.red_flags {
                    "yes"
                } else {
                    "no"
                }
            }
            Part::Level => key.level.as_str(),
            Part::Side => key.side.as_str(),
            Part::NextStep => key.next_step.as_str(),
        };
        let at = question
            .choices
            .iter()
            .position(|(v, _)| v == wanted)
            .unwrap();
        for _ in 0..=at {
            h.key(KeyCode::Down);
        }
        h.enter();
    }
    assert_eq!(h.app.screen, Screen::Reasoning);
    h.keys("What the patient told me, and the warning signs asked.");
    h.enter();
}

/// Item 6 of issue 16: for each case, a whole interview in the trainee's
/// own words, through keys only, from the opening words to the debrief.
#[test]
fn a_scripted_session_per_case_reaches_the_debrief() {
    let q = content::questionnaire();
    let warning: Vec<String> = q
        .items()
        .filter(|i| i.red_flag)
        .map(|i| i.id.clone())
        .collect();
    let (mut missed, mut short) = (Vec::new(), Vec::new());
    for case in cases() {
        let id = case.id.clone();
        let essential: Vec<String> = case.essential.clone();
        let map = match case.answers.get("body_map") {
            Some(Answer::Body(m)) => m.clone(),
            _ => BodyMarks::new(),
        };
        let mut h = practice(case);
        let topics = ["topic.opening"].iter().map(|t| t.to_string());
        let asked = topics.chain(warning.iter().cloned()).chain(essential);
        let closing = [
            "topic.ideas",
            "topic.concerns",
            "topic.expectations",
            "topic.work",
        ];
        let last = ["topic.summary", "topic.closing"];
        let all = asked.chain(closing.iter().chain(&last).map(|t| t.to_string()));
        for item in all {
            if !ask_in_words(&mut h, &item) {
                missed.push(format!("{id}: {item}"));
            }
        }
        h.key(KeyCode::F(6));
        assert!(matches!(h.app.screen, Screen::Item(_)), "{id}");
        mark_map(&mut h, &map);
        h.key(KeyCode::Esc);
        assert_eq!(h.app.screen, Screen::Interview, "{id}");
        give_impression(&mut h);
        assert_eq!(h.app.screen, Screen::Debrief, "{id}");
        let p = state(&h);
        let unasked = warning.iter().filter(|w| !p.interview.was_asked(w));
        missed.extend(unasked.map(|w| format!("{id}: {w} (a warning sign)")));
        assert_eq!(p.interview.map, map, "{id}");
        assert!(!p.interview.reasoning.is_empty());
        assert!(h.screen().contains("Score"), "{id}");
        // Scored as asked: no hints, and every skill the script covers full.
        let p = state(&h);
        assert!(p.interview.hints().is_empty(), "{id}");
        let card = p.scored.as_ref().expect("scored");
        for skill in ["warning_signs", "structure", "map", "impression"] {
            let s = card.skill(skill).unwrap();
            if s.got != s.of {
                short.push(format!("{id}: {skill} {} of {}", s.got, s.of));
            }
        }
        assert!(card.critical.is_empty(), "{id}: {:?}", card.critical);
    }
    assert!(missed.is_empty(), "not asked: {missed:#?}");
    assert!(short.is_empty(), "not full: {short:#?}");
}

/// The scripted questions are the trainee's words, not the phrasings':
/// none reads (after synonyms and typo fixing) as the terms of a phrasing.
#[test]
fn the_scripted_questions_are_held_out_from_the_phrasings() {
    let q = content::questionnaire();
    let p = intake::practice::Phrasings::parse(content::PHRASINGS_PATH, content::PHRASINGS, &q)
        .unwrap();
    let words = p.words();
    let terms =
        |t: &str| -> std::collections::BTreeSet<String> { words.terms(t).into_iter().collect() };
    let known: Vec<_> = p.phrasings.values().flatten().map(|t| terms(t)).collect();
    let copied: Vec<&str> = ASKED
        .iter()
        .map(|(_, question)| *question)
        .filter(|question| known.contains(&terms(question)))
        .collect();
    assert!(copied.is_empty(), "{copied:?}");
}
