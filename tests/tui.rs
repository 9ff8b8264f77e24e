//! The terminal walk-through driven by key events on ratatui's TestBackend:
//! scripted sessions, snapshots of every screen kind, resize and tiny sizes.

mod common;

use common::{Harness, answer_on_screen};
use insta::assert_snapshot;
use intake::answers::{Answer, DurationUnit, Side};
use intake::body::View;
use intake::questionnaire::Kind;
use intake::tui::app::{Screen, SummaryTab};
use intake::tui::layout::BodyLayout;
use intake::tui::message::Msg;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

#[test]
fn keys_give_the_expected_answers() {
    let mut h = Harness::new(80, 24);
    h.enter(); // welcome
    assert_eq!(h.current_id().as_deref(), Some("age"));
    h.keys("4x5");
    h.enter();
    assert!(
        h.screen().contains("! Please type a number"),
        "a typo is reported"
    );
    assert_eq!(
        h.current_id().as_deref(),
        Some("age"),
        "and the patient stays"
    );
    h.key(KeyCode::Left);
    h.key(KeyCode::Backspace);
    h.enter();
    assert_eq!(h.answer("age"), Some(&Answer::Number(45.0)));

    // Multiple choice: Space ticks, Down moves.
    h.key(KeyCode::Char(' '));
    h.key(KeyCode::Down);
    h.key(KeyCode::Down);
    h.key(KeyCode::Down);
    h.key(KeyCode::Down);
    h.key(KeyCode::Char(' '));
    h.enter();
    assert_eq!(
        h.answer("main_area"),
        Some(&Answer::Choices(["low_back".into(), "leg".into()].into()))
    );

    // Duration: digits and a unit letter.
    h.keys("3m");
    h.enter();
    assert_eq!(
        h.answer("duration"),
        Some(&Answer::Duration {
            amount: 3,
            unit: DurationUnit::Months
        })
    );

    // Single choice: Enter alone picks nothing; pointing and Enter does.
    h.enter();
    assert!(h.screen().contains("! Please choose an answer to go on."));
    h.key(KeyCode::Down);
    h.key(KeyCode::Down);
    h.enter();
    assert_eq!(h.answer("onset"), Some(&Answer::Choice("lifting".into())));

    // Yes/no by letter.
    h.keys("n");
    assert_eq!(h.answer("before"), Some(&Answer::YesNo(false)));
    assert_eq!(h.current_id().as_deref(), Some("character"));

    // Back goes to the previous item and keeps its answer.
    h.key(KeyCode::Left);
    assert_eq!(h.current_id().as_deref(), Some("before"));
    assert_eq!(h.answer("before"), Some(&Answer::YesNo(false)));
    h.key(KeyCode::Right);
    assert_eq!(h.current_id().as_deref(), Some("character"));

    // Scale: "1" then "0" is 10; arrows adjust.
    h.key(KeyCode::Char(' '));
    h.enter();
    h.keys("10");
    assert_eq!(h.answer("pain_now"), Some(&Answer::Scale(10)));
    h.key(KeyCode::Left);
    assert_eq!(h.answer("pain_now"), Some(&Answer::Scale(9)));
    h.enter();
    assert_eq!(h.current_id().as_deref(), Some("pain_average"));
}

#[test]
fn typed_text_survives_going_back_and_forth() {
    let mut h = Harness::new(80, 24);
    h.goto("age");
    h.keys("abc");
    h.key_with(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(h.app.screen, Screen::Welcome);
    h.enter();
    assert!(
        h.screen().contains("│abc"),
        "the invalid text is still there"
    );
    assert_eq!(h.answer("age"), None);
}

#[test]
fn text_fields_have_a_cursor_and_editing_keys() {
    let mut h = Harness::new(80, 24);
    h.goto("goal");
    h.keys("walk the dog");
    h.key_with(KeyCode::Left, KeyModifiers::CONTROL); // before "dog"
    h.keys("big ");
    h.key(KeyCode::End);
    h.key_with(KeyCode::Char('w'), KeyModifiers::CONTROL); // delete "dog"
    h.keys("cat");
    h.screen();
    let cursor = h.terminal.get_cursor_position().unwrap();
    h.enter();
    assert_eq!(
        h.answer("goal"),
        Some(&Answer::Text("walk the big cat".into()))
    );
    // The cursor was right after the text, inside the box (one column of border).
    assert_eq!(cursor.x, 1 + 1 + "walk the big cat".len() as u16);
}

#[test]
fn text_longer_than_the_limit_is_refused_with_a_message() {
    let mut h = Harness::new(80, 24);
    h.goto("imaging_result"); // max 300
    h.keys(&"x".repeat(305));
    assert!(
        h.screen()
            .contains("! This answer can be at most 300 characters long.")
    );
    h.enter();
    assert_eq!(
        h.answer("imaging_result"),
        Some(&Answer::Text("x".repeat(300)))
    );
}

#[test]
fn required_items_block_until_answered_and_optional_ones_can_be_skipped() {
    let mut h = Harness::new(80, 24);
    h.goto("pain_now");
    h.enter();
    assert_eq!(h.current_id().as_deref(), Some("pain_now"));
    assert!(h.screen().contains("! Please choose an answer to go on."));
    h.goto("bend_reach"); // optional
    h.enter();
    assert_eq!(h.current_id().as_deref(), Some("sit_time"));
    assert_eq!(h.answer("bend_reach"), None);
}

#[test]
fn esc_and_ctrl_c_ask_before_leaving() {
    let mut h = Harness::new(80, 24);
    h.goto("age");
    h.key_with(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(
        h.screen()
            .contains("Do you want to leave the questionnaire now?")
    );
    h.keys("n");
    assert!(h.app.running());
    assert!(!h.screen().contains("Do you want to leave"));
    h.key(KeyCode::Esc);
    h.keys("y");
    assert!(!h.app.running());
}

#[test]
fn a_whole_session_by_keyboard_reaches_the_summary() {
    let mut h = Harness::new(80, 24);
    h.enter();
    let mut steps = 0;
    while matches!(h.app.screen, Screen::Item(_)) {
        answer_on_screen(&mut h);
        h.screen(); // drawing every step must not panic
        steps += 1;
        assert!(steps < 200, "stuck on {:?}", h.current_id());
    }
    assert_eq!(h.app.screen, Screen::Review);
    assert!(h.app.missing_required().is_empty());
    let p = h
        .app
        .session
        .progress(&h.app.questionnaire, h.app.content.regions);
    assert!(p.complete(), "{p:?}");
    h.key(KeyCode::End);
    h.enter();
    assert_eq!(h.app.screen, Screen::Summary);
    let screen = h.screen();
    assert!(
        screen.contains("This summary is not a diagnosis."),
        "{screen}"
    );
    assert!(screen.contains("What to do now"), "{screen}");
    let f = h.app.findings.as_ref().unwrap();
    assert_eq!(f.scores[0].value, "5.0 out of 10");
    assert!(h.app.finished);
    assert_eq!(
        h.answer("body_map")
            .map(|a| a.display(&Kind::BodyMap, &h.app.content)),
        Some("Face and front of the head: pain".into())
    );
}

#[test]
fn finishing_with_missing_answers_points_at_the_first() {
    let mut h = Harness::new(80, 24);
    h.goto("anything_else");
    h.enter(); // last item, optional: on to review
    assert_eq!(h.app.screen, Screen::Review);
    h.key(KeyCode::End);
    h.enter();
    assert_eq!(h.app.screen, Screen::Review);
    let screen = h.screen();
    assert!(
        screen.contains("required questions still need an answer"),
        "{screen}"
    );
    // Enter now opens the first missing one, and answering it returns to the review.
    h.enter();
    assert_eq!(h.current_id().as_deref(), Some("age"));
    h.keys("60");
    h.enter();
    assert_eq!(h.app.screen, Screen::Review);
}

#[test]
fn disabled_items_are_skipped_and_come_back_when_enabled() {
    let mut h = Harness::new(80, 24);
    h.goto("leg_weak");
    h.keys("n");
    assert_eq!(
        h.current_id().as_deref(),
        Some("arm_weak"),
        "the leg-weakness follow-ups are skipped"
    );
    h.key(KeyCode::Left);
    h.keys("y");
    assert_eq!(h.current_id().as_deref(), Some("leg_weak_side"));
    h.key(KeyCode::Down);
    h.enter();
    assert_eq!(h.answer("leg_weak_side"), Some(&Answer::Side(Side::Left)));
}

#[test]
fn the_mouse_picks_options_and_presses_buttons() {
    let mut h = Harness::new(80, 24);
    h.goto("onset");
    let (column, row) = h.find("Slowly, over days or weeks");
    h.app.update(Msg::Click { column, row });
    assert_eq!(h.answer("onset"), Some(&Answer::Choice("gradual".into())));
    let (column, row) = h.find("Next ▶");
    h.app.update(Msg::Click { column, row });
    assert_eq!(h.current_id().as_deref(), Some("before"));
    // A click on a scale number chooses it.
    h.goto("pain_now");
    let (column, row) = h.find("     7     ");
    h.app.update(Msg::Click {
        column: column + 5,
        row,
    });
    assert_eq!(h.answer("pain_now"), Some(&Answer::Scale(7)));
    // The Back button.
    let (column, row) = h.find("◀ Back");
    h.app.update(Msg::Click { column, row });
    assert_eq!(h.current_id().as_deref(), Some("character"));
    // The wheel moves through a list.
    h.goto("main_area");
    h.app.update(Msg::ScrollDown { column: 5, row: 8 });
    h.key(KeyCode::Char(' '));
    assert_eq!(
        h.answer("main_area"),
        Some(&Answer::Choices(["mid_back".into()].into()))
    );
}

#[test]
fn keys_that_do_not_apply_change_nothing() {
    let mut h = Harness::new(80, 24);
    h.goto("onset");
    let before = h.screen();
    for c in ['z', 'q', '9', '+', '-', '#'] {
        h.key(KeyCode::Char(c));
    }
    h.key(KeyCode::F(9));
    h.key(KeyCode::Insert);
    assert_eq!(h.screen(), before);
    assert_eq!(h.answer("onset"), None);
}

#[test]
fn a_tiny_terminal_gets_a_message_and_ignores_keys() {
    let mut h = Harness::new(80, 24);
    h.goto("age");
    h.resize(40, 10);
    let screen = h.screen();
    assert!(screen.contains("Please make this window"), "{screen}");
    assert!(screen.contains("40 × 10"), "{screen}");
    h.keys("33");
    h.enter();
    h.resize(80, 24);
    assert_eq!(h.current_id().as_deref(), Some("age"));
    assert!(!h.screen().contains("33"));
    for (w, h_) in [(1, 1), (0, 0), (59, 24), (80, 19), (250, 70)] {
        h.resize(w, h_);
        h.rows();
    }
}

#[test]
fn the_layout_reflows_on_resize() {
    let mut h = Harness::new(120, 40);
    h.goto("leg_spread");
    let wide = h.screen();
    assert!(wide.lines().any(|l| {
        l.contains("Does pain travel from your back into a leg? Choose the farthest place it")
    }));
    h.resize(60, 20);
    let narrow = h.screen();
    assert!(h.rows().iter().all(|l| l.chars().count() == 60));
    assert!(narrow.contains("Into the buttock or hip"));
}

/// One snapshot per screen kind and size.
#[test]
fn snapshots() {
    let screens: &[(&str, Option<&str>, &str)] = &[
        ("welcome", None, ""),
        ("number", Some("age"), "4x"),
        ("multi", Some("main_area"), " "),
        ("duration", Some("duration"), "3"),
        ("single", Some("onset"), ""),
        ("yesno", Some("before"), ""),
        ("scale", Some("pain_now"), "6"),
        ("side", Some("leg_spread_side"), ""),
        ("body", Some("body_map"), "p"),
        ("body_marked", Some("body_map"), "jjjpjjjtjjwjjjjjjn"),
        ("text", Some("goal"), "Walk my dog again"),
        ("why", Some("rf_saddle"), "?"),
    ];
    for (w, h_) in [(80, 24), (120, 40)] {
        for (name, item, keys) in screens {
            let mut h = Harness::new(w, h_);
            if let Some(id) = item {
                h.goto(id);
            }
            h.keys(keys);
            if *name == "number" {
                h.enter();
            }
            assert_snapshot!(format!("{name}_{w}x{h_}"), h.screen());
        }
        let mut h = Harness::new(w, h_);
        h.goto("anything_else");
        h.enter();
        assert_snapshot!(format!("review_{w}x{h_}"), h.screen());
        h.app.update(Msg::Quit);
        assert_snapshot!(format!("quit_{w}x{h_}"), h.screen());
    }
    let mut h = Harness::new(80, 24);
    h.resize(50, 12);
    assert_snapshot!("too_small", h.screen());
    // The summary of a session answered straight through.
    for (w, h_) in [(80, 24), (120, 40)] {
        let mut h = at_summary(w, h_);
        assert_snapshot!(format!("summary_{w}x{h_}"), h.screen());
        h.key(KeyCode::Tab);
        assert_snapshot!(format!("summary_doctor_{w}x{h_}"), h.screen());
    }
}

/// A session answered straight through, at its summary.
fn at_summary(w: u16, h_: u16) -> Harness {
    let mut h = Harness::new(w, h_);
    h.enter();
    while matches!(h.app.screen, Screen::Item(_)) {
        answer_on_screen(&mut h);
    }
    h.key(KeyCode::End);
    h.enter();
    assert_eq!(h.app.screen, Screen::Summary);
    h
}

#[test]
fn the_summary_shows_the_patient_first_and_switches_by_tab_or_click() {
    let mut h = at_summary(80, 24);
    assert_eq!(h.app.summary_tab, SummaryTab::Patient);
    assert!(h.screen().contains("What to do now"));
    assert!(
        h.screen().contains("Tab For your doctor"),
        "the hint says how"
    );
    // Scrolled down, then switched: the other view starts at its top.
    h.key(KeyCode::PageDown);
    h.key(KeyCode::Tab);
    assert_eq!(h.app.summary_tab, SummaryTab::Clinician);
    assert_eq!(h.app.summary_scroll, 0);
    let screen = h.screen();
    assert!(screen.contains("(•) For your doctor"), "{screen}");
    let report = h.app.summary_report();
    let first = report.clinician.sections[1].heading.clone();
    assert!(screen.contains(first.as_str()), "{first}: {screen}");
    assert!(screen.contains("Tab For you "), "{screen}");
    h.key(KeyCode::PageDown);
    assert!(
        h.app.summary_scroll > 0,
        "the clinician's view is longer than a screen"
    );
    // A click on a tab shows its view; on the shown one it changes nothing.
    let (x, y) = h.find("( ) For you");
    h.app.update(Msg::Click {
        column: x + 5,
        row: y,
    });
    assert_eq!(h.app.summary_tab, SummaryTab::Patient);
    assert_eq!(h.app.summary_scroll, 0);
    let (x, y) = h.find("(•) For you");
    h.app.update(Msg::Click { column: x, row: y });
    assert_eq!(
        (h.app.summary_tab, h.app.screen),
        (SummaryTab::Patient, Screen::Summary)
    );
    let (x, y) = h.find("( ) For your doctor");
    h.app.update(Msg::Click {
        column: x + 18,
        row: y,
    });
    assert_eq!(h.app.summary_tab, SummaryTab::Clinician);
    // Back to review and to the summary again: the patient's view first.
    h.key(KeyCode::Left);
    h.key(KeyCode::End);
    h.enter();
    assert_eq!(h.app.summary_tab, SummaryTab::Patient);
}

fn region(id: &str) -> usize {
    intake::body::BodyRegions::builtin()
        .regions
        .iter()
        .position(|r| r.id == id)
        .unwrap()
}

fn marks(h: &Harness) -> Vec<String> {
    match h.answer("body_map") {
        Some(a) => vec![a.display(&Kind::BodyMap, &h.app.content)],
        None => vec![],
    }
}

fn body_cursor(h: &Harness) -> usize {
    match &h.app.editor {
        intake::tui::editor::Editor::Body { cursor, .. } => *cursor,
        other => panic!("not on the body diagram: {other:?}"),
    }
}

#[test]
fn the_body_diagram_is_marked_by_keys() {
    let mut h = Harness::new(80, 24);
    h.goto("body_map");
    assert_eq!(body_cursor(&h), region("head_front"));
    h.key(KeyCode::Down);
    assert_eq!(body_cursor(&h), region("neck_front"));
    h.keys("p");
    h.keys("t");
    assert_eq!(marks(&h), ["Front of the neck: pain, tingling"]);
    h.keys("t");
    assert_eq!(marks(&h), ["Front of the neck: pain"]);
    h.keys("c");
    assert!(marks(&h).is_empty(), "c clears the region");
    // Tab walks the regions in table order.
    h.key(KeyCode::Tab);
    assert_eq!(body_cursor(&h), region("chest"));
    // Space marks with the last symptom used.
    h.keys("n");
    h.key(KeyCode::Tab);
    h.key(KeyCode::Char(' '));
    assert_eq!(marks(&h), ["Chest: numbness; Belly: numbness"]);
    // The panel says the marks in words.
    assert!(h.screen().contains("Belly: numbness"));
}

#[test]
fn a_place_is_found_by_typing_its_name() {
    let mut h = Harness::new(80, 24);
    h.goto("body_map");
    h.keys("/cal");
    // The cursor follows the first place found, and the list shows the others.
    assert_eq!(body_cursor(&h), region("left_calf"));
    let screen = h.screen();
    assert!(screen.contains("2 YOUR RIGHT calf"), "{screen}");
    // A digit picks from the list and ends the search: keys mark again.
    h.keys("2");
    assert_eq!(body_cursor(&h), region("right_calf"));
    h.keys("n");
    assert_eq!(marks(&h), ["Right calf: numbness"]);
    // Esc cancels a search and puts the cursor back; it does not ask to leave.
    h.keys("/heel");
    assert_eq!(body_cursor(&h), region("left_heel"));
    h.key(KeyCode::Esc);
    assert_eq!(body_cursor(&h), region("right_calf"));
    assert!(h.app.dialog.is_none(), "{:?}", h.app.dialog);
    // Enter keeps the place picked with the arrows; initials find it too.
    h.keys("/ltf");
    assert_eq!(body_cursor(&h), region("left_thigh_front"));
    h.enter();
    h.keys("/heel");
    h.key(KeyCode::Down);
    h.enter();
    assert_eq!(body_cursor(&h), region("right_heel"));
    assert_eq!(
        h.current_id().as_deref(),
        Some("body_map"),
        "Enter in the search stays"
    );
    // A name with no place says so.
    h.keys("/zzz");
    assert!(h.screen().contains("No place has that name"));
}

#[test]
fn page_down_moves_between_parts_of_the_body_and_arrows_go_round() {
    let mut h = Harness::new(80, 24);
    h.goto("body_map");
    h.key(KeyCode::PageDown);
    assert_eq!(body_cursor(&h), region("left_shoulder_front"));
    h.key(KeyCode::PageDown);
    h.key(KeyCode::PageDown);
    assert_eq!(body_cursor(&h), region("left_thigh_front"));
    h.key(KeyCode::PageDown);
    assert_eq!(body_cursor(&h), region("left_foot_top"));
    h.key(KeyCode::PageUp);
    assert_eq!(body_cursor(&h), region("left_thigh_front"));
    // Right off the front figure's edge reaches the back figure, same side.
    h.key(KeyCode::Right);
    h.key(KeyCode::Right);
    assert_eq!(body_cursor(&h), region("left_thigh_back"));
}

#[test]
fn paint_mode_marks_every_region_the_cursor_enters() {
    let mut h = Harness::new(80, 24);
    h.goto("body_map");
    let start = region("left_thigh_back");
    if let intake::tui::editor::Editor::Body { cursor, .. } = &mut h.app.editor {
        *cursor = start;
    }
    h.keys("w"); // weakness, and it becomes the brush
    h.keys("m");
    assert!(h.screen().contains("Paint mode on"));
    h.key(KeyCode::Down);
    h.key(KeyCode::Down);
    h.keys("m");
    h.key(KeyCode::Down);
    let answer = marks(&h).join("");
    assert!(answer.contains("Left thigh, back: weakness"), "{answer}");
    assert!(
        answer.contains("Left back of the knee: weakness"),
        "{answer}"
    );
    assert!(answer.contains("Left calf: weakness"), "{answer}");
    assert_eq!(
        answer.matches("weakness").count(),
        3,
        "paint mode off again: {answer}"
    );
}

/// A screen cell that a click on hits region `id`, on the figures as laid out.
fn cell_of(h: &Harness, id: &str) -> (u16, u16) {
    let n = h.app.questionnaire.index_of("body_map").unwrap();
    let widget = h.app.item_body(n).widget;
    let layout = BodyLayout::new(
        widget,
        View::Front,
        h.app.content.shapes(),
        h.app.figure_mode(),
    );
    let r = region(id);
    layout
        .placed()
        .iter()
        .find_map(|p| {
            let mut cells =
                (0..p.raster.height).flat_map(|y| (0..p.raster.width).map(move |x| (x, y)));
            let (x, y) = cells.find(|&(x, y)| p.raster.hit(x, y) == Some(r))?;
            Some((p.x + x, p.y + y))
        })
        .unwrap()
}

#[test]
fn the_mouse_moves_marks_and_paints_on_the_figure() {
    let mut h = Harness::new(80, 24);
    h.goto("body_map");
    let neck = cell_of(&h, "neck_front");
    h.app.update(Msg::Click {
        column: neck.0,
        row: neck.1,
    });
    assert_eq!(body_cursor(&h), region("neck_front"));
    assert!(marks(&h).is_empty(), "a click elsewhere only moves");
    h.app.update(Msg::Click {
        column: neck.0,
        row: neck.1,
    });
    assert_eq!(
        marks(&h),
        ["Front of the neck: pain"],
        "a click on the cursor marks"
    );
    // Dragging down the chest and belly paints them.
    for id in ["chest", "abdomen"] {
        let (column, row) = cell_of(&h, id);
        h.app.update(Msg::Drag { column, row });
    }
    assert_eq!(
        marks(&h),
        ["Front of the neck: pain; Chest: pain; Belly: pain"]
    );
    // A click outside the body does nothing.
    h.app.update(Msg::Click {
        column: 1,
        row: neck.1 + 10,
    });
    assert_eq!(body_cursor(&h), region("abdomen"));
}

#[test]
fn clearing_everything_asks_first() {
    let mut h = Harness::new(80, 24);
    h.goto("body_map");
    h.keys("p");
    h.keys("x");
    assert!(
        h.screen()
            .contains("Remove every mark from the body diagram?")
    );
    h.keys("n");
    assert_eq!(marks(&h).len(), 1);
    h.keys("x");
    h.keys("y");
    assert!(marks(&h).is_empty());
    assert!(
        h.app.running(),
        "answering the clear question does not leave"
    );
}

#[test]
fn a_narrow_window_shows_one_figure_and_f_switches() {
    // The narrowest screen: two figures of the height it has need more.
    let mut h = Harness::new(60, 24);
    h.goto("body_map");
    let screen = h.screen();
    assert!(
        screen.contains("FRONT") && !screen.contains("BACK"),
        "{screen}"
    );
    h.keys("f");
    let screen = h.screen();
    assert!(
        screen.contains("BACK") && !screen.contains("FRONT"),
        "{screen}"
    );
    assert_eq!(
        intake::body::BodyRegions::builtin().regions[body_cursor(&h)].view,
        intake::body::View::Back
    );
    // Too short for any figure: every region as a list.
    h.resize(80, 20);
    assert!(h.screen().contains("Face and front of the head"));
}

/// Thousands of random keys, clicks and resizes: the program may do anything
/// sensible but must never panic or draw outside the screen.
#[test]
fn random_input_never_panics() {
    let keys = [
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Enter,
        KeyCode::Backspace,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Delete,
        KeyCode::F(1),
        KeyCode::F(2),
        KeyCode::Char(' '),
        KeyCode::Char('y'),
        KeyCode::Char('n'),
        KeyCode::Char('p'),
        KeyCode::Char('x'),
        KeyCode::Char('m'),
        KeyCode::Char('f'),
        KeyCode::Char('1'),
        KeyCode::Char('0'),
        KeyCode::Char('7'),
        KeyCode::Char('w'),
        KeyCode::Char('é'),
        KeyCode::Char('腰'),
    ];
    for seed in 1..=4u64 {
        let mut h = Harness::new(80, 24);
        let mut state = seed.wrapping_mul(6364136223846793005);
        let mut next = |n: u64| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) % n
        };
        for _ in 0..800 {
            match next(20) {
                0 => {
                    let (w, hh) = (40 + next(200) as u16, 10 + next(60) as u16);
                    h.resize(w, hh);
                }
                1 => {
                    let (c, r) = (
                        next(h.app.area.width as u64) as u16,
                        next(h.app.area.height as u64) as u16,
                    );
                    h.app.update(Msg::Click { column: c, row: r });
                }
                2 => {
                    let (c, r) = (
                        next(h.app.area.width as u64) as u16,
                        next(h.app.area.height as u64) as u16,
                    );
                    h.app.update(Msg::Drag { column: c, row: r });
                }
                // Esc would end the walk at the leave question; answer it "no".
                3 => {
                    h.key(KeyCode::Esc);
                    h.keys("n");
                }
                _ => h.key(keys[next(keys.len() as u64) as usize]),
            }
            // A walk that found a way out ends there.
            if !h.app.running() {
                break;
            }
            h.rows();
        }
    }
}

#[test]
fn a_side_that_disagrees_with_the_diagram_is_checked_before_the_summary() {
    let path = "examples/sessions/l5-radiculopathy-foot-drop.ron";
    let text = std::fs::read_to_string(path).unwrap();
    let session = intake::answers::Session::from_ron(path, &text).unwrap();
    let mut h = Harness::with_session(100, 40, session);
    // The left sciatica of the example, but the right leg said (the list
    // opens on the answer given, Left).
    h.goto("leg_spread_side");
    h.key(KeyCode::Down);
    h.enter();
    assert_eq!(
        h.answer("leg_spread_side"),
        Some(&Answer::Side(Side::Right))
    );
    let mut visited = Vec::new();
    while h.current_id().as_deref() != Some("check_legs") {
        visited.push(h.current_id().unwrap());
        assert!(visited.len() < 20, "no check after {visited:?}");
        h.enter();
    }
    assert_eq!(visited.last().map(String::as_str), Some("body_map"));
    let screen = h.screen();
    assert!(
        screen.contains("Which leg does the pain from your back go down?"),
        "{screen}"
    );
    // "I am not sure": asked once, then on to the next questions.
    for _ in 0..4 {
        h.key(KeyCode::Down);
    }
    h.enter();
    assert_eq!(
        h.answer("check_legs"),
        Some(&Answer::Choice("not_sure".into()))
    );
    assert_eq!(h.current_id().as_deref(), Some("leg_weak"));

    h.goto("anything_else");
    h.enter();
    assert_eq!(h.app.screen, Screen::Review);
    h.key(KeyCode::End);
    h.enter();
    assert_eq!(h.app.screen, Screen::Summary);
    let screen = h.screen();
    assert!(
        screen.contains("! These answers do not match the body diagram."),
        "{screen}"
    );
    assert!(
        screen.contains("• Which leg the pain goes down"),
        "{screen}"
    );
    // The doctor's view says what was said, marked and answered.
    h.key(KeyCode::Tab);
    let screen = h.screen();
    assert!(
        screen.contains("  - Leg pain side, asked again: I am not sure"),
        "{screen}"
    );
}

/// The welcome warning belongs to the questionnaire: one without it shows
/// none, and the built-in one shows its own first.
#[test]
fn the_welcome_warning_is_the_questionnaires() {
    let mut h = Harness::new(120, 40);
    let warning = h.app.questionnaire.welcome_warning.clone().unwrap();
    let first = warning
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(h.rows().join("\n").contains(&first));
    let source = std::fs::read_to_string("tests/fixtures/tiny.ron").unwrap();
    let tiny = intake::questionnaire::parse_str("tiny.ron", &source).unwrap();
    assert!(tiny.welcome_warning.is_none());
    h.app.questionnaire = tiny;
    let screen = h.rows().join("\n");
    assert!(screen.contains("Tiny test questionnaire"), "{screen}");
    assert!(!screen.contains(&first), "{screen}");
}

/// The body diagram as a colour terminal shows it: two rows of the figure a
/// cell in half blocks (the snapshot keeps the characters, not the colours),
/// marks as symbols, the sides named over each figure.
#[test]
fn the_body_diagram_in_half_blocks() {
    for (w, h_) in [(80, 24), (120, 40), (200, 60)] {
        let mut h = Harness::new(w, h_);
        h.app.theme = intake::tui::theme::Theme::default_theme();
        h.goto("body_map");
        h.keys("/ltf");
        h.enter();
        h.keys("p");
        h.keys("/rc");
        h.enter();
        h.keys("n");
        let screen = h.screen();
        assert!(screen.contains('▀') || screen.contains('▄'), "{screen}");
        assert!(
            screen.contains("RIGHT") && screen.contains("LEFT"),
            "{screen}"
        );
        assert_snapshot!(format!("body_halves_{w}x{h_}"), screen);
    }
}

#[test]
fn a_search_picks_only_what_it_lists_and_says_how_many_more() {
    let mut h = Harness::new(80, 24);
    h.goto("body_map");
    h.keys("/left");
    let screen = h.screen();
    assert!(screen.contains("more. Type more of the name"), "{screen}");
    // A digit past the places listed picks nothing.
    h.keys("9");
    assert!(h.app.searching(), "9 is past the list:\n{screen}");
    h.key(KeyCode::Backspace);
    for _ in 0..40 {
        h.key(KeyCode::Down);
    }
    // The pick stays on the last place listed, and Enter goes there.
    let rows = h.rows();
    let picked = rows
        .iter()
        .find_map(|l| l.split_once("› ").map(|(_, p)| p.trim().to_string()))
        .expect("a place is picked");
    h.enter();
    let words = &h.app.content.text.body;
    let name = intake::body::BodyRegions::builtin().regions[body_cursor(&h)].spoken(words);
    assert!(picked.ends_with(name.as_str()), "{picked} / {name}");
}

#[test]
fn a_click_on_the_legend_chooses_what_clicks_mark() {
    let mut h = Harness::new(80, 24);
    h.goto("body_map");
    let (column, row) = h.find("= numbness");
    h.app.update(Msg::Click {
        column: column + 2,
        row,
    });
    assert!(marks(&h).is_empty(), "choosing marks nothing");
    let chest = cell_of(&h, "chest");
    for _ in 0..2 {
        h.app.update(Msg::Click {
            column: chest.0,
            row: chest.1,
        });
    }
    assert_eq!(marks(&h), ["Chest: numbness"]);
}

#[test]
fn a_long_list_of_marks_says_how_many_are_above_and_shows_the_last_whole() {
    let mut h = Harness::new(80, 24);
    h.goto("body_map");
    for _ in 0..20 {
        h.keys("p");
        h.key(KeyCode::Tab);
    }
    let screen = h.screen();
    assert!(screen.contains("more places above"), "{screen}");
    assert!(screen.contains("• "), "at least one mark shows:\n{screen}");
}

#[test]
fn shift_tab_on_the_body_diagram_goes_back_a_place_not_a_question() {
    let mut h = Harness::new(80, 24);
    h.goto("body_map");
    h.key(KeyCode::Tab);
    h.key(KeyCode::Tab);
    h.key(KeyCode::BackTab);
    assert_eq!(body_cursor(&h), region("neck_front"));
    assert_eq!(h.current_id().as_deref(), Some("body_map"));
    h.key(KeyCode::BackTab);
    h.key(KeyCode::BackTab);
    assert_eq!(
        body_cursor(&h),
        region("right_little_toe_side"),
        "round to the last"
    );
}
