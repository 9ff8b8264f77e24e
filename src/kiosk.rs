//! Kiosk mode's configuration: where summaries go, how long a patient may be
//! idle, how long an unfinished session may be resumed, and the staff PIN
//! (stored only as an Argon2 hash).

use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

use argon2::password_hash::{Output, PasswordHash, PasswordHasher, SaltString, rand_core::OsRng};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use serde::Deserialize;
use zeroize::Zeroize;

use crate::body::BodyRegions;
use crate::condition::Names;
use crate::diagnostic::{Diagnostics, Problems};
use crate::export::fhir::Canonical;
use crate::outbox::http::FhirServer;
use crate::questionnaire::Questionnaire;
use crate::visit_code::{self, VisitCodeConfig};

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
    /// A member of staff is beside each patient: questions that need a
    /// helper (walking on heels and tiptoes) may be asked. Without it they
    /// never are, for a patient with a weak leg alone could fall.
    #[serde(default)]
    pub staff_present: bool,
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
    /// The base of the FHIR summaries' canonical URLs, a URL the clinic
    /// controls (as `intake summarize --fhir-base`); without it, intake's
    /// example base.
    #[serde(default)]
    pub fhir_base: Option<String>,
    /// Ask for the code on the check-in slip before the questions (see
    /// `visit_code`); without it, no code is asked and none is kept.
    #[serde(default)]
    pub visit_code: Option<VisitCodeConfig>,
    /// Deliver each summary's FHIR Bundle to the clinic's FHIR server from
    /// an outbox in `state_dir` (see `crate::outbox`); without it, summaries
    /// are only files.
    #[serde(default)]
    pub fhir_server: Option<FhirServerConfig>,
    /// The languages a patient may choose on the welcome screen, by code;
    /// the first is the one the kiosk starts in. Only English when absent.
    #[serde(default = "english")]
    pub languages: Vec<String>,
    /// The language of the clinician's view of each summary and of the files
    /// for the clinic, whatever language the patient answered in.
    #[serde(default = "default_clinic_language")]
    pub clinic_language: String,
}

fn english() -> Vec<String> {
    vec![crate::languages::ENGLISH.to_string()]
}

fn default_clinic_language() -> String {
    crate::languages::ENGLISH.to_string()
}

/// The kiosk configuration's `fhir_server`: the server's FHIR base URL
/// (https, or http to this machine only) and the file holding the bearer
/// token it wants (0600), if it wants one.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FhirServerConfig {
    pub url: String,
    #[serde(default)]
    pub token_file: Option<PathBuf>,
}

impl FhirServerConfig {
    /// The server, if the URL is usable and the token file is private and
    /// holds a token: checked when the configuration is, not when the first
    /// patient's summary is sent.
    pub fn server(&self) -> Result<FhirServer, String> {
        if let Some(path) = &self.token_file {
            crate::outbox::http::check_token_file(path)?;
        }
        FhirServer::new(&self.url, self.token_file.clone())
    }
}

/// Why `program` cannot be run by the kiosk, if it cannot: it must be a
/// full path (a kiosk's PATH is not the administrator's) to an executable file.
fn not_runnable(program: &std::path::Path) -> Option<&'static str> {
    use std::os::unix::fs::PermissionsExt;
    if !program.is_absolute() {
        return Some("give the full path of the program");
    }
    match std::fs::metadata(program) {
        Err(_) => Some("no such program"),
        Ok(m) if !m.is_file() || m.permissions().mode() & 0o111 == 0 => {
            Some("not an executable file")
        }
        Ok(_) => None,
    }
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
        // Found out now, not when a patient's emergency fails to page anyone.
        if let Some(program) = c.on_emergency.as_ref().and_then(|a| a.first())
            && let Some(why) = not_runnable(std::path::Path::new(program))
        {
            problem("on_emergency", &format!("on_emergency: {program}: {why}"));
        }
        if c.resume_check
            .as_ref()
            .is_some_and(|id| id.trim().is_empty())
        {
            problem(
                "resume_check",
                "resume_check is empty; leave it out to never offer a session",
            );
        }
        if let Some(Err(why)) = c.fhir_base.as_deref().map(Canonical::new) {
            problem("fhir_base", &format!("fhir_base: {why}"));
        }
        if let Some(Err(why)) = c.fhir_server.as_ref().map(FhirServerConfig::server) {
            problem("fhir_server", &format!("fhir_server: {why}"));
        }
        // The example base would file real patients under example.org codes.
        let example = c
            .fhir_base
            .as_deref()
            .is_none_or(|b| b.trim_end_matches('/') == crate::export::fhir::DEFAULT_BASE);
        if c.fhir_server.is_some() && example {
            problem(
                "fhir_server",
                "fhir_server needs fhir_base: the clinic's own base for intake's FHIR URLs, not the example's",
            );
        }
        if let Some(why) = c
            .visit_code
            .as_ref()
            .and_then(|v| visit_code::pattern_problem(&v.pattern))
        {
            problem("pattern", &format!("visit_code pattern: {why}"));
        }
        if PasswordHash::new(&c.staff_pin_hash).is_err() {
            problem(
                "staff_pin_hash",
                "staff_pin_hash is not an Argon2 hash; make one with `intake hash-pin`",
            );
        }
        let known = crate::languages::all().collect::<Vec<_>>().join(", ");
        if c.languages.is_empty() {
            problem("languages", "languages needs at least one language");
        }
        for code in c.languages.iter().chain([&c.clinic_language]) {
            if !crate::languages::is_builtin(code) {
                let message = format!("no language \"{code}\": the built-in ones are {known}");
                problems.at(&format!("\"{code}\""), message);
            }
        }
        problems.into_result(c)
    }

    /// Checks what the configuration says of a questionnaire: the
    /// `resume_check` item must exist there and take a typed answer (a
    /// number or text), or no unfinished session could ever be offered.
    pub fn check_against(
        &self,
        path: &str,
        source: &str,
        q: &Questionnaire,
    ) -> Result<(), Diagnostics> {
        let mut problems = Problems::new(path, source);
        if let Some(id) = &self.resume_check {
            let names = Names::new(q, BodyRegions::builtin());
            let message = match names.item(id).map(|i| &i.kind) {
                Err(m) => Some(format!("resume_check: {m} in \"{}\"", q.id)),
                Ok(kind) if kind.can_be_typed_again() => None,
                Ok(_) => Some(format!(
                    "resume_check: \"{id}\" is not answered by typing (a number or text), so it cannot be typed again"
                )),
            };
            if let Some(m) = message {
                problems.at("resume_check:", m);
            }
        }
        problems.into_result(())
    }

    /// The FHIR summaries' canonical URLs (checked by `parse`).
    pub fn canonical(&self) -> Canonical {
        let base = self.fhir_base.as_deref().map(Canonical::new);
        base.and_then(Result::ok).unwrap_or_default()
    }

    /// Where Bundles wait for the FHIR server.
    pub fn outbox_dir(&self) -> PathBuf {
        self.state_dir.join("outbox")
    }

    /// Whether `pin` is the staff PIN.
    pub fn pin_matches(&self, pin: &str) -> bool {
        PasswordHash::new(&self.staff_pin_hash).is_ok_and(|h| argon2_verify(pin, &h).is_some())
    }
}

/// Argon2's working memory (19 MiB with the default parameters), allocated
/// once and reused: a fresh buffer per check is freed into malloc's heap,
/// which keeps it, and a kiosk grew by that much with every check.
static ARGON2_MEMORY: Mutex<Vec<Block>> = Mutex::new(Vec::new());

/// `Some(())` when `pin` hashes to `hash`, compared in constant time.
fn argon2_verify(pin: &str, hash: &PasswordHash) -> Option<()> {
    let algorithm = Algorithm::try_from(hash.algorithm).ok()?;
    let version = hash
        .version
        .map_or(Ok(Version::default()), Version::try_from);
    let params = Params::try_from(hash).ok()?;
    let expected = hash.hash?;
    let mut salt = [0u8; 64];
    let salt = hash.salt?.decode_b64(&mut salt).ok()?;
    // Argon2 rounds the memory down to whole lanes, but uses at least 8 blocks a lane.
    let blocks = params.m_cost().max(8 * params.p_cost()) as usize;
    let argon2 = Argon2::new(algorithm, version.ok()?, params);
    let mut memory = ARGON2_MEMORY.lock().unwrap_or_else(PoisonError::into_inner);
    if memory.len() < blocks {
        memory.resize(blocks, Block::default());
    }
    let computed = Output::init_with(expected.len(), |out| {
        argon2
            .hash_password_into_with_memory(pin.as_bytes(), salt, out, &mut memory[..])
            .map_err(|_| argon2::password_hash::Error::Crypto)
    });
    // The blocks are derived from the PIN: leave nothing of it behind.
    memory.iter_mut().for_each(Zeroize::zeroize);
    (computed.ok()? == expected).then_some(())
}

/// The shortest and longest staff PIN, in characters.
pub const PIN_MIN: usize = 4;
pub const PIN_MAX: usize = 64;

/// The one rule for a staff PIN, said the way `hash-pin` says it.
pub const PIN_RULE: &str = "a PIN is 4 to 64 characters: letters, digits, symbols, and spaces \
                            between them (no accented letters, tabs or control characters)";

/// Whether the kiosk's PIN box takes `c`: printable ASCII, which every kiosk
/// keyboard and terminal sends the same way.
pub fn pin_char(c: char) -> bool {
    c == ' ' || c.is_ascii_graphic()
}

/// What is wrong with `pin` as a staff PIN, if anything. `hash-pin` and the
/// PIN box both follow it, so every PIN that can be hashed can be typed.
pub fn pin_problem(pin: &str) -> Option<&'static str> {
    let ok = (PIN_MIN..=PIN_MAX).contains(&pin.len())
        && pin.chars().all(pin_char)
        && !pin.starts_with(' ')
        && !pin.ends_with(' ');
    (!ok).then_some(PIN_RULE)
}

/// The PIN being typed. Its buffer is made big enough at the start and never
/// grows, so no copy is left in freed memory; it is zeroed when cleared or dropped.
pub struct TypedPin(String);

impl Clone for TypedPin {
    /// A copy with its own fixed buffer, so it too never moves.
    fn clone(&self) -> Self {
        let mut copy = TypedPin::default();
        copy.0.push_str(&self.0);
        copy
    }
}

impl Default for TypedPin {
    fn default() -> Self {
        TypedPin(String::with_capacity(PIN_MAX))
    }
}

impl TypedPin {
    /// Adds `c` if the PIN box takes it and there is room.
    pub fn push(&mut self, c: char) {
        if pin_char(c) && self.0.len() < PIN_MAX {
            self.0.push(c);
        }
    }

    pub fn pop(&mut self) {
        // The removed byte (ASCII only) would stay past the end: overwrite it.
        if self.0.pop().is_some() {
            self.0.push('\0');
            self.0.pop();
        }
    }

    /// Zeroes the whole buffer and empties it.
    pub fn clear(&mut self) {
        self.0.zeroize();
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// How many characters were typed (shown as dots).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Drop for TypedPin {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

/// Wrong PINs after which checks are paused.
pub const FREE_TRIES: u32 = 5;
/// The first pause; each further wrong PIN doubles it, up to `MAX_PAUSE_SECS`.
pub const FIRST_PAUSE_SECS: u64 = 30;
pub const MAX_PAUSE_SECS: u64 = 15 * 60;

/// Wrong PINs in a row, and until when checks are paused: with a PIN check
/// taking 14 ms, a 4-digit PIN would fall to scripted guessing in minutes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PinGuard {
    pub wrong: u32,
    /// Seconds since the epoch before which no PIN is checked.
    pub until: u64,
}

impl PinGuard {
    /// Seconds left before the next PIN may be checked, if checks are paused.
    pub fn wait(&self, now: u64) -> Option<u64> {
        // Capped: a clock set back must not lock staff out for longer.
        (now < self.until).then(|| (self.until - now).min(MAX_PAUSE_SECS))
    }

    /// Counts a wrong PIN and returns the pause it starts, if any.
    pub fn failed(&mut self, now: u64) -> Option<u64> {
        self.wrong = self.wrong.saturating_add(1);
        let over = self.wrong.checked_sub(FREE_TRIES)?;
        let pause = FIRST_PAUSE_SECS
            .saturating_mul(1 << over.min(16))
            .min(MAX_PAUSE_SECS);
        self.until = now + pause;
        Some(pause)
    }

    pub fn succeeded(&mut self) {
        *self = PinGuard::default();
    }
}

/// "30 seconds", "1 minute", "15 minutes": a pause in words, rounded up.
pub fn pause_words(secs: u64) -> String {
    match secs {
        1 => "1 second".into(),
        s if s < 60 => format!("{s} seconds"),
        s if s <= 60 => "1 minute".into(),
        s => format!("{} minutes", s.div_ceil(60)),
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
    fn languages_offered_and_the_clinics_must_be_built_in() {
        let hash = hash_pin("4821");
        let c = KioskConfig::parse("k.ron", &config(&hash, 300, 60)).unwrap();
        assert_eq!(
            (c.languages, c.clinic_language),
            (vec!["en".into()], "en".into())
        );
        let with =
            |fields: &str| config(&hash, 300, 60).replace("\n)\n", &format!("\n{fields}\n)\n"));
        let source = with("    languages: [\"es\", \"en\"],\n    clinic_language: \"es\",");
        let c = KioskConfig::parse("k.ron", &source).unwrap();
        assert_eq!(
            (c.languages[0].as_str(), c.clinic_language.as_str()),
            ("es", "es")
        );
        let source = with("    languages: [\"en\", \"vi\"],\n    clinic_language: \"xx\",");
        let e = KioskConfig::parse("k.ron", &source)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("k.ron:8:23: no language \"vi\": the built-in ones are en, es"),
            "{e}"
        );
        assert!(e.contains("k.ron:9:22: no language \"xx\""), "{e}");
    }

    #[test]
    fn pauses_start_after_five_wrong_pins_double_and_are_capped() {
        let mut g = PinGuard::default();
        for _ in 0..4 {
            assert_eq!(g.failed(100), None);
        }
        assert_eq!(g.wait(100), None);
        assert_eq!(g.failed(100), Some(30));
        assert_eq!(g.wait(100), Some(30));
        assert_eq!(g.wait(130), None);
        let pauses: Vec<_> = (0..7).filter_map(|_| g.failed(200)).collect();
        assert_eq!(pauses, [60, 120, 240, 480, 900, 900, 900]);
        g.succeeded();
        assert_eq!(g.failed(300), None, "a right PIN starts the count again");
        assert_eq!(pause_words(30), "30 seconds");
        assert_eq!(pause_words(60), "1 minute");
        assert_eq!(pause_words(61), "2 minutes");
    }

    #[test]
    fn the_pin_rule() {
        for ok in ["1234", "Ab 1!", &"x".repeat(64)] {
            assert_eq!(pin_problem(ok), None, "{ok:?}");
        }
        for bad in ["123", " 1234", "1234 ", "12\t34", "12é4", &"x".repeat(65)] {
            assert_eq!(pin_problem(bad), Some(PIN_RULE), "{bad:?}");
        }
    }

    #[test]
    fn a_typed_pin_takes_only_what_the_rule_allows() {
        let mut pin = TypedPin::default();
        for c in "Ab 1!é\t".chars().chain(std::iter::repeat_n('9', 100)) {
            pin.push(c);
        }
        assert_eq!(pin.len(), PIN_MAX);
        assert!(pin.as_str().starts_with("Ab 1!9"));
        pin.pop();
        assert_eq!(pin.len(), PIN_MAX - 1);
        pin.clear();
        assert!(pin.is_empty());
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

    /// A valid configuration with one more field, on line 8.
    fn text(extra: &str) -> String {
        config(&hash_pin("4821"), 300, 60).replace(")\n", &format!("    {extra}\n)\n"))
    }

    #[test]
    fn a_clinics_fhir_base_is_checked_where_it_is_written() {
        let e = KioskConfig::parse("k.ron", &text("fhir_base: \"fhir.clinic.test\","))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("k.ron:8:5: fhir_base: \"fhir.clinic.test\" is not"),
            "{e}"
        );
        let c = KioskConfig::parse("k.ron", &text("fhir_base: \"https://fhir.clinic.test\","));
        let url = c.unwrap().canonical().questionnaire("q");
        assert_eq!(url, "https://fhir.clinic.test/Questionnaire/q");
        let c = KioskConfig::parse("k.ron", &config(&hash_pin("4821"), 300, 60)).unwrap();
        assert_eq!(c.canonical(), Canonical::default());
    }

    #[test]
    fn a_fhir_server_is_checked_where_it_is_written() {
        let plain = "fhir_server: Some((url: \"http://fhir.clinic.test/r4\")),";
        let e = KioskConfig::parse("k.ron", &text(plain))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("k.ron:8:5: fhir_server: http://fhir.clinic.test/r4: use https"),
            "{e}"
        );
        let missing =
            "fhir_server: Some((url: \"https://x.test\", token_file: \"/nonexistent/t\")),";
        let e = KioskConfig::parse("k.ron", &text(missing))
            .unwrap_err()
            .to_string();
        assert!(e.contains("fhir_server: token file /nonexistent/t:"), "{e}");
        let e = KioskConfig::parse(
            "k.ron",
            &text("fhir_server: Some((url: \"https://x.test/r4\")),"),
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("fhir_server needs fhir_base"), "{e}");
        let example = "fhir_server: Some((url: \"https://x.test/r4\")),\n    fhir_base: \"http://intake.example.org/fhir/\",";
        let e = KioskConfig::parse("k.ron", &text(example))
            .unwrap_err()
            .to_string();
        assert!(e.contains("fhir_server needs fhir_base"), "{e}");
        let good = "fhir_server: Some((url: \"https://x.test/r4\")),\n    fhir_base: \"https://x.test/intake\",";
        let c = KioskConfig::parse("k.ron", &text(good)).unwrap();
        assert_eq!(c.fhir_server.as_ref().unwrap().url, "https://x.test/r4");
        assert_eq!(c.outbox_dir(), PathBuf::from("/tmp/y/outbox"));
    }

    #[test]
    fn a_visit_code_pattern_is_checked_where_it_is_written() {
        let good = "visit_code: Some((asked_of: Staff, pattern: \"AA9999\", may_skip: true)),";
        let c = KioskConfig::parse("k.ron", &text(good)).unwrap();
        let v = c.visit_code.unwrap();
        assert_eq!((v.asked_of, v.may_skip), (visit_code::AskedOf::Staff, true));
        let bad = "visit_code: Some((asked_of: Patient, pattern: \"AA-99\")),";
        let e = KioskConfig::parse("k.ron", &text(bad))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("k.ron:8:42: visit_code pattern: '-' is not a place"),
            "{e}"
        );
    }

    #[test]
    fn a_page_command_or_resume_check_that_cannot_work_is_refused() {
        let e = KioskConfig::parse("k.ron", &text("on_emergency: [\"page.sh\"],"))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("k.ron:8:5: on_emergency: page.sh: give the full path"),
            "{e}"
        );
        let e = KioskConfig::parse("k.ron", &text("on_emergency: [\"/nonexistent/pager\"],"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("no such program"), "{e}");
        assert!(KioskConfig::parse("k.ron", &text("on_emergency: [\"/bin/sh\"],")).is_ok());

        let q = crate::content::questionnaire();
        for (check, ok) in [
            ("age", true),
            ("goal", true),
            ("agee", false),
            ("pain_now", false),
        ] {
            let source = text(&format!("resume_check: \"{check}\","));
            let c = KioskConfig::parse("k.ron", &source).unwrap();
            let checked = c.check_against("k.ron", &source, &q);
            assert_eq!(checked.is_ok(), ok, "{check}: {checked:?}");
            if let Err(e) = checked {
                assert!(e.to_string().starts_with("k.ron:8:5: resume_check:"), "{e}");
            }
        }
    }
}
