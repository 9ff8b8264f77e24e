use super::*;
use crate::answers::{SESSION_FORMAT, Side};
use std::fs::OpenOptions;

fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("intake-journal-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&d);
    fs::create_dir_all(&d).unwrap();
    d.join("session.journal")
}

const ID: &str = "0123456789abcdef0123456789abcdef";

fn session() -> Session {
    Session {
        format: SESSION_FORMAT,
        questionnaire: "q".into(),
        questionnaire_version: "1".into(),
        id: ID.into(),
        visit_code: Some("AB1234".into()),
        started: 100,
        updated: 100,
        answers: Default::default(),
        unattended: false,
        language: None,
    }
}

#[test]
fn replays_sets_and_clears_in_order() {
    let path = temp("replay");
    let mut j = Journal::create(&path, &session()).unwrap();
    j.append(&Record::Set {
        id: "a".into(),
        answer: Answer::YesNo(true),
        at: 101,
    })
    .unwrap();
    j.append(&Record::Set {
        id: "b".into(),
        answer: Answer::Text("two\nlines".into()),
        at: 102,
    })
    .unwrap();
    j.append(&Record::Set {
        id: "a".into(),
        answer: Answer::Side(Side::Left),
        at: 103,
    })
    .unwrap();
    j.append(&Record::Clear {
        id: "b".into(),
        at: 104,
    })
    .unwrap();
    let r = replay(&path).unwrap().unwrap();
    assert_eq!(r.dropped, 0);
    assert_eq!(r.session.answers.len(), 1);
    assert_eq!(r.session.get("a"), Some(&Answer::Side(Side::Left)));
    assert_eq!(r.session.updated, 104);
    assert_eq!(r.session.id, ID, "a resumed session keeps its id");
    assert_eq!(
        r.session.visit_code.as_deref(),
        Some("AB1234"),
        "and its visit code"
    );
    use std::os::unix::fs::MetadataExt;
    assert_eq!(fs::metadata(&path).unwrap().mode() & 0o777, 0o600);
    j.remove().unwrap();
    assert!(replay(&path).unwrap().is_none());
}

#[test]
fn a_torn_last_record_keeps_everything_before_it() {
    let path = temp("torn");
    let mut j = Journal::create(&path, &session()).unwrap();
    j.append(&Record::Set {
        id: "a".into(),
        answer: Answer::Scale(7),
        at: 101,
    })
    .unwrap();
    j.append(&Record::Set {
        id: "b".into(),
        answer: Answer::Scale(3),
        at: 102,
    })
    .unwrap();
    drop(j);
    // Cut the last line in the middle, as a power cut during a write would.
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, &text[..text.len() - 6]).unwrap();
    let r = replay(&path).unwrap().unwrap();
    assert_eq!(r.dropped, 1);
    assert_eq!(r.session.get("a"), Some(&Answer::Scale(7)));
    assert_eq!(r.session.get("b"), None);
}

#[test]
fn a_damaged_line_is_caught_by_its_checksum() {
    let path = temp("crc");
    let mut j = Journal::create(&path, &session()).unwrap();
    j.append(&Record::Set {
        id: "a".into(),
        answer: Answer::Scale(7),
        at: 101,
    })
    .unwrap();
    j.append(&Record::Set {
        id: "b".into(),
        answer: Answer::Scale(3),
        at: 102,
    })
    .unwrap();
    drop(j);
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("Scale(7)", "Scale(8)");
    fs::write(&path, text).unwrap();
    let r = replay(&path).unwrap().unwrap();
    assert_eq!(r.dropped, 1, "only the damaged line");
    assert_eq!(r.skipped, [2]);
    assert_eq!(r.session.get("a"), None);
    assert_eq!(r.session.get("b"), Some(&Answer::Scale(3)));
    let told = r.damage().expect("damage is told");
    assert!(told.contains("1 torn or damaged line(s)"), "{told}");
    assert!(told.ends_with("(the first at line 2)"), "{told}");
}

#[test]
fn an_answer_after_a_torn_write_starts_its_own_line() {
    let path = temp("torn-then-room");
    let mut j = Journal::create(&path, &session()).unwrap();
    j.append(&Record::Set {
        id: "a".into(),
        answer: Answer::Scale(7),
        at: 101,
    })
    .unwrap();
    // The disk filled in the middle of a line, through the journal's own
    // file as a short write would...
    j.file.write_all(b"0123abcd Set(id:\"b\",ans").unwrap();
    // ...and then had room again.
    j.append(&Record::Set {
        id: "c".into(),
        answer: Answer::Scale(2),
        at: 103,
    })
    .unwrap();
    let r = replay(&path).unwrap().unwrap();
    assert_eq!(r.session.get("a"), Some(&Answer::Scale(7)));
    assert_eq!(r.session.get("c"), Some(&Answer::Scale(2)));
    assert_eq!(r.dropped, 0, "the torn tail was cut off");
}

#[test]
fn a_full_disk_is_told_as_a_full_disk() {
    let Ok(file) = OpenOptions::new().write(true).open("/dev/full") else {
        return; // No /dev/full here: nothing to simulate the disk with.
    };
    let mut j = Journal::on_file(file, Path::new("/dev/full"));
    let e = j
        .append(&Record::Clear {
            id: "a".into(),
            at: 1,
        })
        .unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::StorageFull);
}

#[test]
fn replay_skips_bad_lines_anywhere_and_keeps_order() {
    let good = |r: &Record| line(r);
    let start = good(&Record::Start {
        questionnaire: "q".into(),
        version: "1".into(),
        started: 5,
        id: String::new(),
        visit_code: None,
        unattended: false,
        language: None,
    });
    let a1 = good(&Record::Set {
        id: "a".into(),
        answer: Answer::Scale(1),
        at: 6,
    });
    let a2 = good(&Record::Set {
        id: "a".into(),
        answer: Answer::Scale(2),
        at: 7,
    });
    let mut bytes = format!("\u{fffd}garbage\n{start}{a1}").into_bytes();
    bytes.extend_from_slice(b"\xff\xfe\n");
    bytes.extend_from_slice(a2.as_bytes());
    bytes.extend_from_slice(b"\xff\xfe\n");
    let r = parse(&bytes).unwrap();
    assert_eq!(r.skipped, [1, 4, 6]);
    assert_eq!(r.session.get("a"), Some(&Answer::Scale(2)));
    assert_eq!(r.session.updated, 7);
    assert_eq!(r.lines["a"], 5);
    assert_eq!(parse(b"").unwrap_err().line, 1);
    assert!(parse(a1.as_bytes()).is_err(), "no Start record");
}

#[test]
fn looks_like_reads_bytes_not_characters() {
    assert!(!looks_like("// L5 – foot drop\nSession(".as_bytes()));
    assert!(!looks_like("é".as_bytes()));
    assert!(looks_like(b"junk\n0123abcd Start()"));
}

#[test]
fn a_start_record_from_before_ids_still_replays_with_no_id() {
    let body = r#"Start(questionnaire:"q",version:"1",started:5)"#;
    let old = format!("{:08x} {body}\n", crc32fast::hash(body.as_bytes()));
    let r = parse(old.as_bytes()).unwrap();
    assert_eq!(r.session.started, 5);
    assert_eq!(r.session.id, "");
    assert!(
        !line(&Record::Start {
            questionnaire: "q".into(),
            version: "1".into(),
            started: 5,
            id: String::new(),
            visit_code: None,
            unattended: false,
            language: None,
        })
        .contains("id:"),
        "no id, no field: old readers still read new journals"
    );
}
