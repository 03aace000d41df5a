//! `dossier notes export`: the reader's bookmarks and tags as a Markdown notebook or as
//! bibliographic records; `dossier open LINK`: where a notebook's link points.

use std::io::{self, Write};
use std::path::PathBuf;

use super::Outcome;
use crate::citation::{RecordFormat, Style, cite, records};
use crate::corpus::Corpus;
use crate::notebook::{Link, markdown, marked_documents};

/// What `notes export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum NotebookFormat {
    /// A research notebook: citations, quoted passages, notes and links.
    Markdown,
    CslJson,
    Bibtex,
    Ris,
}

/// The remembered state of the corpus opened with these paths (as the browser keys it).
fn state_of(paths: &[PathBuf]) -> crate::state::State {
    let (state, warning) = crate::state::load(&crate::state::corpus_key(paths));
    if let Some(warning) = warning {
        eprintln!("dossier: {warning}");
    }
    state
}

pub fn export(
    out: &mut dyn Write,
    corpus: &Corpus,
    paths: &[PathBuf],
    format: NotebookFormat,
    tag: Option<&str>,
    style: Style,
) -> io::Result<Outcome> {
    let state = state_of(paths);
    let docs = marked_documents(&corpus.documents, &state, tag);
    if docs.is_empty() {
        match tag {
            Some(tag) => eprintln!("dossier: no document is tagged {tag:?}"),
            None => eprintln!("dossier: nothing bookmarked or tagged in this corpus yet"),
        }
    }
    let text = match format {
        NotebookFormat::Markdown => markdown(&docs, &state, style),
        NotebookFormat::CslJson => records(&docs, RecordFormat::CslJson),
        NotebookFormat::Bibtex => records(&docs, RecordFormat::Bibtex),
        NotebookFormat::Ris => records(&docs, RecordFormat::Ris),
    };
    out.write_all(text.as_bytes())?;
    Ok(if docs.is_empty() {
        Outcome::Partial
    } else {
        Outcome::Success
    })
}

/// Resolves a link: the document and section it names must exist. Prints the place, the
/// pinpointed citation and the passage.
pub fn print_link(
    out: &mut dyn Write,
    corpus: &Corpus,
    link: &str,
    style: Style,
) -> io::Result<Outcome> {
    let link = match resolve(corpus, link) {
        Ok(link) => link,
        Err(e) => {
            eprintln!("dossier: {e}");
            return Ok(Outcome::Failure);
        }
    };
    let Some(doc) = corpus.document(&link.doc_id) else {
        return Ok(Outcome::Failure);
    };
    let clean = |t: &str| crate::parse::clean::clean_line(t);
    writeln!(out, "{link}")?;
    writeln!(out, "{}", clean(&doc.title))?;
    let section = link.section.as_deref();
    let cited = cite(doc, style, section);
    match section {
        Some(section) => {
            writeln!(out, "{}", clean(&cited.citation))?;
            let text = crate::cite::section_text(doc, section).unwrap_or_default();
            writeln!(out)?;
            for line in text.lines() {
                writeln!(out, "{}", clean(line))?;
            }
        }
        None => writeln!(out, "{}", clean(&cited.bibliography))?,
    }
    Ok(Outcome::Success)
}

/// A link whose document and section are in the corpus.
pub fn resolve(corpus: &Corpus, text: &str) -> Result<Link, String> {
    let link = Link::parse(text)?;
    let Some(doc) = corpus.document(&link.doc_id) else {
        return Err(format!("{link}: no document with id {:?}", link.doc_id));
    };
    if let Some(section) = &link.section {
        if crate::cite::section_text(doc, section).is_none() {
            return Err(format!(
                "{link}: {} has no section {section:?}",
                link.doc_id
            ));
        }
    }
    Ok(link)
}
