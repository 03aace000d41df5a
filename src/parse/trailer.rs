//! The end of a page: summary, "Document Information" source note, rights text, the archive's
//! record labels (`Original Uploaded Date`, `Record ID`, often without values) and the funders.

use super::label::parse_label;
pub use super::lexicon::{DOCUMENT_INFORMATION, is_document_information, is_rights};
use super::lexicon::{is_speaker_turn, trailer_subheading};
use super::paragraphs::Para;

/// Record labels of the archive page that follow the rights text.
const RECORD_LABELS: &[&str] = &[
    "Original Uploaded Date",
    "Record ID",
    "Original Archive",
    "Original Language",
    "Languages",
    "Language",
    "Contents",
    "Record Type",
    "Type",
    "Author",
    "Subjects Discussed",
    "Associated People & Organizations",
    "Associated Places",
    "Associated Topics",
    "Related Documents",
    "Keywords",
    "Collection",
    "Source",
    "Rights",
    "Date",
    "Created",
];

/// What the trailer parts hold once classified.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Trailer {
    pub source: Vec<String>,
    pub rights: Vec<String>,
    pub record_fields: Vec<(String, String)>,
    pub funders: Option<String>,
    pub notes: Vec<String>,
}

fn record_label(text: &str) -> Option<(String, String)> {
    let text = text.trim();
    RECORD_LABELS.iter().find_map(|label| {
        let rest = text.strip_prefix(label)?;
        if rest.is_empty() {
            return Some((label.to_string(), String::new()));
        }
        let value = rest.strip_prefix(':')?.trim();
        Some((label.to_string(), value.to_string()))
    })
}

/// The funders footer: a short line naming foundations, the last of the page.
pub fn is_funders(text: &str) -> bool {
    let words = [
        "Foundation",
        "Fund",
        "Trust",
        "Endowment",
        "Corporation",
        "Institute",
        "Council",
    ];
    text.chars().count() <= 200 && !text.ends_with('.') && words.iter().any(|w| text.contains(w))
}

/// Whether a paragraph can be the archive's abstract when no `(end)` marks the body's close:
/// third-person prose, not a numbered paragraph, a speaker turn or a letter's closing.
pub fn looks_like_summary(text: &str) -> bool {
    let first_person = ["I", "we", "We", "our", "Our", "my", "My", "us", "me"];
    let closings = [
        "Sincerely",
        "Respectfully",
        "Yours",
        "With respect",
        "With best",
        "Regards",
    ];
    // The courtesy formula that closes a diplomatic note is the last paragraph of its body.
    let courtesy = [
        "avails itself",
        "highest consideration",
        "assurances of",
        "assurance of",
    ];
    text.chars().count() >= 40
        && parse_label(text).is_none()
        && !is_speaker_turn(text)
        && !closings.iter().any(|c| text.starts_with(c))
        && !courtesy.iter().any(|c| text.contains(c))
        && !text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| first_person.contains(&w))
}

/// Classifies the paragraphs after the "Document Information" heading (or the trailing rights
/// and labels of a page without one). Chrome has already been removed.
pub fn classify_trailer(paras: &[Para]) -> Trailer {
    let mut trailer = Trailer::default();
    let mut paras: Vec<&str> = paras.iter().map(|p| p.text.as_str()).collect();
    if paras
        .last()
        .is_some_and(|last| is_funders(last) && record_label(last).is_none())
    {
        trailer.funders = paras.pop().map(str::to_string);
    }
    let mut seen_rights_or_labels = false;
    // Under the `Rights` sub-heading every paragraph is rights text until a record label.
    let mut under_rights = false;
    let mut i = 0;
    while i < paras.len() {
        let text = paras[i];
        if let Some(heading) = trailer_subheading(text) {
            // The sub-headings of newer pages are structure, dropped like the heading above.
            under_rights = heading == "Rights";
        } else if is_rights(text) || (under_rights && record_label(text).is_none()) {
            trailer.rights.push(text.to_string());
            seen_rights_or_labels = true;
        } else if let Some((name, mut value)) = record_label(text) {
            seen_rights_or_labels = true;
            under_rights = false;
            let next = paras.get(i + 1).copied();
            if value.is_empty() {
                if let Some(next) = next.filter(|n| is_record_value(n)) {
                    value = next.to_string();
                    i += 1;
                }
            }
            trailer.record_fields.push((name, value));
        } else if seen_rights_or_labels {
            trailer.notes.push(text.to_string());
        } else {
            trailer.source.push(text.to_string());
        }
        i += 1;
    }
    trailer
}

fn is_record_value(text: &str) -> bool {
    text.chars().count() <= 120 && record_label(text).is_none() && !is_rights(text)
}

/// Where the trailer starts in a page that has no "Document Information" heading: the run of
/// rights text, record labels and funders at the end of the page.
pub fn trailing_start(paras: &[Para], body_start: usize) -> usize {
    let mut start = paras.len();
    while start > body_start {
        let text = &paras[start - 1].text;
        let trailing = is_rights(text)
            || record_label(text).is_some_and(|(_, v)| v.is_empty())
            || (start == paras.len() && is_funders(text));
        if !trailing {
            break;
        }
        start -= 1;
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(texts: &[&str]) -> Vec<Para> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Para {
                text: t.to_string(),
                line: i + 1,
            })
            .collect()
    }

    #[test]
    fn seed_trailer_parts_land_in_their_places() {
        let t = classify_trailer(&paras(&[
            "2002-113, Act on Access to Information.",
            "The History and Public Policy Program welcomes reuse of Digital Archive materials.",
            "To enquire about this document's rights status, contact [email protected].",
            "Original Uploaded Date",
            "Record ID",
            "MacArthur Foundation and Leon Levy Foundation",
        ]));
        assert_eq!(t.source, vec!["2002-113, Act on Access to Information."]);
        assert_eq!(t.rights.len(), 2);
        assert_eq!(
            t.record_fields,
            vec![
                ("Original Uploaded Date".into(), String::new()),
                ("Record ID".into(), String::new())
            ]
        );
        assert_eq!(
            t.funders.as_deref(),
            Some("MacArthur Foundation and Leon Levy Foundation")
        );
    }

    #[test]
    fn record_labels_take_their_values() {
        let t = classify_trailer(&paras(&[
            "Record ID",
            "123456",
            "Original Language: Russian",
        ]));
        assert_eq!(
            t.record_fields,
            vec![
                ("Record ID".into(), "123456".into()),
                ("Original Language".into(), "Russian".into())
            ]
        );
    }

    #[test]
    fn source_and_rights_sub_headings_split_the_trailer() {
        let t = classify_trailer(&paras(&[
            "Source",
            "Archive of the Ministry, fond 7. Obtained for the collection.",
            "Rights",
            "Reuse is permitted for research.",
            "Type",
            "Telegram",
        ]));
        assert_eq!(
            t.source,
            vec!["Archive of the Ministry, fond 7. Obtained for the collection."]
        );
        assert_eq!(t.rights, vec!["Reuse is permitted for research."]);
        assert_eq!(t.record_fields, vec![("Type".into(), "Telegram".into())]);
        assert!(t.notes.is_empty());
    }

    #[test]
    fn summaries_are_third_person_prose() {
        assert!(looks_like_summary(
            "Foreign Ministers Wu Xueqian and Abe Shintaro exchange views on the Soviet Union."
        ));
        assert!(!looks_like_summary(
            "We hope you do not believe this and that relations will improve."
        ));
        assert!(!looks_like_summary(
            "Sincerely yours, with the deepest respect, Kim"
        ));
    }
}
