//! The autosave journal: every answer is appended as one line and flushed to
//! disk before the program goes on, so that a kill, a closed terminal or a
//! power cut loses at most the answer being typed.
//!
//! A line is `<crc32 in hex> <record in RON>`. A last line that was cut off
//! (or any line whose checksum does not match) ends the replay: everything
//! before it is kept.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::answers::{Answer, SESSION_FORMAT, Session};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Record {
    Start {
        questionnaire: String,
        version: String,
        started: u64,
    },
    Set {
        id: String,
        answer: Answer,
        at: u64,
    },
    Clear {
        id: String,
        at: u64,
    },
}

/// A journal open for appending.
pub struct Journal {
    file: File,
    path: PathBuf,
}

/// A replayed journal.
#[derive(Debug)]
pub struct Replayed {
    pub session: Session,
    /// Lines at the end that could not be read (a write cut short).
    pub dropped: usize,
}

fn line(record: &Record) -> String {
    let body = ron::to_string(record).expect("records always serialize");
    format!("{:08x} {body}\n", crc32fast::hash(body.as_bytes()))
}

impl Journal {
    /// Starts a new journal for `session` at `path` (mode 0600), replacing any
    /// journal there, and writes the answers it already has.
    pub fn create(path: &Path, session: &Session) -> io::Result<Journal> {
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(path)?;
        let mut text = line(&Record::Start {
            questionnaire: session.questionnaire.clone(),
            version: session.questionnaire_version.clone(),
            started: session.started,
        });
        for (id, answer) in &session.answers {
            text.push_str(&line(&Record::Set {
                id: id.clone(),
                answer: answer.clone(),
                at: session.updated,
            }));
        }
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            File::open(dir)?.sync_all()?;
        }
        Ok(Journal {
            file,
            path: path.to_path_buf(),
        })
    }

    /// Appends a record and waits until it is on disk.
    pub fn append(&mut self, record: &Record) -> io::Result<()> {
        self.file.write_all(line(record).as_bytes())?;
        self.file.sync_data()
    }

    /// Deletes the journal: the patient's answers are gone from this disk.
    pub fn remove(self) -> io::Result<()> {
        drop(self.file);
        fs::remove_file(&self.path)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Whether `text` looks like a journal (its first line starts with a checksum).
pub fn looks_like(text: &str) -> bool {
    text.get(..9)
        .is_some_and(|h| h[..8].chars().all(|c| c.is_ascii_hexdigit()) && h.ends_with(' '))
}

/// Reads a journal back into a session; `None` when there is none.
pub fn replay(path: &Path) -> io::Result<Option<Replayed>> {
    let text = match fs::read(path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let mut session: Option<Session> = None;
    let mut lines = text.split_inclusive('\n').peekable();
    let mut dropped = 0;
    while let Some(raw) = lines.next() {
        let record = raw.strip_suffix('\n').and_then(|l| {
            let (crc, body) = l.split_once(' ')?;
            let crc = u32::from_str_radix(crc, 16).ok()?;
            (crc32fast::hash(body.as_bytes()) == crc).then_some(())?;
            ron::from_str::<Record>(body).ok()
        });
        let Some(record) = record else {
            // A torn or damaged line: nothing after it can be trusted.
            dropped = 1 + lines.count();
            break;
        };
        match (record, session.as_mut()) {
            (
                Record::Start {
                    questionnaire,
                    version,
                    started,
                },
                None,
            ) => {
                session = Some(Session {
                    format: SESSION_FORMAT,
                    questionnaire,
                    questionnaire_version: version,
                    started,
                    updated: started,
                    answers: Default::default(),
                });
            }
            (Record::Set { id, answer, at }, Some(s)) => {
                s.answers.insert(id, answer);
                s.updated = at;
            }
            (Record::Clear { id, at }, Some(s)) => {
                s.answers.remove(&id);
                s.updated = at;
            }
            _ => {
                dropped = 1 + lines.count();
                break;
            }
        }
    }
    Ok(session.map(|session| Replayed { session, dropped }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Side;

    fn temp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("intake-journal-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).unwrap();
        d.join("session.journal")
    }

    fn session() -> Session {
        Session {
            format: SESSION_FORMAT,
            questionnaire: "q".into(),
            questionnaire_version: "1".into(),
            started: 100,
            updated: 100,
            answers: Default::default(),
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
        assert_eq!(r.dropped, 2, "the damaged line and everything after it");
        assert!(r.session.answers.is_empty());
    }
}
