//! The palette's preview: the selected passage in full beside the hits, its matched words
//! marked, scrolled so that the first of them is in view (as fzf's `--preview` shows a file).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthChar;

use super::highlight::spans_with_ranges;
use super::theme::Theme;
use crate::tui::app::App;

pub(super) fn draw_preview(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let block = Block::new()
        .borders(Borders::LEFT)
        .border_style(theme.border(false));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some((passage, text, spans)) = app.palette_preview() else {
        return;
    };
    let width = inner.width.saturating_sub(1).max(1) as usize;
    let mut lines: Vec<Line> = Vec::new();
    if let Some(view) = app.index.view(&app.docs, passage) {
        let doc = &app.docs[app.index.passages[passage].doc];
        for title in wrap_marked(&doc.title, &[], width) {
            lines.push(Line::from(spans_with_ranges(&title.0, &[], theme.title())));
        }
        lines.push(Line::styled(format!("§ {}", view.section), theme.label()));
    }
    let top = lines.len();
    let mut first_match = None;
    for (line, marks) in wrap_marked(&text, &spans, width) {
        if first_match.is_none() && !marks.is_empty() {
            first_match = Some(lines.len());
        }
        let ranges: Vec<(usize, usize, Style)> = marks
            .iter()
            .map(|&(a, b)| (a, b, theme.matched()))
            .collect();
        lines.push(Line::from(spans_with_ranges(&line, &ranges, Style::new())));
    }
    // The first match a third of the way down, unless it is near the top anyway.
    let third = inner.height as usize / 3;
    let scroll = first_match.map_or(0, |m| m.saturating_sub(third).min(m.max(top) - top));
    let scroll = if first_match.is_some_and(|m| m < inner.height as usize) {
        0
    } else {
        scroll
    };
    frame.render_widget(
        Paragraph::new(lines).scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        Rect {
            x: inner.x + 1,
            width: inner.width.saturating_sub(1),
            ..inner
        },
    );
}

/// `text` wrapped at `width` columns (paragraphs at line breaks, words at spaces, a word
/// wider than a line at characters), each line with the character ranges of `spans`
/// (character offsets into `text`) that fall on it, as offsets into the line.
pub(super) fn wrap_marked(
    text: &str,
    spans: &[[usize; 2]],
    width: usize,
) -> Vec<(String, Vec<(usize, usize)>)> {
    let mut out: Vec<(String, Vec<(usize, usize)>)> = Vec::new();
    // (line, its first character's offset in `text`, columns used, chars in it)
    let mut line = String::new();
    let mut line_start = 0;
    let mut used = 0;
    let mut count = 0;
    let flush = |line: &mut String,
                 line_start: usize,
                 count: usize,
                 out: &mut Vec<(String, Vec<(usize, usize)>)>| {
        let end = line_start + count;
        let marks = spans
            .iter()
            .filter(|s| s[0] < end && s[1] > line_start)
            .map(|s| {
                (
                    s[0].max(line_start) - line_start,
                    s[1].min(end) - line_start,
                )
            })
            .collect();
        out.push((std::mem::take(line), marks));
    };
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            flush(&mut line, line_start, count, &mut out);
            (used, count, line_start) = (0, 0, i + 1);
            i += 1;
            continue;
        }
        if c == ' ' && count == 0 {
            // A line does not start with a space.
            line_start = i + 1;
            i += 1;
            continue;
        }
        // The next word's width, to move it whole to the next line when it does not fit.
        if c != ' ' && (i == 0 || chars[i - 1] == ' ' || chars[i - 1] == '\n') {
            let word: usize = chars[i..]
                .iter()
                .take_while(|&&w| w != ' ' && w != '\n')
                .map(|w| w.width().unwrap_or(0))
                .sum();
            if used > 0 && used + word > width && word <= width {
                // Drop the space that ended the line.
                if line.ends_with(' ') {
                    line.pop();
                    count -= 1;
                }
                flush(&mut line, line_start, count, &mut out);
                (used, count, line_start) = (0, 0, i);
            }
        }
        let w = c.width().unwrap_or(0);
        if used + w > width && count > 0 {
            flush(&mut line, line_start, count, &mut out);
            (used, count, line_start) = (0, 0, i);
            if c == ' ' {
                line_start = i + 1;
                i += 1;
                continue;
            }
        }
        line.push(c);
        used += w;
        count += 1;
        i += 1;
    }
    if count > 0 || out.is_empty() {
        flush(&mut line, line_start, count, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::wrap_marked;

    fn marked(lines: &[(String, Vec<(usize, usize)>)]) -> Vec<String> {
        lines
            .iter()
            .map(|(line, marks)| {
                let chars: Vec<char> = line.chars().collect();
                let mut out = String::new();
                let mut at = 0;
                for &(a, b) in marks {
                    out.extend(&chars[at..a]);
                    out.push('[');
                    out.extend(&chars[a..b]);
                    out.push(']');
                    at = b;
                }
                out.extend(&chars[at..]);
                out
            })
            .collect()
    }

    #[test]
    fn marks_follow_the_words_onto_their_lines() {
        let text = "The treaty was signed.\nTreaties bind.";
        // "treaty" is chars 4..10, "Treaties" 23..31.
        let lines = wrap_marked(text, &[[4, 10], [23, 31]], 12);
        assert_eq!(
            marked(&lines),
            vec!["The [treaty]", "was signed.", "[Treaties]", "bind."]
        );
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut_and_wide_characters_count_twice() {
        let lines = wrap_marked("金日成の書簡", &[[0, 3]], 4);
        assert_eq!(marked(&lines), vec!["[金日]", "[成]の", "書簡"]);
    }
}
