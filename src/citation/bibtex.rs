//! BibTeX `@misc` entries, as pandoc, biber and JabRef read them.
//!
//! Names are braced whole (`{{Ambassador Katori}}`) so that no reader splits an office into
//! given and family names; the title is braced to keep its capitals.

use serde_json::Value;

use super::record::csl_json;
use crate::model::Document;

/// One entry, ending with a blank line.
pub(crate) fn entry(doc: &Document) -> String {
    let item = csl_json(doc);
    let text = |key: &str| item.get(key).and_then(Value::as_str).map(escape);
    let name = |key: &str| {
        item.get(key)
            .and_then(|v| v.get(0))
            .and_then(|n| n.get("literal"))
            .and_then(Value::as_str)
            .map(|n| format!("{{{}}}", escape(n)))
    };
    let mut fields: Vec<(&str, String)> = Vec::new();
    let mut add = |key: &'static str, value: Option<String>| {
        if let Some(value) = value {
            fields.push((key, value));
        }
    };
    add("title", text("title").map(|t| format!("{{{t}}}")));
    add("author", name("author"));
    add("date", date(&item));
    add("type", text("genre"));
    add("number", text("number"));
    add("pages", text("page"));
    add("booktitle", text("container-title"));
    add(
        "url",
        item.get("URL").and_then(Value::as_str).map(str::to_string),
    );
    let holder = [
        text("archive_location"),
        text("archive"),
        text("archive-place"),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>();
    add(
        "howpublished",
        (!holder.is_empty()).then(|| holder.join(", ")),
    );
    let mut note = Vec::new();
    if let Some(to) = name("recipient") {
        note.push(format!("To {to}"));
    }
    if let Some(call) = text("call-number") {
        note.push(format!("No.~{call}"));
    }
    if let Some(source) = text("source") {
        note.push(source);
    }
    add("note", (!note.is_empty()).then(|| note.join(". ")));
    let mut out = format!("@misc{{{},\n", key(&doc.id));
    for (name, value) in fields {
        out.push_str(&format!("  {name} = {{{value}}},\n"));
    }
    out.push_str("}\n\n");
    out
}

/// The date as biblatex writes it (`1984-03-25`, `1950-06`, `1956`, `1962~` when approximate).
fn date(item: &Value) -> Option<String> {
    let issued = item.get("issued")?;
    let parts = issued.get("date-parts")?.get(0)?.as_array()?;
    let mut text = parts
        .iter()
        .filter_map(Value::as_u64)
        .enumerate()
        .map(|(i, p)| {
            if i == 0 {
                format!("{p:04}")
            } else {
                format!("{p:02}")
            }
        })
        .collect::<Vec<_>>()
        .join("-");
    if issued.get("circa").and_then(Value::as_bool) == Some(true) {
        text.push('~');
    }
    Some(text).filter(|t| !t.is_empty())
}

/// A citation key: the document id with anything but letters, digits, `_`, `-`, `:` and `.`
/// replaced, since BibTeX ends a key at a comma or brace.
pub(crate) fn key(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ':' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// TeX's special characters made literal; braces kept balanced by escaping them all.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '%' | '&' | '#' | '$' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_characters_are_escaped_and_braces_stay_balanced() {
        assert_eq!(escape("50% & {x}_y"), "50\\% \\& \\{x\\}\\_y");
        assert_eq!(key("000_a b,c"), "000_a_b_c");
    }
}
