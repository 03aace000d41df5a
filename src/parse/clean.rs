//! Cleaning at the boundary: text from a file becomes safe, normalized text exactly once.
//!
//! Documents are untrusted. Control characters could drive the terminal (ESC, the 8-bit CSI
//! U+009B, OSC 52 clipboard writes) and bidirectional overrides could disguise text, so they are
//! replaced by visible placeholders or removed here, before anything reaches the model. The
//! same clean text then goes to the TUI, to `show` and to `export`.

/// Width of a tab stop when tabs are expanded.
const TAB_WIDTH: usize = 8;

/// Normalizes a whole page: drops a byte-order mark, turns CRLF and lone CR into LF, and
/// cleans every line (see [`clean_line`]).
pub fn normalize_page(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = String::with_capacity(text.len());
    for line in text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        // A lone CR (classic Mac) is a line break too.
        for part in line.split('\r') {
            out.push_str(&clean_line(part));
            out.push('\n');
        }
    }
    out.pop();
    out
}

/// Cleans one line of text: tabs expanded, non-breaking and other Unicode spaces made plain
/// spaces, control characters made visible, bidi controls removed, trailing space trimmed.
pub fn clean_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut column = 0usize;
    for ch in line.chars() {
        match ch {
            '\t' => {
                let pad = TAB_WIDTH - column % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', pad));
                column += pad;
                continue;
            }
            '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
                out.push(if ch == '\u{3000}' { ch } else { ' ' })
            }
            // C0 controls other than tab, and DEL: shown as their control pictures (␛, ␡ …).
            '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + ch as u32).unwrap_or('�')),
            '\u{7f}' => out.push('\u{2421}'),
            // C1 controls, including the 8-bit CSI U+009B.
            '\u{80}'..='\u{9f}' => out.push('\u{fffd}'),
            // Bidirectional embeddings, overrides and isolates; line/paragraph separators.
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => {}
            '\u{2028}' | '\u{2029}' => out.push(' '),
            '\u{feff}' => {}
            _ => out.push(ch),
        }
        column += 1;
    }
    out.truncate(out.trim_end().len());
    out
}

/// Cleans a string that did not come through [`normalize_page`] (a JSON document's fields):
/// the same rules, applied line by line, keeping the line breaks.
pub fn clean_text(text: &str) -> String {
    normalize_page(text)
}

/// Collapses runs of whitespace into single spaces and trims the ends.
pub fn squash_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_and_c1_controls_become_visible_placeholders() {
        let cleaned = clean_line("a\u{1b}]52;c;SGVsbG8=\u{7}b\u{9b}2Jc\u{7f}");
        assert!(!cleaned.chars().any(|c| c.is_control()), "{cleaned:?}");
        assert!(cleaned.contains('\u{241b}'));
        assert!(cleaned.contains('\u{fffd}'));
    }

    #[test]
    fn bidi_overrides_are_removed() {
        assert_eq!(clean_line("ab\u{202e}cd\u{2066}ef"), "abcdef");
    }

    #[test]
    fn tabs_expand_to_tab_stops_and_nbsp_becomes_space() {
        assert_eq!(clean_line("a\tb"), "a       b");
        assert_eq!(clean_line("x\u{a0}y  "), "x y");
    }

    #[test]
    fn bom_and_crlf_are_normalized() {
        assert_eq!(
            normalize_page("\u{feff}one\r\ntwo\rthree\n"),
            "one\ntwo\nthree\n"
        );
    }
}
