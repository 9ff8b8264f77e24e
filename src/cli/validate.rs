//! `intake validate`: every file given is checked and each problem printed
//! as path:line:col; the status is 1 if any file is invalid. The core's
//! files are checked by `check`, the screen's own (themes, keymaps) here.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::check;
use crate::questionnaire::LoadError;

pub fn run(files: &[PathBuf]) -> Result<ExitCode, String> {
    let mut failed = false;
    for path in files {
        match check_file(path) {
            Ok(line) => println!("{line}"),
            Err(e) => {
                failed = true;
                super::report(&e.to_string());
            }
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// `check::check_file`, and the screen's own files (themes, keymaps) too.
pub fn check_file(path: &Path) -> Result<String, LoadError> {
    check_bytes(path, check::read(path)?)
}

/// `check::check_bytes`, and the screen's own files (themes, keymaps) too:
/// the core knows nothing of colours or keys.
pub fn check_bytes(path: &Path, bytes: Vec<u8>) -> Result<String, LoadError> {
    #[cfg(feature = "tui")]
    {
        let kind = check::kind(&String::from_utf8_lossy(&bytes)).to_string();
        if kind == "Themes" || kind == "Keymap" {
            let name = path.display().to_string();
            let source =
                crate::questionnaire::source_text(&name, bytes).map_err(LoadError::Invalid)?;
            return screen_file(&name, &source, &kind).map_err(LoadError::Invalid);
        }
    }
    check::check_bytes(path, bytes)
}

/// Checks a themes or keymap file; on success a line saying what it holds.
#[cfg(feature = "tui")]
fn screen_file(
    name: &str,
    source: &str,
    kind: &str,
) -> Result<String, crate::diagnostic::Diagnostics> {
    if kind == "Themes" {
        crate::tui::theme::parse_themes(name, source)?;
        return Ok(format!("{name}: ok (themes)"));
    }
    let keymap = crate::tui::keymap::parse_keymap(name, source)?;
    Ok(format!(
        "{name}: ok (keymap: {} bindings)",
        keymap.bindings.len()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const THEMES: &[u8] = include_bytes!("../../assets/themes.ron");

    #[cfg(feature = "tui")]
    #[test]
    fn themes_are_checked_with_the_screen() {
        let ok = check_bytes(Path::new("t.ron"), THEMES.to_vec()).unwrap();
        assert_eq!(ok, "t.ron: ok (themes)");
        let broken = String::from_utf8_lossy(THEMES).replacen("fg: \"cyan\"", "fg: \"cyann\"", 1);
        let e = check_bytes(Path::new("t.ron"), broken.into_bytes()).unwrap_err();
        assert!(e.to_string().contains("unknown colour \"cyann\""), "{e}");
    }

    #[cfg(not(feature = "tui"))]
    #[test]
    fn without_the_screen_themes_and_keymaps_are_refused_where_they_start() {
        const KEYMAP: &[u8] = include_bytes!("../../assets/keymap.ron");
        for (file, start, what) in [
            (THEMES, "Themes(", "themes"),
            (KEYMAP, "Keymap(", "keymaps"),
        ] {
            let e = check_bytes(Path::new("t.ron"), file.to_vec()).unwrap_err();
            let line = String::from_utf8_lossy(file)
                .lines()
                .position(|l| l.starts_with(start))
                .unwrap()
                + 1;
            let e = e.to_string();
            assert!(
                e.starts_with(&format!("t.ron:{line}:1: {what} are the screen's")),
                "{e}"
            );
        }
    }
}
