//! A test harness: the app on TestBackend, driven by key events through the
//! same mapping the terminal uses.
#![allow(dead_code)]

pub mod linear;
pub mod prose;
pub mod pty;
pub mod rng;

use intake::answers::{Answer, Session};
use intake::questionnaire;
use intake::questionnaire::Kind;
use intake::report::{Block, View};
use intake::tui::app::App;
use intake::tui::app::Notice;
use intake::tui::message::{Msg, from_event};
use intake::tui::theme::Theme;
use intake::tui::view::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use std::fs;

pub struct Harness {
    pub app: App,
    pub terminal: Terminal<TestBackend>,
}

impl Harness {
    pub fn new(width: u16, height: u16) -> Self {
        let session = Session::new(&Self::questionnaire(), 0);
        Self::with_session(width, height, session)
    }

    /// The app on the answers of a saved session, at the welcome screen.
    pub fn with_session(width: u16, height: u16, session: Session) -> Self {
        let q = Self::questionnaire();
        let rules = intake::content::rules_for(&q).unwrap();
        let app =
            App::new(q, session, Theme::mono(), Rect::new(0, 0, width, height)).with_rules(rules);
        let terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        Self { app, terminal }
    }

    pub fn questionnaire() -> questionnaire::Questionnaire {
        let source = std::fs::read_to_string("questionnaires/back-pain-intake.ron").unwrap();
        questionnaire::parse_str("back-pain-intake.ron", &source).unwrap()
    }

    /// Sends a key as the terminal would, through the same event mapping.
    pub fn key(&mut self, code: KeyCode) {
        self.key_with(code, KeyModifiers::NONE);
    }

    pub fn key_with(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        let event = Event::Key(KeyEvent::new(code, modifiers));
        if let Some(msg) = from_event(&event, &self.app.keymap, self.app.focus()) {
            self.app.update(msg);
        }
    }

    pub fn keys(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    pub fn enter(&mut self) {
        self.key(KeyCode::Enter);
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.terminal.backend_mut().resize(width, height);
        self.app.update(Msg::Resize(width, height));
    }

    pub fn screen(&mut self) -> String {
        self.terminal.draw(|f| view(&self.app, f)).unwrap();
        self.terminal.backend().to_string()
    }

    /// The screen as plain lines, one string per row, one char per cell.
    pub fn rows(&mut self) -> Vec<String> {
        self.terminal.draw(|f| view(&self.app, f)).unwrap();
        let buf = self.terminal.backend().buffer();
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol().chars().next().unwrap_or(' '))
                    .collect()
            })
            .collect()
    }

    /// (column, row) of the first cell of `text` on screen.
    pub fn find(&mut self, text: &str) -> (u16, u16) {
        let rows = self.rows();
        for (y, line) in rows.iter().enumerate() {
            if let Some(byte) = line.find(text) {
                return (line[..byte].chars().count() as u16, y as u16);
            }
        }
        panic!("{text:?} not on screen:\n{}", rows.join("\n"));
    }

    pub fn goto(&mut self, id: &str) {
        let n = self.app.questionnaire.index_of(id).unwrap();
        self.app.open_item(n);
    }

    pub fn current_id(&self) -> Option<String> {
        self.app.current_item().map(|i| i.id.clone())
    }

    pub fn answer(&self, id: &str) -> Option<&Answer> {
        self.app.session.get(id)
    }
}

/// Answers whatever is on screen with the first sensible keys, as a hurried patient might.
pub fn answer_on_screen(h: &mut Harness) {
    let kind = h.app.current_item().unwrap().kind.clone();
    let before = h.app.screen;
    answer_kind(h, kind);
    // An urgent warning sign holds the screen until its notice is read.
    if h.app.screen == before && matches!(h.app.notice, Some(Notice::Urgent(_))) {
        h.enter();
    }
}

pub fn answer_kind(h: &mut Harness, kind: Kind) {
    // The letters of the screen's language.
    let letters = &h.app.content.text.letters;
    match kind {
        Kind::YesNo => h.keys(&letters.no),
        Kind::Single { .. } | Kind::Side => {
            h.key(KeyCode::Down);
            h.enter();
        }
        Kind::Multi { .. } => {
            h.key(KeyCode::Char(' '));
            h.enter();
        }
        Kind::Scale { .. } => {
            h.keys("5");
            h.enter();
        }
        Kind::Number { .. } => {
            h.keys("52");
            h.enter();
        }
        Kind::Duration { .. } => {
            h.keys(&format!("6{}", letters.weeks));
            h.enter();
        }
        Kind::Text { .. } => {
            h.keys(typed(h));
            h.enter();
        }
        Kind::BodyMap => {
            h.keys(&letters.marks.pain);
            h.enter();
        }
        Kind::Info => h.enter(),
    }
}

/// What a hurried patient types into a text box, in the screen's language.
fn typed(h: &Harness) -> &'static str {
    match h.app.content.text.language.as_str() {
        "es" => "Caminar al trabajo, sin dolor",
        _ => "Walk to work",
    }
}

/// Every saved example session, by file name.
pub fn example_sessions() -> Vec<(String, Session)> {
    sessions_in("examples/sessions")
}

/// The example sessions and the clinical vignettes: every saved patient.
pub fn every_session() -> Vec<(String, Session)> {
    let mut all = example_sessions();
    all.extend(sessions_in("tests/vignettes"));
    all
}

fn sessions_in(dir: &str) -> Vec<(String, Session)> {
    let mut paths: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .filter(|p| !p.ends_with("expect.ron"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 5, "{paths:?}");
    paths
        .into_iter()
        .map(|p| {
            let name = p.display().to_string();
            let s = Session::from_ron(&name, &fs::read_to_string(&p).unwrap()).unwrap();
            (name, s)
        })
        .collect()
}

/// Every text of a view, for looking through.
pub fn view_texts(view: &View) -> Vec<String> {
    let mut out = vec![view.name.clone()];
    for section in &view.sections {
        out.push(section.heading.clone());
        for block in &section.blocks {
            match block {
                Block::Banner(_, t)
                | Block::Paragraph(t)
                | Block::Strong(t)
                | Block::Heading(t) => out.push(t.clone()),
                Block::Bullets(list) | Block::Numbered(list) => {
                    for b in list {
                        out.push(b.text.clone());
                        out.extend(b.details.iter().cloned());
                    }
                }
                Block::Table { head, rows } => {
                    out.extend(head.iter().chain(rows.iter().flatten()).cloned())
                }
                Block::Diagram(_) => {}
                Block::Diagrams(list) => out.extend(list.iter().map(|(h, _)| h.clone())),
            }
        }
    }
    out
}
