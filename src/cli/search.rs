//! `dossier search`: passages ranked by the query. Exit 1 when nothing matches, like grep.

use std::io::{self, Write};

use serde::Serialize;

use super::Outcome;
use crate::corpus::Corpus;
use std::borrow::Cow;

use crate::query::index::{passage_ref, passage_view, search_documents};
use crate::query::parse_query;

#[derive(Serialize)]
struct HitRow<'a> {
    doc: &'a str,
    section: &'a str,
    label: &'a str,
    score: i64,
    heading: Cow<'a, str>,
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
    let rows: Vec<HitRow> = hits
        .iter()
        .filter_map(|&(hit, d, local)| {
            let doc = &corpus.documents[d];
            let view = passage_view(doc, passage_ref(doc, local)?);
            Some(HitRow {
                doc: &doc.id,
                section: view.section,
                label: view.label,
                score: hit.score,
                heading: view.heading,
                title: &doc.title,
            })
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
