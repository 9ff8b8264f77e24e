//! Linear mode at a kiosk (and a failed save outside one), driven by lines
//! and the idle timer's ticks: the host's outcomes are given as the
//! runner's host would give them.

use super::super::*;
use super::has;
use crate::kiosk::KioskConfig;
use crate::tui::app::{Effect, Outcome};

/// A kiosk whose idle timer warns at 90 s and starts over at 120 s.
pub(super) fn linear() -> Linear {
    let mut l = super::linear();
    let text = format!(
        "Kiosk(export_dir: \"/nonexistent/e\", state_dir: \"/nonexistent/s\", idle_timeout_secs: 120, idle_warning_secs: 30, resume_window_secs: 900, staff_pin_hash: \"{}\")",
        crate::kiosk::hash_pin("1357")
    );
    l.app.kiosk = Some(KioskConfig::parse("kiosk.ron", &text).unwrap());
    l
}

/// A kiosk's patient who pressed Enter to begin.
pub(super) fn begun() -> Linear {
    let mut l = linear();
    l.start();
    l.input("");
    l
}

/// Between patients a kiosk asks nothing and runs no idle timer: the
/// warning, then Enter begins; staff can leave there with the PIN.
#[test]
fn a_kiosk_waits_for_its_patient_before_asking() {
    let mut l = linear();
    let out = l.start();
    assert_eq!(out.last().unwrap(), "Press Enter to begin.");
    assert!(out[0].contains("bladder"), "the warning first: {out:#?}");
    assert_eq!(
        crate::tui::idle_wait(&l.app, std::time::Instant::now()),
        None
    );
    assert!(l.input("quit").is_empty());
    assert!(l.wants_secret());
    assert_eq!(l.input("0000").last().unwrap(), "Press Enter to begin.");
    let out = l.input("");
    assert!(out[0].starts_with("Linear mode:"), "{out:#?}");
    has(&out, "How old are you?");
}

#[test]
fn idle_warns_once_then_saves_and_starts_over() {
    let mut l = begun();
    l.input("40");
    assert!(l.tick(60).is_empty(), "too early to warn");
    let warned = l.tick(90);
    assert_eq!(
        warned,
        ["Are you still there? Press Enter to go on. Starting over in 30 seconds."]
    );
    // Said once, though the timer counts on.
    assert!(l.tick(100).is_empty());
    // A line means the patient is there: the question again, nothing lost.
    let back = l.input("");
    has(&back, "1. Lower back");
    assert_eq!(l.app.dialog, None);
    l.tick(95);
    assert!(l.tick(120).is_empty());
    assert!(l.app.effects.contains(&Effect::Abandoned));
    // The host saved the unfinished session and wiped it.
    l.app.effects.clear();
    l.app.update(Msg::Host(Outcome::Wiped));
    let next = l.after_host();
    assert!(
        l.wipe.is_some(),
        "the terminal is wiped for the next patient"
    );
    assert_eq!(next.last().unwrap(), "Press Enter to begin.");
    assert!(l.app.session.answers.is_empty());
}

#[test]
fn a_failed_save_is_told_kept_and_retried_and_only_the_pin_leaves() {
    let mut l = begun();
    l.stage = Stage::Summary;
    l.input("");
    assert_eq!(l.app.effects, [Effect::Finished]);
    // The host could not save: it holds the session and says why.
    l.app.effects.clear();
    l.app.update(Msg::Host(Outcome::Held(Effect::Finished)));
    let why = "Your answers could not be saved (the disk is full). Please tell a member of staff.";
    l.app.update(Msg::Host(Outcome::Failed(why.into())));
    let told = l.after_host();
    let kept = "Your answers are kept safe on this computer. Type retry to try again.";
    assert_eq!(told, [why, kept]);
    assert!(
        l.wipe.is_some(),
        "nothing of the patient stays on the terminal"
    );
    assert_eq!(l.input("hello"), [kept]);
    // Leaving needs the PIN; a wrong one stays.
    assert!(l.input("quit").is_empty());
    assert!(l.wants_secret());
    assert_eq!(l.input("0000"), ["That PIN is not right.", kept]);
    assert!(l.running());
    l.app.effects.clear();
    // Tried again: the same save is asked of the host.
    assert!(l.input("retry").is_empty());
    assert_eq!(l.app.effects, [Effect::Finished]);
    l.app.effects.clear();
    l.app.update(Msg::Host(Outcome::Wiped));
    let next = l.after_host();
    // Saved is said, then the terminal is wiped for the next patient.
    assert_eq!(
        next[0],
        "Your answers were saved for the clinic staff. Thank you."
    );
    assert_eq!(l.wipe, Some(1));
    assert_eq!(next.last().unwrap(), "Press Enter to begin.");
}

/// Outside a kiosk too, a summary that could not be saved is not left
/// behind a goodbye: it is told, kept on screen, and tried again.
#[test]
fn a_failed_save_outside_a_kiosk_is_retried_too() {
    let mut l = super::linear();
    l.start();
    l.stage = Stage::Summary;
    l.input("");
    l.app.effects.clear();
    let why = "Your answers could not be saved (the disk is full).";
    l.app.update(Msg::Host(Outcome::Failed(why.into())));
    let told = l.after_host();
    assert_eq!(told[0], why);
    assert!(told[1].ends_with("Type retry to try again."), "{told:#?}");
    assert!(l.wipe.is_none() && l.running());
    l.input("retry");
    assert_eq!(l.app.effects, [Effect::Finished]);
    l.app.update(Msg::Host(Outcome::Finished));
    assert_eq!(
        l.after_host(),
        ["Thank you. You can close this window now."]
    );
    assert!(!l.running());
}
