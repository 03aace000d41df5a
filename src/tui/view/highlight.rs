//! Splitting a text into spans with some characters styled: query matches in lists, search
//! matches in the detail pane.

use ratatui::style::Style;
use ratatui::text::Span;

/// Spans of `text` where the characters at the sorted `positions` get `mark` on top of `base`.
pub fn spans_with_marks(
    text: &str,
    positions: &[usize],
    base: Style,
    mark: Style,
) -> Vec<Span<'static>> {
    let mut ranges: Vec<(usize, usize, Style)> = Vec::new();
    for &p in positions {
        match ranges.last_mut() {
            Some(last) if last.1 == p => last.1 = p + 1,
            _ => ranges.push((p, p + 1, mark)),
        }
    }
    spans_with_ranges(text, &ranges, base)
}

/// Spans of `text` where each (start, end) character range has its own style over `base`.
pub fn spans_with_ranges(
    text: &str,
    ranges: &[(usize, usize, Style)],
    base: Style,
) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut chars = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()));
    let byte_at: Vec<usize> = chars.by_ref().collect();
    let char_count = byte_at.len() - 1;
    let mut at = 0;
    for &(start, end, style) in ranges {
        let (start, end) = (start.min(char_count), end.min(char_count));
        if start < at || start >= end {
            continue;
        }
        if start > at {
            spans.push(Span::styled(
                text[byte_at[at]..byte_at[start]].to_string(),
                base,
            ));
        }
        spans.push(Span::styled(
            text[byte_at[start]..byte_at[end]].to_string(),
            base.patch(style),
        ));
        at = end;
    }
    if at < char_count || spans.is_empty() {
        spans.push(Span::styled(text[byte_at[at]..].to_string(), base));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    #[test]
    fn marks_runs_of_positions() {
        let mark = Style::new().add_modifier(Modifier::BOLD);
        let spans = spans_with_marks("Громыко", &[0, 1, 4], Style::new(), mark);
        let texts: Vec<&str> = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(texts, vec!["Гр", "ом", "ы", "ко"]);
        assert_eq!(spans[0].style, mark);
        assert_eq!(spans[1].style, Style::new());
    }

    #[test]
    fn out_of_range_positions_are_ignored() {
        let spans = spans_with_marks("ab", &[5], Style::new(), Style::new());
        assert_eq!(
            spans.iter().map(|s| s.content.as_ref()).collect::<String>(),
            "ab"
        );
    }
}
