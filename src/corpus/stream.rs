//! Loading in batches, so that the browser is up while a large folder still loads.
//!
//! A load walks the paths first (names only), then reads the files in batches — a small one
//! first, so that the first documents arrive after a few milliseconds, then larger ones — and
//! hands each batch on in walk order with final ids. [`Loader`] runs a load on its own thread;
//! the browser takes what has arrived between two frames.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub use super::batches::{FIRST_BATCH, MAX_BATCH, batch_ranges};
use super::cache::{self, CacheStats};
use super::{Corpus, Interner, LoadOptions, LoadProblem, collect_files, load_files, unique_id};
use crate::model::Document;

/// Documents and problems of consecutive files, in walk order.
#[derive(Debug, Default)]
pub struct Batch {
    pub documents: Vec<Document>,
    pub problems: Vec<LoadProblem>,
    /// Files read so far, this batch included, of `files_total`.
    pub files_done: usize,
    pub files_total: usize,
}

/// Loads every document under `paths`, handing each batch to `sink` as it is read. Walk
/// problems come with the first batch; a load that finds no file at all still hands on one
/// (empty) batch with its problems. The load stops early when `sink` returns false (the
/// browser quit): a cache being written keeps what was read so far.
pub fn load_streaming(
    paths: &[PathBuf],
    options: &LoadOptions,
    sink: &mut dyn FnMut(Batch) -> bool,
) -> CacheStats {
    let mut stats = CacheStats::default();
    let mut waiting_problems = Vec::new();
    // Each folder's cache is opened (its table read) while the folders are walked.
    let opening: Vec<_> = paths
        .iter()
        .map(|path| {
            let dir = options.cache_dir.clone().filter(|_| path.is_dir())?;
            let path = path.clone();
            std::thread::Builder::new()
                .name("dossier-cache".into())
                .spawn(move || cache::open_folder(&dir, &path))
                .ok()
        })
        .collect();
    let mut groups = Vec::new();
    for (path, opening) in paths.iter().zip(opening) {
        let mut files = Vec::new();
        let is_dir = collect_files(path, &mut files, &mut waiting_problems);
        groups.push((path, is_dir, files, opening));
    }
    let total: usize = groups.iter().map(|g| g.2.len()).sum();
    let mut ids = HashSet::new();
    let mut interner = Interner::default();
    let mut done = 0;
    let mut handed_on = false;
    let mut go_on = true;
    for (path, is_dir, files, opening) in groups {
        if !go_on {
            break;
        }
        let mut emit = |files: &[PathBuf], results: Vec<Result<Vec<Document>, String>>| {
            let mut batch = Batch {
                problems: std::mem::take(&mut waiting_problems),
                ..Batch::default()
            };
            for (file, result) in files.iter().zip(results) {
                match result {
                    Ok(docs) => {
                        for mut doc in docs {
                            doc.id = unique_id(&doc.id, &mut ids);
                            interner.intern(&mut doc);
                            batch.documents.push(doc);
                        }
                    }
                    Err(message) => batch.problems.push(LoadProblem {
                        path: file.clone(),
                        message,
                    }),
                }
            }
            done += files.len();
            batch.files_done = done;
            batch.files_total = total;
            handed_on = true;
            go_on = sink(batch);
            go_on
        };
        let cache_dir = options
            .cache_dir
            .as_deref()
            .filter(|_| is_dir && files.len() >= options.cache_min_files);
        let opened = opening.and_then(|thread| thread.join().ok()).flatten();
        match cache_dir {
            Some(dir) => cache::load_folder(opened, dir, path, &files, &mut stats, &mut emit),
            None => {
                for range in batch_ranges(files.len()) {
                    let files = &files[range];
                    if !emit(files, load_files(files)) {
                        break;
                    }
                }
            }
        }
    }
    if go_on && (!handed_on || !waiting_problems.is_empty()) {
        sink(Batch {
            problems: waiting_problems,
            files_done: done,
            files_total: total,
            ..Batch::default()
        });
    }
    stats
}

/// What a background load sends.
#[derive(Debug)]
pub enum Loaded {
    Batch(Batch),
    Done(CacheStats),
}

/// A load running on its own thread.
pub struct Loader {
    receiver: Receiver<Loaded>,
    thread: Option<JoinHandle<()>>,
    finished: bool,
    stop: Arc<AtomicBool>,
}

impl Loader {
    pub fn start(paths: Vec<PathBuf>, options: LoadOptions) -> Loader {
        let (sender, receiver) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let thread = std::thread::Builder::new()
            .name("dossier-load".into())
            .spawn(move || {
                let load = || {
                    load_streaming(&paths, &options, &mut |batch| {
                        sender.send(Loaded::Batch(batch)).is_ok()
                            && !stopped.load(Ordering::Relaxed)
                    })
                };
                // Its own workers: on the shared ones, the browser's searches would queue
                // behind whole batches of parsing.
                let pool = rayon::ThreadPoolBuilder::new()
                    .thread_name(|i| format!("dossier-load-{i}"))
                    .build();
                let stats = match pool {
                    Ok(pool) => pool.install(load),
                    Err(_) => load(),
                };
                let _ = sender.send(Loaded::Done(stats));
            })
            .ok();
        Loader {
            receiver,
            thread,
            finished: false,
            stop,
        }
    }

    /// Stops the load after the batch being read, and waits (at most `patience`) for it to
    /// be over, so that a cache being written keeps what was read so far.
    pub fn stop(mut self, patience: Duration) {
        self.stop.store(true, Ordering::Relaxed);
        let deadline = Instant::now() + patience;
        while !self.finished {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.receiver.recv_timeout(left) {
                Ok(message) => self.note(&Some(message)),
                Err(_) => return,
            }
        }
    }

    /// Waits for the next message; `None` once the load is over.
    pub fn wait(&mut self) -> Option<Loaded> {
        if self.finished {
            return None;
        }
        let message = self.receiver.recv().ok();
        self.note(&message);
        message
    }

    /// What has arrived, without waiting.
    pub fn ready(&mut self) -> Vec<Loaded> {
        let mut out = Vec::new();
        while !self.finished {
            match self.receiver.try_recv() {
                Ok(message) => {
                    let message = Some(message);
                    self.note(&message);
                    out.extend(message);
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => self.finished = true,
            }
        }
        out
    }

    /// Waits for the first documents, or for the end of a load that finds none: what the
    /// browser shows first. Also tells how many files were read by then, of how many.
    pub fn first_documents(&mut self) -> (Corpus, usize, usize) {
        let mut corpus = Corpus::default();
        let (mut done, mut total) = (0, 0);
        while corpus.documents.is_empty() {
            match self.wait() {
                Some(Loaded::Batch(batch)) => {
                    corpus.documents.extend(batch.documents);
                    corpus.problems.extend(batch.problems);
                    (done, total) = (batch.files_done, batch.files_total);
                }
                Some(Loaded::Done(_)) | None => break,
            }
        }
        (corpus, done, total)
    }

    pub fn is_finished(&self) -> bool {
        self.finished
    }

    fn note(&mut self, message: &Option<Loaded>) {
        if matches!(message, None | Some(Loaded::Done(_))) {
            self.finished = true;
            if let Some(thread) = self.thread.take() {
                let _ = thread.join();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load_with;

    #[test]
    fn batches_in_order_make_the_same_corpus_as_one_load() {
        let paths = vec![PathBuf::from("sample"), PathBuf::from("tests/fixtures")];
        let options = LoadOptions::uncached();
        let (whole, _) = load_with(&paths, &options);
        let mut loader = Loader::start(paths, options);
        let (mut documents, mut problems, mut last_done) = (Vec::new(), Vec::new(), 0);
        while let Some(message) = loader.wait() {
            if let Loaded::Batch(batch) = message {
                assert!(batch.files_done >= last_done && batch.files_done <= batch.files_total);
                last_done = batch.files_done;
                documents.extend(batch.documents);
                problems.extend(batch.problems);
            }
        }
        assert!(loader.is_finished());
        assert!(documents.len() > 20);
        assert_eq!(documents, whole.documents);
        assert_eq!(problems, whole.problems);
    }

    #[test]
    fn files_come_in_the_order_of_a_walk_in_sorted_name_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        let names = [
            "b/x.txt",
            "b.txt",
            "a-1.txt",
            "a/c.txt",
            "a.txt",
            "A.txt",
            "b/a/z.txt",
            "b/a.txt",
            "a/b/c.txt",
            "a b.txt",
            "a/ä.txt",
            "b/-.txt",
        ];
        for name in names {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(&path, "x").expect("write");
        }
        let expected: Vec<PathBuf> = walkdir::WalkDir::new(dir.path())
            .sort_by_file_name()
            .into_iter()
            .map(|e| e.expect("entry").into_path())
            .filter(|p| p.is_file())
            .collect();
        let mut files = Vec::new();
        collect_files(dir.path(), &mut files, &mut Vec::new());
        assert_eq!(files, expected);
        // A flat folder takes the quick path: the same order.
        let flat = tempfile::tempdir().expect("temp dir");
        for name in [
            "b.txt", "a-1.txt", "a.txt", "A.txt", "a b.txt", "ä.txt", "a.1.txt",
        ] {
            std::fs::write(flat.path().join(name), "x").expect("write");
        }
        let expected: Vec<PathBuf> = walkdir::WalkDir::new(flat.path())
            .sort_by_file_name()
            .min_depth(1)
            .into_iter()
            .map(|e| e.expect("entry").into_path())
            .collect();
        let mut files = Vec::new();
        collect_files(flat.path(), &mut files, &mut Vec::new());
        assert_eq!(files, expected);
    }

    #[test]
    fn equal_boilerplate_is_held_once_per_load() {
        let (corpus, _) = load_with(&[PathBuf::from("sample")], &LoadOptions::uncached());
        let with_rights: Vec<_> = corpus
            .documents
            .iter()
            .filter_map(|d| d.rights.as_ref())
            .collect();
        let mut shared = 0;
        for (i, a) in with_rights.iter().enumerate() {
            for b in &with_rights[i + 1..] {
                if a == b {
                    assert!(
                        std::sync::Arc::ptr_eq(a, b),
                        "equal rights texts not shared"
                    );
                    shared += 1;
                }
            }
        }
        assert!(shared > 0, "the sample repeats its rights text");
    }

    #[test]
    fn a_path_with_nothing_to_load_still_reports_its_problem() {
        let mut batches = Vec::new();
        load_streaming(
            &[PathBuf::from("no/such/folder")],
            &LoadOptions::uncached(),
            &mut |b| {
                batches.push(b);
                true
            },
        );
        assert_eq!(batches.len(), 1);
        assert!(batches[0].documents.is_empty());
        assert_eq!(batches[0].problems.len(), 1);
        assert_eq!(batches[0].problems[0].message, "no such file or directory");
    }
}
