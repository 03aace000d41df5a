//! Citations rendered by a CSL engine, and bibliographic records other tools read.
//!
//! A document becomes one CSL item ([`record::csl_item`]): the only place where dossier's
//! fields meet CSL's variables. Everything after that is someone else's rules: the bundled CSL
//! styles of hayagriva render notes and bibliography entries, and the same item is written as
//! CSL-JSON, BibTeX or RIS for Zotero, pandoc and reference managers. No style rule is written
//! here.

mod bibtex;
pub mod record;
mod render;
mod ris;
mod style;

pub use render::{Citation, cite};
pub use style::{STYLE_NAMES, Style};

use crate::model::Document;

/// A bibliographic record format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RecordFormat {
    /// The citation rendered in a style, as plain text.
    Text,
    /// A CSL-JSON array of items (pandoc, Zotero, citeproc-js).
    CslJson,
    /// BibTeX `@misc` entries (pandoc, biber, JabRef).
    Bibtex,
    /// RIS records (Zotero, EndNote, Mendeley).
    Ris,
}

/// The records of documents in a machine-readable format (not [`RecordFormat::Text`], which
/// needs a style: see [`cite`]).
pub fn records(docs: &[&Document], format: RecordFormat) -> String {
    match format {
        RecordFormat::CslJson => {
            let items: Vec<serde_json::Value> = docs.iter().map(|d| record::csl_json(d)).collect();
            let mut text = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into());
            text.push('\n');
            text
        }
        RecordFormat::Bibtex => docs.iter().map(|d| bibtex::entry(d)).collect(),
        RecordFormat::Ris => docs.iter().map(|d| ris::record(d)).collect(),
        RecordFormat::Text => docs
            .iter()
            .map(|d| format!("{}\n", cite(d, Style::default(), None).bibliography))
            .collect(),
    }
}
