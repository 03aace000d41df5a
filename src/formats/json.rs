//! dossier's own JSON export, read back: one document object or an array of them.
//!
//! Any JSON is not an export: every document must be an object that names at least its `id`
//! or `title` (as every export has written since the first), so that a stray `package.json` or
//! `{}` is reported as a problem of its file rather than loaded as an empty document. A document
//! read back is as untrusted as a page: every string is cleaned.

use serde_json::Value;

use super::Source;
use crate::model::{Document, Section};
use crate::parse::clean::clean_text;

/// Reads an export. Errors say what is wrong; the caller names the file.
pub fn read(text: &str, source: Source) -> Result<Vec<Document>, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("invalid JSON: {e}"))?;
    let many = value.is_array();
    let objects = match value {
        Value::Array(items) if items.is_empty() => {
            return Err("not a dossier document: an empty array, no documents".into());
        }
        Value::Array(items) => items,
        other => vec![other],
    };
    let mut docs = Vec::with_capacity(objects.len());
    for (i, object) in objects.into_iter().enumerate() {
        let at = if many {
            format!(" (array element {})", i + 1)
        } else {
            String::new()
        };
        let Some(map) = object.as_object() else {
            return Err(format!(
                "not a dossier document: expected a document object{at}, found {}",
                json_kind(&object)
            ));
        };
        if !map.contains_key("id") && !map.contains_key("title") {
            return Err(format!(
                "not a dossier document: the object has neither `id` nor `title`{at}"
            ));
        }
        let mut doc: Document = serde_json::from_value(object)
            .map_err(|e| format!("not a dossier document{at}: {e}"))?;
        restore_old_notes(&mut doc);
        clean_document(&mut doc);
        if !many || doc.id.is_empty() {
            doc.id = if many {
                format!("{}-{}", source.stem, i + 1)
            } else {
                source.stem.to_string()
            };
        }
        doc.path = source.display.to_string();
        docs.push(doc);
    }
    Ok(docs)
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Exports written before footnotes had `notes` as plain strings (leftover text): those go
/// back where they came from.
fn restore_old_notes(doc: &mut Document) {
    if !doc.footnotes.iter().any(|n| n.is_text_only()) {
        return;
    }
    let (old, notes): (Vec<_>, Vec<_>) = std::mem::take(&mut doc.footnotes)
        .into_iter()
        .partition(|n| n.is_text_only());
    doc.footnotes = notes;
    doc.notes.extend(old.into_iter().map(|n| n.text));
}

/// Cleans every string of a document read from JSON.
fn clean_document(doc: &mut Document) {
    let clean = |s: &mut String| *s = clean_text(s);
    let clean_opt = |s: &mut Option<String>| {
        if let Some(s) = s {
            *s = clean_text(s);
        }
    };
    for s in [&mut doc.id, &mut doc.title] {
        clean(s);
    }
    for s in [
        &mut doc.date.text,
        &mut doc.date.iso,
        &mut doc.subject,
        &mut doc.summary,
        &mut doc.source,
    ] {
        clean_opt(s);
    }
    for s in [
        &mut doc.kind,
        &mut doc.classification,
        &mut doc.precedence,
        &mut doc.support,
        &mut doc.rights,
        &mut doc.funders,
    ]
    .into_iter()
    .flatten()
    {
        *s = clean_text(s).into();
    }
    for field in doc.fields.iter_mut().chain(doc.record_fields.iter_mut()) {
        field.name = clean_text(&field.name).into();
        clean(&mut field.value);
    }
    for s in doc
        .references
        .iter_mut()
        .chain(doc.body.iter_mut())
        .chain(doc.notes.iter_mut())
        .chain(doc.problems.iter_mut())
    {
        clean(s);
    }
    for note in &mut doc.footnotes {
        clean(&mut note.n);
        clean(&mut note.text);
        clean_opt(&mut note.id);
        if let Some(anchor) = &mut note.anchor {
            clean(&mut anchor.passage);
        }
    }
    for entry in &mut doc.glossary {
        for s in [
            &mut entry.id,
            &mut entry.kind,
            &mut entry.name,
            &mut entry.description,
        ] {
            clean(s);
        }
        entry.passages.iter_mut().for_each(clean);
    }
    for link in &mut doc.links {
        clean(&mut link.target);
        clean(&mut link.text);
        clean_opt(&mut link.doc_id);
        clean_opt(&mut link.note);
        if let Some(anchor) = &mut link.anchor {
            clean(&mut anchor.passage);
        }
    }
    let mut stack: Vec<&mut Section> = doc.sections.iter_mut().collect();
    while let Some(section) = stack.pop() {
        clean(&mut section.label);
        clean(&mut section.id);
        let heading = clean_text(&section.heading());
        section.paragraphs.iter_mut().for_each(clean);
        section.set_heading(heading);
        stack.extend(section.children.iter_mut());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: Source = Source {
        stem: "x",
        display: "x.json",
    };

    #[test]
    fn json_that_is_not_an_export_is_an_error_not_an_empty_document() {
        for (text, says) in [
            ("{}", "neither `id` nor `title`"),
            (r#"{"name":"left-pad","version":"1.0.0"}"#, "neither"),
            ("[]", "empty array"),
            ("[1, 2]", "array element 1"),
            (
                r#"[{"title":"A"}, "b"]"#,
                "(array element 2), found a string",
            ),
            ("42", "found a number"),
            ("{", "invalid JSON"),
        ] {
            let err = read(text, SOURCE).expect_err(text);
            assert!(err.contains(says), "{text}: {err}");
        }
    }

    #[test]
    fn an_old_export_keeps_its_leftover_text() {
        let docs = read(
            r#"{"id":"a","title":"T","notes":["left \u001b[31m over"]}"#,
            SOURCE,
        )
        .expect("read");
        assert!(docs[0].footnotes.is_empty());
        assert_eq!(docs[0].notes.len(), 1);
        assert!(docs[0].notes[0].starts_with("left ") && !docs[0].notes[0].contains('\u{1b}'));
    }

    #[test]
    fn links_and_mentions_of_an_export_are_cleaned_of_escapes() {
        let docs = read(
            r##"{"id":"a","title":"T","links":[{"target":"#d1\u001b]52;c;x\u0007","text":"Doc\u001b[2J 1","doc_id":"v-d1\u009b","note":"1\u001b"}],
                "glossary":[{"id":"p","name":"N","passages":["1\u001b[31m"]}]}"##,
            SOURCE,
        )
        .expect("read");
        let link = &docs[0].links[0];
        let texts = [
            link.target.as_str(),
            link.text.as_str(),
            link.doc_id.as_deref().unwrap_or(""),
            link.note.as_deref().unwrap_or(""),
            docs[0].glossary[0].passages[0].as_str(),
        ];
        for text in texts {
            assert!(!text.chars().any(|c| c.is_control()), "{text:?}");
        }
        assert!(link.text.starts_with("Doc"));
    }
}
