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

    #[test]
    fn the_text_goes_on_standard_input_with_the_language_as_the_voice() {
        let d = std::env::temp_dir().join(format!("intake-speech-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        let fake = d.join("espeak-ng");
        let script = format!(
            "#!/bin/sh\ncat > {0}/text\necho \"$@\" > {0}/args\n",
            d.display()
        );
        std::fs::write(&fake, script).unwrap();
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert!(Speaker::at(d.join("none")).is_none());
        let mut speaker = Speaker::at(fake).unwrap();
        speaker.say("¿Le duele? 1: Sí.", "es").unwrap();
        let start = std::time::Instant::now();
        while std::fs::read_to_string(d.join("args")).is_err() {
            assert!(start.elapsed().as_secs() < 5, "the program never ran");
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
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
        let d = std::env::temp_dir().join(format!("intake-reap-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        let fake = d.join("espeak-ng");
        std::fs::write(&fake, "#!/bin/sh\ncat > /dev/null\n").unwrap();
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
        let mut speaker = Speaker::at(fake).unwrap();
        speaker.say("Yes.", "en").unwrap();
        let pid = speaker.speaking.as_ref().unwrap().lock().unwrap().id();
        // A zombie keeps its /proc entry (state Z) until it is reaped.
        let start = std::time::Instant::now();
        while Path::new(&format!("/proc/{pid}")).exists() {
            assert!(
                start.elapsed().as_secs() < 5,
                "the finished voice was left a zombie"
            );
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        drop(speaker);
        std::fs::remove_dir_all(d).unwrap();
    }
}
