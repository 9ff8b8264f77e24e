//! Every rule of the findings file fires on the answer it names, and names
//! that answer as its evidence; the next-step logic follows the article.

use intake::content::Content;
use std::fs;

use intake::answers::{Answer, Session, Side};
use intake::body::{BodyMarks, Symptom};
use intake::content;
use intake::findings::{Evidence, Level, Mark, Radicular, SignSide, StepWhen, Weakness, evaluate};
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

/// The first `Marked` with symptoms and regions in a condition, as the
/// mark that fires it.
fn mark_trigger(c: &Condition) -> Option<(&str, Symptom)> {
    match c {
        Condition::Marked {
            symptoms, regions, ..
        } => Some((regions.first()?, *symptoms.first()?)),
        Condition::Any(cs) | Condition::All(cs) => cs.iter().find_map(mark_trigger),
        _ => None,
    }
}

/// The calm example with these marks on the body diagram.
fn marked(q: &Questionnaire, marks: &[(&str, Symptom)]) -> Session {
    let mut s = base("mechanical-low-back-pain");
    let mut m = BodyMarks::default();
    for (region, symptom) in marks {
        m.set(region, *symptom);
    }
    s.set(q, "body_map", Answer::Body(m)).unwrap();
    s
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
        if !s.enabled(q, Content::builtin().regions)[n] {
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
        s.enabled(q, Content::builtin().regions)[q.index_of(id).unwrap()],
        "{id} could not be turned on"
    );
}

#[test]
fn every_warning_sign_fires_on_its_answer_and_names_it() {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let calm = evaluate(
        &q,
        &base("mechanical-low-back-pain"),
        &rules,
        &Content::builtin(),
    );
    assert!(calm.flags.is_empty());
    for flag in &rules.flags {
        if let (None, Some((region, symptom))) = (trigger(&flag.when), mark_trigger(&flag.when)) {
            let f = evaluate(
                &q,
                &marked(&q, &[(region, symptom)]),
                &rules,
                &Content::builtin(),
            );
            let found = f.flags.iter().find(|x| x.id == flag.id);
            let evidence = found.map(|x| x.evidence.clone()).unwrap_or_default();
            assert!(
                evidence
                    .iter()
                    .any(|e| matches!(e, Evidence::Marked(m) if m.region == region)),
                "{}: {evidence:?}",
                flag.id
            );
            continue;
        }
        let (id, value) =
            trigger(&flag.when).unwrap_or_else(|| panic!("{}: no Equals to fire it", flag.id));
        let mut s = base("mechanical-low-back-pain");
        if flag.id == "age" {
            // Its Equals (a first episode) fires only with an age to match.
            s.set(&q, "age", Answer::Number(56.0)).unwrap();
        }
        give(&q, &mut s, id, value);
        let f = evaluate(&q, &s, &rules, &Content::builtin());
        let found = f
            .flags
            .iter()
            .find(|x| x.id == flag.id)
            .unwrap_or_else(|| panic!("{} did not fire", flag.id));
        assert!(
            found.evidence.contains(&Evidence::Answer(id.to_string())),
            "{}: {:?}",
            flag.id,
            found.evidence
        );
    }
}

#[test]
fn every_strength_sign_counts_as_weakness_and_towards_its_roots_on_its_side() {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    for (n, sign) in rules.signs.iter().enumerate() {
        let (id, value) = trigger(&sign.when).unwrap();
        let mut s = base("mechanical-low-back-pain");
        give(&q, &mut s, id, value);
        let f = evaluate(&q, &s, &rules, &Content::builtin());
        assert!(
            f.weakness.contains(&Weakness::Sign(n)),
            "{}: {:?}",
            sign.says,
            f.weakness
        );
        // A one-sided answer strong enough to name a root alone names each
        // of its roots on its side; a weaker one names none by itself.
        let side = match sign.side {
            SignSide::Left => Side::Left,
            SignSide::Right => Side::Right,
            SignSide::Both | SignSide::Unsaid => continue,
        };
        if sign.weight < rules.root_threshold {
            assert!(f.roots.is_empty(), "{}: {:?}", sign.says, f.roots);
            continue;
        }
        for root in &sign.roots {
            let found = f.roots.iter().find(|r| &r.level == root);
            assert!(
                found.is_some_and(|r| r.side == Some(side) && r.signs.contains(&n)),
                "{}: no {root} on the {side:?} in {:?}",
                sign.says,
                f.roots
            );
        }
    }
}

/// The strength sections are shown when a limb is involved, and not for
/// plain back pain; a shown one left unanswered means nothing can be said
/// about weakness.
#[test]
fn strength_questions_are_shown_when_a_limb_is_involved_and_must_be_answered() {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let shown =
        |s: &Session, id: &str| s.enabled(&q, Content::builtin().regions)[q.index_of(id).unwrap()];
    let calm = base("mechanical-low-back-pain");
    assert!(!shown(&calm, "big_toe") && !shown(&calm, "wrist_back"));
    // A weakness mark alone opens its limb's questions, and only those.
    let leg = marked(&q, &[("right_calf", Symptom::Weakness)]);
    assert!(shown(&leg, "big_toe") && !shown(&leg, "wrist_back"));
    let arm = marked(&q, &[("left_thumb", Symptom::Weakness)]);
    assert!(shown(&arm, "wrist_back") && !shown(&arm, "big_toe"));
    let arm_pain = marked(&q, &[("left_thumb", Symptom::Pain)]);
    assert!(!shown(&arm_pain, "wrist_back"));
    // One leg question left open: no "without weakness".
    let mut s = base("s1-radiculopathy-no-weakness");
    let steps = |s: &Session| -> Vec<String> {
        evaluate(&q, s, &rules, &Content::builtin())
            .steps
            .into_iter()
            .map(|x| x.id)
            .collect()
    };
    assert!(steps(&s).contains(&"radicular_no_weakness".to_string()));
    s.answers.remove("push_off");
    let f = evaluate(&q, &s, &rules, &Content::builtin());
    assert_eq!(f.strength_unasked.len(), 1, "{:?}", f.strength_unasked);
    assert!(
        !steps(&s)
            .iter()
            .any(|x| x == "radicular_no_weakness" || x == "first_steps")
    );
}

/// The roots argued in the rules file's header (ISNCSCI key muscles and the
/// myotome tables), so that an edit to them is a deliberate one.
#[test]
fn each_muscle_group_points_to_its_roots() {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let table: [(&str, &[&str]); 12] = [
        ("arm_lift", &["C5"]),
        ("elbow_bend", &["C5", "C6"]),
        ("wrist_back", &["C6"]),
        ("elbow_straighten", &["C7"]),
        ("grip", &["C8"]),
        ("finger_spread", &["T1"]),
        ("hip_lift", &["L2", "L3"]),
        ("knee_weak", &["L3", "L4"]),
        ("foot_drop", &["L4", "L5"]),
        ("big_toe", &["L5"]),
        ("push_off", &["S1"]),
        ("ankle_roll", &["L5", "S1"]),
    ];
    for (id, roots) in table {
        let sign = rules
            .signs
            .iter()
            .find(|x| matches!(&x.when, Condition::Equals(i, v) if i == id && v == "right"))
            .unwrap_or_else(|| panic!("no sign for {id} on the right"));
        let mut listed: Vec<&str> = sign.roots.iter().map(String::as_str).collect();
        listed.sort();
        assert_eq!(listed, roots, "{id}");
        // A sign strong enough names its roots on its side by itself.
        let mut s = base("mechanical-low-back-pain");
        give(&q, &mut s, id, "right");
        let f = evaluate(&q, &s, &rules, &Content::builtin());
        let mut named: Vec<&str> = f.roots.iter().map(|r| r.level.as_str()).collect();
        named.sort();
        let alone: &[&str] = if sign.weight >= rules.root_threshold {
            roots
        } else {
            &[]
        };
        assert_eq!(named, alone, "{id}");
        assert!(f.roots.iter().all(|r| r.side == Some(Side::Right)), "{id}");
    }
}

/// Every question of the strength sections is read by a sign for each side.
#[test]
fn every_strength_question_has_a_sign_for_left_right_and_both() {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let read: Vec<(&str, &str)> = rules
        .signs
        .iter()
        .filter_map(|s| trigger(&s.when))
        .collect();
    let sections = q.sections.iter().filter(|s| s.id.ends_with("_strength"));
    let items: Vec<&str> = sections
        .flat_map(|s| &s.items)
        .filter(|i| matches!(i.kind, intake::questionnaire::Kind::Side))
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(items.len(), 12, "{items:?}");
    for id in items {
        for side in ["left", "right", "both"] {
            assert!(read.contains(&(id, side)), "no sign for {id} = {side}");
        }
    }
}

#[test]
fn next_steps_follow_the_article() {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let ids = |s: &Session| -> Vec<String> {
        evaluate(&q, s, &rules, &Content::builtin())
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
    for step in evaluate(
        &q,
        &base("cauda-equina-red-flags"),
        &rules,
        &Content::builtin(),
    )
    .steps
    {
        assert_eq!(step.because.is_empty(), step.id == "always", "{}", step.id);
    }
    assert!(
        rules
            .steps
            .iter()
            .any(|s| matches!(s.when, StepWhen::Always))
    );
}

/// Practice mode's impression offers only roots and steps a case can have.
#[test]
fn the_practice_impression_in_the_rules_names_roots_and_steps_that_exist() {
    let q = content::questionnaire();
    let bad = content::FINDINGS
        .replacen("\"L4\", \"L5\", \"S1\"],", "\"L4\", \"L5\", \"L9\"],", 1)
        .replacen("(\"soon\",", "(\"later\",", 1);
    let e = intake::findings::parse_rules("f.ron", &bad, &q)
        .unwrap_err()
        .to_string();
    assert!(e.contains("no body region has the root \"L9\""), "{e}");
    assert!(e.contains("unknown step \"later\""), "{e}");
    assert!(e.starts_with("f.ron:"), "{e}");
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

/// The top warning level of the calm example with one answer changed.
fn level_with(id: &str, answer: Answer) -> Option<intake::findings::Level> {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let mut s = base("mechanical-low-back-pain");
    s.set(&q, id, answer).unwrap();
    evaluate(&q, &s, &rules, &Content::builtin()).top_level()
}

#[test]
fn every_cauda_equina_sign_alone_is_an_emergency() {
    use intake::findings::Level::Emergency;
    for id in [
        "rf_bladder",
        "rf_stream",
        "rf_urine",
        "rf_bowel",
        "rf_stool_feel",
        "rf_saddle",
        "rf_sexual",
        "rf_both_legs",
    ] {
        assert_eq!(level_with(id, Answer::YesNo(true)), Some(Emergency), "{id}");
    }
    // Weakness in both legs, without pain: both feet slapping, or both
    // heels and both tiptoes hard.
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let mut s = base("mechanical-low-back-pain");
    give(&q, &mut s, "foot_drop", "both");
    assert_eq!(
        evaluate(&q, &s, &rules, &Content::builtin()).top_level(),
        Some(Emergency)
    );
    let mut s = base("mechanical-low-back-pain");
    give(&q, &mut s, "heel_walk", "both_hard");
    give(&q, &mut s, "toe_walk", "both_hard");
    assert_eq!(
        evaluate(&q, &s, &rules, &Content::builtin()).top_level(),
        Some(Emergency)
    );
}

#[test]
fn weakness_in_both_legs_is_an_emergency_when_severe_or_getting_worse() {
    use intake::findings::Level::Emergency;
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let level = |answers: &[(&str, &str)]| {
        let mut s = base("mechanical-low-back-pain");
        for (id, value) in answers {
            give(&q, &mut s, id, value);
        }
        evaluate(&q, &s, &rules, &Content::builtin()).top_level()
    };
    // Two muscle groups weak on both sides, without pain.
    let groups = ["hip_lift", "knee_weak", "big_toe", "push_off", "ankle_roll"];
    for (n, a) in groups.iter().enumerate() {
        for b in &groups[n + 1..] {
            let both = [(*a, "both"), (*b, "both")];
            assert_eq!(level(&both), Some(Emergency), "{a} and {b}");
        }
        // One group on both sides is weakness for the doctor, not an
        // emergency, unless it is getting worse.
        let one = (*a, "both");
        assert_ne!(level(&[one]), Some(Emergency), "{a} alone");
        assert_eq!(level(&[one, ("weak_change", "worse")]), Some(Emergency));
        assert_eq!(level(&[one, ("rf_weakness_worse", "yes")]), Some(Emergency));
        // Two groups on one side each are not both legs.
        let sides = [(*a, "left"), (groups[(n + 1) % 5], "right")];
        assert_ne!(level(&sides), Some(Emergency), "{sides:?}");
    }
}

#[test]
fn only_lost_or_changed_feeling_between_the_legs_is_an_emergency() {
    use intake::findings::Level::{Emergency, Soon};
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let findings =
        |marks: &[(&str, Symptom)]| evaluate(&q, &marked(&q, marks), &rules, &Content::builtin());
    // Pain there alone: for the doctor to look at, not the emergency banner.
    for symptom in [Symptom::Pain, Symptom::Sensitive] {
        let f = findings(&[("saddle", symptom)]);
        assert_eq!(f.top_level(), Some(Soon), "{symptom:?}: {:?}", f.flags);
        assert_eq!(f.flags[0].id, "saddle_pain");
    }
    // Numbness or tingling there: cauda equina, with only that as evidence.
    for symptom in [Symptom::Numbness, Symptom::Tingling] {
        let f = findings(&[("saddle", symptom), ("saddle", Symptom::Pain)]);
        assert_eq!(f.top_level(), Some(Emergency), "{symptom:?}");
        assert_eq!(f.flags[0].id, "cauda_equina");
        let said = Evidence::Marked(Mark {
            region: "saddle".into(),
            symptoms: vec![symptom],
        });
        assert_eq!(f.flags[0].evidence, [said]);
    }
    // The groin is not the saddle area: numbness there is no warning sign.
    let f = findings(&[
        ("left_groin", Symptom::Numbness),
        ("right_groin", Symptom::Pain),
    ]);
    assert!(f.flags.is_empty(), "{:?}", f.flags);
}

#[test]
fn every_serious_cause_sign_alone_is_at_least_urgent() {
    use intake::findings::Level::Urgent;
    for id in [
        "rf_fever",
        "rf_unwell",
        "rf_drugs",
        "rf_immune",
        "rf_steroids",
        "rf_cancer",
        "rf_weight_loss",
        "rf_night_pain",
        "rf_injury",
    ] {
        let level = level_with(id, Answer::YesNo(true));
        assert!(level.is_some_and(|l| l <= Urgent), "{id}: {level:?}");
    }
    let urgent = |answers: &[(&str, Answer)]| {
        let q = content::questionnaire();
        let rules = content::rules_for(&q).unwrap();
        let mut s = base("mechanical-low-back-pain");
        for (id, a) in answers {
            s.set(&q, id, a.clone()).unwrap();
        }
        evaluate(&q, &s, &rules, &Content::builtin())
            .top_level()
            .is_some_and(|l| l <= Urgent)
    };
    // First back pain over 50 or under 20; not when it has happened before.
    assert!(urgent(&[
        ("age", Answer::Number(56.0)),
        ("before", Answer::YesNo(false))
    ]));
    assert!(urgent(&[
        ("age", Answer::Number(17.0)),
        ("before", Answer::YesNo(false))
    ]));
    assert!(!urgent(&[
        ("age", Answer::Number(56.0)),
        ("before", Answer::YesNo(true))
    ]));
    assert!(!urgent(&[
        ("age", Answer::Number(35.0)),
        ("before", Answer::YesNo(false))
    ]));
    // Pain in the middle of the back.
    assert!(urgent(&[(
        "main_area",
        Answer::Choices(["mid_back".into()].into())
    )]));
    // A fall with thin bones; a fall alone is only to point out.
    let fall = ("onset", Answer::Choice("injury".into()));
    assert!(urgent(&[
        fall.clone(),
        ("rf_osteoporosis", Answer::YesNo(true))
    ]));
    assert!(!urgent(std::slice::from_ref(&fall)));
    assert_eq!(
        level_with(fall.0, fall.1),
        Some(intake::findings::Level::Soon)
    );
}

#[test]
fn a_summary_never_says_a_warning_sign_is_absent_when_it_was_not_asked() {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    // Left before the warning-sign questions, as a kiosk's unfinished ones are.
    let mut s = base("mechanical-low-back-pain");
    s.answers.retain(|id, _| !id.starts_with("rf_"));
    let f = evaluate(&q, &s, &rules, &Content::builtin());
    assert!(f.flags.is_empty());
    assert_eq!(f.unasked.len(), 21, "{:?}", f.unasked);
    let steps: Vec<&str> = f.steps.iter().map(|x| x.id.as_str()).collect();
    assert!(steps.contains(&"unasked"), "{steps:?}");
    assert!(!steps.contains(&"first_steps"), "{steps:?}");
    let md = intake::export::Summary::new(&q, &s, &rules, Content::builtin(), 0).markdown();
    assert!(!md.contains("No warning signs were reported"), "{md}");
    assert!(!md.contains("Without weakness or warning signs"), "{md}");
    assert!(md.contains("Your doctor needs to ask them"), "{md}");
    // All answered no: then, and only then, it is said.
    let md = intake::export::Summary::new(
        &q,
        &base("mechanical-low-back-pain"),
        &rules,
        Content::builtin(),
        0,
    )
    .markdown();
    assert!(md.contains("No warning signs were reported"), "{md}");
}

#[test]
fn a_sign_to_point_out_is_never_followed_by_advice_as_if_nothing_was_found() {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let mut s = base("mechanical-low-back-pain");
    s.set(&q, "onset", Answer::Choice("injury".into())).unwrap();
    let f = evaluate(&q, &s, &rules, &Content::builtin());
    let steps: Vec<&str> = f.steps.iter().map(|x| x.id.as_str()).collect();
    assert!(
        steps.contains(&"soon") && !steps.contains(&"first_steps"),
        "{steps:?}"
    );
    // An arm that feels weak is weakness: never "without weakness".
    let mut s = base("mechanical-low-back-pain");
    give(&q, &mut s, "grip", "neither");
    let steps: Vec<String> = evaluate(&q, &s, &rules, &Content::builtin())
        .steps
        .into_iter()
        .map(|x| x.id)
        .collect();
    assert!(
        !steps
            .iter()
            .any(|x| x == "first_steps" || x == "radicular_no_weakness"),
        "{steps:?}"
    );
}

#[test]
fn the_body_diagram_counts_for_weakness_and_for_both_legs() {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let with_marks = |marks: &[(&str, Symptom)]| {
        let mut s = base("mechanical-low-back-pain");
        let mut m = BodyMarks::default();
        for (region, symptom) in marks {
            m.toggle(region, *symptom);
        }
        s.set(&q, "body_map", Answer::Body(m)).unwrap();
        evaluate(&q, &s, &rules, &Content::builtin())
    };
    // A weakness mark alone is weakness: never "without weakness".
    let f = with_marks(&[("left_big_toe", Symptom::Weakness)]);
    assert_eq!(f.weakness, [Weakness::Marked("left_big_toe".into())]);
    assert!(!f.steps.iter().any(|s| s.id == "first_steps"));
    // Marks below both knees: sciatica in both legs, an emergency.
    let f = with_marks(&[
        ("left_calf", Symptom::Pain),
        ("right_shin_outer", Symptom::Tingling),
    ]);
    assert!(f.flags.iter().any(|x| x.id == "both_legs"), "{:?}", f.flags);
    // Weakness marked below both knees and getting worse: weak legs too.
    let mut s = base("mechanical-low-back-pain");
    let mut m = BodyMarks::default();
    m.toggle("left_calf", Symptom::Weakness);
    m.toggle("right_foot_top", Symptom::Weakness);
    s.set(&q, "body_map", Answer::Body(m)).unwrap();
    let weak_legs = |s: &Session| {
        evaluate(&q, s, &rules, &Content::builtin())
            .flags
            .iter()
            .any(|x| x.id == "both_legs_weak")
    };
    assert!(!weak_legs(&s));
    s.set(&q, "rf_weakness_worse", Answer::YesNo(true)).unwrap();
    assert!(weak_legs(&s));
    // Both knees alone are not.
    let f = with_marks(&[
        ("left_knee_front", Symptom::Pain),
        ("right_knee_front", Symptom::Pain),
    ]);
    assert!(
        !f.flags.iter().any(|x| x.id == "both_legs"),
        "{:?}",
        f.flags
    );
}

#[test]
fn the_marked_places_name_only_a_level_the_marks_point_to() {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let mut s = base("mechanical-low-back-pain");
    let mut m = BodyMarks::default();
    m.toggle("left_calf", Symptom::Pain);
    m.toggle("left_calf", Symptom::Tingling);
    m.toggle("left_heel", Symptom::Numbness);
    s.set(&q, "body_map", Answer::Body(m)).unwrap();
    // Strength answers put L4 and L5 first; only S1 and S2 places are marked.
    give(&q, &mut s, "foot_drop", "left");
    give(&q, &mut s, "heel_walk", "left_harder");
    let f = evaluate(&q, &s, &rules, &Content::builtin());
    assert!(
        matches!(f.roots[0].level.as_str(), "L4" | "L5"),
        "{:?}",
        f.roots
    );
    let said: Vec<&Radicular> = f
        .radicular
        .iter()
        .filter(|r| matches!(r, Radicular::Dermatome(_)))
        .collect();
    assert_eq!(
        said,
        [&Radicular::Dermatome("S1".into())],
        "{:?}",
        f.radicular
    );
}

#[test]
fn symptoms_in_both_arms_are_urgent_however_they_are_told() {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let both_arms = |s: &Session| {
        let f = evaluate(&q, s, &rules, &Content::builtin());
        f.flags
            .iter()
            .any(|x| x.id == "cord" && x.level == Level::Urgent)
    };
    let mut s = base("mechanical-low-back-pain");
    s.set(&q, "arm_spread", Answer::Choice("hand".into()))
        .unwrap();
    s.set(&q, "arm_spread_side", Answer::Side(Side::Left))
        .unwrap();
    assert!(!both_arms(&s), "one arm is a root, not the cord");
    s.set(&q, "arm_spread_side", Answer::Side(Side::Both))
        .unwrap();
    assert!(both_arms(&s));
    let s = marked(
        &q,
        &[
            ("left_little_finger", Symptom::Numbness),
            ("right_thumb", Symptom::Tingling),
        ],
    );
    assert!(both_arms(&s));
    let s = marked(&q, &[("left_little_finger", Symptom::Numbness)]);
    assert!(!both_arms(&s));
}

#[test]
fn weakness_on_both_sides_names_its_roots_on_both_sides() {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let mut s = base("mechanical-low-back-pain");
    give(&q, &mut s, "leg_spread", "foot");
    give(&q, &mut s, "foot_drop", "both");
    give(&q, &mut s, "big_toe", "both");
    let f = evaluate(&q, &s, &rules, &Content::builtin());
    let l5 = f.roots.iter().find(|r| r.level == "L5").expect("L5 named");
    assert_eq!(l5.side, Some(Side::Both));
}

/// A knee that gives way, or a leg that feels weak, is weakness for the next
/// steps but not by itself a pressed nerve on that side.
#[test]
fn a_vague_one_sided_weakness_alone_is_not_a_nerve_root_pattern() {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let mut s = base("mechanical-low-back-pain");
    give(&q, &mut s, "leg_weak_side", "left");
    give(&q, &mut s, "knee_weak", "left");
    let f = evaluate(&q, &s, &rules, &Content::builtin());
    assert!(!f.weakness.is_empty());
    assert!(f.radicular.is_empty(), "{:?}", f.radicular);
    assert!(f.steps.iter().any(|x| x.id == "compression"));
    // A foot that slaps on that side is.
    give(&q, &mut s, "foot_drop", "left");
    let f = evaluate(&q, &s, &rules, &Content::builtin());
    assert!(!f.radicular.is_empty());
    assert_eq!(f.roots.first().and_then(|r| r.side), Some(Side::Left));
}

/// The patient is told a side only when what they said agrees with it: a
/// wrong side is worse than none. The doctor's view still ranks by the marks.
#[test]
fn the_patient_is_told_a_side_only_when_it_agrees_with_what_they_said() {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let s = base("l5-radiculopathy-foot-drop");
    let f = evaluate(&q, &s, &rules, &Content::builtin());
    assert_eq!(f.side_told, Some(Side::Left));
    // Said right, marked and weak on the left: the marks rank L5 left, but
    // the patient is not told a side.
    let mut s = base("l5-radiculopathy-foot-drop");
    s.set(&q, "leg_spread_side", Answer::Side(Side::Right))
        .unwrap();
    s.set(&q, "check_legs", Answer::Choice("right".into()))
        .unwrap();
    let f = evaluate(&q, &s, &rules, &Content::builtin());
    assert_eq!(f.roots.first().and_then(|r| r.side), Some(Side::Left));
    assert_eq!(f.side_told, None);
    let md = intake::export::Summary::new(&q, &s, &rules, Content::builtin(), 0).markdown();
    let patient = &md[..md.find("## For your doctor").unwrap()];
    assert!(
        !patient.contains("left side") && !patient.contains("right side"),
        "{patient}"
    );
}
