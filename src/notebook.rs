//! The research notebook: what a reader marked, as Markdown another tool can keep, and the
//! `dossier://<doc-id>#<section-id>` links that lead back to each passage.
//!
//! Built from the documents and the remembered state alone (no terminal, no files): the CLI
//! prints it, tests read it.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::citation::{Style, cite};
use crate::model::Document;
use crate::state::State;

/// A place in a corpus: a document and, optionally, one of its sections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub doc_id: String,
    pub section: Option<String>,
}

const SCHEME: &str = "dossier://";

impl Link {
    /// Reads `dossier://<doc-id>` or `dossier://<doc-id>#<section-id>`.
    pub fn parse(text: &str) -> Result<Link, String> {
        let rest = text.trim().strip_prefix(SCHEME).ok_or_else(|| {
            format!("{text:?} is not a dossier link (dossier://<doc-id>#<section-id>)")
        })?;
        let (doc_id, section) = match rest.split_once('#') {
            Some((doc, section)) => (doc, Some(section)),
            None => (rest, None),
        };
        if doc_id.is_empty() || doc_id.contains('/') {
            return Err(format!("{text:?}: no document id after {SCHEME}"));
        }
        Ok(Link {
            doc_id: doc_id.to_string(),
            section: section.filter(|s| !s.is_empty()).map(str::to_string),
        })
    }
}

impl std::fmt::Display for Link {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{SCHEME}{}", self.doc_id)?;
        if let Some(section) = &self.section {
            write!(f, "#{section}")?;
        }
        Ok(())
    }
}

/// The documents a notebook covers, in corpus order: every bookmarked or tagged one, or only
/// those tagged `tag`.
pub fn marked_documents<'a>(
    docs: &'a [Document],
    state: &State,
    tag: Option<&str>,
) -> Vec<&'a Document> {
    let ids: BTreeSet<&str> = match tag {
        Some(tag) => state.documents_tagged(tag).collect(),
        None => state
            .bookmarks
            .iter()
            .map(|b| b.doc_id.as_str())
            .chain(state.highlights.iter().map(|h| h.doc_id.as_str()))
            .chain(state.tags.keys().map(String::as_str))
            .collect(),
    };
    docs.iter()
        .filter(|d| ids.contains(d.id.as_str()))
        .collect()
}

/// The notebook in Markdown: per document, a heading, its tags, its citation, then each
/// bookmark as a quoted passage (label and text) with its note and link, then each highlight
/// (its quote, note and link, found again by its quote).
pub fn markdown(docs: &[&Document], state: &State, style: Style) -> String {
    let mut out = String::from("# dossier notebook\n");
    for doc in docs {
        let _ = write!(out, "\n## {}\n\n", one_line(&doc.title));
        let tags = state.tags_of(&doc.id);
        if !tags.is_empty() {
            let _ = writeln!(out, "Tags: {}\n", tags.join(", "));
        }
        let _ = writeln!(out, "{}\n", one_line(&cite(doc, style, None).bibliography));
        let _ = writeln!(
            out,
            "<{}>\n",
            Link {
                doc_id: doc.id.clone(),
                section: None
            }
        );
        for bookmark in state.bookmarks.iter().filter(|b| b.doc_id == doc.id) {
            let link = Link {
                doc_id: doc.id.clone(),
                section: Some(bookmark.section.clone()),
            };
            let _ = writeln!(out, "### {}\n", bookmark.section);
            match crate::cite::section_text(doc, &bookmark.section) {
                Some(text) => {
                    for line in text.lines() {
                        let _ =
                            writeln!(out, ">{}{}", if line.is_empty() { "" } else { " " }, line);
                    }
                }
                None => {
                    let _ = writeln!(
                        out,
                        "> (section {} is no longer in the document)",
                        bookmark.section
                    );
                }
            }
            out.push('\n');
            if !bookmark.note.is_empty() {
                let _ = writeln!(out, "Note: {}\n", one_line(&bookmark.note));
            }
            let pinpoint = cite(doc, style, Some(&bookmark.section)).citation;
            let _ = writeln!(out, "Cite: {}\n", one_line(&pinpoint));
            let _ = writeln!(out, "<{link}>\n");
        }
        for highlight in state.highlights.iter().filter(|h| h.doc_id == doc.id) {
            let section = highlight.section_in(doc);
            let shown = section.as_deref().unwrap_or(&highlight.section);
            let (what, cut) = if highlight.sentence {
                ("Highlighted sentence", "")
            } else {
                ("Highlight", "…")
            };
            let _ = writeln!(out, "### {what}: {shown}\n");
            let _ = writeln!(out, "> {}{cut}\n", one_line(&highlight.quote));
            if section.is_none() {
                let _ = writeln!(out, "(the quoted passage is no longer in the document)\n");
            }
            if !highlight.note.is_empty() {
                let _ = writeln!(out, "Note: {}\n", one_line(&highlight.note));
            }
            if let Some(section) = section {
                let pinpoint = cite(doc, style, Some(&section)).citation;
                let _ = writeln!(out, "Cite: {}\n", one_line(&pinpoint));
                let link = Link {
                    doc_id: doc.id.clone(),
                    section: Some(section),
                };
                let _ = writeln!(out, "<{link}>\n");
            }
        }
    }
    out
}

/// Documents of a saved search listed in the notebook; the count says how many there are.
const SAVED_LISTED: usize = 10;

/// The notebook's section on saved searches: each one's name, query and count of documents
/// in `docs` (the whole corpus) now, with links to the first [`SAVED_LISTED`] it finds.
/// Empty when there are none.
pub fn saved_searches_markdown(docs: &[Document], state: &State) -> String {
    if state.saved_searches.is_empty() {
        return String::new();
    }
    let mut out = String::from("\n## Saved searches\n\n");
    for search in &state.saved_searches {
        let found = crate::query::documents::documents_matching(docs, &search.query, &state.tags);
        let _ = writeln!(
            out,
            "- **{}** `{}`: {} document{}",
            one_line(&search.name),
            one_line(&search.query).replace('`', "'"),
            found.len(),
            if found.len() == 1 { "" } else { "s" }
        );
        for &d in found.iter().take(SAVED_LISTED) {
            let link = Link {
                doc_id: docs[d].id.clone(),
                section: None,
            };
            let _ = writeln!(out, "  - <{link}> {}", one_line(&docs[d].title));
        }
    }
    out
}

/// The documents a saved search finds now, best first; `None` when there is no search of
/// that name.
pub fn saved_search_documents<'a>(
    docs: &'a [Document],
    state: &State,
    name: &str,
) -> Option<Vec<&'a Document>> {
    let search = state.saved_searches.iter().find(|s| s.name == name)?;
    let found = crate::query::documents::documents_matching(docs, &search.query, &state.tags);
    Some(found.into_iter().map(|d| &docs[d]).collect())
}

fn one_line(text: &str) -> String {
    crate::parse::clean::clean_line(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_read_back_as_written() {
        for text in ["dossier://000_seed#2.1.b", "dossier://000_seed"] {
            assert_eq!(
                Link::parse(text).map(|l| l.to_string()),
                Ok(text.to_string())
            );
        }
        assert!(Link::parse("https://example.org").is_err());
        assert!(Link::parse("dossier://#1").is_err());
    }
}
