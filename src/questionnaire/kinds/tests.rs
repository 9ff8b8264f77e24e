//! Each kind's pieces agree with each other, for a sample answer of each.

use super::*;
use crate::body::Symptom;

/// An item of each kind that takes an answer, with an answer that fits it.
pub(crate) fn samples() -> Vec<(Kind, Answer)> {
    let options = vec![
        Choice {
            id: "calf".into(),
            label: "Calf".into(),
            exclusive: false,
        },
        Choice {
            id: "none".into(),
            label: "None".into(),
            exclusive: true,
        },
    ];
    let mut marks = BodyMarks::new();
    marks.set("left_calf", Symptom::Pain);
    vec![
        (Kind::YesNo, Answer::YesNo(true)),
        (
            Kind::Single {
                options: options.clone(),
            },
            Answer::Choice("calf".into()),
        ),
        (
            Kind::Multi { options },
            Answer::Choices(["calf".to_string()].into()),
        ),
        (
            Kind::Scale {
                min: 0,
                max: 10,
                min_label: "none".into(),
                max_label: "worst".into(),
            },
            Answer::Scale(7),
        ),
        (
            Kind::Number {
                min: 20.0,
                max: 300.0,
                unit: "kg".into(),
                decimals: 1,
            },
            Answer::Number(72.5),
        ),
        (
            Kind::Duration { max_years: 80 },
            Answer::Duration {
                amount: 3,
                unit: DurationUnit::Weeks,
            },
        ),
        (Kind::Text { max_len: 50 }, Answer::Text("Gardening".into())),
        (Kind::BodyMap, Answer::Body(marks)),
        (Kind::Side, Answer::Side(Side::Left)),
    ]
}

#[test]
fn each_kind_takes_its_own_answer_and_no_other() {
    let all = samples();
    for (kind, own) in &all {
        assert_eq!(kind.check(own), Ok(()), "{}", kind.name());
        for (_, other) in all.iter().filter(|(_, a)| a != own) {
            let refused = Err(AnswerError::WrongKind(kind.name()));
            assert_eq!(kind.check(other), refused, "{other:?}");
        }
        let wrong = Err(AnswerError::WrongKind("information"));
        assert_eq!(Kind::Info.check(own), wrong);
    }
}

#[test]
fn conditions_compare_a_kind_with_the_values_its_answers_match() {
    for (kind, answer) in samples() {
        match kind.condition_values() {
            Some(values) => assert!(values.iter().any(|v| answer.matches(v))),
            // Compared by number or marks, or not at all: not even
            // with the answer's own words.
            None => assert!(
                !answer.matches(&answer.display(&kind, &crate::content::Content::builtin()))
            ),
        }
    }
}

#[test]
fn the_kinds_typed_again_are_those_whose_answers_match_typing() {
    for (kind, answer) in samples() {
        let typed = match &answer {
            Answer::Number(n) => n.to_string(),
            Answer::Text(t) => format!("  {}  ", t.to_uppercase()),
            other => other.display(&kind, &crate::content::Content::builtin()),
        };
        assert_eq!(
            answer.matches_typed(&typed),
            kind.can_be_typed_again(),
            "{}",
            kind.name()
        );
    }
}

/// Every choice offered, chosen, gives an answer its kind accepts, that
/// matches the choice's value and reads back as the choice's words.
#[test]
fn each_choice_offered_answers_as_it_is_named() {
    let content = crate::content::Content::builtin();
    let words = &content.text.answers;
    for (kind, _) in samples() {
        let choices = kind.choices(Some(words));
        assert_eq!(choices.len(), kind.choices(None).len());
        for c in choices {
            let Some(answer) = kind.chosen(&c.id) else {
                assert!(matches!(kind, Kind::Multi { .. }), "{kind:?}");
                continue;
            };
            assert!(kind.check(&answer).is_ok() && answer.matches(&c.id));
            assert_eq!(answer.display(&kind, &content), c.label);
        }
    }
}
