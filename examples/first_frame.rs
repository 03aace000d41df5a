//! Start-up as the browser does it, without a terminal: start the background load, build the
//! browser's state from the first batch, draw the first frame into a 100×30 `TestBackend`,
//! then take the batches as they arrive (as the event loop does, a frame after each) until
//! the whole folder is in. Prints the time of each step and the resident memory.
//!
//! `cargo run --release --example first_frame -- DIR` (set `DOSSIER_CACHE=0` for no cache);
//! run it under `/usr/bin/time -v` for the peak memory of a browser session's start.

use std::path::PathBuf;
use std::time::Instant;

use dossier::corpus::LoadOptions;
use dossier::corpus::stream::{Loaded, Loader};
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
    let mut loader = Loader::start(vec![dir], LoadOptions::from_env());
    let (corpus, _, _) = loader.first_documents();
    let mut stats = None;
    let first_batch = start.elapsed();
    let mut app = App::new(corpus, Rect::new(0, 0, 100, 30));
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test backend");
    let theme = Theme::plain(false);
    terminal
        .draw(|f| view::draw(f, &app, &theme))
        .expect("draw");
    let first_frame = start.elapsed();
    let shown = app.docs.len();
    while let Some(message) = loader.wait() {
        match message {
            Loaded::Batch(batch) => {
                app.append(batch.documents, batch.problems);
                terminal
                    .draw(|f| view::draw(f, &app, &theme))
                    .expect("draw");
            }
            Loaded::Done(s) => stats = Some(s),
        }
    }
    let all = start.elapsed();
    let stats = stats.unwrap_or_default();
    println!(
        "first_frame: first batch {:.3} s, first frame {:.3} s showing {shown} documents; all {} documents, {} sections in at {:.3} s (cache: {} hits, {} parsed{})",
        first_batch.as_secs_f64(),
        first_frame.as_secs_f64(),
        app.docs.len(),
        app.index.passages.len(),
        all.as_secs_f64(),
        stats.hits,
        stats.misses,
        if stats.written { ", cache written" } else { "" },
    );
    if let Some(rss) = rss() {
        println!("first_frame: resident memory {rss} MB when all are in");
    }
}

/// Resident memory in MB, where /proc tells it.
fn rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}
