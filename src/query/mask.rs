//! Character-set masks: a cheap test of whether a pattern can match a text at all, and what
//! the text offers the scorer's bonuses, computed once per text.
//!
//! A mask has a bit per ASCII letter of each case and per digit, one for other ASCII and one
//! for any non-ASCII character. A pattern whose characters are not all in a text's mask cannot
//! match it (as a fuzzy subsequence or a substring), so most texts are ruled out with one AND.
//! The "heads" mask holds the characters that start a word (after a separator, or a camel-case
//! hump): skim gives its bonus for those, which bounds the score a text can reach.

use super::fold::fold_char;

/// The bit that stands for `c`.
#[inline]
pub fn bit(c: char) -> u64 {
    let b = match c {
        'a'..='z' => c as u32 - 'a' as u32,
        'A'..='Z' => 26 + c as u32 - 'A' as u32,
        '0'..='9' => 52 + c as u32 - '0' as u32,
        c if c.is_ascii() => 62,
        _ => 63,
    };
    1 << b
}

/// The bits of every character of `text`.
pub fn mask_of(text: &str) -> u64 {
    text.chars().fold(0, |m, c| m | bit(c))
}

/// A mask with upper-case letters moved onto their lower-case bits.
#[inline]
pub fn fold_mask(mask: u64) -> u64 {
    let upper = (mask >> 26) & ((1 << 26) - 1);
    (mask & !(((1 << 26) - 1) << 26)) | upper
}

/// skim's character classes, as far as its in-place bonus goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Start,
    Upper,
    Lower,
    Number,
    Separator,
}

#[inline]
fn class(c: char) -> Class {
    match c {
        ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => Class::Separator,
        '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => Class::Separator,
        '0'..='9' => Class::Number,
        'A'..='Z' => Class::Upper,
        _ => Class::Lower,
    }
}

/// True when skim gives `cur` after `prev` an in-place bonus (head, break or camel).
#[inline]
fn is_head(prev: Class, cur: Class) -> bool {
    matches!(prev, Class::Start | Class::Separator)
        || (matches!(prev, Class::Lower | Class::Number) && cur == Class::Upper)
}

/// What a text offers a pattern, in its own case and folded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextInfo {
    pub any: u64,
    pub any_folded: u64,
    pub heads: u64,
    pub heads_folded: u64,
    pub first: Option<char>,
    pub first_folded: Option<char>,
}

impl TextInfo {
    pub fn of(text: &str) -> TextInfo {
        let mut info = TextInfo {
            first: text.chars().next(),
            first_folded: text.chars().next().map(fold_char),
            ..TextInfo::default()
        };
        if text.is_ascii() {
            // Folding ASCII only changes case: the folded masks follow from the plain ones.
            let mut prev = Class::Start;
            let mut heads_sep = 0;
            for &b in text.as_bytes() {
                let c = b as char;
                let cur = class(c);
                info.any |= bit(c);
                if matches!(prev, Class::Start | Class::Separator) {
                    heads_sep |= bit(c);
                } else if cur == Class::Upper && matches!(prev, Class::Lower | Class::Number) {
                    info.heads |= bit(c);
                }
                prev = cur;
            }
            info.heads |= heads_sep;
            info.any_folded = fold_mask(info.any);
            info.heads_folded = fold_mask(heads_sep);
            return info;
        }
        let (mut prev, mut prev_folded) = (Class::Start, Class::Start);
        for c in text.chars() {
            let f = fold_char(c);
            let (cur, cur_folded) = (class(c), class(f));
            info.any |= bit(c);
            info.any_folded |= bit(f);
            if is_head(prev, cur) {
                info.heads |= bit(c);
            }
            if is_head(prev_folded, cur_folded) {
                info.heads_folded |= bit(f);
            }
            prev = cur;
            prev_folded = cur_folded;
        }
        info
    }

    /// What is known of a text without scanning it: its first character, and masks that rule
    /// nothing out.
    pub fn unknown(text: &str, folded: Option<&str>) -> TextInfo {
        let first = text.chars().next();
        TextInfo {
            any: !0,
            any_folded: !0,
            heads: !0,
            heads_folded: !0,
            first,
            first_folded: folded.map_or(first, |f| f.chars().next()),
        }
    }

    /// The mask, heads mask and first character of the text as a pattern of this case sees it.
    pub fn for_case(&self, case_sensitive: bool) -> (u64, u64, Option<char>) {
        if case_sensitive {
            (self.any, self.heads, self.first)
        } else {
            (self.any_folded, self.heads_folded, self.first_folded)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::fold::fold;

    #[test]
    fn masks_hold_every_character_in_both_cases() {
        for text in [
            "Gromyko will visit Japan",
            "Министр Громыко",
            "İstanbul KELVIN",
            "",
        ] {
            let info = TextInfo::of(text);
            assert_eq!(info.any, mask_of(text), "{text}");
            assert_eq!(info.any_folded, mask_of(&fold(text)), "{text}");
        }
    }

    #[test]
    fn heads_are_word_starts_and_camel_humps() {
        let info = TextInfo::of("the soviet (Union) camelCase");
        for c in ['t', 's', 'U', 'c', 'C'] {
            assert_ne!(info.heads & bit(c), 0, "{c}");
        }
        assert_eq!(info.heads & bit('v'), 0);
        assert_eq!(info.heads_folded & bit('c'), bit('c'));
        assert_eq!(info.heads_folded & bit('u'), bit('u'));
    }
}
