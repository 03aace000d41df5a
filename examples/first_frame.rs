//! Start-up as the browser does it, without a terminal: load a folder, build the browser's
//! state, draw the first frame into a 100×30 `TestBackend`. Prints the time of each step.
//!
//! `cargo run --release --example first_frame -- DIR` (set `DOSSIER_CACHE=0` for no cache);
//! run it under `/usr/bin/time -v` for the peak memory of a browser session's start.

use std::path::PathBuf;
use std::time::Instant;

use dossier::corpus;
use dossier::tui::app::App;
use dossier::tui::view::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn main() {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: first_frame DIR");
        std::process::exit(2);
    };
    let start = Instant::now();
    let (corpus, stats) = corpus::load_with(&[dir], &corpus::LoadOptions::from_env());
    let loaded = start.elapsed();
    let rss_loaded = rss();
    let docs = corpus.documents.len();
    let app = App::new(corpus, Rect::new(0, 0, 100, 30));
    let built = start.elapsed();
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test backend");
    terminal
        .draw(|f| view::draw(f, &app, &Theme::plain(false)))
        .expect("draw");
    let drawn = start.elapsed();
    let rss_drawn = rss();
    println!(
        "first_frame: {docs} documents, {} sections; loaded {:.3} s (cache: {} hits, {} parsed{}), state {:.3} s, first frame {:.3} s",
        app.index.passages.len(),
        loaded.as_secs_f64(),
        stats.hits,
        stats.misses,
        if stats.written { ", cache written" } else { "" },
        (built - loaded).as_secs_f64(),
        drawn.as_secs_f64(),
    );
    if let (Some(a), Some(b)) = (rss_loaded, rss_drawn) {
        println!("first_frame: resident memory {a} MB after loading, {b} MB at the first frame");
    }
}

/// Resident memory in MB, where /proc tells it.
fn rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}
