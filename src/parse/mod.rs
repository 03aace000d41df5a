//! The archive page format: from a page saved as text to a [`Document`].
//!
//! A page is read in three parts. The front (chrome, date, title, support line, header fields,
//! subject line, telegram references) is read paragraph by paragraph until the first paragraph
//! that fits none of those rules: that is where the body starts. The trailer is everything after
//! the "Document Information" heading (or the rights text and labels closing a page without one).
//! Between them lies the body, closed by `(end)` or followed by the summary.
//!
//! Nothing is dropped but page chrome ([`chrome::is_chrome`], an explicit list) and the
//! "Document Information" heading; any paragraph that fits no rule stays in the body or notes.

pub mod chrome;
pub mod clean;
pub mod date;
pub mod header;
pub mod label;
pub mod paragraphs;
pub mod sections;
pub mod trailer;

use crate::model::{DateValue, Document, Field, Section};
use paragraphs::{Para, split_paragraphs};

/// Kinds of document named by titles.
const KINDS: &[&str] = &[
    "Memorandum of Conversation",
    "Record of Conversation",
    "Record of Meeting",
    "Minutes",
    "Memorandum",
    "Telegram",
    "Cable",
    "Letter",
    "Report",
    "Note",
    "Speech",
    "Transcript",
    "Diary",
    "Directive",
    "Resolution",
    "Instruction",
    "Statement",
    "Notes",
    "Protocol",
];

const SUPPORT_PREFIX: &str = "This document was made possible with support from";

/// Parses an archive page. Never fails: what cannot be read is recorded in `problems`.
pub fn parse_document(text: &str, id: &str, path: &str) -> Document {
    let page = clean::normalize_page(text);
    let paras = split_paragraphs(&page);
    let mut doc = Document {
        id: id.to_string(),
        path: path.to_string(),
        ..Document::default()
    };
    let body_start = read_front(&paras, &mut doc);
    let info = paras
        .iter()
        .rposition(|p| trailer::is_document_information(&p.text))
        .filter(|&at| at >= body_start);
    let trailer_start = match info {
        Some(at) => at + 1,
        None => trailer::trailing_start(&paras, body_start),
    };
    let body_end = info.unwrap_or(trailer_start);
    let has_trailer = info.is_some() || trailer_start < paras.len();
    read_body(&paras[body_start..body_end], has_trailer, &mut doc);
    read_trailer(&paras[trailer_start..], &mut doc);
    finish(&mut doc);
    shrink(&mut doc);
    doc
}

/// Reads the front of the page into `doc`; returns the index where the body starts.
fn read_front(paras: &[Para], doc: &mut Document) -> usize {
    let mut title_seen = false;
    for (i, para) in paras.iter().enumerate() {
        let text = para.text.as_str();
        if chrome::is_chrome(text) {
            continue;
        }
        if doc.date.text.is_none() && date::parse_date(text).is_some() {
            doc.date = date_value(text);
        } else if text.starts_with(SUPPORT_PREFIX) {
            // Kept as written: the credit is text of the page, not only the funder's name. A
            // repeated credit is kept in the notes rather than replacing the first.
            match doc.support {
                None => doc.support = Some(text.into()),
                Some(_) => doc.notes.push(text.to_string()),
            }
        } else if let Some(fields) = header::parse_fields(text)
            .filter(|_| title_seen || !doc.fields.is_empty() || known_field_start(text))
            .filter(|_| !speaks_again(text, &paras[i + 1..]))
        {
            doc.fields.extend(fields);
        } else if !title_seen
            && label::parse_label(text).is_none()
            && !paragraphs::is_speaker_turn(text)
        {
            doc.title = text.to_string();
            title_seen = true;
        } else if title_seen && header::is_reference(text) {
            doc.references.push(text.to_string());
        } else if title_seen
            && doc.subject.is_none()
            && is_subject(text, &doc.title, paras.get(i + 1))
        {
            doc.subject = Some(text.to_string());
        } else {
            return i;
        }
    }
    paras.len()
}

/// A page that opens with fields instead of a title (`From: …`): the first is a known label.
fn known_field_start(text: &str) -> bool {
    header::parse_fields(text).is_some() && !paragraphs::is_speaker_turn(text)
}

/// Whether a `Name: text` line is a speaker turn because the same name speaks again later:
/// a header label appears once, a speaker takes turns. Known header labels are always fields.
fn speaks_again(text: &str, rest: &[Para]) -> bool {
    let Some(name) = paragraphs::speaker(text).filter(|n| !header::is_known_label(n)) else {
        return false;
    };
    rest.iter().any(|p| {
        paragraphs::speaker(&p.text)
            .is_some_and(|other| other.to_lowercase() == name.to_lowercase())
    })
}

fn date_value(text: &str) -> DateValue {
    DateValue {
        text: Some(text.to_string()),
        iso: date::parse_date(text).map(|d| d.iso),
    }
}

/// Whether a line is the document's own heading: it repeats the title, or it is a short
/// heading-like line followed by telegram references or header fields (a subject written in
/// another language than the title).
fn is_subject(text: &str, title: &str, next: Option<&Para>) -> bool {
    let heading_like = text.chars().count() <= 160 && !text.ends_with(['.', '!', '?', ':']);
    let next_is_header = next
        .is_some_and(|n| header::is_reference(&n.text) || header::parse_fields(&n.text).is_some());
    repeats_title(text, title)
        || (heading_like && next_is_header && label::parse_label(text).is_none())
}

/// Whether most of a line's words are in the title.
fn repeats_title(text: &str, title: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let title_words = words(title);
    let line_words = words(text);
    if line_words.is_empty() || text.chars().count() > 300 {
        return false;
    }
    let shared = line_words
        .iter()
        .filter(|w| title_words.contains(w))
        .count();
    shared * 10 >= line_words.len() * 7
}

/// Reads the body and the summary that follows it. Chrome at the end of the body's span (share
/// and print buttons under the summary) is page structure, outside the body.
fn read_body(paras: &[Para], has_trailer: bool, doc: &mut Document) {
    let paras = without_trailing_chrome(paras);
    let end_marker = paras.iter().position(|p| is_end_marker(&p.text));
    let (body, after): (&[Para], &[Para]) = match end_marker {
        Some(at) => paras.split_at(at + 1),
        None => {
            let summary_at = paras.len().checked_sub(1).filter(|&last| {
                last > 0 && has_trailer && trailer::looks_like_summary(&paras[last].text)
            });
            match summary_at {
                Some(at) => paras.split_at(at),
                None => (paras, &[]),
            }
        }
    };
    let body = without_trailing_chrome(body);
    let tree = sections::build_sections(body.iter().map(|p| p.text.as_str()));
    doc.body = tree.body;
    doc.sections = tree.sections;
    // After `(end)` a signature or a drafter's line can come before the abstract: the summary
    // is the first paragraph that reads like one, else simply the first.
    let after: Vec<&Para> = after
        .iter()
        .filter(|p| !chrome::is_chrome(&p.text))
        .collect();
    let summary_at = after
        .iter()
        .position(|p| trailer::looks_like_summary(&p.text))
        .or((!after.is_empty()).then_some(0));
    for (i, p) in after.iter().enumerate() {
        if Some(i) == summary_at {
            doc.summary = Some(p.text.clone());
        } else {
            doc.notes.push(p.text.clone());
        }
    }
}

/// `(end)` closing a telegram, in any case, perhaps followed by a full stop.
fn is_end_marker(text: &str) -> bool {
    let tail = text.trim_end_matches(['.', ' ']);
    tail.len() >= 5
        && tail.is_char_boundary(tail.len() - 5)
        && tail[tail.len() - 5..].eq_ignore_ascii_case("(end)")
}

fn without_trailing_chrome(paras: &[Para]) -> &[Para] {
    let end = paras
        .iter()
        .rposition(|p| !chrome::is_chrome(&p.text))
        .map_or(0, |last| last + 1);
    &paras[..end]
}

fn read_trailer(paras: &[Para], doc: &mut Document) {
    let kept: Vec<Para> = paras
        .iter()
        .filter(|p| !chrome::is_chrome(&p.text))
        .cloned()
        .collect();
    let t = trailer::classify_trailer(&kept);
    doc.source = join(t.source);
    doc.rights = join(t.rights).map(Into::into);
    doc.record_fields = t
        .record_fields
        .into_iter()
        .map(|(name, value)| Field::new(name, value))
        .collect();
    doc.funders = t.funders.map(Into::into);
    doc.notes.extend(t.notes);
}

/// The kind a title names first, as whole words: `Cable from …, 'Minutes of …'` is a cable.
/// At the same place the longest kind wins (`Memorandum of Conversation`, not `Memorandum`).
fn kind_of(title: &str) -> Option<&'static str> {
    let title = title.to_lowercase();
    KINDS
        .iter()
        .filter_map(|kind| first_word_match(&title, &kind.to_lowercase()).map(|at| (at, *kind)))
        .min_by_key(|&(at, kind)| (at, std::cmp::Reverse(kind.len())))
        .map(|(_, kind)| kind)
}

/// Where `phrase` first occurs in `text` as whole words.
fn first_word_match(text: &str, phrase: &str) -> Option<usize> {
    text.match_indices(phrase).map(|(at, _)| at).find(|&at| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn join(paras: Vec<String>) -> Option<String> {
    (!paras.is_empty()).then(|| paras.join("\n\n"))
}

/// Derived values and the problems worth reporting.
fn finish(doc: &mut Document) {
    if doc.date.text.is_none() {
        if let Some(value) = doc.field("Date").map(str::to_string) {
            doc.date = date_value(&value);
        }
    }
    doc.kind = kind_of(&doc.title).map(Into::into);
    let in_refs =
        |find: fn(&str) -> Option<&'static str>| doc.references.iter().find_map(|r| find(r));
    doc.classification = in_refs(header::classification_in)
        .or_else(|| doc.field("Classification"))
        .map(Into::into);
    doc.precedence = in_refs(header::precedence_in)
        .or_else(|| doc.field("Precedence"))
        .map(Into::into);
    if doc.title.is_empty() {
        doc.problems.push("no title found".into());
        doc.title = doc
            .subject
            .clone()
            .or_else(|| doc.field("Subject").map(str::to_string))
            .unwrap_or_else(|| doc.id.clone());
    }
    match (&doc.date.text, &doc.date.iso) {
        (None, _) => doc.problems.push("no date found".into()),
        (Some(text), None) => doc
            .problems
            .push(format!("date {text:?} is not a calendar date")),
        _ => {}
    }
    if doc.body.is_empty() && doc.sections.is_empty() {
        doc.problems.push("no body text found".into());
    }
    if doc.summary.is_none() {
        doc.problems.push("no summary".into());
    }
    if doc.source.is_none() {
        doc.problems
            .push("no Document Information (source) note".into());
    }
}

/// Gives back the spare capacity that pushing left in the document's strings and lists (a
/// section's one-paragraph list holds room for four): a parsed corpus stays in memory as long
/// as the browser runs. Once per document, and free where a value is already exact.
fn shrink(doc: &mut Document) {
    fn section(s: &mut Section) {
        s.label.shrink_to_fit();
        s.id.shrink_to_fit();
        strings(&mut s.paragraphs);
        s.children.iter_mut().for_each(section);
        s.children.shrink_to_fit();
    }
    fn strings(list: &mut Vec<String>) {
        list.iter_mut().for_each(String::shrink_to_fit);
        list.shrink_to_fit();
    }
    fn fields(list: &mut Vec<Field>) {
        list.iter_mut().for_each(|f| f.value.shrink_to_fit());
        list.shrink_to_fit();
    }
    for text in [&mut doc.id, &mut doc.path, &mut doc.title] {
        text.shrink_to_fit();
    }
    for text in [
        &mut doc.date.text,
        &mut doc.date.iso,
        &mut doc.subject,
        &mut doc.summary,
        &mut doc.source,
    ]
    .into_iter()
    .flatten()
    {
        text.shrink_to_fit();
    }
    fields(&mut doc.fields);
    fields(&mut doc.record_fields);
    for list in [
        &mut doc.references,
        &mut doc.body,
        &mut doc.notes,
        &mut doc.problems,
    ] {
        strings(list);
    }
    doc.sections.iter_mut().for_each(section);
    doc.sections.shrink_to_fit();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn end_marker_in_any_case() {
        assert!(is_end_marker("the last words. (end)"));
        assert!(is_end_marker("the last words. (END)."));
        assert!(!is_end_marker("the end"));
        assert!(!is_end_marker("Громыко (конец)"));
    }

    #[test]
    fn a_parsed_document_keeps_no_spare_capacity() {
        let page = "March 25, 1984\n\nCable from A to B\n\nFrom: A\n\nTo: B\n\nOpening words.\n\n1. We met the minister today. He spoke at length.\n\nMore.\n\n(a) First. Point.\n\n(b) Second.\n\n2. Then we left. (END)\n\nAmbassador Katori reports on a meeting with the minister about trade.\n\nDocument Information\n\nArchive X.\n\nRights text.\n\nRecord ID\n\nFunders A and B";
        let doc = parse_document(page, "t", "t.txt");
        fn exact_section(s: &Section) {
            for text in [&s.label, &s.id].into_iter().chain(&s.paragraphs) {
                assert_eq!(text.len(), text.capacity(), "{text:?}");
            }
            assert_eq!(s.paragraphs.len(), s.paragraphs.capacity(), "{}", s.id);
            assert_eq!(s.children.len(), s.children.capacity(), "{}", s.id);
            s.children.iter().for_each(exact_section);
        }
        assert_eq!(doc.sections.len(), 2);
        assert_eq!(doc.sections[0].children.len(), 2);
        assert_eq!(doc.sections.len(), doc.sections.capacity());
        doc.sections.iter().for_each(exact_section);
        for list in [&doc.body, &doc.references, &doc.notes, &doc.problems] {
            assert_eq!(list.len(), list.capacity());
            for text in list {
                assert_eq!(text.len(), text.capacity(), "{text:?}");
            }
        }
        for list in [&doc.fields, &doc.record_fields] {
            assert_eq!(list.len(), list.capacity());
        }
        assert!(!doc.fields.is_empty());
    }

    #[test]
    fn a_signature_after_end_is_not_the_summary() {
        let page = "March 25, 1984\n\nCable from A to B\n\n1. We met the minister today. (END)\n\nKatori\n\nAmbassador Katori reports on a meeting with the minister about trade.\n\nDocument Information\n\nArchive X.";
        let doc = parse_document(page, "t", "t.txt");
        assert_eq!(
            doc.summary.as_deref(),
            Some("Ambassador Katori reports on a meeting with the minister about trade.")
        );
        assert_eq!(doc.notes, vec!["Katori"]);
    }
}
