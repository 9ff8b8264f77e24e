//! The keymap is the one table of keys: the README's key table is made from
//! it, and a user's keymap file is checked like every other data file.

mod common;

use std::path::Path;
use std::sync::Arc;

use common::Harness;
use ratatui::crossterm::event::KeyCode;

use intake::cli::validate::check_bytes;
use intake::tui::app::{App, Screen};
use intake::tui::keymap::{BUILTIN_KEYMAP, Keymap, parse_keymap};
use intake::tui::theme::Theme;
use ratatui::layout::Rect;

const BEGIN: &str = "<!-- keys: made from assets/keymap.ron; tests/keymap.rs checks it -->\n";
const END: &str = "<!-- /keys -->";

#[test]
fn the_readme_key_table_is_the_keymap() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let table = readme
        .split_once(BEGIN)
        .and_then(|(_, rest)| rest.split_once(END))
        .map(|(table, _)| table)
        .expect("the README has the key table between its markers");
    let expected = Keymap::builtin().markdown();
    assert!(
        table == expected,
        "the README's key table is not the keymap's; put this between the markers:\n{expected}"
    );
}

#[test]
fn validate_tells_a_keymap_and_places_its_problems() {
    let ok = check_bytes(Path::new("k.ron"), BUILTIN_KEYMAP.into()).unwrap();
    assert!(ok.starts_with("k.ron: ok (keymap"), "{ok}");
    let broken = BUILTIN_KEYMAP.replacen("[\"Ctrl-q\"]", "[\"Ctrl-qq\"]", 1);
    let line = broken.lines().position(|l| l.contains("Ctrl-qq")).unwrap() + 1;
    let e = check_bytes(Path::new("k.ron"), broken.into_bytes())
        .unwrap_err()
        .to_string();
    assert!(e.starts_with(&format!("k.ron:{line}:")), "{e}");
    assert!(e.contains("unknown key \"Ctrl-qq\""), "{e}");
}

#[test]
fn a_changed_key_is_the_one_the_screens_read_and_show() {
    let source = BUILTIN_KEYMAP
        .replacen("keys: [\"y\"]", "keys: [\"o\"]", 1)
        .replacen("keys: [\"p\"]", "keys: [\"F6\"]", 1);
    let mut h = Harness::new(80, 24);
    h.app.keymap = Arc::new(parse_keymap("k.ron", &source).unwrap());
    h.goto("body_map");
    let screen = h.rows().join("\n");
    assert!(screen.contains("F6 n t w s mark"), "{screen}");
    assert!(
        screen.contains("F6 /"),
        "the legend gives the key:\n{screen}"
    );
    h.key(KeyCode::F(6));
    assert!(h.answer("body_map").is_some());
    h.key(KeyCode::Esc);
    let screen = h.rows().join("\n");
    assert!(screen.contains("O  Leave"), "{screen}");
    h.keys("y");
    assert!(h.app.running(), "y no longer says yes");
    h.keys("o");
    assert!(!h.app.running());
}

#[test]
fn practice_reads_and_shows_the_keys_of_the_keymap_too() {
    let q = intake::content::questionnaire();
    let rules = intake::content::rules_for(&q).unwrap();
    let source = std::fs::read_to_string("cases/l5-radiculopathy.ron").unwrap();
    let case = intake::practice::Case::parse("l5.ron", &source, &q).unwrap();
    let keymap = BUILTIN_KEYMAP.replacen("keys: [\"F7\"]", "keys: [\"F8\"]", 1);
    let mut h = Harness::new(80, 24);
    h.app = App::practice(
        q,
        rules,
        case,
        false,
        Theme::mono(),
        Rect::new(0, 0, 80, 24),
    )
    .with_keymap(parse_keymap("k.ron", &keymap).unwrap());
    // The introduction names the bound key too.
    let intro = h.rows().join(" ");
    assert!(intro.contains("press F8 to"), "{intro}");
    h.enter();
    assert_eq!(h.app.screen, Screen::Interview);
    let screen = h.rows().join("\n");
    assert!(screen.contains("F8 impression"), "{screen}");
    // In the text box letters are typed, and the old key does nothing.
    h.keys("i");
    h.key(KeyCode::F(7));
    assert_eq!(h.app.screen, Screen::Interview);
    h.key(KeyCode::F(8));
    assert_eq!(h.app.screen, Screen::Impression(0));
}

/// A keymap that would shut staff in a kiosk is refused: leaving with the
/// PIN must work from every screen, and the PIN box must take Enter.
#[test]
fn a_keymap_that_hides_leaving_or_confirming_somewhere_is_refused() {
    let refused = |source: &str, what: &str| {
        let e = parse_keymap("k.ron", source).unwrap_err().to_string();
        assert!(e.contains(what), "{e}");
        assert!(e.starts_with("k.ron:"), "{e}");
    };
    // Enter confirms only outside text boxes: the PIN could not be given.
    let moved = BUILTIN_KEYMAP.replace(
        r#"(action: Confirm, keys: ["Enter"], context: Any,"#,
        r#"(action: Confirm, keys: ["Enter"], context: Commands,"#,
    );
    refused(&moved, "Confirm has no key that works in a text box");
    // Ctrl-q taken for help on the screens: staff could leave only from a box.
    let hidden = BUILTIN_KEYMAP.replace(
        r#"(action: StaffExit, keys: ["Ctrl-q"], context: Any,"#,
        r#"(action: Help, keys: ["Ctrl-q"], context: Commands, does: "help"),
        (action: StaffExit, keys: ["Ctrl-q"], context: Any,"#,
    );
    refused(
        &hidden,
        "StaffExit has no key that works on the other screens",
    );
}

/// A sentence that names a key names the one bound: the welcome screen's
/// "Press Enter to start." follows Confirm to another key.
#[test]
fn sentences_on_screen_name_the_bound_key() {
    let keymap = BUILTIN_KEYMAP.replacen(
        r#"(action: Confirm, keys: ["Enter"],"#,
        r#"(action: Confirm, keys: ["F9", "Enter"],"#,
        1,
    );
    let mut h = Harness::new(120, 40);
    h.app = h.app.with_keymap(parse_keymap("k.ron", &keymap).unwrap());
    let screen = h.rows().join("\n");
    assert!(screen.contains("Press F9 to start."), "{screen}");
    assert!(!screen.contains("Press Enter"), "{screen}");
}
