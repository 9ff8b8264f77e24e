//! Drawing: state in, frame out. Nothing here changes the state.

mod alert;
pub mod body;
pub mod item;
mod practice;
mod review;
pub mod summary;
mod talk;
mod welcome;

pub(crate) use welcome::first as welcome_first;

use ratatui::Frame as TermFrame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::app::{App, Dialog, Notice, Screen};
use super::keymap::Action::{self, Confirm, No, Quit, Yes};
use super::keymap::{Focus, HintScreen};
use super::layout::{self, Frame, MIN_HEIGHT, MIN_WIDTH};
use super::widgets::{Button, Hints, Progress, ShownHint};
use crate::text::fill;

/// Draws the whole screen and places the text cursor when a field has focus.
pub fn view(app: &App, frame: &mut TermFrame) {
    let area = frame.area();
    frame.buffer_mut().set_style(area, app.theme.base);
    if layout::too_small(area) {
        return too_small(app, area, frame);
    }
    if app.held.is_some() {
        return held(app, area, frame);
    }
    match app.screen {
        Screen::Welcome => welcome::render(app, area, frame.buffer_mut()),
        Screen::Item(n) => item::render(app, n, area, frame),
        Screen::Review => review::render(app, area, frame.buffer_mut()),
        Screen::Summary => summary::render(app, area, frame.buffer_mut()),
        Screen::Alert => alert::render(app, area, frame.buffer_mut()),
        Screen::Opening
        | Screen::Interview
        | Screen::Impression(_)
        | Screen::Reasoning
        | Screen::Debrief => practice::render(app, area, frame),
    }
    let d = &app.words().dialogs;
    match app.dialog {
        Some(Dialog::ConfirmQuit) => confirm(
            app,
            area,
            frame,
            &d.leave_title,
            if app.practice.is_some() {
                &app.content.text.practice.leave
            } else if app.finished {
                &d.leave_finished
            } else {
                &d.leave_open
            },
            [(Some(Yes), &d.leave), (Some(No), &d.stay)],
        ),
        Some(Dialog::ConfirmClearAll) => confirm(
            app,
            area,
            frame,
            &d.clear_title,
            &d.clear,
            [(Some(Yes), &d.clear_yes), (Some(No), &d.clear_no)],
        ),
        Some(Dialog::StartOver) => confirm(
            app,
            area,
            frame,
            &d.start_over_title,
            &d.start_over,
            [(Some(Yes), &d.start_over_yes), (Some(No), &d.start_over_no)],
        ),
        Some(Dialog::Resume) => {
            let text = app.resume_question();
            confirm(
                app,
                area,
                frame,
                &d.resume_title,
                &text,
                [(Some(Yes), &d.resume_yes), (Some(No), &d.resume_no)],
            );
        }
        Some(Dialog::StillThere(left)) => confirm(
            app,
            area,
            frame,
            &d.still_there_title,
            &fill(&d.still_there, &[("seconds", &left.to_string())]),
            [(None, &d.any_key), (None, "")],
        ),
        Some(Dialog::ConfirmOwner) => {
            let what = app
                .kiosk
                .as_ref()
                .and_then(|k| k.resume_check.as_deref())
                .and_then(|id| app.questionnaire.item(id))
                .map_or("", |i| i.prompt.as_str());
            confirm(
                app,
                area,
                frame,
                &d.owner_title,
                &fill(
                    &d.owner,
                    &[("question", what), ("typed", app.typed.as_str())],
                ),
                [(Some(Confirm), &d.owner_yes), (Some(Quit), &d.owner_no)],
            );
        }
        Some(Dialog::VisitCode) => visit_code(app, area, frame),
        Some(Dialog::StaffPin) => staff_pin(app, area, frame),
        None => {}
    }
}

/// The visit code box: who is asked, how long a code is, what is typed,
/// and a mistake said under it.
fn visit_code(app: &App, area: Rect, frame: &mut TermFrame) {
    let Some(config) = app.kiosk.as_ref().and_then(|k| k.visit_code.as_ref()) else {
        return;
    };
    let d = &app.words().dialogs;
    let asked = match config.asked_of {
        crate::visit_code::AskedOf::Patient => &d.visit_code_patient,
        crate::visit_code::AskedOf::Staff => &d.visit_code_staff,
    };
    let places = config.pattern.len().to_string();
    let hint = match (&app.notice, config.may_skip) {
        (Some(Notice::Error(wrong)), _) => wrong,
        (_, true) => &d.visit_code_skip,
        (_, false) => &d.visit_code_length,
    };
    let hint = app.keyed(hint, Focus::Text, &[("places", &places)]);
    let text = format!("{asked}\n{hint}\n{}_", app.typed.as_str());
    confirm(
        app,
        area,
        frame,
        &d.visit_code_title,
        &text,
        [
            (Some(Confirm), &d.visit_code_yes),
            (Some(Quit), &d.visit_code_no),
        ],
    );
}

fn staff_pin(app: &App, area: Rect, frame: &mut TermFrame) {
    let d = &app.words().dialogs;
    let text = match app.pin_guard.wait((app.clock)()) {
        Some(secs) => app.keyed(
            &d.pin_paused,
            Focus::Text,
            &[("wait", &crate::kiosk::pause_words(secs))],
        ),
        None => {
            let dots = app.glyphs.bullet.to_string().repeat(app.pin.len());
            app.keyed(&d.pin, Focus::Text, &[("dots", &dots)])
        }
    };
    confirm(
        app,
        area,
        frame,
        &d.staff_title,
        &text,
        [(None, ""), (None, "")],
    );
}

/// A kiosk that could not save: nothing of the patient on screen, a call
/// for staff, and the PIN dialog over it when staff ask for it.
fn held(app: &App, area: Rect, frame: &mut TermFrame) {
    centred_lines(app, area, frame, &app.words().dialogs.held);
    if app.dialog == Some(Dialog::StaffPin) {
        staff_pin(app, area, frame);
    }
}

fn too_small(app: &App, area: Rect, frame: &mut TermFrame) {
    let text = fill(
        &app.words().dialogs.too_small,
        &[
            ("width", &area.width.to_string()),
            ("height", &area.height.to_string()),
            ("min_width", &MIN_WIDTH.to_string()),
            ("min_height", &MIN_HEIGHT.to_string()),
        ],
    );
    centred_lines(app, area, frame, &text);
}

/// Lines of text, wrapped and centred on an otherwise empty screen.
fn centred_lines(app: &App, area: Rect, frame: &mut TermFrame, text: &str) {
    // The catalogue's words may hold glyphs: "80 × 24".
    let lines: Vec<Line> = app
        .glyphs
        .text(text)
        .lines()
        .flat_map(|l| layout::wrap(l, area.width as usize))
        .map(Line::from)
        .collect();
    let h = lines.len() as u16;
    let y = area.y + area.height.saturating_sub(h) / 2;
    Paragraph::new(lines)
        .style(app.theme.prompt)
        .centered()
        .render(
            Rect {
                y,
                height: h.min(area.height),
                ..area
            },
            frame.buffer_mut(),
        );
}

/// A dialog button: the action whose key presses it too, and its word.
type DialogButton<'a> = (Option<Action>, &'a str);

fn confirm(
    app: &App,
    area: Rect,
    frame: &mut TermFrame,
    title: &str,
    question: &str,
    buttons: [DialogButton; 2],
) {
    let r = layout::dialog_area(area);
    frame.render_widget(Clear, r);
    let block = Block::bordered()
        .border_set(app.glyphs.border)
        .title(format!(" {title} "))
        .style(app.theme.base)
        .border_style(app.theme.key);
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let lines: Vec<Line> = question.lines().map(Line::from).collect();
    frame.render_widget(
        Paragraph::new(lines).style(app.theme.prompt).centered(),
        // Above the buttons' row and the blank one over it.
        Rect {
            height: inner.height.saturating_sub(2),
            ..inner
        },
    );
    let (yes_area, no_area) = layout::dialog_buttons(area);
    let buf = frame.buffer_mut();
    for ((action, word), r) in buttons.into_iter().zip([yes_area, no_area]) {
        if word.is_empty() {
            continue;
        }
        // The key that presses it, as on a keycap: "Y  Leave".
        let key = action.and_then(|a| app.keymap.key_for(a, app.focus()));
        let label = match key.map(|k| k.glyph()) {
            Some(g) if g.chars().count() == 1 => format!("{}  {word}", g.to_uppercase()),
            Some(g) => format!("{g}  {word}"),
            None => word.to_string(),
        };
        Button {
            label: &app.glyphs.text(&label),
            style: app.theme.key,
        }
        .render(r, buf);
    }
}

/// Title line, progress gauge, message line and key hints, shared by all screens.
pub(crate) struct Chrome<'a> {
    pub title: &'a str,
    pub right: String,
    pub progress: Option<(String, f64)>,
    pub hints: &'a [ShownHint<'a>],
    pub back: Option<&'a str>,
    pub next: Option<&'a str>,
}

impl Chrome<'_> {
    pub fn render(self, app: &App, frame: &Frame, buf: &mut ratatui::buffer::Buffer) {
        let (t, g) = (&app.theme, &app.glyphs);
        let right_w = self.right.chars().count() as u16;
        let title_w = frame.title.width.saturating_sub(right_w + 2) as usize;
        buf.set_string(
            frame.title.x,
            frame.title.y,
            g.truncate(self.title, title_w),
            t.title,
        );
        buf.set_string(
            frame.title.right().saturating_sub(right_w),
            frame.title.y,
            &self.right,
            t.section,
        );
        if let Some((label, ratio)) = self.progress {
            Progress {
                label: Span::styled(label, t.prompt),
                ratio,
                bar: g.bar,
                style: t.gauge,
            }
            .render(frame.progress, buf);
        }
        let width = frame.message.width as usize;
        match &app.notice {
            Some(Notice::Error(e)) => {
                let text = g.truncate(&format!("! {e}"), width);
                buf.set_string(frame.message.x, frame.message.y, text, t.error);
            }
            Some(Notice::Info(i)) => {
                let text = g.truncate(i, width);
                buf.set_string(frame.message.x, frame.message.y, text, t.notice);
            }
            Some(Notice::Urgent(u)) => {
                let text = g.truncate(&format!("!! {u}"), width);
                buf.set_style(frame.message, t.urgent);
                buf.set_string(frame.message.x, frame.message.y, text, t.urgent);
            }
            None => {}
        }
        // The catalogue's buttons hold glyphs: "◀ Back" (one column each,
        // so the button is where a click finds it).
        if let Some(back) = self.back {
            Button {
                label: &g.text(back),
                style: t.key,
            }
            .render(frame.left_button(back), buf);
        }
        if let Some(next) = self.next {
            Button {
                label: &g.text(next),
                style: t.key,
            }
            .render(frame.right_button(next), buf);
        }
        Hints {
            hints: self.hints,
            key: t.key,
            text: t.dim,
            glyphs: g,
        }
        .render(frame.hints, buf);
    }
}

/// A hint's label in the app's language (the keymap's own if none is given).
fn said<'a>(app: &'a App, label: &'a str) -> &'a str {
    app.words().hints.get(label).map_or(label, String::as_str)
}

/// A screen's hints, from the keymap. At a kiosk Quit never leaves: it
/// starts over, once there is something to start over from.
pub(crate) fn hints(app: &App, screen: HintScreen) -> Vec<ShownHint<'_>> {
    let kiosk = app.kiosk.is_some();
    app.keymap
        .hints(screen)
        .iter()
        .filter_map(|h| {
            let label = match (h.quits && kiosk, app.in_progress()) {
                (false, _) => said(app, &h.label),
                (true, true) => said(app, &app.keymap.quit_at_kiosk),
                (true, false) => return None,
            };
            Some(ShownHint {
                keys: &h.keys,
                label,
                kept: h.kept,
            })
        })
        .collect()
}

pub(super) fn wrapped(text: &str, width: u16) -> Vec<Line<'static>> {
    layout::wrap(text, width.saturating_sub(1) as usize)
        .into_iter()
        .map(Line::from)
        .collect()
}
