use std::cell::RefCell;
use std::os::unix::fs::PermissionsExt;

use super::*;

fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("intake-outbox-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&d);
    d
}

/// A server that answers from a script, one answer per try, and keeps
/// what it was sent.
struct Scripted {
    answers: RefCell<Vec<Result<Delivered, Failure>>>,
    got: RefCell<Vec<Vec<u8>>>,
}

impl Scripted {
    fn new(mut answers: Vec<Result<Delivered, Failure>>) -> Scripted {
        answers.reverse();
        Scripted {
            answers: RefCell::new(answers),
            got: RefCell::new(Vec::new()),
        }
    }
}

impl Server for Scripted {
    fn deliver(&self, bundle: &[u8]) -> Result<Delivered, Failure> {
        self.got.borrow_mut().push(bundle.to_vec());
        self.answers.borrow_mut().pop().expect("a scripted answer")
    }
}

fn refused() -> Failure {
    Failure {
        why: "server refused the Bundle: HTTP 400".into(),
        retry: Retry::Hourly,
    }
}

fn down() -> Failure {
    Failure {
        why: "server not reached: connection refused".into(),
        retry: Retry::Soon,
    }
}

#[test]
fn a_queued_bundle_is_private_and_due_at_once() {
    let d = temp("put");
    let o = Outbox::open(&d).unwrap();
    let name = o.put("summary-1.fhir.json", b"{}", 100).unwrap();
    assert_eq!(name, "summary-1");
    for dir in [d.clone(), d.join("pending"), d.join("sent")] {
        assert_eq!(
            fs::metadata(dir).unwrap().permissions().mode() & 0o777,
            0o700
        );
    }
    let file = d.join("pending/summary-1.fhir.json");
    assert_eq!(
        fs::metadata(file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let w = o.waiting().unwrap();
    assert_eq!(w.len(), 1);
    assert_eq!(
        (w[0].tries.queued, w[0].tries.next, w[0].tries.attempts),
        (100, 100, 0)
    );
    assert_eq!(o.next_due().unwrap(), Some(100));
    fs::remove_dir_all(d).unwrap();
}

#[test]
fn the_same_name_twice_is_two_bundles_never_one_replaced() {
    let d = temp("twice");
    let o = Outbox::open(&d).unwrap();
    assert_eq!(o.put("s.fhir.json", b"1", 1).unwrap(), "s");
    assert_eq!(o.put("s.fhir.json", b"2", 2).unwrap(), "s-1");
    assert_eq!(o.bundle("s").unwrap(), b"1");
    assert_eq!(o.bundle("s-1").unwrap(), b"2");
    fs::remove_dir_all(d).unwrap();
}

#[test]
fn a_failed_try_waits_longer_each_time_and_keeps_its_reason() {
    let d = temp("backoff");
    let o = Outbox::open(&d).unwrap();
    o.put("s", b"{}", 0).unwrap();
    let server = Scripted::new(vec![Err(down()), Err(down()), Err(down())]);
    let mut now = 0;
    let mut waits = Vec::new();
    for _ in 0..3 {
        let done = deliver_due(&o, &server, now, false).unwrap().done;
        let deliver::Outcome::Failed(tries) = &done[0].1 else {
            panic!("failed")
        };
        waits.push(tries.next - now);
        now = tries.next;
        // Not due yet: not tried.
        assert!(
            deliver_due(&o, &server, now - 1, false)
                .unwrap()
                .done
                .is_empty()
        );
    }
    assert_eq!(waits, [30, 60, 120]);
    let w = &o.waiting().unwrap()[0];
    assert_eq!(w.tries.attempts, 3);
    assert_eq!(
        w.tries.last_error.as_deref(),
        Some("server not reached: connection refused")
    );
    fs::remove_dir_all(d).unwrap();
}

#[test]
fn waiting_is_capped_and_a_refusal_is_tried_hourly() {
    assert_eq!(Retry::Soon.delay(1), 30);
    assert_eq!(Retry::Soon.delay(7), 30 * 60);
    assert_eq!(Retry::Soon.delay(u32::MAX), 30 * 60);
    assert_eq!(Retry::Hourly.delay(1), 3600);
}

#[test]
fn a_delivered_bundle_moves_aside_and_is_never_sent_again() {
    let d = temp("sent");
    let o = Outbox::open(&d).unwrap();
    o.put("a", b"A", 0).unwrap();
    o.put("b", b"B", 1).unwrap();
    let server = Scripted::new(vec![Ok(Delivered::Created), Err(refused())]);
    let done = deliver_due(&o, &server, 5, false).unwrap().done;
    assert_eq!(done.len(), 2);
    assert_eq!(
        *server.got.borrow(),
        [b"A".to_vec(), b"B".to_vec()],
        "oldest first"
    );
    assert_eq!(o.sent_count().unwrap(), 1);
    assert_eq!(fs::read(d.join("sent/a.fhir.json")).unwrap(), b"A");
    assert!(!d.join("pending/a.state.ron").exists());
    let left: Vec<String> = o.waiting().unwrap().into_iter().map(|w| w.name).collect();
    assert_eq!(left, ["b"]);
    // `all` tries what is not yet due, as `intake send` does.
    let server = Scripted::new(vec![Ok(Delivered::AlreadyThere)]);
    deliver_due(&o, &server, 6, true).unwrap();
    assert!(o.waiting().unwrap().is_empty());
    assert_eq!(o.sent_count().unwrap(), 2);
    fs::remove_dir_all(d).unwrap();
}

#[test]
fn a_damaged_state_never_strands_a_bundle() {
    let d = temp("damaged");
    let o = Outbox::open(&d).unwrap();
    o.put("s", b"{}", 50).unwrap();
    fs::write(d.join("pending/s.state.ron"), "garbage").unwrap();
    let w = &o.waiting().unwrap()[0];
    assert_eq!(w.tries.next, 0, "due now");
    fs::remove_dir_all(d).unwrap();
}

#[test]
fn one_sender_at_a_time() {
    let d = temp("lock");
    let o = Outbox::open(&d).unwrap();
    o.put("s", b"{}", 0).unwrap();
    let held = o.lock().unwrap().expect("free");
    let server = Scripted::new(vec![]);
    assert!(deliver_due(&o, &server, 1, true).unwrap().done.is_empty());
    drop(held);
    fs::remove_dir_all(d).unwrap();
}

#[test]
fn once_the_server_is_unreachable_the_rest_wait_without_trying() {
    let d = temp("down");
    let o = Outbox::open(&d).unwrap();
    for (n, name) in ["a", "b", "c"].iter().enumerate() {
        o.put(name, b"{}", n as u64).unwrap();
    }
    let server = Scripted::new(vec![Err(down())]);
    let pass = deliver_due(&o, &server, 10, false).unwrap();
    assert_eq!(server.got.borrow().len(), 1, "one try of the network");
    assert_eq!(pass.done.len(), 3);
    for w in o.waiting().unwrap() {
        assert_eq!((w.tries.attempts, w.tries.next), (1, 40), "{}", w.name);
    }
    fs::remove_dir_all(d).unwrap();
}

#[test]
fn a_next_try_far_ahead_is_a_clock_set_back_and_due_now() {
    let d = temp("clock");
    let o = Outbox::open(&d).unwrap();
    o.put("s", b"{}", 0).unwrap();
    let server = Scripted::new(vec![Err(down()), Ok(Delivered::Created)]);
    deliver_due(&o, &server, 1_000_000, false).unwrap();
    // The clock goes back a day: the try set for 1_000_030 is not waited for.
    let pass = deliver_due(&o, &server, 1_000_000 - 86_400, false).unwrap();
    assert_eq!(pass.done[0].1, Outcome::Delivered(Delivered::Created));
    fs::remove_dir_all(d).unwrap();
}

#[test]
fn an_unreadable_bundle_never_stops_the_others() {
    let d = temp("unreadable");
    let o = Outbox::open(&d).unwrap();
    o.put("a", b"A", 0).unwrap();
    o.put("b", b"B", 1).unwrap();
    // A directory where a's Bundle should be: it cannot be read.
    fs::remove_file(d.join("pending/a.fhir.json")).unwrap();
    fs::create_dir(d.join("pending/a.fhir.json")).unwrap();
    let server = Scripted::new(vec![Ok(Delivered::Created)]);
    let pass = deliver_due(&o, &server, 5, false).unwrap();
    assert_eq!(pass.errors.len(), 1, "{:?}", pass.errors);
    assert_eq!(
        pass.done,
        [("b".to_string(), Outcome::Delivered(Delivered::Created))]
    );
    fs::remove_dir_all(d).unwrap();
}

/// A server that fails while `down` is set, and counts what it takes.
struct Flaky {
    down: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Server for Flaky {
    fn deliver(&self, _: &[u8]) -> Result<Delivered, Failure> {
        if self.down.load(std::sync::atomic::Ordering::SeqCst) {
            Err(down())
        } else {
            Ok(Delivered::Created)
        }
    }
}

static CLOCK: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1000);

fn clock() -> u64 {
    CLOCK.load(std::sync::atomic::Ordering::SeqCst)
}

#[test]
fn the_background_sender_tries_again_when_due_and_delivers() {
    use std::sync::atomic::Ordering::SeqCst;
    let d = temp("worker");
    let o = Outbox::open(&d).unwrap();
    let down = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let server = Flaky { down: down.clone() };
    let waker = spawn(Outbox::open(&d).unwrap(), Box::new(server), clock).unwrap();
    o.put("s", b"{}", clock()).unwrap();
    waker.wake();
    let wait_for = |what: &dyn Fn() -> bool| {
        let start = std::time::Instant::now();
        while !what() {
            assert!(start.elapsed().as_secs() < 10, "timed out");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    };
    wait_for(&|| {
        o.waiting()
            .unwrap()
            .first()
            .is_some_and(|w| w.tries.attempts == 1)
    });
    // The server is back and the try is due: the next wake-up sends it.
    down.store(false, SeqCst);
    CLOCK.fetch_add(30, SeqCst);
    waker.wake();
    wait_for(&|| o.sent_count().unwrap() == 1);
    assert!(o.waiting().unwrap().is_empty());
    drop(waker);
    fs::remove_dir_all(d).unwrap();
}
