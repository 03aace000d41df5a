//! The documents a query finds the way the browser's documents filter finds them: matched
//! against each document's list row (date and title) and its fields, `tag:` read from the
//! reader's tags. The browser ranks its own lists; this is for saved searches counted
//! outside it (`dossier notes export`).

use std::collections::{BTreeMap, BTreeSet};

use super::fold::Haystack;
use super::{SearchIndex, parse_query};
use crate::model::Document;

/// A document's row in the documents list: date and title.
pub fn document_row(doc: &Document) -> String {
    let date = doc.date.iso.as_deref().unwrap_or("—");
    format!("{date:<10} {}", doc.title)
}

/// The ids of the documents with a tag.
pub fn tagged(tags: &BTreeMap<String, BTreeSet<String>>, name: &str) -> BTreeSet<String> {
    tags.iter()
        .filter(|(_, names)| names.contains(name))
        .map(|(id, _)| id.clone())
        .collect()
}

/// The indices of the documents `text` finds, best first (all of them for an empty query).
pub fn documents_matching(
    docs: &[Document],
    text: &str,
    tags: &BTreeMap<String, BTreeSet<String>>,
) -> Vec<usize> {
    let mut query = parse_query(text);
    query.resolve_tags(|name| tagged(tags, name));
    if query.is_empty() {
        return (0..docs.len()).collect();
    }
    let mut index = SearchIndex::default();
    index.extend(docs);
    let rows: Vec<Haystack> = docs
        .iter()
        .map(|d| Haystack::new(document_row(d)))
        .collect();
    index.rank_documents(docs, &query, &rows)
}
