//! Anchored reading positions: a spot in a document named by its section, paragraph and
//! character offset, never by screen lines, so that it lands in the same place at any width.
//!
//! A spot also carries the opening words of its paragraph. When the file changed since (a
//! paragraph inserted above, a section renumbered), the paragraph is found again by those
//! words; only when they are gone does the spot fall back to the numbers it was saved with.

use serde::{Deserialize, Serialize};

use crate::model::Document;
use crate::query::BODY_ID;

/// Characters of a paragraph's opening kept to find it again.
pub const ANCHOR_QUOTE_CHARS: usize = 60;

/// A place in a document's text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Anchor {
    /// The section's id (`2.1.b`, or `body` for the text before the first section).
    pub section: String,
    /// The paragraph's index among the section's own paragraphs.
    pub paragraph: usize,
    /// Characters of the paragraph before the spot.
    pub offset: usize,
    /// The paragraph's first [`ANCHOR_QUOTE_CHARS`] characters when the spot was taken.
    pub quote: String,
}

impl Anchor {
    /// The spot at `offset` in paragraph `paragraph` of section `section`, with its quote.
    pub fn new(doc: &Document, section: &str, paragraph: usize, offset: usize) -> Self {
        let quote = paragraphs_of(doc, section)
            .and_then(|p| p.get(paragraph))
            .map(|text| opening(text))
            .unwrap_or_default();
        Anchor {
            section: section.to_string(),
            paragraph,
            offset,
            quote,
        }
    }

    /// Where the spot is in `doc` now: the same section and paragraph when it still opens
    /// with the quote; else the paragraph that does (nearest in the same section first);
    /// else the same numbers if that paragraph still exists, else the section's start.
    /// `None` when neither the quote nor the section is found.
    pub fn locate(&self, doc: &Document) -> Option<Anchor> {
        let here = paragraphs_of(doc, &self.section);
        let unchanged = here
            .and_then(|p| p.get(self.paragraph))
            .is_some_and(|text| self.quote.is_empty() || opening(text) == self.quote);
        if unchanged {
            return Some(self.clone());
        }
        if let Some(found) = self.find_quote(doc) {
            return Some(found);
        }
        let paragraphs = here?;
        let at = |paragraph: usize, offset: usize| Anchor {
            section: self.section.clone(),
            paragraph,
            offset,
            quote: self.quote.clone(),
        };
        Some(if self.paragraph < paragraphs.len() {
            at(self.paragraph, self.offset)
        } else {
            at(0, 0)
        })
    }

    /// The paragraph that opens with the quote: in the same section (nearest index) first,
    /// then anywhere in the document.
    fn find_quote(&self, doc: &Document) -> Option<Anchor> {
        if self.quote.is_empty() {
            return None;
        }
        let mut best: Option<(bool, usize, Anchor)> = None;
        for id in passage_ids(doc) {
            let Some(paragraphs) = paragraphs_of(doc, &id) else {
                continue;
            };
            for (i, text) in paragraphs.iter().enumerate() {
                if opening(text) != self.quote {
                    continue;
                }
                let other_section = id != self.section;
                let distance = i.abs_diff(self.paragraph);
                let better = best
                    .as_ref()
                    .is_none_or(|(o, d, _)| (other_section, distance) < (*o, *d));
                if better {
                    let offset = self.offset.min(text.chars().count());
                    let found = Anchor {
                        section: id.clone(),
                        paragraph: i,
                        offset,
                        quote: self.quote.clone(),
                    };
                    best = Some((other_section, distance, found));
                }
            }
        }
        best.map(|(_, _, anchor)| anchor)
    }
}

/// The first [`ANCHOR_QUOTE_CHARS`] characters of a paragraph.
fn opening(text: &str) -> String {
    text.chars().take(ANCHOR_QUOTE_CHARS).collect()
}

/// The ids of a document's passages in reading order: `body` (when there is one), then every
/// section.
fn passage_ids(doc: &Document) -> Vec<String> {
    let body = (!doc.body.is_empty()).then(|| BODY_ID.to_string());
    body.into_iter()
        .chain(doc.flat_sections().into_iter().map(|(_, s)| s.id.clone()))
        .collect()
}

/// A passage's own paragraphs.
fn paragraphs_of<'d>(doc: &'d Document, section: &str) -> Option<&'d [String]> {
    if section == BODY_ID {
        return (!doc.body.is_empty()).then_some(doc.body.as_slice());
    }
    doc.section(section).map(|s| s.paragraphs.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Section;

    fn section(id: &str, paragraphs: &[&str]) -> Section {
        Section {
            id: id.into(),
            label: format!("{id}."),
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            ..Section::default()
        }
    }

    fn doc(sections: Vec<Section>) -> Document {
        Document {
            id: "d".into(),
            body: vec!["Opening words of the memorandum.".into()],
            sections,
            ..Document::default()
        }
    }

    #[test]
    fn an_unchanged_document_keeps_the_spot() {
        let d = doc(vec![section("1", &["First.", "Second paragraph here."])]);
        let anchor = Anchor::new(&d, "1", 1, 7);
        assert_eq!(anchor.quote, "Second paragraph here.");
        assert_eq!(anchor.locate(&d), Some(anchor));
    }

    #[test]
    fn a_paragraph_inserted_above_is_stepped_over_by_the_quote() {
        let before = doc(vec![section("1", &["First.", "The ambassador said no."])]);
        let anchor = Anchor::new(&before, "1", 1, 4);
        let after = doc(vec![section(
            "1",
            &["First.", "A new paragraph.", "The ambassador said no."],
        )]);
        let found = anchor.locate(&after).unwrap();
        assert_eq!((found.section.as_str(), found.paragraph), ("1", 2));
        assert_eq!(found.offset, 4);
    }

    #[test]
    fn a_renumbered_section_is_found_by_the_quote() {
        let before = doc(vec![section("2", &["Gromyko replied at length."])]);
        let anchor = Anchor::new(&before, "2", 0, 0);
        let after = doc(vec![
            section("2", &["An inserted section."]),
            section("3", &["Gromyko replied at length."]),
        ]);
        let found = anchor.locate(&after).unwrap();
        assert_eq!((found.section.as_str(), found.paragraph), ("3", 0));
    }

    #[test]
    fn a_lost_quote_falls_back_to_the_numbers_then_the_section() {
        let before = doc(vec![section("1", &["Old one.", "Old two."])]);
        let anchor = Anchor::new(&before, "1", 1, 2);
        let rewritten = doc(vec![section("1", &["New one.", "New two."])]);
        let found = anchor.locate(&rewritten).unwrap();
        assert_eq!((found.paragraph, found.offset), (1, 2));
        let shorter = doc(vec![section("1", &["New one."])]);
        let found = anchor.locate(&shorter).unwrap();
        assert_eq!((found.paragraph, found.offset), (0, 0));
        let gone = doc(vec![section("9", &["Other."])]);
        assert_eq!(anchor.locate(&gone), None);
    }
}
