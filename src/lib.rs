//! `intake`: a questionnaire engine and terminal walk-through for back pain
//! with leg weakness. Every module but `tui` is the core, with no terminal
//! in it; the screen (`tui`, the default feature) sits on top. The README's
//! Architecture section has the map.

pub mod answers;
pub mod body;
pub mod check;
pub mod cli;
pub mod codes;
pub mod condition;
pub mod content;
pub mod diagnostic;
pub mod export;
pub mod findings;
pub mod journal;
pub mod kiosk;
pub mod languages;
#[cfg(feature = "tui")]
pub mod linear;
pub mod markup;
pub mod memory;
pub mod outbox;
pub mod practice;
pub mod questionnaire;
pub mod report;
pub mod session_id;
pub mod text;
pub mod translation;
#[cfg(feature = "tui")]
pub mod tui;
pub mod visit_code;
