//! The incremental evaluation gives the full one's answers, over random
//! answer sequences on the built-in questionnaire and a generated one.

use std::fmt::Write;

use super::EnableIndex;
use crate::answers::{Answer, DurationUnit, Session, Side};
use crate::body::{BodyMarks, BodyRegions, Symptom};
use crate::questionnaire::{Kind, Questionnaire, parse_str};

/// xorshift64: the same sequence on every run, no dependency.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, from: &'a [T]) -> &'a T {
        &from[self.below(from.len())]
    }
}

/// A random answer that fits `kind`; `None` for an info item.
fn answer(kind: &Kind, regions: &BodyRegions, rng: &mut Rng) -> Option<Answer> {
    Some(match kind {
        Kind::Info => return None,
        Kind::YesNo => Answer::YesNo(rng.below(2) == 0),
        Kind::Single { options } => Answer::Choice(rng.pick(options).id.clone()),
        Kind::Multi { options } => {
            Answer::Choices([rng.pick(options).id.clone()].into_iter().collect())
        }
        Kind::Scale { min, max, .. } => {
            Answer::Scale(min + rng.below((max - min + 1) as usize) as i32)
        }
        Kind::Number { min, max, .. } => {
            Answer::Number((min + (max - min) * rng.below(5) as f64 / 4.0).round())
        }
        Kind::Duration { .. } => Answer::Duration {
            amount: 1 + rng.below(3) as u32,
            unit: *rng.pick(&DurationUnit::ALL),
        },
        Kind::Text { .. } => Answer::Text("words".into()),
        Kind::Side => Answer::Side(*rng.pick(&Side::ALL)),
        Kind::BodyMap => {
            let mut marks = BodyMarks::new();
            for _ in 0..1 + rng.below(3) {
                let symptom = *rng.pick(&[Symptom::Pain, Symptom::Numbness, Symptom::Weakness]);
                marks.set(&rng.pick(&regions.regions).id, symptom);
            }
            Answer::Body(marks)
        }
    })
}

/// Answers, changes and clears at random, checking after every step that
/// the incremental `enabled` is the full one.
fn agree(q: &Questionnaire, steps: usize, seed: u64) {
    let regions = BodyRegions::builtin();
    let index = EnableIndex::new(q);
    let ids: Vec<(&str, &Kind)> = q.items().map(|i| (i.id.as_str(), &i.kind)).collect();
    let mut rng = Rng(seed);
    for unattended in [false, true] {
        let mut s = Session::new(q, 0);
        s.unattended = unattended;
        let mut enabled = s.enabled(q, regions);
        for step in 0..steps {
            let &(id, kind) = rng.pick(&ids);
            match answer(kind, regions, &mut rng) {
                Some(a) if rng.below(4) > 0 => s.set(q, id, a).unwrap(),
                Some(_) => s.clear(id),
                None => continue,
            }
            s.update_enabled(q, regions, &index, &mut enabled, id);
            assert_eq!(
                enabled,
                s.enabled(q, regions),
                "step {step}: {id} (seed {seed})"
            );
        }
    }
}

#[test]
fn the_builtin_questionnaire_agrees_with_the_full_evaluation() {
    let q = crate::content::questionnaire();
    for seed in 1..=6 {
        agree(&q, 200, seed);
    }
}

/// A questionnaire of `n` items whose conditions chain back: each item may
/// read one or two earlier ones, in every form a condition takes (a body
/// diagram's marks, at least k of several), and every third section reads
/// a yes/no item before it (validation refuses any other).
fn generated(n: usize, rng: &mut Rng) -> Questionnaire {
    let mut src = String::from(
        "Questionnaire(id: \"g\", title: \"G\", version: \"1\", language: \"en\", sections: [",
    );
    for s in 0..n / 10 {
        let _ = write!(src, "Section(id: \"s{s}\", title: \"S\"");
        if s % 3 == 2 {
            let read = 2 * rng.below(s * 5); // even: yes/no
            let _ = write!(src, ", enable_when: Equals(\"q{read}\", \"yes\")");
        }
        src.push_str(", items: [");
        for i in s * 10..s * 10 + 10 {
            let _ = write!(
                src,
                "Item(id: \"q{i}\", prompt: \"P\", needs_helper: {}, kind: {}",
                i % 7 == 0,
                kind(i)
            );
            if i > 0 && rng.below(4) > 0 {
                let (a, b) = (rng.below(i), rng.below(i));
                let _ = write!(
                    src,
                    ", enable_when: Any([{}, Not(Answered(\"q{b}\"))])",
                    reads(a, rng)
                );
            }
            src.push_str("),");
        }
        src.push_str("]),");
    }
    src.push_str("])");
    parse_str("generated.ron", &src).unwrap()
}

/// Even items are yes/no, odd ones scales, and the last of each ten a body diagram.
fn kind(i: usize) -> &'static str {
    match (i % 10, i % 2) {
        (9, _) => "BodyMap",
        (_, 0) => "YesNo",
        _ => "Scale(min: 0, max: 10, min_label: \"a\", max_label: \"b\")",
    }
}

/// A condition on item `a`, of a form that fits its kind.
fn reads(a: usize, rng: &mut Rng) -> String {
    let yes = |a: usize| format!("Equals(\"q{a}\", \"yes\")");
    match (kind(a), rng.below(2)) {
        ("BodyMap", 0) => format!("Marked(item: \"q{a}\", symptoms: [Pain], side: Left)"),
        ("BodyMap", _) => format!("Marked(item: \"q{a}\", part: \"leg\")"),
        ("YesNo", 0) => yes(a),
        ("YesNo", _) => format!("AtLeastOf(1, [{}, {}])", yes(a), yes(a - a % 10)),
        _ => format!("AtLeast(\"q{a}\", 5)"),
    }
}

#[test]
fn a_generated_questionnaire_agrees_with_the_full_evaluation() {
    for seed in 1..=6 {
        let q = generated(200, &mut Rng(seed));
        agree(&q, 200, seed);
    }
}
