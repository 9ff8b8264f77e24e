//! Any terminal (issue 13, item 2): every screen and dialog, drawn for the
//! Linux console and for ASCII, holds only glyphs the terminal has. The
//! frames are checked as the views draw them, before the net that the real
//! terminal's frames get: the views must choose right by themselves.

mod common;

use std::collections::BTreeSet;
use std::fs;

use common::Harness;
use insta::assert_snapshot;
use intake::answers::Session;
use intake::content;
use intake::practice::Case;
use intake::tui::app::{App, Dialog, Effect, Notice, Screen, SummaryTab};
use intake::tui::caps::{Caps, Palette};
use intake::tui::glyphs::{GlyphSet, Glyphs};
use intake::tui::layout::Frame;
use intake::tui::layout::report::Role;
use intake::tui::theme::{Theme, ThemeName};
use intake::tui::view::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::style::Color;

/// The code points of tests/data/console-glyphs.txt: what every Lat15 and
/// Uni2 console font of Debian draws.
fn console_table() -> BTreeSet<char> {
    let text = fs::read_to_string("tests/data/console-glyphs.txt").unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let hex = l.get(2..).and_then(|l| l.split(' ').next()).unwrap();
            char::from_u32(u32::from_str_radix(hex, 16).unwrap()).unwrap()
        })
        .collect()
}

#[test]
fn the_console_table_has_the_shades_but_no_half_blocks() {
    let table = console_table();
    assert!(table.len() > 500, "{}", table.len());
    for c in "█░▒•›◀▶↑↓←→─│┌┘▲▼×é".chars() {
        assert!(table.contains(&c), "{c} missing");
    }
    for c in "▀▄▓✓…".chars() {
        assert!(!table.contains(&c), "{c} is there after all");
    }
}

#[test]
fn what_the_console_set_allows_is_in_every_console_font() {
    let table = console_table();
    let allowed = (0..=0x10FFFF)
        .filter_map(char::from_u32)
        .filter(|c| Glyphs::CONSOLE.allows(*c));
    for c in allowed {
        assert!(table.contains(&c), "U+{:04X} {c} is in no table", c as u32);
    }
}

/// The answers the screens show: a patient who marked the body diagram.
fn session() -> Session {
    let path = "examples/sessions/l5-radiculopathy-foot-drop.ron";
    Session::from_ron(path, &fs::read_to_string(path).unwrap()).unwrap()
}

fn harness(w: u16, h: u16, set: GlyphSet) -> Harness {
    in_language(w, h, set, "en")
}

/// The same in a language, the other built-in one offered on the welcome screen.
fn in_language(w: u16, h: u16, set: GlyphSet, language: &str) -> Harness {
    let mut h = Harness::with_session(w, h, session());
    h.app.glyphs = Glyphs::of(set);
    if language != "en" {
        let offered = vec![language.to_string(), "en".to_string()];
        h.app = h.app.clone().with_languages(offered);
    }
    h
}

/// A screen's name and the app showing it.
type Shown = (String, App);

/// Every screen of the questionnaire, each with every dialog over it, and
/// the screens that stand alone: notices, the alert, a held kiosk.
fn every_screen(w: u16, h: u16, set: GlyphSet, language: &str) -> Vec<Shown> {
    let base = in_language(w, h, set, language).app;
    let items = base.questionnaire.items().count();
    let mut screens: Vec<Shown> = vec![("welcome".into(), base.clone())];
    for n in 0..items {
        let mut app = base.clone();
        app.open_item(n);
        let id = app.item(n).id.clone();
        screens.push((id.clone(), app.clone()));
        app.show_why = true;
        app.notice = Some(Notice::Error("a notice".into()));
        screens.push((format!("{id}, why we ask, a notice"), app));
    }
    for (name, screen, tab) in [
        ("review", Screen::Review, SummaryTab::Patient),
        ("summary", Screen::Summary, SummaryTab::Patient),
        (
            "summary for the doctor",
            Screen::Summary,
            SummaryTab::Clinician,
        ),
    ] {
        let mut app = base.clone();
        app.screen = screen;
        app.summary_tab = tab;
        screens.push((name.into(), app));
    }
    let with_dialogs = dialogs(&screens);
    screens.extend(with_dialogs);
    screens.extend(alone(&base));
    // The body diagram finding a place by name.
    let mut find = in_language(w, h, set, language);
    find.goto("body_map");
    find.keys("/calf");
    assert!(find.screen().contains(": calf"));
    screens.push(("body_map finding \"calf\"".into(), find.app));
    screens
}

/// Each dialog over the welcome screen, the first item, the body diagram,
/// the review and the summary.
fn dialogs(screens: &[Shown]) -> Vec<Shown> {
    let under = ["welcome", "age", "body_map", "review", "summary"];
    let every = [
        Dialog::ConfirmQuit,
        Dialog::ConfirmClearAll,
        Dialog::Resume,
        Dialog::StillThere(9),
        Dialog::StartOver,
        Dialog::StaffPin,
        Dialog::ConfirmOwner,
    ];
    let mut out = Vec::new();
    for (name, app) in screens.iter().filter(|(n, _)| under.contains(&n.as_str())) {
        for dialog in every {
            let mut app = app.clone();
            app.dialog = Some(dialog);
            app.resume = Some(session());
            app.pin.push('4');
            out.push((format!("{name} under {dialog:?}"), app));
        }
    }
    out
}

/// The alert, a kiosk that could not save, and an urgent notice.
fn alone(base: &App) -> Vec<Shown> {
    let mut alert = base.clone();
    alert.screen = Screen::Alert;
    let mut held = base.clone();
    held.held = Some(Effect::Finished);
    let mut urgent = base.clone();
    urgent.open_item(0);
    urgent.notice = Some(Notice::Urgent("an urgent notice".into()));
    vec![
        ("alert".into(), alert),
        ("held".into(), held),
        ("urgent notice".into(), urgent),
    ]
}

/// Practice mode's screens: the opening, the interview with questions
/// asked, each question of the impression, and the debrief.
fn practice_screens(w: u16, h: u16, set: GlyphSet) -> Vec<Shown> {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let path = "cases/l5-radiculopathy.ron";
    let case = Case::parse(path, &fs::read_to_string(path).unwrap(), &q).unwrap();
    let app = App::practice(q, rules, case, false, Theme::mono(), Rect::new(0, 0, w, h));
    let mut p = Harness {
        app,
        terminal: Terminal::new(TestBackend::new(w, h)).unwrap(),
    };
    p.app.glyphs = Glyphs::of(set);
    let mut out = vec![("practice opening".to_string(), p.app.clone())];
    p.enter();
    p.keys("does it hurt when you cough?");
    p.enter();
    out.push(("practice interview".into(), p.app.clone()));
    p.key(KeyCode::F(5));
    for _ in 0..3 {
        p.enter(); // ask (back to the conversation), then the list again
        p.key(KeyCode::F(5));
        p.key(KeyCode::Down);
    }
    out.push(("practice question list".into(), p.app.clone()));
    p.key(KeyCode::F(7));
    while let Screen::Impression(n) = p.app.screen {
        out.push((format!("practice impression {n}"), p.app.clone()));
        p.key(KeyCode::Down);
        p.enter();
    }
    out.push(("practice reasoning".into(), p.app.clone()));
    p.enter();
    assert_eq!(p.app.screen, Screen::Debrief);
    out.push(("practice debrief".into(), p.app.clone()));
    out
}

/// The app drawn as its view draws it, without the net.
fn draw(app: &App, w: u16, h: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view(app, f)).unwrap();
    terminal.backend().buffer().clone()
}

/// Every cell of `buf` that holds a character `allowed` refuses, as
/// "screen: cell (x, y) holds 'c' U+XXXX".
fn misfits(name: &str, buf: &Buffer, allowed: &dyn Fn(char) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            for c in buf[(x, y)].symbol().chars().filter(|c| !allowed(*c)) {
                out.push(format!(
                    "{name}: cell ({x}, {y}) holds {c:?} U+{:04X}",
                    c as u32
                ));
            }
        }
    }
    out
}

/// Draws every screen at 80x24 and 120x40 (and the too-small one) for
/// `set`, in English and, on the console, in Spanish (whose accents, ¿ and
/// ¡ its fonts have); fails naming each screen, cell and character it
/// cannot show.
fn every_screen_fits(set: GlyphSet, allowed: &dyn Fn(char) -> bool) {
    let mut found = Vec::new();
    let mut drawn = 0;
    for (w, h, language) in [
        (80, 24, "en"),
        (120, 40, "en"),
        (80, 24, "es"),
        (120, 40, "es"),
    ] {
        // ASCII has no accents: the net takes them off (tested below).
        if language != "en" && set == GlyphSet::Ascii {
            continue;
        }
        let screens = every_screen(w, h, set, language).into_iter();
        let practice = (language == "en").then(|| practice_screens(w, h, set));
        for (name, app) in screens.chain(practice.into_iter().flatten()) {
            let name = format!("{name} at {w}x{h} in {language}");
            found.extend(misfits(&name, &draw(&app, w, h), allowed));
            drawn += 1;
        }
    }
    let small = harness(50, 12, set).app;
    found.extend(misfits("too small", &draw(&small, 50, 12), allowed));
    assert!(drawn > 200, "only {drawn} screens drawn");
    found.truncate(40);
    assert!(found.is_empty(), "{set:?}:\n{}", found.join("\n"));
}

#[test]
fn every_screen_on_the_console_draws_only_glyphs_its_fonts_have() {
    let table = console_table();
    every_screen_fits(GlyphSet::Console, &|c| table.contains(&c));
}

#[test]
fn every_screen_in_ascii_draws_only_ascii() {
    every_screen_fits(GlyphSet::Ascii, &|c| c.is_ascii() && !c.is_ascii_control());
}

#[test]
fn the_unicode_screens_do_use_what_the_console_lacks() {
    // Else the two tests above could pass by drawing nothing of note.
    let table = console_table();
    let mut h = harness(80, 24, GlyphSet::Unicode);
    // In colour the figure is drawn in half blocks, which the console lacks.
    h.app.theme = intake::tui::theme::Theme::default_theme();
    h.goto("body_map");
    let found = misfits("body map", &draw(&h.app, 80, 24), &|c| table.contains(&c));
    assert!(!found.is_empty());
}

/// Spanish in ASCII (a vt100): the net the terminal's frames pass takes the
/// accents, ¿ and ¡ off every screen and leaves the words readable.
#[test]
fn spanish_in_ascii_loses_only_its_accents() {
    let mut found = Vec::new();
    for (name, app) in every_screen(80, 24, GlyphSet::Ascii, "es") {
        let mut frame = draw(&app, 80, 24);
        app.glyphs.net(&mut frame);
        found.extend(misfits(&name, &frame, &|c| {
            c.is_ascii() && !c.is_ascii_control()
        }));
    }
    found.truncate(40);
    assert!(found.is_empty(), "{}", found.join("\n"));
    let mut h = in_language(80, 24, GlyphSet::Ascii, "es");
    h.goto("age");
    let mut frame = draw(&h.app, 80, 24);
    h.app.glyphs.net(&mut frame);
    let rows: String = (0..24)
        .map(|y| {
            (0..80)
                .map(|x| frame[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect();
    assert!(rows.contains("Cuantos anos tiene?"), "{rows}");
}

/// Screens in ASCII at 80x24, as a vt100 or a non-UTF-8 locale gets them.
#[test]
fn ascii_snapshots() {
    let screens: &[(&str, Option<&str>)] = &[
        ("welcome", None),
        ("single", Some("onset")),
        ("body", Some("body_map")),
    ];
    for (name, item) in screens {
        let mut h = harness(80, 24, GlyphSet::Ascii);
        if let Some(id) = item {
            h.goto(id);
        }
        assert_snapshot!(format!("ascii_{name}_80x24"), h.screen());
    }
    // The summary where its body figure shows.
    let mut h = harness(80, 24, GlyphSet::Ascii);
    h.app.screen = Screen::Summary;
    h.app.summary_tab = SummaryTab::Clinician;
    let body = Frame::new(h.app.area).body;
    let rows = h.app.summary_rows(body.width);
    let figure = rows.iter().position(|r| r.role == Role::Figure).unwrap();
    h.app.summary_scroll = figure as u16 - 1;
    assert_snapshot!("ascii_summary_80x24", h.screen());
}

/// The frame the real terminal gets passes the net, which leaves the
/// console's frame whole when the view chose right, and fits what it did not.
#[test]
fn the_net_changes_nothing_the_views_drew_right() {
    let mut h = harness(80, 24, GlyphSet::Console);
    h.goto("body_map");
    let drawn = draw(&h.app, 80, 24);
    let mut netted = drawn.clone();
    h.app.glyphs.net(&mut netted);
    assert_eq!(netted, drawn);
    // A clinic's questionnaire in French, on a vt100.
    h.app.glyphs = Glyphs::ASCII;
    h.app.questionnaire.title = "Questionnaire de santé".into();
    h.app.screen = Screen::Welcome;
    let mut netted = draw(&h.app, 80, 24);
    h.app.glyphs.net(&mut netted);
    let top: String = (1..23).map(|x| netted[(x, 0)].symbol()).collect();
    assert_eq!(top, "Questionnaire de sante");
}

/// The console's backgrounds are dark, from the start and after F2.
#[test]
fn the_console_palette_holds_through_the_theme_key() {
    let caps = Caps {
        glyphs: GlyphSet::Console,
        palette: Palette::Ansi8,
    };
    let mut h = Harness::new(80, 24);
    h.app.theme = Theme::default_theme();
    h.app = h.app.clone().with_caps(caps);
    let dark = Some(Color::Black);
    assert_eq!(Theme::default_theme().gauge.bg, Some(Color::DarkGray));
    assert_eq!(h.app.theme.gauge.bg, dark);
    h.key(KeyCode::F(2));
    h.key(KeyCode::F(2));
    assert_eq!(h.app.theme.name, ThemeName::Default);
    assert_eq!(h.app.theme.gauge.bg, dark);
}
