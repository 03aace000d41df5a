//! From normalized lines to logical paragraphs.
//!
//! Paragraphs are separated by blank lines. Inside a run of non-blank lines, a line that starts
//! a known header field, the support credit or the "Document Information" heading starts a new
//! paragraph, and so does a numbering label, another field or a speaker turn after a line that
//! ended a sentence (pages saved on other systems lose blank lines; a wrapped line may begin
//! with a name's initial, `A. Gromyko`, mid-sentence). Other lines continue the paragraph when
//! the previous line is long enough to have been hard-wrapped, and stay separate when short
//! (signature blocks, header lines).
//!
//! Only a hard-wrapped block has wrapped lines: when many of a block's lines (a run between
//! blank lines) are wider than anyone wraps text, it holds a paragraph per line, and there every
//! line is a paragraph. This is judged per block, not per page: a page whose body is wrapped at
//! 72 columns may carry its summary and rights text as long unwrapped lines.

use super::header::{is_known_label, parse_fields};
use super::label::parse_label;
use super::lexicon::{ends_sentence, is_document_information, is_support};
pub use super::lexicon::{is_speaker_turn, speaker};

/// A line shorter than this is not treated as hard-wrapped.
const WRAPPED_MIN_WIDTH: usize = 50;
/// Text is not hard-wrapped wider than this.
const WRAPPED_MAX_WIDTH: usize = 100;

/// One logical paragraph of the page and the line it starts on (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    pub text: String,
    pub line: usize,
}

/// Splits a normalized page into logical paragraphs.
pub fn split_paragraphs(page: &str) -> Vec<Para> {
    let lines: Vec<&str> = page.lines().map(str::trim).collect();
    let mut paras: Vec<Para> = Vec::new();
    let mut open = false;
    let mut wrapped = false;
    let mut last_width = 0;
    let mut last_ended = true;
    for (index, &line) in lines.iter().enumerate() {
        if line.is_empty() {
            open = false;
            continue;
        }
        if !open {
            let block_end = lines[index..]
                .iter()
                .position(|l| l.is_empty())
                .map_or(lines.len(), |n| index + n);
            wrapped = is_hard_wrapped(&lines[index..block_end]);
        }
        let width = line.chars().count();
        let continues = wrapped
            && open
            && last_width >= WRAPPED_MIN_WIDTH
            && !starts_paragraph(line, last_ended);
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
        last_ended = ends_sentence(line);
    }
    paras
}

/// Whether a block's long lines are of a width text is wrapped at: at least nine in ten of them
/// (a title or a table row may be left unwrapped).
fn is_hard_wrapped(block: &[&str]) -> bool {
    let widths = block
        .iter()
        .map(|line| line.chars().count())
        .filter(|&width| width >= WRAPPED_MIN_WIDTH);
    let (long, wide) = widths.fold((0, 0), |(long, wide), width| {
        (long + 1, wide + usize::from(width > WRAPPED_MAX_WIDTH))
    });
    wide * 10 <= long
}

/// Whether a line starts a paragraph even without a blank line before it.
fn starts_paragraph(line: &str, after_sentence_end: bool) -> bool {
    let fields = parse_fields(line);
    let known_field = fields
        .as_ref()
        .is_some_and(|f| f.first().is_some_and(|f| is_known_label(&f.name)));
    known_field
        || is_support(line)
        || is_document_information(line)
        || (after_sentence_end
            && (parse_label(line).is_some() || fields.is_some() || is_speaker_turn(line)))
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
    fn a_page_with_a_paragraph_per_line_has_no_wrapped_lines() {
        let long = "The delegation arrived in the morning and was received by the Deputy Minister at the airport, who drove with it to the guesthouse.";
        let page = format!("{long}\nThe talks began at noon.\n{long}\n{long}");
        assert_eq!(texts(&page).len(), 4);
    }

    #[test]
    fn structural_lines_start_a_paragraph() {
        let page = "The consulate reports on the strike in the shipyards and its consequences.\nDocument Information\nCable from A to the Ministry of Foreign Affairs on the strike in the yards\nThis document was made possible with support from Leon Levy Foundation";
        assert_eq!(texts(page).len(), 4);
    }

    #[test]
    fn a_wrapped_line_that_looks_like_a_label_or_turn_continues_a_sentence() {
        let page = "1. Yesterday I called on the Deputy Minister, who had just returned with\nA. Gromyko's note from Moscow and the draft of the new payments schedule.\n2. He said that the clearing account would be settled on the first working\nMonday: the Bank had received instructions to that effect on Friday.";
        assert_eq!(texts(page).len(), 2, "{:?}", texts(page));
    }

    #[test]
    fn short_lines_stay_separate() {
        assert_eq!(
            texts("Sincerely yours,\nJohn Smith\nAmbassador"),
            vec!["Sincerely yours,", "John Smith", "Ambassador"]
        );
    }

    #[test]
    fn wrapping_is_judged_per_block() {
        let long = "The consul describes the situation of the refugees in the city during the winter and asks for help.";
        let page = format!(
            "The number of refugees who have reached the city since the autumn is\nnow estimated at forty thousand.\n\n{long} {long}\n\n{long} {long}"
        );
        assert_eq!(texts(&page).len(), 3, "{:?}", texts(&page));
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
