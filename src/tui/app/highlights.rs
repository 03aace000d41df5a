//! Highlights: `v` marks the passage being read as a highlight, with an optional note (`v` on
//! a highlighted passage removes it). A highlight is anchored by its quoted text
//! ([`Highlight::section_in`]), so it finds its passage again in a page saved anew. Highlighted
//! passages show a bar in the text's gutter.

use std::collections::BTreeSet;

use super::{Action, App, Input};
use crate::state::Highlight;
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

    /// The section being read, and the index of its highlight if it has one.
    fn reading_section(&self) -> Option<(String, Option<usize>)> {
        let doc = self.current_doc()?;
        let local = self.reading_passage()?;
        let section = self
            .section_id(self.doc_passage_range().start + local)
            .to_string();
        let existing = self.highlights.iter().position(|h| {
            h.doc_id == doc.id && h.section_in(doc).as_deref() == Some(section.as_str())
        });
        Some((section, existing))
    }

    pub(super) fn start_highlight(&mut self) {
        match self.reading_section() {
            None => self.message = Some("nothing to highlight in this document".into()),
            Some((section, Some(index))) => {
                self.highlights.remove(index);
                self.effects.push(Effect::SaveState);
                self.message = Some(format!("removed the highlight of {section}"));
            }
            Some((section, None)) => {
                self.note.clear();
                self.input = Input::HighlightNote;
                self.message = Some(format!(
                    "highlight {section}: type a note (optional), Enter saves, Esc cancels"
                ));
            }
        }
    }

    pub(super) fn highlight_note_action(&mut self, action: Action) {
        self.edit_note(action, Self::finish_highlight, "no highlight made");
    }

    fn finish_highlight(&mut self) {
        self.input = Input::None;
        let Some((section, _)) = self.reading_section() else {
            return;
        };
        let Some(doc) = self.current_doc() else {
            return;
        };
        let highlight = Highlight::new(doc, &section, self.note.trim());
        self.message = Some(format!("highlighted {} › {section}", doc.id));
        self.highlights.push(highlight);
        self.effects.push(Effect::SaveState);
    }
}
