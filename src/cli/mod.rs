//! The bodies of the command line's commands. `main.rs` parses arguments
//! into the set-ups here (`Sources`, `Output`, `run::Options`) and
//! dispatches; each command returns its exit status, or the message to
//! print on standard error before exiting with status 1.

pub mod export_questionnaire;
pub mod hash_pin;
#[cfg(feature = "tui")]
pub mod practice;
#[cfg(feature = "tui")]
pub mod run;
pub mod send;
pub mod summarize;
pub mod validate;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::findings::{self, Rules};
use crate::questionnaire::{self, Questionnaire};

/// Where the questionnaire and its findings rules come from: the files
/// given on the command line, or the built-in ones.
#[derive(Debug, Default, Clone)]
pub struct Sources {
    pub questionnaire: Option<PathBuf>,
    pub rules: Option<PathBuf>,
}

impl Sources {
    /// Whether the questionnaire and rules are the built-in ones, which
    /// come in every built-in language.
    pub fn builtin(&self) -> bool {
        self.questionnaire.is_none() && self.rules.is_none()
    }

    /// The questionnaire and its findings rules (none when the questionnaire
    /// is a user's and no rules were given).
    pub fn load(&self) -> Result<Loaded, String> {
        let q = match &self.questionnaire {
            Some(p) => questionnaire::load_file(p).map_err(|e| e.to_string())?,
            None => crate::content::questionnaire(),
        };
        let rules = self.rules_for(&q)?;
        Ok((q, rules))
    }

    /// The user's questionnaire from its `source`, already read (a pipe
    /// cannot be read twice), and its rules.
    pub fn load_from(&self, path: &Path, source: &str) -> Result<Loaded, String> {
        let name = path.display().to_string();
        let q = questionnaire::parse_str(&name, source).map_err(|e| e.to_string())?;
        let rules = self.rules_for(&q)?;
        Ok((q, rules))
    }

    /// The rules given for `q`, else the built-in ones when they are for it.
    fn rules_for(&self, q: &Questionnaire) -> Result<Option<Rules>, String> {
        let rules = match &self.rules {
            Some(p) => {
                let name = p.display().to_string();
                let source = questionnaire::read_source(p).map_err(|e| e.to_string())?;
                Some(findings::parse_rules(&name, &source, q).map_err(|e| e.to_string())?)
            }
            None => crate::content::rules_for(q),
        };
        Ok(rules)
    }
}

/// A questionnaire and its findings rules, if any.
pub type Loaded = (Questionnaire, Option<Rules>);

/// Where a command's text goes: standard output, or a file written
/// atomically with mode 0600, never over an existing one unless `replace`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    Stdout,
    File { path: PathBuf, replace: bool },
}

impl Output {
    /// From `--output` (where `-` means standard output) and `--force`.
    pub fn new(path: Option<PathBuf>, force: bool) -> Output {
        match path {
            Some(path) if path != Path::new("-") => Output::File {
                path,
                replace: force,
            },
            _ => Output::Stdout,
        }
    }

    fn write(&self, text: &str) -> Result<(), String> {
        match self {
            Output::File { path, replace } => {
                crate::export::write_private(path, text.as_bytes(), *replace)
                    .map_err(|e| e.to_string())
            }
            Output::Stdout => std::io::stdout()
                .write_all(text.as_bytes())
                .map_err(|e| e.to_string()),
        }
    }
}

/// Prints a message on standard error. Never panics: when the terminal has
/// gone away there is no one to tell, and the exit status says enough.
pub fn report(message: &str) {
    let _ = writeln!(std::io::stderr(), "{message}");
}

/// Prints a line on standard output, never panicking (as `report`).
pub fn say(line: &str) {
    let _ = writeln!(std::io::stdout(), "{line}");
}

/// Where the autosave journal lives when no --state-dir is given.
pub fn default_state_dir() -> PathBuf {
    match (std::env::var_os("XDG_STATE_HOME"), std::env::var_os("HOME")) {
        (Some(x), _) if !x.is_empty() => PathBuf::from(x).join("intake"),
        (_, Some(h)) if !h.is_empty() => PathBuf::from(h).join(".local/state/intake"),
        _ => PathBuf::from(".intake-state"),
    }
}

/// A folder of intake's data (`sub` of $XDG_DATA_HOME/intake, or of
/// ~/.local/share/intake), where plain use keeps what it makes.
pub fn data_dir(sub: &str) -> PathBuf {
    match (std::env::var_os("XDG_DATA_HOME"), std::env::var_os("HOME")) {
        (Some(x), _) if !x.is_empty() => PathBuf::from(x).join("intake").join(sub),
        (_, Some(h)) if !h.is_empty() => PathBuf::from(h).join(".local/share/intake").join(sub),
        _ => PathBuf::from(format!("intake-{sub}")),
    }
}

/// A command's exit status; a failure's message is printed first.
pub fn finish(result: Result<ExitCode, String>) -> ExitCode {
    result.unwrap_or_else(|e| {
        report(e.trim_end());
        ExitCode::FAILURE
    })
}

/// The status after the screen: 128 + the signal's number when one ended it.
#[cfg(feature = "tui")]
fn exit_status(exit: crate::tui::Exit) -> ExitCode {
    match exit {
        crate::tui::Exit::Done => ExitCode::SUCCESS,
        crate::tui::Exit::Signal(sig) => ExitCode::from(128 + sig as u8),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dash_or_no_output_is_standard_output() {
        assert_eq!(Output::new(None, true), Output::Stdout);
        assert_eq!(Output::new(Some("-".into()), false), Output::Stdout);
        assert_eq!(
            Output::new(Some("s.md".into()), true),
            Output::File {
                path: "s.md".into(),
                replace: true
            }
        );
    }

    #[test]
    fn the_built_in_questionnaire_comes_with_its_rules() {
        let (q, rules) = Sources::default().load().unwrap();
        assert_eq!(q.id, crate::content::questionnaire().id);
        assert!(rules.is_some());
    }
}
