//! intake's canonical URLs: the Questionnaire's `url` and the code systems
//! of its options, regions, symptoms, sides and warning signs, all built here
//! from one base. A clinic sets its own base (a URL it controls); the default
//! is on an example domain, so no one mistakes it for a real registry.

use std::fmt;

/// The base when none is configured.
pub const DEFAULT_BASE: &str = "http://intake.example.org/fhir";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Canonical {
    base: String,
}

impl Default for Canonical {
    fn default() -> Self {
        Canonical {
            base: DEFAULT_BASE.to_string(),
        }
    }
}

impl Canonical {
    /// A base as a clinic writes it: an absolute http(s) URL, without a
    /// query, fragment or spaces (R4's `uri`, and `|` would break the
    /// `url|version` a response points with). A final `/` is dropped.
    pub fn new(base: &str) -> Result<Canonical, String> {
        let rest = base
            .strip_prefix("https://")
            .or_else(|| base.strip_prefix("http://"));
        let bad = |c: char| c.is_whitespace() || c.is_control() || "|?#".contains(c);
        match rest {
            None => Err(format!(
                "\"{base}\" is not a base URL: start it with https:// or http://"
            )),
            Some(r) if r.trim_end_matches('/').is_empty() => {
                Err(format!("\"{base}\" has no host after the scheme"))
            }
            Some(_) if base.contains(bad) => Err(format!(
                "\"{base}\" is not a base URL: no spaces, '|', '?' or '#'"
            )),
            Some(_) => Ok(Canonical {
                base: base.trim_end_matches('/').to_string(),
            }),
        }
    }

    /// The Questionnaire `id` declares as its `url`.
    pub fn questionnaire(&self, id: &str) -> String {
        format!("{}/Questionnaire/{id}", self.base)
    }

    /// The options of item `item` of questionnaire `questionnaire`.
    pub fn item(&self, questionnaire: &str, item: &str) -> String {
        format!("{}/CodeSystem/{questionnaire}/{item}", self.base)
    }

    /// The warning signs of a questionnaire's findings rules.
    pub fn warning_signs(&self, questionnaire: &str) -> String {
        format!("{}/CodeSystem/{questionnaire}-warning-signs", self.base)
    }

    /// What a questionnaire's Observations report: its observed items and
    /// scores, by id.
    pub fn observations(&self, questionnaire: &str) -> String {
        format!("{}/CodeSystem/{questionnaire}-observations", self.base)
    }

    /// One of intake's own code systems, shared by every questionnaire.
    pub fn system(&self, system: System) -> String {
        format!("{}/CodeSystem/{system}", self.base)
    }

    /// The findings rules that read questionnaire `questionnaire`, whose
    /// versions a Provenance names.
    pub fn findings_rules(&self, questionnaire: &str) -> String {
        format!("{}/findings-rules/{questionnaire}", self.base)
    }

    /// The identifier system of intake's releases, as the Device that made
    /// a summary.
    pub fn device(&self) -> String {
        format!("{}/device", self.base)
    }

    /// The identifier system of the visit codes on a clinic's check-in
    /// slips, which name the patient a summary is about.
    pub fn visit_codes(&self) -> String {
        format!("{}/visit-code", self.base)
    }

    /// The identifier system of the parts of a summary's Bundle (its Flags,
    /// Observations, note...): `<response identifier>/<part>`.
    pub fn response_parts(&self) -> String {
        format!("{}/response-part", self.base)
    }

    /// The identifier system of the responses intake writes.
    pub fn responses(&self) -> String {
        format!("{}/response", self.base)
    }
}

/// intake's code systems that do not depend on the questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum System {
    BodyRegion,
    Symptom,
    Side,
    WarningLevel,
}

impl fmt::Display for System {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            System::BodyRegion => "body-region",
            System::Symptom => "symptom",
            System::Side => "side",
            System::WarningLevel => "warning-level",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_url_starts_with_the_one_base() {
        let c = Canonical::new("https://fhir.clinic.test/intake/").unwrap();
        let urls = [
            c.questionnaire("q"),
            c.item("q", "side"),
            c.warning_signs("q"),
            c.observations("q"),
            c.system(System::BodyRegion),
            c.findings_rules("q"),
            c.device(),
            c.responses(),
            c.response_parts(),
        ];
        for url in &urls {
            assert!(url.starts_with("https://fhir.clinic.test/intake/"), "{url}");
            assert!(!url.contains("intake//"), "the final / is dropped: {url}");
        }
        assert_eq!(urls[0], "https://fhir.clinic.test/intake/Questionnaire/q");
        assert_ne!(c.item("q", "warning-signs"), c.warning_signs("q"));
    }

    #[test]
    fn a_base_that_is_no_url_is_refused() {
        for bad in [
            "",
            "intake.example.org",
            "ftp://x",
            "http://",
            "https://a b",
            "http://x|1",
            "http://x#y",
        ] {
            assert!(Canonical::new(bad).is_err(), "{bad}");
        }
        assert_eq!(Canonical::default(), Canonical::new(DEFAULT_BASE).unwrap());
    }
}
