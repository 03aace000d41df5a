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
pub const fn bit(c: char) -> u64 {
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
    Upper,
    Lower,
    Number,
    Separator,
}

#[inline]
const fn class(c: char) -> Class {
    match c {
        ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => Class::Separator,
        '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => Class::Separator,
        '0'..='9' => Class::Number,
        'A'..='Z' => Class::Upper,
        _ => Class::Lower,
    }
}

/// Per ASCII byte: its bit, and all-ones masks for the classes that decide a head.
#[derive(Clone, Copy)]
struct AsciiEntry {
    bit: u64,
    separator: u64,
    lower_or_digit: u64,
    upper: u64,
}

const fn all_if(yes: bool) -> u64 {
    if yes { !0 } else { 0 }
}

const ASCII: [AsciiEntry; 128] = {
    let mut table = [AsciiEntry {
        bit: 0,
        separator: 0,
        lower_or_digit: 0,
        upper: 0,
    }; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8 as char;
        let class = class(c);
        table[b] = AsciiEntry {
            bit: bit(c),
            separator: all_if(matches!(class, Class::Separator)),
            lower_or_digit: all_if(matches!(class, Class::Lower | Class::Number)),
            upper: all_if(matches!(class, Class::Upper)),
        };
        b += 1;
    }
    table
};

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
        Self::measure(text).0
    }

    /// The text's info, and its length in bytes once folded.
    ///
    /// One pass over the bytes with a table for ASCII and no branches on it: this runs over
    /// the whole corpus. A non-ASCII character is decoded where it starts; skim classes every
    /// one of them as lower case, folded or not, so only its bits need care. Folded masks are
    /// the plain ones with cases merged, plus what non-ASCII characters fold to (a superset at
    /// worst, which only makes the tests let more through).
    pub fn measure(text: &str) -> (TextInfo, usize) {
        let bytes = text.as_bytes();
        let first = text.chars().next();
        let (mut any, mut heads_sep, mut camel) = (0u64, 0u64, 0u64);
        let (mut folded_extra, mut heads_folded_extra) = (0u64, 0u64);
        let (mut after_sep, mut after_lower) = (!0u64, 0u64);
        let mut folded_len = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                let entry = ASCII[usize::from(b)];
                any |= entry.bit;
                heads_sep |= entry.bit & after_sep;
                camel |= entry.bit & after_lower & entry.upper;
                after_sep = entry.separator;
                after_lower = entry.lower_or_digit;
                folded_len += 1;
                i += 1;
                continue;
            }
            let c = text[i..]
                .chars()
                .next()
                .unwrap_or(char::REPLACEMENT_CHARACTER);
            let f = fold_char(c);
            any |= bit(c);
            folded_extra |= bit(f);
            heads_sep |= bit(c) & after_sep;
            heads_folded_extra |= bit(f) & after_sep;
            after_sep = 0;
            after_lower = !0;
            folded_len += f.len_utf8();
            i += c.len_utf8();
        }
        let info = TextInfo {
            any,
            any_folded: fold_mask(any) | folded_extra,
            heads: heads_sep | camel,
            heads_folded: fold_mask(heads_sep) | heads_folded_extra,
            first,
            first_folded: first.map(fold_char),
        };
        (info, folded_len)
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
            let folded = mask_of(&fold(text));
            assert_eq!(info.any_folded & folded, folded, "{text}");
            assert_eq!(TextInfo::measure(text).1, fold(text).len(), "{text}");
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
