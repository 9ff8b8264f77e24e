//! Reading a journal back. Every line checks itself (its crc32), so a line
//! torn by a crash, damaged on disk, or cut by a full disk is skipped and
//! counted, and every good line before and after it is applied in order.
//! The restart and `summarize` both read journals through `parse`, so they
//! accept exactly the same files.

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use super::Record;
use crate::answers::{SESSION_FORMAT, Session};
use crate::questionnaire::Questionnaire;

/// A replayed journal.
#[derive(Debug)]
pub struct Replayed {
    pub session: Session,
    /// How many lines could not be read (torn or damaged) and were skipped.
    pub dropped: usize,
    /// Their line numbers, from 1.
    pub skipped: Vec<usize>,
    /// The line that last set each answer, to say where a dropped one was.
    pub lines: BTreeMap<String, usize>,
    /// The patient was done with it: never offer it to be continued.
    pub closed: bool,
}

impl Replayed {
    /// For staff, when lines were skipped: how many and the first one's
    /// number (nothing of the patient's).
    pub fn damage(&self) -> Option<String> {
        let first = self.skipped.first()?;
        Some(format!(
            "the autosave journal had {} torn or damaged line(s), skipped (the first at line {first})",
            self.dropped
        ))
    }
}

/// Why a file holds no journal to replay, and at which line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub line: usize,
    pub message: String,
}

/// Whether `bytes` look like a journal: some line starts with a checksum.
pub fn looks_like(bytes: &[u8]) -> bool {
    bytes
        .split(|&b| b == b'\n')
        .any(|l| l.len() > 8 && l[..8].iter().all(u8::is_ascii_hexdigit) && l[8] == b' ')
}

/// The journal's bytes, `None` when there is none. A symlink in its place
/// is refused, not followed: the journal must be our own file.
pub fn read(path: &Path) -> io::Result<Option<Vec<u8>>> {
    let opened = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW)
        .open(path);
    let mut file: File = match opened {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{}: a symbolic link, not followed", path.display()),
            ));
        }
        Err(e) => return Err(e),
    };
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(Some(bytes))
}

/// Reads a journal back into a session; `None` when there is none or it
/// holds no session.
pub fn replay(path: &Path) -> io::Result<Option<Replayed>> {
    Ok(read(path)?.and_then(|bytes| parse(&bytes).ok()))
}

/// One line's record, if the line is whole and its checksum matches. A CR
/// before the newline (a journal copied through Windows) is allowed.
fn record(line: &[u8]) -> Option<Record> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let (crc, body) = (line.get(..8)?, line.get(9..)?);
    if line[8] != b' ' || !crc.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    let crc = u32::from_str_radix(std::str::from_utf8(crc).ok()?, 16).ok()?;
    (crc32fast::hash(body) == crc).then_some(())?;
    ron::from_str(std::str::from_utf8(body).ok()?).ok()
}

/// Replays the records of a journal: the first Start says whose session it
/// is; every good Set and Clear is applied in the order of the file.
pub fn parse(bytes: &[u8]) -> Result<Replayed, Unreadable> {
    let mut start = None;
    let mut changes = Vec::new();
    let mut skipped = Vec::new();
    for (n, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        if raw.trim_ascii().is_empty() {
            continue;
        }
        match record(raw) {
            None => skipped.push(n + 1),
            Some(r @ Record::Start { .. }) => {
                start.get_or_insert(r);
            }
            Some(r) => changes.push((n + 1, r)),
        }
    }
    let Some(Record::Start {
        questionnaire,
        version,
        started,
        id,
        visit_code,
        unattended,
        language,
    }) = start
    else {
        return Err(no_start(changes.len(), skipped.len()));
    };
    let mut session = Session {
        format: SESSION_FORMAT,
        questionnaire,
        questionnaire_version: version,
        id,
        // A code no kiosk could have kept is not carried into a summary.
        visit_code: visit_code.filter(|c| crate::visit_code::is_plausible(c)),
        started,
        updated: started,
        answers: Default::default(),
        unattended,
        language,
    };
    let mut lines = BTreeMap::new();
    let mut closed = false;
    for (n, change) in changes {
        closed |= matches!(change, Record::Closed { .. });
        apply(&mut session, &mut lines, n, change);
    }
    Ok(Replayed {
        session,
        dropped: skipped.len(),
        skipped,
        lines,
        closed,
    })
}

fn apply(s: &mut Session, lines: &mut BTreeMap<String, usize>, n: usize, change: Record) {
    match change {
        Record::Set { id, answer, at } => {
            lines.insert(id.clone(), n);
            s.answers.insert(id, answer);
            s.updated = s.updated.max(at);
        }
        Record::Clear { id, at } => {
            lines.remove(&id);
            s.answers.remove(&id);
            s.updated = s.updated.max(at);
        }
        Record::Closed { at } => s.updated = s.updated.max(at),
        Record::Start { .. } => {}
    }
}

fn no_start(answers: usize, damaged: usize) -> Unreadable {
    let message = if answers + damaged == 0 {
        "the journal is empty: it holds no session".to_string()
    } else {
        format!(
            "the journal has no readable Start record, so its {answers} answer line(s) \
             cannot be placed ({damaged} damaged line(s))"
        )
    };
    Unreadable { line: 1, message }
}

/// Drops the answers that no longer fit the questionnaire, as a restart
/// does, and says where each was, as `(line, message)`.
pub fn keep_fitting(r: &mut Replayed, q: &Questionnaire) -> Vec<(usize, String)> {
    let mut dropped = Vec::new();
    r.session.answers.retain(|id, answer| {
        let problem = match q.item(id) {
            None => format!("answer to unknown item \"{id}\" dropped"),
            Some(item) => match answer.check(&item.kind) {
                Ok(()) => return true,
                Err(e) => format!("answer to \"{id}\" dropped: {e}"),
            },
        };
        dropped.push((r.lines.get(id).copied().unwrap_or(1), problem));
        false
    });
    dropped.sort();
    dropped
}

/// A journal read as `summarize` reads it: what a restart would resume, and
/// warnings (`path:line:col: message`) for each line skipped and answer dropped.
pub fn for_summary(
    name: &str,
    bytes: &[u8],
    q: &Questionnaire,
) -> Result<(Session, Vec<String>), String> {
    let mut r = parse(bytes).map_err(|u| format!("{name}:{}:1: {}", u.line, u.message))?;
    if r.session.questionnaire != q.id {
        // A restart sets such a session aside too, rather than resume it.
        return Err(format!(
            "{name}:1:1: these answers belong to questionnaire \"{}\", not \"{}\"",
            r.session.questionnaire, q.id
        ));
    }
    let mut warnings: Vec<(usize, String)> = r
        .skipped
        .iter()
        .map(|&n| {
            (
                n,
                "line torn or damaged (checksum does not match); skipped".into(),
            )
        })
        .collect();
    warnings.extend(keep_fitting(&mut r, q));
    warnings.sort();
    let warnings = warnings
        .into_iter()
        .map(|(n, m)| format!("{name}:{n}:1: {m}"))
        .collect();
    Ok((r.session, warnings))
}
