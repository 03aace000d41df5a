//! Search over 10,000 generated pages (about 90 MB, 110,000 passages), documents in memory:
//! the fuzzy one-off ranking (top 20), the jump palette's fuzzy search (top 500), and the
//! full-text index that `dossier search` uses (built in memory: build, and word queries top 20).
//! Whole-process figures against `rg -il` are printed by `scripts/bench-search`.

#[path = "support/mod.rs"]
mod support;

use std::sync::LazyLock;

use divan::Bencher;
use dossier::corpus::Corpus;
use dossier::index::{TextIndex, WordQuery};
use dossier::library::Library;
use dossier::model::Document;
use dossier::query::index::search_documents;
use dossier::query::{SearchIndex, parse_query};
use rayon::prelude::*;
use support::generator::{DEFAULT_SEED, page};

const QUERIES: &[&str] = &[
    "soviet embassy",
    "gromyko treaty",
    "fishing fleet demarcation",
    "prime minister visit",
    "g",
    "hradecky",
];

static DOCS: LazyLock<Vec<Document>> = LazyLock::new(|| {
    (0..10_000)
        .into_par_iter()
        .map(|i| {
            let p = page(DEFAULT_SEED, i);
            dossier::parse::parse_document(&p.text, &p.name, &p.name)
        })
        .collect()
});

static INDEX: LazyLock<SearchIndex> = LazyLock::new(|| SearchIndex::build(&DOCS));

static CORPUS: LazyLock<Corpus> = LazyLock::new(|| Corpus {
    documents: DOCS.clone(),
    problems: Vec::new(),
});

static LIBRARY: LazyLock<Library> = LazyLock::new(|| {
    let corpus = Corpus {
        documents: DOCS.clone(),
        problems: Vec::new(),
    };
    Library::open(corpus, &[], None, &|_, _| {})
        .expect("in-memory index")
        .0
});

fn main() {
    divan::main();
}

#[divan::bench(args = QUERIES, sample_count = 10)]
fn one_off_top20(bencher: Bencher, query: &str) {
    let query = parse_query(query);
    LazyLock::force(&DOCS);
    bencher.bench(|| search_documents(&DOCS, &query, 20));
}

#[divan::bench(args = QUERIES, sample_count = 10)]
fn indexed_top500(bencher: Bencher, query: &str) {
    let query = parse_query(query);
    LazyLock::force(&INDEX);
    bencher.bench(|| INDEX.search(&DOCS, &query, 500));
}

#[divan::bench(sample_count = 5)]
fn build_index(bencher: Bencher) {
    LazyLock::force(&DOCS);
    bencher.bench(|| SearchIndex::build(&DOCS));
}

#[divan::bench(args = QUERIES, sample_count = 10)]
fn word_search_top20(bencher: Bencher, query: &str) {
    let query = WordQuery::parse(query, false);
    LazyLock::force(&LIBRARY);
    bencher.bench(|| LIBRARY.search(&query, 20).map(|(found, _)| found.len()));
}

#[divan::bench(sample_count = 2)]
fn word_index_build_in_memory(bencher: Bencher) {
    LazyLock::force(&CORPUS);
    bencher.bench(|| {
        TextIndex::open(&CORPUS.documents, &[], None, &|_, _| {})
            .map(|(_, stats)| stats.indexed_files)
    });
}
