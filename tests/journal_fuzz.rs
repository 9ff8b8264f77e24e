//! A bounded mutation test of journal replay, run in CI: journals torn,
//! flipped, re-ended with CR/LF, with lines duplicated, reordered and dropped,
//! and random or invalid UTF-8 bytes inserted. Replay must never panic, must
//! apply every line that is still intact, and the restart (Host) and
//! `summarize` must agree. INTAKE_FUZZ_SEED and INTAKE_FUZZ_CASES change the run.

mod common;

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::Path;

use intake::answers::{Answer, Session};
use intake::content;
use intake::journal::{self, Journal, Record};
use intake::questionnaire::Questionnaire;
use intake::tui::Host;

use common::rng::{Rng, env_number};

/// A real journal: the L5 session, then changes, some not fitting any item.
fn base(dir: &Path) -> Vec<u8> {
    let path = "examples/sessions/l5-radiculopathy-foot-drop.ron";
    let s = Session::from_ron(path, &fs::read_to_string(path).unwrap()).unwrap();
    let file = dir.join("base.journal");
    let mut j = Journal::create(&file, &s).unwrap();
    let changes = [
        ("goal", Some(Answer::Text("Gärten – wieder\nim Mai".into()))),
        ("age", Some(Answer::Number(43.0))),
        ("retired_item", Some(Answer::YesNo(true))),
        ("pain_now", Some(Answer::Text("not a scale".into()))),
        ("sleep", None),
        ("pain_now", Some(Answer::Scale(4))),
    ];
    for (n, (id, answer)) in changes.into_iter().enumerate() {
        let at = 1_800_000_000 + n as u64;
        j.append(&match answer {
            Some(answer) => Record::Set {
                id: id.into(),
                answer,
                at,
            },
            None => Record::Clear { id: id.into(), at },
        })
        .unwrap();
    }
    fs::read(&file).unwrap()
}

fn lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect()
}

fn join(lines: &[Vec<u8>]) -> Vec<u8> {
    lines.join(&b'\n')
}

fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>) {
    let at = rng.below(bytes.len() + 1);
    match rng.below(9) {
        0 => bytes.truncate(at),
        1 if !bytes.is_empty() => {
            let i = at.min(bytes.len() - 1);
            bytes[i] ^= 1 + rng.below(255) as u8;
        }
        2 => bytes.insert(at, if rng.below(2) == 0 { b'\r' } else { b'\n' }),
        3 => {
            let random: Vec<u8> = (0..1 + rng.below(8)).map(|_| rng.next() as u8).collect();
            bytes.splice(at..at, random);
        }
        4 => bytes.splice(at..at, [0xff, 0xc3, 0x28]).for_each(drop),
        5 => *bytes = lines(bytes).join(&b"\r\n"[..]),
        6..=8 => {
            let mut ls = lines(bytes);
            let (i, k) = (rng.below(ls.len()), rng.below(ls.len()));
            match rng.below(3) {
                0 => ls.insert(k, ls[i].clone()),
                1 => ls.swap(i, k),
                _ => drop(ls.remove(i)),
            }
            *bytes = join(&ls);
        }
        _ => {}
    }
}

/// What replay must give: every intact line of the original, in file order.
fn expected(bytes: &[u8], good: &HashSet<Vec<u8>>) -> Option<(u64, BTreeMap<String, Answer>)> {
    let mut started = None;
    let mut updated = 0;
    let mut answers = BTreeMap::new();
    for l in lines(bytes) {
        let l = l.strip_suffix(b"\r").unwrap_or(&l).to_vec();
        if !good.contains(&l) {
            continue;
        }
        let record: Record = ron::from_str(std::str::from_utf8(&l[9..]).unwrap()).unwrap();
        match record {
            Record::Start { started: s, .. } => {
                started.get_or_insert(s);
            }
            Record::Set { id, answer, at } => {
                answers.insert(id, answer);
                updated = updated.max(at);
            }
            Record::Clear { id, at } => {
                answers.remove(&id);
                updated = updated.max(at);
            }
            Record::Closed { at } => updated = updated.max(at),
        }
    }
    started.map(|s| (updated.max(s), answers))
}

/// The answers a restart keeps (as `App::consider_earlier` filters them).
fn fitting(q: &Questionnaire, mut s: Session) -> BTreeMap<String, Answer> {
    s.answers
        .retain(|id, a| q.item(id).is_some_and(|i| a.check(&i.kind).is_ok()));
    s.answers
}

#[test]
fn replay_survives_random_damage_and_agrees_with_summarize() {
    let seed = env_number("INTAKE_FUZZ_SEED", 0x1a7e_5eed);
    let cases = env_number("INTAKE_FUZZ_CASES", 600);
    let dir = std::env::temp_dir().join(format!("intake-fuzz-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let original = base(&dir);
    let good: HashSet<Vec<u8>> = lines(&original)
        .into_iter()
        .filter(|l| !l.is_empty())
        .collect();
    let q = content::questionnaire();
    let state = dir.join("state");
    let host = Host::new(&state, None).unwrap();
    let mut rng = Rng(seed | 1);
    for case in 0..cases {
        let mut bytes = original.clone();
        for _ in 0..1 + rng.below(4) {
            mutate(&mut rng, &mut bytes);
        }
        let why = format!(
            "seed {seed:#x}, case {case}: {}",
            String::from_utf8_lossy(&bytes)
        );
        let replayed = journal::parse(&bytes).ok();
        let want = expected(&bytes, &good);
        let got = replayed
            .as_ref()
            .map(|r| (r.session.updated, r.session.answers.clone()));
        assert_eq!(got, want, "{why}");
        // The restart reads the file through Host; summarize through its own door.
        fs::write(state.join("session.journal"), &bytes).unwrap();
        let restart = host.earlier().unwrap().map(|r| fitting(&q, r.session));
        let summarized = (journal::looks_like(&bytes) || bytes.trim_ascii().is_empty())
            .then(|| journal::for_summary("j", &bytes, &q).ok())
            .flatten()
            .map(|(s, _)| s.answers);
        assert_eq!(restart, summarized, "{why}");
        for aside in fs::read_dir(&state).unwrap() {
            let name = aside.unwrap().path();
            if name.to_string_lossy().contains("unreadable-") {
                fs::remove_file(name).unwrap();
            }
        }
    }
    fs::remove_dir_all(dir).unwrap();
}
