//! `intake`: a questionnaire engine and terminal walk-through for back pain
//! with leg weakness. The library holds everything but the terminal: the
//! questionnaire model and its checks, answers, body regions and exports.

pub mod answers;
pub mod body;
pub mod check;
pub mod condition;
pub mod content;
pub mod diagnostic;
pub mod export;
pub mod findings;
pub mod journal;
pub mod kiosk;
pub mod memory;
pub mod practice;
pub mod questionnaire;
pub mod report;
pub mod tui;
