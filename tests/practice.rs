//! Practice mode: the cases agree with the findings rules, scoring, and a
//! scripted session from the patient's opening words to the debrief.

mod common;

use std::fs;

use insta::assert_snapshot;
use intake::content;
use intake::findings::evaluate;
use intake::practice::{Case, Impression, score};
use intake::tui::keymap::Keymap;
use intake::tui::message::from_event;
use intake::tui::practice::{PracticeApp, Stage};
use intake::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

fn cases() -> Vec<(String, Case)> {
    let q = content::questionnaire();
    let mut out: Vec<(String, Case)> = fs::read_dir("cases")
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let name = p.display().to_string();
            let case = Case::parse(&name, &fs::read_to_string(&p).unwrap(), &q)
                .unwrap_or_else(|e| panic!("{e}"));
            (name, case)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn there_are_six_cases_covering_the_issue() {
    let ids: Vec<String> = cases().into_iter().map(|(_, c)| c.id).collect();
    for wanted in [
        "l4-radiculopathy",
        "l5-radiculopathy",
        "s1-radiculopathy",
        "cauda-equina",
        "mechanical-back-pain",
        "c6-radiculopathy",
    ] {
        assert!(
            ids.iter().any(|i| i == wanted),
            "{wanted} missing from {ids:?}"
        );
    }
}

#[test]
fn every_case_key_agrees_with_what_the_rules_find_in_its_answers() {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    for (name, case) in cases() {
        let f = evaluate(&q, &case.session(&q), &rules);
        let urgent = f
            .flags
            .iter()
            .any(|x| x.level <= intake::findings::Level::Urgent);
        assert_eq!(urgent, case.key.red_flags, "{name}: red flags");
        if case.key.level != "none" {
            assert_eq!(
                f.roots.first().map(|r| r.level.as_str()),
                Some(case.key.level.as_str()),
                "{name}: level"
            );
        }
        assert!(
            f.steps.iter().any(|s| s.id == case.key.next_step),
            "{name}: next step {} not in {:?}",
            case.key.next_step,
            f.steps
        );
        assert!(
            rules.steps.iter().any(|s| s.id == case.key.next_step),
            "{name}"
        );
    }
}

#[test]
fn validate_checks_cases_against_the_questionnaire() {
    let bin = env!("CARGO_BIN_EXE_intake");
    let ok = std::process::Command::new(bin)
        .arg("validate")
        .args(fs::read_dir("cases").unwrap().map(|e| e.unwrap().path()))
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let q = content::questionnaire();
    let good = fs::read_to_string("cases/l5-radiculopathy.ron").unwrap();
    for (from, to, message) in [
        (
            "\"onset\": Choice(\"lifting\")",
            "\"onset\": Choice(\"lifted\")",
            "there is no option \"lifted\"",
        ),
        (
            "\"left_big_toe\": [Numbness, Weakness]",
            "\"left_big_toes\": [Numbness]",
            "unknown body region \"left_big_toes\"",
        ),
        (
            "essential: [",
            "essential: [\"pain_level\", ",
            "unknown item \"pain_level\"",
        ),
        (
            "\"rf_fever\": YesNo(false),",
            "",
            "no answer to \"rf_fever\"",
        ),
    ] {
        let bad = good.replacen(from, to, 1);
        let e = Case::parse("c.ron", &bad, &q).unwrap_err().to_string();
        assert!(e.contains(message), "{e}");
        assert!(e.starts_with("c.ron:"), "{e}");
    }
}

#[test]
fn scoring_counts_essentials_and_the_three_parts_of_the_impression() {
    let q = content::questionnaire();
    let (_, case) = cases()
        .into_iter()
        .find(|(_, c)| c.id == "l5-radiculopathy")
        .unwrap();
    let essential: Vec<String> = case.essential(&q).iter().map(|i| i.id.clone()).collect();
    assert!(
        essential.contains(&"rf_bladder".to_string()),
        "warning signs are always essential"
    );
    assert!(essential.contains(&"foot_drop".to_string()));
    let right = Impression {
        red_flags: false,
        level: "L5".into(),
        next_step: "compression".into(),
    };
    let wrong = Impression {
        red_flags: true,
        level: "S1".into(),
        next_step: "first_steps".into(),
    };
    assert_eq!(score(&case, &q, &essential, &right, 300).score, 100);
    assert_eq!(score(&case, &q, &[], &wrong, 300).score, 0);
    let half: Vec<String> = essential.iter().step_by(2).cloned().collect();
    let d = score(
        &case,
        &q,
        &half,
        &Impression {
            level: "l5".into(),
            ..wrong.clone()
        },
        61,
    );
    assert!(d.level_right && !d.red_flags_right && !d.next_step_right);
    let share = half.len() as f64 / essential.len() as f64;
    assert_eq!(d.score, (60.0 * share + 40.0 / 3.0).round() as u32);
    assert_eq!(
        d.missed_essential.len() + d.asked_essential.len(),
        essential.len()
    );
    assert_eq!(d.seconds, 61);
}

fn press(app: &mut PracticeApp, code: KeyCode) {
    if let Some(msg) = from_event(
        &Event::Key(KeyEvent::new(code, KeyModifiers::NONE)),
        &Keymap::builtin(),
        app.focus(),
    ) {
        app.update(msg);
    }
}

fn draw(app: &PracticeApp, terminal: &mut Terminal<TestBackend>) -> String {
    terminal.draw(|f| app.view(f)).unwrap();
    terminal.backend().to_string()
}

/// The L5 case on an 80 x 24 practice screen.
fn l5_practice() -> PracticeApp {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let (_, case) = cases()
        .into_iter()
        .find(|(_, c)| c.id == "l5-radiculopathy")
        .unwrap();
    PracticeApp::new(q, rules, case, Theme::mono(), Rect::new(0, 0, 80, 24))
}

#[test]
fn a_scripted_practice_session_from_the_opening_words_to_the_debrief() {
    let q = content::questionnaire();
    let mut app = l5_practice();
    app.clock = || 1_000;
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let intro = draw(&app, &mut terminal);
    assert!(intro.contains("Daniel Mercer, 42 years old"));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.stage, Stage::Interview);
    app.clock = || 1_000 + 7 * 60 + 5;

    // Ask whatever matters for this patient, in the trainee's own order.
    let questions: Vec<String> = app.questions().iter().map(|i| i.id.clone()).collect();
    let ask = |app: &mut PracticeApp, id: &str| {
        let n = questions.iter().position(|q| q == id).unwrap();
        app.cursor = n;
        press(app, KeyCode::Enter);
    };
    for id in [
        "leg_spread",
        "body_map",
        "leg_weak",
        "heel_walk",
        "foot_drop",
        "big_toe",
        "numbness",
    ] {
        ask(&mut app, id);
    }
    let screen = draw(&app, &mut terminal);
    assert!(
        screen.contains("Patient: \"No.\"") || screen.contains("Patient: \"Yes.\""),
        "{screen}"
    );
    assert_eq!(
        app.recorded.get("foot_drop"),
        Some(&intake::answers::Answer::Side(intake::answers::Side::Left))
    );
    assert_snapshot!("practice_interview_80x24", screen);
    // Every warning sign but one.
    for item in q.items().filter(|i| i.red_flag && i.id != "rf_steroids") {
        ask(&mut app, &item.id);
    }

    // The impression: no warning signs, L5, prompt review.
    press(&mut app, KeyCode::Char('i'));
    // Enter alone picks nothing: the trainee must point at an answer.
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.stage, Stage::Impression(0));
    assert!(draw(&app, &mut terminal).contains("Choose an answer with"));
    press(&mut app, KeyCode::Down); // Yes
    press(&mut app, KeyCode::Down); // No
    press(&mut app, KeyCode::Enter);
    for _ in 0..9 {
        press(&mut app, KeyCode::Down); // none ... L5
    }
    press(&mut app, KeyCode::Enter);
    let steps = app.choices(2);
    let n = steps
        .iter()
        .position(|(id, _)| id == "compression")
        .unwrap();
    for _ in 0..=n {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.stage, Stage::Debrief);
    let d = app.debrief.clone().unwrap();
    assert!(
        d.red_flags_right && d.level_right && d.next_step_right,
        "{d:?}"
    );
    assert_eq!(d.missed_essential, ["rf_steroids"]);
    assert_eq!(d.seconds, 425);
    let md = app.debrief_markdown().unwrap();
    assert!(
        md.contains("- Missed: Any long-term oral steroids?"),
        "{md}"
    );
    assert!(md.contains("Time taken: 7 min 5 s"));
    assert_snapshot!("practice_debrief_80x24", draw(&app, &mut terminal));

    // The debrief is saved as Markdown, privately.
    let dir = std::env::temp_dir().join(format!("intake-practice-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    press(&mut app, KeyCode::Char('e'));
    assert!(app.wants_export);
    let said = intake::tui::practice::save_debrief(&app, &dir);
    assert!(said.starts_with("Saved "), "{said}");
    let saved: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(fs::read_to_string(&saved[0]).unwrap(), md);
    fs::remove_dir_all(&dir).unwrap();

    press(&mut app, KeyCode::Esc);
    assert!(!app.running);
}

#[test]
fn interviewer_mode_shows_the_interviewer_wording_and_why() {
    let mut h = common::Harness::new(80, 24);
    h.app.interviewer = true;
    h.goto("rf_saddle");
    let screen = h.screen();
    assert!(
        screen.contains("Any numbness in the groin, between the legs or around the back passage?"),
        "{screen}"
    );
    assert!(screen.contains("Why we ask"), "{screen}");
}

#[test]
fn recording_by_hand_uses_the_questionnaire_screens_and_the_debrief_checks_it() {
    let mut app = l5_practice();
    app.manual = true;
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    press(&mut app, KeyCode::Enter);
    let at = |app: &PracticeApp, id: &str| app.questions().iter().position(|i| i.id == id).unwrap();

    // Ask how it began: the reply shows, nothing is recorded yet.
    app.cursor = at(&app, "onset");
    press(&mut app, KeyCode::Enter);
    assert!(app.recorded.get("onset").is_none());
    assert!(draw(&app, &mut terminal).contains("Press Enter again to record"));
    // Enter again opens the questionnaire's screen, in interviewer wording.
    press(&mut app, KeyCode::Enter);
    assert!(app.recorder.is_some());
    assert!(draw(&app, &mut terminal).contains("How did it begin?"));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down); // "Suddenly, while lifting..."
    press(&mut app, KeyCode::Enter);
    assert!(
        app.recorder.is_none(),
        "leaving the item ends the recording"
    );
    assert_eq!(
        app.recorded.get("onset"),
        Some(&intake::answers::Answer::Choice("lifting".into()))
    );

    // The age, typed into the recorder's own field (letters are text there).
    app.cursor = at(&app, "age");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus(), intake::tui::message::Focus::Text);
    for c in "24".chars() {
        press_text(&mut app, c);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.recorded.get("age"),
        Some(&intake::answers::Answer::Number(24.0))
    );

    // Esc while recording cancels without changing anything.
    app.cursor = at(&app, "before");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert!(app.recorder.is_none() && app.recorded.get("before").is_none());

    press(&mut app, KeyCode::Char('i'));
    for _ in 0..3 {
        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Enter);
    }
    assert_eq!(app.stage, Stage::Debrief);
    let screen = draw(&app, &mut terminal);
    // Onset right, age wrong (the patient is 42), "before" never recorded.
    assert!(
        screen.contains("Answers recorded as the patient gave them: 1 of 3."),
        "{screen}"
    );
    assert!(
        screen.contains("! Recorded differently: How old are you?"),
        "{screen}"
    );
}

/// A typed character, read as the practice app's focus says.
fn press_text(app: &mut PracticeApp, c: char) {
    let event = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    if let Some(msg) = from_event(&event, &Keymap::builtin(), app.focus()) {
        app.update(msg);
    }
}
