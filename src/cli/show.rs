//! `dossier show`: a document as readable text (metadata block, then sections with labels and
//! full paragraphs) or as JSON. Paragraphs are printed unwrapped, one per line: a pager or the
//! terminal wraps them.

use std::io::{self, Write};

use super::Outcome;
use crate::corpus::Corpus;
use crate::model::{Document, Section, metadata};
use crate::query::BODY_ID;

pub fn run(
    out: &mut dyn Write,
    corpus: &Corpus,
    id: &str,
    section: Option<&str>,
    json: bool,
) -> io::Result<Outcome> {
    let Some(doc) = corpus.document(id) else {
        eprintln!("dossier: no document with id {id:?} (see `dossier list`)");
        return Ok(Outcome::Failure);
    };
    match section {
        None if json => super::write_json(out, doc)?,
        None => write_document(out, doc)?,
        Some(BODY_ID) => {
            if json {
                super::write_json(out, &doc.body)?;
            } else {
                write_paragraphs(out, &doc.body, "")?;
            }
        }
        Some(section_id) => {
            let Some(section) = doc.section(section_id) else {
                eprintln!("dossier: document {id:?} has no section {section_id:?}");
                return Ok(Outcome::Failure);
            };
            if json {
                super::write_json(out, section)?;
            } else {
                write_section(out, section, 0)?;
            }
        }
    }
    Ok(Outcome::Success)
}

fn write_document(out: &mut dyn Write, doc: &Document) -> io::Result<()> {
    writeln!(out, "{}", doc.title)?;
    writeln!(out, "{}", "=".repeat(doc.title.chars().count().min(78)))?;
    let rows = metadata(doc);
    let width = rows
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0)
        + 1;
    for (label, value) in &rows {
        writeln!(out, "{:width$} {value}", format!("{label}:"))?;
    }
    if let Some(summary) = &doc.summary {
        writeln!(out, "\nSummary\n{summary}")?;
    }
    writeln!(out)?;
    write_paragraphs(out, &doc.body, "")?;
    for section in &doc.sections {
        write_section(out, section, 0)?;
    }
    let footnotes: Vec<String> = doc
        .footnotes
        .iter()
        .map(|n| format!("[{}] {}", n.n, n.text))
        .collect();
    for (title, text) in [
        ("Footnotes", footnotes.join("\n\n")),
        ("Notes", doc.notes.join("\n\n")),
        ("Source", doc.source.clone().unwrap_or_default()),
        (
            "Rights",
            doc.rights.as_deref().unwrap_or_default().to_string(),
        ),
    ] {
        if !text.is_empty() {
            writeln!(out, "{title}\n{text}\n")?;
        }
    }
    for field in &doc.record_fields {
        writeln!(out, "{}: {}", field.name, field.value)?;
    }
    if let Some(funders) = &doc.funders {
        writeln!(out, "Funders: {funders}")?;
    }
    if let Some(support) = &doc.support {
        writeln!(out, "{support}")?;
    }
    Ok(())
}

fn write_paragraphs(out: &mut dyn Write, paragraphs: &[String], indent: &str) -> io::Result<()> {
    for p in paragraphs {
        writeln!(out, "{indent}{p}\n")?;
    }
    Ok(())
}

fn write_section(out: &mut dyn Write, section: &Section, depth: usize) -> io::Result<()> {
    let indent = "    ".repeat(depth);
    let mut paragraphs = section.paragraphs.iter();
    if let Some(first) = paragraphs.next() {
        writeln!(out, "{indent}{} {first}\n", section.label)?;
    }
    for p in paragraphs {
        writeln!(out, "{indent}{p}\n")?;
    }
    for child in &section.children {
        write_section(out, child, depth + 1)?;
    }
    Ok(())
}
