//! Live reload: a new corpus replaces the old one while the reader keeps their place — the
//! same document and section (by id), the same filters, the same scroll where the document is
//! unchanged.

use super::{App, Overlay, Pane};
use crate::corpus::Corpus;

impl App {
    /// Replaces the corpus, keeping the selection, filters, focus and scroll where possible.
    pub fn reload(&mut self, corpus: Corpus) {
        let doc_id = self.current_doc().map(|d| d.id.clone());
        let section = self
            .sections
            .current()
            .filter(|_| self.detail.marked.is_some())
            .map(|p| self.section_id(p).to_string());
        let scroll = self.detail.scroll;
        // The paragraph at the top, found again by its quote if the file changed.
        let spot = self.anchor_at_top();
        let documents_filter = self.documents.filter.clone();
        let sections_filter = self.sections.filter.clone();
        let search = self.detail.search.clone();
        let count = corpus.documents.len();

        let mut fresh = App::new(corpus, self.size);
        fresh.config = self.config.clone();
        fresh.order = self.order;
        fresh.history = std::mem::take(&mut self.history);
        fresh.restore_bookmarks(std::mem::take(&mut self.bookmarks));
        // The rest of the reader's state goes along too: a save after the reload would
        // otherwise remove it from the state file.
        fresh.tags = std::mem::take(&mut self.tags);
        fresh.highlights = std::mem::take(&mut self.highlights);
        fresh.restore_saved(std::mem::take(&mut self.saved.searches));
        fresh.focus = self.focus;
        fresh.list_pane = self.list_pane;
        fresh.set_documents_filter(documents_filter);
        if let Some(position) = doc_id.as_ref().and_then(|id| {
            fresh
                .documents
                .items
                .iter()
                .position(|&d| fresh.docs[d].id == *id)
        }) {
            fresh.select_document(position);
        }
        let same_doc = doc_id.is_some() && fresh.current_doc().map(|d| &d.id) == doc_id.as_ref();
        if same_doc {
            fresh.set_sections_filter(sections_filter);
            let wanted = section.and_then(|id| {
                fresh
                    .sections
                    .items
                    .iter()
                    .position(|&p| fresh.section_id(p) == id)
            });
            match wanted {
                Some(position) => fresh.select_section(position),
                None => {
                    fresh.detail.marked = None;
                    fresh.sections.selected = 0;
                }
            }
            let chosen = fresh.detail.marked;
            if !spot.as_ref().is_some_and(|s| fresh.land_on(s)) {
                fresh.detail.scroll = scroll.min(fresh.max_scroll());
            } else if chosen.is_some_and(|c| Some(c) != fresh.detail.marked) {
                // A section chosen near the end, below the spot at the top, stays chosen.
                if let Some(chosen) = chosen {
                    fresh.mark_passage(chosen);
                }
            }
            if !search.is_empty() {
                fresh.set_search(search);
            }
        }
        fresh.input = self.input;
        fresh.overlay = match self.overlay {
            Overlay::Palette | Overlay::Timeline => Overlay::None,
            other => other,
        };
        if fresh.focus == Pane::Sections && fresh.sections.items.is_empty() {
            fresh.focus = Pane::Documents;
        }
        fresh.message = Some(match (doc_id.is_some(), same_doc) {
            (true, false) => {
                format!("reloaded: {count} documents (the document you were reading is gone)")
            }
            _ => format!("reloaded: {count} documents"),
        });
        *self = fresh;
    }
}
