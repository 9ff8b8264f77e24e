//! Linear mode (`--linear`, `INTAKE_LINEAR=1`): the questionnaire as plain
//! lines for a screen reader or a braille display. Nothing is drawn, moved
//! or redrawn: each question is told once, its answer typed on a line and
//! read back in words.
//!
//! `Linear` is a state machine fed whole lines and giving lines back, so a
//! test drives it without a terminal. It holds the screen's `App` and works
//! through it: the same session, enable logic, warning signs, journal
//! effects, kiosk PIN and visit code, and report. `run` is the thin loop
//! over standard input and output.

mod body;
mod finish;
mod item;
mod lines;
mod review;
pub mod run;
mod summary;

use tui_input::InputRequest;

use crate::text::{LinearWords, Text, fill, same};
use crate::tui::app::{App, Dialog, Notice, ReviewRow};
use crate::tui::message::Msg;

/// Where the patient is.
#[derive(Debug, Clone, PartialEq)]
enum Stage {
    /// A kiosk waiting for its next patient: Enter begins. (Where more
    /// than one language is offered, the language question waits instead.)
    Begin,
    /// Which language, when more than one is offered (a number).
    Language,
    /// Continue an earlier unfinished session? (yes or no)
    Resume,
    /// The kiosk's visit code, before the first question.
    VisitCode,
    Item(usize),
    /// The body diagram of item `usize`, at this step.
    Body(usize, body::Step),
    /// Stop? (yes or no), then back to the stage kept.
    ConfirmQuit(Box<Stage>),
    /// Kiosk: the staff PIN, then back to the stage kept.
    Pin(Box<Stage>),
    /// An emergency was told: Enter, then the stage kept.
    Acknowledge(Box<Stage>),
    /// The answers read back before the summary, a page from this one:
    /// Enter for the next page, change one, or done.
    Review(usize),
    /// The summary was read out: Enter finishes.
    Summary,
    /// Finished (or, at a kiosk, timed out): waiting for the host's save;
    /// then the program ends, or a kiosk's next patient starts. A save
    /// that failed waits here for "retry".
    Next,
    Ended,
}

pub struct Linear {
    pub app: App,
    stage: Stage,
    /// The section whose title was told last, so it is told once.
    section: Option<usize>,
    /// An answer changed from the review: once given, back to the review.
    reviewing: bool,
    /// The review page to come back to after an answer changed from it.
    review_at: usize,
    /// The PIN cannot be hidden as it is typed (not a terminal): staff are told.
    pub pin_shows: bool,
    /// A kiosk's next patient begins: what the last one answered must be
    /// wiped from the terminal before anything is said to them; after how
    /// many of the lines `after_host` gave.
    pub wipe: Option<usize>,
}

impl Linear {
    pub fn new(app: App) -> Self {
        Linear {
            app,
            stage: Stage::Ended,
            section: None,
            reviewing: false,
            review_at: 0,
            pin_shows: false,
            wipe: None,
        }
    }

    fn text(&self) -> &'static Text {
        self.app.content.text
    }

    fn words(&self) -> &'static LinearWords {
        &self.text().linear
    }

    /// The opening lines: what linear mode is, its commands, then the
    /// first question (or the resume question, or the visit code).
    pub fn start(&mut self) -> Vec<String> {
        self.reviewing = false;
        self.review_at = 0;
        let resuming = self.app.dialog == Some(Dialog::Resume);
        // A continued session comes back in its own language: its question
        // is asked in it. Each new patient chooses, as on the welcome
        // screen: each language by its own name, so anyone hears their own.
        if resuming {
            self.use_language_of_resume();
        } else if self.app.offers_languages() && self.stage != Stage::Language {
            self.stage = Stage::Language;
            return self.language_lines();
        } else if self.app.kiosk.is_some() && !matches!(self.stage, Stage::Language | Stage::Begin)
        {
            // Nothing is asked, and no idle timer runs, until a patient is
            // there; a screen reader user hears it all from the start.
            self.stage = Stage::Begin;
            return self.begin_lines();
        }
        self.section = None;
        // Asked before anything else: a returning patient heard the rest.
        if resuming {
            self.stage = Stage::Resume;
            return vec![self.resume_question()];
        }
        let mut out = self.opening();
        // An earlier session a kiosk cannot confirm as this patient's is
        // kept for staff, unseen: linear mode has no owner check.
        if self.app.dialog == Some(Dialog::ConfirmOwner) {
            self.app.update(Msg::Quit);
        }
        self.app.update(Msg::Confirm);
        self.after_begin(&mut out);
        out
    }

    /// What linear mode is, the welcome screen's words, the commands.
    fn opening(&self) -> Vec<String> {
        let mut out = vec![self.words().intro.clone()];
        out.extend(self.welcome());
        out.extend(self.help());
        out
    }

    /// The language the session on offer was begun in, if offered here.
    fn use_language_of_resume(&mut self) {
        let begun = self.app.resume.as_ref().and_then(|s| s.language.clone());
        let begun = begun.as_deref().unwrap_or(crate::languages::ENGLISH);
        if let Some(n) = self.app.languages.iter().position(|l| l == begun) {
            self.app.use_language(n);
        }
    }

    fn language_names(&self) -> Vec<String> {
        let name = |code: &String| {
            crate::text::Text::builtin_in(code).map_or(code.clone(), |t| t.name.clone())
        };
        self.app.languages.iter().map(name).collect()
    }

    /// How to choose, said in each language offered, then the languages.
    fn language_lines(&self) -> Vec<String> {
        let how = |code: &String| {
            crate::text::Text::builtin_in(code).map(|t| t.linear.choose_language.clone())
        };
        let mut lines: Vec<String> = self.app.languages.iter().filter_map(how).collect();
        lines.extend(item::numbered(&self.language_names()));
        lines
    }

    fn language(&mut self, line: &str, out: &mut Vec<String>) {
        if self.command(line, out) {
            return;
        }
        let Some(n) = item::pick(line, &self.language_names()) else {
            return out.extend(self.language_lines());
        };
        self.app.use_language(n);
        let name = &self.language_names()[n];
        out.push(fill(&self.words().answered, &[("answer", name)]));
        out.extend(self.start());
    }

    /// A kiosk between patients: the warning, as the welcome screen shows
    /// it to anyone passing, and how to begin.
    fn begin_lines(&self) -> Vec<String> {
        let warning = self.app.questionnaire.welcome_warning.iter().cloned();
        warning.chain([self.words().begin.clone()]).collect()
    }

    fn begin(&mut self, line: &str, out: &mut Vec<String>) {
        if !self.command(line, out) {
            out.extend(self.start());
        }
    }

    /// The welcome screen's words, the warning first as the screen puts it:
    /// whom to tell now if the bladder, bowels or saddle are affected.
    fn welcome(&self) -> Vec<String> {
        let q = &self.app.questionnaire;
        let welcome = &self.text().screen.welcome;
        let sent = (self.app.kiosk.as_ref()).is_some_and(|k| k.fhir_server.is_some());
        let privacy = if sent {
            &welcome.privacy_sent
        } else {
            &welcome.privacy
        };
        let warning = q.welcome_warning.iter().cloned();
        warning
            .chain([q.description.clone(), privacy.clone()])
            .collect()
    }

    /// Asks item `id` now, wherever the patient was: as the screen's
    /// `open_item`, for a test that starts at one question.
    pub fn ask_item(&mut self, id: &str) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(n) = self.app.questionnaire.index_of(id) {
            self.ask(n, &mut out);
        }
        out
    }

    /// Whether the program goes on.
    pub fn running(&self) -> bool {
        self.stage != Stage::Ended && self.app.running()
    }

    /// The text at the end of the line where the patient types.
    pub fn prompt(&self) -> &str {
        match self.stage {
            Stage::Pin(_) => &self.words().pin_prompt,
            _ => &self.words().prompt,
        }
    }

    /// Whether the next line is a secret (the staff PIN), not to be echoed.
    pub fn wants_secret(&self) -> bool {
        matches!(self.stage, Stage::Pin(_))
    }

    /// One line typed; the lines to say back.
    pub fn input(&mut self, line: &str) -> Vec<String> {
        let line = line.trim();
        let mut out = Vec::new();
        if matches!(self.app.dialog, Some(Dialog::StillThere(_))) {
            // Any line, as any key on the screen: the patient is still there.
            self.app.update(Msg::Confirm);
            if line.is_empty() {
                self.resume_stage(self.stage.clone(), &mut out);
                return out;
            }
        }
        match self.stage.clone() {
            Stage::Begin => self.begin(line, &mut out),
            Stage::Language => self.language(line, &mut out),
            Stage::Resume => self.resume(line, &mut out),
            Stage::VisitCode => self.visit_code(line, &mut out),
            Stage::Item(n) => self.item_input(n, line, &mut out),
            Stage::Body(n, step) => self.body_input(n, step, line, &mut out),
            Stage::ConfirmQuit(back) => self.confirm_quit(*back, line, &mut out),
            Stage::Pin(back) => self.pin(*back, line, &mut out),
            Stage::Acknowledge(then) => self.resume_stage(*then, &mut out),
            Stage::Review(from) => self.review_input(from, line, &mut out),
            Stage::Summary => self.summary_input(line, &mut out),
            Stage::Next => self.retry(line, &mut out),
            Stage::Ended => {}
        }
        out
    }

    fn help(&self) -> Vec<String> {
        let w = self.words();
        let c = &w.commands;
        let names = [
            ("why", c.why.as_str()),
            ("back", &c.back),
            ("skip", &c.skip),
            ("help", &c.help),
            ("quit", &c.quit),
        ];
        let mut lines: Vec<String> = w.help.iter().map(|l| fill(l, &names)).collect();
        if self.app.kiosk.is_some()
            && let Some(last) = lines.last_mut()
        {
            *last = fill(&w.help_kiosk_quit, &names);
        }
        lines
    }

    fn resume_question(&self) -> String {
        let w = self.words();
        let question = self.app.resume_question().replace('\n', " ");
        fill(
            &w.resume,
            &[
                ("question", &question),
                ("yes", &w.commands.yes),
                ("no", &w.commands.no),
            ],
        )
    }

    fn resume(&mut self, line: &str, out: &mut Vec<String>) {
        let c = &self.words().commands;
        let yes = match line.to_lowercase() {
            l if same(&l, &c.yes) => true,
            l if same(&l, &c.no) => false,
            _ => return out.push(self.resume_question()),
        };
        self.app.update(if yes { Msg::Yes } else { Msg::No });
        // A new session instead: its patient chooses the language.
        if !yes && self.app.offers_languages() {
            self.stage = Stage::Language;
            return out.extend(self.language_lines());
        }
        out.extend(self.opening());
        if self.app.screen == crate::tui::app::Screen::Welcome {
            self.app.update(Msg::Confirm);
        }
        self.after_begin(out);
    }

    /// Where the app went on Start: the visit code, or a question. An
    /// emergency answered before (a continued session) is told first.
    fn after_begin(&mut self, out: &mut Vec<String>) {
        use crate::tui::app::Screen;
        let _ = self.tell_warning_signs(out);
        if self.app.dialog == Some(Dialog::VisitCode) {
            self.stage = Stage::VisitCode;
            return out.extend(self.visit_code_lines());
        }
        match self.app.screen {
            Screen::Item(n) => self.ask(n, out),
            _ => self.past_the_last(out),
        }
    }

    fn visit_code_lines(&self) -> Vec<String> {
        let dialogs = &self.text().screen.dialogs;
        let Some(config) = self.app.kiosk.as_ref().and_then(|k| k.visit_code.as_ref()) else {
            return Vec::new();
        };
        let places = config.pattern.chars().filter(|c| *c != '-').count();
        // The key's name as the catalogue says it (a line ends with Enter).
        let keys = &self.text().aloud.keys;
        let enter = keys.get("Enter").map_or("Enter", String::as_str);
        let hint = if config.may_skip {
            fill(
                &dialogs.visit_code_skip,
                &[("places", &places.to_string()), ("confirm", enter)],
            )
        } else {
            fill(
                &dialogs.visit_code_length,
                &[("places", &places.to_string())],
            )
        };
        vec![dialogs.visit_code_patient.clone(), hint]
    }

    /// The visit code, checked by the app as if typed into its box.
    fn visit_code(&mut self, line: &str, out: &mut Vec<String>) {
        if self.command(line, out) {
            return;
        }
        for c in line.chars() {
            self.app.update(Msg::Edit(InputRequest::InsertChar(c)));
        }
        self.app.update(Msg::Confirm);
        if let Some(Notice::Error(text)) = self.app.notice.take() {
            out.push(text);
        }
        self.after_begin(out);
    }

    /// A command that means the same everywhere (help, quit); whether it was one.
    fn command(&mut self, line: &str, out: &mut Vec<String>) -> bool {
        let c = &self.words().commands;
        let l = line.to_lowercase();
        if same(&l, &c.help) {
            out.extend(self.help());
        } else if same(&l, &c.quit) {
            self.ask_to_quit(out);
        } else {
            return false;
        }
        true
    }

    fn ask_to_quit(&mut self, out: &mut Vec<String>) {
        let back = Box::new(self.stage.clone());
        if self.app.kiosk.is_some() {
            if self.pin_shows {
                out.push(self.words().pin_echo.clone());
            }
            self.stage = Stage::Pin(back);
            return;
        }
        let w = self.words();
        out.push(fill(
            &w.quit_confirm,
            &[("yes", &w.commands.yes), ("no", &w.commands.no)],
        ));
        self.stage = Stage::ConfirmQuit(back);
    }

    fn confirm_quit(&mut self, back: Stage, line: &str, out: &mut Vec<String>) {
        if same(line, &self.words().commands.yes) {
            self.app.leave();
            self.stage = Stage::Ended;
            return out.push(self.words().stopped.clone());
        }
        out.push(self.words().quit_kept.clone());
        self.resume_stage(back, out);
    }

    /// The staff PIN, checked by the app as if typed into its dialog.
    fn pin(&mut self, back: Stage, line: &str, out: &mut Vec<String>) {
        self.app.notice = None;
        self.app.update(Msg::StaffExit);
        for c in line.chars() {
            self.app.update(Msg::Edit(InputRequest::InsertChar(c)));
        }
        self.app.update(Msg::Confirm);
        if !self.app.running() {
            self.stage = Stage::Ended;
            return;
        }
        // Paused after too many wrong PINs: the dialog is still open.
        if self.app.dialog == Some(Dialog::StaffPin) {
            self.app.update(Msg::Quit);
        }
        let wrong = &self.text().screen.dialogs.pin_wrong;
        out.push(match self.app.notice.take() {
            Some(Notice::Error(text)) => text,
            _ => wrong.clone(),
        });
        self.resume_stage(back, out);
    }

    /// Back where the patient was before a command: asked again.
    fn resume_stage(&mut self, back: Stage, out: &mut Vec<String>) {
        match back {
            Stage::Item(n) => self.ask(n, out),
            Stage::Body(n, step) => self.body_step(n, step, out),
            Stage::VisitCode => {
                self.stage = back;
                out.extend(self.visit_code_lines());
            }
            Stage::Summary => {
                self.stage = back;
                out.push(self.summary_end());
            }
            Stage::Review(from) => self.review_page(from, out),
            Stage::Begin => {
                self.stage = back;
                out.extend(self.begin_lines());
            }
            Stage::Language => {
                self.stage = back;
                out.extend(self.language_lines());
            }
            Stage::Next => {
                self.stage = back;
                out.push(self.held_words());
            }
            other => self.stage = other,
        }
    }

    /// The next enabled item after `from`, or the end.
    /// While an answer is changed from the review, back to the review.
    fn forward(&mut self, from: usize, out: &mut Vec<String>) {
        if self.reviewing {
            return self.past_the_last(out);
        }
        let next = self.app.enabled_items().find(|&m| m > from);
        match next {
            Some(m) => self.ask(m, out),
            None => self.past_the_last(out),
        }
    }

    fn backward(&mut self, from: usize, out: &mut Vec<String>) {
        let before = self.app.enabled_items().filter(|&m| m < from).last();
        match before {
            Some(m) => {
                self.section = None;
                self.ask(m, out)
            }
            None => {
                out.push(self.words().first.clone());
                self.ask(from, out);
            }
        }
    }

    /// Past the last question: a required one still open is asked; else
    /// the answers are read back.
    fn past_the_last(&mut self, out: &mut Vec<String>) {
        if let Some(&first) = self.app.missing_required().first() {
            let kind = &self.app.item(first).kind;
            out.push(crate::tui::kinds::unanswered(kind, &self.text().screen.item).to_string());
            self.section = None;
            return self.ask(first, out);
        }
        self.review(out);
    }

    /// The summary, made as the review screen's Finish makes it, read out.
    fn summary(&mut self, out: &mut Vec<String>) {
        self.reviewing = false;
        self.app.review_select(ReviewRow::Finish);
        out.push(self.words().summary_start.clone());
        out.extend(summary::lines(&self.app));
        out.push(self.summary_end());
        self.stage = Stage::Summary;
    }

    fn summary_end(&self) -> String {
        match self.app.kiosk {
            Some(_) => self.words().summary_end_kiosk.clone(),
            None => self.words().summary_end.clone(),
        }
    }

    /// A warning sign just raised, told at once: the notice under the
    /// answer and, for an emergency, the alert screen's words.
    /// Tells a warning sign just raised; whether it was an emergency.
    fn tell_warning_signs(&mut self, out: &mut Vec<String>) -> bool {
        if let Some(Notice::Urgent(text)) = self.app.take_told() {
            out.push(text);
        }
        let Some(alert) = self.app.alert.take() else {
            return false;
        };
        let alerts = &self.app.rules().alerts;
        out.push(alerts.emergency_title.clone());
        out.push(alerts.emergency.clone());
        out.extend(alert.titles);
        true
    }

    /// After an emergency, the next question waits for Enter, as the
    /// screen's alert waits for a key: a patient who cuts speech short
    /// does not hear the next question over it. `then` is where to go on.
    fn hold(&mut self, then: Stage, out: &mut Vec<String>) {
        out.push(self.words().emergency_ack.clone());
        self.stage = Stage::Acknowledge(Box::new(then));
    }
}

#[cfg(test)]
mod tests;
