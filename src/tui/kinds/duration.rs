//! A duration on screen: the amount typed in digits, the unit picked with
//! the arrows or its letter in the patient's language (d, w, m, y in
//! English; the catalogue's `letters`).

use ratatui::Frame as TermFrame;
use ratatui::layout::Rect;
use tui_input::{Input, InputRequest};

use super::{put, text_field};
use crate::answers::{Answer, DurationUnit};
use crate::text::ItemWords;
use crate::tui::app::{App, Notice};
use crate::tui::editor::Editor;
use crate::tui::message::Msg;

/// The duration given, or the amount typed earlier; weeks until told otherwise.
pub(super) fn editor(answer: Option<&Answer>, draft: Option<&str>) -> Editor {
    let (text, unit) = if let Some(Answer::Duration { amount, unit }) = answer {
        (amount.to_string(), *unit)
    } else {
        (String::new(), DurationUnit::Weeks)
    };
    Editor::Duration {
        input: Input::new(draft.map_or(text, str::to_string)),
        unit,
    }
}

pub(super) fn read(text: &str, unit: DurationUnit, words: &ItemWords) -> Result<Answer, String> {
    match text.trim().parse::<u32>() {
        Ok(amount) => Ok(Answer::Duration { amount, unit }),
        Err(_) => Err(words.duration_whole.clone()),
    }
}

impl App {
    /// Up, Down and Tab change the unit; the arrows left and right turn the page.
    pub(in crate::tui) fn update_duration(&mut self, n: usize, msg: Msg) {
        let Editor::Duration { unit, .. } = &mut self.editor else {
            return;
        };
        let all = DurationUnit::ALL;
        let at = all.iter().position(|u| u == unit).unwrap_or(0);
        match msg {
            Msg::Up => *unit = all[(at + all.len() - 1) % all.len()],
            Msg::Down | Msg::NextField => *unit = all[(at + 1) % all.len()],
            msg => self.turn_page(n, msg),
        }
    }

    /// The amount takes digits only; a unit's letter picks the unit. Returns
    /// whether the key was taken here rather than typed.
    pub(in crate::tui) fn duration_key(&mut self, request: InputRequest) -> bool {
        let (Editor::Duration { unit, .. }, InputRequest::InsertChar(c)) =
            (&mut self.editor, request)
        else {
            return false;
        };
        if let Some(u) = self.content.text.letters.unit_of(c) {
            *unit = u;
        } else if !c.is_ascii_digit() {
            let keys = unit_letters(&self.words().item.duration_keys, self.content.text);
            self.notice = Some(Notice::Error(keys));
        } else {
            return false;
        }
        true
    }
}

pub(super) fn render(app: &App, area: Rect, frame: &mut TermFrame) {
    let Editor::Duration { input, unit } = &app.editor else {
        return;
    };
    let t = &app.theme;
    let field = Rect {
        width: 12,
        height: 3,
        ..area
    };
    let words = &app.words().item;
    text_field(frame, input, field, &words.duration_how_many, app);
    let buf = frame.buffer_mut();
    let amount = input.value().trim().parse::<u32>().unwrap_or(2);
    let units = &app.content.text.answers.units;
    for (i, u) in DurationUnit::ALL.iter().enumerate() {
        let on = u == unit;
        let word = units.get(*u, amount);
        let text = format!("{} {word}", app.glyphs.radio[usize::from(!on)]);
        let style = if on { t.selected } else { t.base };
        put(buf, area.x + 14, area.y + i as u16, text, style);
    }
    // "↑↓ or d/w/m/y": the catalogue's arrows in the terminal's glyphs.
    let hint = unit_letters(&words.duration_hint, app.content.text);
    let hint = app.glyphs.text(&hint);
    put(buf, area.x, area.y + 4, &hint, t.dim);
}

/// `template` with each unit's letter in the patient's language: {days},
/// {weeks}, {months}, {years}.
fn unit_letters(template: &str, text: &crate::text::Text) -> String {
    let l = &text.letters;
    crate::text::fill(
        template,
        &[
            ("days", &l.days),
            ("weeks", &l.weeks),
            ("months", &l.months),
            ("years", &l.years),
        ],
    )
}
