//! Case folding that keeps character positions.
//!
//! fuzzy-matcher ignores case only for ASCII, so smart case in Cyrillic or Greek needs our own
//! folding. Each character maps to exactly one character (the first of its lower-case form), so
//! a match position in the folded text is the same character position in the original.

/// Lower-cases `text` one character to one character.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.chars().map(fold_char).collect()
}

pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// A text and its folded copy, prepared once and matched many times.
#[derive(Debug, Clone, Default)]
pub struct Haystack {
    pub text: String,
    pub folded: String,
}

impl Haystack {
    pub fn new(text: String) -> Self {
        let folded = fold(&text);
        Haystack { text, folded }
    }

    /// The text to match a pattern against: folded unless the pattern is case-sensitive.
    pub fn for_case(&self, case_sensitive: bool) -> &str {
        if case_sensitive {
            &self.text
        } else {
            &self.folded
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_character_count_in_every_script() {
        for text in ["Громыко", "İstanbul", "ÆSIR Straße", "周恩来", "ABC"] {
            assert_eq!(fold(text).chars().count(), text.chars().count(), "{text}");
        }
        assert_eq!(fold("Громыко"), "громыко");
    }
}
