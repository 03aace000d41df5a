//! `dossier export`: the corpus as a JSON array of documents (the model's serde form).

use std::io::{self, Write};

use crate::corpus::Corpus;

pub fn run(out: &mut dyn Write, corpus: &Corpus) -> io::Result<()> {
    super::write_json(out, &corpus.documents)
}
