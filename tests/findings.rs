//! Every rule of the findings file fires on the answer it names, and names
//! that answer as its evidence; the next-step logic follows the article.

use std::fs;

use intake::answers::{Answer, Session, Side};
use intake::content;
use intake::findings::{StepWhen, evaluate};
use intake::questionnaire::{Condition, Questionnaire};

fn base(name: &str) -> Session {
    let path = format!("examples/sessions/{name}.ron");
    Session::from_ron(&path, &fs::read_to_string(&path).unwrap()).unwrap()
}

/// The first `Equals` in a condition: the answer that fires it.
fn trigger(c: &Condition) -> Option<(&str, &str)> {
    match c {
        Condition::Equals(id, v) => Some((id, v)),
        Condition::Any(cs) | Condition::All(cs) => cs.iter().find_map(trigger),
        _ => None,
    }
}

/// Sets an answer the way the patient would give it, turning on the
/// questions that lead to it so that it counts.
fn give(q: &Questionnaire, s: &mut Session, id: &str, value: &str) {
    let lead_ins: &[(&str, Answer)] = &[
        ("leg_weak", Answer::YesNo(true)),
        ("arm_weak", Answer::YesNo(true)),
        ("leg_spread", Answer::Choice("foot".into())),
    ];
    for (lead, answer) in lead_ins {
        let n = q.index_of(id).unwrap();
        if !s.enabled(q)[n] {
            s.set(q, lead, answer.clone()).unwrap();
        }
    }
    let item = q.item(id).unwrap();
    let answer = match &item.kind {
        intake::questionnaire::Kind::YesNo => Answer::YesNo(value == "yes"),
        intake::questionnaire::Kind::Side => {
            Answer::Side(*Side::ALL.iter().find(|x| x.value() == value).unwrap())
        }
        intake::questionnaire::Kind::Multi { .. } => Answer::Choices([value.to_string()].into()),
        _ => Answer::Choice(value.to_string()),
    };
    s.set(q, id, answer).unwrap();
    assert!(
        s.enabled(q)[q.index_of(id).unwrap()],
        "{id} could not be turned on"
    );
}

#[test]
fn every_warning_sign_fires_on_its_answer_and_names_it() {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let calm = evaluate(&q, &base("mechanical-low-back-pain"), &rules);
    assert!(calm.flags.is_empty());
    for flag in &rules.flags {
        let (id, value) =
            trigger(&flag.when).unwrap_or_else(|| panic!("{}: no Equals to fire it", flag.id));
        let mut s = base("mechanical-low-back-pain");
        give(&q, &mut s, id, value);
        let f = evaluate(&q, &s, &rules);
        let found = f
            .flags
            .iter()
            .find(|x| x.id == flag.id)
            .unwrap_or_else(|| panic!("{} did not fire", flag.id));
        let prompt = &q.item(id).unwrap().prompt;
        assert!(
            found
                .evidence
                .iter()
                .any(|e| e.starts_with(prompt.as_str())),
            "{}: {:?}",
            flag.id,
            found.evidence
        );
    }
}

#[test]
fn every_strength_sign_counts_as_weakness_and_towards_its_roots() {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    for sign in &rules.signs {
        let (id, value) = trigger(&sign.when).unwrap();
        let mut s = base("mechanical-low-back-pain");
        give(&q, &mut s, id, value);
        let f = evaluate(&q, &s, &rules);
        assert!(
            f.weakness.contains(&sign.says),
            "{}: {:?}",
            sign.says,
            f.weakness
        );
        for root in &sign.roots {
            if sign.weight >= rules.root_threshold && !f.radicular.is_empty() {
                assert!(
                    f.roots.iter().any(|r| &r.level == root),
                    "{}: no {root} in {:?}",
                    sign.says,
                    f.roots
                );
            }
        }
    }
}

#[test]
fn next_steps_follow_the_article() {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let ids = |s: &Session| -> Vec<String> {
        evaluate(&q, s, &rules)
            .steps
            .into_iter()
            .map(|x| x.id)
            .collect()
    };
    // Always: bring this to your doctor, last.
    assert_eq!(
        ids(&base("mechanical-low-back-pain"))
            .last()
            .map(String::as_str),
        Some("always")
    );
    // After surgery: physical therapy still.
    let mut s = base("mechanical-low-back-pain");
    s.set(&q, "tried", Answer::Choices(["surgery".to_string()].into()))
        .unwrap();
    assert!(ids(&s).contains(&"after_surgery".to_string()));
    // Weakness: no "first steps" of rest and anti-inflammatories only.
    let l5 = ids(&base("l5-radiculopathy-foot-drop"));
    assert!(l5.contains(&"compression".to_string()) && !l5.contains(&"first_steps".to_string()));
    // Every step says why, except the one that always applies.
    for step in evaluate(&q, &base("cauda-equina-red-flags"), &rules).steps {
        assert_eq!(step.because.is_empty(), step.id == "always", "{}", step.id);
    }
    assert!(
        rules
            .steps
            .iter()
            .any(|s| matches!(s.when, StepWhen::Always))
    );
}

#[test]
fn a_rules_file_with_a_mistake_gets_a_positioned_error() {
    let q = content::questionnaire();
    let broken = content::FINDINGS.replacen(
        "Equals(\"rf_fever\", \"yes\")",
        "Equals(\"rf_feverish\", \"yes\")",
        1,
    );
    let e = intake::findings::parse_rules("f.ron", &broken, &q)
        .unwrap_err()
        .to_string();
    let line = broken
        .lines()
        .position(|l| l.contains("rf_feverish"))
        .unwrap()
        + 1;
    assert!(e.starts_with(&format!("f.ron:{line}:")), "{e}");
    assert!(e.contains("unknown item \"rf_feverish\""), "{e}");
}
