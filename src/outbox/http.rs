//! A FHIR R4 server over HTTPS: each Bundle is POSTed as a transaction, all
//! or nothing, whose every entry is a conditional create
//! (src/export/fhir.rs): sent again after a lost answer it creates nothing,
//! and the server's answer (every entry found, none created) says so.
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
}

impl Server for FhirServer {
    fn deliver(&self, bundle: &[u8]) -> Result<Delivered, Failure> {
        if response_identifier(bundle).is_none() {
            return Err(Failure {
                why: "not a transaction Bundle with an identified QuestionnaireResponse".into(),
                retry: Retry::Hourly,
            });
        }
        let auth = self.authorization()?;
        let mut request = self
            .agent
            .post(&self.base)
            .header("Content-Type", FHIR_JSON)
            .header("Accept", FHIR_JSON)
            // Only the entries' statuses are read: not the Bundle back.
            .header("Prefer", "return=minimal");
        if let Some(auth) = &auth {
            request = request.header("Authorization", auth.as_str());
        }
        let response = request.send(bundle).map_err(unreachable)?;
        let (status, body) = read(response)?;
        if status != 200 {
            return Err(refused(status, &body));
        }
        taken(&body)
    }
}

/// What a server's answer to a transaction says: every entry created (201)
/// or found already there (200), or the answer is not one to trust (a
/// proxy's page, a server that is no FHIR server), which moves nothing to
/// `sent/`.
fn taken(body: &str) -> Result<Delivered, Failure> {
    let odd = |what: &str| Failure {
        why: format!("the server's answer is not a transaction response: {what}"),
        retry: Retry::Hourly,
    };
    let b: Value = serde_json::from_str(body).map_err(|_| odd("not JSON"))?;
    if b["resourceType"] != "Bundle" || b["type"] != "transaction-response" {
        return Err(odd("not a transaction-response Bundle"));
    }
    let statuses: Vec<&str> = (b["entry"].as_array().ok_or_else(|| odd("no entries"))?)
        .iter()
        .map(|e| e["response"]["status"].as_str().unwrap_or(""))
        .collect();
    if statuses.is_empty() || !statuses.iter().all(|s| s.starts_with('2')) {
        return Err(odd("an entry was not taken"));
    }
    // Every entry matched one already there: an earlier try reached the
    // server and only its answer was lost.
    if statuses.iter().all(|s| s.starts_with("200")) {
        Ok(Delivered::AlreadyThere)
    } else {
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

/// The token in `path`, which must be this user's file and readable by
/// them only.
pub fn read_token(path: &Path) -> Result<Zeroizing<String>, String> {
    let name = path.display();
    let meta = check_token_file(path)?;
    // SAFETY: geteuid has no preconditions and cannot fail.
    if meta.uid() != unsafe { libc::geteuid() } {
        return Err(format!(
            "token file {name}: must be this user's (the kiosk's)"
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

/// What a configuration check can see of a token file, whoever checks it
/// (root checks a kiosk user's file): a file that no one else may read.
pub fn check_token_file(path: &Path) -> Result<std::fs::Metadata, String> {
    let name = path.display();
    let meta = std::fs::metadata(path).map_err(|e| format!("token file {name}: {e}"))?;
    if !meta.is_file() || meta.mode() & 0o077 != 0 {
        return Err(format!(
            "token file {name}: must be a file readable by its owner only (chmod 600)"
        ));
    }
    Ok(meta)
}

/// The status and body of a response, the body at most 4 MiB.
fn read(mut response: ureq::http::Response<ureq::Body>) -> Result<(u16, String), Failure> {
    let status = response.status().as_u16();
    let body = response
        .body_mut()
        .with_config()
        .limit(4 * 1024 * 1024)
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
/// 429) is tried soon, anything else hourly. Only the status and the kind of
/// the first issue are kept: a server's own words may quote the Bundle (a
/// visit code, an answer), and they are kept and printed for staff.
fn refused(status: u16, body: &str) -> Failure {
    let retry = match status {
        408 | 429 | 500..=599 => Retry::Soon,
        _ => Retry::Hourly,
    };
    let code = serde_json::from_str::<Value>(body)
        .ok()
        .and_then(|b| b["issue"][0]["code"].as_str().map(str::to_string))
        .filter(|c| c.len() <= 40 && c.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-'))
        .map(|c| format!(" ({c})"))
        .unwrap_or_default();
    Failure {
        why: format!("server refused the Bundle: HTTP {status}{code}"),
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
        assert!(check_url("http://[::1]:8080/fhir").is_ok());
        assert!(
            check_url("http://fhir.clinic.example/r4")
                .unwrap_err()
                .contains("use https")
        );
        assert!(check_url("ftp://x").is_err());
        assert!(check_url("not a url").is_err());
    }

    #[test]
    fn a_refusal_keeps_the_status_and_the_kind_never_the_servers_words() {
        let body = r#"{"resourceType":"OperationOutcome","issue":[{"code":"duplicate","diagnostics":"visit-code|AB1234 matched twice"}]}"#;
        let f = refused(412, body);
        assert_eq!(f.why, "server refused the Bundle: HTTP 412 (duplicate)");
        assert!(!f.why.contains("AB1234"));
        assert_eq!(f.retry, Retry::Hourly);
        assert_eq!(refused(503, "").retry, Retry::Soon);
        assert_eq!(
            refused(429, "<html>").why,
            "server refused the Bundle: HTTP 429"
        );
    }

    #[test]
    fn only_a_transaction_response_with_every_entry_taken_counts() {
        let answer = |statuses: &[&str]| {
            let entries: Vec<String> = statuses
                .iter()
                .map(|s| format!(r#"{{"response":{{"status":"{s}"}}}}"#))
                .collect();
            format!(
                r#"{{"resourceType":"Bundle","type":"transaction-response","entry":[{}]}}"#,
                entries.join(",")
            )
        };
        assert_eq!(
            taken(&answer(&["201 Created", "200 OK"])),
            Ok(Delivered::Created)
        );
        assert_eq!(
            taken(&answer(&["200 OK", "200"])),
            Ok(Delivered::AlreadyThere)
        );
        assert!(taken(&answer(&["201 Created", "412"])).is_err());
        assert!(taken(&answer(&[])).is_err());
        assert!(taken("<html>welcome</html>").is_err());
        assert!(taken(r#"{"resourceType":"Bundle","type":"searchset","entry":[]}"#).is_err());
    }

    /// A server on this machine that answers one request with `answer`,
    /// and gives back the request it read.
    fn one_answer(answer: &'static str) -> (String, std::thread::JoinHandle<String>) {
        use std::io::{Read, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
        let handle = std::thread::spawn(move || {
            let (mut stream, _) = listener.accept().unwrap();
            stream
                .set_read_timeout(Some(Duration::from_secs(2)))
                .unwrap();
            let mut got = Vec::new();
            let mut buf = [0u8; 65536];
            // Headers, then the body its Content-Length gives.
            while let Ok(n) = stream.read(&mut buf) {
                got.extend_from_slice(&buf[..n]);
                let text = String::from_utf8_lossy(&got);
                if let Some((head, body)) = text.split_once("\r\n\r\n") {
                    let len = head
                        .lines()
                        .find_map(|l| {
                            l.to_ascii_lowercase()
                                .strip_prefix("content-length: ")
                                .map(|v| v.trim().parse::<usize>().unwrap())
                        })
                        .unwrap_or(0);
                    if body.len() >= len {
                        break;
                    }
                }
                if n == 0 {
                    break;
                }
            }
            stream.write_all(answer.as_bytes()).unwrap();
            String::from_utf8_lossy(&got).into_owned()
        });
        (url, handle)
    }

    const BUNDLE: &[u8] = br#"{"resourceType":"Bundle","type":"transaction","entry":[{"resource":{"resourceType":"QuestionnaireResponse","identifier":{"system":"http://x/response","value":"abc"}}}]}"#;

    #[test]
    fn the_token_goes_with_the_bundle_and_a_401_waits_an_hour() {
        use std::os::unix::fs::PermissionsExt;
        let d = std::env::temp_dir().join(format!("intake-401-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        let token = d.join("token");
        std::fs::write(&token, "s3cret\n").unwrap();
        std::fs::set_permissions(&token, std::fs::Permissions::from_mode(0o600)).unwrap();
        let (url, request) = one_answer(
            "HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        );
        let server = FhirServer::new(&url, Some(token)).unwrap();
        let f = server.deliver(BUNDLE).unwrap_err();
        assert_eq!(
            (f.why.as_str(), f.retry),
            ("server refused the Bundle: HTTP 401", Retry::Hourly)
        );
        let request = request.join().unwrap().to_ascii_lowercase();
        assert!(request.starts_with("post / http/1.1"), "{request}");
        assert!(
            request.contains("authorization: bearer s3cret"),
            "{request}"
        );
        assert!(request.contains("prefer: return=minimal"));
        assert!(request.contains("content-type: application/fhir+json"));
        assert!(!f.why.contains("s3cret"));
        std::fs::remove_dir_all(d).unwrap();
    }

    #[test]
    fn a_200_that_is_no_transaction_response_moves_nothing() {
        let (url, _) = one_answer(
            "HTTP/1.1 200 OK\r\nContent-Length: 13\r\nConnection: close\r\n\r\n<html></html>",
        );
        let f = FhirServer::new(&url, None)
            .unwrap()
            .deliver(BUNDLE)
            .unwrap_err();
        assert!(f.why.contains("not a transaction response"), "{}", f.why);
        let (url, _) =
            one_answer("HTTP/1.1 503 Busy\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        let f = FhirServer::new(&url, None)
            .unwrap()
            .deliver(BUNDLE)
            .unwrap_err();
        assert_eq!(f.retry, Retry::Soon);
        // Nothing listening: not reached, tried soon.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let f = FhirServer::new(&format!("http://127.0.0.1:{port}"), None)
            .unwrap()
            .deliver(BUNDLE)
            .unwrap_err();
        assert!(f.why.starts_with("server not reached"), "{}", f.why);
        assert_eq!(f.retry, Retry::Soon);
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
