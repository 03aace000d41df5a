//! Paragraph numbers written as text at the start of a `p` (`1. …`, `A. …`, `(b) …`).
//!
//! A letter followed by a period may as well be an initial (`G. Warren Nutter said …`), so
//! letters and roman numerals open a section only as the first of their kind (`A.`, `a.`,
//! `I.`) or as the successor of the last one seen; numbers up to 99 always do (a telegram's
//! serial number, which may be small, is kept out by the caller).

/// How a label is written: labels of one style are siblings, another style nests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    Digit,
    Upper,
    Roman,
    Lower,
    ParenDigit,
    ParenLower,
    ParenRoman,
}

/// A label at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Leading {
    pub label: String,
    pub style: Style,
    /// The label's value (`1`, `b`, `iv`), to check the sequence.
    pub value: String,
}

/// The label at the start of `text` and the text after it, when there is one.
pub(crate) fn leading_label(text: &str) -> Option<(Leading, &str)> {
    let (label, rest) = text.split_once(' ')?;
    if rest.trim().is_empty() {
        return None;
    }
    let (inner, paren) = match label.strip_prefix('(') {
        Some(inner) => (inner.strip_suffix(')')?, true),
        None => (label.strip_suffix('.')?, false),
    };
    let style = style_of(inner, paren)?;
    Some((
        Leading {
            label: label.to_string(),
            style,
            value: inner.to_string(),
        },
        rest,
    ))
}

fn style_of(inner: &str, paren: bool) -> Option<Style> {
    let digits = !inner.is_empty() && inner.len() <= 2 && inner.bytes().all(|b| b.is_ascii_digit());
    let roman = |upper: bool| {
        !inner.is_empty()
            && inner.len() <= 5
            && inner.chars().all(|c| {
                let c = if upper { c } else { c.to_ascii_uppercase() };
                "IVXL".contains(c) && (!upper || c.is_ascii_uppercase())
            })
            && (upper == inner.chars().all(|c| c.is_ascii_uppercase()))
    };
    let single = |f: fn(&char) -> bool| inner.chars().count() == 1 && inner.chars().all(|c| f(&c));
    Some(match (paren, digits) {
        (false, true) => Style::Digit,
        (true, true) => Style::ParenDigit,
        (false, false) if roman(true) && inner.len() > 1 => Style::Roman,
        (false, false) if single(char::is_ascii_uppercase) => Style::Upper,
        (false, false) if single(char::is_ascii_lowercase) => Style::Lower,
        (true, false) if single(char::is_ascii_lowercase) => Style::ParenLower,
        (true, false) if roman(false) => Style::ParenRoman,
        _ => return None,
    })
}

/// Whether `next` may follow `last` (the previous label of the same style, if any).
pub(crate) fn in_sequence(next: &Leading, last: Option<&Leading>) -> bool {
    match next.style {
        Style::Digit | Style::ParenDigit => true,
        Style::Upper | Style::Lower | Style::ParenLower => {
            let first = matches!(next.value.as_str(), "A" | "a" | "I" | "i");
            let follows = last.is_some_and(|l| {
                let (Some(a), Some(b)) = (l.value.chars().next(), next.value.chars().next()) else {
                    return false;
                };
                b as u32 == a as u32 + 1
            });
            first || follows
        }
        Style::Roman | Style::ParenRoman => {
            matches!(next.value.as_str(), "I" | "i") || last.is_some()
        }
    }
}

/// The part of a section id a label gives: `1.` → `1`, `(b)` → `b`.
pub(crate) fn key(label: &str) -> String {
    let key: String = label
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    if key.is_empty() { "s".into() } else { key }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_at_the_start_of_a_paragraph() {
        let style = |t: &str| leading_label(t).map(|(l, _)| l.style);
        assert_eq!(
            style("1. Soviet Political Campaign: more"),
            Some(Style::Digit)
        );
        assert_eq!(style("13. More"), Some(Style::Digit));
        assert_eq!(style("600. Subject: aid"), None);
        assert_eq!(style("A. Visits"), Some(Style::Upper));
        assert_eq!(style("II. Background"), Some(Style::Roman));
        assert_eq!(style("(1) US Country Team."), Some(Style::ParenDigit));
        assert_eq!(style("(b) Department should"), Some(Style::ParenLower));
        assert_eq!(style("(iv) Fourth"), Some(Style::ParenRoman));
        assert_eq!(style("a. first"), Some(Style::Lower));
        assert_eq!(style("Mr. Smith"), None);
        assert_eq!(style("1."), None);
        let (label, rest) = leading_label("(a) text here").expect("label");
        assert_eq!((label.label.as_str(), rest), ("(a)", "text here"));
    }

    #[test]
    fn letters_open_sections_only_in_sequence() {
        let at = |t: &str| leading_label(t).expect("label").0;
        assert!(in_sequence(&at("A. One"), None));
        assert!(!in_sequence(&at("G. Warren Nutter said"), None));
        assert!(in_sequence(&at("B. Two"), Some(&at("A. One"))));
        assert!(!in_sequence(&at("D. Two"), Some(&at("A. One"))));
        assert!(in_sequence(&at("7. Seven"), None));
        assert_eq!(key("(b)"), "b");
        assert_eq!(key("1."), "1");
    }
}
