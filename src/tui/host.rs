//! The runtime's side of the effects the app asks for: the autosave journal
//! and the summary files. Kept apart from the terminal so tests drive it.

use std::io;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use super::app::{App, Effect, Outcome};
use super::message::Msg;
use super::speech::Speaker;
use crate::answers::Session;
use crate::export::{self, Format, Summary};
use crate::findings::Level;
use crate::journal::{self, Journal, Replayed};
use crate::outbox::{Outbox, Waker};
use crate::text::{NoticeWords, fill};

pub struct Host {
    /// Held for the life of the host: two programs must not share a journal.
    /// Practice mode has neither: it keeps no journal.
    _lock: Option<std::fs::File>,
    journal_path: Option<PathBuf>,
    journal: Option<Journal>,
    export_dir: Option<PathBuf>,
    /// Where summaries' FHIR Bundles wait for the clinic's server, and the
    /// sender to wake when one is queued.
    outbox: Option<(Outbox, Waker)>,
    /// The voice for read-aloud, if the computer has one.
    speaker: Option<Speaker>,
    /// Files written outside the kiosk loop, for the caller to report (names
    /// only, no patient data).
    pub saved: Vec<PathBuf>,
    /// Practice mode: the student's history of debriefs.
    history: Option<PathBuf>,
    /// Journal records are written now and put on disk at `sync_held`
    /// (after the frame that shows them), instead of one by one.
    pub sync_later: bool,
    /// Records written and not yet on disk.
    unsynced: bool,
    /// A write or fsync of the journal failed and it has not been written
    /// again since: some answers may be only in memory.
    lost: bool,
    /// What failed when the screen ended (`settle`), for the caller to tell.
    pub unsettled: Option<io::Error>,
}

impl Host {
    /// A host keeping its journal in `state_dir` (created 0700) and, when
    /// given, summaries in `export_dir` (created 0700).
    pub fn new(state_dir: &Path, export_dir: Option<PathBuf>) -> io::Result<Host> {
        let private = |d: &Path| export::private_dir(d).map_err(io::Error::from);
        private(state_dir)?;
        if let Some(d) = &export_dir {
            private(d)?;
        }
        let lock = export::open_private(&state_dir.join("lock"))?;
        if lock.try_lock().is_err() {
            return Err(io::Error::other(
                "another intake is running with this state directory",
            ));
        }
        Ok(Host {
            _lock: Some(lock),
            journal_path: Some(state_dir.join("session.journal")),
            journal: None,
            export_dir,
            outbox: None,
            speaker: None,
            saved: Vec::new(),
            history: None,
            sync_later: false,
            unsynced: false,
            lost: false,
            unsettled: None,
        })
    }

    /// Reads aloud with `speaker` when the app asks.
    pub fn with_speaker(mut self, speaker: Speaker) -> Host {
        self.speaker = Some(speaker);
        self
    }

    /// Also queues each summary's FHIR Bundle in `outbox` and wakes its sender.
    pub fn with_outbox(mut self, outbox: Outbox, sender: Waker) -> Host {
        self.outbox = Some((outbox, sender));
        self
    }

    /// A host for practice mode: no journal, and the debriefs the trainee
    /// saves go in `dir` as they are (it is not made private: no patient's
    /// answers are in them); each debrief reached is kept in `history`
    /// with its scores (0600 in 0700).
    pub fn practice(dir: PathBuf, history: PathBuf) -> Host {
        Host {
            _lock: None,
            journal_path: None,
            journal: None,
            export_dir: Some(dir),
            outbox: None,
            speaker: None,
            saved: Vec::new(),
            history: Some(history),
            sync_later: false,
            unsynced: false,
            lost: false,
            unsettled: None,
        }
    }

    fn journal_path(&self) -> io::Result<&Path> {
        let none = || io::Error::other("practice mode keeps no journal");
        self.journal_path.as_deref().ok_or_else(none)
    }

    /// The unfinished session left by an earlier run, if any; lines it had
    /// to skip are told in the staff log. A journal with no session to
    /// resume but something in it is moved aside, not left for the next
    /// change to replace: staff may recover it.
    pub fn earlier(&self) -> io::Result<Option<Replayed>> {
        let path = self.journal_path()?;
        let Some(bytes) = journal::read(path)? else {
            return Ok(None);
        };
        match journal::parse(&bytes) {
            Ok(replayed) => {
                if let Some(damage) = replayed.damage() {
                    let now = export::time::rfc3339_local(export::time::now());
                    self.staff_log(&format!("{now}: {damage}"));
                }
                Ok(Some(replayed))
            }
            Err(_) if bytes.trim_ascii().is_empty() => Ok(None),
            Err(_) => {
                let aside = path.with_file_name(format!(
                    "unreadable-{}.journal",
                    export::time::compact(export::time::now())
                ));
                std::fs::rename(path, unique(aside))?;
                Ok(None)
            }
        }
    }

    /// Deletes the journal left by an earlier run.
    pub fn forget_earlier(&mut self) -> io::Result<()> {
        self.journal = None;
        self.unsynced = false;
        self.lost = false;
        match std::fs::remove_file(self.journal_path()?) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    /// Carries out what the app asked for and tells the app what came of
    /// it, as messages. Returns whether the patient's data was wiped, so
    /// that the caller clears the screen too. Every effect is tried,
    /// calling staff first, so that a disk that refuses one write never
    /// stops the call for help; the first failure is returned.
    pub fn apply(&mut self, app: &mut App) -> io::Result<bool> {
        let (outcomes, failed) = self.carry_out(app);
        let wiped = outcomes.contains(&Outcome::Wiped);
        for outcome in outcomes {
            app.update(Msg::Host(outcome));
        }
        failed.map_or(Ok(wiped), Err)
    }

    /// Puts the records written with `sync_later` on disk. After a failed
    /// fsync Linux may have marked the unwritten pages clean, so the
    /// journal is written again, whole, from the session; only when that
    /// fails too is it told on screen (and returned), and the next change
    /// or `settle` tries again.
    pub fn sync_held(&mut self, app: &mut App) -> io::Result<()> {
        let Some(j) = self.journal.as_mut().filter(|_| self.unsynced) else {
            return Ok(());
        };
        self.unsynced = false;
        let Err(e) = j.sync() else { return Ok(()) };
        self.staff_log(&self.failure((app.clock)(), &e));
        self.journal = None;
        self.rewrite(app)
    }

    /// Starts the journal afresh with every answer of the session; a
    /// failure is told on screen.
    fn rewrite(&mut self, app: &mut App) -> io::Result<()> {
        let made = self
            .journal_path()
            .and_then(|p| Journal::create(p, &app.session));
        match made {
            Ok(j) => {
                self.journal = Some(j);
                self.lost = false;
                Ok(())
            }
            Err(e) => {
                self.lost = true;
                self.staff_log(&self.failure((app.clock)(), &e));
                let told = failure_words(app, &e);
                app.update(Msg::Host(Outcome::Failed(told)));
                Err(e)
            }
        }
    }

    /// At the end of the screen: what the app asked for done, and every
    /// answer on disk. Each step is tried whatever came of the one before;
    /// the first failure is kept in `unsettled`, since no frame is left to
    /// tell it: the caller reports it once the session is saved.
    pub fn settle(&mut self, app: &mut App) {
        let applied = self.apply(app).map(|_| ());
        let synced = self.sync_held(app);
        let whole = if self.lost { self.rewrite(app) } else { Ok(()) };
        self.unsettled = applied.and(synced).and(whole).err();
    }

    /// Like `apply`, but a failure to write is only told on screen instead
    /// of ending the program: the answers are still in memory, the journal
    /// keeps what it had, and nothing is wiped, so staff can step in.
    pub fn apply_or_report(&mut self, app: &mut App) -> bool {
        self.apply(app).unwrap_or(false)
    }

    /// The effects the app asked for, taken and carried out (reading the
    /// app, never changing it otherwise): what came of them, and the first
    /// failure.
    fn carry_out(&mut self, app: &mut App) -> (Vec<Outcome>, Option<io::Error>) {
        let mut effects = std::mem::take(&mut app.effects);
        effects.sort_by_key(|e| !matches!(e, Effect::Alert(_) | Effect::StaffLog(_)));
        let mut outcomes = Vec::new();
        let mut failed = None;
        for effect in effects {
            // A wiped patient's changes are never journaled after the wipe.
            if outcomes.contains(&Outcome::Wiped) && matches!(effect, Effect::Journal(_)) {
                continue;
            }
            match self.apply_one(app, effect.clone()) {
                Ok(outcome) => outcomes.extend(outcome),
                Err(e) => {
                    if app.kiosk.is_some() && matches!(effect, Effect::Finished | Effect::Abandoned)
                    {
                        // Kept to try again; the screen hides the patient's answers.
                        outcomes.push(Outcome::Held(effect));
                    }
                    failed.get_or_insert(e);
                }
            }
        }
        if let Some(e) = &failed {
            self.staff_log(&self.failure((app.clock)(), e));
            outcomes.push(Outcome::Failed(failure_words(app, e)));
        }
        (outcomes, failed)
    }

    /// Writes one record: now and on disk, or now only with `sync_later`.
    fn journal(&mut self, app: &App, record: &journal::Record) -> io::Result<()> {
        match &mut self.journal {
            Some(j) if self.sync_later => {
                j.write(record)?;
                self.unsynced = true;
            }
            Some(j) => {
                j.append(record)?;
                self.unsynced = false;
            }
            // The first change of a session starts its journal, with every
            // answer the session has (a resumed one has some); so does the
            // first after a failure.
            None => {
                self.journal = Some(Journal::create(self.journal_path()?, &app.session)?);
                self.unsynced = false;
                self.lost = false;
            }
        }
        Ok(())
    }

    fn apply_one(&mut self, app: &App, effect: Effect) -> io::Result<Option<Outcome>> {
        match effect {
            Effect::Journal(record) => {
                let written = self.journal(app, &record);
                if written.is_err() {
                    // What the failed write or fsync left may never reach
                    // the disk: the journal is written again, whole, at the
                    // next change or at the end.
                    self.journal = None;
                    self.lost = true;
                }
                written?;
            }
            Effect::Finished if app.kiosk.is_some() => {
                // A kiosk saves for days: the paths are not kept, or memory would grow.
                self.close_and_save(app, "summary")?;
                self.forget_earlier()?;
                return Ok(Some(Outcome::Wiped));
            }
            Effect::Finished => {
                self.finish(app)?;
                return Ok(Some(Outcome::Finished));
            }
            Effect::Abandoned => {
                if !app.session.answers.is_empty() {
                    self.close_and_save(app, "unfinished")?;
                }
                self.forget_earlier()?;
                return Ok(Some(Outcome::Wiped));
            }
            Effect::Alert(level) => {
                if level == Level::Emergency {
                    // The terminal's bell draws staff; one that cannot be
                    // written is no reason to stop.
                    use std::io::Write;
                    let _ = io::stdout().write_all(b"\x07");
                }
                self.call_staff(app, level)
            }
            Effect::SetAside(earlier) => {
                if !earlier.answers.is_empty() {
                    let paths = self.save(app, &earlier, "unfinished")?;
                    self.saved.extend(paths);
                }
                self.forget_earlier()?;
            }
            Effect::StaffLog(line) => self.staff_log(&line),
            Effect::Speak { text, language } => {
                // Never needed to go on: a voice that fails is only silent.
                if let Some(s) = &mut self.speaker {
                    let _ = s.say(&text, &language);
                }
            }
            Effect::SaveDebrief { name, text } => {
                let dir = self.export_dir.as_deref().unwrap_or(Path::new("."));
                // Two debriefs saved in one second get two names.
                let path = unique(dir.join(name));
                export::write_private(&path, text.as_bytes(), false).map_err(io::Error::from)?;
                return Ok(Some(Outcome::Saved(path)));
            }
            // Only a practice host keeps a history.
            Effect::KeepDebrief { record, text } => {
                if let Some(dir) = &self.history {
                    let path = crate::practice::history::save(dir, &record, &text)?;
                    return Ok(Some(Outcome::Saved(path)));
                }
            }
        }
        Ok(None)
    }

    /// For the staff log: which write failed, why, and the folders in play
    /// (files are named by the time, never by anything of the patient's).
    fn failure(&self, at: u64, e: &io::Error) -> String {
        let journal = self.journal_path.as_deref().and_then(Path::parent);
        let state = journal.unwrap_or(Path::new("."));
        let exports = self
            .export_dir
            .as_deref()
            .map_or("none".into(), |d| d.display().to_string());
        format!(
            "{}: answers not saved ({}): {e}; journal in {}, summaries in {exports}",
            export::time::rfc3339_local(at),
            e.kind(),
            state.display()
        )
    }

    /// After the program ends outside kiosk mode: a session that reached
    /// its summary is saved, whichever way the patient left.
    pub fn finish_on_exit(&mut self, app: &App) -> io::Result<()> {
        if app.finished {
            self.finish(app)?;
        }
        Ok(())
    }

    /// Saves the summary of a finished session and closes its journal, so
    /// that it is never offered to be continued.
    fn finish(&mut self, app: &App) -> io::Result<()> {
        let paths = self.close_and_save(app, "summary")?;
        self.saved.extend(paths);
        self.forget_earlier()
    }

    /// Marks the journal closed, then saves the session's summary as
    /// `kind`: should the write fail and the program end, the session is
    /// still never offered to the next person. (A resumed session with no
    /// new answer has no journal open yet: it is written whole first.)
    fn close_and_save(&mut self, app: &App, kind: &str) -> io::Result<Vec<PathBuf>> {
        let at = (app.clock)();
        let journal = match &mut self.journal {
            Some(j) => j,
            None => self
                .journal
                .insert(Journal::create(self.journal_path()?, &app.session)?),
        };
        journal.append(&journal::Record::Closed { at })?;
        self.save(app, &app.session, kind)
    }

    /// Saves a session's summary in every format in the export directory;
    /// without one, an unfinished session is kept beside the journal instead.
    pub fn save(&self, app: &App, session: &Session, kind: &str) -> io::Result<Vec<PathBuf>> {
        let now = (app.clock)();
        let Some(dir) = &self.export_dir else {
            if kind == "unfinished" {
                let path = self
                    .journal_path()?
                    .with_file_name(format!("unfinished-{}.ron", export::time::compact(now)));
                export::write_private(&path, session.to_ron().as_bytes(), false)
                    .map_err(io::Error::from)?;
                return Ok(vec![path]);
            }
            return Ok(Vec::new());
        };
        // Made again if staff moved or removed it since the start.
        if !dir.exists() {
            export::private_dir(dir).map_err(io::Error::from)?;
        }
        let canonical = app.kiosk.as_ref().map(crate::kiosk::KioskConfig::canonical);
        let clinic = app.clinic();
        let mut summary = Summary::new(&app.questionnaire, session, app.rules(), app.content, now)
            .with_canonical(canonical.unwrap_or_default());
        if let Some(c) = &clinic {
            summary = summary.for_clinic(&c.questionnaire, &c.rules, c.content);
        }
        let mut paths = Vec::new();
        let mut bundle = None;
        for format in Format::ALL {
            let name = export::file_name(now, format).replacen("summary", kind, 1);
            let path = unique(dir.join(name));
            let text = format.render(&summary);
            export::write_private(&path, text.as_bytes(), false).map_err(io::Error::from)?;
            if format.name == "fhir" {
                bundle = Some((path.clone(), text));
            }
            paths.push(path);
        }
        if let Some((path, text)) = bundle {
            self.queue(&path, &text, now);
        }
        Ok(paths)
    }

    /// Queues a summary's Bundle for the FHIR server, if the kiosk has one.
    /// The summary is saved already: a state directory that refuses the
    /// copy is told in the staff log, and staff can `intake send` the file.
    fn queue(&self, path: &Path, bundle: &str, now: u64) {
        let Some((outbox, sender)) = &self.outbox else {
            return;
        };
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        match outbox.put(&name, bundle.as_bytes(), now) {
            Ok(_) => sender.wake(),
            Err(e) => self.staff_log(&format!(
                "{}: {name} not queued for the FHIR server ({e}); send it with intake send",
                export::time::rfc3339_local(now)
            )),
        }
    }

    /// At a kiosk with an `on_emergency` command: runs it, without waiting
    /// (the patient's screen must not stall), with no terminal and none of
    /// the patient's answers. A command that cannot start is logged for staff.
    fn call_staff(&mut self, app: &App, level: Level) {
        let Some(k) = &app.kiosk else { return };
        if level != Level::Emergency {
            return;
        }
        let Some([program, args @ ..]) = k.on_emergency.as_deref() else {
            self.staff_log(&format!(
                "{}: an emergency warning sign was answered",
                export::time::rfc3339_local((app.clock)())
            ));
            return;
        };
        // Only what the command needs: nothing of the patient's, nor of
        // the kiosk's own environment.
        let spawned = std::process::Command::new(program)
            .args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("INTAKE_KIOSK_ID", &k.kiosk_id)
            .env("INTAKE_ALERT_LEVEL", "emergency")
            .env(
                "INTAKE_ALERT_TIME",
                export::time::rfc3339_local((app.clock)()),
            )
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn();
        match spawned {
            // Reaped on its own thread, so it never lingers as a zombie.
            Ok(mut child) => {
                self.staff_log(&format!(
                    "{}: an emergency warning sign was answered; on_emergency started",
                    export::time::rfc3339_local((app.clock)())
                ));
                std::thread::spawn(move || child.wait());
            }
            Err(e) => self.staff_log(&format!(
                "{}: on_emergency could not start: {e}",
                export::time::rfc3339_local((app.clock)())
            )),
        }
    }

    /// Appends a line for staff to `staff.log` beside the journal: events
    /// only, never a patient's answer or a PIN. Best effort: a log that
    /// cannot be written must not stop the kiosk or alarm the patient.
    pub fn staff_log(&self, line: &str) {
        if let Ok(path) = self.journal_path() {
            let _ = append_line(&path.with_file_name("staff.log"), line);
        }
    }
}

/// What to tell of a write that failed.
fn failure_words(app: &App, e: &io::Error) -> String {
    let text = app.content.text;
    if app.practice.is_some() {
        return fill(&text.practice.not_saved, &[("error", &e.to_string())]);
    }
    let words = &text.screen.notices;
    let what = if app.kiosk.is_some() {
        &words.tell_staff
    } else {
        &words.check_disk
    };
    let why = plain(e.kind(), words);
    fill(&words.not_saved, &[("why", &why), ("what", what)])
}

/// Why a file could not be written, in words for a patient or a clerk; a
/// rarer reason is named, for the staff they are asked to call.
fn plain(kind: io::ErrorKind, words: &NoticeWords) -> String {
    match kind {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => words.disk_full.clone(),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            words.not_writable.clone()
        }
        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory => words.folder_missing.clone(),
        other => fill(&words.other_failure, &[("error", &other.to_string())]),
    }
}

/// Adds `line` to the staff log of the state directory `state_dir`, for a
/// part of the program that has no Host (the FHIR sender's thread).
pub fn staff_log_in(state_dir: &Path, line: &str) {
    let _ = append_line(&state_dir.join("staff.log"), line);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answer;
    use crate::journal::Record;
    use crate::tui::app::Notice;

    fn app() -> App {
        let q = crate::content::questionnaire();
        let session = Session::new(&q, 1);
        let theme = crate::tui::theme::Theme::mono();
        App::new(q, session, theme, ratatui::layout::Rect::new(0, 0, 80, 24))
    }

    fn state(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("intake-host-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        d
    }

    fn notice(app: &App) -> String {
        match &app.notice {
            Some(Notice::Error(text)) => text.clone(),
            other => panic!("no error notice: {other:?}"),
        }
    }

    #[test]
    fn a_full_disk_is_told_in_plain_words() {
        let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
            return; // No /dev/full here: nothing to simulate the disk with.
        };
        let d = state("full");
        let mut host = Host::new(&d, None).unwrap();
        host.journal = Some(Journal::on_file(full, Path::new("/dev/full")));
        let mut app = app();
        app.effects.push(Effect::Journal(Record::Clear {
            id: "age".into(),
            at: 2,
        }));
        assert!(!host.apply_or_report(&mut app));
        assert!(
            notice(&app).contains("(the disk is full)"),
            "{}",
            notice(&app)
        );
        // Staff are told which write failed, and where.
        let log = std::fs::read_to_string(d.join("staff.log")).unwrap();
        let want = "answers not saved (no storage space): No space left on device";
        assert!(log.contains(want), "{log}");
        let want = format!("journal in {}, summaries in none", d.display());
        assert!(log.contains(&want), "{log}");
        std::fs::remove_dir_all(d).unwrap();
    }

    /// A host in a fresh state folder whose journal's fsync fails
    /// (/dev/null takes writes, but not fsync), and an app.
    fn unsyncable(name: &str) -> (PathBuf, Host, App) {
        let d = state(name);
        let mut host = Host::new(&d, None).unwrap();
        let null = std::fs::OpenOptions::new().write(true).open("/dev/null");
        host.journal = Some(Journal::on_file(null.unwrap(), Path::new("/dev/null")));
        (d, host, app())
    }

    fn answer_held(host: &mut Host, app: &mut App) {
        app.session
            .set(&app.questionnaire, "age", Answer::Number(40.0))
            .unwrap();
        app.effects.push(Effect::Journal(Record::Set {
            id: "age".into(),
            answer: Answer::Number(40.0),
            at: 2,
        }));
        host.sync_later = true;
        assert!(!host.apply_or_report(app));
        host.sync_later = false;
    }

    #[test]
    fn a_failed_fsync_writes_the_journal_again_whole() {
        let (d, mut host, mut app) = unsyncable("fsync");
        answer_held(&mut host, &mut app);
        host.sync_held(&mut app).unwrap();
        // Nothing to tell on screen: the answers are on disk after all.
        assert_eq!(app.notice, None);
        let journal = std::fs::read_to_string(d.join("session.journal")).unwrap();
        assert!(journal.contains("answer:Number(40.0)"), "{journal}");
        let log = std::fs::read_to_string(d.join("staff.log")).unwrap();
        assert!(log.contains("answers not saved"), "{log}");
        std::fs::remove_dir_all(d).unwrap();
    }

    #[test]
    fn an_answer_that_cannot_reach_the_disk_at_the_end_is_an_error() {
        let (d, mut host, mut app) = unsyncable("settle");
        answer_held(&mut host, &mut app);
        // The journal cannot be written again either: its place is taken.
        std::fs::create_dir(d.join("session.journal")).unwrap();
        assert!(host.sync_held(&mut app).is_err());
        notice(&app);
        // The loop ends with no change after: the end tries once more, and
        // keeps the failure for the caller, since no frame is left to tell it.
        host.settle(&mut app);
        assert!(host.unsettled.take().is_some());
        std::fs::remove_dir(d.join("session.journal")).unwrap();
        host.settle(&mut app);
        assert!(host.unsettled.is_none());
        let journal = std::fs::read_to_string(d.join("session.journal")).unwrap();
        assert!(journal.contains("answer:Number(40.0)"), "{journal}");
        std::fs::remove_dir_all(d).unwrap();
    }

    #[test]
    fn a_journal_that_failed_to_sync_a_record_is_written_again_at_the_next() {
        let (d, mut host, mut app) = unsyncable("append");
        // Each written and synced at once (a move to another screen): the
        // first fails, the second starts the journal afresh from the session.
        for (age, fails) in [(50.0, true), (40.0, false)] {
            let answer = Answer::Number(age);
            app.session
                .set(&app.questionnaire, "age", answer.clone())
                .unwrap();
            let id = "age".to_string();
            app.effects
                .push(Effect::Journal(Record::Set { id, answer, at: 2 }));
            app.notice = None;
            assert!(!host.apply_or_report(&mut app));
            assert_eq!(app.notice.is_some(), fails);
        }
        let journal = std::fs::read_to_string(d.join("session.journal")).unwrap();
        assert!(journal.contains("answer:Number(40.0)"), "{journal}");
        std::fs::remove_dir_all(d).unwrap();
    }

    #[test]
    fn a_failed_summary_keeps_the_kind_of_its_error() {
        let d = state("kind");
        let exports = d.join("exports");
        let host = Host::new(&d.join("state"), Some(exports.clone())).unwrap();
        // The export folder is gone, a file in its place.
        std::fs::remove_dir(&exports).unwrap();
        std::fs::write(&exports, "").unwrap();
        let app = app();
        let e = host.save(&app, &app.session, "summary").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::NotADirectory);
        let words = &app.content.text.screen.notices;
        assert_eq!(plain(e.kind(), words), "the folder is missing");
        assert_eq!(
            plain(io::ErrorKind::IsADirectory, words),
            "the file could not be written: is a directory"
        );
        std::fs::remove_dir_all(d).unwrap();
    }
}
