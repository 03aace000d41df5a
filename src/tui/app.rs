//! The browser's state and the one function that changes it: [`App::update`].
//!
//! Keys become [`Action`]s (see `keys.rs`); `update` applies them; the view only reads. Nothing
//! here touches the terminal, so every behaviour is tested with plain values.

use std::ops::Range;

use ratatui::layout::Rect;

mod anchor;
mod bookmarks;
mod detail;
mod full_width;
pub(crate) mod help;
mod loading;
mod palette;

pub use loading::Progress;
pub use palette::KEY_BUDGET;
mod highlights;
pub mod input;
mod landing;
mod links;
mod mentions;
mod pointer;
mod reading;
mod reload;
mod saved;
mod sentences;
pub mod sort;
mod source_line;
pub(crate) mod tags;
pub mod words;

pub use saved::SavedFolders;
pub use sentences::SentencePick;

use super::detail::DetailText;
use super::effects::Effect;
use super::layout::{Panes, panes};
use super::timeline::Timeline;
use crate::corpus::{Corpus, LoadProblem};
use crate::model::Document;
use crate::query::fold::Haystack;
use crate::query::{Hit, Matcher, Query, SearchIndex, parse_query};

/// At most this many palette results are ranked and kept.
pub const PALETTE_LIMIT: usize = 500;
/// Rows of the timeline strip.
pub const TIMELINE_HEIGHT: u16 = 8;
/// Lines scrolled by one mouse wheel step.
const WHEEL_LINES: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Documents,
    Sections,
    Detail,
}

/// Where typed characters go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    None,
    /// The fuzzy filter of a list pane.
    Filter(Pane),
    /// Search inside the detail pane's document.
    Search,
    Palette,
    /// The note of a bookmark being made.
    Note,
    /// The filter of the bookmark list.
    BookmarkFilter,
    /// The tags of the current document.
    Tags,
    /// The note of a highlight being made.
    HighlightNote,
    /// The name of a search being saved.
    SearchName,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    Problems,
    Palette,
    Timeline,
    Bookmarks,
    /// The current document's cross-references (`f`).
    Links,
    /// Who and what the passage being read mentions (`w`).
    Mentions,
    /// The sentences of the passage being read, to highlight one (`v`).
    Sentences,
}

/// Everything the user can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    FocusNext,
    FocusPrev,
    FocusLeft,
    FocusRight,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    StartInput,
    Type(char),
    Backspace,
    Accept,
    Cancel,
    OpenPalette,
    NextMatch,
    PrevMatch,
    ToggleHelp,
    ToggleProblems,
    CloseOverlay,
    Resize(u16, u16),
    Wheel {
        column: u16,
        row: u16,
        down: bool,
    },
    /// `y`: the selected section's text, with its label, to the clipboard.
    CopySection,
    /// `c`: a citation pinpointing the section being read, to the clipboard.
    CopyCitation,
    /// `C`: the bibliography entry of the whole document, to the clipboard.
    CopyDocumentCitation,
    /// `o`: the document's file in the pager.
    OpenPager,
    /// `e`: the document's file in the editor.
    OpenEditor,
    /// `t`: the documents-per-year strip.
    ToggleTimeline,
    /// `m`: bookmark the section being read.
    Bookmark,
    /// `'`: the bookmark list.
    ShowBookmarks,
    /// `T`: tag the current document.
    Tag,
    /// `v`: highlight the passage being read.
    Highlight,
    /// `d` in the bookmark list.
    Delete,
    Click {
        column: u16,
        row: u16,
    },
    /// `z`: the detail pane alone across the whole width, and back.
    ToggleFullWidth,
    /// `f`: the document's cross-references, to follow one.
    ShowLinks,
    /// `w`: the persons and terms the passage mentions.
    ShowMentions,
    /// `S` (Ctrl-S in the palette): keep the query under a name.
    SaveSearch,
    /// `s`: the next order of the documents list.
    CycleOrder,
    /// Moving the cursor in an input, cutting, or recalling an earlier entry.
    EditLine(input::LineEdit),
}

/// A scrollable, filterable list of item indices.
#[derive(Debug, Clone, Default)]
pub struct ListView {
    pub filter: String,
    pub query: Query,
    /// Indices into the underlying items (documents, or passages) in display order.
    pub items: Vec<usize>,
    pub selected: usize,
    pub offset: usize,
}

impl ListView {
    pub fn current(&self) -> Option<usize> {
        self.items.get(self.selected).copied()
    }

    fn select(&mut self, position: usize, height: usize) {
        self.selected = position.min(self.items.len().saturating_sub(1));
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(self.items.len().saturating_sub(height));
    }
}

/// The detail pane: the laid-out document, scroll position, marked section and text search.
#[derive(Debug, Clone, Default)]
pub struct DetailView {
    pub doc: Option<usize>,
    pub width: usize,
    pub text: DetailText,
    pub scroll: usize,
    /// The selected section, as an index into the document's passages.
    pub marked: Option<usize>,
    pub search: String,
    /// Search matches: (line, start char, end char).
    pub matches: Vec<(usize, usize, usize)>,
    pub current_match: usize,
}

/// The jump palette over every section of every document.
#[derive(Debug, Clone, Default)]
pub struct Palette {
    pub input: String,
    pub query: Query,
    pub hits: Vec<Hit>,
    pub selected: usize,
    pub offset: usize,
    /// Passages ranked so far for the current query; ranking goes on while `pending`.
    pub scanned: usize,
    pub pending: bool,
    /// Seconds per passage measured for the current query, which sizes the next slice.
    pub pace: Option<f64>,
    /// The input has words and the index answers it (else the palette is fuzzy).
    pub word_mode: bool,
    /// The index's best passages for the input, with snippets.
    pub words: Vec<words::WordHit>,
    /// How many passages have the words in all.
    pub word_total: usize,
    /// The index has not answered the input yet (the list shows the last answer).
    pub words_pending: bool,
    pub word_error: Option<String>,
}

pub struct App {
    /// The corpus's documents, shared with the search library's threads once indexed.
    pub docs: std::sync::Arc<Vec<Document>>,
    pub load_problems: Vec<LoadProblem>,
    pub index: SearchIndex,
    /// The range of each document's passages in `index.passages`.
    pub doc_passages: Vec<Range<usize>>,
    /// Each document's list row, prepared for matching.
    pub doc_rows: Vec<Haystack>,
    pub matcher: Matcher,
    pub size: Rect,
    pub focus: Pane,
    /// The list shown beside the detail pane when only two panes fit.
    pub list_pane: Pane,
    pub documents: ListView,
    pub sections: ListView,
    pub detail: DetailView,
    pub input: Input,
    pub overlay: Overlay,
    pub palette: Palette,
    /// The selected line of the problems overlay.
    pub problems_scroll: usize,
    pub message: Option<String>,
    pub quit: bool,
    /// Requests for the event loop: clipboard, pager, editor.
    pub effects: Vec<Effect>,
    /// The documents-per-year strip, when shown.
    pub timeline: Option<Timeline>,
    pub bookmarks: Vec<crate::state::Bookmark>,
    /// Highlighted passages, anchored by quote.
    pub highlights: Vec<crate::state::Highlight>,
    /// The reader's tags (document id → names), kept in the state file.
    pub tags: std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
    /// The bookmark list: indices into `bookmarks`.
    pub bookmark_list: ListView,
    /// The note of the bookmark being made.
    pub note: String,
    /// What the note being typed is for ("bookmark 2.1"), shown beside it.
    pub note_for: String,
    /// Key bindings, pane widths and switches from the configuration file.
    pub config: crate::config::Config,
    /// What was wrong in the configuration file, shown with the problems.
    pub config_warnings: Vec<String>,
    /// Problems noted in documents' parses (counted as they arrive, not on every frame).
    pub doc_problems: usize,
    /// How far a load that goes on in the background has got.
    pub loading: Option<Progress>,
    /// The place the reader left, kept until its document has loaded (unless the reader
    /// moves first).
    pub waiting_resume: Option<crate::state::Resume>,
    /// `z`: the detail pane takes the whole screen (see [`super::layout::full_width`]).
    pub full_width: bool,
    /// The first row of the key help shown.
    pub help_scroll: usize,
    /// Saved searches: the virtual folders above the documents.
    pub saved: SavedFolders,
    /// The list of the open pick overlay (links, mentions, sentences).
    pub picker: ListView,
    /// The sentence being chosen for a highlight.
    pub sentence_pick: SentencePick,
    /// The order of the documents list (`s`).
    pub order: sort::DocumentOrder,
    /// The cursor of the input being typed.
    pub line: input::LineState,
    /// Earlier entries of each kind of input (kept in the state folder).
    pub history: crate::state::InputHistory,
    /// The search library once the index is ready, and the sessions over it.
    pub words: words::Words,
}

impl App {
    pub fn new(corpus: Corpus, size: Rect) -> Self {
        let mut app = App {
            documents: ListView::default(),
            docs: Default::default(),
            load_problems: Vec::new(),
            index: SearchIndex::default(),
            doc_passages: Vec::new(),
            doc_rows: Vec::new(),
            doc_problems: 0,
            loading: None,
            waiting_resume: None,
            matcher: Matcher::default(),
            size,
            focus: Pane::Documents,
            list_pane: Pane::Documents,
            sections: ListView::default(),
            detail: DetailView::default(),
            input: Input::None,
            overlay: Overlay::None,
            palette: Palette::default(),
            problems_scroll: 0,
            message: None,
            quit: false,
            effects: Vec::new(),
            timeline: None,
            bookmarks: Vec::new(),
            tags: Default::default(),
            highlights: Vec::new(),
            bookmark_list: ListView::default(),
            note: String::new(),
            note_for: String::new(),
            config: crate::config::Config::default(),
            config_warnings: Vec::new(),
            full_width: false,
            help_scroll: 0,
            saved: SavedFolders::default(),
            picker: ListView::default(),
            sentence_pick: SentencePick::default(),
            order: sort::DocumentOrder::default(),
            line: input::LineState::default(),
            history: crate::state::InputHistory::default(),
            words: words::Words::default(),
        };
        app.append(corpus.documents, corpus.problems);
        app
    }

    pub fn panes(&self) -> Panes {
        if self.full_width {
            return super::layout::full_width(self.size);
        }
        let mut panes = self.layout_panes();
        // Saved searches take the top rows of the documents pane.
        if let Some(rect) = panes.documents {
            panes.documents = Some(self.carve_saved(rect).1);
        }
        panes
    }

    fn layout_panes(&self) -> Panes {
        let strip = if self.timeline.is_some() {
            TIMELINE_HEIGHT
        } else {
            0
        };
        let widths = (
            self.config.panes.documents_percent,
            self.config.panes.sections_percent,
        );
        panes(self.size, self.focus, self.list_pane, strip, widths)
    }

    /// Rows a pane shows inside its border.
    pub fn pane_height(&self, pane: Pane) -> usize {
        self.panes()
            .get(pane)
            .map_or(1, |r| r.height.saturating_sub(2).max(1) as usize)
    }

    /// Columns of text in the detail pane: inside the border (none at the sides in the
    /// full-width view), less the section marker gutter.
    pub fn detail_width(&self) -> usize {
        let frame = if self.full_width { 2 } else { 4 };
        self.panes()
            .detail
            .map_or(40, |r| r.width.saturating_sub(frame).max(10) as usize)
    }

    pub fn current_doc(&self) -> Option<&Document> {
        self.detail.doc.and_then(|i| self.docs.get(i))
    }

    /// The number of problems listed by `p`: configuration warnings, files not loaded and each
    /// problem noted in a document (a document with two is two).
    pub fn problem_count(&self) -> usize {
        self.config_warnings.len() + self.load_problems.len() + self.doc_problems
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        self.message = None;
        if !matches!(action, Action::Resize(..)) {
            // The reader has taken over: a late resume would pull the view away.
            self.waiting_resume = None;
        }
        if self.input != Input::None && self.edit_line(&action) {
            return;
        }
        let input = self.input;
        self.dispatch(action);
        if self.input != input {
            // A new input (or none): its cursor starts at the end of its text.
            self.line = input::LineState::default();
        }
    }

    fn dispatch(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::Resize(w, h) => self.resize(w, h),
            Action::ToggleHelp => self.toggle(Overlay::Help),
            Action::ToggleProblems => self.toggle(Overlay::Problems),
            Action::CloseOverlay => self.overlay = Overlay::None,
            Action::OpenPalette => self.open_palette(),
            Action::Wheel { column, row, down } => self.wheel(column, row, down),
            Action::Click { column, row } => self.click(column, row),
            Action::SaveSearch if self.input == Input::None || self.input == Input::Palette => {
                self.start_saving_search()
            }
            _ if self.overlay == Overlay::Palette => self.palette_action(action),
            _ if self.overlay == Overlay::Timeline => self.timeline_action(action),
            _ if self.overlay == Overlay::Bookmarks => self.bookmarks_action(action),
            _ if self.input == Input::Note => self.note_action(action),
            _ if self.input == Input::Tags => self.tags_action(action),
            _ if self.input == Input::HighlightNote => self.highlight_note_action(action),
            _ if self.input == Input::SearchName => self.search_name_action(action),
            _ if self.overlay == Overlay::Links => self.links_action(action),
            _ if self.overlay == Overlay::Mentions => self.mentions_action(action),
            _ if self.overlay == Overlay::Sentences => self.sentences_action(action),
            _ if self.overlay == Overlay::Problems => self.problems_action(action),
            _ if self.overlay == Overlay::Help => self.help_action(action),
            _ if self.input != Input::None => self.input_action(action),
            other => self.normal_action(other),
        }
    }

    fn toggle(&mut self, overlay: Overlay) {
        self.input = Input::None;
        self.overlay = if self.overlay == overlay {
            Overlay::None
        } else {
            overlay
        };
        self.problems_scroll = 0;
        self.help_scroll = 0;
    }

    fn resize(&mut self, width: u16, height: u16) {
        let old_height = self.pane_height(Pane::Detail);
        self.size = Rect::new(0, 0, width, height);
        self.relayout_detail(old_height);
    }

    fn normal_action(&mut self, action: Action) {
        match action {
            Action::FocusNext => self.set_focus(match self.focus {
                Pane::Documents => Pane::Sections,
                Pane::Sections => Pane::Detail,
                Pane::Detail => Pane::Documents,
            }),
            Action::FocusPrev => self.set_focus(match self.focus {
                Pane::Documents => Pane::Detail,
                Pane::Sections => Pane::Documents,
                Pane::Detail => Pane::Sections,
            }),
            Action::FocusLeft => self.set_focus(match self.focus {
                Pane::Detail => Pane::Sections,
                _ => Pane::Documents,
            }),
            Action::FocusRight => self.set_focus(match self.focus {
                Pane::Documents => Pane::Sections,
                _ => Pane::Detail,
            }),
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::PageUp => self.page(-1),
            Action::PageDown => self.page(1),
            Action::Top => self.step(isize::MIN / 2),
            Action::Bottom => self.step(isize::MAX / 2),
            Action::Open => self.open(),
            Action::StartInput => {
                self.input = match self.focus {
                    Pane::Detail => {
                        self.set_search(String::new());
                        Input::Search
                    }
                    pane => Input::Filter(pane),
                }
            }
            Action::NextMatch => self.jump_match(1),
            Action::PrevMatch => self.jump_match(-1),
            Action::Cancel => self.clear_focused(),
            Action::CopySection => self.copy_section(),
            Action::CopyCitation => self.copy_citation(true),
            Action::CopyDocumentCitation => self.copy_citation(false),
            Action::OpenPager => self.open_file(false),
            Action::OpenEditor => self.open_file(true),
            Action::ToggleTimeline => self.open_timeline(),
            Action::Bookmark => self.start_bookmark(),
            Action::ShowBookmarks => self.open_bookmarks(),
            Action::Tag => self.start_tagging(),
            Action::Highlight => self.start_highlight(),
            Action::ToggleFullWidth => self.toggle_full_width(),
            Action::ShowLinks => self.open_links(),
            Action::ShowMentions => self.open_mentions(),
            Action::Delete if self.focus == Pane::Documents => self.delete_saved(),
            Action::CycleOrder => self.cycle_order(),
            _ => {}
        }
    }

    fn set_focus(&mut self, pane: Pane) {
        if pane != Pane::Detail {
            self.leave_full_width();
        }
        let (old_width, old_height) = (self.detail_width(), self.pane_height(Pane::Detail));
        self.focus = pane;
        if pane != Pane::Detail {
            self.list_pane = pane;
        }
        // The focused documents list is wider (see `layout`): the text is laid out again.
        if self.detail_width() != old_width {
            self.relayout_detail(old_height);
        }
        if pane == Pane::Sections && self.sections.items.is_empty() {
            self.message = Some("this document has no sections".into());
        }
    }

    /// Moves the selection of the focused list, or scrolls the detail pane, by `delta`.
    fn step(&mut self, delta: isize) {
        match self.focus {
            Pane::Documents => {
                if self.step_saved(delta) {
                    return;
                }
                let target = offset_by(self.documents.selected, delta);
                self.select_document(target);
            }
            Pane::Sections => {
                let target = offset_by(self.sections.selected, delta);
                self.select_section(target);
            }
            Pane::Detail => self.scroll_detail(delta),
        }
    }

    fn page(&mut self, direction: isize) {
        let height = self.pane_height(self.focus) as isize;
        self.step(direction * (height - 1).max(1));
    }

    fn open(&mut self) {
        match self.focus {
            Pane::Documents => {
                if self.open_saved() {
                    return;
                }
                self.set_focus(Pane::Sections);
                if self.sections.current().is_some() {
                    self.select_section(self.sections.selected);
                }
            }
            Pane::Sections => {
                self.select_section(self.sections.selected);
                self.set_focus(Pane::Detail);
            }
            Pane::Detail => {}
        }
    }

    /// Esc outside any input: clears the focused list's filter or the detail search.
    fn clear_focused(&mut self) {
        match self.focus {
            Pane::Documents => self.set_documents_filter(String::new()),
            Pane::Sections => self.set_sections_filter(String::new()),
            Pane::Detail => self.set_search(String::new()),
        }
    }

    fn note_action(&mut self, action: Action) {
        self.edit_note(action, Self::finish_bookmark, "no bookmark made");
    }

    /// Typing the note of a bookmark or a highlight: `finish` makes it on Enter, `cancelled`
    /// is said on Esc.
    fn edit_note(&mut self, action: Action, finish: fn(&mut Self), cancelled: &str) {
        match action {
            Action::Type(c) => self.note.push(c),
            Action::Backspace => {
                self.note.pop();
            }
            Action::Accept => finish(self),
            Action::Cancel => {
                self.input = Input::None;
                self.message = Some(cancelled.into());
            }
            _ => {}
        }
    }

    fn input_action(&mut self, action: Action) {
        let input = self.input;
        let mut text = match input {
            Input::Filter(Pane::Documents) => self.documents.filter.clone(),
            Input::Filter(_) => self.sections.filter.clone(),
            Input::Search => self.detail.search.clone(),
            Input::Palette
            | Input::None
            | Input::Note
            | Input::Tags
            | Input::HighlightNote
            | Input::SearchName
            | Input::BookmarkFilter => {
                return;
            }
        };
        match action {
            Action::Type(c) => text.push(c),
            Action::Backspace => {
                text.pop();
            }
            Action::Accept => {
                self.input = Input::None;
                if input == Input::Search {
                    self.report_matches();
                }
                return;
            }
            Action::Cancel => {
                self.input = Input::None;
                text.clear();
            }
            Action::Up | Action::Down if input != Input::Search => {
                let delta = if action == Action::Up { -1 } else { 1 };
                return self.step(delta);
            }
            _ => return,
        }
        match input {
            Input::Filter(Pane::Documents) => self.set_documents_filter(text),
            Input::Filter(_) => self.set_sections_filter(text),
            _ => self.set_search(text),
        }
    }

    // --- documents ---------------------------------------------------------------------

    pub(super) fn set_documents_filter(&mut self, filter: String) {
        let keep = self.documents.current();
        self.documents.query = parse_query(&filter);
        self.documents
            .query
            .resolve_tags(|name| crate::tui::app::tags::tagged(&self.tags, name));
        self.documents.filter = filter;
        let query = &self.documents.query;
        let mut items = if query.is_empty() {
            (0..self.docs.len()).collect()
        } else {
            self.index.rank_documents(&self.docs, query, &self.doc_rows)
        };
        self.sort_documents(&mut items);
        self.documents.items = items;
        let position = if self.documents.filter.is_empty() {
            keep.and_then(|k| self.documents.items.iter().position(|&i| i == k))
                .unwrap_or(0)
        } else {
            0
        };
        self.documents.offset = 0;
        self.select_document(position);
        self.ask_documents();
    }

    /// Selects the document at `position` in the (filtered) list and shows it.
    pub fn select_document(&mut self, position: usize) {
        self.saved.cursor = None;
        let height = self.pane_height(Pane::Documents);
        self.documents.select(position, height);
        if self.documents.current() != self.detail.doc {
            self.show_document();
        }
    }

    fn show_document(&mut self) {
        self.detail.doc = self.documents.current();
        self.sections.filter.clear();
        self.sections.query = Query::default();
        self.sections.items = self.doc_passage_range().collect();
        self.sections.selected = 0;
        self.sections.offset = 0;
        self.detail.scroll = 0;
        self.detail.marked = None;
        self.detail.search.clear();
        self.detail.matches.clear();
        // The last document's lines say nothing about where to be in this one.
        self.detail.text = DetailText::default();
        self.relayout_detail(self.pane_height(Pane::Detail));
        self.mark_filter_words();
    }

    fn doc_passage_range(&self) -> Range<usize> {
        self.detail
            .doc
            .map_or(0..0, |d| self.doc_passages[d].clone())
    }

    // --- sections ----------------------------------------------------------------------

    pub(super) fn set_sections_filter(&mut self, filter: String) {
        self.sections.query = parse_query(&filter);
        self.sections
            .query
            .resolve_tags(|name| crate::tui::app::tags::tagged(&self.tags, name));
        self.sections.filter = filter;
        let range = self.doc_passage_range();
        let query = &self.sections.query;
        self.sections.items = match self.detail.doc {
            Some(_) if !query.is_empty() => {
                let mut items = self
                    .index
                    .filter_passages(&self.docs, query, range.clone(), |p| self.passage_row(p));
                items.extend(self.sections_with_words(&self.sections.filter, range));
                items.sort_unstable();
                items.dedup();
                items
            }
            _ => range.collect(),
        };
        self.sections.offset = 0;
        if !self.sections.items.is_empty() {
            self.select_section(0);
        }
    }

    /// Selects the section at `position` in the sections list and scrolls the detail to it.
    pub fn select_section(&mut self, position: usize) {
        let height = self.pane_height(Pane::Sections);
        self.sections.select(position, height);
        let Some(passage) = self.sections.current() else {
            return;
        };
        let local = passage - self.doc_passage_range().start;
        self.detail.marked = Some(local);
        if let Some(&line) = self.detail.text.anchors.get(local) {
            self.detail.scroll = line.min(self.max_scroll());
        }
    }
}

fn offset_by(position: usize, delta: isize) -> usize {
    position.saturating_add_signed(delta)
}

/// A document's row in the list: date and title.
pub fn document_row(doc: &Document) -> String {
    crate::query::documents::document_row(doc)
}

impl App {
    /// Passage `p`'s row in the sections list.
    pub fn passage_row(&self, p: usize) -> String {
        self.index
            .view(&self.docs, p)
            .map(|v| passage_row(v.depth, v.label, &v.heading))
            .unwrap_or_default()
    }

    /// Passage `p`'s section id ([`crate::query::BODY_ID`] for a leading body).
    pub fn section_id(&self, p: usize) -> &str {
        self.index.view(&self.docs, p).map_or("", |v| v.section)
    }
}

/// A passage's row in the sections list: indented label and heading.
pub fn passage_row(depth: usize, label: &str, heading: &str) -> String {
    let label = if label.is_empty() { "¶" } else { label };
    format!("{}{label} {heading}", "  ".repeat(depth))
}
