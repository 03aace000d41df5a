//! The problems overlay (a list: the selected problem's document opens with Enter) and the
//! mouse.

use super::{Action, App, Input, Overlay, Pane, WHEEL_LINES, offset_by};

impl App {
    /// Lines of the problems overlay.
    pub fn problem_lines(&self) -> Vec<String> {
        self.problems().into_iter().map(|(line, _)| line).collect()
    }

    /// The problems, each with the document it was found in (none for the configuration or
    /// a file that was not loaded).
    fn problems(&self) -> Vec<(String, Option<usize>)> {
        let mut lines: Vec<(String, Option<usize>)> = self
            .config_warnings
            .iter()
            .map(|w| (w.clone(), None))
            .collect();
        lines.extend(self.load_problems.iter().map(|p| {
            let line = format!(
                "{}: not loaded: {}",
                crate::corpus::display_path(&p.path),
                p.message
            );
            (line, None)
        }));
        for (i, doc) in self.docs.iter().enumerate() {
            lines.extend(
                doc.problems
                    .iter()
                    .map(|p| (format!("{}: {p}", doc.id), Some(i))),
            );
        }
        lines
    }

    /// Enter on a problem: its document, shown in the detail pane (the list's filter is
    /// cleared if it hid the document).
    fn open_problem(&mut self) {
        let Some(doc) = self
            .problems()
            .get(self.problems_scroll)
            .and_then(|(_, doc)| *doc)
        else {
            self.message = Some("this problem is not in a document".into());
            return;
        };
        if !self.documents.items.contains(&doc) {
            self.set_documents_filter(String::new());
        }
        if let Some(position) = self.documents.items.iter().position(|&d| d == doc) {
            self.overlay = Overlay::None;
            self.select_document(position);
            self.set_focus(Pane::Detail);
        }
    }

    pub(super) fn problems_action(&mut self, action: Action) {
        let max = self.problem_lines().len().saturating_sub(1);
        match action {
            Action::Down => self.problems_scroll = (self.problems_scroll + 1).min(max),
            Action::Up => self.problems_scroll = self.problems_scroll.saturating_sub(1),
            Action::Top => self.problems_scroll = 0,
            Action::Bottom => self.problems_scroll = max,
            Action::Open | Action::Accept => self.open_problem(),
            _ => self.overlay = Overlay::None,
        }
    }

    pub(super) fn wheel(&mut self, column: u16, row: u16, down: bool) {
        if self.overlay != Overlay::None {
            return;
        }
        let delta = if down { 1 } else { -1 };
        match self.panes().at(column, row) {
            Some(Pane::Detail) => self.scroll_detail(delta * WHEEL_LINES as isize),
            Some(Pane::Documents) => {
                self.select_document(offset_by(self.documents.selected, delta))
            }
            Some(Pane::Sections) => self.select_section(offset_by(self.sections.selected, delta)),
            None => {}
        }
    }

    pub(super) fn click(&mut self, column: u16, row: u16) {
        if self.overlay != Overlay::None {
            return;
        }
        let Some(pane) = self.panes().at(column, row) else {
            return;
        };
        self.input = Input::None;
        self.set_focus(pane);
        let top = self.panes().get(pane).map_or(0, |r| r.y + 1);
        let Some(line) = row.checked_sub(top).map(usize::from) else {
            return;
        };
        match pane {
            Pane::Documents if self.documents.offset + line < self.documents.items.len() => {
                self.select_document(self.documents.offset + line)
            }
            Pane::Sections if self.sections.offset + line < self.sections.items.len() => {
                self.select_section(self.sections.offset + line)
            }
            _ => {}
        }
    }
}
