//! PIN checks must not make a kiosk grow: Argon2 needs 19 MiB for each
//! check, and memory that malloc keeps after each one adds up over weeks.
//! Alone in its own test binary, so no other test's memory is counted.

use intake::kiosk::{KioskConfig, hash_pin};

/// Resident memory of this process, in MiB (Linux).
fn resident_mib() -> f64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap();
    let pages: f64 = statm.split_whitespace().nth(1).unwrap().parse().unwrap();
    pages * 4096.0 / (1024.0 * 1024.0)
}

#[test]
fn fifty_pin_checks_leave_at_most_one_working_buffer_resident() {
    let text = format!(
        "Kiosk(export_dir: \"e\", state_dir: \"s\", idle_timeout_secs: 120, idle_warning_secs: 30, resume_window_secs: 900, staff_pin_hash: \"{}\")",
        hash_pin("2468")
    );
    let config = KioskConfig::parse("kiosk.ron", &text).unwrap();
    let before = resident_mib();
    for n in 0..50 {
        // Other allocations between checks, as the app makes them, keep a
        // freed buffer from being merged back and returned.
        let kept: Vec<Vec<u8>> = (0..64).map(|i| vec![n as u8; 1024 + i]).collect();
        assert!(!config.pin_matches("1357"));
        std::mem::forget(kept);
    }
    let after = resident_mib();
    eprintln!("resident: {before:.1} MiB before, {after:.1} MiB after 50 checks");
    assert!(
        after - before < 30.0,
        "grew by {:.1} MiB over 50 checks",
        after - before
    );
}
