//! The application state and `update`: every change of state goes through a
//! message, so a whole session can be replayed in a test without a terminal.

mod alert;
mod aloud;
mod dialogs;
mod item;
mod language;
mod outcome;
mod practice;
mod review;
mod talk;
mod visit_code;
mod words;

pub use outcome::Outcome;
pub use practice::Practice;
pub use talk::{Pick, TYPED_CHARS};

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, OnceLock};

use ratatui::layout::Rect;

use super::caps::{Caps, Palette};
use super::editor::Editor;
use super::glyphs::Glyphs;
use super::keymap::Keymap;
use super::kinds::{self, pointed_answer};
use super::layout::{self, Frame, ItemBody};
use super::message::{Focus, Msg};
use super::theme::Theme;
use crate::answers::{Answer, EnableIndex, Session};
use crate::content::Content;
use crate::findings::{self, Findings, Level, Rules, evaluate};
use crate::journal::Record;
use crate::kiosk::{KioskConfig, PinGuard, TypedPin};
use crate::questionnaire::{Item, Kind, Questionnaire};
use crate::report::Report;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Welcome,
    /// The item at this index in questionnaire order.
    Item(usize),
    Review,
    Summary,
    /// A full-screen emergency alert, shown the moment an answer raises an
    /// emergency warning sign; not a question.
    Alert,
    /// Practice mode: the standardized patient's opening words.
    Opening,
    /// Practice mode: any question, in any order, in interviewer wording.
    Interview,
    /// Practice mode: the trainee's impression, this question of it.
    Impression(usize),
    /// Practice mode: why the trainee concluded what they did.
    Reasoning,
    /// Practice mode: the score and what the key says.
    Debrief,
}

/// Which view of the report the summary screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummaryTab {
    /// The patient's, in plain words: shown first.
    Patient,
    Clinician,
}

impl SummaryTab {
    pub const ALL: [SummaryTab; 2] = [SummaryTab::Patient, SummaryTab::Clinician];

    pub fn other(self) -> Self {
        match self {
            SummaryTab::Patient => SummaryTab::Clinician,
            SummaryTab::Clinician => SummaryTab::Patient,
        }
    }
}

/// An emergency to tell the patient on the next screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    /// The warning signs, by id and in the rules' words.
    pub ids: Vec<String>,
    pub titles: Vec<String>,
    /// Where the patient was going when the alert took the screen; `None`
    /// while it waits for the patient to leave the screen of the answer.
    pub then: Option<Screen>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialog {
    ConfirmQuit,
    /// Remove every mark from the body diagram?
    ConfirmClearAll,
    /// Continue an earlier unfinished session?
    Resume,
    /// Kiosk: are you still there? (seconds left before starting over)
    StillThere(u64),
    /// Kiosk: start over, clearing the answers?
    StartOver,
    /// Kiosk: staff PIN to leave.
    StaffPin,
    /// Kiosk: continue an earlier session, once the person types an answer
    /// of theirs again (the configuration's `resume_check` item).
    ConfirmOwner,
    /// Kiosk: the code on the check-in slip, before the first question.
    VisitCode,
}

/// A line under the answer: a problem to fix, or a plain notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Error(String),
    Info(String),
    /// A warning sign was just answered: shown in the urgent style.
    Urgent(String),
}

#[derive(Clone)]
pub struct App {
    pub questionnaire: Questionnaire,
    /// The regions, figures and words the core is given.
    pub content: Content<'static>,
    pub session: Session,
    pub screen: Screen,
    pub editor: Editor,
    /// Which items are enabled; after an answer, only its readers are
    /// evaluated again (`refresh_enabled`).
    pub enabled: Vec<bool>,
    /// Who reads whom in the enable conditions, made with the questionnaire
    /// (shared by clones: it is as big as the questionnaire).
    enable_index: Arc<EnableIndex>,
    /// The questionnaire is only its head (the welcome screen's words)
    /// while the whole file is read and checked (`load`).
    pub loading: bool,
    pub show_why: bool,
    pub notice: Option<Notice>,
    pub dialog: Option<Dialog>,
    pub theme: Theme,
    /// The characters the terminal can show, for the views to draw with.
    pub glyphs: Glyphs,
    /// The colours it can show: the theme is brought down to them.
    pub palette: Palette,
    /// Which key does what, and the hints that say so.
    pub keymap: Arc<Keymap>,
    /// The size of the last frame drawn, for reading keys and clicks against
    /// what the patient saw (drawing uses each frame's own size).
    pub area: Rect,
    pub review_cursor: usize,
    pub summary_scroll: u16,
    pub summary_tab: SummaryTab,
    /// After editing an item from the review screen, go back there.
    pub return_to_review: bool,
    /// Text typed into a field that is not (yet) a valid answer, by item id.
    pub drafts: HashMap<String, String>,
    /// Written only by `leave` and a right staff PIN: a kiosk is left no other way.
    running: bool,
    /// The patient asked for linear mode at the welcome screen: the screen
    /// ends and the runtime goes on in plain lines with this app.
    to_linear: bool,
    /// The findings rules for the summary.
    /// Read on first use unless given: the built-in rules for the built-in
    /// questionnaire, none for another.
    rules: OnceLock<Rules>,
    /// The findings, computed when the summary opens.
    pub findings: Option<Findings>,
    /// The findings in words, for the patient and the clinician.
    pub report: Option<Report>,
    /// The patient reached the summary.
    pub finished: bool,
    /// What the runtime must do (journal an answer, save and wipe), in order.
    pub effects: Vec<Effect>,
    /// Seconds since the Unix epoch; replaced in tests.
    pub clock: fn() -> u64,
    /// Kiosk mode: idle timeout and the staff PIN.
    pub kiosk: Option<KioskConfig>,
    /// An earlier unfinished session, offered to be continued.
    pub resume: Option<Session>,
    /// The PIN being typed into the staff dialog (never shown).
    pub pin: TypedPin,
    /// Wrong staff PINs in a row: kept across patients and dialogs.
    pub pin_guard: PinGuard,
    /// What is typed into the kiosk's continue-your-session check (wiped,
    /// not just emptied, when done with: it is the patient's answer).
    pub typed: TypedPin,
    /// A clinician asks aloud: show the interviewer's wording and "why we ask".
    pub interviewer: bool,
    /// The computer can speak (the runtime found espeak-ng): the read-aloud
    /// key reads the question, and the welcome screen says so.
    pub speech: bool,
    /// Where Done saves the summary, to tell the patient (outside a kiosk).
    pub saves_to: Option<String>,
    /// Warning signs already told to this patient: each is told once.
    pub alerted: BTreeSet<String>,
    /// An emergency alert waiting for, or holding, the screen.
    pub alert: Option<Alert>,
    /// The notice of a warning sign just answered, for `update` to show.
    to_tell: Option<Notice>,
    /// A kiosk's save or wipe that failed, to try again; while it is held
    /// the screen shows nothing of the patient.
    pub held: Option<Effect>,
    /// Practice mode: a trainee interviews a standardized patient; the
    /// answers recorded are `session`'s. Never at a kiosk.
    pub practice: Option<Box<Practice>>,
    /// The languages offered on the welcome screen, the first the default;
    /// none for a questionnaire that is not built in.
    pub languages: Vec<String>,
}

/// Work for the runtime, which owns the disk: the app itself stays pure.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Append this change to the autosave journal.
    Journal(Record),
    /// Kiosk: the patient is done; save the summary, then wipe everything.
    Finished,
    /// Kiosk: save what there is as unfinished, then wipe (idle or start over).
    Abandoned,
    /// The patient chose not to continue this earlier session: keep it for
    /// staff, out of sight.
    SetAside(Session),
    /// An answer raised a warning sign of this level: at a kiosk, call staff.
    Alert(Level),
    /// A line for the staff log (never a PIN or patient data).
    StaffLog(String),
    /// Practice mode: save the debrief as this file (never over another).
    SaveDebrief { name: String, text: String },
    /// Practice mode: keep the debrief and its scores in the student's
    /// history.
    KeepDebrief {
        record: crate::practice::history::Record,
        text: String,
    },
    /// Read this aloud, in this language (a language code), stopping
    /// whatever was being read.
    Speak { text: String, language: String },
}

/// Rows of the review screen: the enabled questions, then "finish".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewRow {
    Item(usize),
    Finish,
}

impl App {
    pub fn new(questionnaire: Questionnaire, session: Session, theme: Theme, area: Rect) -> Self {
        let content = Content::builtin();
        let enabled = session.enabled(&questionnaire, content.regions);
        let enable_index = Arc::new(EnableIndex::new(&questionnaire));
        Self {
            content,
            session,
            screen: Screen::Welcome,
            editor: Editor::None,
            enabled,
            enable_index,
            loading: false,
            show_why: false,
            notice: None,
            dialog: None,
            theme,
            glyphs: Glyphs::default(),
            palette: Palette::default(),
            keymap: Keymap::builtin(),
            area,
            review_cursor: 0,
            summary_scroll: 0,
            summary_tab: SummaryTab::Patient,
            return_to_review: false,
            drafts: HashMap::new(),
            running: true,
            to_linear: false,
            rules: OnceLock::new(),
            findings: None,
            report: None,
            finished: false,
            effects: Vec::new(),
            clock: crate::export::time::now,
            kiosk: None,
            resume: None,
            pin: TypedPin::default(),
            pin_guard: PinGuard::default(),
            typed: TypedPin::default(),
            interviewer: false,
            speech: false,
            saves_to: None,
            alerted: BTreeSet::new(),
            alert: None,
            to_tell: None,
            held: None,
            practice: None,
            languages: Vec::new(),
            questionnaire,
        }
    }

    pub fn with_rules(mut self, rules: Rules) -> Self {
        self.rules = OnceLock::from(rules);
        self
    }

    /// Drawn for a terminal with these capabilities.
    pub fn with_caps(mut self, caps: Caps) -> Self {
        self.glyphs = Glyphs::of(caps.glyphs);
        self.palette = caps.palette;
        self.theme = self.theme.for_palette(caps.palette);
        self
    }

    /// A keymap file's letters are English's; the screen's language's
    /// take their place.
    pub fn with_keymap(mut self, keymap: Keymap) -> Self {
        let english = &crate::text::Text::builtin().letters;
        self.keymap = Arc::new(keymap.with_letters(english, &self.content.text.letters));
        self
    }

    pub fn with_kiosk(mut self, config: KioskConfig) -> Self {
        self.kiosk = Some(config);
        self.reset_session();
        self
    }

    /// The whole questionnaire (and its rules, if given), read and checked
    /// while the welcome screen was drawn from its head.
    pub fn load(&mut self, questionnaire: Questionnaire, rules: Option<Rules>) {
        self.questionnaire = questionnaire;
        if let Some(rules) = rules {
            self.rules = OnceLock::from(rules);
        }
        self.enable_index = Arc::new(EnableIndex::new(&self.questionnaire));
        self.enabled = self
            .session
            .enabled(&self.questionnaire, self.content.regions);
        self.loading = false;
    }

    /// A new session: at a kiosk with no staff beside the patient, one
    /// that never shows questions needing a helper.
    fn reset_session(&mut self) {
        // The next patient starts in the kiosk's first language.
        if let Some(first) = self.languages.first().cloned() {
            self.switch_to(&first);
        }
        self.session = Session::start(&self.questionnaire, (self.clock)());
        self.session.unattended = self.kiosk.as_ref().is_some_and(|k| !k.staff_present);
        self.enabled = self
            .session
            .enabled(&self.questionnaire, self.content.regions);
    }

    /// The findings rules for the summary.
    pub fn rules(&self) -> &Rules {
        self.rules.get_or_init(|| {
            crate::languages::rules(&self.questionnaire)
                .unwrap_or_else(|| Rules::none(&self.questionnaire))
        })
    }

    /// The report of the summary screen: made when the summary opens, or
    /// (a screen reached some other way) made from the answers now.
    pub fn summary_report(&self) -> std::borrow::Cow<'_, Report> {
        match &self.report {
            Some(r) => std::borrow::Cow::Borrowed(r),
            None => std::borrow::Cow::Owned(self.make_report(&evaluate(
                &self.questionnaire,
                &self.session,
                self.rules(),
                &self.content,
            ))),
        }
    }

    /// The report, its clinician's view in the clinic's language.
    fn make_report(&self, findings: &Findings) -> Report {
        let patient = crate::report::Reader {
            q: &self.questionnaire,
            rules: self.rules(),
            content: &self.content,
            findings,
        };
        let Some(clinic) = self.clinic() else {
            return Report::bilingual(&self.session, patient, patient);
        };
        let (q, rules, content) = (&clinic.questionnaire, &clinic.rules, &clinic.content);
        let clinic_findings = evaluate(q, &self.session, rules, content);
        let reader = crate::report::Reader {
            q,
            rules,
            content,
            findings: &clinic_findings,
        };
        Report::bilingual(&self.session, patient, reader)
    }

    /// Replaces the answers (a resumed session), keeping what depends on them right.
    pub fn set_session(&mut self, session: Session) {
        let language = session.language.clone();
        self.session = session;
        if !self.languages.is_empty() {
            self.switch_to(language.as_deref().unwrap_or(crate::languages::ENGLISH));
        }
        self.enabled = self
            .session
            .enabled(&self.questionnaire, self.content.regions);
        // A continued session's warning signs are told again, first thing,
        // in words about earlier answers: the screen resumed on is another
        // question than the one that raised them.
        self.alerted.clear();
        self.tell_new_warning_signs();
        if self.to_tell.is_some() {
            let alerts = &self.rules().alerts;
            let resumed = match self.alert {
                Some(_) => alerts.resumed_emergency.clone(),
                None => alerts.resumed.clone(),
            };
            self.to_tell = Some(Notice::Urgent(resumed));
        }
    }

    /// What to do with the unfinished session an earlier run left: offer to
    /// continue it, or (another questionnaire's, or at a kiosk older than the
    /// resume window, so perhaps another patient's) set it aside for staff
    /// without showing it. Answers that no longer fit their questions are dropped.
    pub fn consider_earlier(&mut self, mut earlier: Session, now: u64) {
        if earlier.answers.is_empty() {
            return;
        }
        let fits = earlier.questionnaire == self.questionnaire.id;
        let recent = self
            .kiosk
            .as_ref()
            .is_none_or(|k| now.saturating_sub(earlier.updated) <= k.resume_window_secs);
        let q = &self.questionnaire;
        earlier
            .answers
            .retain(|id, a| q.item(id).is_some_and(|i| a.check(&i.kind).is_ok()));
        // At a kiosk the next person may not be the one who began: only
        // someone who can type an answer of theirs again may continue.
        let checkable = self.kiosk.as_ref().is_none_or(|k| {
            k.resume_check
                .as_ref()
                .is_some_and(|id| earlier.get(id).is_some())
        });
        if fits && recent && checkable {
            self.offer_resume(earlier);
        } else {
            self.effects.push(Effect::SetAside(earlier));
        }
    }

    /// Keeps an earlier session for staff without showing or offering it.
    pub fn set_aside(&mut self, earlier: Session) {
        self.effects.push(Effect::SetAside(earlier));
    }

    /// Offers to continue an earlier unfinished session: at a kiosk, to the
    /// person who can confirm it is theirs.
    pub fn offer_resume(&mut self, earlier: Session) {
        self.resume = Some(earlier);
        self.typed.clear();
        self.dialog = Some(if self.kiosk.is_some() {
            Dialog::ConfirmOwner
        } else {
            Dialog::Resume
        });
    }

    /// Whether a patient is in the middle of the questionnaire (for the idle timer).
    pub fn in_progress(&self) -> bool {
        self.screen != Screen::Welcome || !self.session.answers.is_empty()
    }

    /// Forgets the patient: answers, drafts, findings, screen. The next
    /// patient starts at the welcome screen with nothing of this one.
    pub fn reset(&mut self) {
        self.reset_session();
        self.drafts.clear();
        self.findings = None;
        self.report = None;
        self.finished = false;
        self.resume = None;
        self.alerted.clear();
        self.alert = None;
        self.to_tell = None;
        self.held = None;
        self.pin.clear();
        self.typed.clear();
        self.dialog = None;
        self.show_why = false;
        self.return_to_review = false;
        self.review_cursor = 0;
        self.open(Screen::Welcome);
    }

    pub fn item(&self, index: usize) -> &Item {
        self.questionnaire
            .at(index)
            .expect("screen index is in range")
    }

    pub fn current_item(&self) -> Option<&Item> {
        match self.screen {
            Screen::Item(n) => Some(self.item(n)),
            _ => None,
        }
    }

    /// What has the keyboard, for reading keys.
    pub fn focus(&self) -> Focus {
        // Every printable key is part of the PIN or the typed answer, as typed.
        if matches!(
            self.dialog,
            Some(Dialog::StaffPin | Dialog::ConfirmOwner | Dialog::VisitCode)
        ) {
            return Focus::Text;
        }
        if self.dialog.is_some() {
            return Focus::Other;
        }
        match self.screen {
            Screen::Item(_) => self.editor.focus(),
            // The practice interview's text box, unless a list is open.
            Screen::Interview if self.practice.as_deref().is_some_and(|p| p.pick.is_none()) => {
                Focus::Text
            }
            Screen::Reasoning => Focus::Text,
            _ => Focus::Other,
        }
    }

    /// Enabled items in order, as indexes.
    pub fn enabled_items(&self) -> impl Iterator<Item = usize> + '_ {
        self.enabled
            .iter()
            .enumerate()
            .filter(|(_, on)| **on)
            .map(|(n, _)| n)
    }

    /// The enabled items and their places, in one walk of the questionnaire
    /// (finding each by its place would cost the sections again).
    pub fn enabled_with_items(&self) -> impl Iterator<Item = (usize, &Item)> + '_ {
        let on = self.enabled.iter();
        self.questionnaire
            .items()
            .enumerate()
            .zip(on)
            .filter(|(_, on)| **on)
            .map(|(pair, _)| pair)
    }

    /// (position of the current item among enabled items, how many are enabled).
    pub fn position(&self, index: usize) -> (usize, usize) {
        let total = self.enabled_items().count();
        let at = self.enabled_items().take_while(|&n| n < index).count() + 1;
        (at.min(total.max(1)), total)
    }

    pub fn review_rows(&self) -> Vec<ReviewRow> {
        self.enabled_with_items()
            .filter(|(_, item)| !matches!(item.kind, Kind::Info))
            .map(|(n, _)| ReviewRow::Item(n))
            .chain([ReviewRow::Finish])
            .collect()
    }

    /// Required enabled items still without an answer.
    pub fn missing_required(&self) -> Vec<usize> {
        self.enabled_with_items()
            .filter(|(_, item)| item.required && self.session.get(&item.id).is_none())
            .map(|(n, _)| n)
            .collect()
    }

    pub fn update(&mut self, msg: Msg) {
        let before = self.screen;
        self.handle(msg);
        self.tell_where_answered(before);
    }

    /// A warning sign is told on the screen where it was answered, whatever
    /// moved on from it (a key that answers and goes on, a typed answer, a
    /// resumed session): an urgent sign brings the patient back to read its
    /// notice; an emergency takes the very next screen as a full alert.
    fn tell_where_answered(&mut self, before: Screen) {
        let moved = self.screen != before && self.screen != Screen::Welcome;
        if let Some(notice) = self.to_tell.take() {
            match before {
                Screen::Item(n) if moved && self.alert.is_none() => self.open_item(n),
                _ => {}
            }
            self.notice = Some(notice);
        }
        if !moved || self.alert.as_ref().is_none_or(|a| a.then.is_some()) {
            return;
        }
        // Only what is still true: an answer changed back is not alerted
        // (and may be told again if it comes back).
        let raised = self.raised_ids();
        let mut alert = self.alert.take().expect("checked above");
        let (ids, titles): (Vec<String>, Vec<String>) = alert
            .ids
            .iter()
            .cloned()
            .zip(alert.titles.iter().cloned())
            .filter(|(id, _)| raised.contains(id))
            .unzip();
        self.alerted
            .retain(|id| raised.contains(id) || !alert.ids.contains(id));
        if ids.is_empty() {
            return;
        }
        (alert.ids, alert.titles) = (ids, titles);
        alert.then = Some(self.screen);
        self.alert = Some(alert);
        self.screen = Screen::Alert;
    }

    fn raised_ids(&self) -> Vec<String> {
        findings::raised(
            &self.questionnaire,
            &self.session,
            &self.enabled,
            self.rules(),
            self.content.regions,
        )
        .into_iter()
        .map(|f| f.id.clone())
        .collect()
    }

    fn handle(&mut self, msg: Msg) {
        // What the runtime did is taken in whatever is on screen.
        if let Msg::Host(outcome) = msg {
            return self.outcome(outcome);
        }
        if let Msg::Resize(w, h) = msg {
            self.area = Rect::new(0, 0, w, h);
            return;
        }
        if let Msg::ToggleTheme = msg {
            self.theme = self.theme.toggled().for_palette(self.palette);
            return;
        }
        if let Msg::ReadAloud = msg {
            return self.read_aloud();
        }
        // Not a way out, even at a kiosk: the same session goes on as lines,
        // where only the PIN leaves too.
        if let (Msg::Linear, Screen::Welcome, None) = (&msg, self.screen, self.dialog) {
            self.to_linear = true;
            return;
        }
        // Nothing is drawn then, so nothing should change unseen.
        if layout::too_small(self.area) {
            return;
        }
        if self.held.is_some() && self.dialog != Some(Dialog::StaffPin) {
            return self.update_held(msg);
        }
        if let Msg::Tick { idle } = msg {
            return self.idle(idle);
        }
        if let Some(Dialog::StillThere(_)) = self.dialog {
            // Any key or click means the patient is still there.
            self.dialog = None;
            return;
        }
        if self.dialog == Some(Dialog::StaffPin) {
            return self.update_pin(msg);
        }
        if self.dialog == Some(Dialog::ConfirmOwner) {
            return self.update_confirm_owner(msg);
        }
        if self.dialog == Some(Dialog::VisitCode) {
            return self.update_visit_code(msg);
        }
        if self.dialog.is_some() {
            self.update_dialog(msg);
            return;
        }
        match (msg, self.kiosk.is_some()) {
            // At a kiosk these keys must not end the program or suspend it.
            (Msg::Interrupt, true) | (Msg::StaffExit, false) => {}
            (Msg::StaffExit, true) => {
                self.pin.clear();
                self.dialog = Some(Dialog::StaffPin);
            }
            // Esc while finding a place on the body diagram ends the search.
            (Msg::Quit, _) if self.searching() => self.route(Msg::Quit),
            (Msg::Quit, _) | (Msg::Interrupt, false) => self.ask_to_leave(),
            (msg, _) => self.route(msg),
        }
    }

    /// A kiosk could not save a patient's session: it is kept here, the
    /// screen hides it, and it is saved as soon as a key or click asks to
    /// try again (staff may free the disk first). Ctrl-Q still asks for the
    /// PIN.
    pub fn hold(&mut self, effect: Effect) {
        self.held = Some(effect);
        self.dialog = None;
    }

    fn update_held(&mut self, msg: Msg) {
        match msg {
            Msg::StaffExit => {
                self.pin.clear();
                self.dialog = Some(Dialog::StaffPin);
            }
            Msg::Tick { .. } => {}
            _ => self.effects.extend(self.held.take()),
        }
    }

    /// Esc, or a Leave button: outside a kiosk, ask before leaving; at a
    /// kiosk, nobody leaves without the staff PIN, so the patient may only
    /// start over.
    pub(super) fn ask_to_leave(&mut self) {
        if self.practice.is_some() {
            return self.leave_practice_screen();
        }
        self.dialog = match (&self.kiosk, self.in_progress()) {
            (None, _) => Some(Dialog::ConfirmQuit),
            (Some(_), true) => Some(Dialog::StartOver),
            (Some(_), false) => None,
        };
    }

    /// Whether the program goes on.
    pub fn running(&self) -> bool {
        self.running
    }

    /// Whether the patient asked for linear mode (the screen then ends).
    pub fn wants_linear(&self) -> bool {
        self.to_linear
    }

    /// Whether the patient asked for linear mode, the asking then done.
    pub fn take_linear(&mut self) -> bool {
        std::mem::take(&mut self.to_linear)
    }

    /// Ends the program, unless this is a kiosk: there only a right staff
    /// PIN ends it, and no other path may.
    pub fn leave(&mut self) {
        if self.kiosk.is_none() {
            self.running = false;
        }
    }

    fn route(&mut self, msg: Msg) {
        match self.screen {
            Screen::Welcome => self.update_welcome(msg),
            Screen::Item(n) => self.update_item(n, msg),
            Screen::Review => self.update_review(msg),
            Screen::Summary => self.update_summary(msg),
            Screen::Alert => self.update_alert(msg),
            Screen::Opening => self.update_opening(msg),
            Screen::Interview => self.update_interview(msg),
            Screen::Impression(n) => self.update_impression(n, msg),
            Screen::Reasoning => self.update_reasoning(msg),
            Screen::Debrief => self.update_debrief(msg),
        }
    }

    fn go_forward_from(&mut self, from: Option<usize>) {
        if self.practice.is_some() {
            return self.end_recording();
        }
        if self.return_to_review {
            return self.open_review(from);
        }
        let next = self.enabled_items().find(|&m| from.is_none_or(|f| m > f));
        match next {
            Some(m) => self.open_item(m),
            None => self.open_review(None),
        }
    }

    fn open(&mut self, screen: Screen) {
        self.screen = screen;
        self.notice = None;
        self.editor = Editor::None;
        self.summary_scroll = 0;
        self.summary_tab = SummaryTab::Patient;
    }

    pub fn open_item(&mut self, n: usize) {
        self.open(Screen::Item(n));
        let item = self.item(n);
        self.editor = Editor::for_item(
            item,
            self.session.get(&item.id),
            self.drafts.get(&item.id).map(String::as_str),
        );
    }

    fn open_review(&mut self, at_item: Option<usize>) {
        self.return_to_review = false;
        // Back from the summary to change answers: not finished until the
        // summary is reached again.
        self.finished = false;
        self.open(Screen::Review);
        let rows = self.review_rows();
        self.review_cursor = at_item
            .and_then(|n| rows.iter().position(|r| *r == ReviewRow::Item(n)))
            .unwrap_or(rows.len() - 1);
    }

    /// Stores an answer given by a choice or scale and refreshes what depends on it.
    pub(crate) fn answer(&mut self, n: usize, answer: Answer) {
        let id = self.item(n).id.clone();
        let before = self.session.get(&id).cloned();
        match self.session.set(&self.questionnaire, &id, answer) {
            Ok(()) => {
                self.notice = None;
                self.changed(&id, before);
            }
            Err(e) => self.notice = Some(Notice::Error(e.to_string())),
        }
    }

    /// Removes item `n`'s answer (a question skipped in linear mode), as an
    /// answer is changed: journaled, and what depends on it recomputed.
    pub(crate) fn clear_answer(&mut self, n: usize) {
        let id = self.item(n).id.clone();
        let before = self.session.get(&id).cloned();
        self.session.clear(&id);
        self.changed(&id, before);
    }

    /// The notice of a warning sign just answered, taken by a front end
    /// that tells it at once in its own way (linear mode).
    pub(crate) fn take_told(&mut self) -> Option<Notice> {
        self.to_tell.take()
    }

    /// After an answer may have changed: journal it if it did, and recompute
    /// which items are shown.
    fn changed(&mut self, id: &str, before: Option<Answer>) {
        let now = self.session.get(id);
        if now == before.as_ref() {
            return;
        }
        let at = (self.clock)();
        let record = match now {
            Some(answer) => Record::Set {
                id: id.to_string(),
                answer: answer.clone(),
                at,
            },
            None => Record::Clear {
                id: id.to_string(),
                at,
            },
        };
        self.session.updated = at;
        self.refresh_enabled(id);
        // A trainee's record is nobody's answers: not kept, nobody alerted.
        if self.practice.is_some() {
            return;
        }
        self.effects.push(Effect::Journal(record));
        self.tell_new_warning_signs();
    }

    /// Brings `enabled` up to date after the answer of `id` changed.
    fn refresh_enabled(&mut self, id: &str) {
        let (q, regions) = (&self.questionnaire, self.content.regions);
        let index = &self.enable_index;
        self.session
            .update_enabled(q, regions, index, &mut self.enabled, id);
    }

    /// Tells the patient, at once, of a warning sign their answers raised
    /// that they have not been told of: an emergency by a notice here and a
    /// full-screen alert next (and staff are called), an urgent sign by a
    /// notice on this screen.
    fn tell_new_warning_signs(&mut self) {
        let rules = self.rules();
        let new: Vec<(String, Level, String)> = findings::raised(
            &self.questionnaire,
            &self.session,
            &self.enabled,
            rules,
            self.content.regions,
        )
        .into_iter()
        .filter(|f| !self.alerted.contains(&f.id))
        .map(|f| (f.id.clone(), f.level, f.title.clone()))
        .collect();
        let Some(top) = new.iter().map(|(_, level, _)| *level).min() else {
            return;
        };
        let alerts = rules.alerts.clone();
        self.alerted.extend(new.iter().map(|(id, ..)| id.clone()));
        match top {
            Level::Emergency => {
                let (ids, titles) = new
                    .into_iter()
                    .filter(|(_, level, _)| *level == Level::Emergency)
                    .map(|(id, _, title)| (id, title))
                    .unzip();
                self.to_tell = Some(Notice::Urgent(alerts.emergency_notice));
                self.alert = Some(Alert {
                    ids,
                    titles,
                    then: None,
                });
                self.effects.push(Effect::Alert(Level::Emergency));
            }
            Level::Urgent => {
                self.to_tell = Some(Notice::Urgent(alerts.urgent));
                self.effects.push(Effect::Alert(Level::Urgent));
            }
            Level::Soon => {}
        }
    }

    /// The layout of item `n`'s body in the last frame drawn: what a key or
    /// click acts on is what the patient saw.
    pub fn item_body(&self, n: usize) -> ItemBody {
        self.item_body_in(n, self.area)
    }

    /// The layout of item `n`'s body in a frame of `area` (the view passes
    /// its frame's own, which may differ from the last one).
    pub fn item_body_in(&self, n: usize, area: Rect) -> ItemBody {
        let (intro, prompt, why) = self.item_words(n);
        ItemBody::new(Frame::new(area).body, intro, prompt, why)
    }

    /// What item `n`'s screen says above its answer: the section's
    /// introduction, the prompt, and why we ask when shown; on a trainee's
    /// map, only what to mark (the questionnaire's furniture is the
    /// patient's, not the trainee's).
    pub fn item_words(&self, n: usize) -> (&str, &str, Option<&str>) {
        if self.mapping() {
            return ("", &self.content.text.practice.talk.map_prompt, None);
        }
        let item = self.item(n);
        let why = (self.show_why || self.interviewer).then_some(item.why.as_str());
        (self.section_intro(n), self.prompt(item), why)
    }

    /// The question as this screen words it: the interviewer's phrasing in
    /// interviewer mode, the patient's otherwise.
    pub fn prompt<'a>(&self, item: &'a Item) -> &'a str {
        if self.interviewer {
            item.interviewer_prompt()
        } else {
            &item.prompt
        }
    }

    /// The section's introduction, shown above the first item of the section.
    pub fn section_intro(&self, n: usize) -> &str {
        let Some((_, places, s)) = self.questionnaire.section_places(n) else {
            return "";
        };
        let first_enabled = places
            .into_iter()
            .find(|&m| self.enabled.get(m) == Some(&true));
        match self.item(n).kind {
            // The body diagram needs every row; its prompt says enough.
            Kind::BodyMap => "",
            _ if first_enabled == Some(n) => &s.intro,
            _ => "",
        }
    }
}
