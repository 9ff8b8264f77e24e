//! `intake practice --history`: a student's scores per skill over sessions,
//! read from the records each debrief leaves.

use std::path::Path;
use std::process::{Command, Output};

use intake::practice::history::{Record, Skill, save};

fn history(dir: &Path, student: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_intake"))
        .args([
            "practice",
            "--history",
            "--student",
            student,
            "--history-dir",
        ])
        .arg(dir)
        .output()
        .unwrap()
}

fn record(case: &str, when: u64, got: [u32; 2]) -> Record {
    let skill = |id: &str, got| Skill {
        id: id.into(),
        got,
        of: 20,
    };
    Record {
        case: case.into(),
        when,
        seconds: 600,
        total: got.iter().sum(),
        skills: vec![skill("warning_signs", got[0]), skill("map", got[1])],
    }
}

#[test]
fn the_history_shows_each_session_and_each_skills_course() {
    let dir = std::env::temp_dir().join(format!("intake-history-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = history(&dir, "ann");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("No practice sessions saved yet"), "{text}");

    save(
        &dir.join("ann"),
        &record("l5-radiculopathy", 1_800_000_000, [10, 5]),
        "#",
    )
    .unwrap();
    save(
        &dir.join("ann"),
        &record("cauda-equina", 1_800_090_000, [20, 15]),
        "#",
    )
    .unwrap();
    // Another student's sessions are not Ann's.
    save(
        &dir.join("bo"),
        &record("s1-radiculopathy", 1_800_000_000, [0, 0]),
        "#",
    )
    .unwrap();
    let out = history(&dir, "ann");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Practice history: 2 sessions"), "{text}");
    let rows: Vec<&str> = text.lines().collect();
    let first = rows
        .iter()
        .position(|l| l.contains("l5-radiculopathy"))
        .unwrap();
    let cells: Vec<&str> = rows[first].split_whitespace().skip(3).collect();
    assert_eq!(cells, ["15", "50", "25"], "{text}");
    assert!(rows[first + 1].contains("cauda-equina"), "{text}");
    assert!(!text.contains("s1-radiculopathy"), "{text}");
    // Skills go by their names in the scoring file.
    assert!(text.contains("Warning signs  Body diagram"), "{text}");
    let course = rows.iter().find(|l| l.starts_with("Body diagram")).unwrap();
    let numbers: Vec<&str> = course.split_whitespace().skip(2).collect();
    assert_eq!(numbers, ["2", "25", "75", "50", "75"], "{text}");

    // A record that does not read is skipped, named at its line and
    // column; the others still show.
    std::fs::write(dir.join("ann/zz.json"), "{\n  \"case\": 3\n}").unwrap();
    let out = history(&dir, "ann");
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("zz.json:2:11: invalid type"), "{err}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Practice history: 2 sessions"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_student_name_that_is_not_a_plain_word_is_refused() {
    let dir = std::env::temp_dir().join(format!("intake-history-name-{}", std::process::id()));
    let out = history(&dir, "../ann");
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("use letters, digits"), "{err}");
    assert!(!dir.exists());
}
