//! `z`: the detail pane alone across the screen, as `less` shows a file, and back to the panes.
//!
//! The text is laid out again for the new width (the reading position is kept, as on a
//! resize). A list taking the focus ends the full-width view, since it could not be seen.

use super::{App, Pane};

impl App {
    pub(super) fn toggle_full_width(&mut self) {
        let old_height = self.pane_height(Pane::Detail);
        self.full_width = !self.full_width;
        if self.full_width {
            self.focus = Pane::Detail;
        }
        self.relayout_detail(old_height);
    }

    /// A list pane takes the focus: the panes come back.
    pub(super) fn leave_full_width(&mut self) {
        if self.full_width {
            let old_height = self.pane_height(Pane::Detail);
            self.full_width = false;
            self.relayout_detail(old_height);
        }
    }
}
