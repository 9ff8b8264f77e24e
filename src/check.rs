//! `intake validate`: any of the project's data files, told apart by the name
//! of their top-level structure, checked with positioned errors.

use std::path::Path;

use crate::diagnostic::{Diagnostic, Diagnostics, Pos};
use crate::questionnaire::{self, LoadError, Questionnaire};

/// Checks one file; on success a line saying what it holds.
pub fn check_file(path: &Path) -> Result<String, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.display().to_string(),
        source,
    })?;
    check_bytes(path, bytes)
}

/// `check_file` on content already read; `path` names it in messages and
/// finds the questionnaire beside it.
pub fn check_bytes(path: &Path, bytes: Vec<u8>) -> Result<String, LoadError> {
    let name = path.display().to_string();
    let source = questionnaire::source_text(&name, bytes).map_err(LoadError::Invalid)?;
    match top_level_name(&source) {
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
        "Case" => {
            let q = questionnaire_for(path, &source)?;
            let case =
                crate::practice::Case::parse(&name, &source, &q).map_err(LoadError::Invalid)?;
            Ok(format!(
                "{name}: ok (practice case \"{}\" for \"{}\")",
                case.id, q.id
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
        "Themes" => {
            crate::tui::theme::parse_themes(&name, &source).map_err(LoadError::Invalid)?;
            Ok(format!("{name}: ok (themes)"))
        }
        "BodyRegions" => {
            let t = crate::body::BodyRegions::parse(&name, &source).map_err(LoadError::Invalid)?;
            Ok(format!("{name}: ok (body regions: {})", t.regions.len()))
        }
        "Figures" => {
            let regions = crate::body::BodyRegions::builtin();
            crate::body::Figures::parse(&name, &source, regions)
                .map_err(|d| LoadError::Invalid(Diagnostics(vec![d])))?;
            Ok(format!("{name}: ok (body figures)"))
        }
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

/// The first identifier after comments and `#![...]` attributes.
fn top_level_name(source: &str) -> &str {
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
        .unwrap_or_default()
        .to_string();
    let builtin = crate::content::questionnaire();
    if builtin.id == id {
        return Ok(builtin);
    }
    let beside = path.with_file_name(format!("{id}.ron"));
    if beside.exists() {
        return questionnaire::load_file(&beside);
    }
    let loc = crate::diagnostic::Locator::new(source);
    let at = loc.after(0, "questionnaire:").unwrap_or(0);
    let pos: Pos = loc.pos(at);
    Err(LoadError::Invalid(Diagnostics(vec![Diagnostic::new(
        &path.display().to_string(),
        source,
        pos,
        format!(
            "no questionnaire \"{id}\": it is not built in and there is no {}",
            beside.display()
        ),
    )])))
}
