//! The runtime's voice for read-aloud: espeak-ng, where it is installed,
//! given the text on its standard input (so nothing of it shows in a
//! process list) and never waited for by the UI: a thread reaps it when it
//! ends, so no zombie waits for the next key. A new request stops the one
//! before, as a patient who presses again wants to hear the new question.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, PoisonError};

pub struct Speaker {
    program: PathBuf,
    speaking: Option<Arc<Mutex<Child>>>,
}

impl Speaker {
    /// The speech program: `INTAKE_SPEECH` names one (or "off" for none),
    /// else espeak-ng on the PATH; None when there is none.
    pub fn find() -> Option<Speaker> {
        let program = match std::env::var_os("INTAKE_SPEECH") {
            Some(v) if v == "off" || v == "0" || v.is_empty() => return None,
            Some(v) => PathBuf::from(v),
            None => on_path("espeak-ng")?,
        };
        Speaker::at(program)
    }

    /// The speech program at `program`, if it is one.
    pub fn at(program: PathBuf) -> Option<Speaker> {
        is_program(&program).then_some(Speaker {
            program,
            speaking: None,
        })
    }

    /// Starts reading `text` in `language` (an espeak-ng voice such as
    /// "en" or "es"), stopping what was being read.
    pub fn say(&mut self, text: &str, language: &str) -> std::io::Result<()> {
        self.stop();
        let mut child = Command::new(&self.program)
            .args(["-v", language])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        if let Some(mut stdin) = child.stdin.take() {
            // Closed when dropped: the program reads to the end, then speaks.
            stdin.write_all(text.as_bytes())?;
        }
        let child = Arc::new(Mutex::new(child));
        reap_when_done(Arc::clone(&child));
        self.speaking = Some(child);
        Ok(())
    }

    fn stop(&mut self) {
        if let Some(child) = self.speaking.take() {
            let mut child = child.lock().unwrap_or_else(PoisonError::into_inner);
            // A child already reaped is known to std, which then kills nothing.
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Waits, in a thread blocked in waitid(2) (no CPU), for `child` to end,
/// then reaps it. WNOWAIT leaves it unreaped until the lock is held, so
/// `stop` never signals a process id the system has given to another.
fn reap_when_done(child: Arc<Mutex<Child>>) {
    let pid = child.lock().unwrap_or_else(PoisonError::into_inner).id();
    std::thread::spawn(move || {
        loop {
            // SAFETY: `info` is a zeroed siginfo_t the call writes into.
            let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
            let flags = libc::WEXITED | libc::WNOWAIT;
            // SAFETY: `pid` is our own child, not yet reaped; `info` is live.
            let r = unsafe { libc::waitid(libc::P_PID, pid, &mut info, flags) };
            if r == 0 || std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
                break;
            }
        }
        let _ = child
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .try_wait();
    });
}

impl Drop for Speaker {
    fn drop(&mut self) {
        self.stop();
    }
}

fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| is_program(p))
}

fn is_program(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;
    use std::time::{Duration, Instant};

    /// A speech program in a fresh folder named for the test: a shell
    /// script (`{dir}` in it is the folder).
    fn fake(test: &str, script: &str) -> (PathBuf, PathBuf) {
        let d = std::env::temp_dir().join(format!("intake-{test}-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        let program = d.join("espeak-ng");
        let script = script.replace("{dir}", &d.display().to_string());
        std::fs::write(&program, format!("#!/bin/sh\n{script}\n")).unwrap();
        std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
        (d, program)
    }

    /// Waits up to 5 s for `done`; `what` says what never happened.
    fn wait_for(done: impl Fn() -> bool, what: &str) {
        let start = Instant::now();
        while !done() {
            assert!(start.elapsed().as_secs() < 5, "{what}");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn pid(speaker: &Speaker) -> u32 {
        speaker.speaking.as_ref().unwrap().lock().unwrap().id()
    }

    /// Gone, not even a zombie: a zombie keeps its /proc entry until reaped.
    fn gone(pid: u32) -> bool {
        !Path::new(&format!("/proc/{pid}")).exists()
    }

    #[test]
    fn the_text_goes_on_standard_input_with_the_language_as_the_voice() {
        let script = "cat > {dir}/text\necho \"$@\" > {dir}/args";
        let (d, program) = fake("speech", script);
        assert!(Speaker::at(d.join("none")).is_none());
        let mut speaker = Speaker::at(program).unwrap();
        speaker.say("¿Le duele? 1: Sí.", "es").unwrap();
        wait_for(|| d.join("args").exists(), "the program never ran");
        drop(speaker);
        assert_eq!(std::fs::read_to_string(d.join("args")).unwrap(), "-v es\n");
        assert_eq!(
            std::fs::read_to_string(d.join("text")).unwrap(),
            "¿Le duele? 1: Sí."
        );
        std::fs::remove_dir_all(d).unwrap();
    }

    #[test]
    fn a_voice_that_has_finished_is_reaped_without_another_request() {
        let (d, program) = fake("reap", "cat > /dev/null");
        let mut speaker = Speaker::at(program).unwrap();
        speaker.say("Yes.", "en").unwrap();
        let pid = pid(&speaker);
        wait_for(|| gone(pid), "the finished voice was left a zombie");
        drop(speaker);
        std::fs::remove_dir_all(d).unwrap();
    }

    #[test]
    fn a_new_request_or_the_end_stops_the_voice_still_speaking() {
        let (d, program) = fake("stop", "cat > /dev/null\nexec sleep 30");
        let mut speaker = Speaker::at(program).unwrap();
        speaker.say("One.", "en").unwrap();
        let first = pid(&speaker);
        speaker.say("Two.", "en").unwrap();
        assert!(gone(first), "the first voice speaks on");
        let second = pid(&speaker);
        assert!(!gone(second));
        drop(speaker);
        assert!(gone(second), "the voice outlives the program");
        std::fs::remove_dir_all(d).unwrap();
    }
}
