//! Start-up as the browser does it, without a terminal: start the background load, build the
//! browser's state from the first batch, draw the first frame into a 100×30 `TestBackend`,
//! then take the batches as they arrive (as the event loop does, a frame after each) until
//! the whole folder is in; then open the word index as the browser's thread does and answer
//! one palette query. Prints the time of each step and the resident memory.
//!
//! `cargo run --release --example first_frame -- DIR` (set `DOSSIER_CACHE=0` for no cache);
//! run it under `/usr/bin/time -v` for the peak memory of a browser session's start.

use std::path::PathBuf;

use dossier::corpus::LoadOptions;

#[path = "../benches/support/start.rs"]
mod start;

fn main() {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: first_frame DIR");
        std::process::exit(2);
    };
    let started = start::start(&dir, &LoadOptions::from_env());
    let stats = started.stats;
    println!(
        "first_frame: first batch {:.3} s, first frame {:.3} s showing {} documents; all {} documents, {} sections in at {:.3} s (cache: {} hits, {} parsed{})",
        started.first_batch.as_secs_f64(),
        started.first_frame.as_secs_f64(),
        started.shown,
        started.app.docs.len(),
        started.app.index.passages.len(),
        started.all.as_secs_f64(),
        stats.hits,
        stats.misses,
        if stats.written { ", cache written" } else { "" },
    );
    if let Some(rss) = rss() {
        println!("first_frame: resident memory {rss} MB when all are in");
    }
    // Then the word index, as the browser's thread opens it once the load is over, and one
    // palette query answered from it.
    let mut app = started.app;
    let begun = std::time::Instant::now();
    let opened = dossier::library::Library::open_shared(
        std::sync::Arc::clone(&app.docs),
        std::slice::from_ref(&dir),
        LoadOptions::from_env().cache_dir.as_deref(),
        &|_, _| {},
    );
    let (library, index) = match opened {
        Ok(opened) => opened,
        Err(e) => {
            eprintln!("first_frame: word index: {e}");
            std::process::exit(1);
        }
    };
    println!(
        "first_frame: word index ready at {:.3} s ({} files indexed{})",
        begun.elapsed().as_secs_f64(),
        index.indexed_files,
        if index.in_memory { ", in memory" } else { "" },
    );
    app.attach_library(library);
    let asked = std::time::Instant::now();
    app.update(dossier::tui::app::Action::OpenPalette);
    for c in "soviet embassy".chars() {
        app.update(dossier::tui::app::Action::Type(c));
    }
    app.wait_words(std::time::Duration::from_secs(60));
    println!(
        "first_frame: palette \"soviet embassy\": {} of {} passages in {:.3} s",
        app.palette.words.len(),
        app.palette.word_total,
        asked.elapsed().as_secs_f64(),
    );
    if let Some(rss) = rss() {
        println!("first_frame: resident memory {rss} MB with the word index open");
    }
}

/// Resident memory in MB, where /proc tells it.
fn rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}
