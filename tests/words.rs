//! No sentence a patient or a clinician reads is written in Rust: the words
//! are in the text catalogue (assets/text/), the questionnaire and its
//! findings rules. This reads every file under src/ and fails on a string
//! literal of two or more words, outside tests, the message of a program
//! fault (`expect`, `panic!`), and the places allowed below: text for staff
//! and the authors of files (the command line, logs, a file's diagnostics),
//! and codes that only look like words.
//!
//! A single word ("Yes", a month) is not caught: too much code is one word.

use std::fs;
use std::path::{Path, PathBuf};

/// Folders and files whose every literal is allowed, and why.
#[rustfmt::skip]
const ALLOWED_FILES: &[(&str, &str)] = &[
    ("src/tui/keymap/load.rs", "a keymap file's diagnostics, for its author"),
    ("src/cli/", "the command line's messages, for staff"),
    ("src/main.rs", "the command line's usage and help"),
    ("src/check.rs", "intake validate's report on a file"),
    ("src/questionnaire/validate.rs", "a questionnaire's diagnostics, for its author"),
    ("src/questionnaire/load.rs", "why a file could not be read, for its author"),
    ("src/condition/refs.rs", "the one reference checker's diagnostics"),
    ("src/findings/rules.rs", "a rules file's diagnostics, for its author"),
    ("src/practice/speech.rs", "a practice case's speech diagnostics, for its author"),
    ("src/findings/check.rs", "a rules file's diagnostics, for its author"),
    ("src/body/near.rs", "a region table's diagnostics about its arrows, for its author"),
    ("src/body/shape/check.rs", "a shapes file's diagnostics, for its author"),
    ("src/kiosk.rs", "a kiosk configuration's diagnostics and hash-pin's PIN rule"),
    ("src/visit_code.rs", "a kiosk configuration's diagnostics on its visit code pattern"),
    ("src/journal/replay.rs", "the staff log and summarize's warnings on a journal"),
    ("src/export/write.rs", "why a file could not be written, for staff and the log"),
    ("src/export/fhir/enable.rs", "FHIRPath expressions: code, not words"),
    ("src/questionnaire/kinds/canonical.rs", "why a FHIR base URL is refused, for staff setting it"),
    ("src/translation/", "a translation's diagnostics, for its translator"),
    ("src/languages.rs", "an unknown language asked for, for staff"),
    ("src/codes.rs", "a codes file's diagnostics, for its author"),
    ("src/practice/matching/phrasings.rs", "a phrasings file's diagnostics, for its educator"),
    ("src/practice/scoring/data.rs", "a scoring file's diagnostics, for its educator"),
    ("src/answers/enable_tests.rs", "tests of the enable index: generated questionnaires"),
    ("src/outbox/", "why a Bundle waits, for staff (intake outbox, intake send)"),
];

/// Single literals allowed in files that otherwise speak to patients and
/// clinicians, by the start of their text, and why.
#[rustfmt::skip]
const ALLOWED_LITERALS: &[(&str, &str, &str)] = &[
    ("src/questionnaire/head.rs", "the items begin", "a signal to stop reading where the items begin, never shown"),
    ("src/practice/history.rs", " at line ", "serde_json's own wording, cut from its message to place it as path:line:col"),
    ("src/questionnaire/kinds/mod.rs", "single choice", "a kind's code name, in JSON and diagnostics"),
    ("src/questionnaire/kinds/mod.rs", "multiple choice", "a kind's code name, in JSON and diagnostics"),
    ("src/questionnaire/kinds/mod.rs", "body diagram", "a kind's code name, in JSON and diagnostics"),
    ("src/questionnaire/kinds/choice.rs", "choice item ", "a questionnaire's diagnostics, for its author"),
    ("src/questionnaire/kinds/choice.rs", "item ", "a questionnaire's diagnostics, for its author"),
    ("src/questionnaire/kinds/choice.rs", "option ", "a questionnaire's diagnostics, for its author"),
    ("src/questionnaire/kinds/choice.rs", r#"\"exclusive\" only"#, "a questionnaire's diagnostics, for its author"),
    ("src/questionnaire/kinds/duration.rs", "duration item ", "a questionnaire's diagnostics, for its author"),
    ("src/questionnaire/kinds/number.rs", "number ", "a questionnaire's diagnostics, for its author"),
    ("src/questionnaire/kinds/scale.rs", "scale ", "a questionnaire's diagnostics, for its author"),
    ("src/questionnaire/kinds/text.rs", "text item ", "a questionnaire's diagnostics, for its author"),
    ("src/tui/host.rs", "{}: {name} not queued", "the staff log"),
    ("src/answers.rs", "session format ", "a saved session's diagnostics"),
    ("src/answers.rs", "session id ", "a saved session's diagnostics"),
    ("src/answers.rs", "visit code ", "a saved session's diagnostics"),
    ("src/answers.rs", "these answers belong", "a saved session's diagnostics"),
    ("src/answers.rs", "answer to ", "a saved session's diagnostics"),
    ("src/practice/mod.rs", "this case is for", "a practice case's diagnostics"),
    ("src/practice/mod.rs", "answer to ", "a practice case's diagnostics"),
    ("src/practice/mod.rs", "the case has no answer", "a practice case's diagnostics"),
    ("src/practice/mod.rs", "the key's side", "a practice case's diagnostics"),
    ("src/practice/mod.rs", "the case id ", "a practice case's diagnostics"),
    ("src/body/mod.rs", "region id ", "a region table's diagnostics"),
    ("src/body/mod.rs", "duplicate region id", "a region table's diagnostics"),
    ("src/body/mod.rs", r#"region \"{id}\" has an empty label"#, "a region table's diagnostics"),
    ("src/body/mod.rs", "part ", "a region table's diagnostics"),
    ("src/body/mod.rs", r#"region \"{id}\" is in unknown area"#, "a region table's diagnostics"),
    ("src/body/mod.rs", r#"region \"{id}\": the id of a Left"#, "a region table's diagnostics"),
    ("src/body/mod.rs", r#"region \"{id}\": a sided label"#, "a region table's diagnostics"),
    ("src/body/mod.rs", "a region table needs", "a region table's diagnostics"),
    ("src/body/svg.rs", "<pattern id=", "SVG markup (attribute names): code, not words"),
    ("src/export/fhir/findings.rs", "High priority", "HL7's display of code PH"),
    ("src/export/fhir/findings.rs", "Medium priority", "HL7's display of code PM"),
    ("src/export/fhir/findings.rs", "Low priority", "HL7's display of code PL"),
    ("src/tui/keymap/mod.rs", "in a text box", "where a key works, in a keymap file's diagnostics"),
    ("src/tui/keymap/mod.rs", "on the body diagram", "where a key works, in a keymap file's diagnostics"),
    ("src/tui/keymap/mod.rs", "on the other screens", "where a key works, in a keymap file's diagnostics"),
    ("src/tui/theme.rs", "`symptoms` needs five", "a themes file's diagnostics, for its author"),
    ("src/tui/theme.rs", "`figure` needs three", "a themes file's diagnostics, for its author"),
    ("src/tui/theme.rs", r#"unknown colour"#, "a themes file's diagnostics, for its author"),
    ("src/tui/mod.rs", "the questionnaire could not be loaded", "why the program stopped, for staff"),
    ("src/tui/caps.rs", "intake: {FORCE_GLYPHS}=", "why the program would not start, for staff"),
    ("src/tui/app/dialogs.rs", "{}: staff left the kiosk", "the staff log"),
    ("src/tui/app/dialogs.rs", "{}: wrong staff PIN", "the staff log"),
    ("src/tui/app/dialogs.rs", "; no PIN is checked", "the staff log"),
    ("src/tui/host.rs", "another intake is running", "why the program would not start, for staff"),
    ("src/tui/host.rs", "practice mode keeps no journal", "a program error, never shown to a patient"),
    ("src/tui/host.rs", "{}: answers not saved", "the staff log"),
    ("src/tui/host.rs", "{}: an emergency warning sign", "the staff log"),
    ("src/tui/host.rs", "{}: on_emergency could not start", "the staff log"),
];

/// Calls whose literal is a program fault's message, never shown as words.
const FAULTS: &[&str] = &["expect(", "panic!(", "unreachable!("];

/// A string literal: where it starts (a byte offset) and its text.
struct Literal {
    at: usize,
    text: String,
}

/// The string literals of Rust source, past comments and char literals.
fn literals(source: &str) -> Vec<Literal> {
    let b = source.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = source[i..].find('\n').map_or(b.len(), |n| i + n);
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = source[i..].find("*/").map_or(b.len(), |n| i + n + 2);
            }
            // A char literal ('"', '\''), not a lifetime ('a).
            b'\'' if b.get(i + 1) == Some(&b'\\') => {
                i = source[i + 3..].find('\'').map_or(b.len(), |n| i + 4 + n);
            }
            b'\'' if b.get(i + 2) == Some(&b'\'') => i += 3,
            b'r' if !ident(b, i) && raw_string(b, i) => {
                let hashes = b[i + 1..].iter().take_while(|c| **c == b'#').count();
                let start = i + 2 + hashes;
                let end = format!("\"{}", "#".repeat(hashes));
                let len = source[start..].find(&end).unwrap_or(b.len() - start);
                out.push(Literal {
                    at: i,
                    text: source[start..start + len].to_string(),
                });
                i = start + len + end.len();
            }
            b'"' => {
                let mut j = i + 1;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                out.push(Literal {
                    at: i,
                    text: source[i + 1..j.min(b.len())].to_string(),
                });
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// Whether the byte before `i` continues an identifier (`br"`, `for"`).
fn ident(b: &[u8], i: usize) -> bool {
    i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')
}

/// Whether `r` at `i` opens a raw string (`r"`, `r#"`), not a raw
/// identifier (`r#type`).
fn raw_string(b: &[u8], i: usize) -> bool {
    let hashes = b[i + 1..].iter().take_while(|c| **c == b'#').count();
    b.get(i + 1 + hashes) == Some(&b'"')
}

/// Two words side by side, once `{placeholders}` are gone: a word is two
/// or more letters (an apostrophe or hyphen inside), punctuation around it
/// aside.
fn is_sentence(text: &str) -> bool {
    let mut plain = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let word = |w: &&str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.chars().count() >= 2
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '\'' || c == '-')
    };
    let words: Vec<&str> = plain.split_whitespace().collect();
    words
        .windows(2)
        .any(|pair| word(&pair[0]) && word(&pair[1]))
}

/// The source before its unit tests (`#[cfg(test)] mod tests`).
fn before_tests(source: &str) -> &str {
    let mut at = 0;
    let mut lines = source.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        let tests = line.trim() == "#[cfg(test)]"
            && lines
                .peek()
                .is_some_and(|next| next.trim_start().starts_with("mod tests"));
        if tests {
            return &source[..at];
        }
        at += line.len();
    }
    source
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") && !is_test(&path) {
            out.push(path);
        }
    }
}

/// A unit test module's file (`tests.rs`, or any file under a `tests`
/// folder of one): its words are what the tests expect to be said.
fn is_test(path: &Path) -> bool {
    path.ends_with("tests.rs") || path.components().any(|c| c.as_os_str() == "tests")
}

/// Every literal that reads as a sentence and is not allowed, as
/// `path:line: "text"`.
fn sentences_in(path: &str, source: &str) -> Vec<String> {
    if ALLOWED_FILES
        .iter()
        .any(|(prefix, _)| path.starts_with(prefix))
    {
        return Vec::new();
    }
    let code = before_tests(source);
    literals(code)
        .into_iter()
        .filter(|l| is_sentence(&l.text))
        .filter(|l| {
            let before = code[..l.at].trim_end();
            !FAULTS.iter().any(|f| before.ends_with(f))
        })
        .filter(|l| {
            !ALLOWED_LITERALS
                .iter()
                .any(|(p, start, _)| *p == path && l.text.starts_with(start))
        })
        .map(|l| {
            let line = code[..l.at].matches('\n').count() + 1;
            format!("{path}:{line}: \"{}\"", l.text)
        })
        .collect()
}

#[test]
fn no_sentence_is_left_in_the_rust_source() {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    files.sort();
    let found: Vec<String> = files
        .iter()
        .flat_map(|p| {
            let path = p.display().to_string();
            sentences_in(&path, &fs::read_to_string(p).unwrap())
        })
        .collect();
    assert!(
        found.is_empty(),
        "words for patients and clinicians belong in the text catalogue \
         (assets/text/), or, if they are for staff or a file's author, in \
         this test's allow-list with why:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_finds_sentences_and_passes_code() {
    let source = r##"
        let a = "Nothing marked";
        let b = format!("{n} out of {max}");
        let c = x.expect("a session always serializes");
        let d = '"'; let e = "{id}"; let f = "left"; // "not this one"
        /* "nor this" */ let g = r#"Both "sides""#; let h = 'a';
        let i = "multi-word\
                 across lines";
        #[cfg(test)]
        mod tests { const T: &str = "not in a test"; }
    "##;
    let found = sentences_in("src/x.rs", source);
    let lines: Vec<&str> = found
        .iter()
        .map(|f| f.split(": ").next().unwrap())
        .collect();
    assert_eq!(
        lines,
        ["src/x.rs:2", "src/x.rs:3", "src/x.rs:6", "src/x.rs:7"],
        "{found:?}"
    );
    assert!(sentences_in("src/cli/x.rs", source).is_empty());
    assert_eq!(sentences_in("src/tui/view/x.rs", source).len(), 4);
}

#[test]
fn every_allowed_place_still_exists() {
    for (prefix, _) in ALLOWED_FILES {
        assert!(Path::new(prefix).exists(), "{prefix}");
    }
    let unused: Vec<String> = ALLOWED_LITERALS
        .iter()
        .filter(|(path, start, _)| {
            let code = fs::read_to_string(path).unwrap();
            !literals(before_tests(&code))
                .iter()
                .any(|l| is_sentence(&l.text) && l.text.starts_with(start))
        })
        .map(|(path, start, _)| format!("{path}: {start:?}"))
        .collect();
    assert!(
        unused.is_empty(),
        "allowed, but no such sentence: {unused:?}"
    );
}
