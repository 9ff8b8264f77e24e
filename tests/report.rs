//! One report, two renderings: for every example session, the summary
//! screen (both views) and the Markdown file say the same banner, warning
//! signs, root levels and next steps, because both render the same Report.

mod common;

use common::{Harness, every_session as sessions, view_texts as texts};
use intake::answers::Session;
use intake::content;
use intake::export::Summary;
use intake::tui::app::{Screen, SummaryTab};
use intake::tui::message::Msg;
use intake::tui::view::summary;
use ratatui::crossterm::event::KeyCode;

/// The summary screen of a session reached through Finish, each view's
/// lines unwrapped (a width no line reaches) and joined.
fn screen_views(s: &Session) -> [String; 2] {
    let mut h = Harness::new(120, 40);
    h.app.session = s.clone();
    h.app.enabled = s.enabled(&h.app.questionnaire);
    h.goto("anything_else");
    h.enter();
    h.key(KeyCode::End);
    h.enter();
    assert_eq!(h.app.screen, Screen::Summary, "{:?}", h.app.notice);
    let text = |h: &Harness| -> String {
        let lines = summary::lines(&h.app, 2000);
        lines.iter().map(|l| l.to_string() + "\n").collect()
    };
    let patient = text(&h);
    h.app.update(Msg::NextField);
    assert_eq!(h.app.summary_tab, SummaryTab::Clinician);
    [patient, text(&h)]
}

#[test]
fn the_screen_and_the_markdown_agree_for_every_example_session() {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    // Only a finished session reaches the summary screen.
    for (name, s) in sessions()
        .into_iter()
        .filter(|(_, s)| s.progress(&q).complete())
    {
        let summary = Summary::new(&q, &s, &rules, s.updated);
        let md = summary.markdown();
        let [patient, clinician] = screen_views(&s);
        let f = &summary.findings;
        let w = summary.wording();
        let everywhere = |what: &str, text: &str| {
            for (place, shown) in [
                ("Markdown", &md),
                ("patient screen", &patient),
                ("clinician screen", &clinician),
            ] {
                assert!(
                    shown.contains(text),
                    "{name}: {what} {text:?} not on the {place}:\n{shown}"
                );
            }
        };
        let for_doctor = |what: &str, text: &str| {
            for (place, shown) in [("Markdown", &md), ("clinician screen", &clinician)] {
                assert!(
                    shown.contains(text),
                    "{name}: {what} {text:?} not on the {place}:\n{shown}"
                );
            }
        };
        let for_patient = |what: &str, text: &str| {
            for (place, shown) in [("Markdown", &md), ("patient screen", &patient)] {
                assert!(
                    shown.contains(text),
                    "{name}: {what} {text:?} not on the {place}:\n{shown}"
                );
            }
        };
        if let Some(level) = f.top_level() {
            for_patient("banner", summary.words.banners.get(level));
            for_doctor("banner", summary.words.clinician.banners.get(level));
        }
        for flag in &f.flags {
            everywhere("warning sign", &w.flag(flag));
            for e in w.evidence(&flag.evidence) {
                for_doctor("evidence", &e);
            }
        }
        for id in &f.unasked {
            for_patient("unanswered", q.item(id).unwrap().question());
            for_doctor("unanswered", w.label(id));
        }
        for root in &f.roots {
            for_doctor("root", &w.root(root));
            for e in w.root_evidence(root) {
                for_doctor("root evidence", &e);
            }
        }
        for step in &f.steps {
            everywhere("step", &step.text);
            for reason in w.reasons(&step.because) {
                for_doctor("reason", &reason);
            }
        }
    }
}

/// A `{name}` a template left unfilled.
fn placeholder(text: &str) -> Option<&str> {
    text.match_indices('{').find_map(|(at, _)| {
        let rest = &text[at + 1..];
        let end = rest.find('}')?;
        let name = &rest[..end];
        let word = !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_');
        word.then_some(&text[at..at + end + 2])
    })
}

#[test]
fn every_template_is_filled() {
    assert_eq!(placeholder("Numbness: {places} (L5)"), Some("{places}"));
    assert_eq!(placeholder("{\"id\": 1}"), None);
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    for (name, s) in sessions() {
        let summary = Summary::new(&q, &s, &rules, s.updated);
        for text in [summary.markdown(), summary.json()] {
            assert_eq!(placeholder(&text), None, "{name}");
        }
    }
}

#[test]
fn the_patient_view_comes_first_and_holds_no_root_levels_the_clinician_view_does() {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let (_, s) = sessions()
        .into_iter()
        .find(|(n, _)| n.contains("l5-radiculopathy"))
        .unwrap();
    let summary = Summary::new(&q, &s, &rules, s.updated);
    let [patient, clinician] = summary.report.views().map(texts);
    assert!(!patient.iter().any(|t| t.contains("L5")), "{patient:?}");
    assert!(
        clinician.iter().any(|t| t.starts_with("L5, left, score")),
        "{clinician:?}"
    );
    let md = summary.markdown();
    assert!(md.find("## For you").unwrap() < md.find("## For your doctor").unwrap());
}
