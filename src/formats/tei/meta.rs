//! A document's date, kind and classification, read from attributes and wording.
//!
//! Dates: the ISO value is the date part of the attributes exactly as written (`when`, else
//! `from`, else the common part of `notBefore`/`notAfter`), so `1972-12-16T00:47:00Z` is the
//! 16th whatever the zone, and `notBefore="1956-03-01" notAfter="1956-03-31"` is `1956-03`.
//! Without attributes the printed text is read as an archive page's date would be.

use roxmltree::Node;

/// `1956`, `1956-03` or `1956-03-14` from the attributes of a `date`, at their precision.
pub(crate) fn iso_of_date(date: Node) -> Option<String> {
    for name in ["when", "from"] {
        if let Some(iso) = date.attribute(name).and_then(date_part) {
            return Some(iso);
        }
    }
    let from = date.attribute("notBefore").and_then(date_part);
    let to = date.attribute("notAfter").and_then(date_part);
    match (from, to) {
        (Some(a), Some(b)) => common_precision(&a, &b),
        (Some(a), None) | (None, Some(a)) => Some(a),
        (None, None) => None,
    }
}

/// The date part of an ISO date or date-time (`1969-08-08T16:55:00-04:00` → `1969-08-08`),
/// when it is one.
pub(crate) fn date_part(value: &str) -> Option<String> {
    let date = value.trim().split('T').next()?;
    let parts: Vec<&str> = date.split('-').collect();
    let valid = match parts.as_slice() {
        [y] => y.len() == 4,
        [y, m] => y.len() == 4 && m.len() == 2,
        [y, m, d] => y.len() == 4 && m.len() == 2 && d.len() == 2,
        _ => false,
    } && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    valid.then(|| date.to_string())
}

/// The most precise date both ends share: the day, the month, the year, or none.
pub(crate) fn common_precision(a: &str, b: &str) -> Option<String> {
    for len in [10, 7, 4] {
        if a.len() >= len && b.len() >= len && a[..len] == b[..len] {
            return Some(a[..len].to_string());
        }
    }
    None
}

/// Kinds by the wording of the head, and the kind each names.
const KINDS: &[(&str, &str)] = &[
    ("Editorial Note", "Editorial Note"),
    ("Memorandum of Conversation", "Memorandum of Conversation"),
    ("Memorandum of a Conversation", "Memorandum of Conversation"),
    ("Memorandum for the Record", "Memorandum for the Record"),
    ("Telephone Conversation", "Telephone Conversation"),
    ("Intelligence Estimate", "Intelligence Estimate"),
    ("Study Memorandum", "Study Memorandum"),
    ("Decision Memorandum", "Decision Memorandum"),
    ("Memorandum", "Memorandum"),
    ("Telegram", "Telegram"),
    ("Airgram", "Airgram"),
    ("Despatch", "Despatch"),
    ("Dispatch", "Despatch"),
    ("Letter", "Letter"),
    ("Minutes", "Minutes"),
    ("Summary of Conclusions", "Summary of Conclusions"),
    ("Progress Report", "Report"),
    ("Report", "Report"),
    ("Paper", "Paper"),
    ("Message", "Message"),
    ("Instruction", "Instruction"),
    ("Note", "Note"),
];

/// The kind the head names (the wording that comes first; of two at one place, the longer),
/// else the kind an opener's bracketed label gives (`[Telegram.]`).
pub(crate) fn kind_of(title: &str, opener_label: Option<&str>) -> Option<&'static str> {
    let in_text = |text: &str| {
        KINDS
            .iter()
            .filter_map(|(words, kind)| Some((word_at(text, words)?, words.len(), *kind)))
            .min_by_key(|(at, len, _)| (*at, usize::MAX - len))
            .map(|(_, _, kind)| kind)
    };
    in_text(title).or_else(|| opener_label.and_then(in_text))
}

/// Where `words` stand in `text` as whole words.
fn word_at(text: &str, words: &str) -> Option<usize> {
    text.match_indices(words).map(|(at, _)| at).find(|&at| {
        let before = text[..at].chars().next_back();
        let after = text[at + words.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Markings that open the classification sentence of a source note.
const MARKINGS: &[&str] = &[
    "No classification marking",
    "Top Secret",
    "Secret",
    "Confidential",
    "Limited Official Use",
    "Official Use Only",
    "Restricted",
    "Strictly Confidential",
    "Unclassified",
];

/// The classification sentence of a source note (`Secret; Exdis`), without its period.
pub(crate) fn classification_of(source_note: &str) -> Option<String> {
    sentences(source_note).into_iter().find_map(|sentence| {
        MARKINGS.iter().find_map(|marking| {
            let rest = sentence.strip_prefix(marking)?;
            if rest.chars().next().is_some_and(char::is_alphanumeric) {
                return None;
            }
            Some(sentence.trim_end_matches('.').trim().to_string())
        })
    })
}

/// Sentences split after `. ` (and `; ` kept inside): enough for source notes, whose
/// classification stands as a sentence of its own.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices(". ") {
        out.push(text[start..=at].trim());
        start = at + 2;
    }
    out.push(text[start..].trim());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(attrs: &str) -> Option<String> {
        let xml = format!("<date {attrs}>x</date>");
        let doc = roxmltree::Document::parse(&xml).expect("xml");
        iso_of_date(doc.root_element())
    }

    #[test]
    fn dates_at_the_precision_the_attributes_give_without_zone_shift() {
        assert_eq!(
            date(r#"when="1956-03-14T19:32:00""#).as_deref(),
            Some("1956-03-14")
        );
        assert_eq!(
            date(r#"when="1972-12-16T00:47:00Z""#).as_deref(),
            Some("1972-12-16")
        );
        assert_eq!(
            date(r#"from="1969-08-08T16:55:00-04:00" to="1969-08-08T18:36:00-04:00""#).as_deref(),
            Some("1969-08-08")
        );
        assert_eq!(
            date(r#"notBefore="1956-03-01" notAfter="1956-03-31" ana="x""#).as_deref(),
            Some("1956-03")
        );
        assert_eq!(
            date(r#"notBefore="1956-01-01" notAfter="1956-12-31""#).as_deref(),
            Some("1956")
        );
        assert_eq!(
            date(r#"notBefore="1955-12-01" notAfter="1956-01-31""#),
            None
        );
        assert_eq!(date(r#"when="1894""#).as_deref(), Some("1894"));
        assert_eq!(date(r#"when="soon""#), None);
    }

    #[test]
    fn kind_from_the_head_wording() {
        assert_eq!(
            kind_of(
                "114. Memorandum of a Conversation, Karachi, March 9, 1956",
                None
            ),
            Some("Memorandum of Conversation")
        );
        assert_eq!(
            kind_of(
                "5. Telegram From the Embassy in Korea to the Department of State",
                None
            ),
            Some("Telegram")
        );
        assert_eq!(
            kind_of(
                "6. Memorandum From the President’s Assistant to President Nixon",
                None
            ),
            Some("Memorandum")
        );
        assert_eq!(kind_of("7. Editorial Note", None), Some("Editorial Note"));
        assert_eq!(
            kind_of("No. 3. Mr. Seat to Mr. Gresham.", Some("[Telegram.]")),
            Some("Telegram")
        );
        assert_eq!(kind_of("No. 3. Mr. Seat to Mr. Gresham.", None), None);
        assert_eq!(kind_of("Notes on Noteworthy things", None), None);
    }

    #[test]
    fn classification_sentence_of_the_source_note() {
        let note = "Source: Department of State, Central Files, 689.90D/3–956. Secret; Exdis. Drafted by Smith.";
        assert_eq!(classification_of(note).as_deref(), Some("Secret; Exdis"));
        let none =
            "Source: Eisenhower Library, Whitman File. No classification marking. Prepared by X.";
        assert_eq!(
            classification_of(none).as_deref(),
            Some("No classification marking")
        );
        assert_eq!(
            classification_of("Source: Files. Secretary Dulles saw it. Top Secret; Sensitive.")
                .as_deref(),
            Some("Top Secret; Sensitive")
        );
        assert_eq!(classification_of("Source: Files, box 3."), None);
    }
}
