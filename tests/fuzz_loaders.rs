//! Bounded fuzzing of every loader: each data file the project ships, mutated
//! a few thousand times in all (deterministically: INTAKE_FUZZ_SEED changes
//! the seed, INTAKE_FUZZ_CASES the count), goes through what `intake
//! validate` runs and through session loading. None may panic, and every
//! error must carry `path:line:col` inside the file.

mod common;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::Command;

use intake::answers::Session;
use intake::cli::validate::check_bytes;
use intake::diagnostic::Diagnostics;
use intake::questionnaire::{LoadError, Questionnaire};

use common::rng::{Rng, env_number};

/// Every real data file, and a kiosk configuration (none ships; the README's).
fn corpus() -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    for dir in [
        "questionnaires",
        "cases",
        "assets/body",
        "assets/text",
        "examples/sessions",
    ] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|x| x == "ron") {
                files.push(path);
            }
        }
    }
    files.push("assets/themes.ron".into());
    files.push("assets/keymap.ron".into());
    files.sort();
    let mut out: Vec<_> = files
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    let kiosk = format!(
        "Kiosk(\n    export_dir: \"/var/lib/intake/summaries\",\n    state_dir: \"/var/lib/intake/state\",\n    \
         idle_timeout_secs: 300,\n    idle_warning_secs: 60,\n    resume_window_secs: 900,\n    staff_pin_hash: \"{}\",\n)\n",
        intake::kiosk::hash_pin("2468")
    );
    out.push(("kiosk.ron".into(), kiosk.into_bytes()));
    out
}

/// Pairs of extremes, put in turn in place of the numbers on one line, so
/// that a `min` and `max` side by side get both ends of a type.
const EXTREMES: [(&str, &str); 7] = [
    ("-2147483648", "2147483647"),
    ("-2000000000", "2000000000"),
    ("99999999999999999999999", "-1"),
    ("1e999", "-1e999"),
    ("4294967296", "18446744073709551616"),
    ("NaN", "-0.0"),
    ("0", "0.0000000000000000000000001"),
];

const TOKENS: [&str; 12] = [
    "(", ")", "[", "]", "{", "\"", "//", "/*", ":", ",", "r#\"", "'",
];

const BAD_UTF8: [&[u8]; 4] = [b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf0\x9f"];

/// One random change: a byte flipped, a stretch deleted, a line doubled, the
/// end cut off, bad UTF-8, a huge number or a stray token put in.
fn mutate(bytes: &mut Vec<u8>, rng: &mut Rng) {
    let at = rng.below(bytes.len() + 1);
    match rng.below(8) {
        0 if at < bytes.len() => bytes[at] ^= 1 << rng.below(8),
        1 => {
            let end = (at + 1 + rng.below(64)).min(bytes.len());
            bytes.drain(at.min(end)..end);
        }
        2 => {
            let start = bytes[..at]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |n| n + 1);
            let end = bytes[at..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |n| at + n + 1);
            let line = bytes[start..end].to_vec();
            for _ in 0..1 + rng.below(3) {
                bytes.splice(end..end, line.iter().copied());
            }
        }
        3 => bytes.truncate(at),
        4 => {
            let bad = BAD_UTF8[rng.below(BAD_UTF8.len())];
            bytes.splice(at..at, bad.iter().copied());
        }
        5 => extremes_on_a_line(bytes, rng),
        6 => {
            let token = TOKENS[rng.below(TOKENS.len())].bytes();
            bytes.splice(at..at, token);
        }
        _ => {
            let end = (at + 1 + rng.below(16)).min(bytes.len());
            if at < end {
                bytes[at..end].reverse();
            }
        }
    }
}

/// The numbers on one line holding digits replaced by a pair of extremes.
fn extremes_on_a_line(bytes: &mut Vec<u8>, rng: &mut Rng) {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(
            bytes
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(n, _)| n + 1),
        )
        .collect();
    let lines: Vec<(usize, usize)> = starts
        .iter()
        .zip(starts.iter().skip(1).chain([&bytes.len()]))
        .map(|(&a, &b)| (a, b.max(a)))
        .filter(|&(a, b)| bytes[a..b].iter().any(u8::is_ascii_digit))
        .collect();
    if lines.is_empty() {
        return;
    }
    let (start, end) = lines[rng.below(lines.len())];
    let (low, high) = EXTREMES[rng.below(EXTREMES.len())];
    let mut line = Vec::new();
    let mut turn = 0;
    let mut at = start;
    while at < end {
        let number = bytes[at].is_ascii_digit()
            && (at == start || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_'));
        if !number {
            line.push(bytes[at]);
            at += 1;
            continue;
        }
        while at < end && (bytes[at].is_ascii_digit() || bytes[at] == b'.') {
            at += 1;
        }
        if line.last() == Some(&b'-') {
            line.pop();
        }
        line.extend_from_slice(if turn % 2 == 0 { low } else { high }.as_bytes());
        turn += 1;
    }
    bytes.splice(start..end, line);
}

/// Every diagnostic is `path:line:col: ...` with the line and column inside the file.
fn assert_positioned(path: &str, bytes: &[u8], ds: &Diagnostics) {
    assert!(!ds.0.is_empty(), "{path}: an error with no diagnostics");
    let text = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = text.split('\n').collect();
    for d in &ds.0 {
        let (line, col) = (d.pos.line, d.pos.col);
        assert!(
            (1..=lines.len()).contains(&line),
            "{path}: line {line} of {}: {d}",
            lines.len()
        );
        let width = lines[line - 1].chars().count();
        assert!(
            (1..=width + 1).contains(&col),
            "{path}: column {col} of {width}: {d}"
        );
        let shown = d.to_string();
        assert!(
            shown.starts_with(&format!("{path}:{line}:{col}: ")),
            "{shown}"
        );
    }
}

fn check_one(path: &Path, bytes: &[u8], q: &Questionnaire) {
    let name = path.display().to_string();
    match check_bytes(path, bytes.to_vec()) {
        Ok(_) => {}
        Err(LoadError::Invalid(ds)) => assert_positioned(&name, bytes, &ds),
        Err(e @ LoadError::Io { .. }) => panic!("{name}: I/O error without I/O: {e}"),
    }
    let Ok(source) = intake::questionnaire::source_text(&name, bytes.to_vec()) else {
        return;
    };
    match Session::from_ron(&name, &source) {
        Ok(s) => {
            let problems = s.problems(q, &name, &source);
            if !problems.0.is_empty() {
                assert_positioned(&name, bytes, &problems);
            }
        }
        Err(ds) => assert_positioned(&name, bytes, &ds),
    }
}

#[test]
fn mutated_data_files_never_panic_and_every_error_is_positioned() {
    let seed = env_number("INTAKE_FUZZ_SEED", 0x1A7A_4E5E);
    let cases = env_number("INTAKE_FUZZ_CASES", 3_000) as usize;
    let mut rng = Rng(seed | 1);
    let corpus = corpus();
    let q = intake::content::questionnaire();
    let started = std::time::Instant::now();
    for n in 0..cases {
        let (path, original) = &corpus[n % corpus.len()];
        let mut bytes = original.clone();
        for _ in 0..1 + rng.below(3) {
            mutate(&mut bytes, &mut rng);
        }
        let run = catch_unwind(AssertUnwindSafe(|| check_one(path, &bytes, &q)));
        if run.is_err() {
            let keep = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-panic.ron");
            std::fs::write(&keep, &bytes).unwrap();
            panic!(
                "case {n} (seed {seed:#x}) from {}: kept in {}",
                path.display(),
                keep.display()
            );
        }
    }
    eprintln!("{cases} mutated files in {:?}", started.elapsed());
}

fn summarize(path: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_intake"))
        .arg("summarize")
        .arg("--answers")
        .arg(path)
        .output()
        .unwrap()
}

/// Whether the first line of `stderr` starts with `path:LINE:COL: `.
fn starts_positioned(stderr: &str, path: &Path) -> bool {
    let Some(rest) = stderr.strip_prefix(&format!("{}:", path.display())) else {
        return false;
    };
    let mut parts = rest.splitn(3, ':');
    let number =
        |p: Option<&str>| p.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    number(parts.next()) && number(parts.next()) && parts.next().is_some_and(|p| p.starts_with(' '))
}

#[test]
fn summarize_reports_an_answer_that_no_longer_fits_at_its_line() {
    let source =
        std::fs::read_to_string("examples/sessions/l5-radiculopathy-foot-drop.ron").unwrap();
    let broken = source.replacen("\"age\": Number(42.0)", "\"age\": Number(420.0)", 1);
    assert_ne!(broken, source);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-summarize");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("too-old.ron");
    std::fs::write(&path, &broken).unwrap();
    let out = summarize(&path);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = broken.lines().position(|l| l.contains("420.0")).unwrap() + 1;
    let want = format!("{}:{line}:9: answer to \"age\"", path.display());
    assert!(stderr.starts_with(&want), "{stderr}");
}

#[test]
fn summarize_of_mutated_sessions_never_panics_and_positions_its_errors() {
    let mut rng = Rng(env_number("INTAKE_FUZZ_SEED", 0x1A7A_4E5E) | 1);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-summarize");
    std::fs::create_dir_all(&dir).unwrap();
    let sessions: Vec<_> = corpus()
        .into_iter()
        .filter(|(p, _)| p.starts_with("examples/sessions"))
        .collect();
    for n in 0..8 {
        let (_, original) = &sessions[n % sessions.len()];
        let mut bytes = original.clone();
        mutate(&mut bytes, &mut rng);
        let path = dir.join(format!("mutated-{n}.ron"));
        std::fs::write(&path, &bytes).unwrap();
        let out = summarize(&path);
        let stderr = String::from_utf8_lossy(&out.stderr);
        match out.status.code() {
            Some(0) => {}
            Some(1) => assert!(starts_positioned(&stderr, &path), "{stderr}"),
            other => panic!("{}: exit {other:?}\n{stderr}", path.display()),
        }
    }
}
