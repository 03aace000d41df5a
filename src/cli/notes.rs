//! `dossier notes export`: the reader's bookmarks and tags as a Markdown notebook or as
//! bibliographic records; `dossier open LINK`: where a notebook's link points.

use std::io::{self, Write};
use std::path::PathBuf;

use super::Outcome;
use crate::citation::{RecordFormat, Style, cite, records};
use crate::corpus::Corpus;
use crate::notebook::{
    Link, markdown, marked_documents, saved_search_documents, saved_searches_markdown,
};

/// Which documents `notes export` covers: every marked one, those with a tag, or those a
/// saved search finds.
#[derive(Debug, Clone, Copy, Default)]
pub struct Selection<'a> {
    pub tag: Option<&'a str>,
    pub saved: Option<&'a str>,
}

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
pub(super) fn state_of(paths: &[PathBuf]) -> crate::state::State {
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
    select: Selection,
    style: Style,
) -> io::Result<Outcome> {
    let state = state_of(paths);
    let docs = match select.saved {
        Some(name) => match saved_search_documents(&corpus.documents, &state, name) {
            Some(docs) => docs,
            None => {
                eprintln!("dossier: no saved search is named {name:?}");
                return Ok(Outcome::Failure);
            }
        },
        None => marked_documents(&corpus.documents, &state, select.tag),
    };
    if docs.is_empty() {
        match (select.saved, select.tag) {
            (Some(name), _) => eprintln!("dossier: the saved search {name:?} finds no document"),
            (None, Some(tag)) => eprintln!("dossier: no document is tagged {tag:?}"),
            (None, None) if state.saved_searches.is_empty() => {
                eprintln!("dossier: nothing bookmarked or tagged in this corpus yet")
            }
            (None, None) => {}
        }
    }
    let text = match format {
        NotebookFormat::Markdown => {
            let mut text = markdown(&docs, &state, style);
            // The saved searches of the whole notebook (not of one tag's or search's part).
            if select.tag.is_none() && select.saved.is_none() {
                text.push_str(&saved_searches_markdown(&corpus.documents, &state));
            }
            text
        }
        NotebookFormat::CslJson => records(&docs, RecordFormat::CslJson),
        NotebookFormat::Bibtex => records(&docs, RecordFormat::Bibtex),
        NotebookFormat::Ris => records(&docs, RecordFormat::Ris),
    };
    out.write_all(text.as_bytes())?;
    let saved_only = format == NotebookFormat::Markdown
        && select.tag.is_none()
        && select.saved.is_none()
        && !state.saved_searches.is_empty();
    Ok(if docs.is_empty() && !saved_only {
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
