//! Clinical vignettes: saved sessions of made-up patients, each with what a
//! careful clinician expects the summary to say (tests/vignettes/expect.ron):
//! the warning level, the most likely root and its side, and the next steps.
//! Their Markdown summaries are golden files, read when they change.

use intake::content::Content;
use std::collections::BTreeSet;
use std::fs;

use intake::answers::{Answer, Session};
use intake::content;
use intake::export::Summary;
use intake::findings::{Findings, Rules, StepWhen, evaluate};
use intake::questionnaire::Questionnaire;
use serde::Deserialize;

const DIR: &str = "tests/vignettes";

#[derive(Debug, Deserialize)]
struct Expect {
    file: String,
    /// The banner: "Emergency", "Urgent", "Soon", or none.
    banner: Option<String>,
    /// The first-ranked root level, or the levels it may be when the
    /// answers cannot tell them apart; empty when none may be named.
    root: Vec<String>,
    /// Its side: "left", "right" or "both".
    side: Option<String>,
    /// Every next step, in order, by id.
    steps: Vec<String>,
}

fn expectations() -> Vec<Expect> {
    let path = format!("{DIR}/expect.ron");
    ron::from_str(&fs::read_to_string(&path).unwrap()).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn load(file: &str) -> Session {
    let path = format!("{DIR}/{file}");
    let s = Session::from_ron(&path, &fs::read_to_string(&path).unwrap())
        .unwrap_or_else(|e| panic!("{e}"));
    let q = content::questionnaire();
    let problems = s.check(&q);
    assert!(problems.is_empty(), "{path}: {problems:?}");
    // Answers only to questions the patient was shown, and every required
    // one answered unless the story is of a patient who left early.
    let live = s.live_answers(&q, Content::builtin().regions).count();
    assert_eq!(live, s.answers.len(), "{path}: answers to hidden questions");
    let complete = s.progress(&q, Content::builtin().regions).complete();
    assert_eq!(
        complete,
        !file.starts_with("incomplete-"),
        "{path}: complete?"
    );
    s
}

fn banner(f: &Findings) -> Option<String> {
    f.top_level().map(|l| format!("{l:?}"))
}

#[test]
fn every_vignette_has_an_expectation_and_every_expectation_a_vignette() {
    let on_disk: BTreeSet<String> = fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n != "expect.ron" && n.ends_with(".ron"))
        .collect();
    let expected: BTreeSet<String> = expectations().into_iter().map(|e| e.file).collect();
    assert_eq!(on_disk, expected);
    assert!(expected.len() >= 20, "only {} vignettes", expected.len());
}

#[test]
fn every_vignette_gets_its_banner_root_side_and_steps() {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let mut wrong = Vec::new();
    for e in expectations() {
        let f = evaluate(&q, &load(&e.file), &rules, &Content::builtin());
        let got_root = f.roots.first().map(|r| r.level.clone());
        let got_side = f
            .roots
            .first()
            .and_then(|r| r.side)
            .map(|s| s.value().to_string());
        let got_steps: Vec<String> = f.steps.iter().map(|s| s.id.clone()).collect();
        let root_ok = match &got_root {
            None => e.root.is_empty(),
            Some(level) => e.root.contains(level),
        };
        if banner(&f) != e.banner
            || !root_ok
            || (e.side.is_some() && got_side != e.side)
            || got_steps != e.steps
        {
            wrong.push(format!(
                "{}: expected {:?} {:?} {:?} {:?}, got {:?} {:?} {:?} {:?}",
                e.file,
                e.banner,
                e.root,
                e.side,
                e.steps,
                banner(&f),
                got_root,
                got_side,
                got_steps
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn golden_summaries_of_every_vignette() {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    for e in expectations() {
        let s = load(&e.file);
        let mut summary = Summary::new(&q, &s, &rules, Content::builtin(), s.updated);
        summary.utc_offset = 3600;
        let name = e.file.trim_end_matches(".ron").to_string();
        insta::assert_snapshot!(format!("vignette-{name}.md"), summary.markdown());
    }
}

/// Every vignette cut short after each answer, as a patient who walks away
/// would leave it: the summary never says a warning sign or weakness is
/// absent unless every such question that was shown was answered.
#[test]
fn no_cut_short_vignette_claims_an_absence_that_was_not_asked() {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    for e in expectations() {
        let full = load(&e.file);
        let order: Vec<&str> = q
            .items()
            .map(|i| i.id.as_str())
            .filter(|id| full.get(id).is_some())
            .collect();
        for cut in 0..=order.len() {
            let mut s = full.clone();
            for id in &order[cut..] {
                s.clear(id);
            }
            check_absences(&q, &rules, &s, &format!("{} cut at {cut}", e.file));
        }
    }
}

fn check_absences(q: &Questionnaire, rules: &Rules, s: &Session, what: &str) {
    let f = evaluate(q, s, rules, &Content::builtin());
    let enabled = s.enabled(q, Content::builtin().regions);
    let shown = |pred: &dyn Fn(&intake::questionnaire::Item) -> bool| -> Vec<String> {
        q.items()
            .zip(&enabled)
            .filter(|(i, on)| **on && pred(i))
            .map(|(i, _)| i.id.clone())
            .collect()
    };
    let flags_open: Vec<String> = shown(&|i| i.red_flag)
        .into_iter()
        .filter(|id| s.get(id).is_none())
        .collect();
    let mut summary = Summary::new(q, s, rules, Content::builtin(), s.updated);
    summary.utc_offset = 3600;
    let md = summary.markdown();
    if !flags_open.is_empty() {
        assert!(
            !md.contains(&rules.alerts.none_reported),
            "{what}: says none reported with {flags_open:?} open"
        );
        assert!(
            f.steps.iter().any(|st| st.id == "unasked"),
            "{what}: no 'unasked' step with {flags_open:?} open"
        );
    }
    let any_flag_answer_yes = shown(&|i| i.red_flag)
        .iter()
        .any(|id| s.get(id) == Some(&Answer::YesNo(true)));
    if md.contains(&rules.alerts.none_reported) {
        assert!(!any_flag_answer_yes, "{what}: none reported after a yes");
    }
    // Steps that speak of no weakness or no warning sign need every such
    // question that was shown asked and answered.
    let strength: BTreeSet<&str> = rules
        .signs
        .iter()
        .flat_map(|sign| sign.when.references())
        .map(|(id, _)| id)
        .collect();
    // Optional tests (walking on heels) may be skipped.
    let strength_open: Vec<String> = shown(&|i| i.required && strength.contains(i.id.as_str()))
        .into_iter()
        .filter(|id| s.get(id).is_none())
        .collect();
    // "Not a pressed nerve" needs the diagram, the strength questions and
    // what makes a pattern radicular answered.
    let words = &intake::text::Text::builtin().report;
    let pattern_inputs: BTreeSet<&str> = rules
        .radicular_when
        .references()
        .into_iter()
        .map(|(id, _)| id)
        .chain([rules.body_item.as_str()])
        .collect();
    let pattern_open: Vec<String> = shown(&|i| pattern_inputs.contains(i.id.as_str()))
        .into_iter()
        .filter(|id| s.get(id).is_none())
        .chain(strength_open.iter().cloned())
        .collect();
    for absent in [&words.patient.no_fit, &words.clinician.not_radicular] {
        assert!(
            pattern_open.is_empty() || !md.contains(absent.as_str()),
            "{what}: says {absent:?} with {pattern_open:?} open"
        );
    }
    for st in &f.steps {
        let when = &rules.steps.iter().find(|r| r.id == st.id).unwrap().when;
        if speaks_of(when, &|w| matches!(w, StepWhen::NoFlag(_))) {
            assert!(
                flags_open.is_empty(),
                "{what}: {} with {flags_open:?} open",
                st.id
            );
        }
        if speaks_of(when, &|w| matches!(w, StepWhen::NoWeakness)) {
            assert!(
                strength_open.is_empty() && f.weakness.is_empty(),
                "{what}: {} with {strength_open:?} open or weakness {:?}",
                st.id,
                f.weakness
            );
        }
    }
}

fn speaks_of(w: &StepWhen, of: &dyn Fn(&StepWhen) -> bool) -> bool {
    match w {
        StepWhen::All(ws) => ws.iter().any(|w| speaks_of(w, of)),
        w => of(w),
    }
}
