//! No way out of a kiosk without the staff PIN: on every screen and dialog,
//! a click on every cell, then every key that leaves in normal mode and a
//! "yes" to whatever dialog that opened, leaves the program running.

mod common;

use std::sync::{Arc, OnceLock};

use common::Harness;
use intake::answers::{Answer, Session};
use intake::findings::Rules;
use intake::kiosk::KioskConfig;
use intake::questionnaire::Questionnaire;
use intake::tui::Host;
use intake::tui::app::{App, Dialog, Effect, Screen};
use intake::tui::keymap::{Action, BUILTIN_KEYMAP, Keymap, parse_keymap};
use intake::tui::message::Msg;
use intake::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use ratatui::layout::Rect;

const W: u16 = 80;
const H: u16 = 24;

fn config() -> KioskConfig {
    // The PIN is never typed here; any valid hash will do.
    let hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$2c3bQ0mJgeYH1fVrD1dN8Zq3m8Yq1mQ0+u6b6Xn0b0E";
    let text = format!(
        "Kiosk(export_dir: \"/nonexistent/e\", state_dir: \"/nonexistent/s\", idle_timeout_secs: 120, idle_warning_secs: 30, resume_window_secs: 900, resume_check: \"age\", staff_pin_hash: \"{hash}\")"
    );
    KioskConfig::parse("kiosk.ron", &text).unwrap()
}

/// How to reach a state from a fresh kiosk app.
type Reach = Box<dyn Fn(&mut Harness)>;

/// The states a patient can reach, by name, each built afresh.
fn states() -> Vec<(&'static str, Reach)> {
    let item = |id: &'static str| -> Reach { Box::new(move |h| h.goto(id)) };
    let mut v: Vec<(&'static str, Reach)> = vec![
        ("welcome", Box::new(|_| {})),
        (
            "review",
            Box::new(|h| {
                h.goto("anything_else");
                h.enter();
            }),
        ),
        (
            "summary",
            Box::new(|h| {
                h.app
                    .session
                    .set(&h.app.questionnaire.clone(), "age", Answer::Number(40.0))
                    .unwrap();
                h.app.finished = true;
                h.app.screen = Screen::Summary;
            }),
        ),
        (
            "alert",
            Box::new(|h| {
                h.goto("rf_bladder");
                h.keys("y");
                assert_eq!(h.app.screen, Screen::Alert);
            }),
        ),
        (
            "start over",
            Box::new(|h| {
                h.goto("age");
                h.key(KeyCode::Esc);
                assert_eq!(h.app.dialog, Some(Dialog::StartOver));
            }),
        ),
        (
            "still there",
            Box::new(|h| {
                h.goto("age");
                h.app.update(Msg::Tick { idle: 95 });
                assert!(matches!(h.app.dialog, Some(Dialog::StillThere(_))));
            }),
        ),
        (
            "staff pin",
            Box::new(|h| {
                h.key_with(KeyCode::Char('q'), KeyModifiers::CONTROL);
                assert_eq!(h.app.dialog, Some(Dialog::StaffPin));
            }),
        ),
        (
            "clear all",
            Box::new(|h| {
                h.goto("body_map");
                h.keys("px");
                assert_eq!(h.app.dialog, Some(Dialog::ConfirmClearAll));
            }),
        ),
        (
            "visit code",
            Box::new(|h| {
                h.app.kiosk.as_mut().unwrap().visit_code =
                    Some(intake::visit_code::VisitCodeConfig {
                        asked_of: intake::visit_code::AskedOf::Staff,
                        pattern: "9999".into(),
                        may_skip: true,
                    });
                h.enter();
                assert_eq!(h.app.dialog, Some(Dialog::VisitCode));
            }),
        ),
        (
            "confirm owner",
            Box::new(|h| {
                let q = h.app.questionnaire.clone();
                let mut earlier = Session::new(&q, 0);
                earlier.set(&q, "age", Answer::Number(40.0)).unwrap();
                h.app.offer_resume(earlier);
                assert_eq!(h.app.dialog, Some(Dialog::ConfirmOwner));
            }),
        ),
    ];
    for id in [
        "age",
        "main_area",
        "duration",
        "onset",
        "pain_now",
        "leg_spread_side",
        "body_map",
        "goal",
        "rf_bladder",
    ] {
        v.push((id, item(id)));
    }
    v
}

/// A kiosk app; the questionnaire and rules are read once for all of them.
fn kiosk() -> Harness {
    static PROTO: OnceLock<(Questionnaire, Rules, KioskConfig)> = OnceLock::new();
    let (q, rules, k) = PROTO.get_or_init(|| {
        let h = Harness::new(W, H);
        (h.app.questionnaire.clone(), h.app.rules().clone(), config())
    });
    let app = App::new(
        q.clone(),
        Session::new(q, 0),
        Theme::mono(),
        Rect::new(0, 0, W, H),
    )
    .with_rules(rules.clone())
    .with_kiosk(k.clone());
    Harness {
        app,
        terminal: Terminal::new(TestBackend::new(W, H)).unwrap(),
    }
}

/// A "yes" to whatever dialog a click opened, by key and by its button.
/// (Enter answers no dialog yes; it is among the keys tried on each state.)
fn say_yes(app: &mut App) {
    let (yes, _) = intake::tui::layout::dialog_buttons(app.area);
    for msg in [
        Msg::Yes,
        Msg::Click {
            column: yes.x + 1,
            row: yes.y,
        },
    ] {
        app.update(msg);
    }
}

/// Everything that leaves in normal mode, and "yes" to any dialog.
fn try_to_leave(h: &mut Harness) {
    let (yes, no) = intake::tui::layout::dialog_buttons(h.app.area);
    for (code, m) in [
        (KeyCode::Esc, KeyModifiers::NONE),
        (KeyCode::Char('y'), KeyModifiers::NONE),
        (KeyCode::Char('c'), KeyModifiers::CONTROL),
        (KeyCode::Char('y'), KeyModifiers::NONE),
        (KeyCode::Char('\\'), KeyModifiers::CONTROL),
        (KeyCode::Char('z'), KeyModifiers::CONTROL),
        (KeyCode::Char('q'), KeyModifiers::CONTROL),
        (KeyCode::Enter, KeyModifiers::NONE),
    ] {
        h.key_with(code, m);
        assert!(h.app.running());
        for r in [yes, no] {
            h.app.update(Msg::Click {
                column: r.x + 1,
                row: r.y,
            });
            assert!(h.app.running());
        }
    }
}

#[test]
fn no_click_key_or_dialog_leaves_a_kiosk() {
    // Each state is reached once; every click starts from a copy of it, and
    // what the click asked of the runtime is carried out by a real host.
    let d = std::env::temp_dir().join(format!("intake-kiosk-exits-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    let mut host = Host::new(&d.join("state"), Some(d.join("exports"))).unwrap();
    // Journal writes (an fsync each) cannot end a program: leave them out.
    let mut carry_out = |app: &mut App| {
        app.effects.retain(|e| !matches!(e, Effect::Journal(_)));
        host.apply_or_report(app);
    };
    let mut clicks = 0;
    for (name, reach) in states() {
        let mut reached = kiosk();
        reach(&mut reached);
        carry_out(&mut reached.app);
        for row in 0..H {
            for column in 0..W {
                let mut app = reached.app.clone();
                app.update(Msg::Click { column, row });
                carry_out(&mut app);
                assert!(
                    app.running(),
                    "{name}: a click at {column},{row} left the kiosk"
                );
                say_yes(&mut app);
                carry_out(&mut app);
                assert!(app.running(), "{name}: yes after a click at {column},{row}");
                clicks += 1;
            }
        }
        try_to_leave(&mut reached);
        carry_out(&mut reached.app);
        assert!(reached.app.running(), "{name}: a leaving key");
    }
    assert!(clicks > 30_000);
    drop(host);
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn the_kiosk_screens_show_no_way_out() {
    for (name, reach) in states() {
        let mut h = kiosk();
        reach(&mut h);
        let screen = h.rows().join("\n");
        assert!(!screen.contains("Leave"), "{name}:\n{screen}");
        assert!(!screen.contains("Esc leave"), "{name}:\n{screen}");
    }
}

#[test]
fn outside_a_kiosk_the_same_paths_do_leave() {
    // The test above could pass with a kiosk that ignores every click; here
    // the welcome screen's Leave button and a yes do end a normal session.
    let mut h = Harness::new(W, H);
    let (column, row) = h.find("Leave");
    h.app.update(Msg::Click { column, row });
    assert_eq!(h.app.dialog, Some(Dialog::ConfirmQuit));
    h.keys("y");
    assert!(!h.app.running());
}

/// The built-in keymap with F9 bound to `action` too, as a user's file may.
fn with_f9(action: Action) -> Arc<Keymap> {
    let binding = format!("(action: {action:?}, keys: [\"F9\"], context: Any, does: \"\"),");
    let source = BUILTIN_KEYMAP.replacen("bindings: [", &format!("bindings: [\n{binding}"), 1);
    Arc::new(parse_keymap("user.ron", &source).unwrap())
}

#[test]
fn no_key_binding_makes_a_way_out_of_a_kiosk() {
    // Whatever a keymap binds, keys only give messages, and no message
    // leaves a kiosk but a right PIN: F9 bound to each action in turn,
    // pressed twice on every screen and dialog with a yes after each,
    // leaves the kiosk running.
    for action in Action::all() {
        let keymap = with_f9(action);
        for (name, reach) in states() {
            let mut h = kiosk();
            h.app.keymap = keymap.clone();
            reach(&mut h);
            for _ in 0..2 {
                h.key(KeyCode::F(9));
                say_yes(&mut h.app);
            }
            assert!(h.app.running(), "F9 as {action:?} on {name}");
        }
    }
    // The keys are read through the keymap given: F9 as StaffExit asks for
    // the PIN, and outside a kiosk F9 as Quit, then yes, leaves.
    let mut h = kiosk();
    h.app.keymap = with_f9(Action::StaffExit);
    h.key(KeyCode::F(9));
    assert_eq!(h.app.dialog, Some(Dialog::StaffPin));
    let mut h = Harness::new(W, H);
    h.app.keymap = with_f9(Action::Quit);
    h.key(KeyCode::F(9));
    h.keys("y");
    assert!(!h.app.running());
}
