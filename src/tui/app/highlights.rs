//! Highlights: `v` marks the passage being read, or one sentence of it (see `sentences.rs`),
//! as a highlight with an optional note (choosing what is highlighted already removes it). A highlight is anchored by its quoted text
//! ([`Highlight::section_in`]), so it finds its passage again in a page saved anew. Highlighted
//! passages show a bar in the text's gutter, highlighted sentences are marked in the text.

use std::collections::BTreeSet;

use super::{Action, App, Input};
use crate::tui::effects::Effect;

impl App {
    /// The current document's highlighted passages, as indices into its passages.
    pub fn highlighted_passages(&self) -> BTreeSet<usize> {
        let Some(doc) = self.current_doc() else {
            return BTreeSet::new();
        };
        let sections: BTreeSet<String> = self
            .highlights
            .iter()
            .filter(|h| h.doc_id == doc.id)
            .filter_map(|h| h.section_in(doc))
            .collect();
        let range = self.doc_passage_range();
        range
            .clone()
            .filter(|&p| sections.contains(self.section_id(p)))
            .map(|p| p - range.start)
            .collect()
    }

    /// The section being read.
    fn reading_section(&self) -> Option<String> {
        self.current_doc()?;
        let local = self.reading_passage()?;
        Some(
            self.section_id(self.doc_passage_range().start + local)
                .to_string(),
        )
    }

    pub(super) fn start_highlight(&mut self) {
        match self.reading_section() {
            None => self.message = Some("nothing to highlight in this document".into()),
            Some(section) => self.choose_highlight(section),
        }
    }

    pub(super) fn highlight_note_action(&mut self, action: Action) {
        self.edit_note(action, Self::finish_highlight, "no highlight made");
    }

    fn finish_highlight(&mut self) {
        self.input = Input::None;
        let section = self.sentence_pick.section.clone();
        let Some(highlight) = self.chosen_highlight(&section) else {
            return;
        };
        let what = if highlight.sentence {
            format!("a sentence of {section}")
        } else {
            section
        };
        self.message = Some(format!("highlighted {} › {what}", highlight.doc_id));
        self.highlights.push(highlight);
        self.effects.push(Effect::SaveState);
        self.relayout_detail(self.pane_height(super::Pane::Detail));
    }
}
