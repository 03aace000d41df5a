//! `dossier check`: every file's problems. Exit 1 when some file could not be loaded.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::Outcome;
use crate::corpus::{Corpus, display_path};

pub fn run(out: &mut dyn Write, corpus: &Corpus) -> io::Result<Outcome> {
    let mut by_path: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for doc in &corpus.documents {
        let entry = by_path.entry(doc.path.clone()).or_default();
        entry.extend(doc.problems.iter().map(|p| format!("{}: {p}", doc.id)));
    }
    for problem in &corpus.problems {
        by_path
            .entry(display_path(&problem.path))
            .or_default()
            .push(format!("not loaded: {}", problem.message));
    }
    for (path, problems) in &by_path {
        if problems.is_empty() {
            writeln!(out, "{path}: ok")?;
        }
        for problem in problems {
            writeln!(out, "{path}: {problem}")?;
        }
    }
    writeln!(
        out,
        "{} documents loaded, {} files not loaded, {} documents with notes",
        corpus.documents.len(),
        corpus.problems.len(),
        corpus
            .documents
            .iter()
            .filter(|d| !d.problems.is_empty())
            .count()
    )?;
    Ok(if corpus.problems.is_empty() {
        Outcome::Success
    } else {
        Outcome::Partial
    })
}
