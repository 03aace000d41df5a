//! The corpus as a front end reads it: its documents and the search engine over their
//! passages, shared by the CLI and the browser.
//!
//! The engine sits behind [`Engine`] so that another one (a server such as Meilisearch or
//! OpenSearch, serving a team's shared archive) can take the place of the local index
//! without the front ends changing.

use std::path::{Path, PathBuf};

use crate::corpus::Corpus;
use crate::index::{IndexStats, Snippet, TextIndex, WordHit, WordQuery, snippet};
use crate::query::index::passage_ref;

/// A full-text search engine over a corpus's passages.
pub trait Engine: Send + Sync {
    /// The best `limit` passages for `query`, best first, and how many matched in all
    /// (before field filters).
    fn search(
        &self,
        corpus: &Corpus,
        query: &WordQuery,
        limit: usize,
    ) -> Result<(Vec<WordHit>, usize), String>;
}

impl Engine for TextIndex {
    fn search(
        &self,
        corpus: &Corpus,
        query: &WordQuery,
        limit: usize,
    ) -> Result<(Vec<WordHit>, usize), String> {
        TextIndex::search(self, corpus, query, limit)
    }
}

/// A corpus and its search engine.
pub struct Library {
    pub corpus: Corpus,
    engine: Box<dyn Engine>,
}

/// A hit with its snippet.
#[derive(Debug, Clone)]
pub struct Found {
    pub hit: WordHit,
    pub snippet: Snippet,
}

impl Library {
    /// The corpus with the local index, kept under `cache` (in memory when `None`).
    pub fn open(
        corpus: Corpus,
        roots: &[PathBuf],
        cache: Option<&Path>,
    ) -> Result<(Library, IndexStats), String> {
        let (index, stats) = TextIndex::open(&corpus, roots, cache)?;
        Ok((Library::with_engine(corpus, Box::new(index)), stats))
    }

    /// The corpus with another engine.
    pub fn with_engine(corpus: Corpus, engine: Box<dyn Engine>) -> Library {
        Library { corpus, engine }
    }

    /// Ranked hits for `query` with their snippets, and how many passages matched in all.
    pub fn search(&self, query: &WordQuery, limit: usize) -> Result<(Vec<Found>, usize), String> {
        let (hits, total) = self.engine.search(&self.corpus, query, limit)?;
        let mut text = String::new();
        let found = hits
            .into_iter()
            .map(|hit| {
                let doc = &self.corpus.documents[hit.doc];
                let snippet = match passage_ref(doc, hit.local) {
                    Some(passage) => {
                        // The passage's paragraphs without its label (`2.`), which would
                        // otherwise read as a sentence of its own.
                        let paragraphs = passage.section.map_or(&doc.body, |s| &s.paragraphs);
                        text.clear();
                        for p in paragraphs {
                            text.push_str(p);
                            text.push('\n');
                        }
                        snippet(&text, query)
                    }
                    None => Snippet::default(),
                };
                Found { hit, snippet }
            })
            .collect();
        Ok((found, total))
    }
}
