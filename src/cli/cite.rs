//! `dossier cite`: a document's citation in a style, or its bibliographic record (CSL-JSON,
//! BibTeX, RIS) on stdout. The browser's `c` and `C` copy the same text to the clipboard.

use std::io::{self, Write};

use super::Outcome;
use crate::citation::{RecordFormat, Style, cite, records};
use crate::corpus::Corpus;

/// What to print: the style for text, the format, and the section to pinpoint.
pub struct Request<'a> {
    pub style: Style,
    pub format: RecordFormat,
    pub section: Option<&'a str>,
}

pub fn run(
    out: &mut dyn Write,
    corpus: &Corpus,
    id: &str,
    request: &Request,
) -> io::Result<Outcome> {
    let Some(doc) = corpus.document(id) else {
        eprintln!("dossier: no document with id {id:?} (see `dossier list`)");
        return Ok(Outcome::Failure);
    };
    if let Some(section) = request.section {
        if section != crate::query::BODY_ID && doc.section(section).is_none() {
            eprintln!("dossier: {id} has no section {section:?} (see `dossier show {id}`)");
            return Ok(Outcome::Failure);
        }
    }
    match request.format {
        RecordFormat::Text => {
            let cited = cite(doc, request.style, request.section);
            // A pinpoint is cited as the style cites a passage (a note, or `(Author year,
            // para. 2)`); without one, the document is cited as its bibliography entry.
            let text = if request.section.is_some() {
                cited.citation
            } else {
                cited.bibliography
            };
            writeln!(out, "{}", crate::parse::clean::clean_line(&text))?;
        }
        format => out.write_all(records(&[doc], format).as_bytes())?,
    }
    Ok(Outcome::Success)
}
