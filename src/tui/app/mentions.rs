//! Who is mentioned: `w` lists the persons and terms of the volume's glossary that the
//! passage being read tags, with what the glossary says of them (as tagged in the source:
//! dossier never corrects a tag). A passage that tags nobody shows the whole document's.
//! Enter on a person filters the documents by `person:` their surname.

use super::{Action, App, ListView, Overlay};
use crate::model::GlossaryEntry;

impl App {
    /// The glossary entries the overlay lists, and whether they are the passage's own (else
    /// the whole document's).
    pub fn mentioned(&self) -> (Vec<&GlossaryEntry>, bool) {
        let Some(doc) = self.current_doc() else {
            return (Vec::new(), false);
        };
        let passage = self
            .reading_passage()
            .map(|local| self.section_id(self.doc_passage_range().start + local));
        let own: Vec<&GlossaryEntry> = doc
            .glossary
            .iter()
            .filter(|g| passage.is_some_and(|p| g.passages.iter().any(|q| q == p)))
            .collect();
        if own.is_empty() {
            (doc.glossary.iter().collect(), false)
        } else {
            (own, true)
        }
    }

    /// The passage being read, as the overlay's title names it.
    pub fn reading_section_id(&self) -> Option<&str> {
        let local = self.reading_passage()?;
        Some(self.section_id(self.doc_passage_range().start + local))
    }

    pub(super) fn open_mentions(&mut self) {
        let (entries, _) = self.mentioned();
        if entries.is_empty() {
            self.message =
                Some("this document tags no person or term of a glossary (FRUS volumes do)".into());
            return;
        }
        self.picker = ListView {
            items: (0..entries.len()).collect(),
            ..ListView::default()
        };
        self.overlay = Overlay::Mentions;
    }

    pub(super) fn mentions_action(&mut self, action: Action) {
        if self.pick_action(&action) || action != Action::Open {
            return;
        }
        let chosen = {
            let (entries, _) = self.mentioned();
            entries
                .get(self.picker.selected)
                .map(|g| (g.kind.clone(), g.name.clone()))
        };
        let Some((kind, name)) = chosen else {
            return;
        };
        if kind != "person" {
            self.message = Some(format!(
                "{name} is a term: person: filters documents by the persons they tag"
            ));
            return;
        }
        let filter = format!("person:{}", surname(&name));
        self.overlay = Overlay::None;
        self.set_documents_filter(filter.clone());
        self.message = Some(format!(
            "{filter}: {} documents tag {name}",
            self.documents.items.len()
        ));
    }
}

/// The word a `person:` filter looks for: the surname of `Surname, Given` (its first word,
/// since a filter's value is one word).
fn surname(name: &str) -> String {
    let family = name.split(',').next().unwrap_or(name);
    family
        .split_whitespace()
        .next()
        .unwrap_or(family)
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_filter_word_is_the_surname() {
        assert_eq!(super::surname("Kissinger, Henry A."), "kissinger");
        assert_eq!(super::surname("Lee Hu Rak"), "lee");
        assert_eq!(super::surname("Nixon"), "nixon");
    }
}
