//! Start-up: loading a folder and drawing the browser's first frame, from the files (no
//! cache), while writing the cache, and from the cache; 10,000 pages, and 100,000 from the
//! cache (`DOSSIER_BENCH_LARGE=0` skips the large corpus). Caches go to `target/bench-cache`,
//! never to the user's cache folder.

#[path = "support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

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
    let (cold, frame) = first_frame(&small, &LoadOptions::uncached());
    report("10k, no cache", cold, frame, bytes);
    let (build, frame) = first_frame(&small, &cached);
    report("10k, writing the cache", build, frame, bytes);
    let runs: Vec<(Duration, Duration)> = (0..3).map(|_| first_frame(&small, &cached)).collect();
    let best = runs.iter().min_by_key(|r| r.1).copied().unwrap_or_default();
    report("10k, from the cache (best of 3)", best.0, best.1, bytes);
    if std::env::var("DOSSIER_BENCH_LARGE").is_ok_and(|v| v == "0") {
        return;
    }
    let large = support::corpus_dir(100_000);
    let bytes = support::corpus_bytes(&large) as f64;
    let (build, frame) = first_frame(&large, &cached);
    report("100k, first load (writes the cache)", build, frame, bytes);
    let runs: Vec<(Duration, Duration)> = (0..2).map(|_| first_frame(&large, &cached)).collect();
    let best = runs.iter().min_by_key(|r| r.1).copied().unwrap_or_default();
    report("100k, from the cache (best of 2)", best.0, best.1, bytes);
}

/// Loads `dir` and draws the first frame; returns (load time, time to the first frame).
fn first_frame(dir: &Path, options: &LoadOptions) -> (Duration, Duration) {
    let start = Instant::now();
    let (corpus, _) = corpus::load_with(&[dir.to_path_buf()], options);
    let loaded = start.elapsed();
    let app = App::new(corpus, Rect::new(0, 0, 100, 30));
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test backend");
    terminal
        .draw(|f| view::draw(f, &app, &Theme::plain(false)))
        .expect("draw");
    let frame = start.elapsed();
    drop(app);
    (loaded, frame)
}

fn report(what: &str, load: Duration, frame: Duration, bytes: f64) {
    println!(
        "load: {what}: loaded in {:.3} s ({:.0} MB/s), first frame at {:.3} s",
        load.as_secs_f64(),
        bytes / 1e6 / load.as_secs_f64(),
        frame.as_secs_f64()
    );
}
