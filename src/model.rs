//! The document model: what an archive page becomes once parsed.
//!
//! Every part of a page has a named place here, so that nothing of the text is lost and every
//! consumer (CLI, export, TUI) reads the same structure. Serialized field names are the export
//! format, which dossier can read back.
//!
//! A large corpus stays in memory while the browser runs, so the model keeps no copy it can do
//! without: the archive's boilerplate (rights, funders, support credit) is shared between
//! documents (see `corpus::Interner`).

use std::sync::Arc;

use serde::{Deserialize, Serialize};

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
    pub kind: Option<String>,
    /// The funder credit under the title, as written
    /// (`This document was made possible with support from …`). Shared between documents.
    pub support: Option<Arc<str>>,
    /// Header fields in the order they appear.
    pub fields: Vec<Field>,
    /// The document's own heading inside the body, when it repeats the title's subject.
    pub subject: Option<String>,
    /// Telegram reference lines (`Number 1342 Top Secret Top Urgent Q36A`, `Wire 1339 …`).
    pub references: Vec<String>,
    pub classification: Option<String>,
    pub precedence: Option<String>,
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
    pub notes: Vec<String>,
    /// Parse problems: never fatal, shown by `dossier check` and the TUI.
    pub problems: Vec<String>,
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
    pub name: String,
    pub value: String,
}

impl Field {
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> Self {
        Field {
            name: name.into(),
            value: value.into(),
        }
    }
}

/// A numbered section of the body, with its nested subsections.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Section {
    /// The label as written: `1.`, `(1)`, `(a)`, `II.`, `A.`, `1)`, `a)`, `1.1`, `§ 1`, `-`.
    pub label: String,
    /// The path of labels from the top: `2.1.b` for `2.` › `(1)` › `(b)`.
    pub id: String,
    /// The first sentence or clause, trimmed.
    pub heading: String,
    /// The full paragraphs, label removed from the first.
    pub paragraphs: Vec<String>,
    pub children: Vec<Section>,
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
