//! Header fields (`Label: value`, `Number R037701`, `To: … From: …`) and telegram reference
//! lines (`Number 1342 Top Secret Top Urgent Q36A`) with their classification and precedence.
//!
//! Known labels are always fields; an unknown `Name: text` is a field only when it looks like
//! one (a short title-case label and a short value that is not a sentence), because in a
//! memorandum of conversation `Zhou Enlai: …` and `KHRUSHCHEV: …` are speaker turns.

use crate::model::Field;

/// Labels that are header fields wherever they appear before the body.
const KNOWN_LABELS: &[&str] = &[
    "Number",
    "No",
    "Nr",
    "Primary",
    "Secondary",
    "Sent",
    "Received",
    "To",
    "From",
    "Copy",
    "Copies",
    "Cc",
    "Subject",
    "Re",
    "Ref",
    "Reference",
    "References",
    "Classification",
    "Language",
    "Languages",
    "Date",
    "Dates",
    "Place",
    "Location",
    "Participants",
    "Present",
    "Time",
    "Date and Time",
    "Date and Place",
    "Grade",
    "Foreign guests",
    "Interpreter",
    "Interpreters",
    "Recorder",
    "Note taker",
    "Author",
    "Drafted",
    "Drafted by",
    "Approved",
    "Cleared",
    "Distribution",
    "File",
    "Origin",
    "Via",
    "Attachment",
    "Enclosure",
    "Enclosures",
    "Source",
    "Archive",
    "Precedence",
    "Priority",
    "Recipient",
    "Addressee",
    "Translator",
    "Translated by",
    "Attendees",
    "In attendance",
    "Memorandum for",
    "Info",
    "Action",
    "Signed",
    "Kind",
    "Type",
    "Кому",
    "От",
    "Дата",
    "Место",
    "Тема",
    "Участники",
    "Копия",
];

/// Labels that, inside a field's value, start a second field on the same line.
const INLINE_LABELS: &[&str] = &[
    "From",
    "To",
    "Copy",
    "Cc",
    "Subject",
    "Ref",
    "Date",
    "Time",
    "Place",
    "Classification",
    "Received",
    "Sent",
    "Info",
    "Кому",
    "От",
];

/// Classification words, longest first so that `Top Secret` wins over `Secret`.
const CLASSIFICATIONS: &[&str] = &[
    "Strictly Confidential",
    "Top Secret",
    "Eyes Only",
    "Confidential",
    "Restricted",
    "Unclassified",
    "Secret",
    "Совершенно секретно",
    "Секретно",
    "绝密",
    "機密",
    "極秘",
    "秘密",
];

/// Precedence words, longest first.
const PRECEDENCES: &[&str] = &[
    "Operational Immediate",
    "Top Urgent",
    "Most Immediate",
    "Immediate",
    "Urgent",
    "Flash",
    "Priority",
    "Routine",
    "Молния",
    "Срочно",
    "特急",
    "至急",
];

/// Reads one line of the header as fields, or `None` when it is not a field line.
pub fn parse_fields(line: &str) -> Option<Vec<Field>> {
    if let Some(field) = colonless_field(line) {
        return Some(vec![field]);
    }
    let colon = line.find(':')?;
    let label = line[..colon].trim();
    let value = line[colon + 1..].trim();
    let known = is_known_label(label);
    if !(known || (plausible_label(label) && plausible_value(value))) {
        return None;
    }
    if !known && value.is_empty() {
        return None;
    }
    Some(split_inline(label, value))
}

/// Whether a label is one of the header labels that are fields wherever they appear.
pub fn is_known_label(label: &str) -> bool {
    let label = label.trim_end_matches('.');
    if label.is_ascii() {
        return KNOWN_LABELS.iter().any(|k| k.eq_ignore_ascii_case(label));
    }
    // Cyrillic labels: lower-cased once, not once per known label.
    let lower = label.to_lowercase();
    KNOWN_LABELS.iter().any(|k| k.to_lowercase() == lower)
}

/// `Number R037701`: a known label with a single-token value and no colon; `Copy Nº 3`.
fn colonless_field(line: &str) -> Option<Field> {
    let (label, value) = line.split_once(' ')?;
    let value = value.trim();
    if label == "Copy" && copy_number(value) {
        return Some(Field::new("Copy", value));
    }
    let colonless = ["Number", "No.", "Nr.", "Record", "Ref."];
    if colonless.contains(&label)
        && !value.is_empty()
        && !value.contains(' ')
        && !value.contains(':')
    {
        return Some(Field::new(label.trim_end_matches('.'), value));
    }
    None
}

/// `Nº 3`, `No. 3`, `№ 3`, `#3`.
fn copy_number(value: &str) -> bool {
    let digits = value
        .strip_prefix("Nº")
        .or_else(|| value.strip_prefix("№"))
        .or_else(|| value.strip_prefix("No."))
        .or_else(|| value.strip_prefix('#'))
        .map(str::trim_start);
    digits.is_some_and(|d| !d.is_empty() && d.len() <= 4 && d.bytes().all(|b| b.is_ascii_digit()))
}

/// A title-case label of at most four words (`Secondary`, `Document Type`), not a shouted name.
fn plausible_label(label: &str) -> bool {
    let words: Vec<&str> = label.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 || label.chars().count() > 32 {
        return false;
    }
    let first = label.chars().next().unwrap_or(' ');
    let has_lower = label.chars().any(|c| c.is_lowercase());
    first.is_uppercase()
        && has_lower
        && label
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
}

/// A field value is short and not a sentence (a speaker's words end with punctuation).
fn plausible_value(value: &str) -> bool {
    value.chars().count() <= 80 && !value.ends_with(['.', '!', '?', '…', '"', '”'])
}

/// Splits `The Foreign Minister From: Ambassador Katori` at the second label.
fn split_inline(label: &str, value: &str) -> Vec<Field> {
    let mut fields = Vec::new();
    let mut name = label.to_string();
    let mut rest = value;
    loop {
        match next_inline_label(rest) {
            Some((start, label_end, next_name)) => {
                fields.push(Field::new(name, rest[..start].trim()));
                name = next_name.to_string();
                rest = rest[label_end..].trim_start();
            }
            None => {
                fields.push(Field::new(name, rest.trim()));
                return fields;
            }
        }
    }
}

/// Finds ` Label:` inside a value: (start of the space, end of the colon, label).
fn next_inline_label(value: &str) -> Option<(usize, usize, &str)> {
    value
        .match_indices(' ')
        .filter_map(|(space, _)| {
            let after = &value[space + 1..];
            INLINE_LABELS.iter().find_map(|label| {
                let tail = after.strip_prefix(label)?;
                tail.starts_with(':')
                    .then(|| (space, space + 1 + label.len() + 1, &after[..label.len()]))
            })
        })
        .next()
}

/// Whether a line is a telegram reference: message number, classification, precedence, wires.
pub fn is_reference(line: &str) -> bool {
    if line.chars().count() > 120 || line.ends_with('.') {
        return false;
    }
    if classification_in(line).is_some() || precedence_in(line).is_some() {
        return true;
    }
    let mut words = line.split_whitespace();
    let first = words.next().unwrap_or("");
    let second = words.next().unwrap_or("");
    let starters = [
        "Number", "No.", "Nr.", "Wire", "Ref.", "Telegram", "Cable", "Cipher", "Tel.", "№",
    ];
    starters.contains(&first) && second.chars().any(|c| c.is_ascii_digit())
}

/// The classification named in a line, as a whole-word phrase.
pub fn classification_in(line: &str) -> Option<&'static str> {
    find_phrase(line, CLASSIFICATIONS)
}

/// The precedence named in a line, as a whole-word phrase.
pub fn precedence_in(line: &str) -> Option<&'static str> {
    find_phrase(line, PRECEDENCES)
}

fn find_phrase(line: &str, phrases: &[&'static str]) -> Option<&'static str> {
    let lower = line.to_lowercase();
    phrases.iter().copied().find(|phrase| {
        let wanted = phrase.to_lowercase();
        lower.match_indices(&wanted).any(|(at, _)| {
            let before = lower[..at].chars().next_back();
            let after = lower[at + wanted.len()..].chars().next();
            let cjk = phrase.chars().any(|c| c as u32 > 0x2e80);
            cjk || (!before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_values(line: &str) -> Vec<(String, String)> {
        parse_fields(line)
            .unwrap_or_default()
            .into_iter()
            .map(|f| (f.name.to_string(), f.value))
            .collect()
    }

    #[test]
    fn two_fields_share_one_line() {
        assert_eq!(
            names_values("To: The Foreign Minister From: Ambassador Katori"),
            vec![
                ("To".into(), "The Foreign Minister".into()),
                ("From".into(), "Ambassador Katori".into())
            ]
        );
    }

    #[test]
    fn colon_less_number_and_colons_inside_values() {
        assert_eq!(
            names_values("Number R037701"),
            vec![("Number".into(), "R037701".into())]
        );
        assert_eq!(
            names_values("Sent: China 01:10 Year Month 25"),
            vec![("Sent".into(), "China 01:10 Year Month 25".into())]
        );
    }

    #[test]
    fn speaker_turns_are_not_fields() {
        assert!(parse_fields("Zhou Enlai: We welcome the delegation to Beijing.").is_none());
        assert!(parse_fields("KHRUSHCHEV: Good").is_none());
        assert!(parse_fields("Number 1342 Top Secret Top Urgent Q36A").is_none());
    }

    #[test]
    fn unknown_short_labels_are_fields() {
        assert_eq!(
            names_values("Document Type: Cable"),
            vec![("Document Type".into(), "Cable".into())]
        );
    }

    #[test]
    fn references_carry_classification_and_precedence() {
        let line = "Number 1342 Top Secret Top Urgent Q36A";
        assert!(is_reference(line));
        assert_eq!(classification_in(line), Some("Top Secret"));
        assert_eq!(precedence_in(line), Some("Top Urgent"));
        assert!(is_reference("Wire 1339 Separate Wire 3"));
        assert!(!is_reference("The secretary left."));
        assert_eq!(classification_in("Secretariat meeting"), None);
    }
}
