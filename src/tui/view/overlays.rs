//! Popups drawn over the panes: the jump palette, the problems list and the bookmarks.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, List, ListItem, ListState, Paragraph};

use super::highlight::{spans_with_marks, spans_with_ranges};
use super::theme::Theme;
use crate::index::Snippet;
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
    let height = (app.palette_lines() + 4) as u16;
    let rect = popup(frame, area, width, height);
    let block = Block::bordered()
        .title(palette_title(app))
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
    let body = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(2),
        ..inner
    };
    // The preview takes the right part when there is room for both.
    let (list_area, preview_area) = if body.width >= 72 && app.palette_len() > 0 {
        let list = body.width * 11 / 20;
        (
            Rect {
                width: list,
                ..body
            },
            Some(Rect {
                x: body.x + list,
                width: body.width - list,
                ..body
            }),
        )
    } else {
        (body, None)
    };
    let rows: Vec<ListItem> = (app.palette.offset..app.palette_len())
        .take(app.palette_height())
        .filter_map(|i| app.palette_entry(i))
        .map(|(passage, snippet)| {
            let row = palette_row(app, passage, list_area.width);
            match snippet {
                Some(snippet) => {
                    let first = Line::from(spans_with_ranges(&row, &[], Style::new()));
                    ListItem::new(vec![first, snippet_line(snippet, list_area.width, theme)])
                }
                None => matched_item(app, &app.palette.query, &row, theme),
            }
        })
        .collect();
    let selected =
        (app.palette_len() > 0).then(|| app.palette.selected.saturating_sub(app.palette.offset));
    let mut state = ListState::default().with_selected(selected);
    frame.render_stateful_widget(
        List::new(rows).highlight_style(theme.selected()),
        list_area,
        &mut state,
    );
    if app.palette_len() == 0 {
        let empty = if app.palette.words_pending {
            "searching…"
        } else {
            "(no match)"
        };
        frame.render_widget(Span::styled(empty, theme.faint()), list_area);
    }
    if let (Some(preview), false) = (preview_area, app.palette_len() == 0) {
        super::preview::draw_preview(frame, preview, app, theme);
    }
}

/// The palette's border title: what the list holds and how many.
fn palette_title(app: &App) -> String {
    let p = &app.palette;
    if app.palette_shows_words() {
        // Below the cap every hit is listed; at the cap, how many passages matched in all
        // (the document-level matches that collapse into one hit each count here too).
        let shown = p.words.len();
        let count = if shown >= crate::tui::app::words::WORD_LIMIT && p.word_total > shown {
            format!("{shown} of {}", p.word_total)
        } else {
            shown.to_string()
        };
        let busy = if p.words_pending { " · searching" } else { "" };
        return format!(" Passages with the words · {count}{busy} ");
    }
    if let Some(error) = &p.word_error {
        return format!(" Jump · search failed: {} ", truncate(error, 40));
    }
    let fuzzy = if p.word_mode && !p.words_pending {
        "No passage has the words · titles and headings"
    } else if app.words.library.is_none() && !p.input.trim().is_empty() {
        "Titles and headings (the text index is being built)"
    } else {
        "Jump to section"
    };
    if p.pending {
        let total = app.index.passages.len().max(1);
        format!(
            " {fuzzy} · {} · searching {}% ",
            p.hits.len(),
            p.scanned * 100 / total
        )
    } else {
        format!(" {fuzzy} · {} ", p.hits.len())
    }
}

/// A hit's snippet on one indented line, cut to the width around its first marked word.
fn snippet_line(snippet: &Snippet, width: u16, theme: &Theme) -> Line<'static> {
    let room = (width as usize).saturating_sub(5).max(10);
    let chars: Vec<char> = snippet.text.chars().collect();
    let first = snippet.highlights.first().map_or(0, |h| h[0]);
    // Some words before the first match, for context, when the whole does not fit.
    let mut start = if chars.len() <= room || first < room / 3 {
        0
    } else {
        (first - room / 3).min(chars.len().saturating_sub(room))
    };
    // Start at a word, when one begins soon enough.
    if start > 0 && !chars[start - 1].is_whitespace() {
        if let Some(space) = chars[start..first.max(start)]
            .iter()
            .position(|c| c.is_whitespace())
        {
            start += space + 1;
        }
    }
    let end = (start + room).min(chars.len());
    let mut text: String = chars[start..end].iter().collect();
    let lead = usize::from(start > 0);
    if start > 0 {
        text.insert(0, '…');
    }
    if end < chars.len() {
        text.push('…');
    }
    let ranges: Vec<(usize, usize, Style)> = snippet
        .highlights
        .iter()
        .filter(|h| h[1] > start && h[0] < end)
        .map(|h| {
            (
                h[0].max(start) - start + lead,
                h[1].min(end) - start + lead,
                theme.matched(),
            )
        })
        .collect();
    let mut spans = vec![Span::raw("    ")];
    spans.extend(spans_with_ranges(&text, &ranges, theme.faint()));
    Line::from(spans)
}

/// `document title › section id › heading`, the title cut to leave the heading room in a
/// list `width` columns wide.
pub fn palette_row(app: &App, passage: usize, width: u16) -> String {
    let Some(view) = app.index.view(&app.docs, passage) else {
        return String::new();
    };
    let doc = app.index.passages[passage].doc;
    let room = (width as usize * 2 / 5).clamp(16, TITLE_WIDTH);
    let title = truncate(&app.docs[doc].title, room);
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
