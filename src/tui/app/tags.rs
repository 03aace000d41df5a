//! Tags: `T` edits the tags of the document being read (several, separated by spaces or
//! commas; Tab completes the last one from the tags in use); `tag:NAME` in the documents
//! filter keeps the documents tagged so. The state is saved by the event loop
//! (`Effect::SaveState`); here it is only changed.

use std::collections::{BTreeMap, BTreeSet};

use super::{Action, App, Input};
use crate::tui::effects::Effect;

/// The ids of the documents with a tag.
pub(crate) fn tagged(tags: &BTreeMap<String, BTreeSet<String>>, name: &str) -> BTreeSet<String> {
    crate::query::documents::tagged(tags, name)
}

/// Tags as typed: separated by spaces or commas, empty ones dropped.
pub fn parse_tags(text: &str) -> BTreeSet<String> {
    text.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

impl App {
    /// Every tag in use, sorted.
    pub fn tags_in_use(&self) -> BTreeSet<&str> {
        self.tags.values().flatten().map(String::as_str).collect()
    }

    pub(super) fn start_tagging(&mut self) {
        let Some(doc) = self.current_doc() else {
            self.message = Some("no document to tag".into());
            return;
        };
        let current: Vec<&str> = self
            .tags
            .get(&doc.id)
            .map(|t| t.iter().map(String::as_str).collect())
            .unwrap_or_default();
        self.note = current.join(" ");
        if !self.note.is_empty() {
            self.note.push(' ');
        }
        self.input = Input::Tags;
        self.show_tag_prompt();
    }

    pub(super) fn show_tag_prompt(&mut self) {
        self.message = Some(format!(
            "tags: {}▏ (Tab completes, Enter saves, Esc cancels)",
            self.note
        ));
    }

    pub(super) fn tags_action(&mut self, action: Action) {
        match action {
            Action::Type(c) => self.note.push(c),
            Action::Backspace => {
                self.note.pop();
            }
            Action::FocusNext => self.complete_tag(),
            Action::Accept => return self.finish_tagging(),
            Action::Cancel => {
                self.input = Input::None;
                self.message = Some("tags unchanged".into());
                return;
            }
            _ => {}
        }
        self.show_tag_prompt();
    }

    /// Completes the word being typed with the first tag in use that it begins.
    fn complete_tag(&mut self) {
        let start = self
            .note
            .rfind(|c: char| c.is_whitespace() || c == ',')
            .map_or(0, |at| at + 1);
        let prefix = &self.note[start..];
        if prefix.is_empty() {
            return;
        }
        let found = self
            .tags_in_use()
            .into_iter()
            .find(|t| t.starts_with(prefix) && *t != prefix)
            .map(str::to_string);
        if let Some(tag) = found {
            self.note.truncate(start);
            self.note.push_str(&tag);
            self.note.push(' ');
        }
    }

    fn finish_tagging(&mut self) {
        self.input = Input::None;
        let Some(id) = self.current_doc().map(|d| d.id.clone()) else {
            return;
        };
        let tags = parse_tags(&self.note);
        self.message = Some(if tags.is_empty() {
            format!("{id}: no tags")
        } else {
            format!(
                "{id} tagged {}",
                tags.iter().cloned().collect::<Vec<_>>().join(", ")
            )
        });
        if tags.is_empty() {
            self.tags.remove(&id);
        } else {
            self.tags.insert(id, tags);
        }
        self.effects.push(Effect::SaveState);
        self.recount_saved();
        // A `tag:` filter shows the change at once.
        if self.documents.filter.contains("tag:") {
            let filter = self.documents.filter.clone();
            self.set_documents_filter(filter);
        }
    }
}
