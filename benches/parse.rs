//! Parse throughput: archive pages (generated, in memory) to documents, in MB/s of page text.

#[path = "support/mod.rs"]
mod support;

use std::sync::LazyLock;

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use dossier::parse::parse_document;
use support::generator::{DEFAULT_SEED, Page, page};

static PAGES: LazyLock<Vec<Page>> =
    LazyLock::new(|| (0..400).map(|i| page(DEFAULT_SEED, i)).collect());

fn main() {
    divan::main();
}

/// One core parsing 400 pages (about 3.6 MB).
#[divan::bench(sample_count = 20)]
fn parse_one_core(bencher: Bencher) {
    let bytes: usize = PAGES.iter().map(|p| p.text.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for p in PAGES.iter() {
            black_box(parse_document(&p.text, &p.name, &p.name));
        }
    });
}

/// All cores parsing the same pages, as `corpus::load` does.
#[divan::bench(sample_count = 20)]
fn parse_all_cores(bencher: Bencher) {
    use rayon::prelude::*;
    let bytes: usize = PAGES.iter().map(|p| p.text.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        PAGES
            .par_iter()
            .map(|p| parse_document(&p.text, &p.name, &p.name))
            .collect::<Vec<_>>()
    });
}
