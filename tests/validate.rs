//! Every file in tests/invalid/ breaks one rule and says on its first line
//! where the error must be reported: `// expect: LINE:COL: message`.

use intake::content::Content;
use std::fs;
use std::path::Path;
use std::process::Command;

use intake::questionnaire;

fn expectation(source: &str) -> &str {
    source
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("// expect: "))
        .expect("first line is `// expect: LINE:COL: message`")
}

#[test]
fn each_invalid_file_reports_its_error_at_the_right_place() {
    let mut checked = 0;
    for entry in fs::read_dir("tests/invalid").unwrap() {
        let path = entry.unwrap().path();
        let name = path.display().to_string();
        let source = fs::read_to_string(&path).unwrap();
        let (at, message) = expectation(&source).split_once(": ").unwrap();
        let err = questionnaire::parse_str(&name, &source)
            .expect_err(&name)
            .to_string();
        let first = err.lines().next().unwrap();
        let ok = first.starts_with(&format!("{name}:{at}: ")) && first.contains(message);
        assert!(ok, "{name}: expected {at}: ...{message}...\ngot\n{err}");
        // The offending line is quoted, with a caret under the column.
        let line: usize = expectation(&source)
            .split(':')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let quoted = source.lines().nth(line - 1).unwrap();
        assert!(
            err.contains(&format!("{line} | {quoted}")),
            "{name}: line not quoted:\n{err}"
        );
        checked += 1;
    }
    assert!(checked >= 15, "only {checked} invalid files");
}

#[test]
fn shipped_questionnaires_are_valid() {
    for entry in fs::read_dir("questionnaires").unwrap() {
        let path = entry.unwrap().path();
        if let Err(e) = intake::check::check_file(&path) {
            panic!("{e}");
        }
    }
}

#[test]
fn a_syntax_error_on_line_n_of_the_real_questionnaire_is_reported_on_line_n() {
    let source = fs::read_to_string("questionnaires/back-pain-intake.ron").unwrap();
    let mut lines: Vec<&str> = source.lines().collect();
    // Drop the comma that ends a line in the middle of the file.
    let n = (lines.len() / 2..lines.len())
        .find(|&n| lines[n].trim_end().ends_with("\","))
        .unwrap();
    let broken = lines[n].trim_end().trim_end_matches(',').to_string();
    lines[n] = &broken;
    let err = questionnaire::parse_str("copy.ron", &lines.join("\n"))
        .unwrap_err()
        .to_string();
    assert!(err.starts_with(&format!("copy.ron:{}:", n + 1)), "{err}");
}

#[test]
fn validate_command_exits_non_zero_on_any_invalid_file() {
    let bin = env!("CARGO_BIN_EXE_intake");
    let good = Path::new("questionnaires/back-pain-intake.ron");
    let ok = Command::new(bin)
        .arg("validate")
        .arg(good)
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );

    let bad = Command::new(bin)
        .args([
            "validate",
            "questionnaires/back-pain-intake.ron",
            "tests/invalid/duplicate_item_id.ron",
        ])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(
        stderr.contains("tests/invalid/duplicate_item_id.ron:10:22: duplicate id"),
        "{stderr}"
    );

    let missing = Command::new(bin)
        .args(["validate", "no/such/file.ron"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no/such/file.ron: cannot read"));
}

/// Thousands of duplicate ids once took minutes: each error searched the
/// whole file for every earlier `id:` field.
#[test]
fn five_thousand_duplicate_ids_are_each_reported_on_their_own_line_quickly() {
    let n = 5_000;
    let mut source = String::from(
        "Questionnaire(id: \"t\", title: \"T\", version: \"1\", language: \"en\", sections: [\n\
         Section(id: \"s\", title: \"S\", items: [\n",
    );
    for k in 0..=n {
        source.push_str(&format!(
            "    Item(id: \"dup\", prompt: \"Q{k}?\", kind: YesNo),\n"
        ));
    }
    source.push_str("])])\n");
    let started = std::time::Instant::now();
    let err = questionnaire::parse_str("dups.ron", &source).unwrap_err();
    let took = started.elapsed();
    assert!(took.as_secs_f64() < 3.0, "took {took:?}");
    assert_eq!(err.0.len(), n);
    for (k, d) in err.0.iter().enumerate() {
        // Items start on line 3; the first is the original.
        assert_eq!((d.pos.line, d.pos.col), (k + 4, 14), "{d}");
        assert!(d.message.contains("first used on line 3"), "{d}");
    }
}

/// A scratch file under the target directory, written with `bytes`.
fn scratch(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("validate");
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn invalid_utf8_is_reported_at_its_first_bad_byte() {
    let path = scratch("bad-utf8.ron", b"Questionnaire(\n  id: \"\xc3\xa9\xff\",\n");
    let err = intake::check::check_file(&path).unwrap_err().to_string();
    let name = path.display();
    assert!(
        err.starts_with(&format!("{name}:2:9: invalid UTF-8 (byte 0xFF)")),
        "{err}"
    );
}

#[test]
fn an_empty_file_says_so_at_its_start() {
    let path = scratch("empty.ron", b" \n");
    let err = intake::check::check_file(&path).unwrap_err().to_string();
    let name = path.display();
    assert!(
        err.starts_with(&format!("{name}:1:1: the file is empty")),
        "{err}"
    );
}

#[test]
fn a_file_that_cannot_be_read_says_why_in_plain_words() {
    let missing = intake::check::check_file(Path::new("no/such/file.ron"))
        .unwrap_err()
        .to_string();
    assert_eq!(missing, "no/such/file.ron: cannot read: not found");
    let dir = intake::check::check_file(Path::new("tests"))
        .unwrap_err()
        .to_string();
    assert_eq!(dir, "tests: cannot read: it is a directory, not a file");
}

#[test]
fn the_body_files_are_checked_as_what_they_are() {
    for path in ["assets/body/regions.ron", "assets/body/shapes.ron"] {
        if let Err(e) = intake::check::check_file(Path::new(path)) {
            panic!("{e}");
        }
    }
    let twice = ("id: \"chest\"", "id: \"neck_front\"");
    let (err, want) = broken("assets/body/regions.ron", twice, "label: \"Chest\"");
    assert!(
        err.contains(&want) && err.contains("duplicate region id \"neck_front\""),
        "{err}"
    );
}

/// The error of `file` with its first `from` made `to`, checked from a
/// scratch copy, and where it must point: `path:line:` of the first line
/// holding `at`.
fn broken(file: &str, (from, to): (&str, &str), at: &str) -> (String, String) {
    let changed = fs::read_to_string(file).unwrap().replacen(from, to, 1);
    let name = Path::new(file).file_name().unwrap().to_str().unwrap();
    let path = scratch(name, changed.as_bytes());
    let err = intake::check::check_file(&path).unwrap_err().to_string();
    let line = changed.lines().position(|l| l.contains(at)).unwrap() + 1;
    (err, format!("{}:{line}:", path.display()))
}

#[test]
fn a_text_catalogue_is_checked_with_every_key_where_it_is() {
    let ok = intake::check::check_file(Path::new("assets/text/en.ron")).unwrap();
    assert_eq!(
        ok,
        "assets/text/en.ron: ok (text catalogue, language \"en\")"
    );
    let misspelt = ("do_now:", "do_nwo:");
    let (err, want) = broken("assets/text/en.ron", misspelt, "do_nwo");
    assert!(err.starts_with(&want) && err.contains("do_nwo"), "{err}");
}

/// A translation's letters that clash on one screen are reported at its
/// `letters`: Spanish "d" for debilidad as for dolor.
#[test]
fn a_catalogues_letters_that_clash_on_one_screen_are_reported() {
    let clash = ("weakness: \"b\"", "weakness: \"d\"");
    let (err, want) = broken("assets/text/es.ron", clash, "letters: Letters(");
    assert!(err.starts_with(&want), "{err}");
    assert!(
        err.contains("\"d\" for Mark(Weakness) gives Mark(Pain)"),
        "{err}"
    );
}

/// The example sessions validate, and each is complete: every question it
/// shows that must be answered is (new questions must be answered there too).
#[test]
fn example_sessions_validate_and_answer_every_required_question() {
    let q = intake::content::questionnaire();
    let paths: Vec<_> = fs::read_dir("examples/sessions")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let ok = Command::new(env!("CARGO_BIN_EXE_intake"))
        .arg("validate")
        .args(&paths)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&ok.stderr);
    assert!(ok.status.success(), "{stderr}");
    for path in &paths {
        let source = fs::read_to_string(path).unwrap();
        let s = intake::answers::Session::from_ron("s.ron", &source).unwrap();
        assert!(
            s.progress(&q, Content::builtin().regions).complete(),
            "{}",
            path.display()
        );
    }
    // A wrong answer is reported at its id.
    let good = fs::read_to_string("examples/sessions/l5-radiculopathy-foot-drop.ron").unwrap();
    let bad = good.replacen("\"big_toe\": Side(Left)", "\"big_toe\": YesNo(true)", 1);
    assert_ne!(bad, good);
    let e = intake::check::check_bytes(Path::new("s.ron"), bad.clone().into_bytes())
        .unwrap_err()
        .to_string();
    let line = bad.lines().position(|l| l.contains("\"big_toe\"")).unwrap() + 1;
    assert!(
        e.starts_with(&format!("s.ron:{line}:9: answer to \"big_toe\"")),
        "{e}"
    );
}

/// The rules file's names go through the questionnaire's reference checker:
/// the same checks and words, each error at the condition it is about.
#[test]
fn a_rules_file_gets_the_questionnaires_reference_checks_where_each_name_is() {
    let q = intake::content::questionnaire();
    let rules = intake::content::FINDINGS;
    let errors = |broken: &str| {
        let e = intake::findings::parse_rules("f.ron", broken, &q).unwrap_err();
        e.0.iter()
            .map(|d| (d.pos.line, d.message.clone()))
            .collect::<Vec<_>>()
    };
    let line_of = |text: &str, nth: usize| {
        let mut lines = rules.lines().enumerate().filter(|(_, l)| l.contains(text));
        lines.nth(nth).unwrap().0 + 1
    };
    // A misspelt item in two flags and a label: told in each, on its line.
    let broken = rules.replace("\"weak_change\"", "\"weak_chnage\"");
    let mut found = errors(&broken);
    found.sort();
    let unknown = "condition refers to unknown item \"weak_chnage\"";
    assert_eq!(
        found,
        [
            (
                line_of("\"weak_change\"", 0),
                format!("flag \"both_legs_weak\": {unknown}")
            ),
            (
                line_of("\"weak_change\"", 1),
                format!("flag \"progressive_weakness\": {unknown}")
            ),
            (
                line_of("\"weak_change\"", 2),
                "unknown item \"weak_chnage\"".to_string()
            ),
        ]
    );
    // Kinds are checked as in a questionnaire: AtLeast on a left/right item,
    // and a body_item that is no body diagram.
    let sign = "when: Equals(\"leg_weak_side\", \"both\")";
    let broken = rules
        .replacen(sign, "when: AtLeast(\"leg_weak_side\", 2)", 1)
        .replacen("body_item: \"body_map\"", "body_item: \"age\"", 1);
    let found = errors(&broken);
    let at_least = (
        line_of(sign, 0),
        "sign \"both legs feel weak\": AtLeast needs a scale or number item, \"leg_weak_side\" is a left/right item".to_string(),
    );
    assert!(found.contains(&at_least), "{found:?}");
    let body = (
        line_of("body_item:", 0),
        "body_item \"age\" is a number item, not a body diagram".to_string(),
    );
    assert!(found.contains(&body), "{found:?}");
    // A Provenance cannot name rules that have no version.
    let unversioned = errors(&rules.replacen("version: \"1.0.0\"", "version: \" \"", 1));
    let version = (
        line_of("version:", 0),
        "version is empty: summaries name the rules' version that made their findings".to_string(),
    );
    assert!(unversioned.contains(&version), "{unversioned:?}");
}

/// What the patient must be told cannot be left out of a rules file that
/// raises urgent signs or checks sides, and a side item must be a side
/// question.
#[test]
fn a_rules_file_without_its_alerts_or_with_a_wrong_side_item_is_refused() {
    let q = intake::content::questionnaire();
    let rules = intake::content::FINDINGS;
    let messages = |broken: &str| -> Vec<String> {
        let e = intake::findings::parse_rules("f.ron", broken, &q).unwrap_err();
        e.0.iter().map(|d| d.message.clone()).collect()
    };
    let no_urgent: String = rules
        .lines()
        .map(|l| match l.starts_with("        urgent: \"") {
            true => "        urgent: \"\",\n".to_string(),
            false => format!("{l}\n"),
        })
        .collect();
    assert_eq!(
        messages(&no_urgent),
        ["alerts need `urgent`: the patient must be told"]
    );
    let wrong_side = rules.replace(
        "side_items: [\"leg_spread_side\"",
        "side_items: [\"leg_spread\"",
    );
    let found = messages(&wrong_side);
    assert!(
        found.iter().any(|m| m.contains("\"leg_spread\" is a")),
        "{found:?}"
    );
}

/// Practice keeps no journal, exports nothing and is never a kiosk: the
/// options it would ignore are refused instead.
#[test]
fn practice_refuses_the_options_it_would_ignore() {
    for args in [
        &["--kiosk", "k.ron", "practice"][..],
        &["--export-dir", "/tmp/x", "practice"],
        &["--state-dir", "/tmp/x", "practice"],
        &["--interviewer", "practice"],
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_intake"))
            .args(args)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("does not apply to practice mode"), "{err}");
    }
}

/// A shapes file's mistakes, each told where it stands: the line of the
/// mutated file that holds `at`, at the column where `at` starts there.
#[test]
fn a_shapes_file_with_a_mistake_gets_a_positioned_error() {
    use intake::body::{BUILTIN_SHAPES, BodyRegions, Shapes};
    let chest = "Shape(region: \"chest\", points: [\n                (0.5, 0.183)";
    let saddle = "(0.5, 0.555), (0.529, 0.585), (0.518, 0.612), (0.482, 0.612), (0.471, 0.585),";
    let neck = "            Shape(region: \"neck_front\", points: [\n                (0.451, 0.132), (0.438, 0.172), (0.5, 0.183), (0.562, 0.172), (0.549, 0.132), (0.5, 0.143),\n            ]),\n";
    let cases = [
        // The chest's lower point pushed down into the belly.
        (
            ("(0.349, 0.37), (0.5, 0.38),", "(0.349, 0.37), (0.5, 0.45),"),
            "regions \"chest\" and \"abdomen\" overlap near",
            "\"abdomen\"",
        ),
        // A point of the chest beyond the frame's right edge.
        (
            (chest, &chest.replace("(0.5, 0.183)", "(1.5, 0.183)")),
            "point (1.5, 0.183) is outside the frame",
            "(1.5, 0.183)",
        ),
        (
            ("\"head_front\"", "\"head_fronts\""),
            "unknown body region \"head_fronts\"",
            "\"head_fronts\"",
        ),
        // The neck's shape left out.
        (
            (neck, ""),
            "region \"neck_front\" (Front) is not drawn",
            "shapes: [",
        ),
        // The saddle with two points: no area, nothing closed.
        (
            (saddle, "(0.5, 0.555), (0.529, 0.585),"),
            "a shape needs at least 3 points",
            "Shape(region: \"saddle\", points:",
        ),
    ];
    for ((from, to), message, at) in cases {
        assert!(BUILTIN_SHAPES.contains(from), "{from}");
        let source = BUILTIN_SHAPES.replacen(from, to, 1);
        let e = Shapes::parse("s.ron", &source, BodyRegions::builtin())
            .unwrap_err()
            .to_string();
        let first = e.lines().next().unwrap();
        let (line, text) = source
            .lines()
            .enumerate()
            .find(|(_, l)| l.contains(at.lines().next().unwrap()))
            .unwrap();
        // Points and names are told where they stand; a missing region at
        // the figure's `shapes:`, a bad polygon at its `points:`.
        let col = text.find(at.lines().next().unwrap()).unwrap() + 1;
        let col = if at.starts_with("Shape(") {
            text.find("points:").unwrap() + 1
        } else {
            col
        };
        assert!(
            first.starts_with(&format!("s.ron:{}:{col}: ", line + 1)),
            "{message}: {e}"
        );
        assert!(first.contains(message), "{e}");
    }
    // The command line says the same, for a file on disk.
    let (err, want) = broken(
        "assets/body/shapes.ron",
        ("\"head_front\"", "\"head_fronts\""),
        "\"head_fronts\"",
    );
    assert!(
        err.starts_with(&want) && err.contains("unknown body region"),
        "{err}"
    );
}
