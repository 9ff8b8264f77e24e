//! The terminal program: set-up and teardown of the terminal, and the event
//! loop that turns events into messages and state into frames.
//!
//! The loop blocks on a channel fed by a thread that reads terminal events and
//! one that receives signals, so an idle program uses no CPU and a signal is
//! handled like any event: the terminal is restored before the program ends.

pub mod app;
pub mod editor;
pub mod layout;
pub mod message;
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
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::layout::Rect;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};

pub use app::App;

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
pub fn run(make: impl FnOnce() -> App + Send + 'static) -> io::Result<(App, Exit)> {
    let maker = thread::spawn(make);
    let (tx, rx) = mpsc::channel();
    // Signals first, so one that comes during set-up still restores the terminal.
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    let handle = signals.handle();
    let signal_tx = tx.clone();
    thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            let _ = signal_tx.send(Wake::Signal(sig));
        }
    });

    let mut terminal = init()?;
    let Ok(mut app) = maker.join() else {
        restore();
        return Err(io::Error::other("the questionnaire could not be loaded"));
    };
    let size = terminal.size()?;
    app.update(message::Msg::Resize(size.width, size.height));
    // The first frame before anything else: the patient sees it sooner.
    draw(&mut terminal, &app)?;

    thread::spawn(move || {
        loop {
            let wake = match event::read() {
                Ok(e) => Wake::Term(e),
                Err(_) => Wake::InputClosed,
            };
            let closed = matches!(wake, Wake::InputClosed);
            if tx.send(wake).is_err() || closed {
                break;
            }
        }
    });

    let result = event_loop(&mut terminal, &mut app, &rx);
    restore();
    handle.close();
    result.map(|exit| (app, exit))
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    rx: &mpsc::Receiver<Wake>,
) -> io::Result<Exit> {
    draw(terminal, app)?;
    while app.running {
        // Blocks until something happens: no polling, no CPU while idle.
        let Ok(wake) = rx.recv() else {
            return Ok(Exit::Done);
        };
        match wake {
            Wake::Signal(sig) => return Ok(Exit::Signal(sig)),
            // The terminal went away (closed window): nothing more can come.
            Wake::InputClosed => return Ok(Exit::Signal(SIGHUP)),
            Wake::Term(e) => {
                if let Some(msg) = message::from_event(&e, app.focus()) {
                    app.update(msg);
                } else if !matches!(e, Event::Resize(..)) {
                    continue;
                }
            }
        }
        if app.running {
            draw(terminal, app)?;
        }
    }
    Ok(Exit::Done)
}

/// One frame, inside synchronized-output markers so the terminal shows it whole.
fn draw(terminal: &mut DefaultTerminal, app: &App) -> io::Result<()> {
    execute!(io::stdout(), BeginSynchronizedUpdate)?;
    terminal.draw(|frame| view::view(app, frame))?;
    execute!(io::stdout(), EndSynchronizedUpdate)
}

fn init() -> io::Result<DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    execute!(io::stdout(), EnableMouseCapture, EnableBracketedPaste)?;
    // ratatui's panic hook leaves raw mode and the alternate screen; mouse
    // capture and bracketed paste are ours to turn off.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
        hook(info);
    }));
    Ok(terminal)
}

fn restore() {
    let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
    let _ = io::stdout().flush();
}

/// The size to assume before the terminal reports one (tests use their own).
pub const DEFAULT_AREA: Rect = Rect {
    x: 0,
    y: 0,
    width: 80,
    height: 24,
};
