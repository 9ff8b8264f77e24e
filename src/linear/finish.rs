//! The end of a patient's session: Enter on the summary saves it, as the
//! screen's Done; a save that fails is told and tried again on "retry";
//! the kiosk's idle timer saves an unfinished one; then the program ends,
//! or a kiosk's next patient starts on a wiped terminal.

use super::{Linear, Stage};
use crate::text::{fill, same};
use crate::tui::app::{Dialog, Effect, Notice};
use crate::tui::message::Msg;

impl Linear {
    /// The kiosk's idle timer, as the screen's, `idle` seconds after the
    /// last line: its warning said once; at the timeout the session is
    /// saved as unfinished and wiped, and the next patient starts.
    pub fn tick(&mut self, idle: u64) -> Vec<String> {
        let warned = matches!(self.app.dialog, Some(Dialog::StillThere(_)));
        self.app.update(Msg::Tick { idle });
        if self.app.effects.contains(&Effect::Abandoned) {
            self.stage = Stage::Next;
            return Vec::new();
        }
        match self.app.dialog {
            Some(Dialog::StillThere(left)) if !warned => {
                let left = left.to_string();
                vec![fill(&self.words().still_there, &[("seconds", &left)])]
            }
            _ => Vec::new(),
        }
    }

    /// After the host carried out the effects: a failed save told in words,
    /// then (once saved) goodbye, or at a kiosk the next patient's start
    /// once the session is wiped.
    pub fn after_host(&mut self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(Notice::Error(text)) = self.app.notice.take() {
            out.push(text);
        }
        if self.stage != Stage::Next {
            return out;
        }
        if !self.app.running() {
            out.push(self.words().goodbye.clone());
            self.stage = Stage::Ended;
        } else if self.app.kiosk.is_some() && self.app.held.is_none() {
            // Said before the wipe: one who cannot see hears it was kept.
            out.push(self.words().saved.clone());
            self.wipe = Some(out.len());
            out.extend(self.start());
        } else if !out.is_empty() {
            // Not saved: a kiosk's terminal keeps nothing of the patient
            // meanwhile, as the screen hides the answers.
            self.wipe = self.app.held.is_some().then_some(0);
            out.push(self.held_words());
        }
        out
    }

    pub(super) fn held_words(&self) -> String {
        let w = self.words();
        fill(&w.held, &[("retry", &w.commands.retry)])
    }

    /// A save that failed, tried again on "retry" (staff may have freed
    /// the disk); at a kiosk only the PIN leaves meanwhile.
    pub(super) fn retry(&mut self, line: &str, out: &mut Vec<String>) {
        if same(line, &self.words().commands.retry) {
            // The screen's held save is tried again on any key.
            match self.app.held {
                Some(_) => self.app.update(Msg::Confirm),
                None => self.app.done(),
            }
        } else if !self.command(line, out) {
            out.push(self.held_words());
        }
    }

    /// Enter on the summary: saved as the screen's Done saves it; what
    /// came of it is told once the host has tried (`after_host`).
    /// After the summary: Enter finishes and saves it; a command is
    /// carried out; anything else is told how to finish.
    pub(super) fn summary_input(&mut self, line: &str, out: &mut Vec<String>) {
        if line.is_empty() {
            return self.finish();
        }
        if !self.command(line, out) {
            out.push(self.summary_end());
        }
    }

    pub(super) fn finish(&mut self) {
        self.app.done();
        self.stage = Stage::Next;
    }
}
