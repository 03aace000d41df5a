//! `dossier search`: passages ranked by the query. Exit 1 when nothing matches, like grep.

use std::io::{self, Write};

use serde::Serialize;

use super::Outcome;
use crate::corpus::Corpus;
use crate::query::index::{passage, passage_refs, search_documents};
use crate::query::{Passage, parse_query};

#[derive(Serialize)]
struct HitRow<'a> {
    doc: &'a str,
    section: &'a str,
    label: &'a str,
    score: i64,
    heading: &'a str,
    title: &'a str,
}

pub fn run(
    out: &mut dyn Write,
    corpus: &Corpus,
    query: &str,
    limit: usize,
    json: bool,
) -> io::Result<Outcome> {
    let query = parse_query(query);
    if query.is_empty() {
        eprintln!("dossier: empty query");
        return Ok(Outcome::Failure);
    }
    // A one-off search scores passages straight from the documents: no index to build.
    let hits = search_documents(&corpus.documents, &query, limit);
    let passages: Vec<Passage> = hits
        .iter()
        .map(|&(_, d, local)| {
            let doc = &corpus.documents[d];
            let r = passage_refs(doc)[local];
            passage(d, doc, local, r)
        })
        .collect();
    let rows: Vec<HitRow> = hits
        .iter()
        .zip(&passages)
        .map(|((hit, _, _), passage)| {
            let doc = &corpus.documents[passage.doc];
            HitRow {
                doc: &doc.id,
                section: &passage.section,
                label: &passage.label,
                score: hit.score,
                heading: &passage.heading,
                title: &doc.title,
            }
        })
        .collect();
    if json {
        super::write_json(out, &rows)?;
    } else {
        for row in &rows {
            writeln!(
                out,
                "{}\t{}\t{}\t{}",
                row.doc, row.section, row.score, row.heading
            )?;
        }
    }
    Ok(if rows.is_empty() {
        Outcome::Partial
    } else {
        Outcome::Success
    })
}
