//! Saved searches as virtual folders (newsboat's query feeds): `S` keeps the documents filter
//! (in the palette, Ctrl-S keeps its query) under a name. The saved searches are rows above
//! the documents, each with the number of documents it finds now; `k` from the first document
//! goes up into them, Enter applies one as the documents filter, `d` deletes it. They live in
//! the state file with the bookmarks and are saved the same way (`Effect::SaveState`, merged
//! between sessions by `state::merge`).

use ratatui::layout::Rect;

use super::{Action, App, Input, Overlay};
use crate::state::SavedSearch;
use crate::tui::effects::Effect;

/// Rows of the saved-search block at most, so that the documents keep most of the pane.
const MAX_ROWS: u16 = 6;

/// The saved searches and their place in the documents pane.
#[derive(Debug, Clone, Default)]
pub struct SavedFolders {
    pub searches: Vec<SavedSearch>,
    /// Each search's count of documents now; `None` while a load goes on.
    pub counts: Vec<Option<usize>>,
    /// The folder row selected, when the selection is above the documents.
    pub cursor: Option<usize>,
    /// The query being named.
    pending: Option<String>,
}

impl App {
    /// The documents pane's area split into the saved-search block (when there are saved
    /// searches and room) and the documents list.
    pub(super) fn carve_saved(&self, rect: Rect) -> (Option<Rect>, Rect) {
        let rows = self.saved.searches.len() as u16;
        let height = (rows.min(MAX_ROWS) + 2).min(rect.height / 3);
        if rows == 0 || height < 3 {
            return (None, rect);
        }
        let saved = Rect { height, ..rect };
        let rest = Rect {
            y: rect.y + height,
            height: rect.height - height,
            ..rect
        };
        (Some(saved), rest)
    }

    /// Where the saved-search block is drawn, if it is.
    pub fn saved_area(&self) -> Option<Rect> {
        self.carve_saved(self.layout_panes().documents?).0
    }

    /// A saved search's row: name, count and query.
    pub fn saved_row(&self, index: usize) -> String {
        let Some(search) = self.saved.searches.get(index) else {
            return String::new();
        };
        let count = match self.saved.counts.get(index).copied().flatten() {
            Some(n) => n.to_string(),
            None => "…".to_string(),
        };
        // Names and queries come from the state file, which a hand may have edited.
        let row = format!("▸ {} ({count})  {}", search.name, search.query);
        crate::parse::clean::clean_line(&row)
    }

    /// Takes the saved searches of the state file.
    pub(super) fn restore_saved(&mut self, searches: Vec<SavedSearch>) {
        self.saved.searches = searches;
        self.saved.cursor = None;
        self.recount_saved();
    }

    /// Counts each saved search's documents again (the corpus, the tags or the searches
    /// changed). While a load goes on the counts wait for its end.
    pub(super) fn recount_saved(&mut self) {
        let loading = self.loading.is_some();
        self.saved.counts = self
            .saved
            .searches
            .iter()
            .map(|s| (!loading).then(|| self.matching_documents(&s.query).len()))
            .collect();
    }

    /// The documents a query finds, as the documents filter finds them: by their rows, and
    /// by their text once the word index is ready.
    fn matching_documents(&self, text: &str) -> Vec<usize> {
        let mut query = crate::query::parse_query(text);
        query.resolve_tags(|name| super::tags::tagged(&self.tags, name));
        if query.is_empty() {
            return (0..self.docs.len()).collect();
        }
        let mut found = self
            .index
            .rank_documents(&self.docs, &query, &self.doc_rows);
        let words = super::words::word_query_of(self, text, false);
        if let (Some(library), true) = (&self.words.library, words.has_words()) {
            let listed: std::collections::HashSet<usize> = found.iter().copied().collect();
            let by_text = library.matching_documents(&words).unwrap_or_default();
            found.extend(by_text.into_iter().filter(|d| !listed.contains(d)));
        }
        found
    }

    pub(super) fn start_saving_search(&mut self) {
        let query = if self.overlay == Overlay::Palette {
            self.palette.input.clone()
        } else if !self.documents.filter.is_empty() {
            self.documents.filter.clone()
        } else {
            self.message = Some(
                "nothing to save: filter the documents (/) or type a palette query first".into(),
            );
            return;
        };
        let query = query.trim().to_string();
        if query.is_empty() {
            self.message = Some("nothing to save: the query is empty".into());
            return;
        }
        if self.overlay == Overlay::Palette {
            self.overlay = Overlay::None;
        }
        self.note = self
            .saved
            .searches
            .iter()
            .find(|s| s.query == query)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        self.saved.pending = Some(query);
        self.input = Input::SearchName;
        self.show_name_prompt();
    }

    pub(super) fn show_name_prompt(&mut self) {
        let query = self.saved.pending.as_deref().unwrap_or_default();
        let typed = self
            .input_with_cursor(Input::SearchName)
            .unwrap_or_else(|| format!("{}▏", self.note));
        self.message = Some(format!(
            "save {query:?} as: {typed} (Enter saves, Esc cancels)"
        ));
    }

    pub(super) fn search_name_action(&mut self, action: Action) {
        match action {
            Action::Type(c) => self.note.push(c),
            Action::Backspace => {
                self.note.pop();
            }
            Action::Accept => return self.finish_saving_search(),
            Action::Cancel => {
                self.input = Input::None;
                self.saved.pending = None;
                self.message = Some("no search saved".into());
                return;
            }
            _ => {}
        }
        self.show_name_prompt();
    }

    fn finish_saving_search(&mut self) {
        let name = self.note.trim().to_string();
        if name.is_empty() {
            self.message = Some("a saved search needs a name (Esc cancels)".into());
            return;
        }
        let Some(query) = self.saved.pending.take() else {
            self.input = Input::None;
            return;
        };
        self.input = Input::None;
        // Saving under a name in use replaces that search.
        self.saved.searches.retain(|s| s.name != name);
        self.saved.searches.push(SavedSearch::new(&name, &query));
        self.recount_saved();
        let count = self.matching_documents(&query).len();
        self.message = Some(format!("saved search {name}: {query} ({count} documents)"));
        self.effects.push(Effect::SaveState);
    }

    /// Moves the selection within or into the folder rows; false when the move is the
    /// documents list's own.
    pub(super) fn step_saved(&mut self, delta: isize) -> bool {
        let rows = self.saved.searches.len();
        match self.saved.cursor {
            Some(at) => {
                let target = at as isize + delta;
                if target < 0 {
                    self.saved.cursor = Some(0);
                } else if target as usize >= rows {
                    self.saved.cursor = None;
                    self.select_document(target as usize - rows);
                } else {
                    self.saved.cursor = Some(target as usize);
                }
                true
            }
            None if delta == -1 && self.documents.selected == 0 && rows > 0 => {
                self.saved.cursor = Some(rows - 1);
                true
            }
            None => false,
        }
    }

    /// Enter on a folder row: its query becomes the documents filter. False when no folder
    /// row is selected.
    pub(super) fn open_saved(&mut self) -> bool {
        let Some(search) = self
            .saved
            .cursor
            .and_then(|at| self.saved.searches.get(at))
            .cloned()
        else {
            return false;
        };
        self.set_documents_filter(search.query.clone());
        self.saved.cursor = None;
        self.message = Some(format!(
            "{}: {} documents ({})",
            search.name,
            self.documents.items.len(),
            search.query
        ));
        true
    }

    /// `d` on a folder row deletes that saved search.
    pub(super) fn delete_saved(&mut self) {
        let Some(at) = self.saved.cursor else {
            return;
        };
        if at >= self.saved.searches.len() {
            return;
        }
        let removed = self.saved.searches.remove(at);
        self.saved.counts.remove(at);
        self.saved.cursor = match self.saved.searches.len() {
            0 => None,
            n => Some(at.min(n - 1)),
        };
        self.message = Some(format!("deleted the saved search {}", removed.name));
        self.effects.push(Effect::SaveState);
    }
}
