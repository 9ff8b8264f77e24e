//! The terminal program: set-up and teardown of the terminal, and the event
//! loop that turns events into messages and state into frames.
//!
//! The loop blocks on a channel fed by a thread that reads terminal events and
//! one that receives signals, so an idle program uses no CPU and a signal is
//! handled like any event: the terminal is restored before the program ends.

pub mod app;
pub mod caps;
pub mod colours;
pub mod editor;
pub mod glyphs;
pub mod host;
pub mod keymap;
pub mod kinds;
pub mod layout;
pub mod message;
pub mod speech;
pub mod theme;
pub mod view;
pub mod widgets;

use std::io::{self, Write};
use std::sync::mpsc;
use std::thread;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    self, BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen,
    LeaveAlternateScreen,
};
use ratatui::layout::Rect;
use std::time::{Duration, Instant};

use message::Msg;
use signal_hook::consts::{
    SIGALRM, SIGHUP, SIGINT, SIGPIPE, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2,
};

pub use app::App;
pub use host::Host;

/// What woke the event loop.
enum Wake {
    Term(Event),
    Signal(i32),
    InputClosed,
}

/// How the program ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Done,
    /// Ended by this signal; the caller exits with 128 + signal.
    Signal(i32),
}

/// Runs the app that `make` builds on the real terminal until the user leaves
/// or a signal arrives. `make` runs on its own thread while the terminal is
/// set up, so that loading the questionnaire and setting up overlap.
pub fn run(
    make: impl FnOnce() -> App + Send + 'static,
    host: &mut Host,
    kiosk: bool,
) -> io::Result<(App, Exit)> {
    run_then(make, None, host, kiosk)
}

/// What completes the app after its first frame (the whole questionnaire,
/// when the frame was drawn from its head), or why it cannot start.
pub type Then = Box<dyn FnOnce(&mut App) -> Result<(), String>>;

/// A questionnaire refused after the first frame: its diagnostics, told
/// as they would be before the screen.
#[derive(Debug)]
pub struct Refused(pub String);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refused {}

/// `run`, with `then` run after the first frame and before any key is read:
/// an error there restores the terminal and ends with `Refused`.
pub fn run_then(
    make: impl FnOnce() -> App + Send + 'static,
    then: Option<Then>,
    host: &mut Host,
    kiosk: bool,
) -> io::Result<(App, Exit)> {
    let maker = thread::spawn(make);
    let (tx, rx) = mpsc::channel();
    let handle = watch_signals(&tx, kiosk)?;
    let mut terminal = init()?;
    let Ok(mut app) = maker.join() else {
        restore(terminal);
        return Err(io::Error::other("the questionnaire could not be loaded"));
    };
    // The first frame before anything else: the patient sees it sooner.
    // What completes the app comes next, before any key is read (keys
    // typed meanwhile wait in the terminal), and then its frame.
    let drawn = hung_up(draw(&mut terminal, &mut app)).and_then(|gone| match (gone, then) {
        (None, Some(then)) => {
            then(&mut app).map_err(|why| io::Error::other(Refused(why)))?;
            hung_up(draw(&mut terminal, &mut app))
        }
        (gone, _) => Ok(gone),
    });
    match drawn {
        Ok(None) => {}
        // Gone before the first frame was whole: as if hung up then.
        Ok(Some(exit)) => {
            restore(terminal);
            handle.close();
            return Ok((app, exit));
        }
        Err(e) => {
            restore(terminal);
            return Err(e);
        }
    }
    // Test builds only: a panic on cue, so a test can see the terminal restored.
    #[cfg(debug_assertions)]
    if std::env::var_os("INTAKE_TEST_PANIC").is_some() {
        panic!("INTAKE_TEST_PANIC is set");
    }
    // What the app asked for at start (an old session set aside).
    host.apply_or_report(&mut app);

    watch_hangup(&tx);
    read_input(tx);
    let result = event_loop(&mut terminal, &mut app, host, &rx);
    restore(terminal);
    handle.close();
    result.map(|exit| (app, exit))
}

/// Signals arrive as wake-ups, first thing, so that one that comes during
/// set-up still restores the terminal. At a kiosk, Ctrl-Z's signal is caught
/// too, so nobody can suspend the program (the loop ignores it).
fn watch_signals(
    tx: &mpsc::Sender<Wake>,
    kiosk: bool,
) -> io::Result<signal_hook::iterator::Handle> {
    // Every signal whose default would end the program without restoring
    // the terminal; at a kiosk all but SIGTERM and SIGHUP are ignored.
    let mut wanted = vec![
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE,
    ];
    if kiosk {
        wanted.push(SIGTSTP);
    }
    let mut signals = signal_hook::iterator::Signals::new(wanted)?;
    let handle = signals.handle();
    let tx = tx.clone();
    thread::spawn(move || {
        for sig in signals.forever() {
            if tx.send(Wake::Signal(sig)).is_err() {
                break;
            }
        }
    });
    Ok(handle)
}

/// A terminal that goes away (its window closed) without a SIGHUP reaching
/// us, say under a wrapper, shows as a hang-up on its file descriptors.
/// crossterm cannot tell: its read loops on the end of input for ever. A
/// thread blocks in poll(2) until then, using no CPU meanwhile.
fn watch_hangup(tx: &mpsc::Sender<Wake>) {
    use std::os::fd::AsRawFd;
    let mut fds: Vec<libc::pollfd> = [io::stdin().as_raw_fd(), io::stdout().as_raw_fd()]
        .into_iter()
        // SAFETY: isatty only reads the descriptor's state.
        .filter(|&fd| unsafe { libc::isatty(fd) } == 1)
        // No events asked: hang-up and error are always reported.
        .map(|fd| libc::pollfd {
            fd,
            events: 0,
            revents: 0,
        })
        .collect();
    if fds.is_empty() {
        return;
    }
    let tx = tx.clone();
    thread::spawn(move || {
        loop {
            // SAFETY: `fds` is a live, correctly sized array of pollfd.
            let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, -1) };
            if n > 0 {
                let _ = tx.send(Wake::InputClosed);
                return;
            }
            // Interrupted by a signal: poll again. Any other failure: stop
            // watching rather than end a working program.
            if io::Error::last_os_error().kind() != io::ErrorKind::Interrupted {
                return;
            }
        }
    });
}

/// Terminal events arrive as wake-ups from a thread that blocks on them.
fn read_input(tx: mpsc::Sender<Wake>) {
    thread::spawn(move || {
        let tx = ClosedOnDrop(tx);
        // Test builds only: the reader fails on cue, as crossterm's can.
        #[cfg(debug_assertions)]
        let fail = std::env::var_os("INTAKE_TEST_INPUT_PANIC").is_some();
        while let Ok(e) = event::read() {
            #[cfg(debug_assertions)]
            if fail {
                panic!("INTAKE_TEST_INPUT_PANIC is set");
            }
            if tx.0.send(Wake::Term(e)).is_err() {
                break;
            }
        }
    });
}

/// Tells the loop that input has ended, however the reader ended: an error,
/// or a panic in crossterm's parser (whose state it then cannot trust). The
/// signal threads keep the channel open, so without this a kiosk would wait
/// for ever for keys that cannot come.
struct ClosedOnDrop(mpsc::Sender<Wake>);

impl Drop for ClosedOnDrop {
    fn drop(&mut self) {
        let _ = self.0.send(Wake::InputClosed);
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    host: &mut Host,
    rx: &mpsc::Receiver<Wake>,
) -> io::Result<Exit> {
    let exit = handle_events(terminal, app, host, rx);
    // However the loop ended, no answer it took stays off the disk; a
    // failure now has no frame left to tell it, so the caller prints it
    // once the terminal is restored and the session saved.
    host.settle(app);
    exit
}

fn handle_events(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    host: &mut Host,
    rx: &mpsc::Receiver<Wake>,
) -> io::Result<Exit> {
    let mut last_input = Instant::now();
    // A frame is owed for what was handled since the last one, drawn when
    // nothing more is queued: under a storm of input a frame for each event
    // fell ever further behind the keys. A frame is drawn at least every
    // FRAME_GAP meanwhile, so the screen still moves.
    let mut owed: Option<Instant> = None;
    // The screen also ends when the patient asks for linear mode: the
    // program goes on in plain lines.
    while app.running() && !app.wants_linear() {
        let shown = app.screen;
        let queued = match owed {
            Some(since) if since.elapsed() < FRAME_GAP => rx.try_recv().ok(),
            _ => None,
        };
        if queued.is_none() && owed.take().is_some() {
            if let Some(exit) = hung_up(draw(terminal, app))? {
                return Ok(exit);
            }
            #[cfg(debug_assertions)]
            hold_after_draw();
            // The journal's records written for this frame go to disk now;
            // a failure is told on screen, in a frame of its own.
            if host.sync_held(app).is_err() {
                owed = Some(Instant::now());
            }
        }
        // Blocks until something happens: no polling, no CPU while idle. Only
        // a kiosk with a patient at it wakes itself, for the idle timer.
        let wake = match (queued, idle_wait(app, last_input)) {
            (Some(w), _) => Some(w),
            (None, None) => rx.recv().ok(),
            (None, Some(wait)) => match rx.recv_timeout(wait) {
                Ok(w) => Some(w),
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    app.update(Msg::Tick {
                        idle: last_input.elapsed().as_secs(),
                    });
                    None
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(Exit::Done),
            },
        };
        match wake {
            None => {}
            // At a kiosk only the service manager's signals end the program.
            Some(Wake::Signal(sig)) if app.kiosk.is_some() && !matches!(sig, SIGTERM | SIGHUP) => {
                continue;
            }
            Some(Wake::Signal(sig)) => return Ok(Exit::Signal(sig)),
            // The terminal went away (closed window): nothing more can come.
            Some(Wake::InputClosed) => return Ok(Exit::Signal(SIGHUP)),
            Some(Wake::Term(e)) => {
                if matches!(e, Event::Key(_) | Event::Mouse(_) | Event::Paste(_)) {
                    last_input = Instant::now();
                }
                match message::from_event(&e, &app.keymap, app.focus()) {
                    Some(msg) => app.update(msg),
                    None if matches!(e, Event::Resize(..)) => {}
                    None => continue,
                }
            }
        }
        // A change within the screen (a tick, a digit) is written to the
        // journal at once, so a killed program keeps it, but drawn before
        // its fsync, which took milliseconds at every key. A screen that
        // moves on waits for the disk, as the README promises, and so does
        // anything else (a save, a wipe: they decide the frame).
        host.sync_later = journal_only(app) && app.screen == shown;
        let wiped = host.apply_or_report(app);
        host.sync_later = false;
        if wiped {
            // The last patient's frame must not survive on screen or in
            // either of ratatui's buffers: draw a blank frame over it.
            // (Terminal::clear would ask the terminal for the cursor
            // position, whose reply the input thread would take.)
            let blank = draw_with(terminal, |f| {
                f.render_widget(ratatui::widgets::Clear, f.area())
            });
            if let Some(exit) = hung_up(blank)? {
                return Ok(exit);
            }
            last_input = Instant::now();
        }
        owed.get_or_insert_with(Instant::now);
    }
    Ok(Exit::Done)
}

/// Test builds only: each frame is held on screen for the milliseconds
/// INTAKE_TEST_HOLD_AFTER_DRAW says, so a test can kill the program
/// between a frame and what follows it.
#[cfg(debug_assertions)]
fn hold_after_draw() {
    let hold = std::env::var("INTAKE_TEST_HOLD_AFTER_DRAW").ok();
    if let Some(ms) = hold.and_then(|ms| ms.parse().ok()) {
        thread::sleep(Duration::from_millis(ms));
    }
}

/// Whether all the app asks of the host is to journal changes.
fn journal_only(app: &App) -> bool {
    app.effects
        .iter()
        .all(|e| matches!(e, app::Effect::Journal(_)))
}

/// The longest a storm of input may hold back a frame.
const FRAME_GAP: Duration = Duration::from_millis(50);

/// A frame that could not be written because the terminal is gone ends the
/// program as a hang-up would (the journal has every answer); other errors
/// are errors.
fn hung_up<T>(drawn: io::Result<T>) -> io::Result<Option<Exit>> {
    match drawn {
        Ok(_) => Ok(None),
        Err(e) if terminal_gone(&e) => Ok(Some(Exit::Signal(SIGHUP))),
        Err(e) => Err(e),
    }
}

fn terminal_gone(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::BrokenPipe
        || matches!(
            e.raw_os_error(),
            Some(libc::EIO | libc::ENXIO | libc::EBADF)
        )
}

/// How long the loop may sleep before the idle timer needs it, if at all.
pub(crate) fn idle_wait(app: &App, last_input: Instant) -> Option<Duration> {
    // A staff PIN pause counts down on screen.
    if app.dialog == Some(app::Dialog::StaffPin) && app.pin_guard.wait((app.clock)()).is_some() {
        return Some(Duration::from_secs(1));
    }
    let k = app.kiosk.as_ref().filter(|_| app.in_progress())?;
    let idle = last_input.elapsed().as_secs();
    let warn_at = k.idle_timeout_secs - k.idle_warning_secs;
    // During the warning the countdown redraws every second.
    Some(Duration::from_secs(if idle >= warn_at {
        1
    } else {
        warn_at - idle
    }))
}

/// Draws a frame in the terminal's size now, then reads the next key or
/// click against that frame: the one the patient sees. The glyphs' net
/// goes over it last, for anything the views could not fit.
fn draw(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    let drawn = draw_with(terminal, |frame| {
        view::view(app, frame);
        app.glyphs.net(frame.buffer_mut());
    })?;
    app.update(Msg::Resize(drawn.width, drawn.height));
    Ok(())
}

/// One frame, inside synchronized-output markers so the terminal shows it
/// whole. Returns the frame's area.
fn draw_with(
    terminal: &mut DefaultTerminal,
    render: impl FnOnce(&mut ratatui::Frame),
) -> io::Result<Rect> {
    execute!(io::stdout(), BeginSynchronizedUpdate)?;
    let area = terminal.draw(render)?.area;
    execute!(io::stdout(), EndSynchronizedUpdate)?;
    Ok(area)
}

/// Raw mode, the alternate screen, mouse capture and bracketed paste, and a
/// panic hook that undoes them. Not `ratatui::init`: its restore reports
/// failure with `eprintln!`, which panics when the terminal is gone, and a
/// panic in the panic hook aborts.
fn init() -> io::Result<DefaultTerminal> {
    terminal::enable_raw_mode()?;
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        undo_terminal_modes();
        hook(info);
    }));
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )
    .and_then(|()| ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(io::stdout())))
    .inspect_err(|_| undo_terminal_modes())
}

/// Restores what can be restored; on a vanished terminal nothing can, and
/// nothing is reported (there is nowhere to report it).
fn restore(mut terminal: DefaultTerminal) {
    undo_terminal_modes();
    // ratatui's drop shows the cursor and reports a failure with `eprintln!`:
    // show it here, and on failure skip the drop.
    if terminal.show_cursor().is_err() {
        std::mem::forget(terminal);
    }
}

fn undo_terminal_modes() {
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen
    );
    let _ = terminal::disable_raw_mode();
    let _ = io::stdout().flush();
}

/// The size to assume before the terminal reports one (tests use their own).
pub const DEFAULT_AREA: Rect = Rect {
    x: 0,
    y: 0,
    width: 80,
    height: 24,
};
