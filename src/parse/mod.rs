//! The archive page format: from a page saved as text to a [`Document`].
//!
//! The grammar of a page, top to bottom, and the module that recognises each part:
//!
//! | part | recogniser |
//! |---|---|
//! | lines → paragraphs (blank, whitespace-only or missing blank lines; hard wrap per block) | [`paragraphs`] |
//! | page chrome, banners, breadcrumbs, citation-block buttons (dropped) | [`chrome`] |
//! | front: date, title, support line, header fields, subject, references, lead lines | [`front`], [`header`], [`date`] |
//! | body: numbered sections nested by the order styles appear, `(end)` | [`sections`], [`label`] |
//! | summary, catalogue headings with their lists | this module, [`trailer`] |
//! | "Document Information": source, rights, record fields, funders | [`trailer`] |
//!
//! The line classifiers those readers share (speaker turns, the support credit, the provenance
//! heading, rights text, catalogue headings, kinds of document) live in [`lexicon`], below all
//! of them, so that no reader imports another. Nothing is dropped but what [`chrome`] lists
//! (see [`chrome::kept_parts`]); any paragraph that fits no rule stays in the body or notes.
//! What the reader doubts is said in `Document::problems`, which `dossier check` prints.

pub mod chrome;
pub mod clean;
pub mod date;
pub mod front;
pub mod header;
pub mod label;
pub mod lexicon;
pub mod paragraphs;
pub mod sections;
pub mod trailer;

use crate::model::{Document, Field, Section};
use front::date_value;
use lexicon::kind_of;
use paragraphs::{Para, split_paragraphs};

/// Parses an archive page. Never fails: what cannot be read is recorded in `problems`.
pub fn parse_document(text: &str, id: &str, path: &str) -> Document {
    let page = clean::normalize_page(text);
    let paras = split_paragraphs(&page);
    let mut doc = Document {
        id: id.to_string(),
        path: path.to_string(),
        ..Document::default()
    };
    let front = front::read_front(&paras, &mut doc);
    let body_start = front.body_start;
    let info = paras
        .iter()
        .rposition(|p| lexicon::is_document_information(&p.text))
        .filter(|&at| at >= body_start);
    let trailer_start = match info {
        Some(at) => at + 1,
        None => trailer::trailing_start(&paras, body_start),
    };
    let mut body_end = info.unwrap_or(trailer_start).max(body_start);
    // The catalogue headings of newer pages end the body's span: the summary is before them.
    if let Some(at) =
        (body_start..body_end).find(|&i| lexicon::catalogue_heading(&paras[i].text).is_some())
    {
        read_catalogue(&paras[at..body_end], &mut doc);
        body_end = at;
    }
    let catalogue = body_end < info.unwrap_or(trailer_start);
    let mut body: Vec<&Para> = paras[body_start..body_end].iter().collect();
    if let Some(mark) = &front.footnote_mark {
        take_source_footnote(&mut body, mark, &mut doc);
    }
    let has_trailer = info.is_some() || trailer_start < paras.len() || catalogue;
    let early_summary = doc.summary.take();
    let cited_summary = early_summary.as_ref().filter(|_| front.citation.is_some());
    // The citation block held the abstract; the same text again under the body is not body.
    if cited_summary.is_some_and(|s| body.last().is_some_and(|p| p.text == *s)) {
        body.pop();
    }
    let rule = match (cited_summary, catalogue, has_trailer) {
        (Some(_), ..) | (None, false, false) => SummaryRule::None,
        (None, true, _) => SummaryRule::Last,
        (None, false, true) => SummaryRule::IfProse,
    };
    read_body(&body, rule, &mut doc);
    match (early_summary, &doc.summary) {
        (Some(early), None) => doc.summary = Some(early),
        (Some(early), Some(later)) if early != *later => doc.notes.insert(0, early),
        _ => {}
    }
    read_trailer(&paras[trailer_start.max(body_end)..], &mut doc);
    if doc.date.text.is_none() && doc.field("Date").is_none() {
        if let Some(cited) = front.citation.as_ref().and_then(|c| c.date.as_deref()) {
            doc.date = date_value(cited);
            doc.problems
                .push("date found only in the citation block".into());
        }
    }
    finish(&mut doc);
    shrink(&mut doc);
    doc
}

/// The catalogue headings (`Associated Places`, `Subjects Discussed`) and the lists that
/// survived under them, one name per line: record fields of the archive, kept in page order.
fn read_catalogue(paras: &[Para], doc: &mut Document) {
    for para in paras {
        match lexicon::catalogue_heading(&para.text) {
            Some(heading) => doc.record_fields.push(Field::new(heading, "")),
            None if chrome::is_chrome(&para.text) => {}
            None => {
                if let Some(field) = doc.record_fields.last_mut() {
                    if !field.value.is_empty() {
                        field.value.push_str("; ");
                    }
                    field.value.push_str(&para.text);
                }
            }
        }
    }
}

/// A FRUS page's source footnote (`2 Source: Department of State, …`), the one the title's
/// mark points to, is the document's source note (without the mark and the `Source:` word,
/// which the source's own label says).
fn take_source_footnote(body: &mut Vec<&Para>, mark: &str, doc: &mut Document) {
    let note = body.iter().rposition(|p| {
        p.text
            .strip_prefix(mark)
            .is_some_and(|rest| rest.trim_start().starts_with("Source:"))
    });
    if let Some(at) = note.filter(|_| doc.source.is_none()) {
        let text = body.remove(at).text[mark.len()..].trim_start();
        let note = text.strip_prefix("Source:").unwrap_or(text).trim_start();
        doc.source = Some(note.to_string());
    }
}

/// How the summary is found at the end of the body's span (when no `(end)` closes the body).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SummaryRule {
    /// There is none there: no trailer follows, or the citation block held it.
    None,
    /// The last paragraph, if it reads like an abstract.
    IfProse,
    /// The last paragraph: catalogue headings follow the summary.
    Last,
}

/// Reads the body and the summary that follows it. Chrome at the end of the body's span (share
/// and print buttons under the summary) is page structure, outside the body.
fn read_body(paras: &[&Para], summary: SummaryRule, doc: &mut Document) {
    let paras = without_trailing_chrome(paras);
    let end_marker = paras.iter().position(|p| is_end_marker(&p.text));
    let (body, after): (&[&Para], &[&Para]) = match end_marker {
        Some(at) => paras.split_at(at + 1),
        None => {
            let summary_at = paras.len().checked_sub(1).filter(|&last| {
                let text = &paras[last].text;
                last > 0
                    && match summary {
                        SummaryRule::None => false,
                        SummaryRule::IfProse => trailer::looks_like_summary(text),
                        SummaryRule::Last => label::parse_label(text).is_none(),
                    }
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
        .copied()
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

fn without_trailing_chrome<'s, 'p>(paras: &'s [&'p Para]) -> &'s [&'p Para] {
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
    // A FRUS source footnote read from the body comes first; a trailer's note follows it.
    if let Some(source) = join(t.source) {
        doc.source = Some(match doc.source.take() {
            Some(footnote) => format!("{footnote}\n\n{source}"),
            None => source,
        });
    }
    doc.rights = join(t.rights).map(Into::into);
    doc.record_fields.extend(
        t.record_fields
            .into_iter()
            .map(|(name, value)| Field::new(name, value)),
    );
    doc.funders = t.funders.map(Into::into);
    doc.notes.extend(t.notes);
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
