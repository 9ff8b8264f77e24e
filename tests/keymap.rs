//! The keymap is the one table of keys: the README's key table is made from
//! it, and a user's keymap file is checked like every other data file.

use std::path::Path;

use intake::cli::validate::check_bytes;
use intake::tui::keymap::{BUILTIN_KEYMAP, Keymap};

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
