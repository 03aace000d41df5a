//! `s`: the order of the documents list — as filed, by date, by title, by kind.
//!
//! The order is kept on the list rather than on the corpus, so that documents that arrive
//! while loading (or on reload) are put in their place by the same comparison, and the
//! selected document stays selected whatever moves around it. With a filter, matches are
//! ranked first and then, in any order but "file", sorted by that order.

use std::cmp::Ordering;

use super::{App, Pane};
use crate::model::Document;

/// An order of the documents list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DocumentOrder {
    /// As the corpus holds them: by file.
    #[default]
    File,
    /// Oldest first; undated documents last.
    Date,
    Title,
    /// By kind (`Cable`, `Memorandum of Conversation` …), then date.
    Kind,
}

impl DocumentOrder {
    /// The order `s` goes to next.
    pub fn next(self) -> Self {
        match self {
            DocumentOrder::File => DocumentOrder::Date,
            DocumentOrder::Date => DocumentOrder::Title,
            DocumentOrder::Title => DocumentOrder::Kind,
            DocumentOrder::Kind => DocumentOrder::File,
        }
    }

    /// Its name, as the documents pane's title shows it.
    pub fn name(self) -> &'static str {
        match self {
            DocumentOrder::File => "file",
            DocumentOrder::Date => "date",
            DocumentOrder::Title => "title",
            DocumentOrder::Kind => "kind",
        }
    }

    /// How two documents compare in this order (ties keep the corpus order).
    pub(super) fn compare(self, a: &Document, b: &Document) -> Ordering {
        let by_date = || match (&a.date.iso, &b.date.iso) {
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        match self {
            DocumentOrder::File => Ordering::Equal,
            DocumentOrder::Date => by_date(),
            DocumentOrder::Title => a.title.to_lowercase().cmp(&b.title.to_lowercase()),
            DocumentOrder::Kind => match (&a.kind, &b.kind) {
                (Some(x), Some(y)) => x.cmp(y).then_with(by_date),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => by_date(),
            },
        }
    }
}

impl App {
    /// Puts document indices in the list's order (stable: ranks and corpus order break ties).
    pub(super) fn sort_documents(&self, items: &mut [usize]) {
        let order = self.order;
        if order == DocumentOrder::File && !self.documents.query.is_empty() {
            return;
        }
        items.sort_by(|&a, &b| order.compare(&self.docs[a], &self.docs[b]).then(a.cmp(&b)));
    }

    /// `s`: the next order; the selected document stays selected.
    pub(super) fn cycle_order(&mut self) {
        self.order = self.order.next();
        self.resort_documents();
        self.message = Some(format!("documents by {}", self.order.name()));
    }

    /// Sorts the list again (a new order, or new documents), keeping the selection.
    pub(super) fn resort_documents(&mut self) {
        let keep = self.documents.current();
        let mut items = std::mem::take(&mut self.documents.items);
        self.sort_documents(&mut items);
        self.documents.items = items;
        if let Some(position) = keep.and_then(|k| self.documents.items.iter().position(|&d| d == k))
        {
            let height = self.pane_height(Pane::Documents);
            self.documents.select(position, height);
        }
    }
}
