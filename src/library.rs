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

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use session::{SearchSession, Snapshot};

use crate::corpus::Corpus;
use crate::index::{IndexStats, Ranked, Snippet, TextIndex, WordHit, WordQuery};
use crate::model::Document;
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

    /// The ids of every document with a passage that `query` matches.
    fn matching_documents(&self, query: &WordQuery) -> Result<HashSet<String>, String>;
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

    fn matching_documents(&self, query: &WordQuery) -> Result<HashSet<String>, String> {
        TextIndex::matching_documents(self, query)
    }
}

/// A corpus's documents and their search engine. Cloning is cheap (both are shared), which
/// is how a [`SearchSession`] takes the library to its thread.
#[derive(Clone)]
pub struct Library {
    docs: Arc<Vec<Document>>,
    engine: Arc<dyn Engine>,
    /// Documents by id, to turn an engine's ids back into the corpus's documents.
    by_id: Arc<HashMap<String, usize>>,
}

/// A hit with its snippet.
#[derive(Debug, Clone)]
pub struct Found {
    pub hit: WordHit,
    pub snippet: Snippet,
}

impl Library {
    /// The corpus with the local index, kept under `cache` (in memory when `None`);
    /// `progress(files done, files to do)` follows a build.
    pub fn open(
        corpus: Corpus,
        roots: &[PathBuf],
        cache: Option<&Path>,
        progress: &dyn Fn(usize, usize),
    ) -> Result<(Library, IndexStats), String> {
        Library::open_shared(Arc::new(corpus.documents), roots, cache, progress)
    }

    /// [`Library::open`] over documents that someone else (the browser) keeps too.
    pub fn open_shared(
        docs: Arc<Vec<Document>>,
        roots: &[PathBuf],
        cache: Option<&Path>,
        progress: &dyn Fn(usize, usize),
    ) -> Result<(Library, IndexStats), String> {
        let (index, stats) = TextIndex::open(&docs, roots, cache, progress)?;
        Ok((Library::with_engine(docs, Arc::new(index)), stats))
    }

    /// The documents with another engine.
    pub fn with_engine(docs: Arc<Vec<Document>>, engine: Arc<dyn Engine>) -> Library {
        let by_id = docs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.clone(), i))
            .collect();
        Library {
            docs,
            engine,
            by_id: Arc::new(by_id),
        }
    }

    pub fn documents(&self) -> &[Document] {
        &self.docs
    }

    /// The engine, to search from another thread.
    pub fn engine(&self) -> Arc<dyn Engine> {
        Arc::clone(&self.engine)
    }

    /// Ranked hits for `query` with their snippets, and how many passages matched in all.
    /// A hit the corpus does not have (a stale index) is never shown.
    pub fn search(&self, query: &WordQuery, limit: usize) -> Result<(Vec<Found>, usize), String> {
        let documents = &self.docs;
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

    /// Which documents (indices into [`Library::documents`]) have a passage that `query`
    /// matches and pass its field terms, in corpus order.
    pub fn matching_documents(&self, query: &WordQuery) -> Result<Vec<usize>, String> {
        let ids = self.engine.matching_documents(query)?;
        let mut found: Vec<usize> = ids
            .iter()
            .filter_map(|id| self.by_id.get(id).copied())
            .filter(|&d| query.document_passes(&self.docs[d]))
            .collect();
        found.sort_unstable();
        Ok(found)
    }
}
