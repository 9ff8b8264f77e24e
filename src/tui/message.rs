//! Terminal events turned into messages. Which message a key gives is the
//! keymap's to say, by what has focus: in a text field letters are text,
//! elsewhere they are commands.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use tui_input::InputRequest;

use super::app::Outcome;
use super::keymap::{Action, Keymap};
use crate::body::Symptom;

pub use super::keymap::Focus;

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Up,
    Down,
    /// Outside text fields: back, or lower on a scale.
    Left,
    /// Outside text fields: next, or higher on a scale.
    Right,
    /// Tick or choose the option under the cursor.
    Toggle,
    /// Choose and go on.
    Confirm,
    /// The previous screen.
    Back,
    /// The next field.
    NextField,
    PrevField,
    Digit(u8),
    /// Answer yes (a yes/no question, a dialog).
    Yes,
    No,
    /// Body diagram: mark this symptom here.
    Mark(Symptom),
    /// Body diagram: the other side of the figure.
    Flip,
    Find,
    /// Body diagram: paint mode on or off.
    Paint,
    /// Body diagram: clear the place under the cursor.
    ClearPlace,
    /// Body diagram: clear every mark (asks first).
    ClearAll,
    /// Practice: give the impression.
    Impression,
    /// Practice: save the debrief.
    SaveDebrief,
    /// Practice: the list of questions, or back to typing.
    QuestionList,
    /// Practice: the trainee's body diagram.
    Map,
    /// A key with no action here: only "press any key" listens.
    OtherKey,
    Edit(InputRequest),
    /// Show or hide "why we ask".
    Help,
    /// Ask before leaving.
    Quit,
    /// Like Quit, except in kiosk mode, where it does nothing.
    Interrupt,
    /// Staff asking to leave kiosk mode (a PIN follows).
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
    /// Speak the question on screen and its answers.
    ReadAloud,
    /// Go on in linear mode.
    Linear,
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

/// The message for a terminal event, or `None` when it means nothing here.
pub fn from_event(event: &Event, keymap: &Keymap, focus: Focus) -> Option<Msg> {
    match event {
        // Windows reports releases too; without this filter every key counts twice.
        Event::Key(key) if key.kind == KeyEventKind::Press => Some(from_key(key, keymap, focus)),
        Event::Mouse(mouse) => from_mouse(mouse),
        Event::Resize(w, h) => Some(Msg::Resize(*w, *h)),
        Event::Paste(text) => Some(Msg::Paste(text.clone())),
        _ => None,
    }
}

fn from_key(key: &KeyEvent, keymap: &Keymap, focus: Focus) -> Msg {
    if let Some(action) = keymap.action(key, focus) {
        return message(action, key);
    }
    let typed = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        KeyCode::Char(c) if focus == Focus::Text && typed => Msg::Edit(InputRequest::InsertChar(c)),
        _ => Msg::OtherKey,
    }
}

/// The message an action gives; `key` is the key pressed, for a digit.
fn message(action: Action, key: &KeyEvent) -> Msg {
    use InputRequest as I;
    match action {
        Action::Quit => Msg::Quit,
        Action::Interrupt => Msg::Interrupt,
        Action::StaffExit => Msg::StaffExit,
        Action::Confirm => Msg::Confirm,
        Action::Back => Msg::Back,
        Action::NextField => Msg::NextField,
        Action::PrevField => Msg::PrevField,
        Action::Help => Msg::Help,
        Action::ToggleTheme => Msg::ToggleTheme,
        Action::ReadAloud => Msg::ReadAloud,
        Action::Linear => Msg::Linear,
        Action::Up => Msg::Up,
        Action::Down => Msg::Down,
        Action::Left => Msg::Left,
        Action::Right => Msg::Right,
        Action::PageUp => Msg::PageUp,
        Action::PageDown => Msg::PageDown,
        Action::Home => Msg::Home,
        Action::End => Msg::End,
        Action::Toggle => Msg::Toggle,
        Action::Digit => match key.code {
            KeyCode::Char(c) => c
                .to_digit(10)
                .map_or(Msg::OtherKey, |d| Msg::Digit(d as u8)),
            _ => Msg::OtherKey,
        },
        Action::Yes => Msg::Yes,
        Action::No => Msg::No,
        Action::Impression => Msg::Impression,
        Action::SaveDebrief => Msg::SaveDebrief,
        Action::QuestionList => Msg::QuestionList,
        Action::Map => Msg::Map,
        Action::Mark(s) => Msg::Mark(s),
        Action::Flip => Msg::Flip,
        Action::Find => Msg::Find,
        Action::Paint => Msg::Paint,
        Action::ClearPlace => Msg::ClearPlace,
        Action::ClearAll => Msg::ClearAll,
        Action::CharLeft => Msg::Edit(I::GoToPrevChar),
        Action::CharRight => Msg::Edit(I::GoToNextChar),
        Action::WordLeft => Msg::Edit(I::GoToPrevWord),
        Action::WordRight => Msg::Edit(I::GoToNextWord),
        Action::LineStart => Msg::Edit(I::GoToStart),
        Action::LineEnd => Msg::Edit(I::GoToEnd),
        Action::DeleteBack => Msg::Edit(I::DeletePrevChar),
        Action::DeleteForward => Msg::Edit(I::DeleteNextChar),
        Action::DeleteWordBack => Msg::Edit(I::DeletePrevWord),
        Action::DeleteToStart => Msg::Edit(I::DeleteFromStart),
        Action::DeleteToEnd => Msg::Edit(I::DeleteTillEnd),
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

    fn read(event: &Event, focus: Focus) -> Option<Msg> {
        from_event(event, &Keymap::builtin(), focus)
    }

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
            read(&key(KeyCode::Enter, KeyEventKind::Press), Focus::Other),
            Some(Msg::Confirm)
        );
        assert_eq!(
            read(&key(KeyCode::Enter, KeyEventKind::Release), Focus::Other),
            None
        );
        assert_eq!(
            read(&key(KeyCode::Enter, KeyEventKind::Repeat), Focus::Other),
            None
        );
    }

    #[test]
    fn letters_are_text_in_a_text_field_and_commands_elsewhere() {
        let j = key(KeyCode::Char('j'), KeyEventKind::Press);
        assert_eq!(read(&j, Focus::Other), Some(Msg::Down));
        assert_eq!(
            read(&j, Focus::Text),
            Some(Msg::Edit(InputRequest::InsertChar('j')))
        );
        let bs = key(KeyCode::Backspace, KeyEventKind::Press);
        assert_eq!(read(&bs, Focus::Other), Some(Msg::Back));
        assert_eq!(
            read(&bs, Focus::Text),
            Some(Msg::Edit(InputRequest::DeletePrevChar))
        );
    }

    #[test]
    fn ctrl_c_z_and_backslash_are_interrupts_even_in_text() {
        for c in ['c', 'z', '\\'] {
            let key = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
            assert_eq!(read(&key, Focus::Text), Some(Msg::Interrupt));
        }
    }

    #[test]
    fn a_key_with_no_action_is_still_a_key_pressed() {
        let f12 = key(KeyCode::F(12), KeyEventKind::Press);
        assert_eq!(read(&f12, Focus::Other), Some(Msg::OtherKey));
        let q = key(KeyCode::Char('Q'), KeyEventKind::Press);
        assert_eq!(read(&q, Focus::Other), Some(Msg::OtherKey));
        assert_eq!(
            read(&q, Focus::Text),
            Some(Msg::Edit(InputRequest::InsertChar('Q')))
        );
    }

    #[test]
    fn a_digit_gives_its_number() {
        let seven = key(KeyCode::Char('7'), KeyEventKind::Press);
        assert_eq!(read(&seven, Focus::Scale), Some(Msg::Digit(7)));
    }
}
