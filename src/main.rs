//! The `intake` command line: arguments parsed into a command's set-up and
//! dispatched to its body in `intake::cli`; nothing else.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use intake::cli::{self, Output, Sources};
use intake::export::Format;
use intake::export::fhir::Canonical;

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

    /// Read the keys from this keymap file (RON) instead of the built-in
    /// assets/keymap.ron; `intake validate` checks one.
    #[arg(long, value_name = "FILE", global = true)]
    keymap: Option<PathBuf>,

    /// Save the summary (Markdown, JSON, FHIR and a printable HTML page) in
    /// this directory when the patient finishes. The directory is created
    /// readable by its owner only.
    #[arg(long, value_name = "DIR")]
    export_dir: Option<PathBuf>,

    /// Run as an unattended kiosk with this configuration file (RON).
    #[arg(long, value_name = "CONFIG")]
    kiosk: Option<PathBuf>,

    /// Where the autosave journal lives (default: $XDG_STATE_HOME/intake,
    /// or ~/.local/state/intake). Created readable by its owner only.
    #[arg(long, value_name = "DIR")]
    state_dir: Option<PathBuf>,

    /// The language to start in (en, es; default: INTAKE_LANG, else the
    /// first offered); the welcome screen offers the others. A kiosk offers
    /// its configuration's `languages`.
    #[arg(long, value_name = "CODE")]
    lang: Option<String>,
    /// Linear mode for screen readers and braille displays: plain lines,
    /// each question told once, answers typed (also INTAKE_LINEAR=1).
    #[arg(long)]
    linear: bool,

    #[command(subcommand)]
    command: Option<Command>,
}

/// `--format`: the name of one of the exports.
fn format_arg() -> impl TypedValueParser<Value = Format> {
    let names = Format::ALL.map(|f| f.name);
    PossibleValuesParser::new(names).map(|name| Format::named(&name).expect("a listed name"))
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
        #[arg(long, default_value = "md", value_parser = format_arg())]
        format: Format,
        /// Write here (mode 0600) instead of to standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
        /// The base of the FHIR URLs (the Questionnaire's and the code
        /// systems'): a URL the clinic controls.
        #[arg(long, value_name = "URL", value_parser = Canonical::new, default_value = intake::export::fhir::DEFAULT_BASE)]
        fhir_base: Canonical,
        /// The language of the clinician's view (default English); the
        /// patient's view is in the language they answered in.
        #[arg(long, value_name = "CODE")]
        clinic_lang: Option<String>,
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
        /// Show your scores per skill over the sessions saved, and leave.
        #[arg(long)]
        history: bool,
        /// Whose history: each student's sessions are kept apart (letters,
        /// digits, '-' and '_').
        #[arg(long, value_name = "NAME", default_value = "default")]
        student: String,
        /// Where the history is kept (default: $XDG_DATA_HOME/intake/practice,
        /// or ~/.local/share/intake/practice).
        #[arg(long, value_name = "DIR")]
        history_dir: Option<PathBuf>,
    },
    /// Read a staff PIN from standard input and print its Argon2 hash for the
    /// kiosk configuration's staff_pin_hash.
    HashPin,
    /// Deliver summaries' FHIR Bundles to a FHIR server: the files given are
    /// queued in the outbox, then every Bundle waiting there is tried now,
    /// each sent once (exit status 75 if any is left waiting, 1 on a mistake).
    Send {
        /// Summary Bundles (.fhir.json) to queue first.
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
        #[command(flatten)]
        outbox: OutboxArgs,
        /// The server's FHIR base URL (https, or http to this machine only);
        /// default: the kiosk configuration's fhir_server.
        #[arg(long, value_name = "URL")]
        server: Option<String>,
        /// A file holding the server's bearer token, readable by its owner only.
        #[arg(long, value_name = "FILE", requires = "server")]
        token_file: Option<PathBuf>,
    },
    /// List the FHIR Bundles waiting in the outbox, and why each waits.
    Outbox {
        #[command(flatten)]
        outbox: OutboxArgs,
    },
    /// Write the questionnaire as a FHIR R4 Questionnaire resource.
    ExportQuestionnaire {
        #[arg(long, value_enum, default_value = "fhir")]
        format: QuestionnaireFormat,
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[arg(long)]
        force: bool,
        /// The base of the FHIR URLs (the Questionnaire's and the code
        /// systems'): a URL the clinic controls.
        #[arg(long, value_name = "URL", value_parser = Canonical::new, default_value = intake::export::fhir::DEFAULT_BASE)]
        fhir_base: Canonical,
    },
}

/// Where `send` and `outbox` find the outbox (and `send` the server).
#[derive(clap::Args)]
struct OutboxArgs {
    /// A kiosk configuration: its outbox, and its fhir_server.
    #[arg(long, value_name = "CONFIG")]
    kiosk: Option<PathBuf>,
    /// The outbox directory (default: the kiosk's, or outbox/ in the state
    /// directory).
    #[arg(long, value_name = "DIR")]
    outbox: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum QuestionnaireFormat {
    Fhir,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    refuse_options_practice_ignores(&cli);
    let sources = Sources {
        questionnaire: cli.questionnaire,
        rules: cli.rules,
    };
    cli::finish(match cli.command {
        Some(Command::Validate { files }) => cli::validate::run(&files),
        Some(Command::Summarize {
            answers,
            format,
            output,
            force,
            fhir_base,
            clinic_lang,
        }) => cli::summarize::run(
            &sources,
            &answers,
            format,
            fhir_base,
            clinic_lang.as_deref(),
            &Output::new(output, force),
        ),
        Some(Command::ExportQuestionnaire {
            output,
            force,
            fhir_base,
            ..
        }) => cli::export_questionnaire::run(&sources, &fhir_base, &Output::new(output, force)),
        Some(Command::HashPin) => cli::hash_pin::run(),
        Some(Command::Send {
            files,
            outbox,
            server,
            token_file,
        }) => cli::send::send(
            &cli::send::Options {
                kiosk: outbox.kiosk,
                outbox: outbox.outbox,
                server,
                token_file,
            },
            &files,
        ),
        Some(Command::Outbox { outbox }) => cli::send::list(&cli::send::Options {
            kiosk: outbox.kiosk,
            outbox: outbox.outbox,
            ..Default::default()
        }),
        Some(Command::Practice {
            case,
            cases,
            record,
            history,
            student,
            history_dir,
        }) => cli::practice::run(&cli::practice::Options {
            sources,
            case,
            cases,
            record,
            history,
            student,
            history_dir,
            high_contrast: cli.high_contrast,
            keymap: cli.keymap,
        }),
        None => cli::run::run(&cli::run::Options {
            sources,
            interviewer: cli.interviewer,
            high_contrast: cli.high_contrast,
            keymap: cli.keymap,
            export_dir: cli.export_dir,
            kiosk: cli.kiosk,
            state_dir: cli.state_dir,
            language: cli
                .lang
                .or_else(|| std::env::var("INTAKE_LANG").ok())
                .filter(|l| !l.is_empty()),
            linear: cli.linear || linear_from_env(),
        }),
    })
}

/// INTAKE_LINEAR set to anything but empty or "0" turns linear mode on, so
/// a screen-reader user sets it once for every run.
fn linear_from_env() -> bool {
    std::env::var_os("INTAKE_LINEAR").is_some_and(|v| !v.is_empty() && v != "0")
}

/// Practice writes no journal, exports nothing and is never a kiosk: an
/// option it would ignore is an error, not a silent surprise.
fn refuse_options_practice_ignores(cli: &Cli) {
    if !matches!(cli.command, Some(Command::Practice { .. })) {
        return;
    }
    let ignored = [
        ("--kiosk", cli.kiosk.is_some()),
        ("--export-dir", cli.export_dir.is_some()),
        ("--state-dir", cli.state_dir.is_some()),
        ("--interviewer", cli.interviewer),
        ("--linear", cli.linear),
    ];
    if let Some((name, _)) = ignored.iter().find(|(_, given)| *given) {
        Cli::command()
            .error(
                clap::error::ErrorKind::ArgumentConflict,
                format!("{name} does not apply to practice mode"),
            )
            .exit();
    }
}
