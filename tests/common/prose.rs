//! The patient-facing sentences of the built-in content in one language,
//! and how they split into words and sentences, for the readability tests
//! (tests/readability.rs in English, tests/readability_es.rs in Spanish).

use intake::languages::Bundle;
use intake::text::{Text as Catalogue, fill};

/// A patient-facing text and where it comes from, for the report.
pub struct Text {
    pub at: String,
    pub text: String,
}

pub fn text(at: String, text: &str) -> Text {
    Text {
        at,
        text: text.to_string(),
    }
}

/// Words: runs between spaces that hold a letter or a digit.
pub fn words(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect()
}

/// Sentences end at `.`, `!` or `?` before a space or the end; at least one.
pub fn sentences(text: &str) -> usize {
    let ends = text
        .split_whitespace()
        .filter(|w| w.ends_with(['.', '!', '?']) || w.ends_with(".\"") || w.ends_with("?\""))
        .count();
    ends.max(1)
}

/// The words of `cases` that `count` gives another number of syllables.
pub fn miscounted(cases: &[(&str, usize)], count: fn(&str) -> usize) -> Vec<String> {
    let wrong = cases.iter().filter(|(w, n)| count(w) != *n);
    wrong
        .map(|(w, n)| format!("{w}: {} not {n}", count(w)))
        .collect()
}

/// Whole sentences the patient reads: the welcome description, section
/// intros, prompts, "why we ask", next steps, warning signs, what a strength
/// sign says, and the alerts.
pub fn prose(b: &Bundle) -> Vec<Text> {
    let q = &b.questionnaire;
    let mut out = vec![text("description".into(), &q.description)];
    for s in &q.sections {
        out.push(text(format!("section {} intro", s.id), &s.intro));
        for i in &s.items {
            out.push(text(format!("{} prompt", i.id), &i.prompt));
            out.push(text(format!("{} why", i.id), &i.why));
        }
    }
    let rules = &b.rules;
    for s in &rules.steps {
        out.push(text(format!("step {}", s.id), &s.text));
    }
    // The patient's view lists warning signs and weakness in these words.
    for f in &rules.flags {
        out.push(text(format!("flag {}", f.id), &f.title));
    }
    for s in &rules.signs {
        out.push(text("sign".into(), &s.says));
    }
    let a = &rules.alerts;
    out.push(text("alert emergency".into(), &a.emergency));
    out.push(text("alert emergency_notice".into(), &a.emergency_notice));
    out.push(text("alert urgent".into(), &a.urgent));
    out.push(text("alert resumed".into(), &a.resumed));
    out.push(text("alert resumed_emergency".into(), &a.resumed_emergency));
    out.push(text("alert none_reported".into(), &a.none_reported));
    out.push(text("alert not_answered".into(), &a.not_answered));
    out.push(text("alert not_matching".into(), &a.not_matching));
    out.extend(report_prose(b.content.text));
    out.extend(aloud_prose(b.content.text));
    out.extend(linear_prose(b.content.text));
    out
}

/// What linear mode says besides the questions, its commands and numbers
/// filled in: a screen-reader user hears it once, with no screen to reread.
fn linear_prose(catalogue: &Catalogue) -> Vec<Text> {
    let w = &catalogue.linear;
    let c = &w.commands;
    let fills = [
        ("why", c.why.as_str()),
        ("back", &c.back),
        ("skip", &c.skip),
        ("help", &c.help),
        ("quit", &c.quit),
        ("yes", &c.yes),
        ("no", &c.no),
        ("done", &c.done),
        ("list", &c.list),
        ("clear", &c.clear),
        ("change", &c.change),
        ("retry", &c.retry),
        ("max", "4"),
        ("min", "0"),
        ("seconds", "30"),
    ];
    let b = &w.body;
    let said = [
        ("intro", &w.intro),
        ("emergency_ack", &w.emergency_ack),
        ("help_kiosk_quit", &w.help_kiosk_quit),
        ("choose_some", &w.choose_some),
        ("duration", &w.duration),
        ("optional", &w.optional),
        ("cannot_skip", &w.cannot_skip),
        ("no_why", &w.no_why),
        ("bad_some", &w.bad_some),
        ("bad_duration", &w.bad_duration),
        ("quit_confirm", &w.quit_confirm),
        ("pin_echo", &w.pin_echo),
        ("body intro", &b.intro),
        ("body bad_place", &b.bad_place),
        ("body several_how", &b.several_how),
        ("summary_end", &w.summary_end),
        ("summary_end_kiosk", &w.summary_end_kiosk),
        ("goodbye", &w.goodbye),
        ("review_more", &w.review_more),
        ("review_how", &w.review_how),
        ("bad_change", &w.bad_change),
        ("still_there", &w.still_there),
        ("held", &w.held),
        ("choose_language", &w.choose_language),
        ("begin", &w.begin),
        ("stopped", &w.stopped),
    ];
    let help = w
        .help
        .iter()
        .enumerate()
        .map(|(n, l)| (format!("help {n}"), l));
    said.into_iter()
        .map(|(at, t)| (at.to_string(), t))
        .chain(help)
        .map(|(at, t)| text(format!("linear {at}"), &fill(t, &fills)))
        .collect()
}

/// What read-aloud says besides the question, with the keys said as the
/// catalogue says the built-in keymap's.
fn aloud_prose(catalogue: &Catalogue) -> Vec<Text> {
    let w = &catalogue.aloud;
    let marks = &catalogue.letters.marks;
    let key = |name: &str| w.keys.get(name).cloned().unwrap_or(name.to_string());
    let keys = [
        ("up", key("Up")),
        ("down", key("Down")),
        ("left", key("Left")),
        ("right", key("Right")),
        ("toggle", key("Space")),
        ("confirm", key("Enter")),
        ("find", "/".into()),
        ("pain", marks.pain.clone()),
        ("numbness", marks.numbness.clone()),
        ("tingling", marks.tingling.clone()),
        ("weakness", marks.weakness.clone()),
        ("sensitive", marks.sensitive.clone()),
        ("min", "0".into()),
        ("max", "10".into()),
        ("unit", "kg".into()),
    ];
    let keys: Vec<(&str, &str)> = keys.iter().map(|(n, k)| (*n, k.as_str())).collect();
    [
        ("choose_one", &w.choose_one),
        ("choose_some", &w.choose_some),
        ("scale", &w.scale),
        ("number", &w.number),
        ("duration", &w.duration),
        ("text", &w.text),
        ("body", &w.body),
        ("summary", &w.summary),
        ("alert", &w.alert),
    ]
    .into_iter()
    .map(|(at, t)| text(format!("aloud {at}"), &fill(t, &keys)))
    .collect()
}

/// The sentences of the patient's view of the summary (the catalogue's).
fn report_prose(catalogue: &Catalogue) -> Vec<Text> {
    let w = &catalogue.report;
    let p = &w.patient;
    let b = &w.banners;
    let places = fill(
        &p.marked_weak,
        &[("places", "left big toe; left top of the foot")],
    );
    [
        ("banner emergency", b.emergency.as_str()),
        ("banner urgent", &b.urgent),
        ("banner soon", &b.soon),
        ("patient not_diagnosis", &p.not_diagnosis),
        ("patient fits left", &p.fits.left),
        ("patient fits right", &p.fits.right),
        ("patient fits both", &p.fits.both),
        ("patient fits none", &p.fits.none),
        ("patient no_fit", &p.no_fit),
        ("patient weakness", &p.weakness),
        ("patient marked_weak", &places),
    ]
    .into_iter()
    .map(|(at, t)| text(format!("report {at}"), t))
    .collect()
}
