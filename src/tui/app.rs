//! The application state and `update`: every change of state goes through a
//! message, so a whole session can be replayed in a test without a terminal.

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
    /// The terminal's size, for mouse hit-testing.
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

    fn update_dialog(&mut self, msg: Msg) {
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
    fn idle(&mut self, idle: u64) {
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

    fn update_pin(&mut self, msg: Msg) {
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

    fn update_welcome(&mut self, msg: Msg) {
        let frame = Frame::new(self.area);
        match msg {
            Msg::Confirm | Msg::Right => self.go_forward_from(None),
            Msg::Click { column, row }
                if layout::contains(frame.right_button(START), column, row) =>
            {
                self.go_forward_from(None)
            }
            Msg::Click { column, row }
                if layout::contains(frame.left_button(LEAVE), column, row) =>
            {
                self.dialog = Some(Dialog::ConfirmQuit)
            }
            _ => {}
        }
    }

    fn update_item(&mut self, n: usize, msg: Msg) {
        let kind = self.item(n).kind.clone();
        let frame = Frame::new(self.area);
        match msg {
            Msg::Help => {
                self.show_why = !self.show_why;
                return;
            }
            Msg::Back => return self.go_back(n),
            Msg::Confirm => return self.confirm(n),
            Msg::Click { column, row }
                if layout::contains(frame.left_button(BACK), column, row) =>
            {
                return self.go_back(n);
            }
            Msg::Click { column, row }
                if layout::contains(frame.right_button(NEXT), column, row) =>
            {
                return self.forward(n);
            }
            Msg::Paste(text) if self.focus() == Focus::Text => {
                for c in text.chars().filter(|c| !c.is_control()) {
                    self.edit(n, tui_input::InputRequest::InsertChar(c));
                }
                return;
            }
            _ => {}
        }
        match (&kind, msg) {
            (_, Msg::Edit(request)) => self.edit(n, request),
            (Kind::Scale { .. }, msg) => self.update_scale(n, &kind, msg),
            (Kind::YesNo | Kind::Side | Kind::Single { .. } | Kind::Multi { .. }, msg) => {
                self.update_choice(n, &kind, msg)
            }
            (Kind::Duration { .. }, m @ (Msg::Up | Msg::Down | Msg::NextField)) => {
                if let Editor::Duration { unit, .. } = &mut self.editor {
                    let i = DurationUnit::ALL
                        .iter()
                        .position(|u| u == unit)
                        .unwrap_or(0);
                    let step = if m == Msg::Up {
                        DurationUnit::ALL.len() - 1
                    } else {
                        1
                    };
                    *unit = DurationUnit::ALL[(i + step) % DurationUnit::ALL.len()];
                }
            }
            (Kind::BodyMap, msg) => self.update_body(n, msg),
            (_, Msg::Left) => self.go_back(n),
            (_, Msg::Right) => self.forward(n),
            _ => {}
        }
    }

    /// Enter: choose what the cursor is on (single answers), then go on.
    fn confirm(&mut self, n: usize) {
        let kind = self.item(n).kind.clone();
        if let (Editor::Choice { cursor }, Kind::YesNo | Kind::Side | Kind::Single { .. }) =
            (&self.editor, &kind)
        {
            let rows = choice_rows(&kind);
            if let Some(answer) = cursor
                .and_then(|c| rows.get(c))
                .and_then(|r| single_answer(&kind, &r.value))
            {
                self.answer(n, answer);
            }
        }
        self.forward(n);
    }

    /// Goes on if the item's answer is acceptable: typed text is checked here.
    fn forward(&mut self, n: usize) {
        if !self.commit_typed(n) {
            return;
        }
        let item = self.item(n);
        if item.required && self.session.get(&item.id).is_none() {
            let text = match item.kind {
                Kind::Multi { .. } => "Please choose at least one answer to go on.",
                Kind::BodyMap => "Please mark at least one place to go on.",
                Kind::Text { .. } | Kind::Number { .. } | Kind::Duration { .. } => {
                    "Please type an answer to go on."
                }
                _ => "Please choose an answer to go on.",
            };
            self.notice = Some(Notice::Error(text.to_string()));
            return;
        }
        self.go_forward_from(Some(n));
    }

    /// Checks and stores what was typed. On a problem the text stays in the
    /// field and a message says what to fix; returns whether all is well.
    fn commit_typed(&mut self, n: usize) -> bool {
        let item = self.item(n).clone();
        let Some(text) = self.editor.typed().map(str::to_string) else {
            return true;
        };
        let before = self.session.get(&item.id).cloned();
        if text.trim().is_empty() {
            self.session.clear(&item.id);
            self.drafts.remove(&item.id);
            self.changed(&item.id, before);
            return true;
        }
        let answer = match (&item.kind, &self.editor) {
            (Kind::Number { .. }, _) => match parse_number(&text) {
                Some(v) => Answer::Number(v),
                None => {
                    return self.typed_problem(
                        &item.id,
                        &text,
                        "Please type a number, using digits.".into(),
                    );
                }
            },
            (Kind::Duration { .. }, Editor::Duration { unit, .. }) => {
                match text.trim().parse::<u32>() {
                    Ok(amount) => Answer::Duration {
                        amount,
                        unit: *unit,
                    },
                    Err(_) => {
                        return self.typed_problem(
                            &item.id,
                            &text,
                            "Please type how long as a whole number.".into(),
                        );
                    }
                }
            }
            _ => Answer::Text(text.trim().to_string()),
        };
        match self.session.set(&self.questionnaire, &item.id, answer) {
            Ok(()) => {
                self.drafts.remove(&item.id);
                self.changed(&item.id, before);
                true
            }
            Err(e) => {
                let mut message = e.to_string();
                if let Some(first) = message.get_mut(0..1) {
                    first.make_ascii_uppercase();
                }
                self.typed_problem(&item.id, &text, format!("{message}."))
            }
        }
    }

    fn typed_problem(&mut self, id: &str, text: &str, message: String) -> bool {
        self.drafts.insert(id.to_string(), text.to_string());
        self.notice = Some(Notice::Error(message));
        false
    }

    fn go_back(&mut self, n: usize) {
        // Keep what was typed: stored if valid, else kept as a draft.
        self.commit_typed(n);
        if self.return_to_review {
            return self.open_review(Some(n));
        }
        match self.enabled_items().filter(|&m| m < n).last() {
            Some(prev) => self.open_item(prev),
            None => self.open(Screen::Welcome),
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

    fn edit(&mut self, n: usize, request: tui_input::InputRequest) {
        let kind = self.item(n).kind.clone();
        // The amount of a duration is digits; letters pick the unit.
        if let (Editor::Duration { unit, .. }, tui_input::InputRequest::InsertChar(c)) =
            (&mut self.editor, request)
        {
            let picked = match c.to_ascii_lowercase() {
                'd' => Some(DurationUnit::Days),
                'w' => Some(DurationUnit::Weeks),
                'm' => Some(DurationUnit::Months),
                'y' => Some(DurationUnit::Years),
                _ => None,
            };
            if let Some(u) = picked {
                *unit = u;
                return;
            }
            if !c.is_ascii_digit() {
                self.notice = Some(Notice::Error(
                    "Please type digits; d, w, m or y choose days, weeks, months or years.".into(),
                ));
                return;
            }
        }
        if self.editor.edit(request, &kind) {
            if matches!(self.notice, Some(Notice::Error(_))) {
                self.notice = None;
            }
        } else if let Kind::Text { max_len } = kind {
            self.notice = Some(Notice::Error(format!(
                "This answer can be at most {max_len} characters long."
            )));
        }
    }

    fn update_choice(&mut self, n: usize, kind: &Kind, msg: Msg) {
        let rows = choice_rows(kind);
        let widget = self.item_body(n).widget;
        let Editor::Choice { cursor } = &mut self.editor else {
            return;
        };
        let last = rows.len().saturating_sub(1);
        let offset = layout::scroll_offset(cursor.unwrap_or(0), rows.len(), widget.height as usize);
        let moved = |c: Option<usize>, up: bool| match (c, up) {
            (None, _) => 0,
            (Some(c), true) => c.saturating_sub(1),
            (Some(c), false) => (c + 1).min(last),
        };
        let pick = match msg {
            Msg::Up | Msg::ScrollUp { .. } => {
                *cursor = Some(moved(*cursor, true));
                None
            }
            Msg::Down | Msg::ScrollDown { .. } => {
                *cursor = Some(moved(*cursor, false));
                None
            }
            Msg::Home | Msg::PageUp => {
                *cursor = Some(0);
                None
            }
            Msg::End | Msg::PageDown => {
                *cursor = Some(last);
                None
            }
            Msg::Toggle => {
                // Space on nothing yet points at the first option first.
                if cursor.is_none() {
                    *cursor = Some(0);
                    return;
                }
                *cursor
            }
            Msg::Letter(c @ ('y' | 'n')) if matches!(kind, Kind::YesNo) => {
                self.answer(n, Answer::YesNo(c == 'y'));
                return self.forward(n);
            }
            Msg::Click { column, row } if layout::contains(widget, column, row) => {
                let i = offset + usize::from(row - widget.y);
                if i > last {
                    return;
                }
                *cursor = Some(i);
                Some(i)
            }
            Msg::Left => return self.go_back(n),
            Msg::Right => return self.forward(n),
            _ => None,
        };
        let Some(i) = pick else { return };
        let value = &rows[i].value;
        let answer = match kind {
            Kind::Multi { .. } => toggle_multi(kind, self.session.get(&self.item(n).id), value),
            _ => match single_answer(kind, value) {
                Some(a) => a,
                None => return,
            },
        };
        self.answer(n, answer);
    }

    fn update_scale(&mut self, n: usize, kind: &Kind, msg: Msg) {
        let Kind::Scale { min, max, .. } = *kind else {
            return;
        };
        let widget = self.item_body(n).widget;
        let Editor::Scale { value, typed_one } = &mut self.editor else {
            return;
        };
        let new = match msg {
            Msg::Digit(d) => {
                let d = i32::from(d);
                // "1" then "0" makes 10 on a 0-10 scale.
                let v = if *typed_one && d == 0 && max >= 10 {
                    10
                } else {
                    d
                };
                *typed_one = d == 1;
                if v < min || v > max {
                    self.notice = Some(Notice::Error(format!(
                        "Please choose a number from {min} to {max}."
                    )));
                    return;
                }
                v
            }
            Msg::Left | Msg::Down | Msg::ScrollDown { .. } => {
                value.map_or(min, |v| (v - 1).max(min))
            }
            Msg::Right | Msg::Up | Msg::ScrollUp { .. } => value.map_or(min, |v| (v + 1).min(max)),
            Msg::Home => min,
            Msg::End => max,
            Msg::Click { column, row } => {
                let cells = layout::scale_cells(widget, (max - min + 1) as usize);
                match cells.iter().position(|c| layout::contains(*c, column, row)) {
                    Some(i) => min + i as i32,
                    None => return,
                }
            }
            _ => return,
        };
        if !matches!(msg, Msg::Digit(_)) {
            *typed_one = false;
        }
        *value = Some(new);
        self.answer(n, Answer::Scale(new));
    }

    fn update_body(&mut self, n: usize, msg: Msg) {
        let table = BodyRegions::builtin();
        let count = table.regions.len();
        let widget = self.item_body(n).widget;
        let Editor::Body {
            cursor,
            brush,
            painting,
            view,
        } = &mut self.editor
        else {
            return;
        };
        let layout = BodyLayout::new(widget, *view);
        let placed = layout.placed();
        // Without a figure, the panel is a list of every region.
        let list = super::view::body::list_area(
            layout.panel,
            super::view::body::list_header(layout.panel.width),
        );
        let list_offset = layout::scroll_offset(*cursor, count, list.height as usize);
        let on_screen =
            |r: usize| !layout.has_figure() || placed.iter().any(|p| p.figure.centre(r).is_some());
        let step = |from: usize, dir: Direction| -> usize {
            if layout.has_figure() {
                neighbour(&placed, from, dir).unwrap_or(from)
            } else {
                match dir {
                    Direction::Up | Direction::Left => from.saturating_sub(1),
                    Direction::Down | Direction::Right => (from + 1).min(count - 1),
                }
            }
        };
        // What the message does: move the cursor, or mark (Some(symptom)) or clear (None).
        enum Act {
            Move(usize),
            Toggle(Symptom),
            Paint(usize),
            Clear,
            ClearAll,
        }
        let act = match msg {
            Msg::Up => Act::Move(step(*cursor, Direction::Up)),
            Msg::Down => Act::Move(step(*cursor, Direction::Down)),
            Msg::Left => Act::Move(step(*cursor, Direction::Left)),
            Msg::Right => Act::Move(step(*cursor, Direction::Right)),
            Msg::ScrollUp { .. } | Msg::PageUp => Act::Move(cursor.saturating_sub(1)),
            Msg::ScrollDown { .. } | Msg::PageDown => Act::Move((*cursor + 1).min(count - 1)),
            Msg::NextField => {
                // The next region in table order that is on screen.
                let next = (1..=count)
                    .map(|k| (*cursor + k) % count)
                    .find(|&r| on_screen(r));
                Act::Move(next.unwrap_or(*cursor))
            }
            Msg::Home => Act::Move(0),
            Msg::End => Act::Move(count - 1),
            Msg::Letter('f') if layout.single() => {
                *view = if *view == View::Front {
                    View::Back
                } else {
                    View::Front
                };
                let first = (0..count)
                    .find(|&r| table.regions[r].view == *view)
                    .unwrap_or(0);
                Act::Move(first)
            }
            Msg::Letter('m') => {
                *painting = !*painting;
                let text = if *painting {
                    format!(
                        "Paint mode on: moving marks {} on each place. Press m to stop.",
                        brush.word()
                    )
                } else {
                    "Paint mode off.".to_string()
                };
                self.notice = Some(Notice::Info(text));
                return;
            }
            Msg::Letter(c) if Symptom::ALL.iter().any(|s| s.key() == c) => {
                let s = *Symptom::ALL
                    .iter()
                    .find(|s| s.key() == c)
                    .expect("just found");
                *brush = s;
                Act::Toggle(s)
            }
            Msg::Toggle => Act::Toggle(*brush),
            Msg::Letter('c') => Act::Clear,
            Msg::Letter('x') => Act::ClearAll,
            Msg::Click { column, row } => match hit(&placed, column, row) {
                // A click on the region under the cursor marks it; elsewhere it moves there.
                Some(r) if r == *cursor => Act::Toggle(*brush),
                Some(r) => Act::Move(r),
                None if !layout.has_figure() && layout::contains(list, column, row) => {
                    Act::Move((list_offset + usize::from(row - list.y)).min(count - 1))
                }
                None => return,
            },
            Msg::Drag { column, row } => match hit(&placed, column, row) {
                Some(r) => Act::Paint(r),
                None => return,
            },
            _ => return,
        };
        let region = |r: usize| table.regions[r].id.as_str();
        let mut marks = match self.session.get(&self.item(n).id) {
            Some(Answer::Body(m)) => m.clone(),
            _ => Default::default(),
        };
        let Editor::Body {
            cursor,
            brush,
            painting,
            ..
        } = &mut self.editor
        else {
            return;
        };
        match act {
            Act::Move(r) => {
                *cursor = r;
                if !*painting {
                    return;
                }
                marks.set(region(r), *brush);
            }
            Act::Paint(r) => {
                *cursor = r;
                marks.set(region(r), *brush);
            }
            Act::Toggle(s) => marks.toggle(region(*cursor), s),
            Act::Clear => marks.clear_region(region(*cursor)),
            Act::ClearAll => {
                if !marks.is_empty() {
                    self.dialog = Some(Dialog::ConfirmClearAll);
                }
                return;
            }
        }
        self.answer(n, Answer::Body(marks));
    }

    fn update_review(&mut self, msg: Msg) {
        let rows = self.review_rows();
        let last = rows.len() - 1;
        let frame = Frame::new(self.area);
        let list = frame.body;
        let offset = layout::scroll_offset(self.review_cursor, rows.len(), list.height as usize);
        match msg {
            Msg::Up | Msg::ScrollUp { .. } => {
                self.review_cursor = self.review_cursor.saturating_sub(1)
            }
            Msg::Down | Msg::ScrollDown { .. } => {
                self.review_cursor = (self.review_cursor + 1).min(last)
            }
            Msg::PageUp => {
                self.review_cursor = self.review_cursor.saturating_sub(list.height as usize)
            }
            Msg::PageDown => {
                self.review_cursor = (self.review_cursor + list.height as usize).min(last)
            }
            Msg::Home => self.review_cursor = 0,
            Msg::End => self.review_cursor = last,
            Msg::Confirm | Msg::Right => self.review_select(rows[self.review_cursor]),
            Msg::Back | Msg::Left => {
                if let Some(n) = self.enabled_items().last() {
                    self.open_item(n);
                }
            }
            Msg::Click { column, row }
                if layout::contains(frame.right_button(FINISH), column, row) =>
            {
                self.review_select(ReviewRow::Finish)
            }
            Msg::Click { column, row }
                if layout::contains(frame.left_button(BACK), column, row) =>
            {
                self.update_review(Msg::Back)
            }
            Msg::Click { column, row } if layout::contains(list, column, row) => {
                let i = offset + usize::from(row - list.y);
                if i <= last {
                    self.review_cursor = i;
                    self.review_select(rows[i]);
                }
            }
            _ => {}
        }
    }

    fn review_select(&mut self, row: ReviewRow) {
        match row {
            ReviewRow::Item(n) => {
                self.open_item(n);
                self.return_to_review = true;
            }
            ReviewRow::Finish => {
                let missing = self.missing_required();
                if let Some(&first) = missing.first() {
                    let rows = self.review_rows();
                    self.review_cursor = rows
                        .iter()
                        .position(|r| *r == ReviewRow::Item(first))
                        .unwrap_or(0);
                    let count = missing.len();
                    let s = if count == 1 { "" } else { "s" };
                    self.notice = Some(Notice::Error(format!(
                        "{count} required question{s} still need{} an answer (marked !). Press Enter to answer it.",
                        if count == 1 { "s" } else { "" }
                    )));
                } else {
                    self.open(Screen::Summary);
                    self.findings =
                        Some(evaluate(&self.questionnaire, &self.session, self.rules()));
                    self.finished = true;
                }
            }
        }
    }

    fn update_summary(&mut self, msg: Msg) {
        let frame = Frame::new(self.area);
        let page = frame.body.height.saturating_sub(1);
        match msg {
            Msg::Up | Msg::ScrollUp { .. } => {
                self.summary_scroll = self.summary_scroll.saturating_sub(1)
            }
            Msg::Down | Msg::ScrollDown { .. } => {
                self.summary_scroll = self.summary_scroll.saturating_add(1)
            }
            Msg::PageUp => self.summary_scroll = self.summary_scroll.saturating_sub(page),
            Msg::PageDown | Msg::Toggle => {
                self.summary_scroll = self.summary_scroll.saturating_add(page)
            }
            Msg::Home => self.summary_scroll = 0,
            Msg::Back | Msg::Left => self.open_review(None),
            Msg::Click { column, row }
                if layout::contains(frame.left_button(REVIEW), column, row) =>
            {
                self.open_review(None)
            }
            Msg::Click { column, row }
                if layout::contains(frame.right_button(DONE), column, row) =>
            {
                self.done()
            }
            Msg::Confirm => self.done(),
            _ => {}
        }
        // Clamp so that scrolling past the end does nothing.
        let lines = super::view::summary::lines(self, frame.body.width).len() as u16;
        self.summary_scroll = self
            .summary_scroll
            .min(lines.saturating_sub(frame.body.height));
    }

    /// Done on the summary: at a kiosk, save and make way for the next patient;
    /// elsewhere, ask before leaving.
    fn done(&mut self) {
        if self.kiosk.is_some() {
            self.effects.push(Effect::Finished);
        } else {
            self.dialog = Some(Dialog::ConfirmQuit);
        }
    }

    /// The layout of item `n`'s body, as drawn now.
    pub fn item_body(&self, n: usize) -> ItemBody {
        let item = self.item(n);
        ItemBody::new(
            Frame::new(self.area).body,
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
