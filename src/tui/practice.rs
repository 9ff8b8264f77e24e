//! Practice mode's screens: a standardized patient's opening words, the
//! interview (any question, in any order, in interviewer wording), the
//! trainee's impression, and the debrief. Guided (the default), asking a
//! question records the patient's answer; with `manual`, the trainee records
//! it on the questionnaire's own screen and the debrief checks the record.

use ratatui::Frame as TermFrame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::layout::{self, Frame, scroll_offset, truncate, wrap};
use super::message::{Focus, Msg};
use super::theme::Theme;
use super::view::Chrome;
use crate::answers::{Answer, Session};
use crate::body::BodyRegions;
use crate::findings::Rules;
use crate::practice::{Case, Debrief, Impression, askable, debrief_markdown, misrecorded, score};
use crate::questionnaire::{Item, Questionnaire};
use crate::tui::app::App;

const LEVELS: [&str; 10] = ["none", "C5", "C6", "C7", "C8", "L2", "L3", "L4", "L5", "S1"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Intro,
    Interview,
    /// The impression, one question at a time (0, 1, 2).
    Impression(usize),
    Debrief,
}

pub struct PracticeApp {
    pub questionnaire: Questionnaire,
    pub rules: Rules,
    pub case: Case,
    pub stage: Stage,
    pub cursor: usize,
    /// Item ids in the order they were asked.
    pub asked: Vec<String>,
    /// The answers recorded so far (guided: each answer as the patient gave it).
    pub recorded: Session,
    pub red_flags: Option<bool>,
    pub level: Option<String>,
    pub next_step: Option<String>,
    pub started: u64,
    pub debrief: Option<Debrief>,
    pub notice: Option<String>,
    pub confirm_quit: bool,
    /// How far the debrief is scrolled.
    pub scroll: u16,
    /// Whether the trainee has pointed at an impression choice: Enter alone
    /// must not answer for them.
    pub pointed: bool,
    /// The trainee records each answer with the questionnaire's own screens
    /// (otherwise asking records it: the guided variant).
    pub manual: bool,
    /// The questionnaire screen open for recording one answer.
    pub recorder: Option<Box<App>>,
    /// The trainee asked to save the debrief; the runtime writes it.
    pub wants_export: bool,
    pub area: Rect,
    pub theme: Theme,
    pub running: bool,
    pub clock: fn() -> u64,
}

impl PracticeApp {
    pub fn new(
        questionnaire: Questionnaire,
        rules: Rules,
        case: Case,
        theme: Theme,
        area: Rect,
    ) -> Self {
        let recorded = Session::new(&questionnaire, 0);
        Self {
            questionnaire,
            rules,
            case,
            stage: Stage::Intro,
            cursor: 0,
            asked: Vec::new(),
            recorded,
            red_flags: None,
            level: None,
            next_step: None,
            started: 0,
            debrief: None,
            notice: None,
            confirm_quit: false,
            scroll: 0,
            pointed: false,
            manual: false,
            recorder: None,
            wants_export: false,
            area,
            theme,
            running: true,
            clock: crate::export::time::now,
        }
    }

    /// The questions the trainee can ask, in questionnaire order.
    pub fn questions(&self) -> Vec<&Item> {
        self.questionnaire.items().filter(|i| askable(i)).collect()
    }

    /// The choices of impression question `n`: (value, words).
    pub fn choices(&self, n: usize) -> Vec<(String, String)> {
        match n {
            0 => vec![("yes".into(), "Yes".into()), ("no".into(), "No".into())],
            1 => LEVELS
                .iter()
                .map(|l| {
                    (
                        l.to_string(),
                        if *l == "none" {
                            "None: no root is involved".to_string()
                        } else {
                            l.to_string()
                        },
                    )
                })
                .collect(),
            _ => self
                .rules
                .steps
                .iter()
                .filter(|s| !matches!(s.id.as_str(), "always" | "after_surgery"))
                .map(|s| (s.id.clone(), s.text.clone()))
                .collect(),
        }
    }

    pub fn step_text(&self, id: &str) -> String {
        self.rules
            .steps
            .iter()
            .find(|s| s.id == id)
            .map_or(id.to_string(), |s| truncate(&s.text, 60))
    }

    pub fn impression(&self) -> Option<Impression> {
        Some(Impression {
            red_flags: self.red_flags?,
            level: self.level.clone()?,
            next_step: self.next_step.clone()?,
        })
    }

    pub fn debrief_markdown(&self) -> Option<String> {
        let impression = self.impression()?;
        let d = self.debrief.as_ref()?;
        Some(debrief_markdown(
            &self.case,
            &self.questionnaire,
            &impression,
            d,
            &|id| self.step_text(id),
        ))
    }

    /// What has the keyboard: the recorder's field while recording.
    pub fn focus(&self) -> Focus {
        self.recorder.as_ref().map_or(Focus::Other, |r| r.focus())
    }

    pub fn update(&mut self, msg: Msg) {
        if let Msg::Resize(w, h) = msg {
            self.area = Rect::new(0, 0, w, h);
            if let Some(r) = &mut self.recorder {
                r.update(msg);
            }
            return;
        }
        if self.recorder.is_some() {
            return self.record(msg);
        }
        if layout::too_small(self.area) {
            return;
        }
        if self.confirm_quit {
            match msg {
                Msg::Yes => self.running = false,
                Msg::No | Msg::Quit | Msg::Interrupt => self.confirm_quit = false,
                _ => {}
            }
            return;
        }
        if matches!(msg, Msg::Quit | Msg::Interrupt) {
            if self.stage == Stage::Debrief {
                self.running = false;
            } else {
                self.confirm_quit = true;
            }
            return;
        }
        match self.stage {
            Stage::Intro => {
                if matches!(msg, Msg::Confirm | Msg::Right) {
                    self.stage = Stage::Interview;
                    self.started = (self.clock)();
                }
            }
            Stage::Interview => self.interview(msg),
            Stage::Impression(n) => self.impression_step(n, msg),
            Stage::Debrief => match msg {
                Msg::SaveDebrief => self.wants_export = true,
                Msg::Up | Msg::ScrollUp { .. } => self.scroll = self.scroll.saturating_sub(1),
                Msg::Down | Msg::ScrollDown { .. } => self.scroll = self.scroll.saturating_add(1),
                Msg::PageUp => self.scroll = self.scroll.saturating_sub(10),
                Msg::PageDown | Msg::Toggle => self.scroll = self.scroll.saturating_add(10),
                _ => {}
            },
        }
    }

    fn interview(&mut self, msg: Msg) {
        let count = self.questions().len();
        match msg {
            Msg::Up | Msg::ScrollUp { .. } => self.cursor = self.cursor.saturating_sub(1),
            Msg::Down | Msg::ScrollDown { .. } => self.cursor = (self.cursor + 1).min(count - 1),
            Msg::PageUp => self.cursor = self.cursor.saturating_sub(10),
            Msg::PageDown => self.cursor = (self.cursor + 10).min(count - 1),
            Msg::Home => self.cursor = 0,
            Msg::End => self.cursor = count - 1,
            Msg::Confirm | Msg::Toggle => {
                let asked = self.asked.contains(&self.questions()[self.cursor].id);
                if self.manual && asked {
                    self.open_recorder(self.cursor);
                } else {
                    self.ask(self.cursor);
                }
            }
            Msg::Click { column, row } => {
                let list = self.list_area();
                if layout::contains(list, column, row) {
                    let offset = scroll_offset(self.cursor, count, list.height as usize);
                    self.cursor = (offset + usize::from(row - list.y)).min(count - 1);
                    self.ask(self.cursor);
                }
            }
            Msg::Impression | Msg::Right => {
                self.stage = Stage::Impression(0);
                self.cursor = 0;
            }
            _ => {}
        }
    }

    fn ask(&mut self, n: usize) {
        let item = self.questions()[n].clone();
        if !self.asked.contains(&item.id) {
            self.asked.push(item.id.clone());
        }
        // Guided: the patient's answer is recorded as they give it.
        if self.manual {
            self.notice = Some("Press Enter again to record the answer.".into());
        } else if let Some(answer) = self.case.answers.get(&item.id) {
            let _ = self
                .recorded
                .set(&self.questionnaire, &item.id, answer.clone());
        }
    }

    /// Opens the questionnaire's own screen for question `n`, on the answers
    /// recorded so far.
    fn open_recorder(&mut self, n: usize) {
        let id = self.questions()[n].id.clone();
        let Some(index) = self.questionnaire.index_of(&id) else {
            return;
        };
        let mut app = App::new(
            self.questionnaire.clone(),
            self.recorded.clone(),
            self.theme,
            self.area,
        );
        app.interviewer = true;
        app.open_item(index);
        // Leaving the item, forward or back, ends the recording.
        app.return_to_review = true;
        self.notice = None;
        self.recorder = Some(Box::new(app));
    }

    /// A key while recording: the questionnaire screen handles it, Esc
    /// cancels, and leaving the item keeps what was recorded.
    fn record(&mut self, msg: Msg) {
        let Some(r) = &mut self.recorder else { return };
        if matches!(msg, Msg::Quit | Msg::Interrupt) {
            self.recorder = None;
            return;
        }
        let on = r.screen;
        r.update(msg);
        if r.screen != on {
            self.recorded = r.session.clone();
            self.recorder = None;
        }
    }

    fn impression_step(&mut self, n: usize, msg: Msg) {
        let choices = self.choices(n);
        match msg {
            // The first arrow points at the first choice; later ones move.
            Msg::Up | Msg::Down if !self.pointed => {
                self.pointed = true;
                self.cursor = 0;
            }
            Msg::Up => self.cursor = self.cursor.saturating_sub(1),
            Msg::Down => self.cursor = (self.cursor + 1).min(choices.len() - 1),
            Msg::Confirm if !self.pointed => {
                self.notice = Some("Choose an answer with ↑ and ↓ first.".into());
            }
            Msg::Back | Msg::Left => {
                self.cursor = 0;
                self.pointed = false;
                self.stage = if n == 0 {
                    Stage::Interview
                } else {
                    Stage::Impression(n - 1)
                };
            }
            Msg::Confirm => {
                let value = choices[self.cursor].0.clone();
                match n {
                    0 => self.red_flags = Some(value == "yes"),
                    1 => self.level = Some(value),
                    _ => self.next_step = Some(value),
                }
                self.cursor = 0;
                self.pointed = false;
                self.notice = None;
                if n < 2 {
                    self.stage = Stage::Impression(n + 1);
                } else if let Some(impression) = self.impression() {
                    let seconds = (self.clock)().saturating_sub(self.started);
                    self.debrief = Some(score(
                        &self.case,
                        &self.questionnaire,
                        &self.asked,
                        &impression,
                        seconds,
                    ));
                    self.stage = Stage::Debrief;
                }
            }
            _ => {}
        }
    }

    fn list_area(&self) -> Rect {
        let [list, _] = self.columns();
        list
    }

    fn columns(&self) -> [Rect; 2] {
        let body = Frame::new(self.area).body;
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
            .spacing(2)
            .areas(body)
    }

    pub fn view(&self, frame: &mut TermFrame) {
        if let Some(r) = &self.recorder {
            return crate::tui::view::view(r, frame);
        }
        let area = frame.area();
        let buf = frame.buffer_mut();
        buf.set_style(area, self.theme.base);
        if layout::too_small(area) {
            let text = format!(
                "Please make this window larger (at least {} × {}).",
                layout::MIN_WIDTH,
                layout::MIN_HEIGHT
            );
            Paragraph::new(text).centered().render(area, buf);
            return;
        }
        let f = Frame::new(area);
        let t = &self.theme;
        let title = format!("Practice interview: {}", self.case.name);
        let (hints, right): (&[(&str, &str)], String) = match self.stage {
            Stage::Intro => (
                &[("Enter", "begin the interview"), ("Esc", "leave")],
                String::new(),
            ),
            Stage::Interview => (
                &[
                    ("↑↓", "choose"),
                    ("Enter", "ask"),
                    ("i", "give your impression"),
                    ("Esc", "leave"),
                ],
                format!("{} asked", self.asked.len()),
            ),
            Stage::Impression(n) => (
                &[("↑↓", "choose"), ("Enter", "answer"), ("←", "back")],
                format!("Impression {} of 3", n + 1),
            ),
            Stage::Debrief => (
                &[
                    ("↑↓", "scroll"),
                    ("e", "save as Markdown"),
                    ("Esc", "leave"),
                ],
                String::new(),
            ),
        };
        Chrome {
            title: &title,
            right,
            progress: None,
            hints,
            back: None,
            next: None,
        }
        .render_with_notice(t, self.notice.as_deref(), &f, buf);
        let w = f.body.width;
        let mut lines: Vec<Line> = Vec::new();
        match self.stage {
            Stage::Intro => {
                let age = match self.case.answers.get("age") {
                    Some(Answer::Number(n)) => format!(", {n:.0} years old"),
                    _ => String::new(),
                };
                lines.push(Line::styled(format!("{}{age}", self.case.name), t.prompt));
                lines.push(Line::default());
                lines.extend(
                    wrap(&format!("\"{}\"", self.case.opening), w as usize)
                        .into_iter()
                        .map(Line::from),
                );
                lines.push(Line::default());
                let how = if self.manual {
                    "Take the history: choose any question, in any order, and press Enter to ask it; press Enter again to record the answer on the questionnaire's own screen (Enter keeps it, Esc cancels). When you are ready, press i to give your impression: warning signs, the likely nerve root, and the next step. The warning-sign questions always count as essential."
                } else {
                    "Take the history: choose any question, in any order, and press Enter to ask it. The patient's reply is recorded for you. When you are ready, press i to give your impression: warning signs, the likely nerve root, and the next step. The warning-sign questions always count as essential."
                };
                lines.extend(
                    wrap(how, w as usize)
                        .into_iter()
                        .map(|l| Line::styled(l, t.dim)),
                );
                Paragraph::new(lines).render(f.body, buf);
            }
            Stage::Interview => self.interview_view(buf),
            Stage::Impression(n) => {
                let question = [
                    "Are there warning signs that need urgent care?",
                    "Which nerve root is most likely involved?",
                    "What is the right next step?",
                ][n];
                lines.push(Line::styled(question, t.prompt));
                lines.push(Line::default());
                let choices = self.choices(n);
                let height = f.body.height.saturating_sub(2) as usize;
                let offset = scroll_offset(self.cursor, choices.len(), height);
                for (i, (_, words)) in choices.iter().enumerate().skip(offset).take(height) {
                    let here = self.pointed && i == self.cursor;
                    lines.push(Line::from(vec![
                        Span::styled(if here { "› " } else { "  " }, t.key),
                        Span::styled(
                            truncate(words, w as usize - 3),
                            if here { t.selected } else { t.base },
                        ),
                    ]));
                }
                Paragraph::new(lines).render(f.body, buf);
            }
            Stage::Debrief => {
                let lines = self.debrief_lines(w as usize);
                let most = (lines.len() as u16).saturating_sub(f.body.height);
                Paragraph::new(lines)
                    .scroll((self.scroll.min(most), 0))
                    .render(f.body, buf);
            }
        }
        if self.confirm_quit {
            let r = layout::dialog_area(area);
            ratatui::widgets::Clear.render(r, buf);
            let block = ratatui::widgets::Block::bordered()
                .title(" Leave? ")
                .border_style(t.key);
            let inner = block.inner(r);
            block.render(r, buf);
            Paragraph::new("Leave the practice interview?\nY leave   N stay")
                .style(t.prompt)
                .centered()
                .render(inner, buf);
        }
    }

    /// The debrief, most important first: score, the impression against the
    /// key with the teaching point, then the essential questions.
    fn debrief_lines(&self, width: usize) -> Vec<Line<'static>> {
        let t = &self.theme;
        let (Some(d), Some(i)) = (&self.debrief, self.impression()) else {
            return Vec::new();
        };
        let key = &self.case.key;
        let mut out = Vec::new();
        let mut para = |text: String, style| {
            out.extend(
                wrap(&text, width)
                    .into_iter()
                    .map(|l| Line::styled(l, style)),
            )
        };
        para(
            format!(
                "Score {} of 100.  Time {} min {} s.  Questions asked: {}.",
                d.score,
                d.seconds / 60,
                d.seconds % 60,
                d.asked_total
            ),
            t.prompt,
        );
        para(String::new(), t.base);
        let verdict = |ok: bool| if ok { "right" } else { "NOT right" };
        let yn = |b: bool| if b { "yes" } else { "no" };
        para(
            format!(
                "Warning signs: you said {}, the key says {}: {}.",
                yn(i.red_flags),
                yn(key.red_flags),
                verdict(d.red_flags_right)
            ),
            t.base,
        );
        para(
            format!(
                "Root level: you said {}, the key says {}: {}.",
                i.level,
                key.level,
                verdict(d.level_right)
            ),
            t.base,
        );
        para(
            format!(
                "Next step: you said \"{}\", the key says \"{}\": {}.",
                self.step_text(&i.next_step),
                self.step_text(&key.next_step),
                verdict(d.next_step_right)
            ),
            t.base,
        );
        para(key.teaching.clone(), t.dim);
        para(String::new(), t.base);
        if self.manual {
            let (wrong, checked) = misrecorded(&self.case, &self.recorded, &self.asked);
            para(
                format!(
                    "Answers recorded as the patient gave them: {} of {checked}.",
                    checked - wrong.len()
                ),
                t.section,
            );
            for id in &wrong {
                let item = self.questionnaire.item(id);
                let said = item.map(|i| self.case.reply(i)).unwrap_or_default();
                para(
                    format!(
                        "! Recorded differently: {} (the patient said \"{said}\")",
                        item.map_or(id.as_str(), |i| i.interviewer_prompt())
                    ),
                    t.error,
                );
            }
            para(String::new(), t.base);
        }
        let total = d.asked_essential.len() + d.missed_essential.len();
        para(
            format!(
                "Essential questions: {} of {total} asked.",
                d.asked_essential.len()
            ),
            t.section,
        );
        let prompt = |id: &str| {
            self.questionnaire
                .item(id)
                .map_or(id.to_string(), |x| x.interviewer_prompt().to_string())
        };
        for id in &d.missed_essential {
            para(format!("! Missed: {}", prompt(id)), t.error);
        }
        for id in &d.asked_essential {
            para(format!("  Asked: {}", prompt(id)), t.base);
        }
        out
    }

    fn interview_view(&self, buf: &mut ratatui::buffer::Buffer) {
        let t = &self.theme;
        let [list, panel] = self.columns();
        let questions = self.questions();
        let offset = scroll_offset(self.cursor, questions.len(), list.height as usize);
        let enabled = self.recorded.enabled(&self.questionnaire);
        let index = |id: &str| self.questionnaire.index_of(id).unwrap_or(0);
        for (i, item) in questions
            .iter()
            .enumerate()
            .skip(offset)
            .take(list.height as usize)
        {
            let asked = self.asked.contains(&item.id);
            let here = i == self.cursor;
            let style = if here {
                t.selected
            } else if !enabled[index(&item.id)] {
                t.dim
            } else {
                t.base
            };
            let mark = if asked {
                "✓ "
            } else if item.red_flag {
                "! "
            } else {
                "  "
            };
            let line = Line::from(vec![
                Span::styled(if here { "›" } else { " " }, t.key),
                Span::styled(mark, t.checked),
                Span::styled(
                    truncate(item.interviewer_prompt(), list.width as usize - 4),
                    style,
                ),
            ]);
            line.render(layout::row(list, i - offset), buf);
        }
        let item = questions[self.cursor];
        let w = panel.width as usize;
        let mut lines: Vec<Line> = Vec::new();
        if let Some((_, s)) = self.questionnaire.section_of(index(&item.id)) {
            lines.push(Line::styled(s.title.clone(), t.section));
        }
        lines.extend(
            wrap(&format!("Ask: {}", item.interviewer_prompt()), w)
                .into_iter()
                .map(|l| Line::styled(l, t.prompt)),
        );
        lines.extend(
            wrap(&format!("Why: {}", item.why), w)
                .into_iter()
                .map(|l| Line::styled(l, t.dim)),
        );
        lines.push(Line::default());
        if self.asked.contains(&item.id) {
            lines.extend(
                wrap(&format!("Patient: \"{}\"", self.case.reply(item)), w)
                    .into_iter()
                    .map(Line::from),
            );
            if let Some(a) = self.recorded.get(&item.id) {
                let shown = a.display(&item.kind, BodyRegions::builtin());
                lines.extend(
                    wrap(&format!("Recorded: {shown}"), w)
                        .into_iter()
                        .map(|l| Line::styled(l, t.checked)),
                );
            }
        } else {
            lines.push(Line::styled("Press Enter to ask.", t.dim));
        }
        Paragraph::new(lines).render(panel, buf);
    }
}

/// Saves the debrief as Markdown in `dir` (mode 0600, never over a file);
/// returns what to tell the trainee.
pub fn save_debrief(app: &PracticeApp, dir: &std::path::Path) -> String {
    let Some(md) = app.debrief_markdown() else {
        return "There is no debrief yet.".to_string();
    };
    let name = format!(
        "practice-debrief-{}-{}.md",
        app.case.id,
        crate::export::time::compact((app.clock)())
    );
    let path = dir.join(name);
    match crate::export::write_private(&path, md.as_bytes(), false) {
        Ok(()) => format!("Saved {}", path.display()),
        Err(e) => format!("Not saved: {e}"),
    }
}
