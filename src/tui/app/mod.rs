//! The application state and `update`: every change of state goes through a
//! message, so a whole session can be replayed in a test without a terminal.

mod body;
mod dialogs;
mod item;
mod review;

use std::collections::HashMap;
use std::sync::OnceLock;

use ratatui::layout::Rect;

use super::editor::{Editor, choice_rows, parse_number, single_answer, toggle_multi};
use super::layout::{self, BodyLayout, Frame, ItemBody};
use super::message::{Focus, Msg};
use super::theme::Theme;
use crate::answers::{Answer, DurationUnit, Session};
use crate::body::{BodyRegions, Direction, Symptom, View, hit, neighbour};
use crate::findings::{Findings, Rules, evaluate};
use crate::journal::Record;
use crate::kiosk::KioskConfig;
use crate::questionnaire::{Item, Kind, Questionnaire};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Welcome,
    /// The item at this index in questionnaire order.
    Item(usize),
    Review,
    Summary,
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
}

/// A line under the answer: a problem to fix, or a plain notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Error(String),
    Info(String),
}

pub struct App {
    pub questionnaire: Questionnaire,
    pub session: Session,
    pub screen: Screen,
    pub editor: Editor,
    /// Which items are enabled; recomputed after every answer.
    pub enabled: Vec<bool>,
    pub show_why: bool,
    pub notice: Option<Notice>,
    pub dialog: Option<Dialog>,
    pub theme: Theme,
    /// The size of the last frame drawn, for reading keys and clicks against
    /// what the patient saw (drawing uses each frame's own size).
    pub area: Rect,
    pub review_cursor: usize,
    pub summary_scroll: u16,
    /// After editing an item from the review screen, go back there.
    pub return_to_review: bool,
    /// Text typed into a field that is not (yet) a valid answer, by item id.
    pub drafts: HashMap<String, String>,
    pub running: bool,
    /// The findings rules for the summary.
    /// Read on first use unless given: the built-in rules for the built-in
    /// questionnaire, none for another.
    rules: OnceLock<Rules>,
    /// The findings, computed when the summary opens.
    pub findings: Option<Findings>,
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
    pub pin: String,
    /// A clinician asks aloud: show the interviewer's wording and "why we ask".
    pub interviewer: bool,
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
}

/// Rows of the review screen: the enabled questions, then "finish".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewRow {
    Item(usize),
    Finish,
}

impl App {
    pub fn new(questionnaire: Questionnaire, session: Session, theme: Theme, area: Rect) -> Self {
        let enabled = session.enabled(&questionnaire);
        Self {
            session,
            screen: Screen::Welcome,
            editor: Editor::None,
            enabled,
            show_why: false,
            notice: None,
            dialog: None,
            theme,
            area,
            review_cursor: 0,
            summary_scroll: 0,
            return_to_review: false,
            drafts: HashMap::new(),
            running: true,
            rules: OnceLock::new(),
            findings: None,
            finished: false,
            effects: Vec::new(),
            clock: crate::export::time::now,
            kiosk: None,
            resume: None,
            pin: String::new(),
            interviewer: false,
            questionnaire,
        }
    }

    pub fn with_rules(mut self, rules: Rules) -> Self {
        self.rules = OnceLock::from(rules);
        self
    }

    pub fn with_kiosk(mut self, config: KioskConfig) -> Self {
        self.kiosk = Some(config);
        self
    }

    /// The findings rules for the summary.
    pub fn rules(&self) -> &Rules {
        self.rules.get_or_init(|| {
            crate::content::rules_for(&self.questionnaire)
                .unwrap_or_else(|| Rules::none(&self.questionnaire))
        })
    }

    /// Replaces the answers (a resumed session), keeping what depends on them right.
    pub fn set_session(&mut self, session: Session) {
        self.session = session;
        self.enabled = self.session.enabled(&self.questionnaire);
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
        if fits && recent {
            let q = &self.questionnaire;
            earlier
                .answers
                .retain(|id, a| q.item(id).is_some_and(|i| a.check(&i.kind).is_ok()));
            self.offer_resume(earlier);
        } else {
            self.effects.push(Effect::SetAside(earlier));
        }
    }

    /// Offers to continue an earlier unfinished session.
    pub fn offer_resume(&mut self, earlier: Session) {
        self.resume = Some(earlier);
        self.dialog = Some(Dialog::Resume);
    }

    /// Whether a patient is in the middle of the questionnaire (for the idle timer).
    pub fn in_progress(&self) -> bool {
        self.screen != Screen::Welcome || !self.session.answers.is_empty()
    }

    /// Forgets the patient: answers, drafts, findings, screen. The next
    /// patient starts at the welcome screen with nothing of this one.
    pub fn reset(&mut self) {
        self.session = Session::new(&self.questionnaire, (self.clock)());
        self.enabled = self.session.enabled(&self.questionnaire);
        self.drafts.clear();
        self.findings = None;
        self.finished = false;
        self.resume = None;
        self.pin.clear();
        self.dialog = None;
        self.show_why = false;
        self.return_to_review = false;
        self.review_cursor = 0;
        self.open(Screen::Welcome);
    }

    pub fn item(&self, index: usize) -> &Item {
        self.questionnaire
            .items()
            .nth(index)
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
        if self.dialog.is_some() {
            return Focus::Other;
        }
        match (&self.screen, &self.editor) {
            (
                Screen::Item(_),
                Editor::Number { .. } | Editor::Duration { .. } | Editor::Text { .. },
            ) => Focus::Text,
            (Screen::Item(_), Editor::Scale { .. }) => Focus::Scale,
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

    /// (position of the current item among enabled items, how many are enabled).
    pub fn position(&self, index: usize) -> (usize, usize) {
        let total = self.enabled_items().count();
        let at = self.enabled_items().take_while(|&n| n < index).count() + 1;
        (at.min(total.max(1)), total)
    }

    pub fn review_rows(&self) -> Vec<ReviewRow> {
        self.enabled_items()
            .filter(|&n| !matches!(self.item(n).kind, Kind::Info))
            .map(ReviewRow::Item)
            .chain([ReviewRow::Finish])
            .collect()
    }

    /// Required enabled items still without an answer.
    pub fn missing_required(&self) -> Vec<usize> {
        self.enabled_items()
            .filter(|&n| {
                let item = self.item(n);
                item.required && self.session.get(&item.id).is_none()
            })
            .collect()
    }

    pub fn update(&mut self, msg: Msg) {
        if let Msg::Resize(w, h) = msg {
            self.area = Rect::new(0, 0, w, h);
            return;
        }
        if let Msg::ToggleTheme = msg {
            self.theme = self.theme.toggled();
            return;
        }
        // Nothing is drawn then, so nothing should change unseen.
        if layout::too_small(self.area) {
            return;
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
            (Msg::Quit, true) => {
                if self.in_progress() {
                    self.dialog = Some(Dialog::StartOver);
                }
            }
            (Msg::Quit | Msg::Interrupt, false) => self.dialog = Some(Dialog::ConfirmQuit),
            (msg, _) => self.route(msg),
        }
    }

    fn route(&mut self, msg: Msg) {
        match self.screen {
            Screen::Welcome => self.update_welcome(msg),
            Screen::Item(n) => self.update_item(n, msg),
            Screen::Review => self.update_review(msg),
            Screen::Summary => self.update_summary(msg),
        }
    }

    fn go_forward_from(&mut self, from: Option<usize>) {
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
        self.open(Screen::Review);
        let rows = self.review_rows();
        self.review_cursor = at_item
            .and_then(|n| rows.iter().position(|r| *r == ReviewRow::Item(n)))
            .unwrap_or(rows.len() - 1);
    }

    /// Stores an answer given by a choice or scale and refreshes what depends on it.
    fn answer(&mut self, n: usize, answer: Answer) {
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
        self.effects.push(Effect::Journal(record));
        self.enabled = self.session.enabled(&self.questionnaire);
    }

    /// The layout of item `n`'s body in the last frame drawn: what a key or
    /// click acts on is what the patient saw.
    pub fn item_body(&self, n: usize) -> ItemBody {
        self.item_body_in(n, self.area)
    }

    /// The layout of item `n`'s body in a frame of `area` (the view passes
    /// its frame's own, which may differ from the last one).
    pub fn item_body_in(&self, n: usize, area: Rect) -> ItemBody {
        let item = self.item(n);
        ItemBody::new(
            Frame::new(area).body,
            self.section_intro(n),
            self.prompt(item),
            (self.show_why || self.interviewer).then_some(item.why.as_str()),
        )
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
        let first_enabled = self.enabled_items().find(|&m| {
            self.questionnaire.section_of(m).map(|(s, _)| s)
                == self.questionnaire.section_of(n).map(|(s, _)| s)
        });
        match self.questionnaire.section_of(n) {
            // The body diagram needs every row; its prompt says enough.
            _ if matches!(self.item(n).kind, Kind::BodyMap) => "",
            Some((_, s)) if first_enabled == Some(n) => &s.intro,
            _ => "",
        }
    }
}

pub const BACK: &str = "◀ Back";
pub const NEXT: &str = "Next ▶";
pub const START: &str = "Start ▶";
pub const LEAVE: &str = "Leave";
pub const FINISH: &str = "Finish ▶";
pub const REVIEW: &str = "◀ Review";
pub const DONE: &str = "Done";
