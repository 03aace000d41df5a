//! The documents pane and the sections pane: filterable lists with matches highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState};

use super::highlight::spans_with_marks;
use super::theme::Theme;
use crate::tui::app::{App, Input, ListView, Pane};

pub fn draw_documents(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let rows = |i: usize| app.doc_rows[i].text.clone();
    let date_width = 10;
    let style_row = |text: &str, positions: &[usize]| -> Line<'static> {
        let mut spans = spans_with_marks(text, positions, Style::new(), theme.matched());
        // The date column in its own colour, where no match overrides it.
        if let Some(first) = spans.first_mut() {
            if first.content.chars().count() >= date_width && first.style == Style::new() {
                let text = first.content.to_string();
                let split = text
                    .char_indices()
                    .nth(date_width)
                    .map_or(text.len(), |(b, _)| b);
                let (date, rest) = text.split_at(split);
                let date_span = Span::styled(date.to_string(), theme.date());
                let rest_span = Span::raw(rest.to_string());
                spans.splice(0..1, [date_span, rest_span]);
            }
        }
        Line::from(spans)
    };
    let order = match app.order {
        crate::tui::app::sort::DocumentOrder::File => String::new(),
        order => format!("· by {} ", order.name()),
    };
    let title = format!(
        " Documents {}/{} {order}",
        app.documents.items.len(),
        app.docs.len()
    );
    draw_list(
        frame,
        area,
        app,
        theme,
        Pane::Documents,
        &app.documents,
        title,
        &rows,
        &style_row,
    );
}

pub fn draw_sections(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let rows = |p: usize| app.passage_row(p);
    let style_row = |text: &str, positions: &[usize]| -> Line<'static> {
        let mut spans = spans_with_marks(text, positions, Style::new(), theme.matched());
        // The label (up to the first space after the indent) in the label style.
        if let Some(first) = spans.first_mut() {
            if first.style == Style::new() {
                let text = first.content.to_string();
                let indent = text.len() - text.trim_start().len();
                let end = text[indent..].find(' ').map_or(text.len(), |e| indent + e);
                let (label, rest) = text.split_at(end);
                spans.splice(
                    0..1,
                    [
                        Span::styled(label.to_string(), theme.label()),
                        Span::raw(rest.to_string()),
                    ],
                );
            }
        }
        Line::from(spans)
    };
    let count = app.detail.doc.map_or(0, |d| app.doc_passages[d].len());
    let title = format!(" Sections {}/{} ", app.sections.items.len(), count);
    draw_list(
        frame,
        area,
        app,
        theme,
        Pane::Sections,
        &app.sections,
        title,
        &rows,
        &style_row,
    );
}

#[allow(clippy::too_many_arguments)]
fn draw_list(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    theme: &Theme,
    pane: Pane,
    list: &ListView,
    title: String,
    row_text: &dyn Fn(usize) -> String,
    style_row: &dyn Fn(&str, &[usize]) -> Line<'static>,
) {
    let focused = app.focus == pane;
    let mut block = Block::bordered()
        .title(title)
        .border_style(theme.border(focused));
    let typing = app.input == Input::Filter(pane);
    if typing || !list.filter.is_empty() {
        let shown = app
            .input_with_cursor(Input::Filter(pane))
            .unwrap_or_else(|| list.filter.clone());
        block = block.title_bottom(Line::from(format!(" /{shown} ")));
    }
    let height = area.height.saturating_sub(2) as usize;
    // Highlight positions are computed for the visible rows only.
    let items: Vec<ListItem> = list
        .items
        .iter()
        .enumerate()
        .skip(list.offset)
        .take(height.max(1))
        .map(|(_, &item)| {
            let text = row_text(item);
            let positions = if list.query.is_empty() {
                Vec::new()
            } else {
                app.matcher.highlight(&list.query, &text)
            };
            ListItem::new(style_row(&text, &positions))
        })
        .collect();
    let selected = (!list.items.is_empty()).then(|| list.selected - list.offset.min(list.selected));
    // A saved-search folder row holds the selection instead.
    let selected = selected.filter(|_| !(pane == Pane::Documents && app.saved.cursor.is_some()));
    let mut state = ListState::default().with_selected(selected);
    let widget = List::new(items)
        .block(block)
        .highlight_style(theme.selected());
    frame.render_stateful_widget(widget, area, &mut state);
    if list.items.is_empty() {
        let inner = area.inner(ratatui::layout::Margin::new(1, 1));
        let note = if list.filter.is_empty() {
            "(empty)"
        } else {
            "(no match)"
        };
        frame.render_widget(Span::styled(note, theme.faint()), inner);
    }
}
