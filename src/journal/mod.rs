//! The autosave journal: every answer is appended as one line and flushed to
//! disk before the program goes on, so that a kill, a closed terminal or a
//! power cut loses at most the answer being typed.
//!
//! A line is `<crc32 in hex> <record in RON>`. Reading back skips any line
//! that is torn or damaged and keeps every good one (see `replay`). The file
//! is never emptied or rewritten in place: a new journal is written beside
//! the old one and renamed over it, so a kill at any moment leaves one whole.

mod replay;

use std::fs::{self, File};
use std::io::{self, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use replay::{
    Replayed, Unreadable, for_summary, keep_fitting, looks_like, parse, read, replay,
};

use crate::answers::{Answer, Session};
use crate::export;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Record {
    Start {
        questionnaire: String,
        version: String,
        started: u64,
        /// The session's id; absent from journals written before ids.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        id: String,
        /// The visit code, if the kiosk asked for one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        visit_code: Option<String>,
        /// Taken at an unattended kiosk (see `Session::unattended`).
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        unattended: bool,
        /// The patient's language, when not English (see `Session::language`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        language: Option<String>,
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
    /// The patient is gone (Done, or a kiosk's idle timeout or start over):
    /// the session is for staff now and is never offered to be continued.
    Closed {
        at: u64,
    },
}

/// A journal open for appending.
pub struct Journal {
    file: File,
    path: PathBuf,
    /// The length of the file up to its last whole, synced line.
    len: u64,
}

/// One journal line, newline included.
pub fn line(record: &Record) -> String {
    let body = ron::to_string(record).expect("records always serialize");
    format!("{:08x} {body}\n", crc32fast::hash(body.as_bytes()))
}

impl Journal {
    /// Starts a new journal for `session` at `path` (mode 0600) with the
    /// answers it already has, replacing any journal there only once the new
    /// one is whole on disk.
    pub fn create(path: &Path, session: &Session) -> io::Result<Journal> {
        let mut text = line(&Record::Start {
            questionnaire: session.questionnaire.clone(),
            version: session.questionnaire_version.clone(),
            started: session.started,
            id: session.id.clone(),
            visit_code: session.visit_code.clone(),
            unattended: session.unattended,
            language: session.language.clone(),
        });
        for (id, answer) in &session.answers {
            text.push_str(&line(&Record::Set {
                id: id.clone(),
                answer: answer.clone(),
                at: session.updated,
            }));
        }
        let mut file = export::replace_private(path, text.as_bytes())?;
        let len = file.seek(SeekFrom::End(0))?;
        Ok(Journal {
            file,
            path: path.to_path_buf(),
            len,
        })
    }

    /// Appends a record and waits until it is on disk.
    pub fn append(&mut self, record: &Record) -> io::Result<()> {
        self.write(record)?;
        self.sync()
    }

    /// Appends a record without waiting for the disk: it is in the kernel,
    /// so a killed or crashed program keeps it; `sync` puts it on disk.
    pub fn write(&mut self, record: &Record) -> io::Result<()> {
        let mut text = line(record);
        let on_disk = self.file.metadata()?.len();
        // A write cut short (a full disk) left part of a line: cut it off, or
        // when that fails start afresh, so that this record is a line of its own.
        if on_disk != self.len && (on_disk < self.len || self.file.set_len(self.len).is_err()) {
            text.insert(0, '\n');
        }
        self.file.seek(SeekFrom::End(0))?;
        self.file.write_all(text.as_bytes())?;
        self.len = self.file.stream_position()?;
        Ok(())
    }

    /// Waits until every record written is on disk.
    pub fn sync(&mut self) -> io::Result<()> {
        self.file.sync_data()
    }

    /// Deletes the journal: the patient's answers are gone from this disk.
    pub fn remove(self) -> io::Result<()> {
        drop(self.file);
        fs::remove_file(&self.path)
    }

    /// A journal on a file already open at its end (tests use /dev/full).
    #[cfg(test)]
    pub(crate) fn on_file(file: File, path: &Path) -> Journal {
        Journal {
            file,
            path: path.to_path_buf(),
            len: 0,
        }
    }
}

#[cfg(test)]
mod tests;
