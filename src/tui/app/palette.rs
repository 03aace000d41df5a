//! The jump palette: every section of every document, ranked by the query, and going there.

use super::{Action, App, Input, Overlay, PALETTE_LIMIT, Pane, offset_by};
use crate::query::{Hit, parse_query};

impl App {
    pub(super) fn open_palette(&mut self) {
        self.overlay = Overlay::Palette;
        self.input = Input::Palette;
        self.set_palette_input(String::new());
    }

    pub(super) fn set_palette_input(&mut self, input: String) {
        self.palette.query = parse_query(&input);
        self.palette.input = input;
        self.palette.hits = if self.palette.query.is_empty() {
            (0..self.index.passages.len().min(PALETTE_LIMIT))
                .map(|passage| Hit { passage, score: 0 })
                .collect()
        } else {
            self.index
                .search(&self.docs, &self.palette.query, PALETTE_LIMIT)
        };
        self.palette.selected = 0;
        self.palette.offset = 0;
    }

    /// Rows of results the palette shows.
    pub fn palette_height(&self) -> usize {
        (self.size.height as usize * 7 / 10)
            .saturating_sub(4)
            .max(1)
    }

    pub(super) fn palette_action(&mut self, action: Action) {
        let mut input = self.palette.input.clone();
        match action {
            Action::Type(c) => input.push(c),
            Action::Backspace => {
                input.pop();
            }
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                let height = self.palette_height();
                let delta = match action {
                    Action::Up => -1,
                    Action::Down => 1,
                    Action::PageUp => -(height as isize),
                    _ => height as isize,
                };
                let target = offset_by(self.palette.selected, delta)
                    .min(self.palette.hits.len().saturating_sub(1));
                self.palette.selected = target;
                if target < self.palette.offset {
                    self.palette.offset = target;
                } else if target >= self.palette.offset + height {
                    self.palette.offset = target + 1 - height;
                }
                return;
            }
            Action::Accept | Action::Open => return self.accept_palette(),
            Action::Cancel | Action::Quit => {
                self.overlay = Overlay::None;
                self.input = Input::None;
                return;
            }
            _ => return,
        }
        self.set_palette_input(input);
    }

    pub(super) fn accept_palette(&mut self) {
        self.overlay = Overlay::None;
        self.input = Input::None;
        let Some(hit) = self.palette.hits.get(self.palette.selected).copied() else {
            return;
        };
        self.go_to_passage(hit.passage);
    }

    /// Shows a passage of any document: selects its document (clearing a filter that hides
    /// it) and its section, and focuses the detail pane.
    pub fn go_to_passage(&mut self, passage: usize) {
        let Some(doc) = self.index.passages.get(passage).map(|p| p.doc) else {
            return;
        };
        self.go_to_document(doc);
        if !self.sections.items.contains(&passage) {
            self.set_sections_filter(String::new());
        }
        if let Some(position) = self.sections.items.iter().position(|&p| p == passage) {
            self.select_section(position);
        }
        self.set_focus(Pane::Detail);
    }

    /// Selects a document by its index in the corpus, clearing a filter that hides it.
    pub fn go_to_document(&mut self, doc: usize) {
        if !self.documents.items.contains(&doc) {
            self.set_documents_filter(String::new());
        }
        if let Some(position) = self.documents.items.iter().position(|&d| d == doc) {
            self.select_document(position);
        }
    }
}
