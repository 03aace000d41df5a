//! Start-up as the browser does it, without a terminal: start the background load, build the
//! browser's state from the first batch, draw the first frame into a 100×30 `TestBackend`,
//! then take the batches as they arrive (as the event loop does, a frame after each) until
//! the whole folder is in. Prints the time of each step and the resident memory.
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
}

/// Resident memory in MB, where /proc tells it.
fn rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}
