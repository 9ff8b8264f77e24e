//! Terminal events turned into messages. Which message a key means depends on
//! what has focus: in a text field letters are text, elsewhere they are commands.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use tui_input::InputRequest;

use super::app::Outcome;

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Up,
    Down,
    /// Left arrow outside text fields: back, or lower on a scale.
    Left,
    /// Right arrow outside text fields: next, or higher on a scale.
    Right,
    /// Space: tick or choose the option under the cursor.
    Toggle,
    /// Enter: choose and go on.
    Confirm,
    /// Backspace (outside text), Shift-Tab: the previous screen.
    Back,
    /// Tab: the next field.
    NextField,
    Digit(u8),
    /// A letter command outside text fields (y, n, p, t, ...).
    Letter(char),
    Edit(InputRequest),
    /// Show or hide "why we ask".
    Help,
    /// Esc: ask before leaving.
    Quit,
    /// Ctrl-C, Ctrl-Z or Ctrl-\: like Esc, except in kiosk mode, where they do nothing.
    Interrupt,
    /// Ctrl-Q: staff asking to leave kiosk mode (a PIN follows).
    StaffExit,
    /// Seconds since the last key or click (kiosk idle timer).
    Tick {
        idle: u64,
    },
    PageUp,
    PageDown,
    Home,
    End,
    ToggleTheme,
    Click {
        column: u16,
        row: u16,
    },
    /// The mouse moved with the left button down (painting on the diagram).
    Drag {
        column: u16,
        row: u16,
    },
    ScrollUp {
        column: u16,
        row: u16,
    },
    ScrollDown {
        column: u16,
        row: u16,
    },
    Resize(u16, u16),
    Paste(String),
    /// What the runtime made of the effects asked for.
    Host(Outcome),
}

/// What has the keyboard, so keys can be read accordingly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// A text or number field: printable keys are typed.
    Text,
    /// A 0-10 scale: left and right change the value.
    Scale,
    Other,
}

/// The message for a terminal event, or `None` when it means nothing here.
pub fn from_event(event: &Event, focus: Focus) -> Option<Msg> {
    match event {
        // Windows reports releases too; without this filter every key counts twice.
        Event::Key(key) if key.kind == KeyEventKind::Press => from_key(key, focus),
        Event::Mouse(mouse) => from_mouse(mouse),
        Event::Resize(w, h) => Some(Msg::Resize(*w, *h)),
        Event::Paste(text) => Some(Msg::Paste(text.clone())),
        _ => None,
    }
}

fn from_key(key: &KeyEvent, focus: Focus) -> Option<Msg> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    // Keys that mean the same everywhere.
    match key.code {
        KeyCode::Char('c' | 'z' | '\\' | '4') if ctrl => return Some(Msg::Interrupt),
        KeyCode::Char('q') if ctrl => return Some(Msg::StaffExit),
        KeyCode::Esc => return Some(Msg::Quit),
        KeyCode::Enter => return Some(Msg::Confirm),
        KeyCode::BackTab => return Some(Msg::Back),
        KeyCode::Tab => return Some(Msg::NextField),
        KeyCode::F(1) => return Some(Msg::Help),
        KeyCode::F(2) => return Some(Msg::ToggleTheme),
        KeyCode::Up => return Some(Msg::Up),
        KeyCode::Down => return Some(Msg::Down),
        KeyCode::PageUp => return Some(Msg::PageUp),
        KeyCode::PageDown => return Some(Msg::PageDown),
        _ => {}
    }
    if focus == Focus::Text {
        let edit = match key.code {
            KeyCode::Left if ctrl || alt => InputRequest::GoToPrevWord,
            KeyCode::Right if ctrl || alt => InputRequest::GoToNextWord,
            KeyCode::Left => InputRequest::GoToPrevChar,
            KeyCode::Right => InputRequest::GoToNextChar,
            KeyCode::Home => InputRequest::GoToStart,
            KeyCode::End => InputRequest::GoToEnd,
            KeyCode::Backspace if ctrl || alt => InputRequest::DeletePrevWord,
            KeyCode::Backspace => InputRequest::DeletePrevChar,
            KeyCode::Delete => InputRequest::DeleteNextChar,
            KeyCode::Char('a') if ctrl => InputRequest::GoToStart,
            KeyCode::Char('e') if ctrl => InputRequest::GoToEnd,
            KeyCode::Char('w') if ctrl => InputRequest::DeletePrevWord,
            KeyCode::Char('u') if ctrl => InputRequest::DeleteFromStart,
            KeyCode::Char('k') if ctrl => InputRequest::DeleteTillEnd,
            KeyCode::Char(c) if !ctrl && !alt => InputRequest::InsertChar(c),
            _ => return None,
        };
        return Some(Msg::Edit(edit));
    }
    match key.code {
        KeyCode::Left | KeyCode::Char('h') => Some(Msg::Left),
        KeyCode::Right | KeyCode::Char('l') => Some(Msg::Right),
        KeyCode::Char('k') if !ctrl => Some(Msg::Up),
        KeyCode::Char('j') if !ctrl => Some(Msg::Down),
        KeyCode::Backspace => Some(Msg::Back),
        KeyCode::Home => Some(Msg::Home),
        KeyCode::End => Some(Msg::End),
        KeyCode::Char(' ') => Some(Msg::Toggle),
        KeyCode::Char('?') => Some(Msg::Help),
        KeyCode::Char(c) if c.is_ascii_digit() && !ctrl => Some(Msg::Digit(c as u8 - b'0')),
        KeyCode::Char('+') if focus == Focus::Scale => Some(Msg::Right),
        KeyCode::Char('-') if focus == Focus::Scale => Some(Msg::Left),
        KeyCode::Char(c) if c.is_alphabetic() && !ctrl && !alt => {
            Some(Msg::Letter(c.to_ascii_lowercase()))
        }
        _ => None,
    }
}

fn from_mouse(mouse: &MouseEvent) -> Option<Msg> {
    let (column, row) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Msg::Click { column, row }),
        MouseEventKind::Drag(MouseButton::Left) => Some(Msg::Drag { column, row }),
        MouseEventKind::ScrollUp => Some(Msg::ScrollUp { column, row }),
        MouseEventKind::ScrollDown => Some(Msg::ScrollDown { column, row }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventState;

    fn key(code: KeyCode, kind: KeyEventKind) -> Event {
        Event::Key(KeyEvent {
            code,
            modifiers: KeyModifiers::NONE,
            kind,
            state: KeyEventState::NONE,
        })
    }

    #[test]
    fn only_presses_count() {
        assert_eq!(
            from_event(&key(KeyCode::Enter, KeyEventKind::Press), Focus::Other),
            Some(Msg::Confirm)
        );
        assert_eq!(
            from_event(&key(KeyCode::Enter, KeyEventKind::Release), Focus::Other),
            None
        );
        assert_eq!(
            from_event(&key(KeyCode::Enter, KeyEventKind::Repeat), Focus::Other),
            None
        );
    }

    #[test]
    fn letters_are_text_in_a_text_field_and_commands_elsewhere() {
        let j = key(KeyCode::Char('j'), KeyEventKind::Press);
        assert_eq!(from_event(&j, Focus::Other), Some(Msg::Down));
        assert_eq!(
            from_event(&j, Focus::Text),
            Some(Msg::Edit(InputRequest::InsertChar('j')))
        );
        let bs = key(KeyCode::Backspace, KeyEventKind::Press);
        assert_eq!(from_event(&bs, Focus::Other), Some(Msg::Back));
        assert_eq!(
            from_event(&bs, Focus::Text),
            Some(Msg::Edit(InputRequest::DeletePrevChar))
        );
    }

    #[test]
    fn ctrl_c_z_and_backslash_are_interrupts_even_in_text() {
        for c in ['c', 'z', '\\'] {
            let key = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
            assert_eq!(from_event(&key, Focus::Text), Some(Msg::Interrupt));
        }
    }
}
