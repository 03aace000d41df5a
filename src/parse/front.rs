//! The front of a page: everything before the body, read paragraph by paragraph.
//!
//! The recognisers, in the order they are tried on each paragraph: page chrome (dropped), the
//! older design's citation string and the summary just above it, the date, a summary above the
//! date, the support credit, the older design's document-type line, a FRUS-style numbered
//! title (`112. Memorandum of Conversation2`), header fields (a value may sit on the next
//! lines), the title, colon-less header lines ending with a period (`From Belgrade.`),
//! telegram references, a file number, a place and date split over two lines, the subject
//! line, and last a letterhead, reference line, distribution list or archival stamp that comes
//! before header fields. The first paragraph that fits none of them starts the body.

use super::chrome;
use super::date;
use super::header;
use super::label::parse_label;
use super::lexicon::{
    catalogue_heading, is_speaker_heading, is_speaker_turn, is_support, kind_of, speaker,
};
use super::paragraphs::Para;
use crate::model::{DateValue, Document, Field};

/// What the front learnt that later parts of the page need.
#[derive(Debug, Default)]
pub(crate) struct Front {
    /// Where the body starts.
    pub body_start: usize,
    /// The footnote mark stripped from a FRUS-style title (`2`), whose footnote is the source.
    pub footnote_mark: Option<String>,
    /// The older design's citation string, read.
    pub citation: Option<Citation>,
}

/// The older design's citation string:
/// `"Telegram from X to Y," August 07, 1958, History and Public Policy Program Digital Archive, …`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Citation {
    pub title: String,
    pub date: Option<String>,
}

/// Header lines before a header field that the front may hold: a letterhead, reference line,
/// distribution list or stamp is a few short lines, not a page.
const MAX_LEAD_LINES: usize = 10;

/// Reads the front of the page into `doc`.
pub(crate) fn read_front(paras: &[Para], doc: &mut Document) -> Front {
    let mut front = Front::default();
    let mut title_seen = false;
    let mut i = 0;
    while i < paras.len() {
        let text = paras[i].text.as_str();
        let next = paras.get(i + 1).map(|p| p.text.as_str());
        if chrome::is_chrome(text) {
        } else if let Some(citation) = parse_citation(text) {
            doc.record_fields.push(Field::new("Citation", text));
            front.citation = Some(citation);
        } else if doc.summary.is_none() && next.is_some_and(|n| parse_citation(n).is_some()) {
            // `get citation`, then the archive's abstract, then the citation string.
            doc.summary = Some(text.to_string());
        } else if doc.date.text.is_none() && date::parse_date(text).is_some() {
            doc.date = date_value(text);
        } else if !title_seen
            && doc.date.text.is_none()
            && doc.summary.is_none()
            && is_summary_above_date(text, &paras[i + 1..])
        {
            doc.summary = Some(text.to_string());
            doc.problems.push("summary found above the date".into());
        } else if is_support(text) {
            // Kept as written: the credit is text of the page, not only the funder's name. A
            // repeated credit is kept in the notes rather than replacing the first.
            match doc.support {
                None => doc.support = Some(text.into()),
                Some(_) => doc.notes.push(text.to_string()),
            }
        } else if !title_seen && front.citation.is_some() && is_type_line(text) {
            doc.fields.push(Field::new("Type", text));
        } else if let Some(numbered) = numbered_title(text).filter(|_| !title_seen) {
            doc.fields
                .insert(0, Field::new("Document", numbered.number));
            doc.title = numbered.title;
            front.footnote_mark = numbered.mark;
            title_seen = true;
        } else if let Some(mut fields) = header_fields(text)
            .filter(|_| title_seen || !doc.fields.is_empty() || known_field_start(text))
            .filter(|_| !speaks_again(text, &paras[i + 1..]))
        {
            if fields.last().is_some_and(|f| f.value.is_empty()) {
                // `SUBJECT` alone (FRUS) may have a blank line under it; `Date and Time:` not.
                let below = &paras[i..];
                let (value, used) = value_below(below, !text.ends_with(':'));
                if let Some(last) = fields.last_mut() {
                    last.value = value;
                }
                i += used;
            }
            doc.fields.extend(fields);
        } else if !title_seen
            && doc.date.text.is_none()
            && is_banner_above_date(text, &paras[i + 1..])
        {
            // A line of the site above the date that no chrome rule lists: kept, not the title.
            doc.notes.push(text.to_string());
            doc.problems
                .push(format!("line above the date kept in the notes: {text:?}"));
        } else if !title_seen && parse_label(text).is_none() && !is_speaker_turn(text) {
            title_seen = true;
            if let Some(cited) = front.citation.as_ref().filter(|_| !is_title_like(text)) {
                // An all-capitals heading, or body text where the title should be: the
                // citation string holds the only real title.
                doc.title = cited.title.clone();
                doc.problems
                    .push("title taken from the citation string".into());
                if is_capitals(text) {
                    doc.subject = Some(text.to_string());
                } else {
                    return front.starting_at(i);
                }
            } else {
                if looks_like_chrome(text) {
                    doc.problems.push("title looks like page chrome".into());
                }
                doc.title = text.to_string();
            }
        } else if let Some(field) = colonless_header_field(text).filter(|_| title_seen) {
            doc.fields.push(field);
        } else if title_seen && (header::is_reference(text) || is_colonless_reference(text)) {
            doc.references.push(text.to_string());
        } else if title_seen && is_file_number(text) {
            doc.fields.push(Field::new("File", text));
        } else if let Some(dateline) =
            split_dateline(text, next).filter(|_| title_seen && doc.date.text.is_none())
        {
            doc.fields.push(Field::new("Place", dateline.place));
            doc.date = date_value(&dateline.date);
            doc.references.push(dateline.as_written);
            i += dateline.extra_lines;
        } else if title_seen
            && doc.subject.is_none()
            && is_subject(text, &doc.title, paras.get(i + 1))
        {
            doc.subject = Some(text.to_string());
        } else if let Some(lead) = title_seen.then(|| header_lead(&paras[i..])).flatten() {
            read_lead(&paras[i..i + lead], doc);
            i += lead;
            continue;
        } else {
            return front.starting_at(i);
        }
        i += 1;
    }
    front.starting_at(paras.len())
}

impl Front {
    fn starting_at(mut self, at: usize) -> Front {
        self.body_start = at;
        self
    }
}

/// A paragraph's header fields; a known label alone in capitals (`SUBJECT`, `PARTICIPANTS`)
/// is a field whose value is on the next lines.
fn header_fields(text: &str) -> Option<Vec<Field>> {
    header::parse_fields(text).or_else(|| {
        (is_capitals(text) && header::is_known_label(text)).then(|| vec![Field::new(text, "")])
    })
}

/// The value of a label whose line holds nothing after it: the next paragraph, and the lines
/// right under it (no blank line between) that are not fields of their own (`Our side: …`,
/// `Their side: …` under `Participants:`). `paras` starts with the label's own line. Returns
/// the value and the paragraphs it used.
fn value_below(paras: &[Para], blank_line_allowed: bool) -> (String, usize) {
    let Some((label, rest)) = paras.split_first() else {
        return (String::new(), 0);
    };
    let is_value = |p: &Para| {
        p.text.chars().count() <= 200
            && !chrome::is_chrome(&p.text)
            && !starts_known_field(&p.text)
            && header_fields(&p.text).is_none_or(|f| f.iter().all(|f| !f.value.is_empty()))
            && catalogue_heading(&p.text).is_none()
            && parse_label(&p.text).is_none_or(|l| l.core.is_empty())
    };
    let mut lines: Vec<&str> = Vec::new();
    for (n, para) in rest.iter().enumerate() {
        let above = if n == 0 { label.line } else { rest[n - 1].line };
        let adjacent = above + 1 == para.line || (n == 0 && blank_line_allowed);
        if !adjacent || !is_value(para) {
            break;
        }
        lines.push(&para.text);
    }
    (lines.join("; "), lines.len())
}

/// Whether a line starts with a header label that is a field wherever it appears.
fn starts_known_field(text: &str) -> bool {
    header_fields(text)
        .and_then(|f| f.into_iter().next())
        .is_some_and(|f| header::is_known_label(&f.name))
}

/// A page that opens with fields instead of a title (`From: …`): the first is a known label.
fn known_field_start(text: &str) -> bool {
    header::parse_fields(text).is_some() && !is_speaker_turn(text)
}

/// Whether a `Name: text` line is a speaker turn because the same name speaks again later:
/// a header label appears once, a speaker takes turns. Known header labels are always fields.
fn speaks_again(text: &str, rest: &[Para]) -> bool {
    let Some(name) = speaker(text).filter(|n| !header::is_known_label(n)) else {
        return false;
    };
    rest.iter()
        .any(|p| speaker(&p.text).is_some_and(|other| other.to_lowercase() == name.to_lowercase()))
}

pub(super) fn date_value(text: &str) -> DateValue {
    DateValue {
        text: Some(text.to_string()),
        iso: date::parse_date(text).map(|d| d.iso),
    }
}

/// A paragraph of prose just above the date line: the archive's abstract, shown first.
fn is_summary_above_date(text: &str, rest: &[Para]) -> bool {
    let date_follows = rest
        .iter()
        .find(|p| !chrome::is_chrome(&p.text))
        .is_some_and(|p| date::parse_date(&p.text).is_some());
    date_follows
        && text.chars().count() >= 40
        && text.ends_with('.')
        && text.split_whitespace().count() >= 8
        && parse_label(text).is_none()
        && !is_speaker_turn(text)
}

/// A short line above the date when the line after the date reads as the title: a banner of
/// the site (the title is the line after the date).
fn is_banner_above_date(text: &str, rest: &[Para]) -> bool {
    let mut next = rest.iter().filter(|p| !chrome::is_chrome(&p.text));
    let (Some(date_line), Some(title)) = (next.next(), next.next()) else {
        return false;
    };
    let title = title.text.as_str();
    let title_like = title.chars().count() <= 300
        && !title.ends_with(['.', ':'])
        && parse_label(title).is_none()
        && header::parse_fields(title).is_none()
        && !is_speaker_turn(title)
        && !is_support(title);
    let short = text.split_whitespace().count() <= 5 && kind_of(text).is_none();
    date::parse_date(&date_line.text).is_some()
        && title_like
        && (short || kind_of(title).is_some())
        && !text.ends_with('.')
}

/// The older design's document-type line (`Foreign Ministry Document`).
fn is_type_line(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words.last().is_some_and(|w| *w == "Document")
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Reads a citation string; `None` when the paragraph is not one.
pub(crate) fn parse_citation(text: &str) -> Option<Citation> {
    let body = text.strip_prefix('"').or_else(|| text.strip_prefix('“'))?;
    if !text.contains("Digital Archive") {
        return None;
    }
    let close = body.find(['"', '”'])?;
    let title = body[..close]
        .trim()
        .trim_end_matches(',')
        .trim()
        .to_string();
    if title.is_empty() {
        return None;
    }
    let rest = body[close..].trim_start_matches(['"', '”', ',', ' ']);
    let pieces: Vec<&str> = rest.split(", ").take(3).collect();
    let date = (1..=pieces.len())
        .map(|n| pieces[..n].join(", "))
        .find(|candidate| date::parse_date(candidate).is_some());
    Some(Citation { title, date })
}

/// A title, not the capitals heading or the body text that stands in its place on pages of
/// the older design.
fn is_title_like(text: &str) -> bool {
    let reads_as_prose = text.ends_with('.') && text.split_whitespace().count() > 12;
    !(is_capitals(text) || reads_as_prose)
}

/// Whether a line has letters and none of them lower case.
fn is_capitals(text: &str) -> bool {
    text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase)
}

/// Words of a web page's navigation: a title made of them was probably not the title.
fn looks_like_chrome(title: &str) -> bool {
    let lower = title.to_lowercase();
    let navigation = [
        "search", "home", "browse", "log in", "login", "sign in", "menu", "results", "›",
    ];
    let short = title.split_whitespace().count() <= 3 && kind_of(title).is_none();
    navigation
        .iter()
        .any(|w| lower.split_whitespace().next() == Some(w) || lower.contains('›'))
        || (short && title.chars().count() <= 24 && !title.chars().any(|c| c.is_ascii_digit()))
}

/// A FRUS-style title line read apart.
struct NumberedTitle {
    number: String,
    title: String,
    mark: Option<String>,
}

/// `112. Memorandum of Conversation2`: the document number, the title, the footnote mark
/// glued to its last word. Without a mark, only a title that names a kind of document.
fn numbered_title(text: &str) -> Option<NumberedTitle> {
    let (number, rest) = text.split_once(". ")?;
    if number.is_empty() || number.len() > 4 || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !rest.chars().next().is_some_and(char::is_uppercase) || rest.chars().count() > 200 {
        return None;
    }
    let digits = rest.len() - rest.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let stem = &rest[..rest.len() - digits];
    let glued = (1..=2).contains(&digits) && stem.ends_with(|c: char| c.is_alphabetic());
    let names_kind = kind_of(rest).is_some_and(|_| rest.starts_with(|c: char| c.is_uppercase()));
    if !(glued || (digits == 0 && names_kind && !rest.ends_with('.'))) {
        return None;
    }
    if !names_kind && kind_of(stem).is_none() {
        return None;
    }
    Some(NumberedTitle {
        number: number.to_string(),
        title: if glued { stem } else { rest }.to_string(),
        mark: glued.then(|| rest[stem.len()..].to_string()),
    })
}

/// `From Belgrade.` `To Molotov.`: a colon-less header line of a telegram.
fn colonless_header_field(text: &str) -> Option<Field> {
    let short = text.strip_suffix('.')?;
    if short.chars().count() > 40 || short.split_whitespace().count() > 4 {
        return None;
    }
    let (label, value) = short.split_once(' ')?;
    let capitalised = value.chars().next().is_some_and(char::is_uppercase);
    (matches!(label, "From" | "To") && capitalised && !value.contains(['.', ',', ':']))
        .then(|| Field::new(label, value))
}

/// `Ciphered Telegram.` `Strictly secret.`: a short line naming a classification, precedence
/// or the kind of message, ending with a period.
fn is_colonless_reference(text: &str) -> bool {
    let Some(short) = text.strip_suffix('.') else {
        return false;
    };
    if short.chars().count() > 40 {
        return false;
    }
    let lower = short.to_lowercase();
    let words = short.split_whitespace().count();
    let message = ["telegram", "cipher", "ciphered", "cable", "wire"];
    (1..=4).contains(&words)
        && short.chars().count() <= 40
        && (header::classification_in(short).is_some()
            || header::precedence_in(short).is_some()
            || lower.split_whitespace().any(|w| message.contains(&w)))
}

/// `611.61/3–1257`: an archive's file number on a line of its own.
fn is_file_number(text: &str) -> bool {
    text.contains('/')
        && text.chars().count() <= 40
        && text.starts_with(|c: char| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '/' | '-' | '–'))
}

/// A place and date line, perhaps split over two lines (`Washington, March 12,` / `1957.`).
struct Dateline {
    place: String,
    date: String,
    as_written: String,
    extra_lines: usize,
}

fn split_dateline(text: &str, next: Option<&str>) -> Option<Dateline> {
    let (joined, extra_lines) = match next {
        Some(next) if text.ends_with(',') && next.chars().count() <= 12 => {
            (format!("{text} {next}"), 1)
        }
        _ => (text.to_string(), 0),
    };
    let (place, date) = joined.trim_end_matches('.').split_once(", ")?;
    let place_ok = place.chars().count() <= 40
        && place.starts_with(|c: char| c.is_uppercase())
        && !place.chars().any(|c| c.is_ascii_digit());
    (place_ok && date::parse_date(date).is_some()).then(|| Dateline {
        place: place.to_string(),
        date: date.to_string(),
        as_written: joined.clone(),
        extra_lines,
    })
}

/// Whether a line is the document's own heading: it repeats the title, or it is a short
/// heading-like line followed by telegram references or header fields (a subject written in
/// another language than the title).
fn is_subject(text: &str, title: &str, next: Option<&Para>) -> bool {
    let heading_like = text.chars().count() <= 160 && !text.ends_with(['.', '!', '?', ':']);
    let next_is_header = next
        .is_some_and(|n| header::is_reference(&n.text) || header::parse_fields(&n.text).is_some());
    repeats_title(text, title) || (heading_like && next_is_header && parse_label(text).is_none())
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

/// How many paragraphs of letterhead, reference line, distribution list, stamp, transmission
/// log or signature come before a header line here (a field, `From Belgrade.`, `Strictly
/// secret.`, a telegram reference); `None` when none follows within a few short lines.
fn header_lead(paras: &[Para]) -> Option<usize> {
    let mut in_stamp = false;
    for (n, para) in paras.iter().enumerate().take(MAX_LEAD_LINES + 1) {
        let text = para.text.as_str();
        let header_starts = (starts_known_field(text) && !is_speaker_heading(text))
            || colonless_header_field(text).is_some()
            || is_colonless_reference(text)
            || header::is_reference(text);
        if !in_stamp && n > 0 && header_starts {
            return Some(n);
        }
        let opens = text.starts_with('[') && !text.contains(']');
        let closes = in_stamp && text.contains(']');
        let lead_like = text.chars().count() <= 100
            && (in_stamp || opens || !text.ends_with(['.', '!', '?']) || text.len() <= 12)
            && parse_label(text).is_none_or(|l| l.core.is_empty())
            && !is_speaker_turn(text)
            && !is_speaker_heading(text);
        if !lead_like {
            return None;
        }
        in_stamp = (in_stamp || opens) && !closes;
    }
    None
}

/// Keeps the lead lines of a header: a `Made in 4 copies for:` line with the dash lines under
/// it is a field; a stamp spread over lines is one reference; other lines are references.
fn read_lead(paras: &[Para], doc: &mut Document) {
    let mut i = 0;
    while i < paras.len() {
        let text = paras[i].text.as_str();
        if let Some(label) = text.strip_suffix(':') {
            let items: Vec<&str> = paras[i + 1..]
                .iter()
                .map_while(|p| {
                    parse_label(&p.text)
                        .filter(|l| l.core.is_empty())
                        .map(|l| p.text[l.rest..].trim())
                })
                .collect();
            doc.fields.push(Field::new(label.trim(), items.join("; ")));
            i += 1 + items.len();
        } else if text.starts_with('[') && !text.contains(']') {
            let end = paras[i..]
                .iter()
                .position(|p| p.text.contains(']'))
                .map_or(paras.len(), |n| i + n + 1);
            let stamp: Vec<&str> = paras[i..end].iter().map(|p| p.text.as_str()).collect();
            doc.references.push(stamp.join(" "));
            i = end;
        } else {
            doc.references.push(text.to_string());
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citation_strings_give_title_and_date() {
        let c = parse_citation("\"Telegram from A to B,\" August 07, 1958, History and Public Policy Program Digital Archive, box 3. Translated by Z.").expect("citation");
        assert_eq!(c.title, "Telegram from A to B");
        assert_eq!(c.date.as_deref(), Some("August 07, 1958"));
        assert_eq!(parse_citation("\"Quoted words,\" he said."), None);
    }

    #[test]
    fn numbered_titles_lose_their_footnote_mark() {
        let t = numbered_title("112. Memorandum of Conversation2").expect("title");
        assert_eq!(
            (t.number.as_str(), t.title.as_str(), t.mark.as_deref()),
            ("112", "Memorandum of Conversation", Some("2"))
        );
        assert!(numbered_title("1. The delegation arrived on Monday.").is_none());
        assert!(numbered_title("2. Regarding the talks in 1962").is_none());
    }

    #[test]
    fn datelines_split_over_two_lines_join() {
        let d = split_dateline("Washington, March 12,", Some("1957.")).expect("dateline");
        assert_eq!(
            (d.place.as_str(), d.date.as_str()),
            ("Washington", "March 12, 1957")
        );
        assert_eq!(d.extra_lines, 1);
        assert!(split_dateline("The minister, as agreed, came.", None).is_none());
    }

    #[test]
    fn a_transmission_log_above_colonless_header_lines_is_part_of_the_front() {
        let page = "May 3, 1949\n\nTelegram from Sofia\n\n14.6. 11:40\n\nCiphered Telegram.\n\nFrom Sofia.\n\nThe delegation arrived today and the talks will begin tomorrow at noon.";
        let doc = crate::parse::parse_document(page, "t", "t.txt");
        assert_eq!(doc.references, vec!["14.6. 11:40", "Ciphered Telegram."]);
        assert_eq!(doc.fields, vec![Field::new("From", "Sofia")]);
        assert_eq!(doc.body.len(), 1);
    }

    #[test]
    fn an_unlisted_banner_above_the_date_is_not_the_title() {
        let page = "Wilson Center Digital Archive Home\n\nMarch 3, 1960\n\nCable from the Embassy in Rome on the Strike\n\nFrom: Embassy\n\n1. The strike ended.";
        let doc = crate::parse::parse_document(page, "t", "t.txt");
        assert_eq!(doc.title, "Cable from the Embassy in Rome on the Strike");
        assert_eq!(doc.notes, vec!["Wilson Center Digital Archive Home"]);
        let title_first = "Cable from the Embassy in Rome on the Strike\n\nMarch 3, 1960\n\nFrom: Embassy\n\n1. The strike ended.";
        let doc = crate::parse::parse_document(title_first, "t", "t.txt");
        assert_eq!(doc.title, "Cable from the Embassy in Rome on the Strike");
        assert!(doc.notes.is_empty());
    }

    #[test]
    fn colonless_header_lines_end_with_a_period() {
        assert_eq!(
            colonless_header_field("From Belgrade."),
            Some(Field::new("From", "Belgrade"))
        );
        assert_eq!(
            colonless_header_field("To Molotov."),
            Some(Field::new("To", "Molotov"))
        );
        assert_eq!(colonless_header_field("To the minister we said no."), None);
        assert!(is_colonless_reference("Ciphered Telegram."));
        assert!(is_colonless_reference("Strictly secret."));
        assert!(!is_colonless_reference("We left."));
    }
}
