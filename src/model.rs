//! The document model: what an archive page becomes once parsed.
//!
//! Every part of a page has a named place here, so that nothing of the text is lost and every
//! consumer (CLI, export, TUI) reads the same structure. Serialized field names are the export
//! format, which dossier can read back.
//!
//! A large corpus stays in memory while the browser runs, so the model keeps no copy it can do
//! without: the archive's boilerplate (rights, funders, support credit) is shared between
//! documents (see `corpus::Interner`), as are field labels, kinds, classifications and
//! precedences, and a section's heading is held only when it is not the
//! one its first paragraph gives.

use std::borrow::Cow;
use std::sync::Arc;

use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

mod footnote;
mod heading;
mod link;
mod metadata;
pub use footnote::{GlossaryEntry, Note, NoteAnchor, source_without_label};
pub use heading::{heading_in, heading_of, sentence_spans};
pub use link::Link;
pub use metadata::metadata;

/// One archival document: a cable, memorandum, letter, minutes, report …
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Document {
    /// Stable identifier within a corpus, derived from the file name.
    pub id: String,
    /// The file the document was read from, as given on the command line.
    pub path: String,
    pub title: String,
    pub date: DateValue,
    /// The kind of document named by the title (`Cable`, `Memorandum of Conversation`, …).
    /// Shared between documents, as are the classification and precedence.
    pub kind: Option<Arc<str>>,
    /// The funder credit under the title, as written
    /// (`This document was made possible with support from …`). Shared between documents.
    pub support: Option<Arc<str>>,
    /// Header fields in the order they appear.
    pub fields: Vec<Field>,
    /// The document's own heading inside the body, when it repeats the title's subject.
    pub subject: Option<String>,
    /// Telegram reference lines (`Number 1342 Top Secret Top Urgent Q36A`, `Wire 1339 …`).
    pub references: Vec<String>,
    pub classification: Option<Arc<str>>,
    pub precedence: Option<Arc<str>>,
    pub summary: Option<String>,
    /// The "Document Information" provenance note.
    pub source: Option<String>,
    /// The archive's rights text, shared between documents.
    pub rights: Option<Arc<str>>,
    /// Labels of the archive page that follow the rights text (`Record ID`, …), values often empty.
    pub record_fields: Vec<Field>,
    /// The funders line, shared between documents.
    pub funders: Option<Arc<str>>,
    /// Body paragraphs that precede the first numbered section.
    pub body: Vec<String>,
    pub sections: Vec<Section>,
    /// Text outside the body that fits no other part (kept so that nothing is lost).
    /// Exported as `extra`: the export's `notes` are the footnotes.
    #[serde(rename = "extra")]
    pub notes: Vec<String>,
    /// Footnotes (a FRUS volume's `note`s), in the order they stand. Exported as `notes`; an
    /// old export's `notes` (plain strings) read back as marks-less notes, which the JSON
    /// reader returns to [`Document::notes`].
    #[serde(
        rename = "notes",
        deserialize_with = "crate::model::footnote::read_notes"
    )]
    pub footnotes: Vec<Note>,
    /// The persons and terms of the volume's glossary that the document mentions, by name.
    pub glossary: Vec<GlossaryEntry>,
    /// Parse problems: never fatal, shown by `dossier check` and the TUI.
    pub problems: Vec<String>,
    /// Cross-references in the text (a FRUS volume's `ref`s), in the order they stand.
    pub links: Vec<Link>,
}

/// A date as written, and as an ISO value at the precision the text allows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DateValue {
    pub text: Option<String>,
    /// `1984-03-25`, `1950-06`, `1956`, or `None` when the text cannot be read as a date.
    pub iso: Option<String>,
}

impl DateValue {
    /// The year, when the date could be read.
    pub fn year(&self) -> Option<i32> {
        self.iso.as_deref()?.get(..4)?.parse().ok()
    }
}

/// A `Label: value` header field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Field {
    /// The label, shared between documents (pages repeat the same few labels).
    pub name: Arc<str>,
    pub value: String,
}

impl Field {
    pub fn new(name: impl Into<Arc<str>>, value: impl Into<String>) -> Self {
        Field {
            name: name.into(),
            value: value.into(),
        }
    }
}

/// A numbered section of the body, with its nested subsections.
///
/// Serialized as it always was: the heading is written out in JSON whether stored or derived.
/// Formats that are not human-readable (the postcard cache) store the heading as it is held,
/// nothing for a derived one.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(from = "SectionData")]
pub struct Section {
    /// The label as written: `1.`, `(1)`, `(a)`, `II.`, `A.`, `1)`, `a)`, `1.1`, `§ 1`, `-`.
    pub label: String,
    /// The path of labels from the top: `2.1.b` for `2.` › `(1)` › `(b)`.
    pub id: String,
    /// The heading as held; read it with [`Section::heading()`].
    pub heading: Heading,
    /// The full paragraphs, label removed from the first.
    pub paragraphs: Vec<String>,
    pub children: Vec<Section>,
}

/// What a section holds of its heading. A million sections would otherwise hold a second copy
/// of their first sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Heading {
    /// The first sentence or clause of the first paragraph
    /// ([`heading_of`]), held as nothing: every parsed
    /// section's heading.
    Derived,
    /// A heading other than the derived one, as written (a document imported from JSON).
    Written(Box<str>),
}

/// The empty heading a section had before it was given one.
impl Default for Heading {
    fn default() -> Self {
        Heading::Written(Box::default())
    }
}

impl From<&str> for Heading {
    fn from(text: &str) -> Self {
        Heading::Written(text.into())
    }
}

impl From<String> for Heading {
    fn from(text: String) -> Self {
        Heading::Written(text.into_boxed_str())
    }
}

impl Section {
    /// The first sentence or clause, trimmed: the heading as written, else the one derived from
    /// the first paragraph. Borrowed unless a long sentence had to be cut.
    pub fn heading(&self) -> Cow<'_, str> {
        match &self.heading {
            Heading::Written(text) => Cow::Borrowed(text),
            Heading::Derived => self.derived_heading(),
        }
    }

    /// Sets the heading; holds nothing when it is the one the first paragraph gives.
    pub fn set_heading(&mut self, text: String) {
        self.heading = if self.derived_heading() == text.as_str() {
            Heading::Derived
        } else {
            Heading::from(text)
        };
    }

    fn derived_heading(&self) -> Cow<'_, str> {
        self.paragraphs
            .first()
            .map_or(Cow::Borrowed(""), |p| heading_in(p))
    }
}

/// Sections are equal when they read the same, however their headings are held.
impl PartialEq for Section {
    fn eq(&self, other: &Self) -> bool {
        self.label == other.label
            && self.id == other.id
            && self.paragraphs == other.paragraphs
            && self.heading() == other.heading()
            && self.children == other.children
    }
}

impl Eq for Section {}

impl Serialize for Section {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let readable = serializer.is_human_readable();
        let mut out = serializer.serialize_struct("Section", 5)?;
        out.serialize_field("label", &self.label)?;
        out.serialize_field("id", &self.id)?;
        if readable {
            out.serialize_field("heading", &self.heading())?;
        } else {
            let held = match &self.heading {
                Heading::Derived => None,
                Heading::Written(text) => Some(&**text),
            };
            out.serialize_field("heading", &held)?;
        }
        out.serialize_field("paragraphs", &self.paragraphs)?;
        out.serialize_field("children", &self.children)?;
        out.end()
    }
}

/// A section as read, before its heading is compared with the derived one.
#[derive(Default, Deserialize)]
#[serde(default)]
struct SectionData {
    label: String,
    id: String,
    heading: HeldHeading,
    paragraphs: Vec<String>,
    children: Vec<Section>,
}

/// The heading as serialized: its text in JSON (`""` when missing, as it always was), the held
/// form in the cache (`None` when derived).
#[derive(Default)]
struct HeldHeading(Heading);

impl<'de> Deserialize<'de> for HeldHeading {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let heading = if deserializer.is_human_readable() {
            Heading::from(String::deserialize(deserializer)?)
        } else {
            Option::<String>::deserialize(deserializer)?.map_or(Heading::Derived, Heading::from)
        };
        Ok(HeldHeading(heading))
    }
}

impl From<SectionData> for Section {
    fn from(data: SectionData) -> Self {
        let mut section = Section {
            label: data.label,
            id: data.id,
            heading: Heading::Derived,
            paragraphs: data.paragraphs,
            children: data.children,
        };
        if let Heading::Written(text) = data.heading.0 {
            section.set_heading(text.into_string());
        }
        section
    }
}

impl Document {
    /// Looks up a field by name, case-insensitively.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|f| f.name.eq_ignore_ascii_case(name))
            .map(|f| f.value.as_str())
    }

    /// All sections in reading order with their depth (0 = top level).
    pub fn flat_sections(&self) -> Vec<(usize, &Section)> {
        let mut out = Vec::new();
        let mut stack: Vec<(usize, &Section)> =
            self.sections.iter().rev().map(|s| (0, s)).collect();
        while let Some((depth, section)) = stack.pop() {
            out.push((depth, section));
            stack.extend(section.children.iter().rev().map(|c| (depth + 1, c)));
        }
        out
    }

    /// Finds a section by its id.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.flat_sections()
            .into_iter()
            .map(|(_, s)| s)
            .find(|s| s.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LONG: &str = "Regarding the so-called three obstacles, the Soviet side stated that it would not \
                        discuss them at this time. The rest.";

    fn parsed(first: &str) -> Section {
        Section {
            label: "1.".into(),
            id: "1".into(),
            heading: Heading::Derived,
            paragraphs: vec![first.into(), "More.".into()],
            children: Vec::new(),
        }
    }

    #[test]
    fn a_derived_heading_reads_as_the_first_sentence_of_the_first_paragraph() {
        for first in ["Regarding trade. The rest.", LONG, "鸭绿江口渔业季节问题"] {
            assert_eq!(parsed(first).heading(), heading_of(first));
        }
        assert!(matches!(parsed("Short. Rest.").heading(), Cow::Borrowed(_)));
        let empty = Section {
            heading: Heading::Derived,
            ..Section::default()
        };
        assert_eq!(empty.heading(), "");
    }

    #[test]
    fn json_writes_the_heading_whether_held_or_derived() {
        let derived = serde_json::to_value(parsed(LONG)).expect("json");
        assert_eq!(derived["heading"], heading_of(LONG));
        let keys: Vec<&str> = derived
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys.len(), 5);
        let mut written = parsed(LONG);
        written.heading = "Own heading".into();
        let written = serde_json::to_string(&written).expect("json");
        assert!(
            written.starts_with(r#"{"label":"1.","id":"1","heading":"Own heading","paragraphs":["#)
        );
        assert_eq!(
            serde_json::to_string(&Section::default()).expect("json"),
            r#"{"label":"","id":"","heading":"","paragraphs":[],"children":[]}"#
        );
    }

    #[test]
    fn json_import_holds_only_a_heading_that_differs() {
        let read = |heading: &str| -> Section {
            let json = serde_json::json!({
                "label": "1.", "id": "1", "heading": heading,
                "paragraphs": ["Regarding trade. The rest."],
            });
            serde_json::from_value(json).expect("section")
        };
        assert_eq!(read("Regarding trade.").heading, Heading::Derived);
        let own = read("A heading of its own");
        assert_eq!(own.heading(), "A heading of its own");
        let again: Section =
            serde_json::from_str(&serde_json::to_string(&own).expect("json")).expect("section");
        assert_eq!(again.heading(), "A heading of its own");
        // A section written without a heading read as an empty one, as it always did.
        let bare: Section =
            serde_json::from_str(r#"{"paragraphs":["Regarding trade. The rest."]}"#)
                .expect("section");
        assert_eq!(bare.heading(), "");
    }

    #[test]
    fn the_cache_form_keeps_derived_and_written_headings_apart() {
        let mut written = parsed(LONG);
        written.heading = "Own heading".into();
        let tree = Section {
            children: vec![parsed(LONG), written],
            ..parsed("Top. Rest.")
        };
        let bytes = postcard::to_stdvec(&tree).expect("encode");
        let back: Section = postcard::from_bytes(&bytes).expect("decode");
        assert_eq!(back, tree);
        assert_eq!(back.heading, Heading::Derived);
        assert_eq!(back.children[0].heading, Heading::Derived);
        assert_eq!(back.children[1].heading(), "Own heading");
        // A derived heading takes no room in the cache form.
        let size = |s: &Section| postcard::to_stdvec(s).expect("encode").len();
        let mut held = parsed(LONG);
        held.heading = heading_of(LONG).into();
        assert!(size(&held) > size(&parsed(LONG)) + heading_of(LONG).len());
    }

    #[test]
    fn set_heading_holds_nothing_for_the_derived_one() {
        let mut section = parsed("Regarding trade. The rest.");
        section.set_heading("Regarding trade.".into());
        assert_eq!(section.heading, Heading::Derived);
        section.set_heading("Other".into());
        assert_eq!(section.heading, Heading::Written("Other".into()));
        assert_ne!(section, parsed("Regarding trade. The rest."));
        section.set_heading("Regarding trade.".into());
        assert_eq!(section, parsed("Regarding trade. The rest."));
    }
}
