//! Large questionnaires for the scaling benchmarks: `n` items of every kind in
//! sections of 50, with conditions that look back, and optionally `mistakes`
//! of the kinds validation reports. The same seed gives the same text.
//!
//! Shared by benches (`#[path = "support/generate.rs"] mod generate;`), tests
//! and `cargo run --example generate -- N [MISTAKES] [SEED] > file.ron`.

use std::fmt::Write;

/// Items per section.
const SECTION: usize = 50;

/// The RON text of a questionnaire of `n` items (at least one) with
/// `mistakes` of them (at most `n`) spoiled, one mistake each.
pub fn questionnaire(n: usize, mistakes: usize, seed: u64) -> String {
    let mut rng = Rng(seed.max(1));
    let spoiled = spoiled(n, mistakes);
    let mut out = String::with_capacity(n * 200);
    out.push_str("Questionnaire(\n    id: \"generated\",\n    title: \"Generated\",\n");
    out.push_str("    version: \"1\",\n    language: \"en\",\n    sections: [\n");
    for start in (0..n.max(1)).step_by(SECTION) {
        section(
            &mut out,
            start,
            (start + SECTION).min(n.max(1)),
            &spoiled,
            &mut rng,
        );
    }
    out.push_str("    ],\n    scores: [\n");
    let scales: Vec<String> = (0..n.min(200)).filter(|i| i % KINDS == 3).map(id).collect();
    if !scales.is_empty() {
        let list = scales
            .iter()
            .map(|s| format!("\"{s}\""))
            .collect::<Vec<_>>();
        let _ = writeln!(
            out,
            "        Score(id: \"pain_total\", label: \"Pain\", method: Sum, items: [{}]),",
            list.join(", ")
        );
    }
    out.push_str("    ],\n)\n");
    out
}

/// Which items get a mistake: spread evenly over the file.
fn spoiled(n: usize, mistakes: usize) -> Vec<bool> {
    let mut out = vec![false; n.max(1)];
    let k = mistakes.min(n);
    for m in 0..k {
        out[m * n / k] = true;
    }
    out
}

fn section(out: &mut String, start: usize, end: usize, spoiled: &[bool], rng: &mut Rng) {
    let s = start / SECTION;
    let _ = write!(out, "        Section(id: \"s{s}\", title: \"Section {s}\",");
    // Every fifth section is shown only after a yes to an earlier question.
    if s % 5 == 4 {
        let _ = write!(
            out,
            " enable_when: Equals(\"{}\", \"yes\"),",
            id(start - SECTION)
        );
    }
    out.push_str(" items: [\n");
    for (i, &spoil) in spoiled.iter().enumerate().take(end).skip(start) {
        item(out, i, spoil, rng);
    }
    out.push_str("        ]),\n");
}

/// The kinds in turn; `i % KINDS` is the kind of item `i`.
const KINDS: usize = 10;

fn id(i: usize) -> String {
    format!("q{i}")
}

fn item(out: &mut String, i: usize, spoil: bool, rng: &mut Rng) {
    let mistake = spoil.then(|| rng.below(MISTAKES));
    let item_id = match mistake {
        Some(0) if i > 0 => id(i - 1), // a duplicate id
        _ => id(i),
    };
    let prompt = match mistake {
        Some(1) => String::new(),
        _ => format!("Question {i}: how is it today?"),
    };
    let kind = kind(i, mistake);
    let _ = write!(
        out,
        "            Item(id: \"{item_id}\", prompt: \"{prompt}\", why: \"Asked to test growth.\", kind: {kind}"
    );
    if let Some(c) = condition(i, mistake, rng) {
        let _ = write!(out, ", enable_when: {c}");
    }
    out.push_str("),\n");
}

fn kind(i: usize, mistake: Option<usize>) -> String {
    let options = |n: usize| {
        let list: Vec<String> = (0..n)
            .map(|o| format!("(id: \"o{o}\", label: \"Option {o}\")"))
            .collect();
        format!("options: [{}]", list.join(", "))
    };
    match (i % KINDS, mistake) {
        (1, Some(2)) => "Single(options: [])".into(),
        (3, Some(2)) => "Scale(min: 10, max: 0, min_label: \"none\", max_label: \"worst\")".into(),
        (0, _) | (9, _) => "YesNo".into(),
        (1, _) => format!("Single({})", options(4)),
        (2, _) => format!("Multi({})", options(5)),
        (3, _) => "Scale(min: 0, max: 10, min_label: \"none\", max_label: \"worst\")".into(),
        (4, _) => "Number(min: 0, max: 200, unit: \"kg\")".into(),
        (5, _) => "Duration(max_years: 80)".into(),
        (6, _) => "Text(max_len: 200)".into(),
        (7, _) => "BodyMap".into(),
        _ => "Info".into(),
    }
}

/// How many kinds of mistake there are (see `item`, `kind`, `condition`).
const MISTAKES: usize = 7;

/// A condition on earlier items (of the kinds the engine has), for most
/// items after the first section's start; a spoiled one names wrong things.
fn condition(i: usize, mistake: Option<usize>, rng: &mut Rng) -> Option<String> {
    let earlier = |kind: usize| (i / KINDS).checked_sub(1).map(|b| id(b * KINDS + kind));
    match mistake {
        Some(3) => return Some("Answered(\"nowhere\")".into()),
        Some(4) => return Some(format!("Answered(\"{}\")", id(i + 1))),
        Some(5) => return earlier(0).map(|y| format!("Equals(\"{y}\", \"maybe\")")),
        Some(6) => {
            let map = earlier(7)?;
            return Some(format!("Marked(item: \"{map}\", regions: [\"elbow_tip\"])"));
        }
        _ => {}
    }
    if i.is_multiple_of(3) {
        return None;
    }
    let yes = earlier(0)?;
    let single = earlier(1)?;
    let multi = earlier(2)?;
    let scale = earlier(3)?;
    let text = earlier(6)?;
    let map = earlier(7)?;
    Some(match rng.below(7) {
        0 => format!("Equals(\"{yes}\", \"yes\")"),
        1 => format!("AnyOf(\"{single}\", [\"o1\", \"o2\"])"),
        2 => format!("AtLeast(\"{scale}\", 5)"),
        3 => format!("Not(Answered(\"{text}\"))"),
        4 => format!("Marked(item: \"{map}\", symptoms: [Pain], side: Left, part: \"leg\")"),
        5 => format!("All([Equals(\"{yes}\", \"no\"), Equals(\"{multi}\", \"o3\")])"),
        _ => format!(
            "AtLeastOf(2, [AtLeast(\"{scale}\", 3), Answered(\"{text}\"), Any([Equals(\"{single}\", \"o0\"), Equals(\"{yes}\", \"yes\")])])"
        ),
    })
}

/// xorshift64*: small, fast and the same on every machine.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n as u64) as usize
    }
}
