//! The questionnaire on the terminal (`intake` with no command). The files a
//! user gave are read and checked before the screen changes, so their errors
//! print plainly; the built-in questionnaire is checked by the tests and
//! loads while the terminal is set up.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Loaded, Sources};
use crate::answers::Session;
use crate::journal::Replayed;
use crate::kiosk::{FhirServerConfig, KioskConfig};
use crate::outbox::{self, Outbox, Waker};
use crate::tui::keymap::{self, Keymap};
use crate::tui::{self, caps::Caps, theme::Theme};
use crate::{content, export};

/// The run's options, as given on the command line.
#[derive(Debug)]
pub struct Options {
    pub sources: Sources,
    /// Every screen shows the interviewer's wording and why it is asked.
    pub interviewer: bool,
    pub high_contrast: bool,
    /// A keymap file to read the keys from instead of the built-in one.
    pub keymap: Option<PathBuf>,
    pub export_dir: Option<PathBuf>,
    /// A kiosk configuration file; it names its own state and export dirs.
    pub kiosk: Option<PathBuf>,
    pub state_dir: Option<PathBuf>,
    /// The language to start in (`--lang`, or INTAKE_LANG).
    pub language: Option<String>,
    /// Plain lines for a screen reader or braille display (`--linear`).
    pub linear: bool,
}

pub fn run(opts: &Options) -> Result<ExitCode, String> {
    // Lines need no terminal: they work through a pipe too.
    if opts.linear {
        return launch_linear(Setup::check(opts)?);
    }
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(
            "intake: the questionnaire needs a terminal to run in (see --help for other commands)"
                .into(),
        );
    }
    launch(Setup::check(opts)?)
}

/// What the screen starts with, every file of the user's read and checked.
struct Setup {
    kiosk: Option<KioskConfig>,
    /// The user's questionnaire and rules; `None` for the built-in ones.
    /// Only its head while `whole` is still being read and checked.
    external: Option<Loaded>,
    whole: Option<Whole>,
    state_dir: PathBuf,
    export_dir: PathBuf,
    interviewer: bool,
    high_contrast: bool,
    keymap: Option<Keymap>,
    caps: Caps,
    /// The languages the welcome screen offers, the first to start in;
    /// none for a user's questionnaire.
    languages: Vec<String>,
}

impl Setup {
    fn check(opts: &Options) -> Result<Setup, String> {
        let kiosk = match &opts.kiosk {
            Some(p) => Some(read_kiosk(p)?),
            None => None,
        };
        let keymap = match &opts.keymap {
            Some(p) => Some(read_keymap(p)?),
            None => None,
        };
        // On the screen, the welcome is drawn from a user's questionnaire's
        // head while a thread reads and checks the whole (a kiosk's resume
        // check needs the whole first).
        let (external, whole) = match &opts.sources.questionnaire {
            Some(p) if kiosk.is_none() && !opts.linear => read_head(&opts.sources, p)?,
            Some(_) => (Some(opts.sources.load()?), None),
            None => (None, None),
        };
        // A kiosk's resume check must name a question of the questionnaire
        // it runs.
        if let Some((name, source, k)) = &kiosk {
            let checked = match &external {
                Some((q, _)) => k.check_against(name, source, q),
                None => k.check_against(name, source, &content::questionnaire()),
            };
            checked.map_err(|e| e.to_string())?;
        }
        let kiosk = kiosk.map(|(_, _, k)| k);
        let languages = offered(opts, kiosk.as_ref())?;
        let (state_dir, export_dir) = match &kiosk {
            Some(k) => (k.state_dir.clone(), k.export_dir.clone()),
            None => (
                opts.state_dir
                    .clone()
                    .unwrap_or_else(super::default_state_dir),
                opts.export_dir.clone().unwrap_or_else(default_export_dir),
            ),
        };
        Ok(Setup {
            kiosk,
            external,
            whole,
            state_dir,
            export_dir,
            interviewer: opts.interviewer,
            high_contrast: opts.high_contrast,
            keymap,
            caps: Caps::from_env()?,
            languages,
        })
    }

    /// The app the screen starts with, given what an earlier run left
    /// (none while the whole questionnaire is read: `complete` gives it).
    fn app(self, earlier: Option<Replayed>) -> tui::App {
        // The built-in rules are read when first needed (the summary), not
        // before the first frame.
        let (q, rules) = self
            .external
            .unwrap_or_else(|| (content::questionnaire(), None));
        let now = export::time::now();
        let session = Session::start(&q, now);
        let theme = Theme::from_env(self.high_contrast);
        let mut app = tui::App::new(q, session, theme, tui::DEFAULT_AREA).with_caps(self.caps);
        if let Some(rules) = rules {
            app = app.with_rules(rules);
        }
        if let Some(keymap) = self.keymap {
            app = app.with_keymap(keymap);
        }
        app = app.with_languages(self.languages);
        app.interviewer = self.interviewer;
        app.saves_to = Some(self.export_dir.display().to_string());
        if let Some(k) = self.kiosk {
            app = app.with_kiosk(k);
        }
        welcome_earlier(&mut app, earlier, now);
        app
    }
}

/// A user's questionnaire and rules, parsed and checked on a thread.
type Whole = std::thread::JoinHandle<Result<Loaded, String>>;

/// The head of a user's questionnaire, for the welcome screen, and the
/// thread that parses and checks the whole of the text read here; the
/// whole now when the head cannot be read on its own.
fn read_head(
    sources: &super::Sources,
    path: &Path,
) -> Result<(Option<Loaded>, Option<Whole>), String> {
    let source = crate::questionnaire::read_source(path).map_err(|e| e.to_string())?;
    let Some(head) = crate::questionnaire::head(&source) else {
        return Ok((Some(sources.load_from(path, &source)?), None));
    };
    // The thread parses the text read here: the file is read once, so a
    // pipe works and a file saved meanwhile cannot mix two versions.
    let (sources, path) = (sources.clone(), path.to_path_buf());
    Ok((
        Some((head, None)),
        Some(std::thread::spawn(move || {
            sources.load_from(&path, &source)
        })),
    ))
}

/// The whole questionnaire in place of its head, or its errors, which end
/// the program before the patient can go past the welcome screen.
fn complete(whole: Whole, earlier: Option<Replayed>) -> tui::Then {
    Box::new(move |app: &mut tui::App| {
        let (q, rules) = whole
            .join()
            .map_err(|_| "intake: the questionnaire could not be loaded".to_string())??;
        app.load(q, rules);
        welcome_earlier(app, earlier, export::time::now());
        Ok(())
    })
}

/// What an earlier run left: a session its patient was done with is for
/// staff only; another may be offered.
fn welcome_earlier(app: &mut tui::App, earlier: Option<Replayed>, now: u64) {
    match earlier {
        Some(e) if e.closed => app.set_aside(e.session),
        Some(e) => app.consider_earlier(e.session, now),
        None => {}
    }
}

/// The languages to offer: a kiosk's, or every built-in one, with the one
/// asked for first. A user's questionnaire comes in its own language only.
fn offered(opts: &Options, kiosk: Option<&KioskConfig>) -> Result<Vec<String>, String> {
    let mut offered: Vec<String> = match kiosk {
        Some(k) => k.languages.clone(),
        None => crate::languages::all().map(String::from).collect(),
    };
    let Some(asked) = &opts.language else {
        return Ok(if opts.sources.builtin() {
            offered
        } else {
            Vec::new()
        });
    };
    if !opts.sources.builtin() {
        return Err(format!(
            "intake: --lang {asked}: languages come with the built-in questionnaire and rules only"
        ));
    }
    let Some(at) = offered.iter().position(|l| l == asked) else {
        return Err(format!(
            "intake: --lang {asked}: not offered here; the languages are {}",
            offered.join(", ")
        ));
    };
    let first = offered.remove(at);
    offered.insert(0, first);
    Ok(offered)
}

/// A kiosk configuration with its name and source, for the check against
/// the questionnaire.
fn read_kiosk(path: &Path) -> Result<(String, String, KioskConfig), String> {
    let name = path.display().to_string();
    let source = std::fs::read_to_string(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
    let k = KioskConfig::parse(&name, &source).map_err(|e| e.to_string())?;
    Ok((name, source, k))
}

/// A user's keymap, checked like `intake validate` checks it. At a kiosk
/// too: no key leaves one without the PIN, whatever it is bound to.
pub(super) fn read_keymap(path: &Path) -> Result<Keymap, String> {
    let name = path.display().to_string();
    let source = std::fs::read_to_string(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
    keymap::parse_keymap(&name, &source).map_err(|e| e.to_string())
}

/// Runs the screen; afterwards a session that reached its summary is saved
/// and every file written is named on standard output.
fn launch(mut setup: Setup) -> Result<ExitCode, String> {
    let (mut host, mut earlier) = host(&setup)?;
    let then = setup.whole.take().map(|w| complete(w, earlier.take()));
    let is_kiosk = setup.kiosk.is_some();
    // Read-aloud where the computer can speak; without, nothing changes.
    let speaker = tui::speech::Speaker::find();
    let speech = speaker.is_some();
    if let Some(s) = speaker {
        host = host.with_speaker(s);
    }
    let loading = then.is_some();
    let make = move || {
        let mut app = setup.app(earlier);
        app.loading = loading;
        app.speech = speech;
        app
    };
    let (mut app, exit) = tui::run_then(make, then, &mut host, is_kiosk).map_err(|e| {
        match e.get_ref().and_then(|e| e.downcast_ref::<tui::Refused>()) {
            Some(refused) => refused.0.clone(),
            None => format!("intake: {e}"),
        }
    })?;
    // The patient chose plain lines at the welcome screen: the same session
    // goes on, the screen restored.
    if app.take_linear() {
        crate::linear::run::run(app, &mut host).map_err(|e| format!("intake: {e}"))?;
        tell_saved(&host);
        return settled(&mut host).map(|()| ExitCode::SUCCESS);
    }
    host.finish_on_exit(&app)
        .map_err(|e| format!("intake: {e}"))?;
    tell_saved(&host);
    settled(&mut host).map(|()| super::exit_status(exit))
}

/// A write that failed as the screen ended, told now that the terminal is
/// restored and the session saved, with a failing exit.
fn settled(host: &mut tui::Host) -> Result<(), String> {
    match host.unsettled.take() {
        Some(e) => Err(format!("intake: the last answers may not be saved: {e}")),
        None => Ok(()),
    }
}

/// Runs linear mode: the same app, host and files as the screen.
fn launch_linear(setup: Setup) -> Result<ExitCode, String> {
    let (mut host, earlier) = host(&setup)?;
    let app = setup.app(earlier);
    crate::linear::run::run(app, &mut host).map_err(|e| format!("intake: {e}"))?;
    tell_saved(&host);
    Ok(ExitCode::SUCCESS)
}

fn tell_saved(host: &tui::Host) {
    // Not println!: it panics when the terminal has gone (a hang-up).
    for path in &host.saved {
        let _ = writeln!(std::io::stdout(), "saved {}", path.display());
    }
}

/// The host of the state directory (with the kiosk's outbox), and what an
/// earlier run left in it.
fn host(setup: &Setup) -> Result<(tui::Host, Option<Replayed>), String> {
    let state = setup.state_dir.display().to_string();
    let mut host = tui::Host::new(&setup.state_dir, Some(setup.export_dir.clone()))
        .map_err(|e| format!("intake: {state}: {e}"))?;
    if let Some(k) = &setup.kiosk
        && let Some(server) = &k.fhir_server
    {
        host = host.with_outbox(open_outbox(&k.outbox_dir())?, start_sender(k, server)?);
    }
    let earlier = host
        .earlier()
        .map_err(|e| format!("intake: {state}: {e}"))?;
    // Before the screen, so it is still there when the screen is gone.
    if let Some(damage) = earlier.as_ref().and_then(Replayed::damage) {
        super::report(&format!("intake: {state}: {damage}"));
    }
    Ok((host, earlier))
}

fn open_outbox(dir: &Path) -> Result<Outbox, String> {
    Outbox::open(dir).map_err(|e| format!("intake: {}: {e}", dir.display()))
}

/// The kiosk's sender, delivering from the outbox in the background for as
/// long as the program runs; it starts with whatever an earlier run left.
/// Bundles that wait are told in the staff log.
fn start_sender(k: &KioskConfig, server: &FhirServerConfig) -> Result<Waker, String> {
    let server = server
        .server()
        .map_err(|e| format!("intake: fhir_server: {e}"))?;
    let state = k.state_dir.clone();
    let log = Box::new(move |line: &str| tui::host::staff_log_in(&state, line));
    outbox::spawn(
        open_outbox(&k.outbox_dir())?,
        Box::new(server),
        export::time::now,
        log,
    )
    .map_err(|e| format!("intake: cannot start the FHIR sender: {e}"))
}

/// Where finished summaries go when no --export-dir is given, so that
/// plain use always leaves one.
fn default_export_dir() -> PathBuf {
    super::data_dir("summaries")
}
