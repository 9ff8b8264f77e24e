//! The answers read back before the summary, and a continued session.

use super::super::*;
use super::has;
use crate::answers::{Answer, Session};

/// A whole session's answers, read back as after its last question.
fn reviewed() -> (Linear, Vec<String>) {
    let mut l = super::linear();
    let text = include_str!("../../../examples/sessions/mechanical-low-back-pain.ron");
    l.app.set_session(Session::from_ron("s.ron", text).unwrap());
    let mut out = Vec::new();
    l.past_the_last(&mut out);
    (l, out)
}

#[test]
fn the_answers_are_read_back_numbered_a_page_at_a_time() {
    let (mut l, out) = reviewed();
    assert_eq!(out[0], "Please check your answers:");
    assert!(
        out[1].starts_with("1. How old are you? Answer: "),
        "{out:#?}"
    );
    // Ten at a time: a screen reader hears a page before it scrolls away.
    assert!(out[10].starts_with("10. "), "{out:#?}");
    let more = "Press Enter to hear more, or type change and a number, or done.";
    assert_eq!(out[11], more);
    let mut pages = vec![l.input("")];
    while pages.last().unwrap().last().unwrap() == more {
        pages.push(l.input(""));
    }
    assert!(pages[0][0].starts_with("11. "), "{pages:#?}");
    let last = pages.last().unwrap();
    let how = last.last().unwrap();
    assert!(how.starts_with("To change an answer, type change"), "{how}");
    let count = last[last.len() - 2].split('.').next().unwrap();
    let bad = format!("Please type change and a number from 1 to {count}, or done.");
    assert_eq!(l.input("change 0"), std::slice::from_ref(&bad));
    assert_eq!(l.input(&format!("change {count}0")), [bad]);
    // After the last page, Enter reads the first again.
    assert!(l.input("")[0].starts_with("1. How old"));
    let out = l.input("done");
    has(&out, "Your summary follows.");
    assert_eq!(l.stage, Stage::Summary);
}

#[test]
fn change_goes_back_to_that_question_then_back_to_the_review() {
    let (mut l, _) = reviewed();
    let out = l.input("change 1");
    has(&out, "How old are you?");
    let out = l.input("41");
    assert_eq!(out[0], "You answered: 41 years");
    has(&out, "1. How old are you? Answer: 41 years");
    // Enter keeps an answer, and the review comes back too.
    l.input("change 1");
    has(&l.input(""), "Please check your answers:");
}

/// A continued session is asked about in its own language, before any
/// choice of language; a new one then chooses.
#[test]
fn a_continued_session_is_asked_about_first_in_its_own_language() {
    let (mut l, _) = resumable("es", "age", Answer::Number(40.0));
    let out = l.start();
    assert_eq!(out.len(), 1, "the question alone, first: {out:#?}");
    assert!(
        out.last().unwrap().ends_with("Escriba sí o no."),
        "{out:#?}"
    );
    assert!(!out.contains(&"1. English".to_string()), "{out:#?}");
    let out = l.input("no");
    assert_eq!(
        out,
        [
            "Type the number of your language, then press Enter.",
            "Escriba el número de su idioma y pulse Enter.",
            "1. English",
            "2. Español"
        ]
    );
}

/// An emergency answered before the program stopped is told at once when
/// the session is continued.
#[test]
fn a_continued_emergency_is_told_at_once() {
    let (mut l, alerts) = resumable("en", "rf_retention", Answer::YesNo(true));
    l.start();
    let out = l.input("yes");
    has(&out, &alerts.emergency_title);
    has(&out, &alerts.emergency);
}

fn resumable(language: &str, id: &str, answer: Answer) -> (Linear, crate::findings::Alerts) {
    let mut l = super::linear();
    l.app = l.app.clone().with_languages(vec!["en".into(), "es".into()]);
    let q = l.app.questionnaire.clone();
    let mut earlier = Session::new(&q, 1);
    earlier.set(&q, id, answer).unwrap();
    earlier.language = (language != "en").then(|| language.to_string());
    l.app.offer_resume(earlier);
    let alerts = l.app.rules().alerts.clone();
    (l, alerts)
}

/// After an answer is changed, the review comes back on the page it was
/// changed from, not the first: a listener does not hear ten answers again.
#[test]
fn the_review_comes_back_on_the_page_an_answer_was_changed_from() {
    let (mut l, _) = reviewed();
    let page2 = l.input("");
    assert!(page2[0].starts_with("11. "), "{page2:#?}");
    l.input("change 12");
    let back = l.input("");
    assert_eq!(back[0], "Please check your answers:", "{back:#?}");
    assert!(back[1].starts_with("11. "), "{back:#?}");
}
