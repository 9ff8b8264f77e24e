//! The runtime's side of the effects the app asks for: the autosave journal
//! and the summary files. Kept apart from the terminal so tests drive it.

use std::io;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use super::app::{App, Effect, Notice};
use crate::answers::Session;
use crate::export::{self, Format, Summary};
use crate::journal::{self, Journal, Replayed};

pub struct Host {
    /// Held for the life of the host: two programs must not share a journal.
    _lock: std::fs::File,
    journal_path: PathBuf,
    journal: Option<Journal>,
    export_dir: Option<PathBuf>,
    /// Files written outside the kiosk loop, for the caller to report (names
    /// only, no patient data).
    pub saved: Vec<PathBuf>,
}

impl Host {
    /// A host keeping its journal in `state_dir` (created 0700) and, when
    /// given, summaries in `export_dir` (created 0700).
    pub fn new(state_dir: &Path, export_dir: Option<PathBuf>) -> io::Result<Host> {
        let private =
            |d: &Path| export::private_dir(d).map_err(|e| io::Error::other(e.to_string()));
        private(state_dir)?;
        if let Some(d) = &export_dir {
            private(d)?;
        }
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .mode(0o600)
            .open(state_dir.join("lock"))?;
        if lock.try_lock().is_err() {
            return Err(io::Error::other(
                "another intake is running with this state directory",
            ));
        }
        Ok(Host {
            _lock: lock,
            journal_path: state_dir.join("session.journal"),
            journal: None,
            export_dir,
            saved: Vec::new(),
        })
    }

    /// The unfinished session left by an earlier run, if any.
    pub fn earlier(&self) -> io::Result<Option<Replayed>> {
        journal::replay(&self.journal_path)
    }

    /// Deletes the journal left by an earlier run.
    pub fn forget_earlier(&mut self) -> io::Result<()> {
        self.journal = None;
        match std::fs::remove_file(&self.journal_path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    /// Carries out what the app asked for. Returns whether the patient's data
    /// was wiped, so that the caller clears the screen too.
    pub fn apply(&mut self, app: &mut App) -> io::Result<bool> {
        let mut wiped = false;
        for effect in std::mem::take(&mut app.effects) {
            match effect {
                Effect::Journal(record) => match &mut self.journal {
                    Some(j) => j.append(&record)?,
                    // The first change of a session starts its journal, with
                    // every answer the session has (a resumed one has some).
                    None => self.journal = Some(Journal::create(&self.journal_path, &app.session)?),
                },
                Effect::Finished => {
                    // A kiosk saves for days: the paths are not kept, or memory would grow.
                    self.save(app, &app.session, "summary")?;
                    self.wipe(app)?;
                    wiped = true;
                }
                Effect::Abandoned => {
                    if !app.session.answers.is_empty() {
                        self.save(app, &app.session, "unfinished")?;
                    }
                    self.wipe(app)?;
                    wiped = true;
                }
                Effect::SetAside(earlier) => {
                    let paths = self.save(app, &earlier, "unfinished")?;
                    self.saved.extend(paths);
                    self.forget_earlier()?;
                }
                Effect::StaffLog(line) => {
                    append_line(&self.journal_path.with_file_name("staff.log"), &line)?
                }
            }
        }
        Ok(wiped)
    }

    /// Like `apply`, but a failure to write is told on screen instead of
    /// ending the program: the answers are still in memory, the journal keeps
    /// what it had, and nothing is wiped, so staff can step in.
    pub fn apply_or_report(&mut self, app: &mut App) -> bool {
        match self.apply(app) {
            Ok(wiped) => wiped,
            Err(e) => {
                let what = if app.kiosk.is_some() {
                    "Please tell a member of staff."
                } else {
                    "Please check the disk."
                };
                app.notice = Some(Notice::Error(format!(
                    "Your answers could not be saved ({}). {what}",
                    e.kind()
                )));
                false
            }
        }
    }

    /// After the program ends outside kiosk mode: a finished session whose
    /// summary was saved needs its journal no more.
    pub fn finish_on_exit(&mut self, app: &App) -> io::Result<()> {
        if app.finished && self.export_dir.is_some() {
            let paths = self.save(app, &app.session, "summary")?;
            self.saved.extend(paths);
            self.forget_earlier()?;
        }
        Ok(())
    }

    /// Saves a session's summary in every format in the export directory;
    /// without one, an unfinished session is kept beside the journal instead.
    pub fn save(&self, app: &App, session: &Session, kind: &str) -> io::Result<Vec<PathBuf>> {
        let now = (app.clock)();
        let Some(dir) = &self.export_dir else {
            if kind == "unfinished" {
                let path = self
                    .journal_path
                    .with_file_name(format!("unfinished-{}.ron", export::time::compact(now)));
                export::write_private(&path, session.to_ron().as_bytes(), false)
                    .map_err(io::Error::other)?;
                return Ok(vec![path]);
            }
            return Ok(Vec::new());
        };
        let summary = Summary::new(&app.questionnaire, session, app.rules(), now);
        let mut paths = Vec::new();
        for format in Format::ALL {
            let name = export::file_name(now, format).replacen("summary", kind, 1);
            let path = unique(dir.join(name));
            export::write_private(&path, format.render(&summary).as_bytes(), false)
                .map_err(io::Error::other)?;
            paths.push(path);
        }
        Ok(paths)
    }

    fn wipe(&mut self, app: &mut App) -> io::Result<()> {
        self.forget_earlier()?;
        app.reset();
        Ok(())
    }
}

/// Appends `line` to a private log (0600), never through a symlink someone
/// put in its place, and on disk before the kiosk goes on.
fn append_line(path: &Path, line: &str) -> io::Result<()> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW)
        .open(path)?;
    file.write_all(format!("{line}\n").as_bytes())?;
    file.sync_data()
}

/// `path`, or `path` with -2, -3... before the extension when it exists
/// (two patients may finish within the same second).
fn unique(path: PathBuf) -> PathBuf {
    if !path.exists() {
        return path;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (stem, ext) = name.split_once('.').unwrap_or((&name, ""));
    (2..)
        .map(|n| path.with_file_name(format!("{stem}-{n}.{ext}")))
        .find(|p| !p.exists())
        .expect("some number is free")
}
