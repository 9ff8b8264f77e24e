//! The `intake` command line: argument parsing and error reporting only; the
//! work is done by the library.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use intake::answers::Session;
use intake::export::{self, Format, Summary};
use intake::findings::{self, Rules};
use intake::questionnaire::{self, Questionnaire};
use intake::tui::{self, theme::Theme};
use intake::{check, content};
use zeroize::Zeroizing;

/// Freed memory is wiped, so nothing of one patient outlives their session.
#[global_allocator]
static ALLOCATOR: intake::memory::Wiping = intake::memory::Wiping;

#[derive(Parser)]
#[command(
    name = "intake",
    version,
    about = "A terminal intake questionnaire for back pain with leg weakness",
    long_about = "Walks a patient through an intake questionnaire for back pain with leg or arm \
                  symptoms (radiculopathy, sciatica), one screen at a time, and ends with a summary \
                  to bring to the doctor. It never gives a diagnosis.\n\n\
                  Run without a command to start the questionnaire."
)]
struct Cli {
    /// Questionnaire file to use instead of the built-in back-pain intake.
    #[arg(long, short, value_name = "FILE", global = true)]
    questionnaire: Option<PathBuf>,

    /// Findings rules for the questionnaire (built in for the back-pain intake).
    #[arg(long, value_name = "FILE", global = true)]
    rules: Option<PathBuf>,

    /// For a clinician who asks aloud and types the answers: every screen
    /// shows the interviewer's wording and why the question is asked.
    #[arg(long)]
    interviewer: bool,

    /// Start with the high-contrast colours (F2 switches at any time).
    #[arg(long)]
    high_contrast: bool,

    /// Save the summary (Markdown, JSON and FHIR) in this directory when the
    /// patient finishes. The directory is created readable by its owner only.
    #[arg(long, value_name = "DIR")]
    export_dir: Option<PathBuf>,

    /// Run as an unattended kiosk with this configuration file (RON).
    #[arg(long, value_name = "CONFIG")]
    kiosk: Option<PathBuf>,

    /// Where the autosave journal lives (default: $XDG_STATE_HOME/intake,
    /// or ~/.local/state/intake). Created readable by its owner only.
    #[arg(long, value_name = "DIR")]
    state_dir: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Md,
    Json,
    Fhir,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Md => Format::Markdown,
            FormatArg::Json => Format::Json,
            FormatArg::Fhir => Format::Fhir,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Check questionnaires, findings rules, practice cases and kiosk
    /// configurations; every problem is reported
    /// as path:line:col, and the exit status is 1 if any file is invalid.
    Validate {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Render a saved session as a summary, without the terminal screens.
    Summarize {
        /// The saved session (RON), or an autosave journal.
        #[arg(long, value_name = "FILE")]
        answers: PathBuf,
        #[arg(long, value_enum, default_value = "md")]
        format: FormatArg,
        /// Write here (mode 0600) instead of to standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Practise the intake interview on a standardized patient case.
    Practice {
        /// The case (RON); a random one of cases/ when not given.
        #[arg(long, value_name = "FILE")]
        case: Option<PathBuf>,
        /// Where to look for cases when none is given.
        #[arg(long, value_name = "DIR", default_value = "cases")]
        cases: PathBuf,
        /// Record each answer yourself on the questionnaire's screens (by
        /// default asking a question records the patient's answer).
        #[arg(long)]
        record: bool,
    },
    /// Read a staff PIN from standard input and print its Argon2 hash for the
    /// kiosk configuration's staff_pin_hash.
    HashPin,
    /// Write the questionnaire as a FHIR R4 Questionnaire resource.
    ExportQuestionnaire {
        #[arg(long, value_enum, default_value = "fhir")]
        format: QuestionnaireFormat,
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[arg(long)]
        force: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum QuestionnaireFormat {
    Fhir,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Validate { ref files }) => return validate(files),
        Some(Command::Summarize {
            ref answers,
            format,
            ref output,
            force,
        }) => summarize(&cli, answers, format.into(), output.as_deref(), force),
        Some(Command::ExportQuestionnaire {
            ref output, force, ..
        }) => load(&cli).and_then(|(q, _)| {
            let mut text = serde_json::to_string_pretty(&export::fhir::questionnaire(&q))
                .expect("JSON serializes");
            text.push('\n');
            emit(&text, output.as_deref(), force)
        }),
        Some(Command::HashPin) => hash_pin(),
        Some(Command::Practice {
            ref case,
            ref cases,
            record,
        }) => return practice(&cli, case.as_deref(), cases, record),
        None => return run(&cli),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            report(e.trim_end());
            ExitCode::FAILURE
        }
    }
}

/// Prints a message on standard error. Never panics: when the terminal has
/// gone away there is no one to tell, and the exit status says enough.
fn report(message: &str) {
    let _ = writeln!(std::io::stderr(), "{message}");
}

fn practice(cli: &Cli, case: Option<&Path>, cases: &Path, record: bool) -> ExitCode {
    let run = || -> Result<ExitCode, String> {
        let (q, rules) = load(cli)?;
        let rules = rules.unwrap_or_else(|| Rules::none(&q));
        let path = match case {
            Some(p) => p.to_path_buf(),
            None => {
                let mut all: Vec<PathBuf> = std::fs::read_dir(cases)
                    .map_err(|e| format!("{}: {e}", cases.display()))?
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                    .collect();
                all.sort();
                if all.is_empty() {
                    return Err(format!(
                        "{}: no cases (*.ron) here; give one with --case",
                        cases.display()
                    ));
                }
                // Any case will do; the clock's nanoseconds are random enough.
                let nanos = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.subsec_nanos());
                all.swap_remove(nanos as usize % all.len())
            }
        };
        let name = path.display().to_string();
        let source =
            std::fs::read_to_string(&path).map_err(|e| format!("{name}: cannot read: {e}"))?;
        let case = intake::practice::Case::parse(&name, &source, &q).map_err(|e| e.to_string())?;
        if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
            return Err("intake: practice needs a terminal to run in".into());
        }
        let theme = Theme::from_env(cli.high_contrast);
        let make = move || tui::App::practice(q, rules, case, record, theme, tui::DEFAULT_AREA);
        // Debriefs the trainee saves go in the current directory.
        let mut host = tui::Host::practice(PathBuf::from("."));
        let (_, exit) = tui::run(make, &mut host, false).map_err(|e| format!("intake: {e}"))?;
        Ok(match exit {
            tui::Exit::Done => ExitCode::SUCCESS,
            tui::Exit::Signal(sig) => ExitCode::from(128 + sig as u8),
        })
    };
    run().unwrap_or_else(|e| {
        report(e.trim_end());
        ExitCode::FAILURE
    })
}

/// Prints the Argon2 hash of a PIN. At a terminal the PIN is asked twice and
/// never echoed; from a pipe one line is read. Either way it stays out of the
/// shell's history.
fn hash_pin() -> Result<(), String> {
    let pin = if std::io::stdin().is_terminal() {
        let pin = read_hidden("Staff PIN: ")?;
        if *read_hidden("The same PIN again: ")? != *pin {
            return Err("intake: the two PINs differ; nothing was hashed".into());
        }
        pin
    } else {
        read_pin_line()?
    };
    if let Some(rule) = intake::kiosk::pin_problem(&pin) {
        return Err(format!("intake: {rule}"));
    }
    println!("{}", intake::kiosk::hash_pin(&pin));
    Ok(())
}

/// One line of standard input without its line ending, zeroed when dropped.
fn read_pin_line() -> Result<Zeroizing<String>, String> {
    // Room enough that reading never moves the PIN and leaves a copy behind.
    let mut line = Zeroizing::new(String::with_capacity(256));
    std::io::stdin()
        .read_line(&mut line)
        .map_err(|e| format!("intake: cannot read the PIN: {e}"))?;
    while line.ends_with(['\r', '\n']) {
        line.pop();
    }
    Ok(line)
}

/// Asks for a line at the terminal on standard input with echo off (the
/// Enter still shows, so the next prompt starts on a new line).
fn read_hidden(prompt: &str) -> Result<Zeroizing<String>, String> {
    let fd = libc::STDIN_FILENO;
    let mut saved = std::mem::MaybeUninit::<libc::termios>::uninit();
    // SAFETY: tcgetattr writes a whole termios when it returns 0.
    if unsafe { libc::tcgetattr(fd, saved.as_mut_ptr()) } != 0 {
        return Err(format!("intake: {}", std::io::Error::last_os_error()));
    }
    // SAFETY: initialised by the successful tcgetattr above.
    let saved = unsafe { saved.assume_init() };
    let mut quiet = saved;
    quiet.c_lflag &= !libc::ECHO;
    quiet.c_lflag |= libc::ECHONL;
    // Echo goes off before the prompt shows, so nothing typed after it is
    // ever echoed; TCSANOW, so nothing typed ahead is thrown away.
    // SAFETY: a valid termios for the terminal it came from.
    unsafe { libc::tcsetattr(fd, libc::TCSANOW, &quiet) };
    eprint!("{prompt}");
    let line = read_pin_line();
    // SAFETY: as above; echo comes back whatever the read gave.
    unsafe { libc::tcsetattr(fd, libc::TCSANOW, &saved) };
    line
}

/// Where finished summaries go when no --export-dir is given, so that
/// plain use always leaves one.
fn default_export_dir() -> PathBuf {
    match (std::env::var_os("XDG_DATA_HOME"), std::env::var_os("HOME")) {
        (Some(x), _) if !x.is_empty() => PathBuf::from(x).join("intake/summaries"),
        (_, Some(h)) if !h.is_empty() => PathBuf::from(h).join(".local/share/intake/summaries"),
        _ => PathBuf::from("intake-summaries"),
    }
}

fn default_state_dir() -> PathBuf {
    match (std::env::var_os("XDG_STATE_HOME"), std::env::var_os("HOME")) {
        (Some(x), _) if !x.is_empty() => PathBuf::from(x).join("intake"),
        (_, Some(h)) if !h.is_empty() => PathBuf::from(h).join(".local/state/intake"),
        _ => PathBuf::from(".intake-state"),
    }
}

fn validate(files: &[PathBuf]) -> ExitCode {
    let mut failed = false;
    for path in files {
        match check::check_file(path) {
            Ok(line) => println!("{line}"),
            Err(e) => {
                failed = true;
                report(&e.to_string());
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The questionnaire and its findings rules, from the options or built in.
fn load(cli: &Cli) -> Result<(Questionnaire, Option<Rules>), String> {
    let q = match &cli.questionnaire {
        Some(p) => questionnaire::load_file(p).map_err(|e| e.to_string())?,
        None => content::questionnaire(),
    };
    let rules = match &cli.rules {
        Some(p) => {
            let name = p.display().to_string();
            let source = questionnaire::read_source(p).map_err(|e| e.to_string())?;
            Some(findings::parse_rules(&name, &source, &q).map_err(|e| e.to_string())?)
        }
        None => content::rules_for(&q),
    };
    Ok((q, rules))
}

fn summarize(
    cli: &Cli,
    answers: &Path,
    format: Format,
    output: Option<&Path>,
    force: bool,
) -> Result<(), String> {
    let (q, rules) = load(cli)?;
    let name = answers.display().to_string();
    let bytes = std::fs::read(answers).map_err(|e| format!("{name}: cannot read: {e}"))?;
    // An autosave journal (lines of "<crc> <record>") reads as a restart
    // would resume it; an empty file is told as an empty journal.
    let session = if intake::journal::looks_like(&bytes) || bytes.trim_ascii().is_empty() {
        let (session, warnings) = intake::journal::for_summary(&name, &bytes, &q)?;
        for w in warnings {
            report(&w.to_string());
        }
        session
    } else {
        let source = questionnaire::source_text(&name, bytes.clone()).map_err(|e| e.to_string())?;
        Session::from_ron(&name, &source).map_err(|e| e.to_string())?
    };
    let source = String::from_utf8_lossy(&bytes);
    let problems = session.problems(&q, &name, &source);
    if !problems.0.is_empty() {
        return Err(problems.to_string());
    }
    let rules = rules.unwrap_or_else(|| Rules::none(&q));
    let summary = Summary::new(&q, &session, &rules, session.updated.max(session.started));
    emit(&format.render(&summary), output, force)
}

/// Writes to a file (atomically, 0600, never over an existing one unless
/// forced) or to standard output.
fn emit(text: &str, output: Option<&Path>, force: bool) -> Result<(), String> {
    match output {
        Some(p) if p != Path::new("-") => {
            export::write_private(p, text.as_bytes(), force).map_err(|e| e.to_string())
        }
        _ => std::io::stdout()
            .write_all(text.as_bytes())
            .map_err(|e| e.to_string()),
    }
}

fn run(cli: &Cli) -> ExitCode {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        report(
            "intake: the questionnaire needs a terminal to run in (see --help for other commands)",
        );
        return ExitCode::FAILURE;
    }
    match start(cli) {
        Ok(code) => code,
        Err(e) => {
            report(e.trim_end());
            ExitCode::FAILURE
        }
    }
}

fn start(cli: &Cli) -> Result<ExitCode, String> {
    // Files of the user's are checked before the screen changes, so their
    // errors print plainly; the built-in questionnaire is checked by the tests
    // and loads while the terminal is set up.
    let kiosk = match &cli.kiosk {
        Some(p) => {
            let name = p.display().to_string();
            let source =
                std::fs::read_to_string(p).map_err(|e| format!("{name}: cannot read: {e}"))?;
            Some(intake::kiosk::KioskConfig::parse(&name, &source).map_err(|e| e.to_string())?)
        }
        None => None,
    };
    let external = match &cli.questionnaire {
        Some(_) => Some(load(cli)?),
        None => None,
    };
    // A kiosk's resume check must name a question of the questionnaire it
    // runs: said now, before the screen changes.
    if let (Some(k), Some(p)) = (&kiosk, &cli.kiosk) {
        let name = p.display().to_string();
        let source = std::fs::read_to_string(p).map_err(|e| format!("{name}: cannot read: {e}"))?;
        let checked = match &external {
            Some((q, _)) => k.check_against(&name, &source, q),
            None => k.check_against(&name, &source, &content::questionnaire()),
        };
        checked.map_err(|e| e.to_string())?;
    }
    let (state_dir, export_dir) = match &kiosk {
        Some(k) => (k.state_dir.clone(), Some(k.export_dir.clone())),
        None => (
            cli.state_dir.clone().unwrap_or_else(default_state_dir),
            Some(cli.export_dir.clone().unwrap_or_else(default_export_dir)),
        ),
    };
    let mut host = tui::Host::new(&state_dir, export_dir.clone())
        .map_err(|e| format!("intake: {}: {e}", state_dir.display()))?;
    let earlier = host
        .earlier()
        .map_err(|e| format!("intake: {}: {e}", state_dir.display()))?;
    let high_contrast = cli.high_contrast;
    let is_kiosk = kiosk.is_some();
    let saves_to = export_dir.as_ref().map(|d| d.display().to_string());
    let interviewer = cli.interviewer;
    let make = move || {
        // The built-in rules are read when first needed (the summary), not
        // before the first frame.
        let (q, rules) = external.unwrap_or_else(|| (content::questionnaire(), None));
        let now = export::time::now();
        let session = Session::new(&q, now);
        let theme = Theme::from_env(high_contrast);
        let mut app = tui::App::new(q, session, theme, tui::DEFAULT_AREA);
        if let Some(rules) = rules {
            app = app.with_rules(rules);
        }
        app.interviewer = interviewer;
        app.saves_to = saves_to;
        if let Some(k) = kiosk {
            app = app.with_kiosk(k);
        }
        match earlier {
            // A session its patient was done with is for staff only.
            Some(e) if e.closed => app.set_aside(e.session),
            Some(e) => app.consider_earlier(e.session, now),
            None => {}
        }
        app
    };
    let (app, exit) = tui::run(make, &mut host, is_kiosk).map_err(|e| format!("intake: {e}"))?;
    host.finish_on_exit(&app)
        .map_err(|e| format!("intake: {e}"))?;
    // Not println!: it panics when the terminal has gone (a hang-up).
    for path in &host.saved {
        let _ = writeln!(std::io::stdout(), "saved {}", path.display());
    }
    Ok(match exit {
        tui::Exit::Done => ExitCode::SUCCESS,
        tui::Exit::Signal(sig) => ExitCode::from(128 + sig as u8),
    })
}
