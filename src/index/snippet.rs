//! Snippets: the sentence (or two) of a passage that best shows why it matched, at most about
//! 300 characters, with the matched words' positions.
//!
//! Words are found with the index's own tokenizer and matched with the query's own patterns,
//! so a highlight marks exactly a word that matched. The best sentence is the one with the most
//! distinct patterns, then the most matches; a following sentence is added while it fits, and
//! an over-long sentence is cut around its first match.

use serde::Serialize;

use super::query::{Pattern, Stems, WordQuery, word_matches};
use super::tokens::{Mode, words};

/// The longest snippet, in characters.
pub const SNIPPET_CHARS: usize = 300;

/// A snippet and its highlights.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// Plain text, on one line.
    pub text: String,
    /// `[start, end)` character offsets into `text` of the matched words.
    pub highlights: Vec<[usize; 2]>,
}

/// A matched word of the passage: byte range and the pattern it matched.
struct Match {
    start: usize,
    end: usize,
    pattern: usize,
}

/// The best snippet of `text` for `query`.
pub fn snippet(text: &str, query: &WordQuery) -> Snippet {
    let patterns: Vec<&Pattern> = query.positive_patterns().collect();
    let matches = find_matches(text, &patterns);
    let sentences = sentences(text);
    let Some(best) = best_sentence(&sentences, &matches) else {
        return Snippet::default();
    };
    let (mut start, mut end) = sentences[best];
    // Add following sentences while they fit.
    for &(_, next_end) in &sentences[best + 1..] {
        if text[start..next_end].chars().count() > SNIPPET_CHARS {
            break;
        }
        end = next_end;
    }
    if text[start..end].chars().count() > SNIPPET_CHARS {
        let first = matches
            .iter()
            .find(|m| m.start >= start && m.end <= end)
            .map_or(start, |m| m.start);
        (start, end) = window(text, start, end, first);
    }
    build(text, start, end, &matches)
}

/// Every word of `text` that `query` matches, as `[start, end)` character offsets in order:
/// what the browser marks in a passage shown whole (the palette's preview).
pub fn match_spans(text: &str, query: &WordQuery) -> Vec<[usize; 2]> {
    let patterns: Vec<&Pattern> = query.positive_patterns().collect();
    let matches = find_matches(text, &patterns);
    let mut chars = 0;
    let mut at = 0;
    let mut spans = Vec::with_capacity(matches.len());
    for m in matches {
        chars += text[at..m.start].chars().count();
        let len = text[m.start..m.end].chars().count();
        spans.push([chars, chars + len]);
        chars += len;
        at = m.end;
    }
    spans
}

/// Whether `texts` together hold every clause of `query` (and none of its negated ones), by
/// the index's own word rules: a word query answered in memory, for a handful of passages
/// (one document's sections) where asking the index would cost more.
pub fn texts_match(texts: &[&str], query: &WordQuery) -> bool {
    let mut stems = Stems::new();
    let words: Vec<Vec<super::tokens::Word>> =
        texts.iter().map(|t| words(t, Mode::Folded)).collect();
    query.clauses.iter().all(|clause| {
        let found = texts.iter().zip(&words).any(|(text, words)| {
            clause
                .alternatives
                .iter()
                .any(|p| words_have(text, words, p, &mut stems))
        });
        found != clause.negated
    })
}

fn words_have(
    text: &str,
    words: &[super::tokens::Word],
    pattern: &Pattern,
    stems: &mut Stems,
) -> bool {
    (0..words.len()).any(|i| word_hit(text, words, i, pattern, stems))
}

/// Whether word `i` of `text` (its `words`) matches `pattern`: as a word, or as part of an
/// occurrence of a phrase.
fn word_hit(
    text: &str,
    words: &[super::tokens::Word],
    i: usize,
    pattern: &Pattern,
    stems: &mut Stems,
) -> bool {
    let word = &words[i];
    match pattern {
        Pattern::Phrase {
            words: phrase,
            slop,
        } => phrase_covers(words, i, phrase, *slop as usize),
        other => word_matches(other, &word.text, &text[word.start..word.end], stems),
    }
}

fn find_matches(text: &str, patterns: &[&Pattern]) -> Vec<Match> {
    let mut stems = Stems::new();
    let words = words(text, Mode::Folded);
    let mut out = Vec::new();
    for (i, word) in words.iter().enumerate() {
        for (p, pattern) in patterns.iter().enumerate() {
            if word_hit(text, &words, i, pattern, &mut stems) {
                out.push(Match {
                    start: word.start,
                    end: word.end,
                    pattern: p,
                });
                break;
            }
        }
    }
    out
}

/// Whether word `i` is part of an occurrence of the phrase: its words in order within the slop.
fn phrase_covers(words: &[super::tokens::Word], i: usize, phrase: &[String], slop: usize) -> bool {
    let Some(k) = phrase.iter().position(|p| *p == words[i].text) else {
        return false;
    };
    let span = phrase.len() + slop;
    let from = i.saturating_sub(span);
    let to = (i + span + 1).min(words.len());
    let window = &words[from..to];
    // The phrase's words in order, each after the previous, around word i.
    let mut at = 0;
    let mut found = 0;
    for w in window {
        if at < phrase.len() && w.text == phrase[at] {
            at += 1;
            found += 1;
        }
    }
    found == phrase.len() && k < phrase.len()
}

/// Byte ranges of the sentences of `text` (ending at `.`, `!`, `?`, `。` or a line break).
fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = i + c.len_utf8();
        let next_is_space = chars.peek().is_none_or(|&(_, n)| n.is_whitespace());
        let boundary = c == '\n'
            || matches!(c, '。' | '！' | '？')
            || (matches!(c, '.' | '!' | '?') && next_is_space);
        if boundary {
            push_trimmed(text, start, end, &mut out);
            start = end;
        }
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push((start + lead, end - trail));
    }
}

fn best_sentence(sentences: &[(usize, usize)], matches: &[Match]) -> Option<usize> {
    let score = |&(s, e): &(usize, usize)| {
        let inside: Vec<&Match> = matches
            .iter()
            .filter(|m| m.start >= s && m.end <= e)
            .collect();
        let mut distinct: Vec<usize> = inside.iter().map(|m| m.pattern).collect();
        distinct.sort_unstable();
        distinct.dedup();
        (distinct.len(), inside.len())
    };
    let mut best: Option<(usize, (usize, usize))> = None;
    for (i, sentence) in sentences.iter().enumerate() {
        let s = score(sentence);
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    best.map(|(i, _)| i)
}

/// A window of at most `SNIPPET_CHARS` characters of `text[start..end]` that shows the byte
/// `first`, starting a little before it, on word boundaries.
fn window(text: &str, start: usize, end: usize, first: usize) -> (usize, usize) {
    const BEFORE: usize = 60;
    let lead: Vec<usize> = text[start..first]
        .char_indices()
        .map(|(i, _)| start + i)
        .collect();
    let mut from = lead.len().checked_sub(BEFORE).map_or(start, |k| lead[k]);
    if from > start {
        // Start at the next word.
        if let Some(space) = text[from..first].find(' ') {
            from += space + 1;
        }
    }
    let mut to = text[from..end]
        .char_indices()
        .nth(SNIPPET_CHARS)
        .map_or(end, |(i, _)| from + i);
    if to < end {
        if let Some(space) = text[from..to].rfind(' ') {
            if from + space > first {
                to = from + space;
            }
        }
    }
    (from, to)
}

fn build(text: &str, start: usize, end: usize, matches: &[Match]) -> Snippet {
    let piece = &text[start..end];
    let out: String = piece
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let char_at = |byte: usize| piece[..byte - start].chars().count();
    let highlights = matches
        .iter()
        .filter(|m| m.start >= start && m.end <= end)
        .map(|m| [char_at(m.start), char_at(m.end)])
        .collect();
    Snippet {
        text: out,
        highlights,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(s: &Snippet) -> String {
        let chars: Vec<char> = s.text.chars().collect();
        let mut out = String::new();
        let mut last = 0;
        for &[a, b] in &s.highlights {
            out.extend(&chars[last..a]);
            out.push('[');
            out.extend(&chars[a..b]);
            out.push(']');
            last = b;
        }
        out.extend(&chars[last..]);
        out
    }

    #[test]
    fn picks_the_sentence_with_the_words_and_marks_them() {
        let text = "The weather was poor. Grain deliveries to Lübeck fell short. Nothing else.";
        let s = snippet(text, &WordQuery::parse("lubeck grain", false));
        assert!(
            marked(&s).starts_with("[Grain] deliveries to [Lübeck] fell short."),
            "{}",
            marked(&s)
        );
    }

    #[test]
    fn highlights_are_character_offsets_in_any_script() {
        let text = "Министр Громыко принял посла.";
        let s = snippet(text, &WordQuery::parse("gromyko", false));
        assert_eq!(s.highlights, vec![[8, 15]]);
        let chars: Vec<char> = s.text.chars().collect();
        assert_eq!(chars[8..15].iter().collect::<String>(), "Громыко");
    }

    #[test]
    fn long_sentences_are_cut_around_the_match() {
        let filler = "word ".repeat(200);
        let text = format!("{filler}the treaty was signed {filler}");
        let s = snippet(&text, &WordQuery::parse("treaty", false));
        assert!(s.text.chars().count() <= SNIPPET_CHARS);
        assert!(marked(&s).contains("[treaty]"));
    }

    #[test]
    fn stemmed_and_typo_matches_are_marked_and_others_are_not() {
        let text = "Two treaties and a traety, but no trestle.";
        let s = snippet(text, &WordQuery::parse("treaty", false));
        assert_eq!(marked(&s), "Two [treaties] and a [traety], but no trestle.");
    }
}
