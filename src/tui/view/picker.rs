//! The research overlays — cross-references (`f`), who is mentioned (`w`), the sentences to
//! highlight (`v`) — and the saved-search folders above the documents. Each overlay is a
//! titled list of rows with one selected; the rows come from the state.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, List, ListItem, ListState};

use super::theme::Theme;
use crate::tui::app::{App, Pane};
use crate::tui::wrap::truncate;

/// A centred list overlay: `rows` with the picker's selection, scrolled to keep it in view.
fn draw_pick(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, title: &str, rows: &[Line]) {
    let width = (area.width as usize * 9 / 10).max(20) as u16;
    let height = (rows.len() as u16 + 2).clamp(3, area.height.saturating_sub(2).max(3));
    let rect = area.centered(
        Constraint::Length(width.min(area.width)),
        Constraint::Length(height.min(area.height)),
    );
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(format!(" {title} "))
        .title_bottom(Line::from(" Enter choose · Esc close ").right_aligned())
        .border_style(theme.border(true));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let visible = inner.height.max(1) as usize;
    let selected = app.picker.selected.min(rows.len().saturating_sub(1));
    let offset = selected.saturating_sub(visible - 1);
    let items: Vec<ListItem> = rows
        .iter()
        .skip(offset)
        .take(visible)
        .cloned()
        .map(ListItem::new)
        .collect();
    let mut state = ListState::default().with_selected(Some(selected - offset));
    frame.render_stateful_widget(
        List::new(items).highlight_style(theme.selected()),
        inner,
        &mut state,
    );
}

pub fn draw_links(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let room = area.width.saturating_sub(8) as usize;
    let rows: Vec<Line> = (0..app.links().len())
        .map(|i| Line::from(truncate(&app.link_row(i), room)))
        .collect();
    let title = format!("Cross-references · {}", rows.len());
    draw_pick(frame, area, app, theme, &title, &rows);
}

pub fn draw_mentions(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let (entries, own) = app.mentioned();
    let room = area.width.saturating_sub(8) as usize;
    let rows: Vec<Line> = entries
        .iter()
        .map(|g| {
            let kind = if g.kind == "person" {
                "person"
            } else {
                "term  "
            };
            let rest = truncate(
                &format!(" {} — {}", g.name, g.description),
                room.saturating_sub(7),
            );
            Line::from(vec![Span::styled(kind, theme.faint()), Span::raw(rest)])
        })
        .collect();
    let title = match (own, app.reading_section_id()) {
        (true, Some(section)) => format!("Mentioned in {section} · {}", rows.len()),
        _ => format!("Mentioned in the document · {}", rows.len()),
    };
    draw_pick(frame, area, app, theme, &title, &rows);
}

pub fn draw_sentences(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let pick = &app.sentence_pick;
    let room = area.width.saturating_sub(10) as usize;
    let mark = |row: usize| {
        if app.picked_highlight(row).is_some() {
            Span::styled("✓ ", theme.marker())
        } else {
            Span::raw("  ")
        }
    };
    let mut rows = vec![Line::from(vec![
        mark(0),
        Span::styled(format!("the whole passage {}", pick.section), theme.title()),
    ])];
    rows.extend(
        pick.sentences
            .iter()
            .enumerate()
            .map(|(i, s)| Line::from(vec![mark(i + 1), Span::raw(truncate(s, room))])),
    );
    let title = format!("Highlight · {} (✓ Enter removes)", pick.section);
    draw_pick(frame, area, app, theme, &title, &rows);
}

/// The saved searches above the documents: name, live count, query.
pub fn draw_saved(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Pane::Documents && app.saved.cursor.is_some();
    let block = Block::bordered()
        .title(" Saved searches ")
        .border_style(theme.border(focused));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let visible = inner.height.max(1) as usize;
    let cursor = app.saved.cursor;
    let offset = cursor.map_or(0, |c| c.saturating_sub(visible - 1));
    let room = inner.width as usize;
    let items: Vec<ListItem> = (0..app.saved.searches.len())
        .skip(offset)
        .take(visible)
        .map(|i| ListItem::new(Line::from(truncate(&app.saved_row(i), room))))
        .collect();
    let mut state = ListState::default().with_selected(cursor.map(|c| c - offset));
    frame.render_stateful_widget(
        List::new(items).highlight_style(theme.selected()),
        inner,
        &mut state,
    );
}
