//! Which files are documents, and who reads each.
//!
//! A file is asked which [`Format`] it is: by its extension first, then by its content where the
//! extension says too little (an `.xml` file is a FRUS volume only when its root element is a
//! TEI `<TEI>`). Each format turns the file's text into documents or into an error that names
//! what is wrong (with line and column where the format has them); the caller adds the path.
//! A new format is one module here and one variant below.

pub mod json;
pub mod tei;

use crate::model::Document;

/// The input formats dossier reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// An archive page saved as text (`.txt`), read by [`crate::parse`].
    ArchivePage,
    /// dossier's own JSON export (`.json`), one document or an array.
    DossierJson,
    /// A FRUS volume in TEI XML (`.xml` whose root is `<TEI>`): many documents per file.
    TeiVolume,
}

/// The extensions (lower case, without the dot) of files that may hold documents.
pub const EXTENSIONS: &[&str] = &["txt", "json", "xml"];

/// Where a file's documents come from: its id stem (from the file name) and its path as shown.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    pub stem: &'a str,
    pub display: &'a str,
}

impl Format {
    /// The format of a file named with `extension` holding `text`; `Err` says why the file is
    /// none that dossier reads.
    pub fn detect(extension: &str, text: &str) -> Result<Format, String> {
        match extension.to_ascii_lowercase().as_str() {
            "json" => Ok(Format::DossierJson),
            "xml" => match tei::root_name(text) {
                Some("TEI") => Ok(Format::TeiVolume),
                Some(other) => Err(format!(
                    "XML file whose root element is <{other}>, not a TEI volume (skipped)"
                )),
                None => Err("XML file without a root element (skipped)".into()),
            },
            _ => Ok(Format::ArchivePage),
        }
    }

    /// Reads the file's documents.
    pub fn read(self, text: &str, source: Source) -> Result<Vec<Document>, String> {
        match self {
            Format::ArchivePage => Ok(vec![crate::parse::parse_document(
                text,
                source.stem,
                source.display,
            )]),
            Format::DossierJson => json::read(text, source),
            Format::TeiVolume => tei::read(text, source),
        }
    }
}

/// Whether a path names a file of one of the [`EXTENSIONS`] (any case). Read from the path's
/// bytes: taking 100,000 names apart into components costs more than walking the folder.
pub fn is_document_path(bytes: &[u8]) -> bool {
    EXTENSIONS.iter().any(|ext| {
        let Some(stem_end) = bytes.len().checked_sub(ext.len() + 1) else {
            return false;
        };
        // A name that is only the extension (`.txt`) has none, as `Path::extension` says.
        bytes[stem_end] == b'.'
            && bytes[stem_end + 1..].eq_ignore_ascii_case(ext.as_bytes())
            && stem_end > 0
            && bytes[stem_end - 1] != std::path::MAIN_SEPARATOR as u8
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_is_a_volume_only_when_its_root_is_tei() {
        let tei =
            "<?xml version=\"1.0\"?>\n<!-- c -->\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"/>";
        assert_eq!(Format::detect("xml", tei), Ok(Format::TeiVolume));
        assert_eq!(Format::detect("XML", "<tei:TEI/>"), Ok(Format::TeiVolume));
        let other = Format::detect("xml", "<rss version=\"2.0\"/>").unwrap_err();
        assert!(other.contains("<rss>"), "{other}");
        assert!(Format::detect("xml", "just text").is_err());
        assert_eq!(Format::detect("txt", "<TEI/>"), Ok(Format::ArchivePage));
        assert_eq!(Format::detect("json", "{}"), Ok(Format::DossierJson));
    }

    #[test]
    fn document_paths_by_extension() {
        for yes in ["a.txt", "b/c.JSON", "v.xml", "x.Xml"] {
            assert!(is_document_path(yes.as_bytes()), "{yes}");
        }
        for no in [".txt", "a/.xml", "a.xsl", "txt", "a.txt.bak", "xml"] {
            assert!(!is_document_path(no.as_bytes()), "{no}");
        }
    }
}
