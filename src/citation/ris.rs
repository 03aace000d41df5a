//! RIS records, as Zotero, EndNote and Mendeley import them.
//!
//! Tags used: `TY` (`MANSCPT`), `ID` dossier's id, `TI`, `AU` the sender, `N1` the addressee
//! (RIS has no recipient tag), `DA` the date (`1984/03/25/`), `PY` the year, `M3` the kind, `AV` where the original is held (archive location, archive, place),
//! `CN` the call number, `DB` the online collection, `UR` the URL, `ID` dossier's id.

use serde_json::Value;

use super::record::csl_json;
use crate::model::Document;

/// One record, `TY` to `ER`.
pub(crate) fn record(doc: &Document) -> String {
    let item = csl_json(doc);
    let text = |key: &str| item.get(key).and_then(Value::as_str).map(one_line);
    let name = |key: &str| {
        item.get(key)
            .and_then(|v| v.get(0))
            .and_then(|n| n.get("literal"))
            .and_then(Value::as_str)
            .map(one_line)
    };
    let mut lines = vec![("TY", "MANSCPT".to_string()), ("ID", one_line(&doc.id))];
    let mut add = |tag: &'static str, value: Option<String>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            lines.push((tag, value));
        }
    };
    add("TI", text("title"));
    add("AU", name("author"));
    let parts: Vec<u64> = item
        .pointer("/issued/date-parts/0")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_u64).collect())
        .unwrap_or_default();
    add("PY", parts.first().map(|y| format!("{y:04}")));
    add("DA", (!parts.is_empty()).then(|| ris_date(&parts)));
    add("M3", text("genre"));
    let holder: Vec<String> = [
        text("archive_location"),
        text("archive"),
        text("archive-place"),
    ]
    .into_iter()
    .flatten()
    .collect();
    add("AV", (!holder.is_empty()).then(|| holder.join(", ")));
    add("CN", text("call-number"));
    add("DB", text("source"));
    add("T2", text("container-title"));
    add("SP", text("page"));
    add("M1", text("number"));
    add("UR", text("URL"));
    add("N1", name("recipient").map(|to| format!("To {to}")));
    let mut out = String::new();
    for (tag, value) in lines {
        out.push_str(&format!("{tag}  - {value}\n"));
    }
    out.push_str("ER  - \n\n");
    out
}

/// `YYYY/MM/DD/` with missing parts left empty (`1950/06//`).
fn ris_date(parts: &[u64]) -> String {
    let part = |i: usize| parts.get(i).map(|p| format!("{p:02}")).unwrap_or_default();
    format!(
        "{}/{}/{}/",
        parts.first().map(|y| format!("{y:04}")).unwrap_or_default(),
        part(1),
        part(2)
    )
}

/// RIS is line-based: a value is one line.
fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_control())
        .collect::<Vec<_>>()
        .join(" ")
        .trim()
        .to_string()
}
