//! A warning sign is told on the screen where it is answered: an emergency
//! takes the very next screen (and calls staff), an urgent sign shows a
//! notice before the patient goes on.

mod common;

use common::Harness;
use intake::findings::Level;
use intake::tui::app::{Effect, Notice, Screen};

fn alerts(h: &Harness) -> Vec<Level> {
    h.app
        .effects
        .iter()
        .filter_map(|e| match e {
            Effect::Alert(level) => Some(*level),
            _ => None,
        })
        .collect()
}

#[test]
fn a_yes_to_losing_bladder_control_shows_the_alert_next() {
    let mut h = Harness::new(80, 24);
    h.goto("rf_bladder");
    h.keys("y");
    assert_eq!(h.app.screen, Screen::Alert);
    assert_eq!(alerts(&h), [Level::Emergency]);
    let screen = h.rows().join("\n");
    assert!(screen.contains("tell a member of staff now"), "{screen}");
    assert!(
        !screen.contains("Question"),
        "not counted as a question:\n{screen}"
    );
    // Going on leads where the patient was going: the next warning sign.
    h.enter();
    assert_eq!(h.current_id().as_deref(), Some("rf_retention"));
    // Told once: a second emergency answer of the same sign does not repeat it.
    h.keys("y");
    assert_eq!(h.current_id().as_deref(), Some("rf_stream"));
    assert_eq!(alerts(&h), [Level::Emergency]);
}

#[test]
fn every_emergency_item_alerts_on_the_next_screen() {
    for id in [
        "rf_bladder",
        "rf_urine",
        "rf_bowel",
        "rf_saddle",
        "rf_sexual",
    ] {
        let mut h = Harness::new(80, 24);
        h.goto(id);
        h.keys("y");
        assert_eq!(h.app.screen, Screen::Alert, "{id}");
    }
}

#[test]
fn an_emergency_on_a_screen_that_stays_is_noticed_there_then_alerted_on_leaving() {
    let mut h = Harness::new(100, 30);
    h.goto("body_map");
    // Mark the saddle area with numbness, by the panel's own keys.
    let n = h.app.questionnaire.index_of("body_map").unwrap();
    h.app.open_item(n);
    let saddle = intake::body::BodyRegions::builtin()
        .regions
        .iter()
        .position(|r| r.id == "saddle")
        .unwrap();
    if let intake::tui::editor::Editor::Body { cursor, .. } = &mut h.app.editor {
        *cursor = saddle;
    }
    h.keys("n");
    assert_eq!(h.current_id().as_deref(), Some("body_map"));
    assert!(
        matches!(h.app.notice, Some(Notice::Urgent(_))),
        "{:?}",
        h.app.notice
    );
    let screen = h.rows().join("\n");
    assert!(screen.contains("needs care now"), "{screen}");
    // Back or forward, the next screen is the alert.
    h.key(ratatui::crossterm::event::KeyCode::Backspace);
    assert_eq!(h.app.screen, Screen::Alert);
}

#[test]
fn an_urgent_sign_is_noticed_on_its_own_screen_before_going_on() {
    let mut h = Harness::new(80, 24);
    h.goto("rf_fever");
    h.keys("y");
    assert_eq!(
        h.current_id().as_deref(),
        Some("rf_fever"),
        "stays to be read"
    );
    assert!(matches!(h.app.notice, Some(Notice::Urgent(_))));
    assert_eq!(alerts(&h), [Level::Urgent]);
    h.enter();
    assert_ne!(h.current_id().as_deref(), Some("rf_fever"));
    assert_ne!(h.app.screen, Screen::Alert);
}

#[test]
fn a_no_raises_nothing() {
    let mut h = Harness::new(80, 24);
    h.goto("rf_bladder");
    h.keys("n");
    assert_eq!(h.current_id().as_deref(), Some("rf_retention"));
    assert!(alerts(&h).is_empty());
}

#[test]
fn a_typed_answer_that_raises_a_sign_is_told_on_its_own_screen() {
    let mut h = Harness::new(80, 24);
    let q = h.app.questionnaire.clone();
    // A first episode of back pain: the age typed next makes it a sign.
    let mut s = h.app.session.clone();
    s.set(&q, "before", intake::answers::Answer::YesNo(false))
        .unwrap();
    h.app.set_session(s);
    h.goto("age");
    h.keys("56");
    h.enter();
    assert_eq!(
        h.current_id().as_deref(),
        Some("age"),
        "brought back to read it"
    );
    assert!(
        matches!(h.app.notice, Some(Notice::Urgent(_))),
        "{:?}",
        h.app.notice
    );
    h.enter();
    assert_eq!(h.current_id().as_deref(), Some("main_area"));
}

#[test]
fn an_emergency_answer_changed_back_before_leaving_is_not_alerted() {
    let mut h = Harness::new(80, 24);
    h.goto("rf_bladder");
    h.key(ratatui::crossterm::event::KeyCode::Down);
    h.keys(" ");
    assert!(matches!(h.app.notice, Some(Notice::Urgent(_))));
    h.key(ratatui::crossterm::event::KeyCode::Down);
    h.keys(" ");
    h.enter();
    assert_eq!(h.current_id().as_deref(), Some("rf_retention"));
    assert_ne!(h.app.screen, Screen::Alert);
    // Said yes again later, it is told again.
    h.goto("rf_bladder");
    h.keys("y");
    assert_eq!(h.app.screen, Screen::Alert);
}

/// A session left with a yes to `sign`, continued: the earlier answers are
/// offered back and taken.
fn resumed_with(sign: &str) -> Harness {
    use intake::answers::{Answer, Session};
    let mut h = Harness::new(80, 24);
    let q = h.app.questionnaire.clone();
    let mut earlier = Session::new(&q, 0);
    earlier.set(&q, "age", Answer::Number(40.0)).unwrap();
    earlier.set(&q, sign, Answer::YesNo(true)).unwrap();
    h.app.offer_resume(earlier);
    h.keys("y");
    h
}

#[test]
fn a_resumed_session_tells_its_signs_again() {
    let h = resumed_with("rf_fever");
    assert!(matches!(h.app.screen, Screen::Item(_)));
    // Told as earlier answers, not as the question on the screen.
    let resumed = h.app.rules().alerts.resumed.clone();
    assert_eq!(h.app.notice, Some(Notice::Urgent(resumed)));
}

/// An emergency in a continued session stays an emergency: the alert again,
/// then the notice that says care is needed now, whole on an 80-column line.
#[test]
fn a_resumed_emergency_is_told_as_an_emergency() {
    let mut h = resumed_with("rf_bladder");
    assert_eq!(h.app.screen, Screen::Alert);
    h.enter();
    let told = h.app.rules().alerts.resumed_emergency.clone();
    assert_eq!(h.app.notice, Some(Notice::Urgent(told.clone())));
    assert!(h.screen().contains(&told), "{}", h.screen());
}
