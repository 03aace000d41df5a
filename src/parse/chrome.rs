//! Page chrome: the navigation text of the web page the document was saved from.
//!
//! These are the only rules that drop text, and only outside the body:
//! - a paragraph that is exactly one of the listed phrases ([`CHROME`]; ignoring case,
//!   surrounding space and a leading bullet, as in `• Citation`, `• share document`);
//! - a breadcrumb trail (`Home › Documents › …`);
//! - a link to another rendering of the document (`English HTML`, `Russian PDF`);
//! - the headings `Document Information`, and `Source` and `Rights` alone under it;
//! - a footnote mark glued to a FRUS-style numbered title (`112. Memorandum of
//!   Conversation2`), and the same mark and the word `Source:` opening its source footnote
//!   (`2 Source: …`), which becomes the source note.
//!
//! Catalogue headings (`Associated Places`, …) are not dropped: they are record fields.

use super::lexicon::{is_document_information, trailer_subheading};

/// Every phrase dropped as chrome.
pub const CHROME: &[&str] = &[
    "Skip to content",
    "Skip to main content",
    "Download PDF",
    "Download",
    "Share",
    "Print",
    "Citation",
    "Cite",
    "Email",
    "Back to top",
    "Menu",
    "Toggle navigation",
    "Digital Archive",
    "Search in",
    "Digital Archive International History Declassified",
    "get citation",
    "share document",
    "You are here",
    "You are here:",
];

/// Renderings a page links to.
const RENDERINGS: &[&str] = &["HTML", "PDF", "Transcript", "Translation", "Original"];

/// Whether a whole paragraph is page chrome.
pub fn is_chrome(text: &str) -> bool {
    let text = text.trim();
    let unbulleted = text.strip_prefix('•').map_or(text, str::trim_start);
    CHROME.iter().any(|c| c.eq_ignore_ascii_case(unbulleted))
        || is_breadcrumb(text)
        || is_rendering_link(text)
}

/// `Home › Historical Documents › … › Document 112`.
fn is_breadcrumb(text: &str) -> bool {
    text.starts_with("Home")
        && (text.contains(" › ") || text.contains(" » ") || text.contains(" > "))
}

/// `English HTML`, `Russian PDF`: a language and a rendering.
fn is_rendering_link(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let (Some(language), Some(rendering), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    language.chars().next().is_some_and(char::is_uppercase)
        && language.chars().all(char::is_alphabetic)
        && RENDERINGS.contains(&rendering)
}

/// What of an input line the parser keeps, in the pieces it may keep apart: none when a rule
/// above may drop the whole line; a FRUS-style title's number and its title (the number
/// becomes a field); a source footnote without its mark and `Source:`; else the line. Each piece may also
/// lose a footnote mark glued to its end ([`without_footnote_mark`]). For checks that nothing
/// else is lost: the parser applies the rules only where they hold, this is their upper bound.
pub fn kept_parts(line: &str) -> Vec<&str> {
    let line = line.trim();
    if is_chrome(line) || is_document_information(line) || trailer_subheading(line).is_some() {
        return Vec::new();
    }
    if let Some((number, rest)) = line.split_once(". ") {
        if !number.is_empty() && number.len() <= 4 && number.bytes().all(|b| b.is_ascii_digit()) {
            return vec![number, rest];
        }
    }
    let mark = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if let Some(note) = line[mark..].trim_start().strip_prefix("Source:") {
        if (1..=2).contains(&mark) {
            return vec![note.trim_start()];
        }
    }
    vec![line]
}

/// A text without the one- or two-digit footnote mark glued to its last word
/// (`Memorandum of Conversation2`), which the parser drops from a numbered title.
pub fn without_footnote_mark(text: &str) -> &str {
    let digits = text.len() - text.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let stem = &text[..text.len() - digits];
    if (1..=2).contains(&digits) && stem.ends_with(char::is_alphabetic) {
        stem
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_is_the_listed_phrases_breadcrumbs_and_links() {
        for text in [
            "Skip to content",
            "• Citation",
            "get citation",
            "• share document",
            "Search in",
            "English HTML",
            "Russian PDF",
            "Home › Historical Documents › Document 112",
            "You are here",
        ] {
            assert!(is_chrome(text), "{text}");
        }
        for text in [
            "Citation of the treaty",
            "English lessons",
            "Home Office memorandum",
            "The English HTML page",
        ] {
            assert!(!is_chrome(text), "{text}");
        }
    }

    #[test]
    fn kept_parts_remove_only_the_listed_marks() {
        assert_eq!(
            kept_parts("112. Memorandum of Conversation2"),
            ["112", "Memorandum of Conversation2"]
        );
        assert_eq!(
            without_footnote_mark("Memorandum of Conversation2"),
            "Memorandum of Conversation"
        );
        assert_eq!(without_footnote_mark("NSC 5412"), "NSC 5412");
        assert_eq!(
            kept_parts("2 Source: Department of State."),
            ["Department of State."]
        );
        assert!(kept_parts("Rights").is_empty());
        assert_eq!(
            kept_parts("Meeting of 12 May 1961"),
            ["Meeting of 12 May 1961"]
        );
    }
}
