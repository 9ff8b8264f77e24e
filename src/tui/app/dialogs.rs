//! Dialogs and the kiosk timer: yes/no questions, the idle countdown, the staff PIN.

use tui_input::InputRequest;

use super::*;
use crate::kiosk;

impl App {
    pub(super) fn update_dialog(&mut self, msg: Msg) {
        let (yes, no) = layout::dialog_buttons(self.area);
        let answer = match msg {
            Msg::Yes => true,
            Msg::Click { column, row } if layout::contains(yes, column, row) => true,
            Msg::No | Msg::Quit | Msg::Back => false,
            Msg::Click { column, row } if layout::contains(no, column, row) => false,
            _ => return,
        };
        if !answer {
            if self.dialog.take() == Some(Dialog::Resume) {
                self.set_aside_earlier();
            }
            return;
        }
        let dialog = self.dialog.take();
        match dialog {
            Some(Dialog::ConfirmQuit) => self.leave(),
            Some(Dialog::StartOver) => self.effects.push(Effect::Abandoned),
            Some(Dialog::Resume) => self.continue_earlier(),
            Some(Dialog::ConfirmClearAll) => {
                if let Some(item) = self.current_item() {
                    let id = item.id.clone();
                    let before = self.session.get(&id).cloned();
                    self.session.clear(&id);
                    self.changed(&id, before);
                    self.notice = Some(Notice::Info(self.words().diagram.cleared.clone()));
                }
            }
            Some(
                Dialog::StillThere(_) | Dialog::StaffPin | Dialog::ConfirmOwner | Dialog::VisitCode,
            )
            | None => {}
        }
    }

    /// The question offering the earlier session: when it was left, in the
    /// patient's words ("today at 10:42"), and how many answers it holds.
    /// The screen's dialog and linear mode both ask it.
    pub fn resume_question(&self) -> String {
        let Some(earlier) = &self.resume else {
            return String::new();
        };
        let n = earlier.answers.len();
        let dates = &self.content.text.dates;
        let when = crate::export::time::spoken(earlier.updated, (self.clock)(), dates);
        let d = &self.words().dialogs;
        crate::text::fill(
            d.resume.get(n as u64),
            &[("when", &when), ("count", &n.to_string())],
        )
    }

    /// Continues the earlier session on offer, at its first open question.
    fn continue_earlier(&mut self) {
        let Some(earlier) = self.resume.take() else {
            return;
        };
        self.set_session(earlier);
        let first_open = self.enabled_with_items().find(|(_, item)| {
            !matches!(item.kind, Kind::Info) && self.session.get(&item.id).is_none()
        });
        match first_open.map(|(n, _)| n) {
            Some(n) => self.open_item(n),
            None => self.open_review(None),
        }
    }

    /// The kiosk's check before continuing an earlier session: the person
    /// types their answer to the `resume_check` item again. One try: a
    /// wrong answer, Esc or "new" starts fresh and keeps the other session
    /// for staff, unseen.
    pub(super) fn update_confirm_owner(&mut self, msg: Msg) {
        let (go_on, new) = layout::dialog_buttons(self.area);
        match msg {
            Msg::Click { column, row } if layout::contains(go_on, column, row) => {
                self.update_confirm_owner(Msg::Confirm)
            }
            Msg::Edit(InputRequest::InsertChar(c)) => self.typed.push(c),
            Msg::Edit(InputRequest::DeletePrevChar) => self.typed.pop(),
            Msg::Confirm if !self.typed.is_empty() => {
                let id = self.kiosk.as_ref().and_then(|k| k.resume_check.clone());
                let theirs = self.resume.as_ref().zip(id).is_some_and(|(s, id)| {
                    s.get(&id)
                        .is_some_and(|a| a.matches_typed(self.typed.as_str()))
                });
                self.typed.clear();
                self.dialog = None;
                if theirs {
                    self.continue_earlier();
                } else {
                    self.set_aside_earlier();
                    // Said, so that the person knows nothing of theirs is lost.
                    let told = self.words().dialogs.owner_wrong.clone();
                    self.notice = Some(Notice::Info(told));
                }
            }
            Msg::Quit => self.set_aside_earlier(),
            Msg::Click { column, row } if layout::contains(new, column, row) => {
                self.set_aside_earlier()
            }
            _ => {}
        }
    }

    fn set_aside_earlier(&mut self) {
        self.typed.clear();
        self.dialog = None;
        if let Some(earlier) = self.resume.take() {
            self.effects.push(Effect::SetAside(earlier));
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
            let left = k.idle_timeout_secs - idle;
            self.close_pin();
            self.dialog = Some(Dialog::StillThere(left));
        }
    }

    pub(super) fn update_pin(&mut self, msg: Msg) {
        let now = (self.clock)();
        let paused = self.pin_guard.wait(now).is_some();
        match msg {
            Msg::Edit(InputRequest::InsertChar(c)) if !paused => self.pin.push(c),
            Msg::Edit(InputRequest::DeletePrevChar) => self.pin.pop(),
            Msg::Edit(InputRequest::DeletePrevWord | InputRequest::DeleteFromStart) => {
                self.pin.clear()
            }
            Msg::Confirm if !paused => self.check_pin(now),
            Msg::Quit | Msg::Interrupt => self.close_pin(),
            _ => {}
        }
    }

    /// Checks the typed PIN: the right one ends the program; a wrong one is
    /// counted and logged for staff (the count and time, never the PIN).
    fn check_pin(&mut self, now: u64) {
        let ok = self
            .kiosk
            .as_ref()
            .is_some_and(|k| k.pin_matches(self.pin.as_str()));
        self.close_pin();
        if ok {
            self.pin_guard.succeeded();
            self.effects.push(Effect::StaffLog(format!(
                "{}: staff left the kiosk with the PIN",
                crate::export::time::rfc3339_local(now)
            )));
            self.running = false;
            return;
        }
        let pause = self.pin_guard.failed(now);
        let mut line = format!(
            "{}: wrong staff PIN ({} in a row)",
            crate::export::time::rfc3339_local(now),
            self.pin_guard.wrong
        );
        if let Some(secs) = pause {
            line += &format!("; no PIN is checked for {}", kiosk::pause_words(secs));
        }
        self.effects.push(Effect::StaffLog(line));
        self.notice = Some(Notice::Error(self.words().dialogs.pin_wrong.clone()));
    }

    /// Closes the PIN dialog (if open), forgetting what was typed.
    pub(super) fn close_pin(&mut self) {
        self.pin.clear();
        if self.dialog == Some(Dialog::StaffPin) {
            self.dialog = None;
        }
    }
}
