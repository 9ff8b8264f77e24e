//! Linear mode driven by lines, without a terminal: what is said back.

use ratatui::layout::Rect;

use super::*;
use crate::answers::{Answer, Session};
use crate::body::Symptom;
use crate::tui::app::Effect;
use crate::tui::theme::Theme;

mod kiosk;
mod review;

fn linear() -> Linear {
    let q = crate::content::questionnaire();
    let session = Session::new(&q, 1);
    let mut app = App::new(q, session, Theme::mono(), Rect::new(0, 0, 80, 24));
    app.clock = || 1;
    Linear::new(app)
}

/// A linear session at item `id`, with what it said there.
fn at(id: &str) -> (Linear, Vec<String>) {
    let mut l = linear();
    l.start();
    let n = l.app.questionnaire.index_of(id).unwrap();
    let mut out = Vec::new();
    l.ask(n, &mut out);
    (l, out)
}

fn said(l: &mut Linear, line: &str) -> Vec<String> {
    l.input(line)
}

fn has(out: &[String], line: &str) {
    assert!(out.iter().any(|l| l == line), "no {line:?} in {out:#?}");
}

fn answer<'a>(l: &'a Linear, id: &str) -> Option<&'a Answer> {
    l.app.session.get(id)
}

#[test]
fn it_opens_with_what_it_is_its_commands_and_the_first_question() {
    let mut l = linear();
    let out = l.start();
    assert!(out[0].starts_with("Linear mode:"), "{out:#?}");
    has(&out, "back: go back to the question before.");
    has(&out, "Part 1 of 14: About you");
    has(&out, "How old are you?");
    has(&out, "Type a number from 16 to 110 years.");
    assert_eq!(l.prompt(), "Your answer: ");
    assert!(!l.wants_secret());
}

#[test]
fn a_number_is_typed_and_a_wrong_one_asked_again_in_words() {
    let (mut l, _) = at("age");
    assert_eq!(said(&mut l, "old"), ["Please type a number, using digits."]);
    let out = said(&mut l, "200");
    assert_eq!(out, ["Please enter a number from 16 to 110 years."]);
    assert!(answer(&l, "age").is_none());
    let out = said(&mut l, "40");
    assert_eq!(out[0], "You answered: 40 years");
    assert_eq!(answer(&l, "age"), Some(&Answer::Number(40.0)));
    // The next part's title, once, then its question with numbered choices.
    has(&out, "1. Lower back");
    has(&out, "6. Shoulder, arm or hand");
    // The answer went to the journal, as the screen's does.
    assert!(matches!(l.app.effects.last(), Some(Effect::Journal(_))));
}

#[test]
fn several_choices_are_numbers_with_spaces_or_commas() {
    let (mut l, out) = at("main_area");
    has(
        &out,
        "Type the numbers of all that apply, with spaces or commas between them.",
    );
    let bad = said(&mut l, "1 9");
    assert_eq!(
        bad,
        ["Please type numbers from 1 to 6, with spaces between them."]
    );
    let out = said(&mut l, "1, 5");
    assert_eq!(out[0], "You answered: Lower back; Leg or foot");
}

#[test]
fn one_choice_is_a_number_or_its_words() {
    let (mut l, out) = at("before");
    has(&out, "1. Yes");
    has(&out, "2. No");
    assert_eq!(said(&mut l, "3"), ["Please type a number from 1 to 2."]);
    assert_eq!(said(&mut l, "no")[0], "You answered: No");
    let (mut l, _) = at("leg_spread_side");
    assert_eq!(said(&mut l, "3")[0], "You answered: Both sides");
}

#[test]
fn a_scale_says_its_labels_and_its_range() {
    let (mut l, out) = at("pain_now");
    has(
        &out,
        "Type a number from 0 to 10. 0 means No pain. 10 means Worst pain you can imagine.",
    );
    assert_eq!(said(&mut l, "11"), ["Please enter a number from 0 to 10."]);
    assert_eq!(
        said(&mut l, "lots"),
        ["Please choose a number from 0 to 10."]
    );
    assert_eq!(said(&mut l, "7")[0], "You answered: 7 out of 10");
}

#[test]
fn a_duration_is_a_number_and_a_unit_word() {
    let (mut l, _) = at("duration");
    assert_eq!(
        said(&mut l, "three"),
        ["Please type a number and a word, like 3 weeks."]
    );
    assert_eq!(said(&mut l, "3 weeks")[0], "You answered: 3 weeks");
    let (mut l, _) = at("duration");
    assert_eq!(said(&mut l, "1 y")[0], "You answered: 1 year");
}

#[test]
fn why_back_skip_and_help_are_typed() {
    let (mut l, _) = at("age");
    let why = said(&mut l, "why");
    assert!(why[0].starts_with("Why we ask: "), "{why:#?}");
    assert_eq!(
        said(&mut l, "back"),
        [
            "This is the first question.",
            "Question 1 of about 55",
            "How old are you?",
            "Type a number from 16 to 110 years."
        ]
    );
    assert_eq!(said(&mut l, "skip"), ["This question needs an answer."]);
    assert_eq!(said(&mut l, ""), ["Please type an answer to go on."]);
    assert_eq!(said(&mut l, "HELP").len(), 6);
    said(&mut l, "40");
    let back = said(&mut l, "back");
    has(
        &back,
        "Your answer now: 40 years. Press Enter to keep it, or type a new one.",
    );
    // Enter keeps it and goes on.
    has(&said(&mut l, ""), "1. Lower back");
    // An optional question is left out, its answer removed.
    let (mut l, out) = at("cough_sneeze");
    has(&out, "You may type skip to leave it out.");
    said(&mut l, "1");
    let (n, mut out) = (
        l.app.questionnaire.index_of("cough_sneeze").unwrap(),
        vec![],
    );
    l.ask(n, &mut out);
    assert_eq!(said(&mut l, "skip")[0], "No answer given.");
    assert!(answer(&l, "cough_sneeze").is_none());
}

#[test]
fn an_emergency_is_told_on_the_line_after_the_answer() {
    let (mut l, _) = at("rf_retention");
    let out = said(&mut l, "yes");
    assert_eq!(out[0], "You answered: Yes");
    let alerts = l.app.rules().alerts.clone();
    assert_eq!(out[1], alerts.emergency_notice);
    assert_eq!(out[2], alerts.emergency_title);
    assert_eq!(out[3], alerts.emergency);
    assert!(
        out[4].starts_with("The nerves at the base of the spine"),
        "{out:#?}"
    );
    // The next question waits for Enter: it is not said over the alert.
    assert_eq!(out.last().unwrap(), &l.words().emergency_ack);
    assert!(!out.iter().any(|x| x.starts_with("Question ")), "{out:#?}");
    let next = said(&mut l, "");
    assert!(next.iter().any(|x| x.starts_with("Question ")), "{next:#?}");
    assert!(
        l.app
            .effects
            .contains(&Effect::Alert(crate::findings::Level::Emergency))
    );
    // Told once: answering again says nothing more.
    let n = l.app.questionnaire.index_of("rf_retention").unwrap();
    l.ask(n, &mut Vec::new());
    let again = said(&mut l, "yes");
    assert!(!again.contains(&alerts.emergency_title), "{again:#?}");
}

#[test]
fn the_body_diagram_by_part_and_number() {
    let (mut l, out) = at("body_map");
    has(&out, "Nothing marked yet.");
    has(&out, "4. Legs");
    let places = said(&mut l, "4");
    assert_eq!(places[0], "Places in Legs:");
    let calf = places
        .iter()
        .position(|p| p.ends_with("YOUR LEFT calf, outer side"))
        .unwrap();
    let symptoms = said(&mut l, &calf.to_string());
    assert_eq!(
        symptoms[0],
        "What do you feel at YOUR LEFT calf, outer side? Type the numbers of all that apply."
    );
    has(&symptoms, "2. Numbness");
    let out = said(&mut l, "2");
    assert_eq!(out[0], "YOUR LEFT calf, outer side: numbness");
    let marks = answer(&l, "body_map").and_then(Answer::marks).unwrap();
    assert!(marks.has("left_calf_outer", Symptom::Numbness));
    assert_eq!(
        said(&mut l, "list")[1],
        "YOUR LEFT calf, outer side: numbness"
    );
}

#[test]
fn the_body_diagram_by_name_changed_and_cleared() {
    let (mut l, _) = at("body_map");
    let found = said(&mut l, "big toe");
    assert_eq!(found[0], "More than one place has that name:");
    let right = found
        .iter()
        .position(|p| p.contains("YOUR RIGHT big toe"))
        .unwrap();
    said(&mut l, &right.to_string());
    assert_eq!(said(&mut l, "1 3")[0], "YOUR RIGHT big toe: pain, tingling");
    // Chosen again, the place takes the new symptoms instead.
    said(&mut l, "big toe");
    said(&mut l, &right.to_string());
    assert_eq!(said(&mut l, "3")[0], "YOUR RIGHT big toe: tingling");
    said(&mut l, "big toe");
    said(&mut l, &right.to_string());
    assert_eq!(
        said(&mut l, "clear")[0],
        "Marks removed from YOUR RIGHT big toe."
    );
    assert!(answer(&l, "body_map").is_none());
    assert_eq!(
        said(&mut l, "done"),
        ["Please mark at least one place to go on."]
    );
    assert_eq!(
        said(&mut l, "elbow of the moon"),
        ["No place has that name. Try another word."]
    );
}

#[test]
fn quitting_asks_first_and_keeps_the_answers() {
    let (mut l, _) = at("age");
    let out = said(&mut l, "quit");
    assert!(out[0].starts_with("Do you want to stop now?"), "{out:#?}");
    let out = said(&mut l, "no");
    assert_eq!(out[0], "Going on.");
    assert!(l.running());
    said(&mut l, "quit");
    said(&mut l, "yes");
    assert!(!l.running());
}

/// After the summary only Enter finishes: a command is carried out, and
/// anything else is told how to finish, never taken as Enter.
#[test]
fn only_enter_finishes_after_the_summary() {
    let mut l = linear();
    l.start();
    l.stage = Stage::Summary;
    l.app.effects.clear();
    let end = "End of your summary. Press Enter to finish and save it.";
    assert_eq!(l.input("change 3"), [end]);
    has(&l.input("help"), "back: go back to the question before.");
    assert_eq!(l.stage, Stage::Summary);
    assert!(l.app.effects.is_empty(), "{:?}", l.app.effects);
    l.input("");
    assert_eq!(l.app.effects, [Effect::Finished]);
}

/// At a kiosk the next patient starts on a wiped terminal: nothing of the
/// last one's answers is left to scroll back to.
#[test]
fn the_next_patient_starts_on_a_wiped_terminal() {
    let mut l = kiosk::begun();
    assert!(l.wipe.is_none());
    // The host has saved and wiped the finished session.
    l.stage = Stage::Next;
    l.app.session = Session::new(&l.app.questionnaire, 2);
    let out = l.after_host();
    assert!(l.wipe.is_some(), "the runner is told to wipe");
    assert_eq!(out.last().unwrap(), "Press Enter to begin.");
}

/// Linear mode's own words point at nothing on a screen: no "above", no
/// arrows or clicks, no "any key" (a line is read only on Enter).
#[test]
fn linear_words_point_at_no_screen() {
    let cues = [
        "above",
        "below",
        "arrow",
        "click",
        "screen",
        "any key",
        "←",
        "→",
        "↑",
        "↓",
        "arriba",
        "abajo",
        "flecha",
        "clic",
        "pantalla",
        "cualquier tecla",
    ];
    for catalogue in [
        include_str!("../../assets/text/en.ron"),
        include_str!("../../assets/text/es.ron"),
    ] {
        let (_, linear) = catalogue.split_once("linear: LinearWords(").unwrap();
        let (linear, _) = linear.split_once("screen: ScreenWords(").unwrap();
        let said = linear.lines().filter(|l| !l.trim_start().starts_with("//"));
        for line in said {
            let line = line.to_lowercase();
            let cue = cues.iter().find(|c| line.contains(*c));
            assert!(cue.is_none(), "{cue:?} in linear words: {line}");
        }
    }
}
