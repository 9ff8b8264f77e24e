//! Drawing uses the size of the frame it draws into, whatever the app last
//! heard: a terminal can shrink between the resize event and the next frame.

mod common;

use common::Harness;
use intake::tui::app::{Dialog, Screen};
use intake::tui::message::Msg;
use intake::tui::view::view;

/// Every screen kind: welcome, each item (every widget, the body diagram in
/// its layouts), review and summary, each with and without every dialog.
fn every_screen(h: &mut Harness) -> Vec<(Screen, Option<Dialog>)> {
    let items = h.app.questionnaire.items().count();
    let screens = [Screen::Welcome, Screen::Review, Screen::Summary]
        .into_iter()
        .chain((0..items).map(Screen::Item));
    let dialogs = [
        None,
        Some(Dialog::ConfirmQuit),
        Some(Dialog::ConfirmClearAll),
        Some(Dialog::Resume),
        Some(Dialog::StillThere(9)),
        Some(Dialog::StartOver),
        Some(Dialog::StaffPin),
    ];
    screens
        .flat_map(|s| dialogs.into_iter().map(move |d| (s, d)))
        .collect()
}

fn open(h: &mut Harness, screen: Screen, dialog: Option<Dialog>) {
    match screen {
        Screen::Item(n) => h.app.open_item(n),
        other => h.app.screen = other,
    }
    h.app.dialog = dialog;
}

#[test]
fn a_frame_of_another_size_than_the_app_knows_draws_without_panic() {
    // (what the app last heard, what the frame is)
    let pairs = [
        ((120, 40), (60, 20)),
        ((60, 20), (120, 40)),
        ((200, 60), (61, 21)),
        ((80, 24), (60, 20)),
        ((124, 50), (40, 10)),
    ];
    let mut h = Harness::new(80, 24);
    for screen in every_screen(&mut h) {
        for ((aw, ah), (fw, fh)) in pairs {
            h.app.update(Msg::Resize(aw, ah));
            open(&mut h, screen.0, screen.1);
            h.terminal.backend_mut().resize(fw, fh);
            h.terminal
                .draw(|f| view(&h.app, f))
                .unwrap_or_else(|e| panic!("{screen:?} {aw}x{ah} in {fw}x{fh}: {e}"));
        }
    }
}

#[test]
fn the_body_diagram_is_drawn_for_the_frame_not_the_last_resize() {
    let mut h = Harness::new(120, 40);
    h.goto("body_map");
    let wide = h.rows();
    // The app still thinks 60x40 while the frame is 120x40: the frame wins.
    h.app.update(Msg::Resize(60, 40));
    assert_eq!(h.rows(), wide);
}
