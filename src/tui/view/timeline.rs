//! The timeline strip: a bar per year (gaps included), the chosen year marked, decades labelled.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, Block, Paragraph};

use super::theme::Theme;
use crate::tui::timeline::Timeline;

pub fn draw_timeline(frame: &mut Frame, area: Rect, timeline: &Timeline, theme: &Theme) {
    let year = timeline.year();
    let count = timeline.counts.get(timeline.cursor).copied().unwrap_or(0);
    let title = format!(
        " Timeline · {year}: {count} document{} · {} undated ",
        if count == 1 { "" } else { "s" },
        timeline.undated
    );
    let block = Block::bordered()
        .title(title)
        .border_style(theme.border(true));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 2 || inner.width < 4 {
        return;
    }
    let width = inner.width as usize;
    let years = timeline.counts.len();
    let (bar_width, gap) = match years {
        n if n * 3 <= width => (2, 1),
        n if n * 2 <= width => (1, 1),
        _ => (1, 0),
    };
    let slot = bar_width + gap;
    let visible = (width / slot).max(1).min(years);
    let start = timeline
        .cursor
        .saturating_sub(visible / 2)
        .min(years - visible);
    let bars: Vec<Bar> = (start..start + visible)
        .map(|i| {
            let style = if i == timeline.cursor {
                theme.marker()
            } else {
                theme.date()
            };
            Bar::new(timeline.counts[i] as u64)
                .text_value("")
                .style(style)
        })
        .collect();
    let chart_area = Rect {
        height: inner.height - 1,
        ..inner
    };
    let chart = BarChart::vertical(bars)
        .bar_width(bar_width as u16)
        .bar_gap(gap as u16);
    frame.render_widget(chart, chart_area);
    // The axis: decades, and the chosen year, under their bars.
    let mut axis = vec![' '; width];
    let mut marks: Vec<(usize, String)> = (start..start + visible)
        .filter(|&i| (timeline.first_year + i as i32) % 10 == 0)
        .map(|i| {
            (
                (i - start) * slot,
                (timeline.first_year + i as i32).to_string(),
            )
        })
        .collect();
    // The chosen year wins over a decade label it would overlap.
    let chosen = (timeline.cursor - start) * slot;
    marks.retain(|(column, _)| column + 5 <= chosen || *column >= chosen + 5);
    marks.push((chosen, year.to_string()));
    for (column, text) in marks {
        for (k, ch) in text.chars().enumerate() {
            if let Some(cell) = axis.get_mut(column + k) {
                *cell = ch;
            }
        }
    }
    let axis: String = axis.into_iter().collect();
    let axis_area = Rect {
        y: inner.y + inner.height - 1,
        height: 1,
        ..inner
    };
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(axis, theme.faint()))),
        axis_area,
    );
}
