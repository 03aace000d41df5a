//! `dossier search`: the passages that contain the query's words, best first, each with the
//! sentence that shows them. Exit 1 when nothing matches, like grep.
//!
//! When the search index is up to date with the files ([`TextIndex::open_fresh`]), the answer
//! comes from the index alone, which stores what a hit shows: no file is read or parsed. Any
//! doubt (a changed file, a field filter, which needs the documents) takes the full way.

use std::io::{self, Write};
use std::path::PathBuf;

use serde::Serialize;

use super::Outcome;
use crate::corpus::Corpus;
use crate::index::{Snippet, TextIndex, WordQuery, progress_on_stderr};
use crate::library::Library;
use crate::query::index::{passage_ref, passage_view};

#[derive(Serialize)]
struct HitRow<'a> {
    doc: &'a str,
    section: &'a str,
    label: &'a str,
    score: f32,
    heading: String,
    title: &'a str,
    snippet: &'a str,
    highlights: &'a [[usize; 2]],
}

/// What to search and how to print it.
pub struct SearchArgs<'a> {
    pub query: &'a str,
    pub roots: &'a [PathBuf],
    pub limit: usize,
    pub json: bool,
    pub color: bool,
}

/// Answers from a fresh index without loading the corpus; `None` when it cannot (no cache,
/// a stale index, field filters), and nothing has been written.
pub fn run_fast(out: &mut dyn Write, args: &SearchArgs) -> io::Result<Option<Outcome>> {
    let query = WordQuery::parse(args.query, false);
    if query.is_empty() || !query.filters.is_empty() {
        return Ok(None);
    }
    let Some(cache) = crate::corpus::LoadOptions::from_env().cache_dir else {
        return Ok(None);
    };
    let Some(index) = TextIndex::open_fresh(args.roots, &cache) else {
        return Ok(None);
    };
    let Ok(ranked) = index.search(&query, args.limit, &|_, _| true) else {
        // Index files it cannot read: the full way rebuilds them.
        return Ok(None);
    };
    let rows: Vec<HitRow> = ranked
        .hits
        .iter()
        .map(|h| HitRow {
            doc: &h.doc_id,
            section: &h.section,
            label: &h.label,
            score: h.score,
            heading: h.heading.clone(),
            title: &h.title,
            snippet: &h.snippet.text,
            highlights: &h.snippet.highlights,
        })
        .collect();
    let snippets: Vec<&Snippet> = ranked.hits.iter().map(|h| &h.snippet).collect();
    write_rows(out, &rows, &snippets, args).map(Some)
}

pub fn run(out: &mut dyn Write, corpus: Corpus, args: &SearchArgs) -> io::Result<Outcome> {
    let mut query = WordQuery::parse(args.query, false);
    if query.is_empty() {
        eprintln!("dossier: empty query");
        return Ok(Outcome::Failure);
    }
    // `tag:NAME` reads the reader's tags of this corpus, as the browser keeps them.
    if args.query.contains("tag:") {
        let state = super::notes::state_of(args.roots);
        query.resolve_tags(|name| state.documents_tagged(name).map(str::to_string).collect());
    }
    let cache = crate::corpus::LoadOptions::from_env().cache_dir;
    let opened = Library::open(corpus, args.roots, cache.as_deref(), &progress_on_stderr);
    let library = match opened {
        Ok((library, stats)) => {
            if let Some(warning) = stats.warning {
                eprintln!("dossier: {warning}");
            }
            library
        }
        Err(e) => {
            eprintln!("dossier: search index: {e}");
            return Ok(Outcome::Failure);
        }
    };
    let found = match library.search(&query, args.limit) {
        Ok((found, _)) => found,
        Err(e) => {
            eprintln!("dossier: search: {e}");
            return Ok(Outcome::Failure);
        }
    };
    let documents = library.documents();
    let rows: Vec<HitRow> = found
        .iter()
        .filter_map(|f| {
            let doc = &documents[f.hit.doc];
            let view = passage_view(doc, passage_ref(doc, f.hit.local)?);
            Some(HitRow {
                doc: &doc.id,
                section: view.section,
                label: view.label,
                score: f.hit.score,
                heading: view.heading.into_owned(),
                title: &doc.title,
                snippet: &f.snippet.text,
                highlights: &f.snippet.highlights,
            })
        })
        .collect();
    let snippets: Vec<&Snippet> = found.iter().map(|f| &f.snippet).collect();
    write_rows(out, &rows, &snippets, args)
}

fn write_rows(
    out: &mut dyn Write,
    rows: &[HitRow],
    snippets: &[&Snippet],
    args: &SearchArgs,
) -> io::Result<Outcome> {
    if args.json {
        super::write_json(out, &rows)?;
    } else {
        for (row, snippet) in rows.iter().zip(snippets) {
            writeln!(out, "{}  {}  {}", row.doc, row.section, row.title)?;
            writeln!(out, "    {}", marked(snippet, args.color))?;
        }
    }
    Ok(if rows.is_empty() {
        Outcome::Partial
    } else {
        Outcome::Success
    })
}

/// The snippet with its matches in bold red on a terminal. Document text was cleaned of control
/// characters when parsed; only these escapes of our own reach the terminal.
fn marked(snippet: &Snippet, color: bool) -> String {
    if !color || snippet.highlights.is_empty() {
        return snippet.text.clone();
    }
    let chars: Vec<char> = snippet.text.chars().collect();
    let mut out = String::new();
    let mut last = 0;
    for &[start, end] in &snippet.highlights {
        let (start, end) = (start.min(chars.len()), end.min(chars.len()));
        if start < last {
            continue;
        }
        out.extend(&chars[last..start]);
        out.push_str("\x1b[1;31m");
        out.extend(&chars[start..end]);
        out.push_str("\x1b[0m");
        last = end;
    }
    out.extend(&chars[last..]);
    out
}
