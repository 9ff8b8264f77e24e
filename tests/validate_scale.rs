//! Validation of large generated questionnaires (benches/support/generate.rs):
//! what it reports does not change when it is made faster, and a file
//! squeezed onto one line with many mistakes is reported quickly.

#[path = "../benches/support/generate.rs"]
mod generate;

use std::fs;

use insta::assert_snapshot;
use intake::questionnaire;

/// Everything reported for `source`, as `intake validate` prints it.
fn report(name: &str, source: &str) -> String {
    match questionnaire::parse_str(name, source) {
        Ok(_) => format!("{name}: ok\n"),
        Err(e) => e.to_string(),
    }
}

/// The text that validation of the fixtures and of generated files printed
/// before its positions were found in one pass: positions, messages and the
/// quoted lines (with their windows on long lines) must stay the same.
#[test]
fn reports_are_the_same_as_before_the_one_pass_positions() {
    let mut paths: Vec<_> = fs::read_dir("tests/invalid")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let mut all = String::new();
    for path in paths {
        let source = fs::read_to_string(&path).unwrap();
        all += &report(&path.display().to_string(), &source);
    }
    assert_snapshot!("invalid_fixtures", all);
    let lines = generate::questionnaire(60, 30, 5);
    assert_snapshot!("generated_lines", report("g.ron", &lines));
    let one_line = lines.replace('\n', " ");
    assert_snapshot!("generated_one_line", report("g.ron", &one_line));
    let accented = one_line.replace("Question ", "Qué question ");
    assert_snapshot!("generated_one_line_accented", report("g.ron", &accented));
}

#[test]
fn generated_files_without_mistakes_are_valid() {
    for n in [1, 9, 10, 51, 260] {
        let source = generate::questionnaire(n, 0, n as u64);
        if let Err(e) = questionnaire::parse_str("g.ron", &source) {
            panic!("{n} items: {e}");
        }
    }
}

/// Each mistake is on its own line near the one it names, even when the
/// whole file is one line: finding a position must not walk the line. The
/// cost is compared between two sizes, not held to a time (a busy machine
/// is slow): four times the mistakes cost about four times as much where
/// it is linear, and sixteen times where it was quadratic.
#[test]
fn mistakes_on_one_line_cost_what_they_number() {
    let (small, _) = fastest(500, 250);
    let (large, reported) = fastest(2_000, 1_000);
    assert!(reported >= 1_000, "{reported} reported");
    let ratio = large.as_secs_f64() / small.as_secs_f64();
    assert!(
        ratio < 9.0,
        "4x the mistakes: {ratio:.1}x ({small:?} -> {large:?})"
    );
}

/// The quickest of three validations of `items` with `mistakes`, all on
/// one line, and how many problems they reported (the generator's mistakes
/// can coincide, so a few less), each on that line.
fn fastest(items: usize, mistakes: usize) -> (std::time::Duration, usize) {
    let source = generate::questionnaire(items, mistakes, 17).replace('\n', " ");
    let times = (0..3).map(|_| {
        let started = std::time::Instant::now();
        let err = questionnaire::parse_str("g.ron", &source).unwrap_err();
        let took = started.elapsed();
        assert!(
            err.0
                .iter()
                .all(|d| d.pos.line == 1 && d.line_text.len() <= 200)
        );
        (took, err.0.len())
    });
    times.min().unwrap()
}
