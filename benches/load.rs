//! Start-up as the browser does it: the first frame (drawn once the first batch of documents
//! is in, the rest loading in the background) and the time until every document is in; from
//! the files (no cache), while writing the cache, and from the cache; 10,000 pages, and
//! 100,000 (`DOSSIER_BENCH_LARGE=0` skips the large corpus). Caches go to `target/bench-cache`,
//! never to the user's cache folder.

#[path = "support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use dossier::corpus::stream::{Loaded, Loader};
use dossier::corpus::{self, LoadOptions};
use dossier::tui::app::App;
use dossier::tui::view::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

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

/// Starts as the browser does: a background load, the first frame once the first documents
/// are in, then every batch taken as it arrives, a frame after each.
fn start(dir: &Path, options: &LoadOptions) -> Start {
    let started = Instant::now();
    let mut loader = Loader::start(vec![dir.to_path_buf()], options.clone());
    let (corpus, _, _) = loader.first_documents();
    let mut app = App::new(corpus, Rect::new(0, 0, 100, 30));
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test backend");
    let theme = Theme::plain(false);
    terminal
        .draw(|f| view::draw(f, &app, &theme))
        .expect("draw");
    let first_frame = started.elapsed();
    let shown = app.docs.len();
    while let Some(message) = loader.wait() {
        if let Loaded::Batch(batch) = message {
            app.append(batch.documents, batch.problems);
            terminal
                .draw(|f| view::draw(f, &app, &theme))
                .expect("draw");
        }
    }
    let all = started.elapsed();
    drop(app);
    Start {
        first_frame,
        shown,
        all,
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
