//! The jump palette: every section of every document, and going there. A query with words
//! lists the passages that have them, from the index (see `words.rs`), with snippets; without
//! words, without an index yet, or when the words are found nowhere, titles, labels and
//! headings are ranked fuzzily.

use std::time::{Duration, Instant};

use super::{Action, App, Input, Overlay, PALETTE_LIMIT, Pane, offset_by};
use crate::query::{Hit, parse_query};

/// Passages in the first slice of a query's ranking, before its pace is known.
const FIRST_SLICE: usize = 64;
/// Bounds of a slice once the pace is known: a slice is sized to what is left of the budget.
const MIN_SLICE: usize = 16;
const MAX_SLICE: usize = 1 << 16;
/// How long Enter waits for the index's answer to the words just typed.
const ACCEPT_PATIENCE: Duration = Duration::from_secs(2);
/// What a keystroke may spend ranking before its frame is drawn.
pub const KEY_BUDGET: Duration = Duration::from_millis(4);

impl App {
    pub(super) fn open_palette(&mut self) {
        self.overlay = Overlay::Palette;
        self.input = Input::Palette;
        self.set_palette_input(String::new());
    }

    pub(super) fn set_palette_input(&mut self, input: String) {
        self.palette.query = parse_query(&input);
        self.palette
            .query
            .resolve_tags(|name| super::tags::tagged(&self.tags, name));
        self.palette.input = input;
        self.palette.selected = 0;
        self.palette.offset = 0;
        self.palette.scanned = 0;
        self.ask_palette_words();
        // Queries differ in pace by tens of times (one common letter against a rare word):
        // each measures its own.
        self.palette.pace = None;
        if self.palette.query.is_empty() {
            self.palette.hits = (0..self.index.passages.len().min(PALETTE_LIMIT))
                .map(|passage| Hit { passage, score: 0 })
                .collect();
            self.palette.pending = false;
            return;
        }
        self.palette.hits.clear();
        // Words go to the index; titles and headings are ranked only if the words turn out
        // to be nowhere (see `take_palette_words`), not for every key.
        self.palette.pending = !self.palette.word_mode;
        if self.palette.pending {
            self.continue_palette(KEY_BUDGET);
        }
    }

    /// The index found none of the words: the palette ranks titles and headings instead.
    pub(super) fn rank_palette_fuzzily(&mut self) {
        if self.palette.query.is_empty() || self.palette.pending {
            return;
        }
        self.palette.hits.clear();
        self.palette.scanned = 0;
        self.palette.pace = None;
        self.palette.pending = true;
        self.continue_palette(KEY_BUDGET);
    }

    /// Ranks more passages for the palette's query, for about `budget`. A keystroke never
    /// waits for a whole corpus: the frame shows what is ranked so far, the event loop calls
    /// this again while no key is waiting, and a new key starts over (the stale search is
    /// simply dropped). Returns whether ranking goes on.
    pub fn continue_palette(&mut self, budget: Duration) -> bool {
        let start = Instant::now();
        let total = self.index.passages.len();
        while self.palette.pending {
            let left = budget.saturating_sub(start.elapsed());
            let size = match self.palette.pace {
                Some(per_passage) => (left.as_secs_f64() / per_passage)
                    .clamp(MIN_SLICE as f64, MAX_SLICE as f64)
                    as usize,
                None => FIRST_SLICE,
            };
            let slice_start = Instant::now();
            let end = (self.palette.scanned + size).min(total);
            let worst = (self.palette.hits.len() == PALETTE_LIMIT)
                .then(|| self.palette.hits.last().copied())
                .flatten();
            let range = self.palette.scanned..end;
            let found = self.index.search_beyond(
                &self.docs,
                &self.palette.query,
                range,
                PALETTE_LIMIT,
                worst,
            );
            let hits = &mut self.palette.hits;
            hits.extend(found);
            hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.passage.cmp(&b.passage)));
            hits.truncate(PALETTE_LIMIT);
            let per_passage =
                slice_start.elapsed().as_secs_f64() / (end - self.palette.scanned).max(1) as f64;
            self.palette.pace = Some(match self.palette.pace {
                Some(pace) => (pace + per_passage) / 2.0,
                None => per_passage,
            });
            self.palette.scanned = end;
            self.palette.pending = end < total;
            if start.elapsed() >= budget {
                break;
            }
        }
        self.palette.pending
    }

    /// Lines of results the palette shows.
    pub fn palette_lines(&self) -> usize {
        (self.size.height as usize * 7 / 10)
            .saturating_sub(4)
            .max(1)
    }

    /// Entries the palette shows: a word hit takes two lines (its place, its snippet).
    pub fn palette_height(&self) -> usize {
        if self.palette_shows_words() {
            (self.palette_lines() / 2).max(1)
        } else {
            self.palette_lines()
        }
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
                    .min(self.palette_len().saturating_sub(1));
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
        // Enter typed right after the words (a paste, a script) goes where they lead, not to
        // the last answer's first hit.
        if self.palette.words_pending {
            self.wait_words(ACCEPT_PATIENCE);
        }
        self.overlay = Overlay::None;
        self.input = Input::None;
        let Some((passage, _)) = self.palette_entry(self.palette.selected) else {
            return;
        };
        let words = self.landing_words(passage);
        self.go_to_passage(passage);
        self.land_on_words(&words);
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
