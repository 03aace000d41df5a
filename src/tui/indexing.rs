//! The search index, built or brought up to date on a thread of its own once the corpus is in
//! (and again after a live reload), its progress shown in the status bar. The browser searches
//! words as soon as the library is ready, and ranks titles and headings until then.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::thread;

use crate::index::IndexStats;
use crate::library::Library;
use crate::model::Document;
use crate::tui::app::App;

enum Message {
    Progress(usize, usize),
    Ready(Result<(Library, IndexStats), String>),
}

/// An index build under way.
pub struct IndexBuild {
    messages: Receiver<Message>,
    /// The documents indexed: a library over others (a reload came meanwhile) is not given.
    docs: Arc<Vec<Document>>,
}

impl IndexBuild {
    /// Builds (or updates) the index of `docs`, read from `roots`, under `cache` (in memory
    /// without one).
    pub fn start(
        docs: Arc<Vec<Document>>,
        roots: Vec<PathBuf>,
        cache: Option<PathBuf>,
    ) -> IndexBuild {
        let (tx, messages) = channel();
        let indexed = Arc::clone(&docs);
        let spawned = thread::Builder::new()
            .name("dossier-index".into())
            .spawn(move || {
                let report = |done, total| {
                    let _ = tx.send(Message::Progress(done, total));
                };
                let opened = Library::open_shared(docs, &roots, cache.as_deref(), &report);
                let _ = tx.send(Message::Ready(opened));
            });
        if let Err(e) = spawned {
            // The sender went with the closure: the build reports its own failure below.
            let (tx, messages) = channel();
            let _ = tx.send(Message::Ready(Err(format!("no thread for the index: {e}"))));
            return IndexBuild {
                messages,
                docs: indexed,
            };
        }
        IndexBuild {
            messages,
            docs: indexed,
        }
    }

    /// Gives `app` what the build reported since the last look: true when the build is over.
    /// A build of documents the app no longer has (it reloaded) ends without a word.
    pub fn poll(&self, app: &mut App) -> bool {
        if !Arc::ptr_eq(&self.docs, &app.docs) {
            return self.drained();
        }
        loop {
            let message = match self.messages.try_recv() {
                Ok(message) => message,
                Err(TryRecvError::Empty) => return false,
                Err(TryRecvError::Disconnected) => {
                    Message::Ready(Err("the index build stopped".to_string()))
                }
            };
            match message {
                Message::Progress(done, total) => app.set_indexing(done, total),
                Message::Ready(Ok((library, stats))) => {
                    if let Some(warning) = stats.warning {
                        app.message = Some(warning);
                    }
                    app.attach_library(library);
                    return true;
                }
                Message::Ready(Err(e)) => {
                    app.words.indexing = None;
                    app.message = Some(format!(
                        "search index: {e}; words are searched in titles and headings only"
                    ));
                    return true;
                }
            }
        }
    }

    /// Drops the reports of a stale build: true once it is over.
    fn drained(&self) -> bool {
        loop {
            match self.messages.try_recv() {
                Ok(Message::Ready(_)) | Err(TryRecvError::Disconnected) => return true,
                Ok(Message::Progress(..)) => continue,
                Err(TryRecvError::Empty) => return false,
            }
        }
    }
}
