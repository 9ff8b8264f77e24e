//! `intake practice`: a standardized patient case, given or picked at
//! random from a folder, interviewed on the terminal.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::Sources;
use crate::findings::Rules;
use crate::tui::{self, caps::Caps, theme::Theme};

pub struct Options {
    pub sources: Sources,
    /// The case; a random one of `cases` when not given.
    pub case: Option<PathBuf>,
    pub cases: PathBuf,
    /// The trainee records each answer on the questionnaire's screens.
    pub record: bool,
    pub high_contrast: bool,
    /// A keymap file to read the keys from instead of the built-in one.
    pub keymap: Option<PathBuf>,
}

pub fn run(opts: &Options) -> Result<ExitCode, String> {
    let (q, rules) = opts.sources.load()?;
    let rules = rules.unwrap_or_else(|| Rules::none(&q));
    let path = match &opts.case {
        Some(p) => p.clone(),
        None => any_case(&opts.cases)?,
    };
    let name = path.display().to_string();
    let source = std::fs::read_to_string(&path).map_err(|e| format!("{name}: cannot read: {e}"))?;
    let case = crate::practice::Case::parse(&name, &source, &q).map_err(|e| e.to_string())?;
    let keymap = match &opts.keymap {
        Some(p) => Some(super::run::read_keymap(p)?),
        None => None,
    };
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err("intake: practice needs a terminal to run in".into());
    }
    let theme = Theme::from_env(opts.high_contrast);
    let caps = Caps::from_env()?;
    let record = opts.record;
    let make = move || {
        let app =
            tui::App::practice(q, rules, case, record, theme, tui::DEFAULT_AREA).with_caps(caps);
        match keymap {
            Some(keymap) => app.with_keymap(keymap),
            None => app,
        }
    };
    // Debriefs the trainee saves go in the current directory.
    let mut host = tui::Host::practice(PathBuf::from("."));
    let (_, exit) = tui::run(make, &mut host, false).map_err(|e| format!("intake: {e}"))?;
    Ok(super::exit_status(exit))
}

/// One of the cases (*.ron) in `dir`, any will do.
fn any_case(dir: &Path) -> Result<PathBuf, String> {
    let mut all: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    all.sort();
    if all.is_empty() {
        return Err(format!(
            "{}: no cases (*.ron) here; give one with --case",
            dir.display()
        ));
    }
    // The clock's nanoseconds are random enough.
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    Ok(all.swap_remove(nanos as usize % all.len()))
}
