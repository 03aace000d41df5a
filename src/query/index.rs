//! Passages: the searchable units of a corpus, one per section plus each document's leading
//! body, with their text folded once so that every query reuses the work.

use super::fold::Haystack;
use super::matcher::Matcher;
use super::syntax::Query;
use crate::model::{Document, Section};

/// The section id given to a document's paragraphs that precede its first numbered section.
pub const BODY_ID: &str = "body";

/// One searchable unit: a section, or a document's leading body.
#[derive(Debug, Clone)]
pub struct Passage {
    /// Index of the document in the corpus.
    pub doc: usize,
    /// The section id, or [`BODY_ID`].
    pub section: String,
    pub label: String,
    pub heading: String,
    pub depth: usize,
    /// Label, heading and paragraphs.
    pub text: Haystack,
}

/// Every passage of a corpus, and each document's title prepared for matching.
#[derive(Debug, Default)]
pub struct SearchIndex {
    pub passages: Vec<Passage>,
    pub titles: Vec<Haystack>,
}

/// A ranked search result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub passage: usize,
    pub score: i64,
}

impl SearchIndex {
    pub fn build(docs: &[Document]) -> Self {
        let mut index = SearchIndex::default();
        for (i, doc) in docs.iter().enumerate() {
            index.titles.push(Haystack::new(doc.title.clone()));
            index.passages.extend(passages_of(i, doc));
        }
        index
    }

    /// Passages matching `query` against their text and their document's title, best first;
    /// ties keep corpus order.
    pub fn search(&self, docs: &[Document], query: &Query, limit: usize) -> Vec<Hit> {
        let matcher = Matcher::default();
        let mut hits: Vec<Hit> = self
            .passages
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let texts = [&p.text, &self.titles[p.doc]];
                let score = matcher.score(query, &texts, &docs[p.doc])?;
                Some(Hit { passage: i, score })
            })
            .collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.passage.cmp(&b.passage)));
        hits.truncate(limit);
        hits
    }
}

/// The passages of one document in reading order: the leading body, then every section.
pub fn passages_of(doc_index: usize, doc: &Document) -> Vec<Passage> {
    let mut out = Vec::new();
    if !doc.body.is_empty() {
        let heading = doc
            .body
            .first()
            .map(|p| crate::parse::sections::heading_of(p))
            .unwrap_or_default();
        out.push(Passage {
            doc: doc_index,
            section: BODY_ID.to_string(),
            label: String::new(),
            heading,
            depth: 0,
            text: Haystack::new(doc.body.join("\n")),
        });
    }
    for (depth, section) in doc.flat_sections() {
        out.push(Passage {
            doc: doc_index,
            section: section.id.clone(),
            label: section.label.clone(),
            heading: section.heading.clone(),
            depth,
            text: Haystack::new(section_text(section)),
        });
    }
    out
}

/// A section's own text: its label and paragraphs (not its children's).
pub fn section_text(section: &Section) -> String {
    let mut text = section.label.clone();
    for p in &section.paragraphs {
        text.push(' ');
        text.push_str(p);
    }
    text
}
