//! Keystroke latency in the jump palette over about a million sections.
//!
//! Builds the browser's state (`App::new`) over a generated corpus (default 100,000 pages,
//! about 1.1 million sections; `DOSSIER_BENCH_DOCS` changes it), opens the palette, then for
//! each key of a scripted sequence (1- and 2-character queries, words typed letter by letter,
//! backspaces, multi-word queries) measures `update` plus a full draw into a 100×30
//! `TestBackend`: the time from the key to the finished frame (showing the results ranked
//! within the key's budget), and the time until the results are complete: the word index's
//! answer (on its session's thread) for a query with words, the fuzzy ranking of titles and
//! headings (in frame-sized slices, as the event loop does between keys) for one without, or
//! whose words are nowhere. Prints p50, p95 and max.

#[path = "support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use dossier::corpus;
use dossier::library::Library;
use dossier::tui::app::{Action, App};
use dossier::tui::view::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

/// What is typed: `<` is a backspace.
const SCRIPT: &[&str] = &[
    "g<",
    "x<",
    "q<",
    "gr<<",
    "so<<",
    "soviet",
    "<<<<<<",
    "gromyko",
    "<<<<<<<",
    "embassy treaty",
    "<<<<<<<<<<<<<<",
    "fishing fleet",
    "<<<<<<<<<<<<<",
    "ab",
    "<<",
    "hradecky",
    "<<<<<<<<",
    "xq",
    "<<",
    "1.",
    "<<",
    "prime minister",
    "<<<<<<<<<<<<<<",
];

fn main() {
    let docs: usize = std::env::var("DOSSIER_BENCH_DOCS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let dir = support::corpus_dir(docs);
    let start = Instant::now();
    let options = corpus::LoadOptions {
        cache_dir: Some(
            std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-cache"),
        ),
        cache_min_files: corpus::CACHE_MIN_FILES,
    };
    let (corpus, _) = corpus::load_with(std::slice::from_ref(&dir), &options);
    let loaded = start.elapsed();
    let start = Instant::now();
    let mut app = App::new(corpus, Rect::new(0, 0, 100, 30));
    let built = start.elapsed();
    println!(
        "keystrokes: {} documents, {} sections; load {}, App::new {}",
        app.docs.len(),
        app.index.passages.len(),
        support::ms(loaded),
        support::ms(built)
    );
    // The word index, as the browser's thread opens it (built the first time, under the
    // bench's cache folder; DOSSIER_BENCH_WORDS=0 leaves it out and measures the fuzzy palette
    // alone).
    if std::env::var("DOSSIER_BENCH_WORDS").map_or(true, |v| v != "0") {
        let start = Instant::now();
        let (library, stats) = Library::open_shared(
            std::sync::Arc::clone(&app.docs),
            std::slice::from_ref(&dir),
            options.cache_dir.as_deref(),
            &|_, _| {},
        )
        .expect("the word index");
        println!(
            "keystrokes: word index open {} ({} files indexed{})",
            support::ms(start.elapsed()),
            stats.indexed_files,
            if stats.in_memory { ", in memory" } else { "" }
        );
        app.attach_library(library);
    }
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test backend");
    let theme = Theme::plain(false);
    let mut frame = |app: &App| {
        terminal.draw(|f| view::draw(f, app, &theme)).expect("draw");
    };
    app.update(Action::OpenPalette);
    frame(&app);
    let mut times: Vec<Duration> = Vec::new();
    let mut complete: Vec<Duration> = Vec::new();
    let mut updates: Vec<Duration> = Vec::new();
    let measure_complete = std::env::var("DOSSIER_BENCH_COMPLETE").map_or(true, |v| v != "0");
    let mut slowest = (Duration::ZERO, String::new());
    let mut slowest_complete = (Duration::ZERO, String::new());
    for chunk in SCRIPT {
        for c in chunk.chars() {
            let action = if c == '<' {
                Action::Backspace
            } else {
                Action::Type(c)
            };
            let start = Instant::now();
            app.update(action);
            updates.push(start.elapsed());
            frame(&app);
            let took = start.elapsed();
            if took > slowest.0 {
                slowest = (took, app.palette.input.clone());
            }
            times.push(took);
            // As the event loop does when no key is waiting: rank on, a frame per slice,
            // until the results are complete (DOSSIER_BENCH_COMPLETE=0 skips this, which
            // takes seconds per key at a million sections).
            while measure_complete
                && (app.continue_palette(Duration::from_millis(30)) || app.words_pending())
            {
                app.wait_words(Duration::from_millis(30));
                frame(&app);
            }
            if measure_complete {
                frame(&app);
                let took = start.elapsed();
                if took > slowest_complete.0 {
                    slowest_complete = (took, app.palette.input.clone());
                }
                complete.push(took);
            }
        }
    }
    times.sort();
    println!(
        "keystrokes: {} keys, key→frame p50 {}, p95 {}, max {} (at {:?})",
        times.len(),
        support::ms(support::quantile(&times, 0.5)),
        support::ms(support::quantile(&times, 0.95)),
        support::ms(*times.last().unwrap_or(&Duration::ZERO)),
        slowest.1
    );
    updates.sort();
    println!(
        "keystrokes: of which update (ranking within the key's budget) p50 {}, p95 {}",
        support::ms(support::quantile(&updates, 0.5)),
        support::ms(support::quantile(&updates, 0.95)),
    );
    complete.sort();
    if complete.is_empty() {
        return;
    }
    println!(
        "keystrokes: key→complete results p50 {}, p95 {}, max {} (at {:?})",
        support::ms(support::quantile(&complete, 0.5)),
        support::ms(support::quantile(&complete, 0.95)),
        support::ms(*complete.last().unwrap_or(&Duration::ZERO)),
        slowest_complete.1
    );
}
