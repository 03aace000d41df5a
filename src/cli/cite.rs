//! `dossier cite`: a document's citation on stdout (the browser's `c` copies the same text to
//! the clipboard).

use std::io::{self, Write};

use super::Outcome;
use crate::corpus::Corpus;

pub fn run(out: &mut dyn Write, corpus: &Corpus, id: &str) -> io::Result<Outcome> {
    let Some(doc) = corpus.document(id) else {
        eprintln!("dossier: no document with id {id:?} (see `dossier list`)");
        return Ok(Outcome::Failure);
    };
    writeln!(out, "{}", crate::cite::citation(doc))?;
    Ok(Outcome::Success)
}
