//! Rendering through hayagriva: a citation (a footnote, or `(Author year)` in the text) with
//! an optional pinpoint, and the bibliography entry.

use hayagriva::citationberg::taxonomy::Locator;
use hayagriva::{
    BibliographyDriver, BibliographyRequest, BufWriteFormat, CitationItem, CitationRequest,
    ElemChildren, LocatorPayload, SpecificLocator,
};

use super::Style;
use super::record::csl_item;
use crate::model::Document;

/// A document cited in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// The note (note styles) or in-text citation, with the pinpoint when one was given.
    pub citation: String,
    /// The bibliography entry (whole document).
    pub bibliography: String,
}

/// Cites a document in a style; `pinpoint` is a section id (`2.1.b`), cited as a paragraph
/// (`para. 2.1.b`), or a page for a document that gives a `Page` field's pages. A document the
/// engine cannot take (which the mapping should never produce) is cited by its title.
pub fn cite(doc: &Document, style: Style, pinpoint: Option<&str>) -> Citation {
    // The Office of the Historian asks for its own form of a FRUS citation; Chicago notes
    // (the default) is the style that form follows.
    if style == Style::ChicagoNotes
        && let Some(bibliography) = crate::cite::frus_citation(doc, None)
    {
        let citation = crate::cite::frus_citation(doc, pinpoint).unwrap_or_default();
        return Citation {
            citation,
            bibliography,
        };
    }
    let fallback = || Citation {
        citation: doc.title.clone(),
        bibliography: doc.title.clone(),
    };
    let (Ok(item), Some(csl)) = (csl_item(doc), style.csl()) else {
        return fallback();
    };
    let locales = hayagriva::archive::locales();
    let locator = pinpoint
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| SpecificLocator(Locator::Paragraph, LocatorPayload::Str(p)));
    let mut driver = BibliographyDriver::new();
    driver.citation(CitationRequest::from_items(
        vec![CitationItem::with_locator(&item, locator)],
        &csl,
        &locales,
    ));
    let rendered = driver.finish(BibliographyRequest {
        style: &csl,
        locale: None,
        locale_files: &locales,
    });
    let citation = rendered
        .citations
        .first()
        .map(|c| plain(&c.citation))
        .unwrap_or_default();
    let bibliography = rendered
        .bibliography
        .and_then(|b| b.items.into_iter().next())
        .map(|entry| {
            let first = entry.first_field.map(|f| {
                let mut text = String::new();
                let _ = f.write_buf(&mut text, BufWriteFormat::Plain);
                text
            });
            let rest = plain(&entry.content);
            match first {
                Some(first) if !first.is_empty() => format!("{first} {rest}"),
                _ => rest,
            }
        })
        .unwrap_or_else(|| citation.clone());
    if citation.is_empty() && bibliography.is_empty() {
        return fallback();
    }
    Citation {
        citation,
        bibliography,
    }
}

fn plain(children: &ElemChildren) -> String {
    let mut text = String::new();
    let _ = children.write_buf(&mut text, BufWriteFormat::Plain);
    text.trim().to_string()
}
