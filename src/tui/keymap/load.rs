//! Reading a keymap file: every problem is reported where it stands.

use serde::Deserialize;

use super::{
    Action, Binding, ByScreen, Context, Focus, Hint, HintScreen, Key, Keymap, first_key, letter,
    resolve,
};
use crate::answers::DurationUnit;
use crate::diagnostic::{Diagnostics, Problems};
use crate::text::Letters;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Keymap")]
struct KeymapFile {
    bindings: Vec<BindingSpec>,
    hints: ByScreen<Vec<HintSpec>>,
    quit_at_kiosk: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BindingSpec {
    action: Action,
    keys: Vec<String>,
    context: Context,
    does: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct HintSpec {
    show: Vec<Action>,
    label: String,
}

/// Reads a keymap: an unknown key name, one key given two actions in one
/// context, a key that types text bound where text is typed, or a required
/// action left with no key is reported where it stands.
pub fn parse_keymap(path: &str, source: &str) -> Result<Keymap, Diagnostics> {
    let file: KeymapFile =
        crate::questionnaire::parse_ron(path, source).map_err(|d| Diagnostics(vec![d]))?;
    let mut problems = Problems::new(path, source);
    let bindings = read_bindings(&file.bindings, &mut problems);
    for action in Action::all().into_iter().filter(|a| a.required()) {
        if !bindings
            .iter()
            .any(|b| b.action == action && !b.keys.is_empty())
        {
            problems.at(
                "bindings:",
                format!("{action:?} has no key: the screens need one"),
            );
        }
    }
    for problem in unreachable(&bindings) {
        problems.at("bindings:", problem);
    }
    let hints = file
        .hints
        .clone()
        .map(|screen, specs| hints(&bindings, screen, &specs));
    let keymap = Keymap {
        bindings,
        hints,
        hint_specs: file.hints,
        quit_at_kiosk: file.quit_at_kiosk,
    };
    // A translation's letters take English's place when it is chosen:
    // none may give two things on one screen, or hide a way out.
    let english = &crate::text::Text::builtin().letters;
    let translations = crate::languages::TRANSLATIONS.iter();
    for text in translations.filter_map(|t| crate::text::Text::builtin_in(t.language)) {
        let theirs = keymap.with_letters(english, &text.letters);
        let found = doubled(&theirs.bindings).into_iter();
        for problem in found.chain(unreachable(&theirs.bindings)) {
            problems.at("bindings:", format!("in {}: {problem}", text.name));
        }
    }
    problems.into_result(keymap)
}

/// Each way out of a kiosk that no key reaches somewhere.
fn unreachable(bindings: &[Binding]) -> Vec<String> {
    let missing = vital()
        .into_iter()
        .filter(|&(a, f)| first_key(bindings, a, f).is_none());
    missing
        .map(|(action, focus)| {
            format!(
                "{action:?} has no key that works {}: staff must be able to leave a kiosk with the PIN from every screen (another binding may hide it there)",
                focus.place()
            )
        })
        .collect()
}

/// Actions that must have a working key wherever the focus can be: staff
/// leave a kiosk from any screen, and the PIN is typed in a text box.
fn vital() -> Vec<(Action, Focus)> {
    let mut out = Vec::new();
    for focus in [Focus::Text, Focus::Scale, Focus::Body, Focus::Other] {
        for action in [Action::StaffExit, Action::Quit, Action::Confirm] {
            out.push((action, focus));
        }
    }
    out.push((Action::DeleteBack, Focus::Text));
    out
}

/// The bindings with their keys read; each problem is placed at its key,
/// found by walking the file's strings in order.
fn read_bindings(specs: &[BindingSpec], problems: &mut Problems) -> Vec<Binding> {
    let mut bindings: Vec<Binding> = Vec::new();
    let mut cursor = 0;
    for spec in specs {
        let mut keys = Vec::new();
        for name in &spec.keys {
            let raw = name.replace('\\', "\\\\").replace('"', "\\\"");
            let at = problems
                .locator()
                .string_after(cursor, &raw)
                .unwrap_or(cursor);
            cursor = at + 1;
            let Some(key) = Key::parse(name) else {
                problems.at_offset(at, format!(
                    "unknown key \"{name}\": a key is a character, 0-9, or a name (Up, Enter, PageDown, F1...), with Ctrl- or Alt- before it if wanted"
                ));
                continue;
            };
            if let Some(problem) = clash(&bindings, spec, key) {
                problems.at_offset(at, problem);
            }
            keys.push(key);
        }
        bindings.push(Binding {
            action: spec.action,
            keys,
            context: spec.context,
            does: spec.does.clone(),
        });
    }
    bindings
}

/// What is wrong with binding `key` for `spec`, given the bindings before it.
fn clash(before: &[Binding], spec: &BindingSpec, key: Key) -> Option<String> {
    let name = key.name();
    if key.types_text() && matches!(spec.context, Context::Any | Context::Text) {
        return Some(format!(
            "\"{name}\" types text in a text box: bind it in Commands, Scale or Body"
        ));
    }
    let other = before
        .iter()
        .filter(|b| b.context == spec.context && b.action != spec.action)
        .find(|b| b.keys.iter().any(|k| k.overlaps(key)))?;
    Some(format!(
        "\"{name}\" already gives {:?} in {:?}: one key, one action in a context",
        other.action, spec.context
    ))
}

/// A screen's hints: each action's key there, then the label. A hint none
/// of whose actions has a key there is left out: nothing could be pressed.
pub(super) fn hints(bindings: &[Binding], screen: HintScreen, specs: &[HintSpec]) -> Vec<Hint> {
    let focus = screen.focus();
    specs
        .iter()
        .filter_map(|spec| {
            let mut keys = String::new();
            let mut arrow = false;
            for key in spec
                .show
                .iter()
                .filter_map(|a| first_key(bindings, *a, focus))
            {
                // Arrows side by side join up: ↑↓.
                let glued = keys.is_empty() || (arrow && key.is_arrow());
                if !glued {
                    keys.push(' ');
                }
                keys += &key.glyph();
                arrow = key.is_arrow();
            }
            (!keys.is_empty()).then(|| Hint {
                keys,
                label: spec.label.clone(),
                quits: spec.show.contains(&Action::Quit),
                kept: spec.show.contains(&Action::Quit) || spec.show.contains(&Action::Help),
            })
        })
        .collect()
}

impl Keymap {
    /// What is wrong with a language's letters on this keymap (made for
    /// `english`'s): each must be one letter that gives its action where it
    /// is used, so no two on one screen are the same and no other key there
    /// hides one. Spanish "s" for yes and for sensitive is fine: a dialog
    /// and the body diagram are never read at once.
    pub fn letter_problems(&self, english: &Letters, letters: &Letters) -> Vec<String> {
        let keymap = self.with_letters(english, letters);
        let mut problems = unit_problems(letters);
        problems.extend(doubled(&keymap.bindings));
        for action in Action::all() {
            let Some(given) = letter(letters, action) else {
                continue;
            };
            let focus = match action {
                Action::Mark(_) => Focus::Body,
                _ => Focus::Other,
            };
            let key = Key::parse(given).filter(|k| k.types_text() && given.chars().count() == 1);
            let gives = key.and_then(|k| resolve(&keymap.bindings, k, focus));
            if gives != Some(action) {
                let gives = gives.map_or("nothing".to_string(), |a| format!("{a:?}"));
                problems.push(format!(
                    "letters: \"{given}\" for {action:?} gives {gives} {}: one letter each, none the same on one screen",
                    focus.place()
                ));
            }
        }
        problems
    }
}

/// Each key that gives two actions in one context.
fn doubled(bindings: &[Binding]) -> Vec<String> {
    let mut problems = Vec::new();
    for (n, one) in bindings.iter().enumerate() {
        let before = bindings[..n].iter();
        for o in before.filter(|o| o.context == one.context && o.action != one.action) {
            let same = |k: &&Key| o.keys.iter().any(|x| x.overlaps(**k));
            if let Some(k) = one.keys.iter().find(same) {
                let (key, a, c) = (k.name(), o.action, one.action);
                problems.push(format!(
                    "letters: \"{key}\" would give both {a:?} and {c:?}"
                ));
            }
        }
    }
    problems
}

/// What is wrong with the units' letters: each one letter, not a digit
/// (digits are the amount), and no two the same.
fn unit_problems(letters: &Letters) -> Vec<String> {
    let mut problems = Vec::new();
    for (n, u) in DurationUnit::ALL.iter().enumerate() {
        let letter = letters.unit(*u);
        let mut chars = letter.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_ascii_digit() => {}
            _ => problems.push(format!(
                "letters: the {u:?} letter \"{letter}\" must be one letter, not a digit"
            )),
        }
        if DurationUnit::ALL[..n]
            .iter()
            .any(|o| letters.unit(*o).to_lowercase() == letter.to_lowercase())
        {
            problems.push(format!(
                "letters: \"{letter}\" is the letter of two units on the same screen"
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::BUILTIN_KEYMAP;

    /// The error of the built-in keymap with `from` replaced by `to`, and
    /// the line of the change.
    fn broken(from: &str, to: &str) -> (String, usize) {
        assert!(BUILTIN_KEYMAP.contains(from), "{from}");
        let source = BUILTIN_KEYMAP.replacen(from, to, 1);
        let at = BUILTIN_KEYMAP.find(from).unwrap();
        let line = BUILTIN_KEYMAP[..at].matches('\n').count() + 1;
        let e = parse_keymap("k.ron", &source).expect_err("an error");
        (e.to_string(), line)
    }

    #[test]
    fn the_builtin_keymap_is_valid() {
        parse_keymap("assets/keymap.ron", BUILTIN_KEYMAP).unwrap();
    }

    #[test]
    fn an_unknown_key_is_reported_where_it_stands() {
        let (e, line) = broken("[\"Ctrl-q\"]", "[\"Ctlr-q\"]");
        assert!(e.starts_with(&format!("k.ron:{line}:")), "{e}");
        assert!(e.contains("unknown key \"Ctlr-q\""), "{e}");
    }

    #[test]
    fn an_unknown_action_is_reported_where_it_stands() {
        let (e, line) = broken("action: Flip,", "action: Flop,");
        assert!(e.starts_with(&format!("k.ron:{line}:")), "{e}");
        assert!(e.contains("Flop"), "{e}");
    }

    #[test]
    fn two_actions_on_one_key_in_one_context_are_reported_at_the_second() {
        // "n" is No in Commands; on the body diagram it is numbness, which
        // is allowed. A second "n" in Commands is not.
        let (e, line) = broken("keys: [\"i\"]", "keys: [\"n\"]");
        assert!(e.starts_with(&format!("k.ron:{line}:")), "{e}");
        assert!(e.contains("\"n\" already gives No in Commands"), "{e}");
        let (e, _) = broken("keys: [\"y\"]", "keys: [\"7\"]");
        assert!(e.contains("\"7\" already gives Digit in Commands"), "{e}");
    }

    #[test]
    fn a_key_that_types_text_is_refused_where_text_is_typed() {
        let (e, line) = broken("keys: [\"F2\"]", "keys: [\"t\"]");
        assert!(e.starts_with(&format!("k.ron:{line}:")), "{e}");
        assert!(e.contains("\"t\" types text in a text box"), "{e}");
    }

    #[test]
    fn a_required_action_with_no_key_is_reported() {
        let (e, _) = broken("keys: [\"Ctrl-q\"]", "keys: []");
        let line = BUILTIN_KEYMAP
            .lines()
            .position(|l| l.contains("bindings:"))
            .unwrap()
            + 1;
        assert!(e.starts_with(&format!("k.ron:{line}:")), "{e}");
        assert!(e.contains("StaffExit has no key"), "{e}");
        // An optional one may go.
        let source = BUILTIN_KEYMAP.replacen("keys: [\"F2\"]", "keys: []", 1);
        parse_keymap("k.ron", &source).unwrap();
    }
}
