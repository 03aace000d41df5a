//! Writes a deterministic benchmark corpus of archive-format pages.
//!
//! `cargo run --release --example gen_corpus -- OUT_DIR N [SEED]`: N pages named
//! `000000_cable.txt` …, identical bytes on every run for the same N and SEED.

#[path = "../benches/support/generator.rs"]
mod generator;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(Ok(count))) = (args.first(), args.get(1).map(|n| n.parse::<usize>()))
    else {
        eprintln!("usage: gen_corpus OUT_DIR N [SEED]");
        return ExitCode::from(2);
    };
    let seed = match args.get(2).map(|s| s.parse::<u64>()) {
        None => generator::DEFAULT_SEED,
        Some(Ok(seed)) => seed,
        Some(Err(_)) => {
            eprintln!("gen_corpus: SEED must be a number");
            return ExitCode::from(2);
        }
    };
    let start = Instant::now();
    match generator::write_corpus(&PathBuf::from(dir), seed, count) {
        Ok(bytes) => {
            eprintln!(
                "gen_corpus: {count} pages, {bytes} bytes ({:.0} bytes/page) in {dir} ({:.1?})",
                bytes as f64 / count.max(1) as f64,
                start.elapsed()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_corpus: {dir}: {e}");
            ExitCode::from(1)
        }
    }
}
