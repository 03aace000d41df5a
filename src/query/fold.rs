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

/// Folds `text` into `out` (cleared first); false, leaving `out` empty, when folding would
/// change nothing, so that the caller can use `text` itself.
pub fn fold_into(text: &str, out: &mut String) -> bool {
    out.clear();
    if text.is_ascii() {
        if !text.bytes().any(|b| b.is_ascii_uppercase()) {
            return false;
        }
        out.push_str(text);
        out.make_ascii_lowercase();
        return true;
    }
    out.extend(text.chars().map(fold_char));
    if out == text {
        out.clear();
        return false;
    }
    true
}

/// A row of text prepared for matching (a document's or a section's list row). Rows are short,
/// so they are folded when matched rather than kept twice.
#[derive(Debug, Clone, Default)]
pub struct Haystack {
    pub text: String,
}

impl Haystack {
    pub fn new(text: String) -> Self {
        Haystack { text }
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

    #[test]
    fn fold_into_leaves_unchanged_text_alone() {
        let mut out = String::new();
        assert!(!fold_into("already lower", &mut out));
        assert!(out.is_empty());
        assert!(fold_into("Mixed Case", &mut out));
        assert_eq!(out, "mixed case");
        assert!(fold_into("Громыко", &mut out));
        assert_eq!(out, "громыко");
        assert!(!fold_into("周恩来", &mut out));
    }
}
