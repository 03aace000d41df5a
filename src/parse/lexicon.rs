//! The line classifiers that several parts of the page grammar share: the paragraph splitter,
//! the front (header) reader and the trailer all ask "is this line a speaker turn, the support
//! credit, the provenance heading, rights text, a catalogue heading?". They live here, below
//! those readers, so that no reader imports another to ask (the splitter once imported the
//! trailer and the trailer the splitter).

/// The support credit under the title.
pub const SUPPORT_PREFIX: &str = "This document was made possible with support from";

/// The heading that opens the provenance part of a page. It is page structure, not text of the
/// document, and is dropped like chrome.
pub const DOCUMENT_INFORMATION: &str = "Document Information";

/// Catalogue headings of newer pages, between the summary and "Document Information": page
/// furniture whose lists (names, places) often did not survive the saving of the page.
const CATALOGUE_HEADINGS: &[&str] = &[
    "Author(s)",
    "Authors",
    "Associated People & Organizations",
    "Associated People and Organizations",
    "Associated Places",
    "Associated Topics",
    "Subjects Discussed",
    "Related Documents",
];

/// Sub-headings that split the provenance part of newer pages.
const TRAILER_SUBHEADINGS: &[&str] = &["Source", "Rights"];

/// Whether a paragraph is the support credit.
pub fn is_support(text: &str) -> bool {
    text.starts_with(SUPPORT_PREFIX)
}

/// Whether a paragraph is the "Document Information" heading.
pub fn is_document_information(text: &str) -> bool {
    text.trim().eq_ignore_ascii_case(DOCUMENT_INFORMATION)
}

/// The catalogue heading a paragraph is (`Associated Places`, `Author(s):`), as listed.
pub fn catalogue_heading(text: &str) -> Option<&'static str> {
    let text = text.trim().trim_end_matches(':').trim_end();
    CATALOGUE_HEADINGS
        .iter()
        .copied()
        .find(|h| h.eq_ignore_ascii_case(text))
}

/// `Source` or `Rights` alone on its line, under "Document Information".
pub fn trailer_subheading(text: &str) -> Option<&'static str> {
    let text = text.trim();
    TRAILER_SUBHEADINGS
        .iter()
        .copied()
        .find(|h| h.eq_ignore_ascii_case(text))
}

/// The archive's rights boilerplate.
pub fn is_rights(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains("welcomes reuse")
        || lower.contains("rights status")
        || lower.contains("rights holder")
        || (lower.contains("copyright") && lower.contains("permission"))
}

/// Whether a line ends a sentence or clause: not on a word, a comma or a hyphen.
pub fn ends_sentence(line: &str) -> bool {
    line.chars()
        .next_back()
        .is_some_and(|c| !(c.is_alphanumeric() || matches!(c, ',' | '-')))
}

/// `Zhou Enlai: …`, `KHRUSHCHEV: …`, `Mr. Rusk: …`, `Premier Wang Ming (hereafter Wang): …`:
/// a short name before a colon, then the words spoken.
pub fn is_speaker_turn(line: &str) -> bool {
    speaker(line).is_some()
}

/// The speaker's name of a speaker turn, trimmed; a `(hereafter Wang)` note is part of it.
pub fn speaker(line: &str) -> Option<&str> {
    let (name, said) = line.split_once(':')?;
    (is_speaker_name(name) && !said.trim().is_empty()).then(|| name.trim())
}

/// `TODOR ZHIVKOV:` alone on its line: a speaker in capitals whose speech is the next paragraph.
pub fn is_speaker_heading(line: &str) -> bool {
    line.strip_suffix(':').is_some_and(|name| {
        is_speaker_name(name)
            && name.chars().any(char::is_alphabetic)
            && !name.chars().any(char::is_lowercase)
    })
}

fn is_speaker_name(name: &str) -> bool {
    // `Premier Wang Ming (hereafter Wang)`: the name is what comes before the note.
    let name = match name.find(" (hereafter ") {
        Some(at) if name.ends_with(')') => &name[..at],
        _ => name,
    };
    let words = name.split_whitespace().count();
    let starts_upper = name
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c as u32 > 0x2e80);
    (1..=4).contains(&words)
        && name.chars().count() <= 40
        && starts_upper
        && name
            .chars()
            .all(|c| c.is_alphabetic() || " .-'’[]".contains(c))
}

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

/// The kind a title names first, as whole words: `Cable from …, 'Minutes of …'` is a cable.
/// At the same place the longest kind wins (`Memorandum of Conversation`, not `Memorandum`).
pub fn kind_of(title: &str) -> Option<&'static str> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_turns_take_every_shape_of_the_notes() {
        assert_eq!(speaker("Zhou Enlai: We welcome you."), Some("Zhou Enlai"));
        assert_eq!(speaker("KHRUSHCHEV: Good."), Some("KHRUSHCHEV"));
        assert_eq!(
            speaker("Premier Wang Ming (hereafter Wang): We thank you."),
            Some("Premier Wang Ming (hereafter Wang)")
        );
        assert_eq!(speaker("Premier: Our first question."), Some("Premier"));
        assert!(is_speaker_heading("TODOR ZHIVKOV:"));
        assert!(!is_speaker_heading("Made in 4 copies for:"));
        assert!(!is_speaker_turn(
            "In his reply the minister said the following: nothing."
        ));
        assert_eq!(speaker("Not a turn"), None);
    }

    #[test]
    fn catalogue_and_trailer_headings_are_listed() {
        assert_eq!(catalogue_heading("Author(s):"), Some("Author(s)"));
        assert_eq!(
            catalogue_heading("Associated Places"),
            Some("Associated Places")
        );
        assert_eq!(catalogue_heading("Associated Places in Asia"), None);
        assert_eq!(trailer_subheading("Rights"), Some("Rights"));
        assert_eq!(trailer_subheading("Rights of way"), None);
    }
}
