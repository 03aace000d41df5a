//! Shared by the benchmarks: the generated corpora under `target/corpus`, and figures.

#![allow(dead_code)]

pub mod generator;

use std::path::PathBuf;
use std::time::Duration;

/// `target/corpus/<N>`, generated on first use (deterministic, see `generator.rs`).
pub fn corpus_dir(count: usize) -> PathBuf {
    let root = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
    let dir = root.join("corpus").join(count.to_string());
    let last = generator::page(generator::DEFAULT_SEED, count - 1).name;
    if !dir.join(last).exists() {
        eprintln!("generating {count} pages in {} …", dir.display());
        generator::write_corpus(&dir, generator::DEFAULT_SEED, count)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    }
    dir
}

/// Total bytes of the `.txt` files in `dir`.
pub fn corpus_bytes(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

/// The value at quantile `q` (0..=1) of sorted `values`.
pub fn quantile(sorted: &[Duration], q: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let at = ((sorted.len() - 1) as f64 * q).round() as usize;
    sorted[at]
}

pub fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}
