//! Key names as a keymap file writes them ("Ctrl-q", "Shift-Tab", "0-9"),
//! the key a terminal event is, and how a key shows in hints.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with its modifiers. Letters are kept lower case: the same key
/// with Shift or Caps Lock gives the same action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    code: Code,
    ctrl: bool,
    alt: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Code {
    Char(char),
    /// Any of 0 to 9: the key names a number, not a command.
    Digits,
    Other(KeyCode),
}

/// Named keys: the file's name and the hint's (shorter, or an arrow).
const NAMES: [(&str, KeyCode, &str); 15] = [
    ("Up", KeyCode::Up, "↑"),
    ("Down", KeyCode::Down, "↓"),
    ("Left", KeyCode::Left, "←"),
    ("Right", KeyCode::Right, "→"),
    ("Enter", KeyCode::Enter, "Enter"),
    ("Esc", KeyCode::Esc, "Esc"),
    ("Tab", KeyCode::Tab, "Tab"),
    ("Shift-Tab", KeyCode::BackTab, "Shift-Tab"),
    ("Backspace", KeyCode::Backspace, "Bksp"),
    ("Delete", KeyCode::Delete, "Del"),
    ("Home", KeyCode::Home, "Home"),
    ("End", KeyCode::End, "End"),
    ("PageUp", KeyCode::PageUp, "PgUp"),
    ("PageDown", KeyCode::PageDown, "PgDn"),
    ("Space", KeyCode::Char(' '), "Space"),
];

impl Key {
    /// A key from its name in a keymap file; `None` for no key of ours.
    pub fn parse(name: &str) -> Option<Key> {
        let (mut ctrl, mut alt, mut rest) = (false, false, name);
        loop {
            if let Some(r) = rest.strip_prefix("Ctrl-").filter(|r| !r.is_empty()) {
                (ctrl, rest) = (true, r);
            } else if let Some(r) = rest.strip_prefix("Alt-").filter(|r| !r.is_empty()) {
                (alt, rest) = (true, r);
            } else {
                break;
            }
        }
        Some(Key {
            code: Code::named(rest)?,
            ctrl,
            alt,
        })
    }

    /// The key of a terminal event.
    pub fn of(event: &KeyEvent) -> Key {
        Key {
            code: Code::of(event.code),
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// The same key without Ctrl or Alt, for keys that type nothing: Ctrl-↑
    /// is ↑ where nothing binds Ctrl-↑, but Ctrl-C is never c.
    pub fn unmodified(self) -> Option<Key> {
        let modified = self.ctrl || self.alt;
        (modified && matches!(self.code, Code::Other(_))).then_some(Key {
            ctrl: false,
            alt: false,
            ..self
        })
    }

    /// Whether pressing `pressed` is pressing this key (0-9 covers each digit).
    pub fn covers(self, pressed: Key) -> bool {
        let digit = matches!(pressed.code, Code::Char(c) if c.is_ascii_digit());
        self == pressed || (self.code == Code::Digits && digit && self.mods() == pressed.mods())
    }

    /// Whether two keys of a file can be the same key pressed.
    pub fn overlaps(self, other: Key) -> bool {
        self.covers(other) || other.covers(self)
    }

    /// Whether this key types a character in a text box.
    pub fn types_text(self) -> bool {
        !self.ctrl && !self.alt && matches!(self.code, Code::Char(_) | Code::Digits)
    }

    /// Its name in a keymap file.
    pub fn name(self) -> String {
        self.with_mods(match self.code {
            Code::Digits => "0-9".into(),
            Code::Char(' ') => "Space".into(),
            Code::Char(c) => c.to_string(),
            Code::Other(KeyCode::F(n)) => format!("F{n}"),
            Code::Other(code) => NAMES
                .iter()
                .find(|(_, c, _)| *c == code)
                .map_or_else(String::new, |(n, ..)| n.to_string()),
        })
    }

    /// How a hint shows it: arrows as arrows, long names shortened.
    pub fn glyph(self) -> String {
        let named = match self.code {
            Code::Other(code) => NAMES.iter().find(|(_, c, _)| *c == code),
            _ => None,
        };
        match named {
            Some((.., glyph)) => self.with_mods(glyph.to_string()),
            None => self.name(),
        }
    }

    /// Whether the hint shows it as an arrow (arrows side by side join up: ↑↓).
    pub fn is_arrow(self) -> bool {
        let arrows = [KeyCode::Up, KeyCode::Down, KeyCode::Left, KeyCode::Right];
        self.mods() == (false, false) && matches!(self.code, Code::Other(c) if arrows.contains(&c))
    }

    fn mods(self) -> (bool, bool) {
        (self.ctrl, self.alt)
    }

    fn with_mods(self, base: String) -> String {
        let ctrl = if self.ctrl { "Ctrl-" } else { "" };
        let alt = if self.alt { "Alt-" } else { "" };
        format!("{ctrl}{alt}{base}")
    }
}

impl Code {
    /// A key's name without its modifiers: "0-9", a named key, F1 to F12,
    /// or one character.
    fn named(name: &str) -> Option<Code> {
        if name == "0-9" {
            return Some(Code::Digits);
        }
        if let Some((_, code, _)) = NAMES.iter().find(|(n, ..)| *n == name) {
            return Some(Code::of(*code));
        }
        if let Some(n @ 1..=12) = name.strip_prefix('F').and_then(|n| n.parse::<u8>().ok()) {
            return Some(Code::Other(KeyCode::F(n)));
        }
        let mut chars = name.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => Some(Code::of(KeyCode::Char(c))),
            _ => None,
        }
    }

    fn of(code: KeyCode) -> Code {
        match code {
            KeyCode::Char(c) => Code::Char(c.to_lowercase().next().unwrap_or(c)),
            other => Code::Other(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> Key {
        Key::of(&KeyEvent::new(code, modifiers))
    }

    #[test]
    fn names_read_back_as_written() {
        for name in [
            "k",
            "?",
            "+",
            "-",
            "0-9",
            "Up",
            "Shift-Tab",
            "Space",
            "F12",
            "Ctrl-c",
            "Ctrl-\\",
            "Alt-Left",
            "Ctrl-Alt-x",
            "Ctrl--",
        ] {
            let key = Key::parse(name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(key.name(), name);
        }
        for bad in ["", "Ctrl-", "Upp", "F13", "F0", "ab", "Shift-a", "\t"] {
            assert_eq!(Key::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn letters_are_the_same_key_with_shift() {
        let y = Key::parse("y").unwrap();
        assert!(y.covers(press(KeyCode::Char('Y'), KeyModifiers::SHIFT)));
        assert!(!y.covers(press(KeyCode::Char('y'), KeyModifiers::CONTROL)));
        assert_eq!(Key::parse("Y"), Some(y));
    }

    #[test]
    fn digits_cover_each_digit_and_type_text() {
        let digits = Key::parse("0-9").unwrap();
        assert!(digits.covers(press(KeyCode::Char('7'), KeyModifiers::NONE)));
        assert!(!digits.covers(press(KeyCode::Char('7'), KeyModifiers::CONTROL)));
        assert!(digits.overlaps(Key::parse("3").unwrap()));
        assert!(digits.types_text());
        assert!(!Key::parse("Ctrl-k").unwrap().types_text());
    }

    #[test]
    fn only_keys_that_type_nothing_lose_their_modifiers() {
        let up = press(KeyCode::Up, KeyModifiers::CONTROL);
        assert_eq!(up.unmodified(), Key::parse("Up"));
        assert_eq!(
            press(KeyCode::Char('c'), KeyModifiers::CONTROL).unmodified(),
            None
        );
    }

    #[test]
    fn hints_show_arrows_and_short_names() {
        let glyph = |n: &str| Key::parse(n).unwrap().glyph();
        assert_eq!(glyph("Up"), "↑");
        assert_eq!(glyph("Backspace"), "Bksp");
        assert_eq!(glyph("Ctrl-Left"), "Ctrl-←");
        assert_eq!(glyph("F1"), "F1");
        assert_eq!(glyph("?"), "?");
    }
}
