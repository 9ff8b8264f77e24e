//! Delivery to a real FHIR R4 server that no one here wrote: the Helios FHIR
//! Server (helios-hfs, SQLite), installed and started by tools/fhir-server.
//! Every example session and vignette is sent through `intake send`; the
//! server is killed half-way and restarted; one Bundle reaches the server
//! but its answer is "lost". Afterwards each Bundle is there exactly once,
//! and the pain scores and marked places can be found by code and by the
//! visit code. The first run builds the server (see tools/fhir-server/README.md).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use intake::answers::Session;
use intake::content::{self, Content};
use intake::export::Summary;
use intake::export::fhir::Canonical;
use intake::outbox::http::{FhirServer, response_identifier};
use intake::outbox::{Outbox, Server as _};
use serde_json::Value;

const TOOLS: &str = "tools/fhir-server";
/// The clinic's base: intake refuses to send under the example one.
const BASE: &str = "https://fhir.clinic.test/intake";

struct Server {
    dir: PathBuf,
    port: u16,
    url: String,
}

impl Server {
    fn start(dir: &Path, port: u16) -> Server {
        let out = run(Command::new(format!("{TOOLS}/start"))
            .arg(dir)
            .arg(port.to_string()));
        let url = String::from_utf8(out.stdout).unwrap().trim().to_string();
        Server {
            dir: dir.to_path_buf(),
            port,
            url,
        }
    }

    /// SIGKILL: a crash, mid-run.
    fn kill(&self) {
        run(Command::new(format!("{TOOLS}/stop"))
            .arg(&self.dir)
            .arg("--kill"));
    }

    /// `total` of a search with `_summary=count`.
    fn count(&self, search: &str) -> u64 {
        let url = format!("{}/{search}&_summary=count", self.url);
        let mut response = ureq::get(&url).call().unwrap();
        let body: Value =
            serde_json::from_str(&response.body_mut().read_to_string().unwrap()).unwrap();
        body["total"]
            .as_u64()
            .unwrap_or_else(|| panic!("{url}: {body}"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = Command::new(format!("{TOOLS}/stop"))
            .arg(&self.dir)
            .arg("--kill")
            .output();
    }
}

fn run(c: &mut Command) -> Output {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{c:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("intake-fhir-server-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A Bundle of every example session and vignette, each its own session
/// (a fresh id), every third with a visit code; with each file, its code.
fn bundles(dir: &Path) -> Vec<(PathBuf, Option<String>)> {
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let mut paths: Vec<PathBuf> = ["examples/sessions", "tests/vignettes"]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron") && !p.ends_with("expect.ron"))
        .collect();
    paths.sort();
    paths
        .iter()
        .enumerate()
        .map(|(n, path)| {
            let text = std::fs::read_to_string(path).unwrap();
            let mut s = Session::from_ron(&path.display().to_string(), &text).unwrap();
            s.id = intake::session_id::fresh();
            s.visit_code = (n % 3 == 0).then(|| format!("AB{n:04}"));
            let summary = Summary::new(&q, &s, &rules, Content::builtin(), s.updated)
                .with_canonical(Canonical::new(BASE).unwrap());
            let file = dir.join(format!(
                "{}.fhir.json",
                path.file_stem().unwrap().to_string_lossy()
            ));
            std::fs::write(&file, summary.fhir()).unwrap();
            (file, s.visit_code.clone())
        })
        .collect()
}

fn send(server: &Server, outbox: &Path, files: &[PathBuf]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_intake"))
        .args(["send", "--server", &server.url, "--outbox"])
        .arg(outbox)
        .args(files)
        .output()
        .unwrap()
}

fn resources<'a>(bundle: &'a Value, kind: &'a str) -> impl Iterator<Item = &'a Value> + 'a {
    let entries = bundle["entry"].as_array().unwrap();
    entries
        .iter()
        .map(|e| &e["resource"])
        .filter(move |r| r["resourceType"] == kind)
}

fn coded(bundle: &Value, system: &str, code: &str) -> u64 {
    resources(bundle, "Observation")
        .filter(|o| {
            let codings = o["code"]["coding"].as_array().unwrap();
            codings
                .iter()
                .any(|c| c["system"] == system && c["code"] == code)
        })
        .count() as u64
}

#[test]
fn every_bundle_arrives_exactly_once_across_a_crash_and_can_be_found() {
    run(&mut Command::new(format!("{TOOLS}/install")));
    let work = temp("send");
    let files = bundles(&work);
    let paths: Vec<PathBuf> = files.iter().map(|(p, _)| p.clone()).collect();
    let outbox = work.join("outbox");
    let server = Server::start(&work.join("server"), free_port());
    let half = paths.len() / 2;

    // The first half, with the server up.
    let out = send(&server, &outbox, &paths[..half]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert_eq!(said.matches(": sent").count(), half, "{said}");

    // One reaches the server, but its answer is lost: still in the outbox.
    let lost = std::fs::read(&paths[half]).unwrap();
    FhirServer::new(&server.url, None)
        .unwrap()
        .deliver(&lost)
        .unwrap();

    // The server crashes; the rest wait in the outbox, none lost.
    server.kill();
    let out = send(&server, &outbox, &paths[half..]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        said.matches("server not reached").count(),
        paths.len() - half,
        "{said}"
    );
    let listed = Command::new(env!("CARGO_BIN_EXE_intake"))
        .args(["outbox", "--outbox"])
        .arg(&outbox)
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(
        listed.contains(&format!("{} waiting, {half} sent", paths.len() - half)),
        "{listed}"
    );

    // Back up (the same data): everything waiting goes, the lost one once.
    let server = Server::start(&server.dir.clone(), server.port);
    let out = send(&server, &outbox, &[]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}");
    assert_eq!(said.matches("already on the server").count(), 1, "{said}");
    assert!(said.ends_with("0 waiting\n"), "{said}");

    // Each exactly once, whole, and findable.
    let n = paths.len() as u64;
    assert_eq!(
        server.count("QuestionnaireResponse?status=completed,in-progress"),
        n
    );
    assert_eq!(
        server.count("Provenance?_id:missing=false"),
        n,
        "no Provenance twice"
    );
    let (mut pain_now, mut pain) = (0, 0);
    for (path, code) in &files {
        let bytes = std::fs::read(path).unwrap();
        let bundle: Value = serde_json::from_slice(&bytes).unwrap();
        let id = response_identifier(&bytes).unwrap();
        assert_eq!(
            server.count(&format!("QuestionnaireResponse?identifier={id}")),
            1,
            "{path:?}"
        );
        pain_now += coded(&bundle, "http://loinc.org", "72514-3");
        pain += coded(&bundle, "http://snomed.info/sct", "22253000");
        if let Some(code) = code {
            let system = format!("{BASE}/visit-code");
            let search = format!("Observation?subject:Patient.identifier={system}|{code}");
            let observations = resources(&bundle, "Observation").count() as u64;
            assert_eq!(server.count(&search), observations, "{path:?}");
            let flags = resources(&bundle, "Flag").count() as u64;
            let search = format!("Flag?subject:Patient.identifier={system}|{code}");
            assert_eq!(server.count(&search), flags, "{path:?}");
        }
    }
    assert!(pain_now > 20 && pain > 20, "{pain_now} {pain}");
    assert_eq!(
        server.count("Observation?code=http://loinc.org|72514-3"),
        pain_now
    );
    assert_eq!(
        server.count("Observation?code=http://snomed.info/sct|22253000"),
        pain
    );

    // A session sent unfinished, then finished: the finished response
    // replaces the unfinished one, and each summary has its Provenance.
    let q = content::questionnaire();
    let rules = content::rules_for(&q).unwrap();
    let path = "examples/sessions/cauda-equina-red-flags.ron";
    let mut s = Session::from_ron(path, &std::fs::read_to_string(path).unwrap()).unwrap();
    s.id = intake::session_id::fresh();
    let clinic = || Canonical::new(BASE).unwrap();
    let finished = Summary::new(&q, &s, &rules, Content::builtin(), s.updated)
        .with_canonical(clinic())
        .fhir();
    s.answers.retain(|id, _| id == "age" || id == "bladder");
    let unfinished = Summary::new(&q, &s, &rules, Content::builtin(), s.updated - 600)
        .with_canonical(clinic())
        .fhir();
    let http = FhirServer::new(&server.url, None).unwrap();
    for bundle in [&unfinished, &finished, &finished] {
        http.deliver(bundle.as_bytes()).unwrap();
    }
    let id = response_identifier(finished.as_bytes()).unwrap();
    let search = format!("QuestionnaireResponse?identifier={id}");
    assert_eq!(server.count(&search), 1);
    assert_eq!(server.count(&format!("{search}&status=completed")), 1);
    let key = id.rsplit('|').next().unwrap();
    let parts = format!("{BASE}/response-part");
    let note = format!("Composition?identifier={parts}|{key}/composition");
    assert_eq!(server.count(&format!("{note}&status=final")), 1);
    assert_eq!(server.count(&format!("{note}&status=preliminary")), 0);
    let n = n + 1;
    assert_eq!(
        server.count("QuestionnaireResponse?status=completed,in-progress"),
        n
    );
    assert_eq!(
        server.count("Provenance?_id:missing=false"),
        n + 1,
        "one for each summary"
    );

    // The kiosk's sender: a Bundle queued is sent in the background.
    let kiosk = Outbox::open(&work.join("kiosk-outbox")).unwrap();
    let server_for_kiosk = FhirServer::new(&server.url, None).unwrap();
    let waker = intake::outbox::spawn(
        Outbox::open(kiosk.dir()).unwrap(),
        Box::new(server_for_kiosk),
        intake::export::time::now,
        Box::new(|_: &str| {}),
    )
    .unwrap();
    let again = bundles(&temp("kiosk"));
    kiosk
        .put(
            "summary.fhir.json",
            &std::fs::read(&again[0].0).unwrap(),
            intake::export::time::now(),
        )
        .unwrap();
    waker.wake();
    let start = Instant::now();
    while kiosk.sent_count().unwrap() == 0 {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the kiosk's sender sent nothing"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(kiosk.waiting().unwrap().is_empty());
    assert_eq!(
        server.count("QuestionnaireResponse?status=completed,in-progress"),
        n + 1
    );
    drop(server);
    let _ = std::fs::remove_dir_all(work);
}
