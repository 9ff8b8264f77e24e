//! `intake validate`: any of the core's data files, told apart by the name
//! of their top-level structure, checked with positioned errors. The
//! screen's own files (themes, keymaps) are checked by `cli::validate`.

use std::path::Path;

use crate::diagnostic::{Diagnostics, Locator};
use crate::questionnaire::{self, LoadError, Questionnaire};

/// Checks one file; on success a line saying what it holds.
pub fn check_file(path: &Path) -> Result<String, LoadError> {
    check_bytes(path, read(path)?)
}

/// A file's bytes; an I/O error says which file.
pub fn read(path: &Path) -> Result<Vec<u8>, LoadError> {
    std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.display().to_string(),
        source,
    })
}

/// `check_file` on content already read; `path` names it in messages and
/// finds the questionnaire beside it.
pub fn check_bytes(path: &Path, bytes: Vec<u8>) -> Result<String, LoadError> {
    let name = path.display().to_string();
    let source = questionnaire::source_text(&name, bytes).map_err(LoadError::Invalid)?;
    match kind(&source) {
        "Findings" => {
            let q = questionnaire_for(path, &source)?;
            let rules =
                crate::findings::parse_rules(&name, &source, &q).map_err(LoadError::Invalid)?;
            Ok(format!(
                "{name}: ok (findings rules for \"{}\": {} warning signs, {} strength signs, {} next steps)",
                q.id,
                rules.flags.len(),
                rules.signs.len(),
                rules.steps.len()
            ))
        }
        "Codes" => {
            let q = questionnaire_for(path, &source)?;
            let regions = crate::body::BodyRegions::builtin();
            let codes = crate::codes::Codes::parse(&name, &source, &q, regions)
                .map_err(LoadError::Invalid)?;
            Ok(format!(
                "{name}: ok (standard codes for \"{}\": {} not yet verified, kept out of the exports)",
                q.id,
                codes.unverified()
            ))
        }
        "Case" => {
            let q = questionnaire_for(path, &source)?;
            let case =
                crate::practice::Case::parse(&name, &source, &q).map_err(LoadError::Invalid)?;
            // The key must be what the findings rules conclude, when the
            // questionnaire has rules.
            if let Some(rules) = crate::content::rules_for(&q) {
                let content = crate::content::Content::builtin();
                case.check_key(&name, &source, &q, &rules, &content)
                    .map_err(LoadError::Invalid)?;
            }
            Ok(format!(
                "{name}: ok (practice case \"{}\" for \"{}\")",
                case.id, q.id
            ))
        }
        "Personalities" => {
            let v = crate::practice::Voices::parse(&name, &source).map_err(LoadError::Invalid)?;
            Ok(format!(
                "{name}: ok (practice personalities: {} voices, {} warning-sign words)",
                v.voices.len(),
                v.warning_words.iter().map(|g| g.words.len()).sum::<usize>()
            ))
        }
        "Scoring" => {
            let s = crate::practice::Scoring::parse(&name, &source).map_err(LoadError::Invalid)?;
            Ok(format!(
                "{name}: ok (practice scoring: {} skills, {} structure topics)",
                s.skills.len(),
                s.topics.len()
            ))
        }
        "Phrasings" => {
            let q = questionnaire_for(path, &source)?;
            let p = crate::practice::Phrasings::parse(&name, &source, &q)
                .map_err(LoadError::Invalid)?;
            let topics = p
                .phrasings
                .keys()
                .filter(|id| id.starts_with(crate::practice::matching::TOPIC));
            Ok(format!(
                "{name}: ok (phrasings for \"{}\": {} questions and {} topics, {} synonyms)",
                q.id,
                p.phrasings.len() - topics.clone().count(),
                topics.count(),
                p.synonyms.len()
            ))
        }
        // Saved answers: every answer must fit its item (an unfinished
        // session is fine, so nothing is required).
        "Session" => {
            let q = questionnaire_for(path, &source)?;
            let session =
                crate::answers::Session::from_ron(&name, &source).map_err(LoadError::Invalid)?;
            let problems = session.problems(&q, &name, &source);
            if !problems.0.is_empty() {
                return Err(LoadError::Invalid(problems));
            }
            Ok(format!(
                "{name}: ok (saved answers for \"{}\": {} answers)",
                q.id,
                session.answers.len()
            ))
        }
        kind @ ("Themes" | "Keymap") => {
            let what = if kind == "Themes" {
                "themes"
            } else {
                "keymaps"
            };
            Err(invalid_at(
                &name,
                &source,
                kind,
                format!("{what} are the screen's: this build has no screen (feature \"tui\")"),
            ))
        }
        "BodyRegions" => {
            let t = crate::body::BodyRegions::parse(&name, &source).map_err(LoadError::Invalid)?;
            Ok(format!("{name}: ok (body regions: {})", t.regions.len()))
        }
        // Checked against the built-in region table, which the program draws.
        "Shapes" => {
            let regions = crate::body::BodyRegions::builtin();
            let shapes =
                crate::body::Shapes::parse(&name, &source, regions).map_err(LoadError::Invalid)?;
            let count = |v| shapes.drawing(v).regions.len();
            Ok(format!(
                "{name}: ok (body shapes: {} regions on the front, {} on the back)",
                count(crate::body::View::Front),
                count(crate::body::View::Back)
            ))
        }
        "Text" => crate::translation::validate::catalogue(&name, &source),
        "Translation" => crate::translation::validate::overlay(&name, &source, |id| {
            questionnaire_by_id(path, id, &source, "of:")
        }),
        "Kiosk" => {
            let k = crate::kiosk::KioskConfig::parse(&name, &source).map_err(LoadError::Invalid)?;
            // Against the built-in questionnaire, which a kiosk runs.
            k.check_against(&name, &source, &crate::content::questionnaire())
                .map_err(LoadError::Invalid)?;
            Ok(format!(
                "{name}: ok (kiosk configuration, summaries in {})",
                k.export_dir.display()
            ))
        }
        _ => {
            let q = questionnaire::parse_str(&name, &source).map_err(LoadError::Invalid)?;
            Ok(format!(
                "{name}: ok ({} sections, {} items)",
                q.sections.len(),
                q.items().count()
            ))
        }
    }
}

/// The kind of a data file: its first identifier after comments and
/// `#![...]` attributes (`Findings`, `Session`, `Themes`...).
pub fn kind(source: &str) -> &str {
    let mut rest = source;
    loop {
        rest = rest.trim_start();
        if rest.starts_with("//") {
            rest = rest.split_once('\n').map_or("", |(_, r)| r);
        } else if rest.starts_with("#!") {
            rest = rest.split_once(']').map_or("", |(_, r)| r);
        } else {
            break;
        }
    }
    let end = rest
        .find(|c: char| !c.is_alphanumeric() && c != '_')
        .unwrap_or(rest.len());
    &rest[..end]
}

/// The questionnaire a rules file names: the built-in one, or `<id>.ron` beside it.
fn questionnaire_for(path: &Path, source: &str) -> Result<Questionnaire, LoadError> {
    let id = source
        .split_once("questionnaire:")
        .and_then(|(_, r)| r.split('"').nth(1))
        .unwrap_or_default();
    questionnaire_by_id(path, id, source, "questionnaire:")
}

/// The questionnaire with this id: the built-in one, or `<id>.ron` beside
/// `path`; an error at `needle` when there is none.
fn questionnaire_by_id(
    path: &Path,
    id: &str,
    source: &str,
    needle: &str,
) -> Result<Questionnaire, LoadError> {
    let builtin = crate::content::questionnaire();
    if builtin.id == id {
        return Ok(builtin);
    }
    let beside = path.with_file_name(format!("{id}.ron"));
    if beside.exists() {
        return questionnaire::load_file(&beside);
    }
    let message = format!(
        "no questionnaire \"{id}\": it is not built in and there is no {}",
        beside.display()
    );
    Err(invalid_at(
        &path.display().to_string(),
        source,
        needle,
        message,
    ))
}

/// An error at the first `needle` in the file (its start if none).
fn invalid_at(name: &str, source: &str, needle: &str, message: String) -> LoadError {
    let loc = Locator::new(source);
    let at = loc.after(0, needle).unwrap_or(0);
    LoadError::Invalid(Diagnostics(vec![loc.diagnostic(name, at, message)]))
}
