//! Words as the index sees them: the one tokenizer shared by indexing, querying and snippets.
//!
//! A word is a run of letters and digits. Folded (the default) it is lower-cased and
//! transliterated to ASCII with `any_ascii`, so that `Lübeck`, `LUBECK` and `lubeck`, or
//! `Громыко` and `gromyko`, are one term. Chinese, Japanese and Korean have no spaces between
//! words, so each of their characters is a term of its own and a CJK word is searched as a
//! phrase of its characters. The Russian stemmer needs Cyrillic, so a second mode keeps only
//! the Cyrillic words, lower-cased but not transliterated. Every token keeps its byte offsets
//! in the original text, which is what snippets highlight.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// How words are normalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Lower case, transliterated to ASCII letters and digits; CJK one term per character.
    Folded,
    /// Cyrillic words only, lower case (for the Russian stemmer).
    Cyrillic,
}

/// A word of a text: its normalised form and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    pub text: String,
    /// Byte offsets into the original text.
    pub start: usize,
    pub end: usize,
}

/// True for the scripts written without spaces between words.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0x1100..=0x11FF    // Hangul jamo
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0x20000..=0x2FA1F) // CJK extensions B–F, compatibility supplement
}

fn is_cyrillic(c: char) -> bool {
    matches!(c as u32, 0x0400..=0x052F)
}

/// The words of `text`, normalised for `mode`.
pub(crate) fn words(text: &str, mode: Mode) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    let flush = |out: &mut Vec<Word>, from: usize, to: usize| {
        if let Some(text) = normalise(&text[from..to], mode) {
            out.push(Word {
                text,
                start: from,
                end: to,
            });
        }
    };
    for (i, c) in text.char_indices() {
        if is_cjk(c) {
            if let Some(from) = start.take() {
                flush(&mut out, from, i);
            }
            if mode == Mode::Folded {
                out.push(Word {
                    text: c.to_string(),
                    start: i,
                    end: i + c.len_utf8(),
                });
            }
        } else if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(from) = start.take() {
            flush(&mut out, from, i);
        }
    }
    if let Some(from) = start {
        flush(&mut out, from, text.len());
    }
    out
}

/// One word (a run of letters and digits) normalised, or `None` when nothing of it remains.
pub(crate) fn normalise(word: &str, mode: Mode) -> Option<String> {
    let lower = word.to_lowercase();
    let text = match mode {
        Mode::Folded if lower.is_ascii() => lower,
        Mode::Folded => any_ascii::any_ascii(&lower)
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect(),
        Mode::Cyrillic if lower.chars().any(is_cyrillic) => lower,
        Mode::Cyrillic => return None,
    };
    (!text.is_empty()).then_some(text)
}

/// The tokenizer registered with the index, for either mode.
#[derive(Debug, Clone)]
pub(crate) struct WordTokenizer {
    pub mode: Mode,
}

/// The tokens of one text, made in one pass.
pub(crate) struct WordStream {
    tokens: Vec<Token>,
    next: usize,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream {
        let tokens = words(text, self.mode)
            .into_iter()
            .enumerate()
            .map(|(position, w)| Token {
                offset_from: w.start,
                offset_to: w.end,
                position,
                text: w.text,
                position_length: 1,
            })
            .collect();
        WordStream { tokens, next: 0 }
    }
}

impl TokenStream for WordStream {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        words(text, Mode::Folded)
            .into_iter()
            .map(|w| w.text)
            .collect()
    }

    #[test]
    fn diacritics_case_and_cyrillic_fold_to_ascii() {
        assert_eq!(folded("Lübeck, LUBECK"), ["lubeck", "lubeck"]);
        assert_eq!(folded("Громыко и Ермолаев"), ["gromyko", "i", "ermolaev"]);
    }

    #[test]
    fn cjk_characters_are_terms_of_their_own() {
        let words = words("会谈 金日成同志 ok", Mode::Folded);
        let texts: Vec<_> = words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["会", "谈", "金", "日", "成", "同", "志", "ok"]);
        assert_eq!(&"会谈 金日成同志 ok"[words[2].start..words[2].end], "金");
    }

    #[test]
    fn cyrillic_mode_keeps_only_cyrillic_words() {
        let words: Vec<_> = words("Громыко met Ермолаева", Mode::Cyrillic)
            .into_iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(words, ["громыко", "ермолаева"]);
    }
}
