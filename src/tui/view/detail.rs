//! The detail pane: the selected document's metadata and full text, wrapped, scrolled, with the
//! selected section marked in the gutter and search matches highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::highlight::spans_with_ranges;
use super::theme::Theme;
use crate::tui::app::{App, Input, Pane};
use crate::tui::detail::{LineKind, Mark};

pub fn draw_detail(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Pane::Detail;
    let detail = &app.detail;
    let total = detail.text.lines.len();
    let height = area.height.saturating_sub(2) as usize;
    let title = match app.current_doc() {
        Some(doc) => format!(" {} ", doc.id),
        None => " Detail ".to_string(),
    };
    let percent = if total <= height {
        100
    } else {
        (detail.scroll + height).min(total) * 100 / total
    };
    // Full width, the text goes from edge to edge as in `less`: no side borders to copy along.
    let borders = if app.full_width {
        Borders::TOP | Borders::BOTTOM
    } else {
        Borders::ALL
    };
    let mut block = Block::new()
        .borders(borders)
        .title(title)
        .title_bottom(Line::from(format!(" {percent}% ")).right_aligned())
        .border_style(theme.border(focused));
    if app.input == Input::Search || !detail.search.is_empty() {
        let shown = app
            .input_with_cursor(Input::Search)
            .unwrap_or_else(|| detail.search.clone());
        let count = match detail.matches.len() {
            0 => "no match".to_string(),
            n => format!("{}/{n}", detail.current_match + 1),
        };
        block = block.title_bottom(Line::from(format!(" /{shown} {count} ")));
    }
    let highlighted = app.highlighted_passages();
    let lines: Vec<Line> = detail
        .text
        .lines
        .iter()
        .enumerate()
        .skip(detail.scroll)
        .take(height)
        .map(|(i, line)| {
            // The full-width view reads like a pager: the status bar names the section, and a
            // bar that moves with every section change would cost a column of writes.
            let marked = !app.full_width && line.passage.is_some() && line.passage == detail.marked;
            let highlighted = line.passage.is_some_and(|p| highlighted.contains(&p));
            let gutter = if marked {
                Span::styled("▌ ", theme.marker())
            } else if highlighted {
                Span::styled("┃ ", theme.label())
            } else {
                Span::raw("  ")
            };
            let base = match line.kind {
                LineKind::Title | LineKind::Heading => theme.title(),
                LineKind::Faint | LineKind::Rule => theme.faint(),
                _ => Style::new(),
            };
            let mut ranges = Vec::new();
            if line.label > 0 {
                let label_style = if line.kind == LineKind::Meta {
                    theme.title()
                } else {
                    theme.label()
                };
                let indent = line.text.chars().take_while(|c| *c == ' ').count();
                ranges.push((indent, line.label, label_style));
            }
            for &(start, end, mark) in &line.marks {
                let style = match mark {
                    Mark::Link => theme.link(),
                    Mark::Highlight => theme.highlighted(),
                };
                if ranges.iter().all(|r| end <= r.0 || start >= r.1) {
                    ranges.push((start, end, style));
                }
            }
            ranges.sort_by_key(|r| r.0);
            let hits: Vec<(usize, usize, Style)> = detail
                .matches
                .iter()
                .enumerate()
                .filter(|(_, m)| m.0 == i)
                .map(|(n, m)| {
                    (
                        m.1,
                        m.2,
                        if n == detail.current_match {
                            theme.current_hit()
                        } else {
                            theme.search_hit()
                        },
                    )
                })
                .collect();
            if !hits.is_empty() {
                // Search matches win over the label style.
                ranges.retain(|r| hits.iter().all(|h| h.1 <= r.0 || h.0 >= r.1));
                ranges.extend(hits);
                ranges.sort_by_key(|r| r.0);
            }
            let mut spans = vec![gutter];
            spans.extend(spans_with_ranges(&line.text, &ranges, base));
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
