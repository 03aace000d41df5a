//! Cross-references: a FRUS `ref` (`#d96`, `frus1969-76v12#d12`, a page, a URL) kept with the
//! words it stood on and where, so that a view can mark those words as a link and a reader
//! can follow it to the document it names when that document is loaded.
//!
//! The target is kept as written; [`Link::doc_id`] is what dossier could tell of it: the id
//! of the document it points into (`frus1969-76v12-d12`), or nothing for a page, a URL or a
//! volume as a whole. Nothing is ever fetched.

use serde::{Deserialize, Serialize};

use super::NoteAnchor;

/// A cross-reference in a document's text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Link {
    /// The target as written in the source (`#d96`, `frus1969-76v12#d12`, `https://…`).
    pub target: String,
    /// The dossier id of the document the target names, when it names one.
    pub doc_id: Option<String>,
    /// The words the link stood on (`Document 96`).
    pub text: String,
    /// The mark of the footnote the link stands in, when it is in one (then `anchor` is the
    /// note's own anchor).
    pub note: Option<String>,
    /// Where the link's words start: passage, paragraph and character offset (a link in a
    /// footnote: where the note's mark stood).
    pub anchor: Option<NoteAnchor>,
}

impl Link {
    /// The character range of the link's words in its paragraph, when it stands in the text
    /// itself (not in a footnote).
    pub fn range(&self) -> Option<(usize, usize)> {
        let anchor = self.anchor.as_ref().filter(|_| self.note.is_none())?;
        Some((anchor.offset, anchor.offset + self.text.chars().count()))
    }
}
