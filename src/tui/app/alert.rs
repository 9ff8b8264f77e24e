//! The emergency alert screen: told, then the patient may go on.

use super::*;

impl App {
    pub(super) fn update_alert(&mut self, msg: Msg) {
        let frame = Frame::new(self.area);
        let go_on = match msg {
            Msg::Confirm | Msg::Right | Msg::Toggle => true,
            Msg::Click { column, row } => {
                layout::contains(frame.right_button(&self.words().buttons.go_on), column, row)
            }
            _ => false,
        };
        if !go_on {
            return;
        }
        let then = self.alert.take().and_then(|a| a.then);
        self.screen = then.unwrap_or(Screen::Review);
    }
}
