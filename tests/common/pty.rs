//! The real binary in a pseudo-terminal of 30 rows by 100 columns, as the
//! pty tests run it: a UTF-8 locale, no speech (whether espeak-ng is
//! installed must not change what is drawn), the project's directory.

use std::io::{Read, Write};
use std::sync::mpsc;
use std::thread;

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// A running program: its process, a writer to type with, and what it
/// writes, as it comes.
pub struct Pty {
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    pub writer: Box<dyn Write + Send>,
    pub output: mpsc::Receiver<Vec<u8>>,
}

/// Starts intake with `args` and the environment `env` added.
pub fn spawn(args: &[&str], env: &[(&str, &str)]) -> Pty {
    spawn_program(env!("CARGO_BIN_EXE_intake"), args, env)
}

/// Starts `program` as intake is started: another program that runs it
/// (a screen reader) sees the same terminal, locale and environment.
pub fn spawn_program(program: &str, args: &[&str], env: &[(&str, &str)]) -> Pty {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(program);
    cmd.args(args);
    cmd.env("INTAKE_SPEECH", "off");
    cmd.env("TERM", "xterm-256color");
    // A UTF-8 locale, whatever the tester's: the screens draw Unicode.
    cmd.env("LC_ALL", "C.UTF-8");
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    for (k, v) in env {
        cmd.env(k, v);
    }
    let child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let writer = pty.master.take_writer().unwrap();
    let (tx, output) = mpsc::channel();
    thread::spawn(move || {
        let _master = pty.master; // keep the pty open while reading
        let mut buf = [0; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    Pty {
        child,
        writer,
        output,
    }
}
