//! Kiosk mode's configuration: where summaries go, how long a patient may be
//! idle, how long an unfinished session may be resumed, and the staff PIN
//! (stored only as an Argon2 hash).

use std::path::PathBuf;

use argon2::Argon2;
use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};
use serde::Deserialize;

use crate::diagnostic::{Diagnostics, Problems};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Kiosk")]
pub struct KioskConfig {
    /// Finished and unfinished summaries for staff (created 0700, files 0600).
    pub export_dir: PathBuf,
    /// The autosave journal of the patient at the kiosk now.
    pub state_dir: PathBuf,
    /// After this long without a key, a warning counts down...
    pub idle_timeout_secs: u64,
    /// ...for this long, then the session is saved as unfinished and cleared.
    pub idle_warning_secs: u64,
    /// An unfinished session younger than this is offered to be continued;
    /// an older one is saved for staff and never shown.
    pub resume_window_secs: u64,
    /// Argon2 hash (PHC string) of the PIN that lets staff leave; make one
    /// with `intake hash-pin`.
    pub staff_pin_hash: String,
    /// The item (for example "age") whose answer a person types again to
    /// continue an unfinished session; without it, an unfinished session is
    /// never offered at the kiosk, only saved for staff.
    #[serde(default)]
    pub resume_check: Option<String>,
    /// Which kiosk this is, for staff: given to `on_emergency`.
    #[serde(default = "default_kiosk_id")]
    pub kiosk_id: String,
    /// A command (program and arguments) run the moment a patient's answer
    /// raises an emergency warning sign, to page staff or ring a bell. It is
    /// given the kiosk's id, the level and the time in its environment
    /// (INTAKE_KIOSK_ID, INTAKE_ALERT_LEVEL, INTAKE_ALERT_TIME), never the
    /// patient's answers.
    #[serde(default)]
    pub on_emergency: Option<Vec<String>>,
}

fn default_kiosk_id() -> String {
    "kiosk".to_string()
}

impl KioskConfig {
    pub fn parse(path: &str, source: &str) -> Result<KioskConfig, Diagnostics> {
        let c: KioskConfig =
            crate::questionnaire::parse_ron(path, source).map_err(|d| Diagnostics(vec![d]))?;
        let mut problems = Problems::new(path, source);
        let mut problem =
            |field: &str, message: &str| problems.at(&format!("{field}:"), message.to_string());
        if c.export_dir.as_os_str().is_empty() {
            problem("export_dir", "export_dir is empty");
        }
        if c.state_dir.as_os_str().is_empty() {
            problem("state_dir", "state_dir is empty");
        }
        if c.idle_timeout_secs < 30 {
            problem(
                "idle_timeout_secs",
                "idle_timeout_secs must be at least 30: patients need time to read",
            );
        }
        if c.idle_warning_secs == 0 || c.idle_warning_secs >= c.idle_timeout_secs {
            problem(
                "idle_warning_secs",
                "idle_warning_secs must be more than 0 and less than idle_timeout_secs",
            );
        }
        if c.resume_window_secs == 0 {
            problem(
                "resume_window_secs",
                "resume_window_secs must be more than 0",
            );
        }
        if c.on_emergency
            .as_ref()
            .is_some_and(|argv| argv.first().is_none_or(|p| p.is_empty()))
        {
            problem("on_emergency", "on_emergency needs a program to run");
        }
        if PasswordHash::new(&c.staff_pin_hash).is_err() {
            problem(
                "staff_pin_hash",
                "staff_pin_hash is not an Argon2 hash; make one with `intake hash-pin`",
            );
        }
        problems.into_result(c)
    }

    /// Whether `pin` is the staff PIN.
    pub fn pin_matches(&self, pin: &str) -> bool {
        PasswordHash::new(&self.staff_pin_hash).is_ok_and(|h| {
            Argon2::default()
                .verify_password(pin.as_bytes(), &h)
                .is_ok()
        })
    }
}

/// An Argon2id hash of a PIN, for the configuration file.
pub fn hash_pin(pin: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(pin.as_bytes(), &salt)
        .expect("hashing a PIN cannot fail")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(pin_hash: &str, timeout: u64, warning: u64) -> String {
        format!(
            "Kiosk(\n    export_dir: \"/tmp/x\",\n    state_dir: \"/tmp/y\",\n    idle_timeout_secs: {timeout},\n    idle_warning_secs: {warning},\n    resume_window_secs: 900,\n    staff_pin_hash: \"{pin_hash}\",\n)\n"
        )
    }

    #[test]
    fn the_pin_is_checked_against_its_hash() {
        let hash = hash_pin("4821");
        assert!(hash.starts_with("$argon2id$"));
        let c = KioskConfig::parse("k.ron", &config(&hash, 300, 60)).unwrap();
        assert!(c.pin_matches("4821"));
        assert!(!c.pin_matches("4822"));
        assert!(!c.pin_matches(""));
    }

    #[test]
    fn mistakes_are_reported_where_they_are() {
        let e = KioskConfig::parse("k.ron", &config("1234", 300, 400))
            .unwrap_err()
            .to_string();
        assert!(e.contains("k.ron:5:5: idle_warning_secs must be"), "{e}");
        assert!(
            e.contains("k.ron:7:5: staff_pin_hash is not an Argon2 hash"),
            "{e}"
        );
        let e = KioskConfig::parse("k.ron", "Kiosk(export_dir: \"a\",\n  idle: 3)")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("k.ron:2:3:"), "{e}");
    }
}
