//! Words in the browser: the palette's full-text hits, and the documents and sections
//! filters' text matches, from the corpus's search library once its index is ready (built on
//! a thread of its own, see `tui::indexing`). Until then, and for queries without words, the
//! palette and the filters rank titles, labels and headings fuzzily, as fzf ranks lines.
//!
//! The palette and the documents filter ask a [`SearchSession`] each (the search runs on the
//! session's thread); the event loop polls them between keys. A word query's answer replaces
//! the list when it comes, so a key never waits for the index.

use std::time::Duration;

use super::{App, Overlay, Pane};
use crate::index::{Snippet, WordQuery, match_spans, texts_match};
use crate::library::{Library, SearchSession, Snapshot};

/// The palette's word hits kept (the border says how many matched in all).
pub const WORD_LIMIT: usize = 100;

/// The library and the sessions over it.
#[derive(Default)]
pub struct Words {
    pub library: Option<Library>,
    palette: Option<SearchSession>,
    documents: Option<SearchSession>,
    /// How far the index build has got, while it runs: files done, files to do.
    pub indexing: Option<(usize, usize)>,
    /// The documents filter's words are not answered yet.
    pub documents_pending: bool,
}

/// A word hit of the palette: a passage (index into the passages) and its snippet.
#[derive(Debug, Clone)]
pub struct WordHit {
    pub passage: usize,
    pub snippet: Snippet,
}

/// The word query of an input, tags resolved; with `typing`, its last word is a prefix.
pub(super) fn word_query_of(app: &App, input: &str, typing: bool) -> WordQuery {
    let mut query = WordQuery::parse(input, typing);
    query.resolve_tags(|name| super::tags::tagged(&app.tags, name));
    query
}

/// The word query of an input being typed.
fn word_query(app: &App, input: &str) -> WordQuery {
    word_query_of(app, input, true)
}

impl App {
    /// The index is ready: word queries go to it from now on, and what is open asks again.
    pub fn attach_library(&mut self, library: Library) {
        self.words.palette = Some(SearchSession::new(library.clone(), WORD_LIMIT));
        self.words.documents = Some(SearchSession::documents(library.clone()));
        self.words.library = Some(library);
        self.words.indexing = None;
        self.recount_saved();
        if self.overlay == Overlay::Palette {
            self.set_palette_input(self.palette.input.clone());
        }
        if !self.documents.filter.is_empty() {
            self.ask_documents();
        }
        let filter = self.sections.filter.clone();
        if !filter.is_empty() {
            self.set_sections_filter(filter);
        }
    }

    pub fn set_indexing(&mut self, files_done: usize, files_total: usize) {
        self.words.indexing = Some((files_done, files_total));
    }

    /// Whether an answer is awaited (the event loop then polls instead of sleeping).
    pub fn words_pending(&self) -> bool {
        self.palette.words_pending || self.words.documents_pending
    }

    /// Takes the sessions' answers that have come; true when the view changed.
    pub fn poll_words(&mut self) -> bool {
        let palette = self.words.palette.as_mut().and_then(SearchSession::poll);
        let documents = self.words.documents.as_mut().and_then(SearchSession::poll);
        self.take_answers(palette, documents)
    }

    /// Waits up to `timeout` for the answers awaited (tests and scripts).
    pub fn wait_words(&mut self, timeout: Duration) {
        let palette = match (&mut self.words.palette, self.palette.words_pending) {
            (Some(session), true) => session.wait(timeout),
            _ => None,
        };
        let documents = match (&mut self.words.documents, self.words.documents_pending) {
            (Some(session), true) => session.wait(timeout),
            _ => None,
        };
        self.take_answers(palette, documents);
    }

    fn take_answers(&mut self, palette: Option<Snapshot>, documents: Option<Snapshot>) -> bool {
        let any = palette.is_some() || documents.is_some();
        if let Some(snapshot) = palette {
            self.take_palette_words(snapshot);
        }
        if let Some(snapshot) = documents {
            self.take_document_words(snapshot);
        }
        any
    }

    // --- the palette -------------------------------------------------------------------

    /// Sends the palette's input to the index when it has words; without words (or without
    /// an index yet) the palette is fuzzy.
    pub(super) fn ask_palette_words(&mut self) {
        let query = word_query(self, &self.palette.input);
        let Some(session) = self.words.palette.as_mut().filter(|_| query.has_words()) else {
            self.palette.word_mode = false;
            self.palette.words_pending = false;
            self.palette.words.clear();
            return;
        };
        session.set_query(&self.palette.input, query);
        self.palette.word_mode = true;
        self.palette.words_pending = true;
    }

    fn take_palette_words(&mut self, snapshot: Snapshot) {
        if snapshot.input != self.palette.input {
            return;
        }
        self.palette.words_pending = false;
        self.palette.word_error = snapshot.error;
        self.palette.word_total = snapshot.total;
        self.palette.words = snapshot
            .hits
            .into_iter()
            .filter_map(|found| {
                let range = self.doc_passages.get(found.hit.doc)?;
                let passage = range.start + found.hit.local;
                range.contains(&passage).then_some(WordHit {
                    passage,
                    snippet: found.snippet,
                })
            })
            .collect();
        self.palette.selected = 0;
        self.palette.offset = 0;
        if self.palette.words.is_empty() {
            self.rank_palette_fuzzily();
        }
    }

    /// Whether the palette lists word hits (else fuzzy matches of titles and headings).
    pub fn palette_shows_words(&self) -> bool {
        self.palette.word_mode && !self.palette.words.is_empty()
    }

    /// How many entries the palette lists.
    pub fn palette_len(&self) -> usize {
        if self.palette_shows_words() {
            self.palette.words.len()
        } else {
            self.palette.hits.len()
        }
    }

    /// The passage of the palette's entry `i`, and its snippet for a word hit.
    pub fn palette_entry(&self, i: usize) -> Option<(usize, Option<&Snippet>)> {
        if self.palette_shows_words() {
            let hit = self.palette.words.get(i)?;
            Some((hit.passage, Some(&hit.snippet)))
        } else {
            self.palette.hits.get(i).map(|h| (h.passage, None))
        }
    }

    /// The words to land on after a jump to `passage`: the query's words as they are written
    /// in the passage (so a stem or a typo's match is marked as written), else as typed.
    pub(super) fn landing_words(&self, passage: usize) -> Vec<String> {
        if !self.palette_shows_words() {
            return super::landing::query_words(&self.palette.input);
        }
        let query = word_query(self, &self.palette.input);
        let words = self.written_forms(passage..passage + 1, &query);
        if words.is_empty() {
            return super::landing::query_words(&self.palette.input);
        }
        words
    }

    /// The words of `passages` that `query` matches, as written, each once: the text
    /// search's needles (which fold case, so `Soviet` stands for `soviet` too, and a second
    /// needle would count every match twice).
    fn written_forms(&self, passages: std::ops::Range<usize>, query: &WordQuery) -> Vec<String> {
        let mut words: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for passage in passages {
            let text = self.index.passage_text(&self.docs, passage);
            let chars: Vec<char> = text.chars().collect();
            for [start, end] in match_spans(&text, query) {
                let word: String = chars[start..end].iter().collect();
                if seen.insert(crate::query::fold::fold(&word)) {
                    words.push(word);
                }
            }
        }
        words
    }

    /// The text of the palette's selected passage and the character spans of the query's words
    /// in it, for the preview.
    pub fn palette_preview(&self) -> Option<(usize, String, Vec<[usize; 2]>)> {
        let (passage, _) = self.palette_entry(self.palette.selected)?;
        let text = self.paragraphs_of(passage);
        let spans = if self.palette.word_mode {
            match_spans(&text, &word_query(self, &self.palette.input))
        } else {
            Vec::new()
        };
        Some((passage, text, spans))
    }

    /// A passage's paragraphs, one a line (a section's label before its first).
    fn paragraphs_of(&self, passage: usize) -> String {
        let Some(p) = self.index.passages.get(passage) else {
            return String::new();
        };
        let doc = &self.docs[p.doc];
        match crate::query::index::passage_ref(doc, p.local as usize).and_then(|r| r.section) {
            Some(section) => {
                let mut text = section.label.clone();
                for (i, paragraph) in section.paragraphs.iter().enumerate() {
                    text.push(if i == 0 { ' ' } else { '\n' });
                    text.push_str(paragraph);
                }
                text
            }
            None => doc.body.join("\n"),
        }
    }

    // --- the documents filter ----------------------------------------------------------

    /// Asks the index for the documents whose text has the filter's words.
    pub(super) fn ask_documents(&mut self) {
        let query = word_query(self, &self.documents.filter);
        let Some(session) = self.words.documents.as_mut().filter(|_| query.has_words()) else {
            self.words.documents_pending = false;
            return;
        };
        session.set_query(&self.documents.filter, query);
        self.words.documents_pending = true;
    }

    /// The documents found by their text join the list, after those whose title, date or
    /// fields matched, in the list's order.
    fn take_document_words(&mut self, snapshot: Snapshot) {
        if snapshot.input != self.documents.filter {
            return;
        }
        self.words.documents_pending = false;
        if let Some(error) = snapshot.error {
            self.message = Some(format!("search: {error}"));
            return;
        }
        let listed: std::collections::HashSet<usize> =
            self.documents.items.iter().copied().collect();
        let mut more: Vec<usize> = snapshot
            .documents
            .into_iter()
            .filter(|d| !listed.contains(d) && *d < self.docs.len())
            .collect();
        if more.is_empty() {
            return;
        }
        // `snapshot.documents` come in corpus order, the file order's.
        if self.order != super::sort::DocumentOrder::File {
            let order = self.order;
            more.sort_by(|&a, &b| order.compare(&self.docs[a], &self.docs[b]).then(a.cmp(&b)));
        }
        let keep = self.documents.current();
        let was_empty = self.documents.items.is_empty();
        self.documents.items.extend(more);
        if was_empty {
            self.documents.offset = 0;
            self.select_document(0);
        } else if let Some(position) =
            keep.and_then(|k| self.documents.items.iter().position(|&d| d == k))
        {
            let height = self.pane_height(Pane::Documents);
            self.documents.select(position, height);
        }
    }

    /// A document shown from a documents filter with words has them marked in its text, as
    /// its text search (`n` goes to the first), in the forms the document writes them.
    pub(super) fn mark_filter_words(&mut self) {
        let (Some(doc), false) = (self.detail.doc, self.documents.filter.trim().is_empty()) else {
            return;
        };
        let query = WordQuery::parse(&self.documents.filter, false);
        if !query.has_words() {
            return;
        }
        let words = self.written_forms(self.doc_passages[doc].clone(), &query);
        if words.is_empty() {
            return;
        }
        let search = words.join(" | ");
        self.find_matches(&search);
        if !self.detail.matches.is_empty() {
            self.detail.search = search;
            self.detail.current_match = 0;
        }
    }

    // --- the sections filter -----------------------------------------------------------

    /// The passages in `range` whose own text has the filter's words, by the index's rules
    /// but answered in memory (one document's sections are few), so without waiting for it.
    /// The document's title does not count here: it would let every section through.
    pub(super) fn sections_with_words(
        &self,
        filter: &str,
        range: std::ops::Range<usize>,
    ) -> Vec<usize> {
        let query = word_query(self, filter);
        if !query.has_words() {
            return Vec::new();
        }
        range
            .filter(|&p| {
                let text = self.index.passage_text(&self.docs, p);
                let heading = self
                    .index
                    .view(&self.docs, p)
                    .map(|v| v.heading.into_owned())
                    .unwrap_or_default();
                texts_match(&[&text, &heading], &query)
            })
            .collect()
    }
}
