//! The laterality cross-check: when the side said for the pain and the side
//! marked on the body diagram differ, the check question is shown once, and
//! the summary shows the disagreement until the patient's answer settles it.

use intake::content::Content;
use std::fs;

use intake::answers::{Answer, Session, Side};
use intake::body::{BodyMarks, Symptom};
use intake::content;
use intake::export::Summary;
use intake::findings::{Findings, Level, evaluate};
use intake::questionnaire::Questionnaire;

fn example(name: &str) -> Session {
    let path = format!("examples/sessions/{name}.ron");
    Session::from_ron(&path, &fs::read_to_string(&path).unwrap()).unwrap()
}

fn marks(regions: &[&str]) -> Answer {
    let mut m = BodyMarks::new();
    for r in regions {
        m.set(r, Symptom::Pain);
    }
    Answer::Body(m)
}

fn shown(q: &Questionnaire, s: &Session, id: &str) -> bool {
    s.enabled(q, Content::builtin().regions)[q.index_of(id).unwrap()]
}

fn findings(q: &Questionnaire, s: &Session) -> Findings {
    evaluate(q, s, &content::rules_for(q).unwrap(), &Content::builtin())
}

/// Left sciatica to the foot, from the L5 example, with the side said and
/// the marks replaced.
fn legs(side: Side, spread: &str, marked: &[&str]) -> (Questionnaire, Session) {
    let q = content::questionnaire();
    let mut s = example("l5-radiculopathy-foot-drop");
    s.set(&q, "leg_spread", Answer::Choice(spread.into()))
        .unwrap();
    s.set(&q, "leg_spread_side", Answer::Side(side)).unwrap();
    s.set(&q, "body_map", marks(marked)).unwrap();
    (q, s)
}

/// Right arm pain to the hand, from the C6 example, likewise.
fn arms(side: Side, marked: &[&str]) -> (Questionnaire, Session) {
    let q = content::questionnaire();
    let mut s = example("c6-cervical-radiculopathy");
    s.set(&q, "arm_spread_side", Answer::Side(side)).unwrap();
    s.set(&q, "body_map", marks(marked)).unwrap();
    (q, s)
}

#[test]
fn each_disagreement_shows_its_check_and_agreement_shows_none() {
    use Side::{Both, Left, Right};
    let leg_cases: &[(Side, &str, &[&str], bool)] = &[
        (Right, "foot", &["left_calf", "left_foot_top"], true),
        (Left, "thigh", &["right_thigh_back"], true),
        (Left, "foot", &["left_shin_outer", "right_calf"], true),
        (Both, "below_knee", &["left_calf", "left_thigh_back"], true),
        (Both, "foot", &["right_sole"], true),
        // Agreeing, or not a disagreement about the leg the pain goes down.
        (Left, "foot", &["left_shin_outer", "left_big_toe"], false),
        (Left, "foot", &["left_calf", "right_thigh_front"], false),
        (Both, "foot", &["left_calf", "right_knee_back"], false),
        (Right, "foot", &["left_buttock"], false),
        (Right, "foot", &[], false),
        (Right, "buttock", &["left_calf"], false),
    ];
    for (side, spread, marked, expected) in leg_cases {
        let (q, s) = legs(*side, spread, marked);
        assert_eq!(
            shown(&q, &s, "check_legs"),
            *expected,
            "said {side:?} ({spread}), marked {marked:?}"
        );
        assert!(!shown(&q, &s, "check_arms"));
    }
    let arm_cases: &[(Side, &[&str], bool)] = &[
        (Right, &["left_forearm_thumb_side"], true),
        (Left, &["right_shoulder_front"], true),
        (Right, &["right_thumb", "left_little_finger"], true),
        (Both, &["right_forearm_back"], true),
        (Right, &["right_thumb", "left_shoulder_back"], false),
        (Right, &["right_upper_arm_outer"], false),
        (Both, &["right_thumb", "left_shoulder_front"], false),
    ];
    for (side, marked, expected) in arm_cases {
        let (q, s) = arms(*side, marked);
        assert_eq!(
            shown(&q, &s, "check_arms"),
            *expected,
            "said {side:?}, marked {marked:?}"
        );
        assert!(!shown(&q, &s, "check_legs"));
    }
}

#[test]
fn no_example_session_is_asked_the_check() {
    let q = content::questionnaire();
    let mut seen = 0;
    for entry in fs::read_dir("examples/sessions").unwrap() {
        let path = entry.unwrap().path();
        let s = Session::from_ron("", &fs::read_to_string(&path).unwrap()).unwrap();
        for check in ["check_legs", "check_arms"] {
            assert!(!shown(&q, &s, check), "{}: {check}", path.display());
        }
        assert!(findings(&q, &s).disagreements.is_empty());
        seen += 1;
    }
    assert!(seen >= 5);
}

#[test]
fn a_disagreement_stays_in_the_summary_until_an_answer_agreeing_with_the_marks() {
    let (q, mut s) = legs(Side::Right, "foot", &["left_calf", "left_foot_top"]);
    let f = findings(&q, &s);
    let [d] = &f.disagreements[..] else {
        panic!("{:?}", f.disagreements)
    };
    assert_eq!(d.id, "leg_side");
    let rules = content::rules_for(&q).unwrap();
    let summary = Summary::new(&q, &s, &rules, Content::builtin(), 0);
    let evidence = &summary.report.told.disagreements[0].details;
    for said in [
        "Leg pain side: Right side",
        "Pain marked: left top of the foot; left calf",
        "Not answered: Which leg does the pain from your back go down?",
    ] {
        assert!(evidence.iter().any(|e| e == said), "{said} in {evidence:?}");
    }

    let markdown = Summary::new(&q, &s, &rules, Content::builtin(), 0).markdown();
    assert!(
        markdown.contains(&format!(
            "**{}**\n\n- Which leg the pain goes down\n",
            rules.alerts.not_matching
        )),
        "{markdown}"
    );
    let json = Summary::new(&q, &s, &rules, Content::builtin(), 0).json();
    assert!(json.contains("\"disagreements\""), "{json}");

    // Not sure, the side the marks contradict, or both when one is marked:
    // still not matching, with the answer given.
    for answer in ["not_sure", "right", "both"] {
        s.set(&q, "check_legs", Answer::Choice(answer.into()))
            .unwrap();
        let f = findings(&q, &s);
        assert_eq!(f.disagreements.len(), 1, "{answer}");
        let summary = Summary::new(&q, &s, &rules, Content::builtin(), 0);
        let lines = &summary.report.told.disagreements[0].details;
        let last = lines.last().unwrap();
        assert!(last.starts_with("Leg pain side, asked again: "), "{last}");
    }
    s.set(&q, "check_legs", Answer::Choice("left".into()))
        .unwrap();
    let f = findings(&q, &s);
    assert!(f.disagreements.is_empty(), "{:?}", f.disagreements);
    let markdown = Summary::new(&q, &s, &rules, Content::builtin(), 0).markdown();
    assert!(!markdown.contains(&rules.alerts.not_matching));
    // The correction is beside the first answer in the pain table.
    assert!(
        markdown.contains("| Leg pain side, asked again | My left leg |"),
        "{markdown}"
    );
}

#[test]
fn both_legs_answered_to_the_check_is_sciatica_in_both_legs() {
    let (q, mut s) = legs(Side::Right, "foot", &["left_calf"]);
    let level = |s: &Session| findings(&q, s).top_level();
    assert_eq!(level(&s), None);
    s.set(&q, "check_legs", Answer::Choice("both".into()))
        .unwrap();
    let f = findings(&q, &s);
    let flag = f.flags.iter().find(|x| x.id == "both_legs").unwrap();
    assert_eq!(flag.level, Level::Emergency);
    // Pain only to the thigh is not sciatica in both legs.
    s.set(&q, "leg_spread", Answer::Choice("thigh".into()))
        .unwrap();
    assert_eq!(level(&s), None);
}

#[test]
fn a_rules_check_must_be_asked_only_on_a_disagreement() {
    let q = content::questionnaire();
    let broken = content::FINDINGS.replacen("check: \"check_legs\"", "check: \"age\"", 1);
    let e = intake::findings::parse_rules("f.ron", &broken, &q)
        .unwrap_err()
        .to_string();
    assert!(e.contains("check \"age\" has no enable_when"), "{e}");
    let broken = content::FINDINGS.replacen("part: \"leg\"", "part: \"wing\"", 1);
    let e = intake::findings::parse_rules("f.ron", &broken, &q)
        .unwrap_err()
        .to_string();
    let line = broken.lines().position(|l| l.contains("\"wing\"")).unwrap() + 1;
    assert!(e.starts_with(&format!("f.ron:{line}:")), "{e}");
    assert!(e.contains("the part \"wing\""), "{e}");
}
