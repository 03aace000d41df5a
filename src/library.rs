//! The corpus as a front end reads it: its documents and the search engine over their
//! passages, shared by the CLI and the browser.
//!
//! The engine sits behind [`Engine`] so that another one (a server such as Meilisearch or
//! OpenSearch, serving a team's shared archive) can take the place of the local index
//! without the front ends changing. An engine answers from what it stores (ids, labels,
//! snippets), never from the corpus in memory: that is what lets `dossier search` answer
//! from a fresh index without parsing a file, and the browser search on another thread
//! ([`SearchSession`]).

mod session;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use session::{SearchSession, Snapshot};

use crate::corpus::Corpus;
use crate::index::{IndexStats, Ranked, Snippet, TextIndex, WordHit, WordQuery};
use crate::query::index::passage_count;

/// A full-text search engine over a corpus's passages.
pub trait Engine: Send + Sync {
    /// The best `limit` passages for `query`, best first, of those `keep(doc_id, passage)`
    /// accepts, and how many matched in all (before `keep`).
    fn search(
        &self,
        query: &WordQuery,
        limit: usize,
        keep: &dyn Fn(&str, usize) -> bool,
    ) -> Result<Ranked, String>;
}

impl Engine for TextIndex {
    fn search(
        &self,
        query: &WordQuery,
        limit: usize,
        keep: &dyn Fn(&str, usize) -> bool,
    ) -> Result<Ranked, String> {
        TextIndex::search(self, query, limit, keep)
    }
}

/// A corpus and its search engine.
pub struct Library {
    pub corpus: Corpus,
    engine: Arc<dyn Engine>,
    /// Documents by id, to turn an engine's ids back into the corpus's documents.
    by_id: HashMap<String, usize>,
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
        Ok((Library::with_engine(corpus, Arc::new(index)), stats))
    }

    /// The corpus with another engine.
    pub fn with_engine(corpus: Corpus, engine: Arc<dyn Engine>) -> Library {
        let by_id = corpus
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.clone(), i))
            .collect();
        Library {
            corpus,
            engine,
            by_id,
        }
    }

    /// The engine, to search from another thread.
    pub fn engine(&self) -> Arc<dyn Engine> {
        Arc::clone(&self.engine)
    }

    /// Ranked hits for `query` with their snippets, and how many passages matched in all.
    /// A hit the corpus does not have (a stale index) is never shown.
    pub fn search(&self, query: &WordQuery, limit: usize) -> Result<(Vec<Found>, usize), String> {
        let documents = &self.corpus.documents;
        let keep = |id: &str, local: usize| {
            self.by_id.get(id).is_some_and(|&d| {
                local < passage_count(&documents[d]) && query.document_passes(&documents[d])
            })
        };
        let ranked = self.engine.search(query, limit, &keep)?;
        let found = ranked
            .hits
            .into_iter()
            .filter_map(|h| {
                let doc = *self.by_id.get(&h.doc_id)?;
                Some(Found {
                    hit: WordHit {
                        doc,
                        local: h.local,
                        score: h.score,
                    },
                    snippet: h.snippet,
                })
            })
            .collect();
        Ok((found, ranked.total))
    }
}
