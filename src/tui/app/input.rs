//! Line editing in every input (filters, palette, in-document search, notes, tags): a cursor
//! that ←/→, Ctrl-A/E and Alt-B/F move, Ctrl-U and Ctrl-W that cut, and ↑/↓ that recall
//! earlier entries of the same kind of input.
//!
//! The inputs keep their text where they always did (the filter on its list, the search on
//! the detail pane …) and their own handlers still react to it; this module only edits the
//! text at the cursor and hands the result to the input's setter, so that a filter typed in
//! the middle ranks again just as one typed at the end.

use super::{Action, App, Input, Pane};
use crate::tui::effects::Effect;

/// An edit of the input line, besides typing at its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineEdit {
    Left,
    Right,
    Start,
    End,
    WordLeft,
    WordRight,
    /// Ctrl-U: everything before the cursor.
    CutToStart,
    /// Ctrl-W: the word before the cursor.
    CutWord,
    /// ↑: the previous entry of this input's history.
    Older,
    /// ↓: the next entry, and after the last the line being typed.
    Newer,
}

/// The cursor of the input being typed, and where ↑/↓ are in its history.
#[derive(Debug, Clone, Default)]
pub struct LineState {
    /// In characters from the start of the text; `None` at its end, wherever that moves
    /// (the input's own handler types there, Tab completes there).
    pub cursor: Option<usize>,
    /// The input the cursor belongs to (a new input puts the cursor at its end).
    input: Option<Input>,
    /// The history entry shown (counted back from the newest), and the line typed before.
    recalled: Option<(usize, String)>,
}

impl Input {
    /// The history an input's entries go to: one per kind of input.
    pub fn history_kind(self) -> Option<&'static str> {
        Some(match self {
            Input::None => return None,
            Input::Filter(Pane::Documents) => "documents",
            Input::Filter(_) => "sections",
            Input::Search => "search",
            Input::Palette => "palette",
            Input::Note | Input::HighlightNote => "note",
            Input::BookmarkFilter => "bookmarks",
            Input::Tags => "tags",
            Input::SearchName => "search-name",
        })
    }
}

impl App {
    /// The text of the input being typed.
    pub fn input_text(&self) -> Option<&str> {
        Some(match self.input {
            Input::None => return None,
            Input::Filter(Pane::Documents) => &self.documents.filter,
            Input::Filter(_) => &self.sections.filter,
            Input::Search => &self.detail.search,
            Input::Palette => &self.palette.input,
            Input::Note | Input::HighlightNote | Input::Tags | Input::SearchName => &self.note,
            Input::BookmarkFilter => &self.bookmark_list.filter,
        })
    }

    /// The text of `input` with the cursor drawn in it, when it is the input being typed.
    pub fn input_with_cursor(&self, input: Input) -> Option<String> {
        if self.input != input {
            return None;
        }
        let text = self.input_text()?;
        let len = text.chars().count();
        let cursor = match self.line.input {
            Some(i) if i == input => self.line.cursor.map_or(len, |c| c.min(len)),
            _ => len,
        };
        Some(with_cursor(text, cursor))
    }

    /// Gives the input new text through its own setter (which filters, ranks or searches).
    fn set_input_text(&mut self, text: String) {
        match self.input {
            Input::None => {}
            Input::Filter(Pane::Documents) => self.set_documents_filter(text),
            Input::Filter(_) => self.set_sections_filter(text),
            Input::Search => self.set_search(text),
            Input::Palette => self.set_palette_input(text),
            Input::Note | Input::HighlightNote => self.note = text,
            Input::Tags => {
                self.note = text;
                self.show_tag_prompt();
            }
            Input::BookmarkFilter => self.filter_bookmarks(text),
            Input::SearchName => {
                self.note = text;
                self.show_name_prompt();
            }
        }
    }

    /// Handles line editing before the input's own handler; true when the action was used.
    pub(super) fn edit_line(&mut self, action: &Action) -> bool {
        let Some(text) = self.input_text().map(str::to_string) else {
            return false;
        };
        let len = text.chars().count();
        if self.line.input != Some(self.input) {
            self.line = LineState {
                cursor: None,
                input: Some(self.input),
                recalled: None,
            };
        }
        let cursor = self.line.cursor.map_or(len, |c| c.min(len));
        let at_end = cursor == len;
        match action {
            // At the end, the input's own handler types (as it always did).
            Action::Type(_) | Action::Backspace if at_end => false,
            Action::Type(c) => {
                let mut chars: Vec<char> = text.chars().collect();
                chars.insert(cursor, *c);
                self.line.cursor = Some(cursor + 1);
                self.set_input_text(chars.into_iter().collect());
                true
            }
            Action::Backspace => {
                if cursor > 0 {
                    let mut chars: Vec<char> = text.chars().collect();
                    chars.remove(cursor - 1);
                    self.line.cursor = Some(cursor - 1);
                    self.set_input_text(chars.into_iter().collect());
                }
                true
            }
            Action::EditLine(edit) => {
                self.apply_edit(*edit, &text, cursor);
                true
            }
            Action::Accept => {
                self.remember(&text);
                false
            }
            Action::Cancel => {
                self.line = LineState::default();
                false
            }
            _ => false,
        }
    }

    fn apply_edit(&mut self, edit: LineEdit, text: &str, cursor: usize) {
        let chars: Vec<char> = text.chars().collect();
        let len = chars.len();
        let (cursor, text) = match edit {
            LineEdit::Left => (cursor.saturating_sub(1), None),
            LineEdit::Right => ((cursor + 1).min(len), None),
            LineEdit::Start => (0, None),
            LineEdit::End => (len, None),
            LineEdit::WordLeft => (word_start(&chars, cursor), None),
            LineEdit::WordRight => (word_end(&chars, cursor), None),
            LineEdit::CutToStart => (0, Some(chars[cursor..].iter().collect::<String>())),
            LineEdit::CutWord => {
                let start = word_start(&chars, cursor);
                (
                    start,
                    Some(chars[..start].iter().chain(&chars[cursor..]).collect()),
                )
            }
            LineEdit::Older | LineEdit::Newer => {
                return self.recall(edit == LineEdit::Older, text);
            }
        };
        let new_len = text.as_ref().map_or(len, |t| t.chars().count());
        self.line.cursor = (cursor < new_len).then_some(cursor);
        if let Some(text) = text {
            self.set_input_text(text);
        }
    }

    /// ↑/↓: shows an earlier (or later) entry of this input's history.
    fn recall(&mut self, older: bool, text: &str) {
        let Some(kind) = self.input.history_kind() else {
            return;
        };
        let entries = self.history.entries(kind);
        let (back, draft) = match self.line.recalled.take() {
            Some((back, draft)) => (Some(back), draft),
            None => (None, text.to_string()),
        };
        let next = match (back, older) {
            (None, true) => Some(0),
            (Some(b), true) => Some((b + 1).min(entries.len().saturating_sub(1))),
            (Some(0) | None, false) => None,
            (Some(b), false) => Some(b - 1),
        };
        let shown = match next.and_then(|b| entries.iter().rev().nth(b)) {
            Some(entry) => {
                self.line.recalled = next.map(|b| (b, draft));
                entry.clone()
            }
            None => draft,
        };
        self.line.cursor = None;
        self.line.input = Some(self.input);
        self.set_input_text(shown);
    }

    /// Keeps an accepted entry in its input's history (saved by the event loop).
    fn remember(&mut self, text: &str) {
        let Some(kind) = self.input.history_kind() else {
            return;
        };
        if self.history.push(kind, text) {
            self.effects.push(Effect::SaveHistory);
        }
        self.line = LineState::default();
    }
}

/// The start of the word before `cursor` (spaces before it skipped), as readline's Alt-B.
fn word_start(chars: &[char], cursor: usize) -> usize {
    let mut at = cursor;
    while at > 0 && !chars[at - 1].is_alphanumeric() {
        at -= 1;
    }
    while at > 0 && chars[at - 1].is_alphanumeric() {
        at -= 1;
    }
    at
}

/// The end of the word after `cursor`, as readline's Alt-F.
fn word_end(chars: &[char], cursor: usize) -> usize {
    let mut at = cursor;
    while at < chars.len() && !chars[at].is_alphanumeric() {
        at += 1;
    }
    while at < chars.len() && chars[at].is_alphanumeric() {
        at += 1;
    }
    at
}

/// An input's text with the cursor drawn in it (`▏` before the character it stands on).
pub fn with_cursor(text: &str, cursor: usize) -> String {
    let mut out: String = text.chars().take(cursor).collect();
    out.push('▏');
    out.extend(text.chars().skip(cursor));
    out
}
