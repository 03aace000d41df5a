//! Word wrapping by terminal columns.
//!
//! The detail pane wraps text itself (rather than letting ratatui's `Paragraph` do it) so that
//! it knows on which screen line each section starts and where search matches fall. Widths are
//! Unicode display widths: CJK characters take two columns and are broken between characters,
//! since such text has no spaces.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Wraps `text` into lines at most `width` columns wide. The first line has `first` columns
/// less room (a label before it); continuation lines are meant to be indented by the caller.
pub fn wrap(text: &str, width: usize, first: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    let mut room = width.saturating_sub(first).max(1);
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let word_width = word.width();
        let needed = if line.is_empty() {
            word_width
        } else {
            word_width + 1
        };
        if used + needed <= room {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            used += needed;
            continue;
        }
        if word_width <= width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            room = width;
            line.push_str(word);
            used = word_width;
            continue;
        }
        // A word wider than the line (or CJK text): break it between characters.
        if !line.is_empty() {
            line.push(' ');
            used += 1;
        }
        for ch in word.chars() {
            let w = ch.width().unwrap_or(0);
            if used + w > room && used > 0 {
                line.truncate(line.trim_end().len());
                lines.push(std::mem::take(&mut line));
                room = width;
                used = 0;
            }
            line.push(ch);
            used += w;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Columns of a document title in a palette or bookmark row, so that what follows stays visible.
pub const TITLE_WIDTH: usize = 44;

/// `text` cut to at most `width` columns, with `…` when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in text.chars() {
        let w = ch.width().unwrap_or(0);
        if used + w >= width {
            break;
        }
        out.push(ch);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(
            wrap("one two three four", 9, 0),
            vec!["one two", "three", "four"]
        );
    }

    #[test]
    fn first_line_leaves_room_for_a_label() {
        assert_eq!(wrap("aaa bbb ccc", 8, 4), vec!["aaa", "bbb ccc"]);
    }

    #[test]
    fn wide_characters_take_two_columns_and_break_anywhere() {
        let lines = wrap("鸭绿江口渔业季节问题", 8, 0);
        assert!(lines.iter().all(|l| l.width() <= 8), "{lines:?}");
        assert_eq!(lines.concat(), "鸭绿江口渔业季节问题");
    }

    #[test]
    fn long_words_are_broken() {
        assert_eq!(wrap("abcdefghij", 4, 0), vec!["abcd", "efgh", "ij"]);
    }

    #[test]
    fn truncation_counts_columns() {
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("鸭绿江口渔业", 7), "鸭绿江…");
    }

    #[test]
    fn empty_text_is_one_empty_line() {
        assert_eq!(wrap("", 10, 0), vec![""]);
    }
}
