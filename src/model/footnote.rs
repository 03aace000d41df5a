//! Footnotes and glossary entries: the parts of a FRUS document that point into its text.
//!
//! A note is kept whole (its text) and where it stood (an anchor: the passage, the paragraph in
//! it, and the character offset), so that a view can put the printed mark `[n]` back where it
//! was without the mark ever being part of the paragraph's text (searches and citations read
//! the text as printed, minus the marks).

use serde::{Deserialize, Deserializer, Serialize};

/// A footnote of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Note {
    /// The printed mark (`1`, `2`, `*`); empty when the note had none.
    pub n: String,
    /// The note's own identifier in its source (`d114fn1`), when it has one.
    pub id: Option<String>,
    /// The note's text, its paragraphs separated by blank lines.
    pub text: String,
    /// Where the mark stood; `None` for a note read back from an old export.
    pub anchor: Option<NoteAnchor>,
}

/// Where a note's mark stood in the document's text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NoteAnchor {
    /// The passage: a section id, `body` for the paragraphs before the first section, or
    /// `title` for a note in the heading.
    pub passage: String,
    /// The paragraph within the passage, from 0.
    pub paragraph: usize,
    /// The character offset in that paragraph (or title) where the mark stood.
    pub offset: usize,
}

/// A person or term of a volume's glossary.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GlossaryEntry {
    /// The entry's identifier in the volume (`p_KHA1`, `t_NSC1`).
    pub id: String,
    /// `person` or `term`.
    pub kind: String,
    /// The name or term as listed (`Kissinger, Henry A.`, `NSC`).
    pub name: String,
    /// What the list says of it, as written.
    pub description: String,
    /// The passages that mention it (section ids, `body`, `title` for the heading and the
    /// lists of participants), in the order first met.
    pub passages: Vec<String>,
}

/// A source note's text without the word `Source:` that opens it in print: the detail pane and
/// `dossier show` label it `Source` already. Only the first one goes (a note that quotes
/// another source keeps its own).
pub fn source_without_label(text: &str) -> &str {
    let trimmed = text.trim_start();
    match trimmed.strip_prefix("Source:") {
        Some(rest) => rest.trim_start(),
        None => text,
    }
}

impl Note {
    /// A note that is only text: how an old export's `notes` strings read back.
    pub fn text_only(text: impl Into<String>) -> Note {
        Note {
            text: text.into(),
            ..Note::default()
        }
    }

    /// Whether the note is an old export's plain string rather than a footnote.
    pub fn is_text_only(&self) -> bool {
        self.n.is_empty() && self.id.is_none() && self.anchor.is_none()
    }
}

/// Reads `notes` as written by any version: footnote objects, or (older exports) strings.
pub(crate) fn read_notes<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<Note>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Written {
        Text(String),
        Note(Note),
    }
    if !deserializer.is_human_readable() {
        return Vec::<Note>::deserialize(deserializer);
    }
    Ok(Vec::<Written>::deserialize(deserializer)?
        .into_iter()
        .map(|w| match w {
            Written::Text(text) => Note::text_only(text),
            Written::Note(note) => note,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use crate::model::Document;

    #[test]
    fn the_source_label_goes_once() {
        use super::source_without_label;
        assert_eq!(
            source_without_label("Source: Files. Secret."),
            "Files. Secret."
        );
        assert_eq!(
            source_without_label("Source: Source: quoted twice."),
            "Source: quoted twice."
        );
        assert_eq!(source_without_label("Files, box 3."), "Files, box 3.");
    }

    #[test]
    fn old_exports_with_string_notes_read_back() {
        let doc: Document =
            serde_json::from_str(r#"{"id":"a","title":"T","notes":["left over"]}"#).expect("doc");
        assert_eq!(doc.footnotes.len(), 1);
        assert!(doc.footnotes[0].is_text_only());
        assert_eq!(doc.footnotes[0].text, "left over");
    }

    #[test]
    fn footnotes_survive_json_and_the_cache_form() {
        let mut doc = Document::default();
        doc.footnotes.push(super::Note {
            n: "2".into(),
            id: Some("d1fn2".into()),
            text: "See Document 3.".into(),
            anchor: Some(super::NoteAnchor {
                passage: "body".into(),
                paragraph: 1,
                offset: 7,
            }),
        });
        doc.notes.push("extra text".into());
        let json = serde_json::to_string(&doc).expect("json");
        assert!(json.contains(r#""extra":["extra text"]"#), "{json}");
        assert!(json.contains(r#""notes":[{"n":"2""#), "{json}");
        let back: Document = serde_json::from_str(&json).expect("read");
        assert_eq!(back, doc);
        let bytes = postcard::to_stdvec(&doc).expect("encode");
        let back: Document = postcard::from_bytes(&bytes).expect("decode");
        assert_eq!(back, doc);
    }
}
