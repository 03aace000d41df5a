//! Documents arriving while the browser is up: a large folder loads in the background and
//! every batch joins the lists, the index and whatever view is open.

use super::{App, Overlay, PALETTE_LIMIT, document_row};
use crate::corpus::LoadProblem;
use crate::model::Document;
use crate::query::Hit;
use crate::query::fold::Haystack;

/// How far a background load has got, in files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub files_done: usize,
    pub files_total: usize,
}

impl App {
    /// Adds documents (in corpus order, after those already here) and load problems.
    pub fn append(&mut self, documents: Vec<Document>, problems: Vec<LoadProblem>) {
        self.load_problems.extend(problems);
        if documents.is_empty() {
            return;
        }
        let first = self.docs.len();
        let first_passage = self.index.passages.len();
        self.doc_problems += documents.iter().map(|d| d.problems.len()).sum::<usize>();
        self.doc_rows
            .extend(documents.iter().map(|d| Haystack::new(document_row(d))));
        // Documents join only while loading, before the library shares them: no copy.
        std::sync::Arc::make_mut(&mut self.docs).extend(documents);
        self.index.extend(&self.docs);
        let mut start = first_passage;
        for d in first..self.docs.len() {
            let end = start
                + self.index.passages[start..]
                    .iter()
                    .take_while(|p| p.doc == d)
                    .count();
            self.doc_passages.push(start..end);
            start = end;
        }
        self.refresh_documents(first);
        self.refresh_palette(first_passage);
        self.refresh_timeline();
        if self.loading.is_none() {
            self.recount_saved();
        }
        if let Some(resume) = self.waiting_resume.take() {
            self.resume(resume);
        }
    }

    /// The documents list takes the new documents: at the end when unfiltered, else the
    /// filter ranks again, the selected document staying selected.
    fn refresh_documents(&mut self, first: usize) {
        if first == 0 {
            self.set_documents_filter(self.documents.filter.clone());
            return;
        }
        if self.documents.filter.is_empty() {
            // New documents take their place in the list's order.
            self.documents.items.extend(first..self.docs.len());
            if self.order != super::sort::DocumentOrder::File {
                self.resort_documents();
            }
            return;
        }
        let keep = self.documents.current();
        let (selected, offset) = (self.documents.selected, self.documents.offset);
        let mut items =
            self.index
                .rank_documents(&self.docs, &self.documents.query, &self.doc_rows);
        self.sort_documents(&mut items);
        self.documents.items = items;
        let position = keep.and_then(|k| self.documents.items.iter().position(|&i| i == k));
        match position {
            Some(position) if position == selected => self.documents.offset = offset,
            Some(position) => {
                let height = self.pane_height(super::Pane::Documents);
                self.documents.select(position, height);
            }
            // The list was empty or its document is gone from it: show the best one.
            None => self.select_document(0),
        }
    }

    /// The open palette ranks the new passages too.
    fn refresh_palette(&mut self, first_passage: usize) {
        if self.overlay != Overlay::Palette {
            return;
        }
        if self.palette.query.is_empty() {
            let shown = self.palette.hits.len();
            let end = self.index.passages.len().min(PALETTE_LIMIT);
            self.palette
                .hits
                .extend((first_passage.max(shown)..end).map(|passage| Hit { passage, score: 0 }));
        } else {
            self.palette.pending = true;
        }
    }

    /// An open timeline counts the new documents, its year kept.
    fn refresh_timeline(&mut self) {
        let Some(year) = self.timeline.as_ref().map(|t| t.year()) else {
            return;
        };
        if let Some(timeline) = self.timeline_of_filter(Some(year)) {
            self.timeline = Some(timeline);
        }
    }

    pub fn set_progress(&mut self, files_done: usize, files_total: usize) {
        self.loading = (files_done < files_total).then_some(Progress {
            files_done,
            files_total,
        });
    }

    /// The load is over: nothing more will arrive, so a place not found will not be.
    pub fn finish_loading(&mut self) {
        self.loading = None;
        self.waiting_resume = None;
        self.recount_saved();
    }
}
