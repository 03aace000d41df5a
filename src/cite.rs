//! What citations and copies are made of, taken from a document's text alone: the title split
//! into its description (kind and parties) and quoted subject, the part of the source note
//! that says where the original is held (acquisition and translation credits dropped), the
//! online collection when the source note names it, and a section as plain text.
//!
//! Rendering a citation in a style is the CSL engine's work, in the `citation` module, which
//! reads these parts; nothing here uses it, so the two depend one way.

use crate::model::{Document, Section};
use crate::query::BODY_ID;

/// A FRUS document cited as the Office of the Historian asks: `Foreign Relations of the
/// United States, 1955–1957, vol. VIII, South Asia, ed. … (Washington: Government Printing
/// Office, 1987), doc. 116.` and its stable address; `pinpoint` is a section id (`para. 2`). `None` for documents that are not from a
/// FRUS volume (no history.state.gov `URL` field).
pub fn frus_citation(doc: &Document, pinpoint: Option<&str>) -> Option<String> {
    let url = doc
        .field("URL")
        .filter(|u| u.starts_with("https://history.state.gov/historicaldocuments/"))?;
    let record = |name: &str| {
        doc.record_fields
            .iter()
            .find(|f| f.name.eq_ignore_ascii_case(name))
            .map(|f| f.value.as_str())
            .filter(|v| !v.is_empty())
    };
    let mut out = doc
        .field("Volume")
        .map(|v| {
            v.replace(", Volume ", ", vol. ")
                .replace(", Part ", ", pt. ")
        })
        .unwrap_or_else(|| "Foreign Relations of the United States".into());
    if let Some(editor) = record("Editor") {
        out.push_str(&format!(", ed. {editor}"));
    }
    if let Some(published) = record("Published") {
        out.push_str(&format!(" ({published})"));
    }
    if let Some(n) = doc.field("Document") {
        out.push_str(&format!(", doc. {n}"));
    }
    if let Some(p) = pinpoint.map(str::trim).filter(|p| !p.is_empty()) {
        out.push_str(&format!(", para. {p}"));
    }
    out.push('.');
    out.push(' ');
    out.push_str(url);
    Some(out)
}

/// A section as plain text for copying: its label before the first paragraph, paragraphs
/// separated by blank lines, subsections indented four spaces per level. `body` gives the
/// paragraphs before the first numbered section. `None` when there is no such section (or the
/// body is empty).
pub fn section_text(doc: &Document, section_id: &str) -> Option<String> {
    if section_id == BODY_ID {
        return (!doc.body.is_empty()).then(|| doc.body.join("\n\n"));
    }
    let section = doc.section(section_id)?;
    let mut blocks = Vec::new();
    push_section(&mut blocks, section, 0);
    Some(blocks.join("\n\n"))
}

fn push_section(blocks: &mut Vec<String>, section: &Section, depth: usize) {
    let indent = "    ".repeat(depth);
    let mut paragraphs = section.paragraphs.iter();
    match paragraphs.next() {
        Some(first) => blocks.push(format!("{indent}{} {first}", section.label)),
        None => blocks.push(format!("{indent}{}", section.label)),
    }
    blocks.extend(paragraphs.map(|p| format!("{indent}{p}")));
    for child in &section.children {
        push_section(blocks, child, depth + 1);
    }
}

/// The descriptive title (kind and parties) and the quoted subject, from a title of the form
/// `Cable from A to B, 'Subject'`. A title without a quoted subject is all description.
pub(crate) fn split_title(doc: &Document) -> (String, Option<String>) {
    let title = doc.title.trim();
    if title.is_empty() {
        let description = doc.kind.as_deref().unwrap_or("Document").to_string();
        let subject = doc.subject.clone().filter(|s| !s.trim().is_empty());
        return (description, subject.map(|s| s.trim().to_string()));
    }
    const QUOTES: [(&str, &str); 4] = [("'", "'"), ("‘", "’"), ("\"", "\""), ("“", "”")];
    for (open, close) in QUOTES {
        let Some(before_close) = title.strip_suffix(close) else {
            continue;
        };
        let separator = format!(", {open}");
        if let Some(at) = before_close.find(&separator) {
            let description = before_close[..at].trim();
            let subject = before_close[at + separator.len()..].trim();
            if !description.is_empty() && !subject.is_empty() {
                return (description.to_string(), Some(subject.to_string()));
            }
        }
    }
    (title.to_string(), None)
}

/// The online collection the page comes from, only when its source note names it. (The rights
/// text of archive pages mentions the archive's programme in boilerplate that is also pasted
/// into pages from elsewhere, so it is not taken as evidence.)
pub(crate) fn container(doc: &Document) -> Option<&'static str> {
    let source = doc.source.as_deref().unwrap_or("").to_lowercase();
    if source.contains("wilson center digital archive") {
        Some("Wilson Center Digital Archive")
    } else if source.contains("history and public policy program digital archive") {
        Some("History and Public Policy Program Digital Archive")
    } else {
        None
    }
}

/// Words that make a sentence name where a document is held.
pub(crate) const HOLDING_WORDS: [&str; 9] = [
    "archive",
    "archives",
    "library",
    "collection",
    "papers",
    "records",
    "museum",
    "repository",
    "fond",
];

/// Words that open an acquisition or translation credit rather than a location.
const CREDIT_WORDS: [&str; 10] = [
    "obtained",
    "translated",
    "donated",
    "contributed",
    "provided",
    "transcribed",
    "acquired",
    "courtesy",
    "digitized",
    "scanned",
];

/// The part of a source note that says where the original is held: the sentences before the
/// first credit (`Obtained …`, `Translated …`), up to the first one that names an archive,
/// library or collection; the first sentence when none does.
pub(crate) fn holding_note(source: &str) -> Option<String> {
    let sentences = sentences(source);
    let first = *sentences.first()?;
    let names_holder =
        |s: &str| words(s).any(|w| HOLDING_WORDS.contains(&w.as_str()) || w.starts_with("archiv"));
    let is_credit = |s: &str| {
        words(s)
            .next()
            .is_some_and(|w| CREDIT_WORDS.contains(&w.as_str()))
    };
    let before_credit: Vec<&str> = sentences
        .iter()
        .copied()
        .take_while(|s| !is_credit(s))
        .collect();
    let kept: Vec<&str> = match before_credit.iter().position(|s| names_holder(s)) {
        Some(at) => before_credit[..=at].to_vec(),
        None => match sentences.iter().find(|s| names_holder(s) && !is_credit(s)) {
            Some(s) => vec![*s],
            None => vec![first],
        },
    };
    Some(kept.join(" "))
}

pub(crate) fn words(sentence: &str) -> impl Iterator<Item = String> + '_ {
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Abbreviations after which a period does not end a sentence (compared in lower case).
const ABBREVIATIONS: [&str; 22] = [
    "pp", "p", "ll", "l", "no", "nos", "vol", "vols", "ed", "eds", "fol", "fols", "ff", "f", "zl",
    "dr", "mr", "mrs", "ms", "st", "cf", "ca",
];

/// Splits a note into sentences at `. ` (or `." `) before a capital letter or digit, except
/// after an abbreviation or an initial (`pp. 4`, `Ryo C. Kato`).
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '?' | '!') {
            continue;
        }
        // Closing quotes and brackets belong to the sentence they end.
        let mut end = i + 1;
        while chars
            .get(end)
            .is_some_and(|&(_, q)| matches!(q, '"' | '”' | '’' | '\'' | ')'))
        {
            end += 1;
        }
        let Some(&(space_at, space)) = chars.get(end) else {
            continue;
        };
        let next_starts = chars
            .get(end + 1)
            .is_some_and(|&(_, n)| n.is_uppercase() || n.is_numeric() || n == '"' || n == '“');
        if !space.is_whitespace() || !next_starts || (c == '.' && is_abbreviation(&text[..at])) {
            continue;
        }
        out.push(text[start..space_at].trim());
        start = space_at;
    }
    out.push(text[start..].trim());
    out.retain(|s| !s.is_empty());
    out
}

/// Whether the word before a period is an abbreviation or a single-letter initial.
fn is_abbreviation(before: &str) -> bool {
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let lower = word.to_lowercase();
    word.chars().count() == 1 && word.chars().all(char::is_alphabetic)
        || ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_at_periods_but_not_after_abbreviations_or_initials() {
        assert_eq!(
            sentences("Fond 112, pp. 4-19. Obtained by Ryo C. Kato. Done."),
            vec!["Fond 112, pp. 4-19.", "Obtained by Ryo C. Kato.", "Done."]
        );
    }

    #[test]
    fn a_quoted_folder_name_ends_its_sentence() {
        assert_eq!(
            sentences("Records, folder \"Lübeck 1950\". Obtained by S."),
            vec!["Records, folder \"Lübeck 1950\".", "Obtained by S."]
        );
    }

    #[test]
    fn the_holding_note_drops_credits() {
        assert_eq!(
            holding_note("Party Archive, fond 288. Obtained and translated by K. Deák.").as_deref(),
            Some("Party Archive, fond 288.")
        );
    }

    #[test]
    fn a_note_that_opens_with_a_credit_keeps_the_sentence_naming_an_archive() {
        assert_eq!(
            holding_note("Obtained by Ann Smith. Held at the National Archives, RG 59.").as_deref(),
            Some("Held at the National Archives, RG 59.")
        );
    }
}
