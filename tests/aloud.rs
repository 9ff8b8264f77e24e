//! Read-aloud: where the computer can speak, the read-aloud key asks the
//! runtime to speak the question and its answers in the patient's language;
//! where it cannot, the key does nothing and nothing says it exists.

mod common;

use common::Harness;
use intake::questionnaire::Kind;
use intake::tui::app::{Effect, Screen};
use ratatui::crossterm::event::KeyCode;

fn spoken(h: &Harness) -> Vec<(String, String)> {
    h.app
        .effects
        .iter()
        .filter_map(|e| match e {
            Effect::Speak { text, language } => Some((text.clone(), language.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn the_key_reads_the_question_and_each_answer_where_there_is_a_voice() {
    let mut h = Harness::new(80, 24);
    h.key(KeyCode::F(3));
    assert!(spoken(&h).is_empty(), "no voice: nothing asked");
    h.app.speech = true;
    h.key(KeyCode::F(3));
    let said = spoken(&h);
    assert_eq!(said.len(), 1);
    // The warning first, as the screen puts it, then what this is, and how
    // to start.
    let q = &h.app.questionnaire;
    let warning = q.welcome_warning.clone().unwrap();
    let start = format!("{warning} {} Press Enter to start.", q.description);
    assert_eq!(said[0].0, start);
    assert_eq!(said[0].1, "en");
    h.app.effects.clear();
    let n = (0..h.app.questionnaire.items().count())
        .find(|&n| {
            matches!(
                h.app.item(n).kind,
                intake::questionnaire::Kind::Single { .. }
            )
        })
        .unwrap();
    h.app.screen = Screen::Item(n);
    h.key(KeyCode::F(3));
    let item = h.app.item(n).clone();
    let intake::questionnaire::Kind::Single { options } = &item.kind else {
        unreachable!()
    };
    let text = &spoken(&h)[0].0;
    assert!(text.starts_with(&item.prompt), "{text}");
    // Each answer in the order shown (the arrows choose, not numbers).
    let mut at = item.prompt.len();
    for o in options {
        let found = text[at..]
            .find(&format!(" {}.", o.label))
            .unwrap_or_else(|| panic!("{text}"));
        at += found + 1;
    }
}

#[test]
fn the_welcome_says_how_to_hear_a_question_only_where_there_is_a_voice() {
    let mut h = Harness::new(80, 24);
    let flat = |rows: Vec<String>| {
        rows.join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(!flat(h.rows()).contains("read aloud"));
    h.app.speech = true;
    let screen = flat(h.rows());
    assert!(
        screen.contains("To hear a question read aloud, press F3."),
        "{screen}"
    );
}

#[test]
fn a_spanish_patient_hears_spanish() {
    let mut h = Harness::new(80, 24);
    h.app = h.app.with_languages(vec!["en".into(), "es".into()]);
    h.app.use_language(1);
    h.app.speech = true;
    h.app.screen = Screen::Item(0);
    h.key(KeyCode::F(3));
    let said = spoken(&h);
    assert_eq!(said[0].1, "es");
    assert_eq!(
        said[0].0.split(' ').next(),
        h.app.item(0).prompt.split(' ').next()
    );
    assert!(said[0].0.starts_with('¿'), "{}", said[0].0);
}

/// A screen-reader user chooses plain lines on the welcome screen, whose
/// first line says how; the same app goes on (at a kiosk too, where only
/// the PIN leaves, in linear mode as on the screen).
#[test]
fn the_welcome_offers_linear_mode_first() {
    let mut h = Harness::new(80, 24);
    // The first line of the welcome's body, under the title.
    let rows = h.rows();
    let first = rows.iter().skip(1).find(|r| !r.trim().is_empty()).unwrap();
    assert!(
        first.contains("Screen reader or braille display? Press F4"),
        "{rows:#?}"
    );
    h.app.screen = Screen::Item(0);
    h.key(KeyCode::F(4));
    assert!(!h.app.wants_linear(), "only on the welcome screen");
    h.app.screen = Screen::Welcome;
    h.key(KeyCode::F(4));
    assert!(h.app.wants_linear(), "the screen ends for linear mode");
    assert!(h.app.running(), "and the app runs on");
    assert!(h.app.take_linear());
    assert!(!h.app.wants_linear());
}

/// What is said for the `kind` of question, at the first of that kind.
fn heard_at(h: &mut Harness, kind: fn(&Kind) -> bool) -> String {
    let n = (0..h.app.questionnaire.items().count())
        .find(|&n| kind(&h.app.item(n).kind))
        .unwrap();
    h.app.screen = Screen::Item(n);
    h.app.open_item(n);
    h.app.effects.clear();
    h.key(KeyCode::F(3));
    spoken(h).pop().unwrap().0
}

/// A patient who cannot read the screen hears how to answer each kind of
/// question, with the keys as the keymap binds them, said in words.
#[test]
fn each_question_says_how_to_answer_it() {
    let mut h = Harness::new(80, 24);
    h.app.speech = true;
    let yes_no = heard_at(&mut h, |k| matches!(k, Kind::YesNo));
    assert!(
        yes_no.ends_with(
            "Yes. No. Move with the up arrow and the down arrow. Press Enter to choose."
        ),
        "{yes_no}"
    );
    let multi = heard_at(&mut h, |k| matches!(k, Kind::Multi { .. }));
    assert!(
        multi.contains(
            "Press the space bar to tick each one that fits. Press Enter when you are done."
        ),
        "{multi}"
    );
    let scale = heard_at(&mut h, |k| matches!(k, Kind::Scale { .. }));
    assert!(scale.contains("Type a number from 0 to 10, or use the left arrow and the right arrow. Then press Enter."), "{scale}");
    let duration = heard_at(&mut h, |k| matches!(k, Kind::Duration { .. }));
    assert!(
        duration.contains("days, weeks, months or years"),
        "{duration}"
    );
    let body = heard_at(&mut h, |k| matches!(k, Kind::BodyMap));
    assert!(body.contains("press p for pain"), "{body}");
    assert!(body.contains("Press Enter when you are done."), "{body}");
    h.app.screen = Screen::Summary;
    h.key(KeyCode::F(3));
    let summary = spoken(&h).pop().unwrap().0;
    assert!(
        summary.contains("There are no more questions."),
        "{summary}"
    );
}

/// Where the cursor is (an answer, a place), what is typed so far, and a
/// problem shown under the answer are said: one who cannot see the screen
/// knows what Enter would do.
#[test]
fn the_cursor_what_is_typed_and_a_problem_are_said() {
    let mut h = Harness::new(80, 24);
    h.app.speech = true;
    let yes_no = heard_at(&mut h, |k| matches!(k, Kind::YesNo));
    assert!(
        !yes_no.contains("Now on"),
        "nothing pointed at yet: {yes_no}"
    );
    h.key(KeyCode::Down);
    h.key(KeyCode::F(3));
    let on = spoken(&h).pop().unwrap().0;
    assert!(on.ends_with("Now on: Yes."), "{on}");
    let body = heard_at(&mut h, |k| matches!(k, Kind::BodyMap));
    let place = h.app.content.regions.regions[0].spoken(&h.app.content.text.body);
    assert!(body.ends_with(&format!("Now on: {place}.")), "{body}");
    h.key(KeyCode::Enter);
    h.key(KeyCode::F(3));
    let problem = spoken(&h).pop().unwrap().0;
    assert!(problem.starts_with("Please mark"), "{problem}");
    let duration = heard_at(&mut h, |k| matches!(k, Kind::Duration { .. }));
    assert!(!duration.contains("Typed so far"), "{duration}");
    h.key(KeyCode::Char('3'));
    h.key(KeyCode::F(3));
    let typed = spoken(&h).pop().unwrap().0;
    assert!(typed.contains("Typed so far: 3 "), "{typed}");
}

/// The answer already given is said, in the words the screen shows.
#[test]
fn the_answer_given_is_said() {
    let mut h = Harness::new(80, 24);
    h.app.speech = true;
    let is_yes_no = |k: &Kind| matches!(k, Kind::YesNo);
    assert!(!heard_at(&mut h, is_yes_no).contains("Chosen"));
    h.key(KeyCode::Char('y'));
    let again = heard_at(&mut h, is_yes_no);
    assert!(again.ends_with("Chosen: Yes."), "{again}");
}

/// Where languages are offered, each is said by its own name with the key
/// that chooses it; in Spanish, the keys are said in Spanish.
#[test]
fn the_welcome_offers_the_languages_aloud_and_spanish_keys_are_said_in_spanish() {
    let mut h = Harness::new(80, 24);
    h.app = h.app.clone().with_languages(vec!["en".into(), "es".into()]);
    h.app.speech = true;
    h.key(KeyCode::F(3));
    let welcome = spoken(&h).pop().unwrap().0;
    assert!(
        welcome.starts_with("1: English. 2: Español. Press a number from 1 to 2"),
        "{welcome}"
    );
    h.app.use_language(1);
    let yes_no = heard_at(&mut h, |k| matches!(k, Kind::YesNo));
    assert!(
        yes_no.contains("Muévase con la flecha hacia arriba y la flecha hacia abajo."),
        "{yes_no}"
    );
}

/// The emergency alert is read out whole, with the sign it is for, and how
/// to go on: a patient who cannot see it must still hear it.
#[test]
fn the_emergency_alert_is_said_with_its_sign() {
    let mut h = Harness::new(80, 24);
    h.app.speech = true;
    h.goto("rf_bladder");
    h.keys("y");
    assert_eq!(h.app.screen, Screen::Alert);
    h.app.effects.clear();
    h.key(KeyCode::F(3));
    let alert = spoken(&h).pop().unwrap().0;
    assert!(alert.starts_with("Please get help now. "), "{alert}");
    assert!(alert.contains("tell a member of staff now"), "{alert}");
    assert!(
        alert.contains("The nerves at the base of the spine may be pressed on."),
        "{alert}"
    );
    assert!(alert.ends_with("press Enter to go on."), "{alert}");
}
