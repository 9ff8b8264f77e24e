//! The screen's words: buttons, titles, hints in sentences, dialogs and
//! notices. A sentence that names a key takes it as a `{name}` filled from
//! the keymap, so a remapped key is told right.

use serde::Deserialize;

use super::Plural;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScreenWords {
    /// The hints line's labels in this language, by the keymap's own
    /// (English) label; a label not here (a clinic's own keymap's) is shown
    /// as the keymap has it.
    #[serde(default)]
    pub hints: std::collections::BTreeMap<String, String>,
    pub buttons: Buttons,
    pub welcome: WelcomeWords,
    pub item: ItemWords,
    pub diagram: DiagramWords,
    pub review: ReviewWords,
    pub summary: SummaryWords,
    pub dialogs: DialogWords,
    pub notices: NoticeWords,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Buttons {
    pub back: String,
    pub next: String,
    pub start: String,
    pub leave: String,
    pub finish: String,
    pub review: String,
    pub done: String,
    pub go_on: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WelcomeWords {
    pub about: String,
    pub privacy: String,
    /// `privacy` at a kiosk that sends summaries to the clinic's records.
    pub privacy_sent: String,
    /// Where the computer can speak: how to hear a question.
    pub aloud: String,
    /// The welcome screen's first line: how to go on as plain lines.
    pub linear: String,
    pub start: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemWords {
    /// After the prompt of a question that may be left out.
    pub optional: String,
    pub part: String,
    pub question: String,
    pub why: String,
    pub choose_one: String,
    pub choose_some: String,
    pub mark_some: String,
    pub type_answer: String,
    pub text_count: String,
    pub text_too_long: String,
    pub number_digits: String,
    pub number_range: String,
    pub scale_range: String,
    pub scale_answer: String,
    pub scale_none: String,
    pub duration_whole: String,
    pub duration_keys: String,
    pub duration_how_many: String,
    pub duration_hint: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiagramWords {
    pub own_sides: String,
    pub nothing_here: String,
    pub figure_sides: String,
    pub nothing_yet: String,
    pub marked: String,
    pub more_above: String,
    pub tools: String,
    pub on: String,
    pub off: String,
    pub turn: String,
    pub front: String,
    pub back: String,
    pub paint_on: String,
    pub paint_off: String,
    pub cleared: String,
    pub click: String,
    pub find_prompt: String,
    pub find_hint: String,
    pub find_none: String,
    pub find_more: String,
    pub find_keys: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewWords {
    pub title: String,
    pub answered: String,
    pub required_answered: String,
    pub open_required: String,
    pub open: String,
    pub finish: String,
    pub still_open: Plural,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummaryWords {
    pub title: String,
    pub done_kiosk: String,
    pub done_saved: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DialogWords {
    pub leave_title: String,
    pub leave_finished: String,
    pub leave_open: String,
    pub leave: String,
    pub stay: String,
    pub clear_title: String,
    pub clear: String,
    pub clear_yes: String,
    pub clear_no: String,
    pub start_over_title: String,
    pub start_over: String,
    pub start_over_yes: String,
    pub start_over_no: String,
    pub resume_title: String,
    pub resume: Plural,
    pub resume_yes: String,
    pub resume_no: String,
    pub still_there_title: String,
    pub still_there: String,
    pub any_key: String,
    pub owner_title: String,
    pub owner: String,
    pub owner_yes: String,
    pub owner_no: String,
    pub owner_wrong: String,
    pub visit_code_title: String,
    pub visit_code_patient: String,
    pub visit_code_staff: String,
    pub visit_code_length: String,
    pub visit_code_skip: String,
    pub visit_code_wrong: String,
    pub visit_code_yes: String,
    pub visit_code_no: String,
    pub staff_title: String,
    pub pin: String,
    pub pin_paused: String,
    pub pin_wrong: String,
    pub held: String,
    pub too_small: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeWords {
    pub not_saved: String,
    pub tell_staff: String,
    pub check_disk: String,
    pub disk_full: String,
    pub not_writable: String,
    pub folder_missing: String,
    pub other_failure: String,
}
