//! Cross-references: `f` lists the document's links (their words are underlined in the text),
//! the first one at or after the passage being read selected; Enter follows a link to the
//! document it names when that document is loaded, and says so in the status bar when it is
//! not (another volume not opened, a page, an address: nothing is fetched).

use super::{Action, App, ListView, Overlay, Pane};
use crate::model::Link;

impl App {
    /// The current document's links.
    pub fn links(&self) -> &[Link] {
        self.current_doc().map_or(&[], |d| d.links.as_slice())
    }

    /// A link's row in the overlay: its words, where it leads, and whether that is here.
    pub fn link_row(&self, index: usize) -> String {
        let Some(link) = self.links().get(index) else {
            return String::new();
        };
        let place = match &link.note {
            Some(n) => format!("[{n}] "),
            None => String::new(),
        };
        let words = if link.text.is_empty() {
            link.target.as_str()
        } else {
            link.text.as_str()
        };
        let leads = match &link.doc_id {
            Some(id) if self.docs.iter().any(|d| &d.id == id) => format!("→ {id}"),
            Some(id) => format!("→ {id} (not loaded)"),
            None => format!("{} (not a document)", link.target),
        };
        format!("{place}{words}  {leads}")
    }

    pub(super) fn open_links(&mut self) {
        let count = self.links().len();
        if count == 0 {
            self.message = Some("this document has no cross-references".into());
            return;
        }
        // The first link at or after the passage being read.
        let order = self.passage_order();
        let reading = self.reading_passage().unwrap_or(0);
        let selected = self
            .links()
            .iter()
            .position(|l| {
                l.anchor
                    .as_ref()
                    .and_then(|a| order.iter().position(|id| *id == a.passage))
                    .is_some_and(|at| at >= reading)
            })
            .unwrap_or(0);
        self.picker = ListView {
            items: (0..count).collect(),
            selected,
            ..ListView::default()
        };
        self.overlay = Overlay::Links;
    }

    /// The current document's passage ids in reading order.
    pub(super) fn passage_order(&self) -> Vec<String> {
        self.doc_passage_range()
            .map(|p| self.section_id(p).to_string())
            .collect()
    }

    pub(super) fn links_action(&mut self, action: Action) {
        if !self.pick_action(&action) && action == Action::Open {
            self.follow_link();
        }
    }

    /// Moves in the pick overlay's list; true when the action was a move.
    pub(super) fn pick_action(&mut self, action: &Action) -> bool {
        let count = self.picker.items.len();
        let last = count.saturating_sub(1);
        let picker = &mut self.picker;
        match action {
            Action::Down => picker.selected = (picker.selected + 1).min(last),
            Action::Up => picker.selected = picker.selected.saturating_sub(1),
            Action::Top => picker.selected = 0,
            Action::Bottom => picker.selected = last,
            Action::PageDown => picker.selected = (picker.selected + 10).min(last),
            Action::PageUp => picker.selected = picker.selected.saturating_sub(10),
            Action::Cancel => self.overlay = Overlay::None,
            _ => return false,
        }
        true
    }

    fn follow_link(&mut self) {
        let Some(link) = self
            .picker
            .current()
            .and_then(|i| self.links().get(i))
            .cloned()
        else {
            return;
        };
        let Some(id) = link.doc_id else {
            self.message = Some(format!(
                "{}: a page, a volume or an address, not a document dossier can open",
                link.target
            ));
            return;
        };
        let Some(doc) = self.docs.iter().position(|d| d.id == id) else {
            self.message = Some(format!(
                "{id} is not loaded: open its volume with this one to follow {}",
                link.target
            ));
            return;
        };
        self.overlay = Overlay::None;
        self.go_to_document(doc);
        self.set_focus(Pane::Detail);
        self.message = Some(format!("followed {} to {id}", link.target));
    }
}
