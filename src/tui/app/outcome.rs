//! What the runtime made of the effects the app asked for, told back as
//! messages: the host reads the app but never writes into it.

use super::*;
use crate::text::fill;

/// The result of carrying out effects, for `update` as `Msg::Host`.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The patient's summary is saved after Done, outside a kiosk: the
    /// program ends.
    Finished,
    /// The patient's answers were saved for staff and wiped from disk: the
    /// screen makes way for the next patient.
    Wiped,
    /// A kiosk's save or wipe failed: kept to try again.
    Held(Effect),
    /// A write failed; what to tell (the first failure of the batch).
    Failed(String),
    /// Practice mode: the debrief is saved here.
    Saved(std::path::PathBuf),
}

impl App {
    pub(super) fn outcome(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Finished => {
                self.finished = false;
                self.leave();
            }
            Outcome::Wiped => self.reset(),
            Outcome::Held(effect) => self.hold(effect),
            Outcome::Failed(told) => self.notice = Some(Notice::Error(told)),
            Outcome::Saved(path) => {
                let words = &self.content.text.practice.saved;
                let path = path.display().to_string();
                self.notice = Some(Notice::Info(fill(words, &[("path", &path)])));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_are_taken_whatever_is_on_screen() {
        let q = crate::content::questionnaire();
        let session = Session::new(&q, 1);
        let mut app = App::new(q, session, Theme::mono(), Rect::new(0, 0, 80, 24));
        app.open_item(1);
        app.dialog = Some(Dialog::ConfirmQuit);
        // Too small to draw: keys do nothing, but the host's news is taken.
        app.update(Msg::Resize(20, 5));
        app.update(Msg::Host(Outcome::Failed("Not saved".into())));
        assert_eq!(app.notice, Some(Notice::Error("Not saved".into())));
        app.update(Msg::Host(Outcome::Wiped));
        assert_eq!((app.screen, app.dialog), (Screen::Welcome, None));
        app.finished = true;
        app.update(Msg::Host(Outcome::Finished));
        assert!(!app.running && !app.finished);
    }
}
