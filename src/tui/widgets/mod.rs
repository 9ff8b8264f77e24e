//! Reusable widgets of the item screens.

mod buttons;
mod choice_list;
mod figure;
mod progress;
mod scale;
mod text_field;

pub use buttons::{Button, Hints, ShownHint};
pub use choice_list::ChoiceList;
pub use figure::Figure;
pub use progress::Progress;
pub use scale::ScaleBar;
pub use text_field::TextField;
