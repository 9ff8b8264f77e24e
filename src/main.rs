//! The `intake` command line: argument parsing and error reporting only; the
//! work is done by the library.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use clap::{Parser, Subcommand};
use intake::answers::Session;
use intake::questionnaire;
use intake::tui::{self, theme::Theme};

/// The default questionnaire, compiled in so the program runs from anywhere.
const DEFAULT_QUESTIONNAIRE: &str = include_str!("../questionnaires/back-pain-intake.ron");

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

    /// Start with the high-contrast colours (F2 switches at any time).
    #[arg(long)]
    high_contrast: bool,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Check questionnaire files and report every problem as path:line:col.
    Validate {
        /// Questionnaire files (RON).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Validate { files }) => validate(&files),
        None => run(cli.questionnaire, cli.high_contrast),
    }
}

fn validate(files: &[PathBuf]) -> ExitCode {
    let mut failed = false;
    for path in files {
        match questionnaire::load_file(path) {
            Ok(q) => {
                let items = q.items().count();
                println!(
                    "{}: ok ({} sections, {items} items)",
                    path.display(),
                    q.sections.len()
                );
            }
            Err(e) => {
                failed = true;
                eprintln!("{e}");
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn run(path: Option<PathBuf>, high_contrast: bool) -> ExitCode {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        eprintln!(
            "intake: the questionnaire needs a terminal to run in (see --help for other commands)"
        );
        return ExitCode::FAILURE;
    }
    // A file of the user's is checked before the screen changes, so its errors
    // print plainly; the built-in one is checked by the tests and loads while
    // the terminal is set up.
    let external = match &path {
        Some(p) => match questionnaire::load_file(p) {
            Ok(q) => Some(q),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        },
        None => None,
    };
    let theme = Theme::from_env(high_contrast);
    let make = move || {
        let q = external.unwrap_or_else(|| {
            questionnaire::parse_builtin(
                "questionnaires/back-pain-intake.ron",
                DEFAULT_QUESTIONNAIRE,
            )
            .expect("the built-in questionnaire parses (tested)")
        });
        let started = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let session = Session::new(&q, started);
        tui::App::new(q, session, theme, tui::DEFAULT_AREA)
    };
    match tui::run(make) {
        Ok((_, tui::Exit::Done)) => ExitCode::SUCCESS,
        Ok((_, tui::Exit::Signal(sig))) => ExitCode::from(128 + sig as u8),
        Err(e) => {
            eprintln!("intake: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_built_in_questionnaire_is_valid() {
        if let Err(e) =
            intake::questionnaire::parse_str("back-pain-intake.ron", super::DEFAULT_QUESTIONNAIRE)
        {
            panic!("{e}");
        }
    }
}
