//! The metadata rows shown above a document's text, in one order for `dossier show` and the
//! browser's detail pane.

use super::Document;

/// The metadata lines shown above a document's text: (label, value).
pub fn metadata(doc: &Document) -> Vec<(String, String)> {
    let mut rows = Vec::new();
    let mut push = |label: &str, value: Option<&str>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            rows.push((label.to_string(), value.to_string()));
        }
    };
    let date = match (&doc.date.text, &doc.date.iso) {
        (Some(text), Some(iso)) if text != iso => Some(format!("{text} ({iso})")),
        (Some(text), _) => Some(text.clone()),
        _ => None,
    };
    push("Date", date.as_deref());
    push("Kind", doc.kind.as_deref());
    push("Id", Some(&doc.id));
    for field in &doc.fields {
        push(&field.name, Some(&field.value));
    }
    push("Classification", doc.classification.as_deref());
    push("Precedence", doc.precedence.as_deref());
    for reference in &doc.references {
        push("Reference", Some(reference));
    }
    push("Subject", doc.subject.as_deref());
    rows
}
