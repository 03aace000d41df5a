//! Popups drawn over the panes: the jump palette, the problems list and the bookmarks.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, List, ListItem, ListState, Paragraph};

use super::highlight::spans_with_marks;
use super::theme::Theme;
use crate::query::Query;
use crate::tui::app::App;
use crate::tui::wrap::{TITLE_WIDTH, truncate};

pub(super) fn popup(frame: &mut Frame, area: Rect, width: u16, height: u16) -> Rect {
    let rect = area.centered(
        Constraint::Length(width.min(area.width)),
        Constraint::Length(height.min(area.height)),
    );
    frame.render_widget(Clear, rect);
    rect
}

pub fn draw_problems(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lines = app.problem_lines();
    let rect = popup(
        frame,
        area,
        area.width.saturating_sub(8).max(20),
        (lines.len() as u16 + 2).max(3),
    );
    let block = Block::bordered()
        .title(" Problems · Enter opens the document · Esc closes ")
        .border_style(theme.border(true));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    if lines.is_empty() {
        frame.render_widget(Paragraph::new("no problems"), inner);
        return;
    }
    let visible = inner.height.max(1) as usize;
    let selected = app.problems_scroll.min(lines.len() - 1);
    let offset = selected.saturating_sub(visible - 1);
    let rows: Vec<ListItem> = lines
        .into_iter()
        .skip(offset)
        .take(visible)
        .map(ListItem::new)
        .collect();
    let mut state = ListState::default().with_selected(Some(selected - offset));
    frame.render_stateful_widget(
        List::new(rows).highlight_style(theme.selected()),
        inner,
        &mut state,
    );
}

pub fn draw_palette(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let width = (area.width as usize * 9 / 10).max(20) as u16;
    let height = (app.palette_height() + 4) as u16;
    let rect = popup(frame, area, width, height);
    let total = app.index.passages.len().max(1);
    let title = if app.palette.pending {
        format!(
            " Jump to section · {} · searching {}% ",
            app.palette.hits.len(),
            app.palette.scanned * 100 / total
        )
    } else {
        format!(" Jump to section · {} ", app.palette.hits.len())
    };
    let block = Block::bordered()
        .title(title)
        .border_style(theme.border(true));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    if inner.height == 0 {
        return;
    }
    let prompt = Line::from(vec![
        Span::styled("> ", theme.label()),
        Span::raw(
            app.input_with_cursor(crate::tui::app::Input::Palette)
                .unwrap_or_else(|| format!("{}▏", app.palette.input)),
        ),
    ]);
    frame.render_widget(Paragraph::new(prompt), Rect { height: 1, ..inner });
    let list_area = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(2),
        ..inner
    };
    let rows: Vec<ListItem> = app
        .palette
        .hits
        .iter()
        .skip(app.palette.offset)
        .take(list_area.height as usize)
        .map(|hit| {
            matched_item(
                app,
                &app.palette.query,
                &palette_row(app, hit.passage),
                theme,
            )
        })
        .collect();
    let selected = (!app.palette.hits.is_empty())
        .then(|| app.palette.selected.saturating_sub(app.palette.offset));
    let mut state = ListState::default().with_selected(selected);
    frame.render_stateful_widget(
        List::new(rows).highlight_style(theme.selected()),
        list_area,
        &mut state,
    );
    if app.palette.hits.is_empty() {
        frame.render_widget(Span::styled("(no match)", theme.faint()), list_area);
    }
}

/// `document title › section id › heading`
pub fn palette_row(app: &App, passage: usize) -> String {
    let Some(view) = app.index.view(&app.docs, passage) else {
        return String::new();
    };
    let doc = app.index.passages[passage].doc;
    let title = truncate(&app.docs[doc].title, TITLE_WIDTH);
    format!("{title} › {} › {}", view.section, view.heading)
}

pub fn draw_bookmarks(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let list = &app.bookmark_list;
    let width = (area.width as usize * 9 / 10).max(20) as u16;
    let height = (list.items.len() as u16 + 4).clamp(5, area.height.saturating_sub(2).max(5));
    let rect = popup(frame, area, width, height);
    let title = format!(" Bookmarks · {}/{} ", list.items.len(), app.bookmarks.len());
    let mut block = Block::bordered()
        .title(title)
        .border_style(theme.border(true));
    if app.input == crate::tui::app::Input::BookmarkFilter || !list.filter.is_empty() {
        let shown = app
            .input_with_cursor(crate::tui::app::Input::BookmarkFilter)
            .unwrap_or_else(|| list.filter.clone());
        block = block.title_bottom(Line::from(format!(" /{shown} ")));
    }
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let visible = inner.height.max(1) as usize;
    let offset = list.selected.saturating_sub(visible - 1);
    let rows: Vec<ListItem> = list
        .items
        .iter()
        .skip(offset)
        .take(visible)
        .map(|&i| matched_item(app, &list.query, &app.bookmark_row(i), theme))
        .collect();
    let selected = (!list.items.is_empty()).then(|| list.selected - offset);
    let mut state = ListState::default().with_selected(selected);
    frame.render_stateful_widget(
        List::new(rows).highlight_style(theme.selected()),
        inner,
        &mut state,
    );
    if list.items.is_empty() {
        let note = if app.bookmarks.is_empty() {
            "(no bookmarks: m bookmarks a section)"
        } else {
            "(no match)"
        };
        frame.render_widget(Span::styled(note, theme.faint()), inner);
    }
}

/// A list row with the characters the query matched marked.
fn matched_item(app: &App, query: &Query, text: &str, theme: &Theme) -> ListItem<'static> {
    let positions = app.matcher.highlight(query, text);
    ListItem::new(Line::from(spans_with_marks(
        text,
        &positions,
        Style::new(),
        theme.matched(),
    )))
}
