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
    /// Show the student's history and leave.
    pub history: bool,
    pub student: String,
    pub history_dir: Option<PathBuf>,
}

impl Options {
    /// The student's own folder of saved sessions.
    fn history_dir(&self) -> Result<PathBuf, String> {
        let name = &self.student;
        let plain = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
        if name.is_empty() || !name.chars().all(plain) {
            return Err(format!(
                "intake: --student \"{name}\": use letters, digits, '-' and '_' only"
            ));
        }
        let dir = self.history_dir.clone();
        Ok(dir
            .unwrap_or_else(|| super::data_dir("practice"))
            .join(name))
    }
}

pub fn run(opts: &Options) -> Result<ExitCode, String> {
    let history = opts.history_dir()?;
    if opts.history {
        return show_history(&history);
    }
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
    let mut host = tui::Host::practice(PathBuf::from("."), history);
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

/// Prints the student's sessions and each skill's course.
fn show_history(dir: &Path) -> Result<ExitCode, String> {
    use crate::practice::history;
    let (records, skipped) = history::load(dir)?;
    for warning in &skipped {
        eprintln!("warning: skipped {warning}");
    }
    let words = &crate::text::Text::builtin().practice.history;
    let fill = |t: &str, v: &[(&str, &str)]| crate::text::fill(t, v);
    let where_ = dir.display().to_string();
    if records.is_empty() {
        println!("{}", fill(&words.none, &[("dir", &where_)]));
        return Ok(ExitCode::SUCCESS);
    }
    let count = records.len().to_string();
    println!(
        "{}\n",
        fill(&words.heading, &[("count", &count), ("dir", &where_)])
    );
    let scoring = crate::practice::Scoring::builtin();
    let name = |id: &str| scoring.skill(id).map_or(id.to_string(), |s| s.name.clone());
    let head = [words.when.as_str(), &words.case, &words.total];
    println!(
        "{}\n",
        history::aligned(&history::rows(&records, head, name))
    );
    println!("{}", words.courses);
    let mut rows = vec![words.course_head.to_vec()];
    rows.extend(history::courses(&records).iter().map(|c| {
        let n = |x: u32| x.to_string();
        vec![
            name(&c.id),
            c.sessions.to_string(),
            n(c.first),
            n(c.last),
            n(c.mean),
            n(c.best),
        ]
    }));
    println!("{}", history::aligned(&rows));
    Ok(ExitCode::SUCCESS)
}
