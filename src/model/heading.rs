//! The heading rule: a section's heading is the first sentence or clause of its first
//! paragraph, cut to a width a list can show. It is part of the model because a section holds
//! its heading only when it differs from this one; the parser derives nothing else from it.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Headings are cut to this many terminal columns.
const HEADING_MAX: usize = 72;
/// Words ending with a period that do not end a sentence (two-letter ones never do).
const ABBREVIATIONS: &[&str] = &[
    "Mrs", "Prof", "Gen", "Col", "Capt", "Sgt", "Lieut", "Maj", "Adm", "Amb", "Gov", "Sen", "Rep",
    "Rev", "Hon", "Dept", "Corp", "Inc", "Ltd", "Nos", "Vol", "Art", "approx", "etc", "viz",
    "resp", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "tel", "Tel",
];

/// The first sentence or clause of a paragraph, cut at a word boundary when long.
pub fn heading_of(text: &str) -> String {
    heading_in(text).into_owned()
}

/// [`heading_of`], borrowed from the paragraph unless it had to be cut.
///
/// Sections do not hold their heading (see [`Section::heading()`]), so this runs whenever one is
/// shown or filtered: it reads the paragraph only as far as the heading can reach, the first
/// [`HEADING_MAX`] columns and the word that crosses them, not the whole first sentence.
pub fn heading_in(text: &str) -> Cow<'_, str> {
    let fits = fitting_len(text);
    if fits == text.len() {
        return Cow::Borrowed(first_sentence(text));
    }
    // A sentence that fits ends before the first space past the columns (only `;` it drops can
    // lie in between); one that does not fit is cut where the columns end, wherever it ends.
    let look = text[fits..]
        .find(' ')
        .map_or(text.len(), |at| fits + at + 1);
    if let Some(sentence) = sentence_end(&text[..look]).filter(|s| s.len() <= fits) {
        return Cow::Borrowed(sentence);
    }
    let cut = &text[..fits];
    let clause_end = cut
        .rfind([',', ';', ':', '–', '—', '，', '、'])
        .filter(|&at| cut[..at].width() >= 24);
    let word_end = cut.rfind(' ').filter(|&at| at > 0).unwrap_or(cut.len());
    let end = clause_end.unwrap_or(word_end);
    Cow::Owned(format!("{}…", cut[..end].trim_end()))
}

/// The length of the longest start of `text` within [`HEADING_MAX`] columns.
fn fitting_len(text: &str) -> usize {
    let mut len = 0;
    let mut columns = 0;
    for (at, ch) in text.char_indices() {
        columns += ch.width().unwrap_or(0);
        if columns > HEADING_MAX {
            break;
        }
        len = at + ch.len_utf8();
    }
    len
}

fn first_sentence(text: &str) -> &str {
    sentence_end(text).unwrap_or(text)
}

/// The first sentence of `text`, if it ends within `text`.
fn sentence_end(text: &str) -> Option<&str> {
    let mut word_start = 0;
    for (at, ch) in text.char_indices() {
        if ch == '。' {
            return Some(&text[..at + ch.len_utf8()]);
        }
        if ch != ' ' {
            continue;
        }
        let word = &text[word_start..at];
        word_start = at + 1;
        let Some(stem) = word.strip_suffix(['.', '?', '!', ';']) else {
            continue;
        };
        // `Mr.`, `U.S.`, `No.` are abbreviations, not the end of a sentence.
        if stem.chars().count() > 2 && !stem.contains('.') && !ABBREVIATIONS.contains(&stem) {
            return Some(text[..at].trim_end_matches(';'));
        }
    }
    None
}

/// The sentences of a paragraph as byte ranges, leading and trailing spaces left out, by the
/// rule that ends a heading's first sentence: `Mr.`, `U.S.`, initials and the abbreviations
/// above do not end one; `;` does not either (a clause is not a sentence to quote).
pub fn sentence_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut word_start = 0;
    let push = |from: usize, to: usize, out: &mut Vec<std::ops::Range<usize>>| {
        let piece = &text[from..to];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            out.push(from + lead..from + lead + trimmed.len());
        }
    };
    let ends = text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')));
    for (at, ch) in ends {
        if ch == '。' {
            let end = at + ch.len_utf8();
            push(start, end, &mut out);
            start = end;
            word_start = end;
            continue;
        }
        if ch != ' ' {
            continue;
        }
        let word = &text[word_start..at];
        word_start = at + 1;
        let word = word.trim_end_matches(['"', '\'', '”', '’', ')', ']']);
        let Some(stem) = word.strip_suffix(['.', '?', '!']) else {
            continue;
        };
        if stem.chars().count() > 2 && !stem.contains('.') && !ABBREVIATIONS.contains(&stem) {
            push(start, at, &mut out);
            start = at;
        }
    }
    if start < text.len() {
        push(start, text.len(), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_where_headings_do_but_not_at_a_semicolon() {
        let text =
            "Mr. Smith met the U.S. envoy; they spoke. Gen. Lee agreed! Was it \"settled.\" Yes";
        let found: Vec<&str> = sentence_spans(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            found,
            [
                "Mr. Smith met the U.S. envoy; they spoke.",
                "Gen. Lee agreed!",
                "Was it \"settled.\"",
                "Yes"
            ]
        );
        assert!(sentence_spans("  ").is_empty());
        assert_eq!(sentence_spans("鸭绿江。渔业").len(), 2);
    }

    /// The heading as first computed: the whole first sentence found and measured, then cut.
    fn heading_reference(text: &str) -> String {
        let sentence = first_sentence(text);
        if sentence.width() <= HEADING_MAX {
            return sentence.to_string();
        }
        let cut = &sentence[..fitting_len(sentence)];
        let clause_end = cut
            .rfind([',', ';', ':', '–', '—', '，', '、'])
            .filter(|&at| cut[..at].width() >= 24);
        let word_end = cut.rfind(' ').filter(|&at| at > 0).unwrap_or(cut.len());
        let end = clause_end.unwrap_or(word_end);
        format!("{}…", cut[..end].trim_end())
    }

    #[test]
    fn a_heading_read_only_as_far_as_it_reaches_is_the_whole_sentence_cut() {
        const PIECES: &[&str] = &[
            " ",
            " ",
            " ",
            "word",
            "a",
            "longerword",
            "end.",
            "Mr.",
            "U.S.",
            "No.",
            "etc.",
            ";",
            ";;",
            "?",
            "!",
            ",",
            "—",
            "。",
            "鸭绿江",
            "é",
            "e\u{301}",
            "\u{200b}",
            "、",
        ];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 32) as usize
        };
        for _ in 0..50_000 {
            let pieces = next() % 70;
            let text: String = (0..pieces).map(|_| PIECES[next() % PIECES.len()]).collect();
            assert_eq!(heading_in(&text), heading_reference(&text), "{text:?}");
        }
    }

    #[test]
    fn headings_are_the_first_sentence_or_clause() {
        assert_eq!(heading_of("Regarding trade. The rest."), "Regarding trade.");
        assert_eq!(
            heading_of(
                "Regarding Japan-Soviet Relations, Cabinet Minister Abe conveyed that bilateral relations continue to be difficult."
            ),
            "Regarding Japan-Soviet Relations…"
        );
        assert_eq!(
            heading_of("Mr. Smith left early. Then."),
            "Mr. Smith left early."
        );
        assert_eq!(
            heading_of("The U.S. side agreed. Then."),
            "The U.S. side agreed."
        );
        assert_eq!(
            heading_of("Prof. Ahlberg spoke. Then."),
            "Prof. Ahlberg spoke."
        );
        let cjk = heading_of(&"鸭绿江口渔业季节问题".repeat(10));
        assert!(cjk.width() <= HEADING_MAX + 1, "{cjk}");
    }
}
