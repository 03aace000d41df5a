//! A document as a CSL item: the one mapping from dossier's fields to CSL variables.
//!
//! | CSL variable        | from                                                            |
//! |---------------------|-----------------------------------------------------------------|
//! | `title`             | the title, its quoted subject in single quotes                  |
//! | `author`            | the sender: `… from X to …` in the title, else the `From` field |
//! | `recipient`         | the addressee: `… to Y` in the title, else the `To` field       |
//! | `issued`            | the date as read (`circa` when written `c. 1962`), else as text  |
//! | `genre`             | the kind (`Cable`, `Memorandum of Conversation`)                |
//! | `archive`           | the part of the source note that names an archive or library    |
//! | `archive_location`  | the rest of the holding note (collection, fond, file, pages)    |
//! | `archive-place`     | an `Archive Place` field                                        |
//! | `call-number`       | the `Number`/`No` field, else a non-empty `Record ID`           |
//! | `source`            | the online collection the source note names                     |
//! | `number`, `page`, `container-title`, `URL` | `Document`, `Page`, `Volume`, `URL` fields |
//!
//! Names are literal (`Ambassador Katori`): archival parties are offices and titles, which no
//! given/family split fits. Nothing is invented: what a document lacks is left out.

use serde_json::{Map, Value, json};

use crate::cite::{HOLDING_WORDS, container, holding_note, split_title, words};
use crate::model::Document;

/// The document as a CSL-JSON item (an object).
pub fn csl_json(doc: &Document) -> Value {
    let mut item = Map::new();
    let mut put = |key: &str, value: Option<Value>| {
        if let Some(value) = value {
            item.insert(key.to_string(), value);
        }
    };
    put("id", Some(json!(doc.id)));
    put("type", Some(json!("manuscript")));
    put("title", Some(json!(title(doc))));
    let (sender, addressee) = parties(doc);
    put("author", sender.map(|s| json!([{ "literal": s }])));
    put("recipient", addressee.map(|a| json!([{ "literal": a }])));
    put("issued", issued(doc));
    put("genre", doc.kind.as_deref().map(|k| json!(k)));
    let holding = doc.source.as_deref().and_then(holding_note);
    let (archive, location) = holding.as_deref().map(split_holding).unwrap_or_default();
    put("archive", archive.map(Value::from));
    put("archive_location", location.map(Value::from));
    put(
        "archive-place",
        field(doc, &["Archive Place"]).map(Value::from),
    );
    put(
        "call-number",
        field(doc, &["Number", "No"])
            .or_else(|| field(doc, &["Record ID"]))
            .map(Value::from),
    );
    put("source", container(doc).map(Value::from));
    put("number", field(doc, &["Document"]).map(Value::from));
    put("page", field(doc, &["Page", "Pages"]).map(Value::from));
    put("container-title", field(doc, &["Volume"]).map(Value::from));
    put("URL", field(doc, &["URL"]).map(Value::from));
    Value::Object(item)
}

/// The document as the CSL engine's own item type (read back from [`csl_json`], so that what
/// is rendered is exactly what is exported).
pub fn csl_item(doc: &Document) -> Result<hayagriva::citationberg::json::Item, String> {
    serde_json::from_value(csl_json(doc)).map_err(|e| format!("{}: CSL item: {e}", doc.id))
}

/// The descriptive title with the quoted subject in single quotes (a style puts the whole
/// title in double quotes).
pub(crate) fn title(doc: &Document) -> String {
    match split_title(doc) {
        (description, Some(subject)) => format!("{description}, ‘{subject}’"),
        (description, None) => description,
    }
}

/// The sender and the addressee as the title names them (`Cable from X to Y`), as archival
/// citations do; else the `From` and `To` fields.
pub(crate) fn parties(doc: &Document) -> (Option<String>, Option<String>) {
    let (description, _) = split_title(doc);
    let (title_from, title_to) = parties_in(&description);
    let sender = title_from.or_else(|| field(doc, &["From"]));
    let addressee = title_to.or_else(|| field(doc, &["To"]));
    (sender, addressee)
}

/// `Cable from A to B` → (`A`, `B`); `Letter from A` → (`A`, none); `Note to B` → (none, `B`).
fn parties_in(description: &str) -> (Option<String>, Option<String>) {
    let clean = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    // ASCII lower-casing keeps byte offsets, so positions found in `lower` cut `description`.
    let lower = description.to_ascii_lowercase();
    let (end, to) = match lower.find(" to ") {
        Some(at) => (at, clean(&description[at + 4..])),
        None => (description.len(), None),
    };
    let from = lower[..end]
        .find(" from ")
        .and_then(|at| clean(&description[at + 6..end]));
    (from, to)
}

/// The issue date: date parts at the precision read, `circa` when the text says so; the text
/// itself when it could not be read; nothing for an undated document.
fn issued(doc: &Document) -> Option<Value> {
    let text = doc
        .date
        .text
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let parts: Vec<u32> = doc
        .date
        .iso
        .as_deref()
        .map(|iso| iso.split('-').map_while(|p| p.parse().ok()).collect())
        .unwrap_or_default();
    if parts.is_empty() {
        return text.map(|t| json!({ "literal": t }));
    }
    let mut date = json!({ "date-parts": [parts] });
    if text.is_some_and(is_approximate) {
        date["circa"] = json!(true);
    }
    Some(date)
}

/// Whether a date as written is approximate: `c. 1962`, `ca. 1950`, `circa 1956`, `about 1960`.
fn is_approximate(text: &str) -> bool {
    let lower = text.to_lowercase();
    ["c.", "ca.", "ca ", "circa", "about ", "approx"]
        .iter()
        .any(|p| lower.starts_with(p))
        || lower.ends_with('?')
}

/// Splits a holding note into the archive's name (the comma-separated part that names an
/// archive, library or collection) and the location within it (the rest). A note that names
/// none is all location.
fn split_holding(note: &str) -> (Option<String>, Option<String>) {
    let note = note.trim().trim_end_matches('.');
    let parts: Vec<&str> = note
        .split(['.', ','])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let named = parts.iter().position(|p| {
        words(p).any(|w| HOLDING_WORDS.contains(&w.as_str()) || w.starts_with("archiv"))
    });
    let Some(at) = named else {
        return (None, Some(note.to_string()).filter(|n| !n.is_empty()));
    };
    let archive = strip_lead_in(parts[at]);
    // The location is the note without the archive's part, as written (periods and commas
    // kept between the parts that remain).
    let location = remove_part(note, parts[at]);
    (Some(archive), location)
}

/// `Also available at the X` → `X`; `Held at the X` → `X`.
fn strip_lead_in(part: &str) -> String {
    let lower = part.to_lowercase();
    for lead in [
        "also available at the ",
        "also available at ",
        "held at the ",
        "held at ",
        "held in the ",
        "held in ",
    ] {
        if lower.starts_with(lead) {
            return part[lead.len()..].trim().to_string();
        }
    }
    part.to_string()
}

/// The note with one of its parts taken out, and the separator that joined it.
fn remove_part(note: &str, part: &str) -> Option<String> {
    let at = note.find(part)?;
    let before = note[..at]
        .trim_end()
        .trim_end_matches([',', '.'])
        .trim_end();
    let after = note[at + part.len()..]
        .trim_start()
        .trim_start_matches([',', '.'])
        .trim_start();
    let joined = match (before.is_empty(), after.is_empty()) {
        (true, _) => after.to_string(),
        (false, true) => before.to_string(),
        (false, false) => format!("{before}, {after}"),
    };
    Some(joined).filter(|j| !j.is_empty())
}

/// The first non-empty value of a header or record field with one of these names.
fn field(doc: &Document, names: &[&str]) -> Option<String> {
    names.iter().find_map(|name| {
        doc.fields
            .iter()
            .chain(&doc.record_fields)
            .find(|f| {
                f.name
                    .trim_end_matches(['.', ':'])
                    .eq_ignore_ascii_case(name)
            })
            .map(|f| f.value.trim().to_string())
            .filter(|v| !v.is_empty())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parties_come_from_the_descriptive_title() {
        assert_eq!(
            parties_in("Cable from Ambassador Katori to the Foreign Minister"),
            (
                Some("Ambassador Katori".into()),
                Some("the Foreign Minister".into())
            )
        );
        assert_eq!(
            parties_in("Letter from A. Novak"),
            (Some("A. Novak".into()), None)
        );
        assert_eq!(parties_in("Minutes of the Council"), (None, None));
        assert_eq!(
            parties_in("Memorandum From the Director To the Secretary"),
            (Some("the Director".into()), Some("the Secretary".into()))
        );
    }

    #[test]
    fn a_holding_note_splits_into_archive_and_location() {
        assert_eq!(
            split_holding("Heilongjiang Provincial Archives, fond 112, file 37, pp. 4-19."),
            (
                Some("Heilongjiang Provincial Archives".into()),
                Some("fond 112, file 37, pp. 4-19".into())
            )
        );
        assert_eq!(
            split_holding(
                "2002-113, Act on Access. Also available at the Diplomatic Archives of Japan."
            ),
            (
                Some("Diplomatic Archives of Japan".into()),
                Some("2002-113, Act on Access".into())
            )
        );
        assert_eq!(
            split_holding("Box 4, folder 2."),
            (None, Some("Box 4, folder 2".into()))
        );
    }

    #[test]
    fn approximate_dates_are_marked_circa() {
        assert!(is_approximate("c. 1962"));
        assert!(is_approximate("circa 1956"));
        assert!(!is_approximate("March 25, 1984"));
    }
}
