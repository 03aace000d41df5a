//! The key help (`?`): the rows of [`help_rows`] in a popup that fits 80×24 and scrolls.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

const HELP_WIDTH: u16 = 76;
const KEY_COLUMN: usize = 12;
use ratatui::widgets::{Block, Paragraph};

use super::overlays::popup;
use super::theme::Theme;
use crate::tui::app::App;
use crate::tui::app::help::{help_height, help_rows};

pub(super) fn draw_help(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let rows = help_rows(&app.config);
    // Room for the popup's border and a line of the screen above and below.
    let shown = help_height(area.height).min(rows.len());
    let rect = popup(frame, area, HELP_WIDTH, shown as u16 + 2);
    let top = app.help_scroll.min(rows.len().saturating_sub(shown));
    let lines: Vec<Line> = rows
        .iter()
        .skip(top)
        .take(shown)
        .map(|(keys, what)| {
            Line::from(vec![
                Span::styled(format!(" {keys:<KEY_COLUMN$} "), theme.label()),
                Span::raw(*what),
            ])
        })
        .collect();
    let more = if rows.len() > shown {
        format!(
            " {}–{} of {} · j/k scroll ",
            top + 1,
            top + shown,
            rows.len()
        )
    } else {
        String::new()
    };
    let block = Block::bordered()
        .title(" Keys (Esc closes) ")
        .title_bottom(Line::from(more).right_aligned())
        .border_style(theme.border(true));
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
