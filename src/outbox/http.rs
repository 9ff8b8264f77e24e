//! A FHIR R4 server over HTTPS: each Bundle is first looked for by its
//! QuestionnaireResponse's identifier (found: an earlier try reached the
//! server and only its answer was lost), then POSTed as a transaction, whose
//! response entry is itself a conditional create on that identifier. A
//! transaction is all or nothing, so a response found means the whole
//! Bundle is there: no retry duplicates anything.
//!
//! TLS is rustls, checked against the system's certificates (where a clinic
//! installs its own authority); plain HTTP is allowed only to this machine.
//! The bearer token is read from its file at each try, so a new token needs
//! no restart, and the file must be readable by its owner only.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::Value;
use ureq::tls::{RootCerts, TlsConfig};
use zeroize::Zeroizing;

use super::{Delivered, Failure, Retry, Server};

pub struct FhirServer {
    base: String,
    token_file: Option<PathBuf>,
    agent: ureq::Agent,
}

const FHIR_JSON: &str = "application/fhir+json";

impl FhirServer {
    /// A server at `base` (its FHIR base URL), authorised by the token in
    /// `token_file` if given.
    pub fn new(base: &str, token_file: Option<PathBuf>) -> Result<FhirServer, String> {
        check_url(base)?;
        let tls = TlsConfig::builder()
            .root_certs(RootCerts::PlatformVerifier)
            .build();
        let agent = ureq::Agent::config_builder()
            .timeout_connect(Some(Duration::from_secs(10)))
            .timeout_global(Some(Duration::from_secs(60)))
            .http_status_as_error(false)
            // A redirect could carry the token and the Bundle elsewhere.
            .max_redirects(0)
            .tls_config(tls)
            .user_agent(concat!("intake/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Ok(FhirServer {
            base: base.trim_end_matches('/').to_string(),
            token_file,
            agent,
        })
    }

    fn authorization(&self) -> Result<Option<Zeroizing<String>>, Failure> {
        let Some(path) = &self.token_file else {
            return Ok(None);
        };
        let token = read_token(path).map_err(|why| Failure {
            why,
            retry: Retry::Hourly,
        })?;
        Ok(Some(Zeroizing::new(format!("Bearer {}", token.as_str()))))
    }

    /// Whether the server has a QuestionnaireResponse with this identifier.
    fn has(&self, auth: Option<&str>, identifier: &str) -> Result<bool, Failure> {
        let mut request = self
            .agent
            .get(format!("{}/QuestionnaireResponse", self.base))
            .query("identifier", identifier)
            .query("_summary", "count")
            .header("Accept", FHIR_JSON);
        if let Some(auth) = auth {
            request = request.header("Authorization", auth);
        }
        let response = request.call().map_err(unreachable)?;
        let (status, body) = read(response)?;
        if status != 200 {
            return Err(refused("searching for the response", status, &body));
        }
        let total = serde_json::from_str::<Value>(&body)
            .ok()
            .and_then(|b| b["total"].as_u64());
        match total {
            Some(n) => Ok(n > 0),
            None => Err(Failure {
                why: "the server's search result has no total".into(),
                retry: Retry::Hourly,
            }),
        }
    }
}

impl Server for FhirServer {
    fn deliver(&self, bundle: &[u8]) -> Result<Delivered, Failure> {
        let identifier = response_identifier(bundle).ok_or_else(|| Failure {
            why: "not a transaction Bundle with an identified QuestionnaireResponse".into(),
            retry: Retry::Hourly,
        })?;
        let auth = self.authorization()?;
        let auth = auth.as_ref().map(|a| a.as_str());
        if self.has(auth, &identifier)? {
            return Ok(Delivered::AlreadyThere);
        }
        let mut request = self
            .agent
            .post(&self.base)
            .header("Content-Type", FHIR_JSON)
            .header("Accept", FHIR_JSON);
        if let Some(auth) = auth {
            request = request.header("Authorization", auth);
        }
        let response = request.send(bundle).map_err(unreachable)?;
        let (status, body) = read(response)?;
        if status != 200 {
            return Err(refused("the transaction", status, &body));
        }
        Ok(Delivered::Created)
    }
}

/// `system|value` of the Bundle's QuestionnaireResponse, as a FHIR token
/// search takes it.
pub fn response_identifier(bundle: &[u8]) -> Option<String> {
    let b: Value = serde_json::from_slice(bundle).ok()?;
    if b["resourceType"] != "Bundle" || b["type"] != "transaction" {
        return None;
    }
    let entries = b["entry"].as_array()?;
    let response = entries
        .iter()
        .map(|e| &e["resource"])
        .find(|r| r["resourceType"] == "QuestionnaireResponse")?;
    let id = &response["identifier"];
    Some(format!(
        "{}|{}",
        id["system"].as_str()?,
        id["value"].as_str()?
    ))
}

/// https, or http to this machine only: the Bundle is a patient's answers.
fn check_url(base: &str) -> Result<(), String> {
    let uri: ureq::http::Uri = base.parse().map_err(|_| format!("{base}: not a URL"))?;
    let host = uri.host().unwrap_or("");
    match uri.scheme_str() {
        Some("https") if !host.is_empty() => Ok(()),
        Some("http") if matches!(host, "localhost" | "127.0.0.1" | "[::1]") => Ok(()),
        Some("http") => Err(format!(
            "{base}: use https; plain http is allowed only to this machine (localhost)"
        )),
        _ => Err(format!("{base}: not an http(s) URL")),
    }
}

/// The token in `path`, which must be a file only its owner can read.
pub fn read_token(path: &Path) -> Result<Zeroizing<String>, String> {
    let name = path.display();
    let meta = std::fs::metadata(path).map_err(|e| format!("token file {name}: {e}"))?;
    // SAFETY: geteuid has no preconditions and cannot fail.
    if meta.uid() != unsafe { libc::geteuid() } || meta.mode() & 0o077 != 0 {
        return Err(format!(
            "token file {name}: must be this user's and readable by them only (chmod 600)"
        ));
    }
    let text = Zeroizing::new(
        std::fs::read_to_string(path).map_err(|e| format!("token file {name}: {e}"))?,
    );
    let token = text.trim();
    if token.is_empty() || token.contains(char::is_whitespace) {
        return Err(format!("token file {name}: must hold one token"));
    }
    Ok(Zeroizing::new(token.to_string()))
}

/// The status and body of a response, the body at most 64 KiB.
fn read(mut response: ureq::http::Response<ureq::Body>) -> Result<(u16, String), Failure> {
    let status = response.status().as_u16();
    let body = response
        .body_mut()
        .with_config()
        .limit(64 * 1024)
        .read_to_string()
        .map_err(unreachable)?;
    Ok((status, body))
}

/// The server could not be reached, or the connection broke: try soon.
fn unreachable(e: ureq::Error) -> Failure {
    Failure {
        why: format!("server not reached: {e}"),
        retry: Retry::Soon,
    }
}

/// The server answered but did not take it: busy or failing (5xx, 408,
/// 429) is tried soon, anything else hourly. The reason given is the first
/// OperationOutcome diagnostic, cut short: a server may echo the Bundle.
fn refused(what: &str, status: u16, body: &str) -> Failure {
    let retry = match status {
        408 | 429 | 500..=599 => Retry::Soon,
        _ => Retry::Hourly,
    };
    let said = serde_json::from_str::<Value>(body)
        .ok()
        .and_then(|b| {
            let issue = &b["issue"][0];
            let text = issue["diagnostics"]
                .as_str()
                .or(issue["details"]["text"].as_str());
            text.map(str::to_string)
        })
        .map(|t| {
            let line = t.lines().next().unwrap_or("").to_string();
            let cut: String = line.chars().take(120).collect();
            format!(": {cut}")
        })
        .unwrap_or_default();
    Failure {
        why: format!("server refused {what} (HTTP {status}){said}"),
        retry,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_or_this_machine() {
        assert!(check_url("https://fhir.clinic.example/r4").is_ok());
        assert!(check_url("http://localhost:8080/fhir").is_ok());
        assert!(check_url("http://127.0.0.1:8080").is_ok());
        assert!(
            check_url("http://fhir.clinic.example/r4")
                .unwrap_err()
                .contains("use https")
        );
        assert!(check_url("ftp://x").is_err());
        assert!(check_url("not a url").is_err());
    }

    #[test]
    fn a_refusal_says_the_status_and_the_first_line_only() {
        let body = r#"{"resourceType":"OperationOutcome","issue":[{"diagnostics":"bad thing\nsecond line with data"}]}"#;
        let f = refused("the transaction", 400, body);
        assert_eq!(
            f.why,
            "server refused the transaction (HTTP 400): bad thing"
        );
        assert_eq!(f.retry, Retry::Hourly);
        assert_eq!(refused("x", 503, "").retry, Retry::Soon);
        assert_eq!(refused("x", 429, "").why, "server refused x (HTTP 429)");
    }

    #[test]
    fn a_token_file_must_be_private_and_hold_one_token() {
        use std::os::unix::fs::PermissionsExt;
        let d = std::env::temp_dir().join(format!("intake-token-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        let f = d.join("token");
        std::fs::write(&f, "abc.def.ghi\n").unwrap();
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(read_token(&f).unwrap_err().contains("chmod 600"));
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(read_token(&f).unwrap().as_str(), "abc.def.ghi");
        std::fs::write(&f, "two tokens").unwrap();
        assert!(read_token(&f).unwrap_err().contains("one token"));
        assert!(read_token(&d.join("none")).is_err());
        std::fs::remove_dir_all(d).unwrap();
    }

    #[test]
    fn the_identifier_is_the_responses() {
        let b = br#"{"resourceType":"Bundle","type":"transaction","entry":[
            {"resource":{"resourceType":"Flag"}},
            {"resource":{"resourceType":"QuestionnaireResponse","identifier":{"system":"http://x/s","value":"abc"}}}]}"#;
        assert_eq!(response_identifier(b).as_deref(), Some("http://x/s|abc"));
        assert_eq!(
            response_identifier(br#"{"resourceType":"Bundle","type":"batch"}"#),
            None
        );
        assert_eq!(response_identifier(b"not json"), None);
    }
}
