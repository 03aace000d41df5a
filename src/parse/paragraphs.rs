//! From normalized lines to logical paragraphs.
//!
//! Paragraphs are separated by blank lines. Inside a run of non-blank lines, a line that starts
//! a numbering label, a header field or a speaker turn starts a new paragraph (pages saved on
//! other systems lose blank lines); other lines continue the paragraph when the previous line
//! is long enough to have been hard-wrapped, and stay separate when short (signature blocks,
//! header lines).

use super::header::parse_fields;
use super::label::parse_label;

/// A line shorter than this is not treated as hard-wrapped.
const WRAPPED_MIN_WIDTH: usize = 50;

/// One logical paragraph of the page and the line it starts on (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    pub text: String,
    pub line: usize,
}

/// Splits a normalized page into logical paragraphs.
pub fn split_paragraphs(page: &str) -> Vec<Para> {
    let mut paras: Vec<Para> = Vec::new();
    let mut open = false;
    let mut last_width = 0;
    for (index, raw) in page.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            open = false;
            continue;
        }
        let width = line.chars().count();
        let continues = open && last_width >= WRAPPED_MIN_WIDTH && !starts_paragraph(line);
        let squashed = super::clean::squash_spaces(line);
        match paras.last_mut() {
            Some(para) if continues => {
                para.text.push(' ');
                para.text.push_str(&squashed);
            }
            _ => paras.push(Para {
                text: squashed,
                line: index + 1,
            }),
        }
        open = true;
        last_width = width;
    }
    paras
}

fn starts_paragraph(line: &str) -> bool {
    parse_label(line).is_some() || parse_fields(line).is_some() || is_speaker_turn(line)
}

/// `Zhou Enlai: …`, `KHRUSHCHEV: …`, `Mr. Rusk: …`: a short name before a colon.
pub fn is_speaker_turn(line: &str) -> bool {
    speaker(line).is_some()
}

/// The speaker's name of a speaker turn, trimmed.
pub fn speaker(line: &str) -> Option<&str> {
    let (name, said) = line.split_once(':')?;
    let words = name.split_whitespace().count();
    let starts_upper = name
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c as u32 > 0x2e80);
    let is_turn = (1..=4).contains(&words)
        && name.chars().count() <= 40
        && starts_upper
        && name
            .chars()
            .all(|c| c.is_alphabetic() || " .-'’[]".contains(c))
        && !said.trim().is_empty();
    is_turn.then(|| name.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(page: &str) -> Vec<String> {
        split_paragraphs(page).into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        let page = "1. The delegation arrived in the morning and was received by\nthe Deputy Minister at the airport.\n\n2. Next.";
        assert_eq!(
            texts(page),
            vec![
                "1. The delegation arrived in the morning and was received by the Deputy Minister at the airport.",
                "2. Next."
            ]
        );
    }

    #[test]
    fn a_label_starts_a_paragraph_without_a_blank_line() {
        let page = "1. The delegation arrived in the morning and was received by the minister.\n2. The talks began at noon.";
        assert_eq!(texts(page).len(), 2);
    }

    #[test]
    fn short_lines_stay_separate() {
        assert_eq!(
            texts("Sincerely yours,\nJohn Smith\nAmbassador"),
            vec!["Sincerely yours,", "John Smith", "Ambassador"]
        );
    }

    #[test]
    fn speaker_turns_are_recognised() {
        assert!(is_speaker_turn("Zhou Enlai: We welcome you."));
        assert!(is_speaker_turn("KHRUSHCHEV: Good."));
        assert!(!is_speaker_turn(
            "In his reply the minister said the following: nothing."
        ));
    }

    #[test]
    fn speakers_are_named() {
        assert_eq!(speaker("Zhou Enlai: We welcome you."), Some("Zhou Enlai"));
        assert_eq!(speaker("Not a turn"), None);
    }

    #[test]
    fn paragraphs_remember_their_line() {
        let paras = split_paragraphs("a\n\n\nb");
        assert_eq!(paras[1].line, 4);
    }
}
