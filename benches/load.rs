//! Start-up as the browser does it: the first frame (drawn once the first batch of documents
//! is in, the rest loading in the background) and the time until every document is in; from
//! the files (no cache), while writing the cache, and from the cache; 10,000 pages, and
//! 100,000 (`DOSSIER_BENCH_LARGE=0` skips the large corpus). Caches go to `target/bench-cache`,
//! never to the user's cache folder.

// The bench reads the times; the example also prints the state and the cache's work.
#[path = "support/start.rs"]
#[allow(dead_code)]
mod start;
#[path = "support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use dossier::corpus::{self, LoadOptions};

fn main() {
    let cache = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-cache");
    let cached = LoadOptions {
        cache_dir: Some(cache.clone()),
        cache_min_files: corpus::CACHE_MIN_FILES,
    };
    let small = support::corpus_dir(10_000);
    let bytes = support::corpus_bytes(&small) as f64;
    let _ = std::fs::remove_dir_all(&cache);
    report(
        "10k, no cache",
        start(&small, &LoadOptions::uncached()),
        bytes,
    );
    report("10k, writing the cache", start(&small, &cached), bytes);
    let runs: Vec<Start> = (0..3).map(|_| start(&small, &cached)).collect();
    report("10k, from the cache (best of 3)", best(runs), bytes);
    if std::env::var("DOSSIER_BENCH_LARGE").is_ok_and(|v| v == "0") {
        return;
    }
    let large = support::corpus_dir(100_000);
    let bytes = support::corpus_bytes(&large) as f64;
    report(
        "100k, first load (writes the cache)",
        start(&large, &cached),
        bytes,
    );
    let runs: Vec<Start> = (0..2).map(|_| start(&large, &cached)).collect();
    report("100k, from the cache (best of 2)", best(runs), bytes);
}

/// When the first frame was drawn (and with how many documents), and when all were in.
#[derive(Clone, Copy, Default)]
struct Start {
    first_frame: Duration,
    shown: usize,
    all: Duration,
}

fn best(runs: Vec<Start>) -> Start {
    runs.into_iter()
        .min_by_key(|r| r.first_frame)
        .unwrap_or_default()
}

/// Starts as the browser does (see `support/start.rs`); the state is dropped before the next run.
fn start(dir: &Path, options: &LoadOptions) -> Start {
    let started = start::start(dir, options);
    Start {
        first_frame: started.first_frame,
        shown: started.shown,
        all: started.all,
    }
}

fn report(what: &str, start: Start, bytes: f64) {
    println!(
        "load: {what}: first frame at {:.3} s showing {} documents; all in at {:.3} s ({:.0} MB/s)",
        start.first_frame.as_secs_f64(),
        start.shown,
        start.all.as_secs_f64(),
        bytes / 1e6 / start.all.as_secs_f64(),
    );
}
