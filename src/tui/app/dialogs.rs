//! Dialogs and the kiosk timer: yes/no questions, the idle countdown, the staff PIN.

use super::*;

impl App {
    pub(super) fn update_dialog(&mut self, msg: Msg) {
        let (yes, no) = layout::dialog_buttons(self.area);
        let answer = match msg {
            Msg::Letter('y') => true,
            Msg::Click { column, row } if layout::contains(yes, column, row) => true,
            Msg::Letter('n') | Msg::Quit | Msg::Back => false,
            Msg::Click { column, row } if layout::contains(no, column, row) => false,
            _ => return,
        };
        let dialog = self.dialog.take();
        if !answer {
            if let (Some(Dialog::Resume), Some(earlier)) = (dialog, self.resume.take()) {
                self.effects.push(Effect::SetAside(earlier));
            }
            return;
        }
        match dialog {
            Some(Dialog::ConfirmQuit) => self.running = false,
            Some(Dialog::StartOver) => self.effects.push(Effect::Abandoned),
            Some(Dialog::Resume) => {
                if let Some(earlier) = self.resume.take() {
                    self.set_session(earlier);
                    // On to the first question still without an answer.
                    let first_open = self.enabled_items().find(|&n| {
                        let item = self.item(n);
                        !matches!(item.kind, Kind::Info) && self.session.get(&item.id).is_none()
                    });
                    match first_open {
                        Some(n) => self.open_item(n),
                        None => self.open_review(None),
                    }
                }
            }
            Some(Dialog::ConfirmClearAll) => {
                if let Some(item) = self.current_item() {
                    let id = item.id.clone();
                    let before = self.session.get(&id).cloned();
                    self.session.clear(&id);
                    self.changed(&id, before);
                    self.notice = Some(Notice::Info("All marks are cleared.".into()));
                }
            }
            Some(Dialog::StillThere(_) | Dialog::StaffPin) | None => {}
        }
    }

    /// The kiosk idle timer: warn, count down, then start over.
    pub(super) fn idle(&mut self, idle: u64) {
        let Some(k) = &self.kiosk else { return };
        if !self.in_progress() {
            return;
        }
        let warn_at = k.idle_timeout_secs - k.idle_warning_secs;
        if idle >= k.idle_timeout_secs {
            self.effects.push(Effect::Abandoned);
        } else if idle >= warn_at {
            self.dialog = Some(Dialog::StillThere(k.idle_timeout_secs - idle));
        }
    }

    pub(super) fn update_pin(&mut self, msg: Msg) {
        match msg {
            Msg::Digit(d) if self.pin.len() < 32 => self.pin.push(char::from(b'0' + d)),
            Msg::Letter(c) if self.pin.len() < 32 => self.pin.push(c),
            Msg::Back => {
                self.pin.pop();
            }
            Msg::Confirm => {
                let ok = self
                    .kiosk
                    .as_ref()
                    .is_some_and(|k| k.pin_matches(&self.pin));
                self.pin.clear();
                self.dialog = None;
                if ok {
                    self.running = false;
                } else {
                    self.notice = Some(Notice::Error("That PIN is not right.".into()));
                }
            }
            Msg::Quit | Msg::Interrupt => {
                self.pin.clear();
                self.dialog = None;
            }
            _ => {}
        }
    }
}
