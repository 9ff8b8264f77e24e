//! `intake send` and `intake outbox`: staff deliver summaries' FHIR Bundles
//! to the clinic's FHIR server, and see what waits and why. Both use the
//! outbox a kiosk's background sender uses (its configuration says where),
//! or one of their own; `send` takes the outbox's lock while it sends, so
//! the two never send one Bundle at once.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::export::time::{now, rfc3339_local};
use crate::kiosk::{FhirServerConfig, KioskConfig};
use crate::outbox::http::response_identifier;
use crate::outbox::{Delivered, Outbox, Outcome, deliver_due};

/// Where the outbox and the server come from.
#[derive(Debug, Default)]
pub struct Options {
    /// A kiosk configuration: its outbox and `fhir_server`.
    pub kiosk: Option<PathBuf>,
    pub outbox: Option<PathBuf>,
    pub server: Option<String>,
    pub token_file: Option<PathBuf>,
}

impl Options {
    fn kiosk(&self) -> Result<Option<KioskConfig>, String> {
        let Some(path) = &self.kiosk else {
            return Ok(None);
        };
        let name = path.display().to_string();
        let source =
            std::fs::read_to_string(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
        KioskConfig::parse(&name, &source)
            .map(Some)
            .map_err(|e| e.to_string())
    }

    /// The outbox: given, else the kiosk's, else beside the journal.
    fn outbox(&self, kiosk: Option<&KioskConfig>) -> Result<Outbox, String> {
        let dir = match (&self.outbox, kiosk) {
            (Some(d), _) => d.clone(),
            (None, Some(k)) => k.outbox_dir(),
            (None, None) => super::default_state_dir().join("outbox"),
        };
        Outbox::open(&dir).map_err(|e| format!("{}: {e}", dir.display()))
    }

    /// The server: given, else the kiosk's.
    fn server(&self, kiosk: Option<&KioskConfig>) -> Result<FhirServerConfig, String> {
        match (&self.server, kiosk.and_then(|k| k.fhir_server.as_ref())) {
            (Some(url), _) => Ok(FhirServerConfig {
                url: url.clone(),
                token_file: self.token_file.clone(),
            }),
            (None, Some(s)) => Ok(s.clone()),
            (None, None) => Err(
                "no FHIR server: give --server URL, or a --kiosk configuration with fhir_server"
                    .into(),
            ),
        }
    }
}

/// Queues `files` (each checked to be a summary's Bundle first: nothing is
/// queued if one is not), then tries every waiting Bundle now. Exit status
/// 0 when nothing is left waiting.
pub fn send(opts: &Options, files: &[PathBuf]) -> Result<ExitCode, String> {
    let kiosk = opts.kiosk()?;
    let server = opts.server(kiosk.as_ref())?.server()?;
    let outbox = opts.outbox(kiosk.as_ref())?;
    let bundles = files
        .iter()
        .map(|f| read_bundle(f))
        .collect::<Result<Vec<_>, _>>()?;
    for (file, bytes) in files.iter().zip(&bundles) {
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        outbox
            .put(&name, bytes, now())
            .map_err(|e| format!("{}: cannot queue: {e}", outbox.dir().display()))?;
    }
    let io = |e: std::io::Error| format!("{}: {e}", outbox.dir().display());
    let pass = deliver_due(&outbox, &server, now(), true).map_err(io)?;
    for e in &pass.errors {
        super::report(&format!("{}: {e}", outbox.dir().display()));
    }
    let done = pass.done;
    if done.is_empty() && pass.errors.is_empty() && !outbox.waiting().map_err(io)?.is_empty() {
        return Err(format!(
            "{}: another intake is sending from this outbox; try again in a moment",
            outbox.dir().display()
        ));
    }
    for (name, outcome) in &done {
        super::say(&format!("{name}: {}", said(outcome)));
    }
    let left = outbox.waiting().map_err(io)?.len();
    super::say(&format!("{left} waiting"));
    // 75 (EX_TEMPFAIL): queued and to be tried again, not a mistake.
    Ok(if left == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(75)
    })
}

fn said(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Delivered(Delivered::Created) => "sent".into(),
        Outcome::Delivered(Delivered::AlreadyThere) => "already on the server".into(),
        Outcome::Failed(t) => format!(
            "waiting: {}; next try {}",
            t.last_error.as_deref().unwrap_or("failed"),
            rfc3339_local(t.next)
        ),
    }
}

/// A file's bytes, if it is a summary's FHIR Bundle.
fn read_bundle(path: &Path) -> Result<Vec<u8>, String> {
    let name = path.display();
    let bytes = std::fs::read(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
    let Some(id) = response_identifier(&bytes) else {
        return Err(format!(
            "{name}: not a summary's FHIR Bundle (a transaction with an identified QuestionnaireResponse)"
        ));
    };
    // An identifier made of the questionnaire and the second a session
    // started may be another kiosk's too: the server would take this
    // Bundle for one it has, and it would never arrive.
    if !id
        .rsplit('|')
        .next()
        .is_some_and(crate::session_id::is_valid)
    {
        return Err(format!(
            "{name}: saved before sessions had their own ids, so it cannot be told apart from another session on the server; file it by hand"
        ));
    }
    Ok(bytes)
}

/// Lists what waits in the outbox, oldest first, and why.
pub fn list(opts: &Options) -> Result<ExitCode, String> {
    let kiosk = opts.kiosk()?;
    let outbox = opts.outbox(kiosk.as_ref())?;
    let io = |e: std::io::Error| format!("{}: {e}", outbox.dir().display());
    let waiting = outbox.waiting().map_err(io)?;
    let sent = outbox.sent_count().map_err(io)?;
    super::say(&format!(
        "{}: {} waiting, {sent} sent",
        outbox.dir().display(),
        waiting.len()
    ));
    for w in waiting {
        let t = &w.tries;
        let why = t.last_error.as_deref().unwrap_or("not tried yet");
        super::say(&format!(
            "{}  queued {}  tries {}  next {}  {why}",
            w.name,
            rfc3339_local(t.queued),
            t.attempts,
            rfc3339_local(t.next)
        ));
    }
    Ok(ExitCode::SUCCESS)
}
