//! A search session: the browser's incremental search as a small component — set the query,
//! poll the latest ranked snapshot — with the engine running on a thread of its own, so that
//! a key never waits for a search (as helix's picker and television's matcher do it).
//!
//! Queries typed faster than they are answered are skipped: the worker takes the newest
//! request and drops the others, and a snapshot of an older query is never shown as the
//! current one.

use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;
use std::time::Duration;

use super::{Found, Library};
use crate::index::WordQuery;

/// The ranked hits of one query.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// Which [`SearchSession::set_query`] this answers.
    pub generation: u64,
    pub input: String,
    pub hits: Vec<Found>,
    /// How many passages matched in all (the hits are the best of them).
    pub total: usize,
    /// For a session of documents: every document found (indices, corpus order).
    pub documents: Vec<usize>,
    /// What went wrong, when the engine failed.
    pub error: Option<String>,
}

struct Request {
    generation: u64,
    input: String,
    query: WordQuery,
}

/// What a session answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
    /// The best passages, with snippets.
    Passages(usize),
    /// Every document found.
    Documents,
}

/// An incremental search over an engine.
pub struct SearchSession {
    requests: Sender<Request>,
    results: Receiver<Snapshot>,
    generation: u64,
    answered: u64,
}

impl SearchSession {
    /// A session over `library` keeping the best `limit` hits.
    pub fn new(library: Library, limit: usize) -> SearchSession {
        SearchSession::start(library, Want::Passages(limit))
    }

    /// A session over `library` that finds documents (a list filter's).
    pub fn documents(library: Library) -> SearchSession {
        SearchSession::start(library, Want::Documents)
    }

    fn start(library: Library, want: Want) -> SearchSession {
        let (requests, inbox) = channel::<Request>();
        let (outbox, results) = channel();
        // Without a thread (the system refused one) the session simply never answers.
        let _ = thread::Builder::new()
            .name("dossier-search".into())
            .spawn(move || serve(&library, want, &inbox, &outbox));
        SearchSession {
            requests,
            results,
            generation: 0,
            answered: 0,
        }
    }

    /// Asks for the hits of `input`, parsed as `query` (the caller resolves what only it
    /// knows, such as tags, and whether the last word is a prefix while being typed); the
    /// answer comes through [`SearchSession::poll`].
    pub fn set_query(&mut self, input: &str, query: WordQuery) {
        self.generation += 1;
        let _ = self.requests.send(Request {
            generation: self.generation,
            input: input.to_string(),
            query,
        });
    }

    /// True while the newest query is not answered yet.
    pub fn pending(&self) -> bool {
        self.answered < self.generation
    }

    /// The answer to the newest query, if it has come since the last poll.
    pub fn poll(&mut self) -> Option<Snapshot> {
        let mut newest = None;
        while let Ok(snapshot) = self.results.try_recv() {
            self.answered = self.answered.max(snapshot.generation);
            if snapshot.generation == self.generation {
                newest = Some(snapshot);
            }
        }
        newest
    }

    /// Waits up to `timeout` for the answer to the newest query (for tests and scripts).
    pub fn wait(&mut self, timeout: Duration) -> Option<Snapshot> {
        let deadline = std::time::Instant::now() + timeout;
        loop {
            if let Some(snapshot) = self.poll() {
                return Some(snapshot);
            }
            let left = deadline.checked_duration_since(std::time::Instant::now())?;
            match self.results.recv_timeout(left) {
                Ok(snapshot) => {
                    self.answered = self.answered.max(snapshot.generation);
                    if snapshot.generation == self.generation {
                        return Some(snapshot);
                    }
                }
                Err(_) => return None,
            }
        }
    }
}

/// The worker: answers the newest request, until the session is dropped.
fn serve(library: &Library, want: Want, inbox: &Receiver<Request>, outbox: &Sender<Snapshot>) {
    while let Ok(mut request) = inbox.recv() {
        while let Ok(newer) = inbox.try_recv() {
            request = newer;
        }
        let mut snapshot = Snapshot {
            generation: request.generation,
            input: request.input,
            ..Snapshot::default()
        };
        let answer = match want {
            Want::Passages(limit) => library.search(&request.query, limit).map(|(hits, total)| {
                snapshot.hits = hits;
                snapshot.total = total;
            }),
            Want::Documents => library.matching_documents(&request.query).map(|documents| {
                snapshot.total = documents.len();
                snapshot.documents = documents;
            }),
        };
        snapshot.error = answer.err();
        if outbox.send(snapshot).is_err() {
            return;
        }
    }
}
