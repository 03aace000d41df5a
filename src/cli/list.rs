//! `dossier list`: one line per document.

use std::io::{self, Write};

use serde::Serialize;

use crate::corpus::Corpus;

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    date: Option<&'a str>,
    iso: Option<&'a str>,
    title: &'a str,
    path: &'a str,
}

pub fn run(out: &mut dyn Write, corpus: &Corpus, json: bool) -> io::Result<()> {
    if json {
        let rows: Vec<Row> = corpus
            .documents
            .iter()
            .map(|d| Row {
                id: &d.id,
                date: d.date.text.as_deref(),
                iso: d.date.iso.as_deref(),
                title: &d.title,
                path: &d.path,
            })
            .collect();
        return super::write_json(out, &rows);
    }
    for doc in &corpus.documents {
        let date = doc
            .date
            .iso
            .as_deref()
            .or(doc.date.text.as_deref())
            .unwrap_or("-");
        writeln!(out, "{}\t{}\t{}", doc.id, date, doc.title)?;
    }
    Ok(())
}
