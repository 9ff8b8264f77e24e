//! The kiosk's visit code box, before the first question: the code on the
//! check-in slip, checked against the configured pattern. Typed into the
//! wiped-on-clear buffer, like the PIN; kept only in the session.

use tui_input::InputRequest;

use super::*;
use crate::visit_code::{fits, normalize};

impl App {
    /// Start, from the welcome screen: the visit code first, if the kiosk
    /// asks for one and this patient has not given it.
    pub(super) fn begin(&mut self) {
        let asks = self.kiosk.as_ref().is_some_and(|k| k.visit_code.is_some());
        if asks && self.session.visit_code.is_none() {
            self.typed.clear();
            self.notice = None;
            self.dialog = Some(Dialog::VisitCode);
        } else {
            self.go_forward_from(None);
        }
    }

    /// Typing, Enter to check, Esc back to the welcome screen (nothing is
    /// answered yet, so there is nothing to start over), Ctrl-Q the PIN.
    pub(super) fn update_visit_code(&mut self, msg: Msg) {
        let (go_on, back) = layout::dialog_buttons(self.area);
        match msg {
            Msg::Click { column, row } if layout::contains(go_on, column, row) => {
                self.check_visit_code()
            }
            Msg::Click { column, row } if layout::contains(back, column, row) => {
                self.close_visit_code()
            }
            Msg::Edit(InputRequest::InsertChar(c)) if c.is_ascii_alphanumeric() || c == ' ' => {
                self.typed.push(c)
            }
            Msg::Edit(InputRequest::DeletePrevChar) => self.typed.pop(),
            Msg::Confirm => self.check_visit_code(),
            Msg::Quit => self.close_visit_code(),
            Msg::StaffExit => {
                self.close_visit_code();
                self.dialog = Some(Dialog::StaffPin);
            }
            _ => {}
        }
    }

    fn check_visit_code(&mut self) {
        let Some(config) = self.kiosk.as_ref().and_then(|k| k.visit_code.clone()) else {
            return;
        };
        let code = normalize(self.typed.as_str());
        if code.is_empty() && config.may_skip {
            self.close_visit_code();
            return self.go_forward_from(None);
        }
        if !fits(&config.pattern, &code) {
            self.typed.clear();
            let wrong = self.words().dialogs.visit_code_wrong.clone();
            self.notice = Some(Notice::Error(wrong));
            return;
        }
        self.session.visit_code = Some(code);
        self.close_visit_code();
        self.go_forward_from(None);
    }

    fn close_visit_code(&mut self) {
        self.typed.clear();
        self.notice = None;
        self.dialog = None;
    }
}
