//! One keymap: which key gives which action where, and the words shown for
//! it. Key handling (`message`), the hints line of every screen and the
//! README's key table are all read from it, so they cannot disagree. The
//! built-in one is assets/keymap.ron; a user's file replaces it (`--keymap`).

mod key;
mod load;

use std::sync::{Arc, OnceLock};

use ratatui::crossterm::event::KeyEvent;
use serde::Deserialize;

use crate::body::Symptom;
use crate::text::Letters;

pub use key::Key;
pub use load::parse_keymap;

pub const BUILTIN_KEYMAP: &str = include_str!("../../../assets/keymap.ron");

/// Declares `Action` with its list of every action from one list of names,
/// so that no action can be missing from what the checks walk.
macro_rules! actions {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// What a key does. Screens read the message an action gives, never the key.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
        pub enum Action {
            $($(#[$doc])* $name,)*
            /// Body diagram: mark this symptom here.
            Mark(Symptom),
        }

        impl Action {
            /// Every action a keymap can bind.
            pub fn all() -> Vec<Action> {
                let mut all = vec![$(Action::$name),*];
                all.extend(Symptom::ALL.map(Action::Mark));
                all
            }
        }
    };
}

actions! {
    /// Ask before leaving (at a kiosk: offer to start over).
    Quit,
    /// Like Quit, except at a kiosk, where it does nothing.
    Interrupt,
    /// Staff asking to leave a kiosk: the PIN follows.
    StaffExit,
    Confirm,
    Back,
    NextField,
    /// The body diagram: the place before, in table order.
    PrevField,
    Help,
    ToggleTheme,
    /// Read the question and its answers aloud, where speech is installed.
    ReadAloud,
    /// The welcome screen: go on in linear mode (plain lines for a screen
    /// reader or braille display).
    Linear,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Toggle,
    /// The digit pressed, on a scale.
    Digit,
    Yes,
    No,
    /// Practice: give your impression.
    Impression,
    /// Practice: save the debrief.
    SaveDebrief,
    /// Practice: the list of questions (a hint, which costs points).
    QuestionList,
    /// Practice: the trainee's body diagram.
    Map,
    Flip,
    /// The body diagram: find a place by name.
    Find,
    Paint,
    ClearPlace,
    ClearAll,
    CharLeft,
    CharRight,
    WordLeft,
    WordRight,
    LineStart,
    LineEnd,
    DeleteBack,
    DeleteForward,
    DeleteWordBack,
    DeleteToStart,
    DeleteToEnd,
}

impl Action {
    /// Whether a keymap must give it a key: without one, the screens could
    /// not be used from the keyboard, or staff could not leave a kiosk.
    pub fn required(self) -> bool {
        use Action::*;
        matches!(
            self,
            Quit | StaffExit
                | Confirm
                | Back
                | NextField
                | Help
                | Up
                | Down
                | Left
                | Right
                | Toggle
                | Yes
                | No
                | SaveDebrief
                | Mark(_)
                | Flip
                | Find
                | DeleteBack
        )
    }
}

/// Where a binding holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Context {
    /// Everywhere, in text boxes too.
    Any,
    /// Everywhere but in a text box, where the same keys type.
    Commands,
    Text,
    Scale,
    Body,
}

/// What has the keyboard, so keys can be read accordingly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// A text or number field: printable keys are typed.
    Text,
    /// A 0-10 scale.
    Scale,
    /// The body diagram.
    Body,
    Other,
}

impl Focus {
    /// The contexts whose bindings hold here, the most specific first.
    pub fn contexts(self) -> &'static [Context] {
        use Context::*;
        match self {
            Focus::Text => &[Text, Any],
            Focus::Scale => &[Scale, Commands, Any],
            Focus::Body => &[Body, Commands, Any],
            Focus::Other => &[Commands, Any],
        }
    }

    /// Where this focus is, for messages.
    pub fn place(self) -> &'static str {
        match self {
            Focus::Text => "in a text box (the PIN box too)",
            Focus::Scale => "on a 0-10 scale",
            Focus::Body => "on the body diagram",
            Focus::Other => "on the other screens",
        }
    }
}

/// Keys that give an action in a context.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub action: Action,
    pub keys: Vec<Key>,
    pub context: Context,
    /// What it does, for the README's key table.
    pub does: String,
}

/// The screens whose hints line the keymap gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HintScreen {
    Welcome,
    Review,
    Summary,
    Alert,
    /// A question with a text or number box.
    Text,
    Duration,
    Scale,
    /// A single choice or a yes/no question.
    Choice,
    Multi,
    Body,
    /// Finding a place on the body diagram by name.
    Find,
    Info,
    /// Practice mode's screens.
    Opening,
    Interview,
    /// Practice: a list to choose from (what a question meant, or the
    /// list of questions).
    Pick,
    /// Practice: the trainee's map, on the body diagram.
    Map,
    Impression,
    /// Practice: why the trainee concluded what they did, typed.
    Reasoning,
    Debrief,
}

impl HintScreen {
    /// How the screen reads keys, for the keys its hints show.
    pub fn focus(self) -> Focus {
        use HintScreen::*;
        match self {
            Text | Duration | Find | Interview | Reasoning => Focus::Text,
            Scale => Focus::Scale,
            Body | Map => Focus::Body,
            Welcome | Review | Summary | Alert | Choice | Multi | Info | Opening | Pick
            | Impression | Debrief => Focus::Other,
        }
    }
}

/// Something for each screen with hints, as the keymap file names them;
/// a screen left out is a compile error here and a positioned one there.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ByScreen<T> {
    welcome: T,
    review: T,
    summary: T,
    alert: T,
    text: T,
    duration: T,
    scale: T,
    choice: T,
    multi: T,
    body: T,
    find: T,
    info: T,
    opening: T,
    interview: T,
    pick: T,
    map: T,
    impression: T,
    reasoning: T,
    debrief: T,
}

impl<T> ByScreen<T> {
    fn get(&self, screen: HintScreen) -> &T {
        use HintScreen::*;
        match screen {
            Welcome => &self.welcome,
            Review => &self.review,
            Summary => &self.summary,
            Alert => &self.alert,
            Text => &self.text,
            Duration => &self.duration,
            Scale => &self.scale,
            Choice => &self.choice,
            Multi => &self.multi,
            Body => &self.body,
            Find => &self.find,
            Info => &self.info,
            Opening => &self.opening,
            Interview => &self.interview,
            Pick => &self.pick,
            Map => &self.map,
            Impression => &self.impression,
            Reasoning => &self.reasoning,
            Debrief => &self.debrief,
        }
    }

    fn map<U>(self, mut f: impl FnMut(HintScreen, T) -> U) -> ByScreen<U> {
        use HintScreen::*;
        ByScreen {
            welcome: f(Welcome, self.welcome),
            review: f(Review, self.review),
            summary: f(Summary, self.summary),
            alert: f(Alert, self.alert),
            text: f(Text, self.text),
            duration: f(Duration, self.duration),
            scale: f(Scale, self.scale),
            choice: f(Choice, self.choice),
            multi: f(Multi, self.multi),
            body: f(Body, self.body),
            find: f(Find, self.find),
            info: f(Info, self.info),
            opening: f(Opening, self.opening),
            interview: f(Interview, self.interview),
            pick: f(Pick, self.pick),
            map: f(Map, self.map),
            impression: f(Impression, self.impression),
            reasoning: f(Reasoning, self.reasoning),
            debrief: f(Debrief, self.debrief),
        }
    }
}

/// One hint of a screen: the keys as shown, and what they do there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub keys: String,
    pub label: String,
    /// It shows Quit, which a kiosk words differently (`quit_at_kiosk`).
    pub quits: bool,
    /// It shows Quit or Help: a hints line too narrow for every hint drops
    /// others first, as these are the way out and the way to be helped.
    pub kept: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
    hints: ByScreen<Vec<Hint>>,
    /// The hints as the file gives them, to show other letters' keys.
    hint_specs: ByScreen<Vec<load::HintSpec>>,
    /// The label of a Quit hint at a kiosk, where Esc starts over.
    pub quit_at_kiosk: String,
}

impl Keymap {
    /// assets/keymap.ron, read once.
    pub fn builtin() -> Arc<Keymap> {
        static KEYMAP: OnceLock<Arc<Keymap>> = OnceLock::new();
        KEYMAP
            .get_or_init(|| {
                let keymap = parse_keymap("assets/keymap.ron", BUILTIN_KEYMAP)
                    .unwrap_or_else(|e| panic!("assets/keymap.ron is valid (tested): {e}"));
                Arc::new(keymap)
            })
            .clone()
    }

    /// The action of a key pressed with this focus, if any.
    pub fn action(&self, event: &KeyEvent, focus: Focus) -> Option<Action> {
        let key = Key::of(event);
        self.find(key, focus)
            .or_else(|| key.unmodified().and_then(|k| self.find(k, focus)))
    }

    fn find(&self, pressed: Key, focus: Focus) -> Option<Action> {
        resolve(&self.bindings, pressed, focus)
    }

    /// The key a hint shows for an action with this focus: the first bound
    /// to it, in the order of the file.
    pub fn key_for(&self, action: Action, focus: Focus) -> Option<Key> {
        first_key(&self.bindings, action, focus)
    }

    pub fn hints(&self, screen: HintScreen) -> &[Hint] {
        self.hints.get(screen)
    }

    /// This keymap for another language's letters: a key that is the letter
    /// `from` names for its action (yes, no, a mark) becomes the one `to`
    /// names, hints and all; a keymap's own other keys stay as they are.
    pub fn with_letters(&self, from: &Letters, to: &Letters) -> Keymap {
        let mut bindings = self.bindings.clone();
        for b in &mut bindings {
            let old = letter(from, b.action).and_then(Key::parse);
            let new = letter(to, b.action).and_then(Key::parse);
            let (Some(old), Some(new)) = (old, new) else {
                continue;
            };
            b.keys
                .iter_mut()
                .filter(|k| **k == old)
                .for_each(|k| *k = new);
        }
        let specs = self.hint_specs.clone();
        Keymap {
            hints: specs
                .clone()
                .map(|screen, s| load::hints(&bindings, screen, &s)),
            bindings,
            hint_specs: specs,
            quit_at_kiosk: self.quit_at_kiosk.clone(),
        }
    }

    /// The README's key table: a row for each thing a key does, in the
    /// order of the file, with every key that does it.
    pub fn markdown(&self) -> String {
        let mut rows: Vec<(&str, Vec<String>)> = Vec::new();
        for b in &self.bindings {
            let keys = b
                .keys
                .iter()
                .map(|k| format!("`{}`", k.name().replace('|', "\\|")));
            match rows.iter_mut().find(|(does, _)| *does == b.does) {
                Some((_, row)) => row.extend(keys),
                None => rows.push((&b.does, keys.collect())),
            }
        }
        let mut out = String::from("| key | does |\n|---|---|\n");
        for (does, keys) in rows {
            out += &format!("| {} | {does} |\n", keys.join(" or "));
        }
        out
    }
}

/// The catalogue's letter for an action, where a language names one.
pub(super) fn letter(letters: &Letters, action: Action) -> Option<&str> {
    match action {
        Action::Yes => Some(&letters.yes),
        Action::No => Some(&letters.no),
        Action::Mark(s) => Some(letters.marks.get(s)),
        _ => None,
    }
}

/// `Keymap::key_for` of these bindings.
fn first_key(bindings: &[Binding], action: Action, focus: Focus) -> Option<Key> {
    bindings
        .iter()
        .filter(|b| b.action == action && focus.contexts().contains(&b.context))
        .flat_map(|b| b.keys.iter().copied())
        .find(|k| resolve(bindings, *k, focus) == Some(action))
}

/// The action a key gives with this focus: the most specific context's
/// binding wins, so one there hides the same key bound more widely.
pub(super) fn resolve(bindings: &[Binding], pressed: Key, focus: Focus) -> Option<Action> {
    focus.contexts().iter().find_map(|&context| {
        bindings
            .iter()
            .filter(|b| b.context == context)
            .find(|b| b.keys.iter().any(|k| k.covers(pressed)))
            .map(|b| b.action)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn the_most_specific_context_wins() {
        let k = Keymap::builtin();
        let n = press(KeyCode::Char('n'));
        assert_eq!(k.action(&n, Focus::Other), Some(Action::No));
        assert_eq!(
            k.action(&n, Focus::Body),
            Some(Action::Mark(Symptom::Numbness))
        );
        assert_eq!(k.action(&n, Focus::Text), None);
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(k.action(&ctrl_c, Focus::Text), Some(Action::Interrupt));
    }

    #[test]
    fn a_modified_key_that_types_nothing_falls_back_to_the_plain_one() {
        let k = Keymap::builtin();
        let ctrl = |code| KeyEvent::new(code, KeyModifiers::CONTROL);
        assert_eq!(k.action(&ctrl(KeyCode::Up), Focus::Other), Some(Action::Up));
        assert_eq!(
            k.action(&ctrl(KeyCode::Left), Focus::Text),
            Some(Action::WordLeft)
        );
        assert_eq!(k.action(&ctrl(KeyCode::Char('j')), Focus::Other), None);
    }

    #[test]
    fn hints_show_the_first_key_bound_on_that_screen() {
        let k = Keymap::builtin();
        let keys =
            |screen| -> Vec<String> { k.hints(screen).iter().map(|h| h.keys.clone()).collect() };
        assert_eq!(keys(HintScreen::Scale)[..3], ["0-9 ←→", "Enter", "Bksp"]);
        // In a text box Backspace deletes and ? is typed.
        assert_eq!(keys(HintScreen::Text), ["Enter", "Shift-Tab", "F1", "Esc"]);
        assert_eq!(keys(HintScreen::Body)[..3], ["↑↓←→", "/", "p n t w s"]);
        assert!(k.hints(HintScreen::Welcome).iter().any(|h| h.quits));
    }

    /// A clinic's keymap is checked with each translation's letters too:
    /// one that is fine in English may clash in Spanish.
    #[test]
    fn a_keymap_file_is_checked_with_every_languages_letters() {
        let builtin = include_str!("../../../assets/keymap.ron");
        let clinic = |from: &str, to: &str| {
            assert!(builtin.contains(from), "{from}");
            parse_keymap("k.ron", &builtin.replacen(from, to, 1))
        };
        let flip_on_d = r#"(action: Flip, keys: ["d"]"#;
        let e = clinic(r#"(action: Flip, keys: ["f"]"#, flip_on_d).unwrap_err();
        let e = e.to_string();
        assert!(e.contains("k.ron:"), "{e}");
        assert!(
            e.contains("in Español: letters: \"d\" would give both"),
            "{e}"
        );
        assert!(!e.contains("in English"), "English is the file's own: {e}");
    }

    #[test]
    fn each_languages_letters_give_their_actions_and_clashes_are_caught() {
        use crate::text::Text;
        let k = Keymap::builtin();
        let en = &Text::builtin().letters;
        for language in crate::languages::all() {
            let letters = &Text::builtin_in(language).unwrap().letters;
            assert_eq!(
                k.letter_problems(en, letters),
                Vec::<String>::new(),
                "{language}"
            );
        }
        let es = k.with_letters(en, &Text::builtin_in("es").unwrap().letters);
        let s = press(KeyCode::Char('s'));
        assert_eq!(es.action(&s, Focus::Other), Some(Action::Yes));
        assert_eq!(
            es.action(&s, Focus::Body),
            Some(Action::Mark(Symptom::Sensitive))
        );
        assert_eq!(es.action(&press(KeyCode::Char('y')), Focus::Other), None);
        assert_eq!(es.hints(HintScreen::Body)[2].keys, "d a h b s");
        // Back to English: the keymap's own letters again.
        assert_eq!(
            es.with_letters(&Text::builtin_in("es").unwrap().letters, en),
            *k
        );
        // Two symptoms with one letter, or a letter the diagram uses already.
        let mut bad = en.clone();
        bad.marks.weakness = "p".into();
        bad.marks.tingling = "f".into();
        bad.days = "w".into();
        let problems = k.letter_problems(en, &bad);
        assert_eq!(problems.len(), 4, "{problems:#?}");
        assert!(
            problems
                .iter()
                .any(|p| p.contains("Mark(Weakness) gives Mark(Pain)"))
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("give both Mark(Tingling) and Flip"))
        );
    }

    #[test]
    fn every_action_has_a_binding_in_the_builtin_keymap() {
        let k = Keymap::builtin();
        for action in Action::all() {
            assert!(k.bindings.iter().any(|b| b.action == action), "{action:?}");
        }
    }
}
