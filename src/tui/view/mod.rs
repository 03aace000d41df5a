//! Drawing: reads the [`App`] and never changes it.

mod detail;
mod help;
mod highlight;
mod lists;
mod overlays;
mod picker;
mod preview;
mod status;
pub mod theme;
mod timeline;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::{App, Input, Overlay, Pane};
use super::layout::too_small;
use status::Item;
use theme::Theme;

pub use overlays::palette_row;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if too_small(area) {
        let text = format!(
            "terminal too small ({}×{}): make it at least 20×5, or press q",
            area.width, area.height
        );
        frame.render_widget(
            Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
        return;
    }
    let panes = app.panes();
    if let Some(rect) = panes.documents {
        lists::draw_documents(frame, rect, app, theme);
    }
    if let Some(rect) = app.saved_area() {
        picker::draw_saved(frame, rect, app, theme);
    }
    if let Some(rect) = panes.sections {
        lists::draw_sections(frame, rect, app, theme);
    }
    if let Some(rect) = panes.detail {
        detail::draw_detail(frame, rect, app, theme);
    }
    if let (Some(rect), Some(t)) = (panes.timeline, &app.timeline) {
        timeline::draw_timeline(frame, rect, t, theme);
    }
    draw_status(frame, panes.status, app, theme);
    match app.overlay {
        Overlay::Help => help::draw_help(frame, area, app, theme),
        Overlay::Problems => overlays::draw_problems(frame, area, app, theme),
        Overlay::Palette => overlays::draw_palette(frame, area, app, theme),
        Overlay::Bookmarks => overlays::draw_bookmarks(frame, area, app, theme),
        Overlay::Links => picker::draw_links(frame, area, app, theme),
        Overlay::Mentions => picker::draw_mentions(frame, area, app, theme),
        Overlay::Sentences => picker::draw_sentences(frame, area, app, theme),
        Overlay::None | Overlay::Timeline => {}
    }
}

fn draw_status(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    // Priorities: the problem count (the last item) stays, then the position, the section,
    // a message, the search and filters; the key hints go first.
    let mut left = Vec::new();
    let position = match app.documents.items.len() {
        0 => "no documents".to_string(),
        n => format!("doc {}/{n}", app.documents.selected + 1),
    };
    left.push(Item::new(position, 9));
    if let Some(progress) = app.loading {
        let percent = progress.files_done * 100 / progress.files_total.max(1);
        left.push(Item::shortening(
            format!("loading {percent}% of {} files", progress.files_total),
            6,
        ));
    } else if let Some((done, total)) = app.words.indexing {
        let percent = done * 100 / total.max(1);
        left.push(Item::shortening(
            format!("indexing words {percent}% of {total} files"),
            6,
        ));
    }
    if let Some(passage) = app.marked_passage() {
        left.push(Item::shortening(
            format!("§ {}", app.section_id(passage)),
            8,
        ));
    }
    if !app.documents.filter.is_empty() {
        left.push(Item::shortening(
            format!("filter {:?}", app.documents.filter),
            5,
        ));
    }
    if !app.sections.filter.is_empty() {
        left.push(Item::shortening(
            format!("sections {:?}", app.sections.filter),
            4,
        ));
    }
    if !app.detail.search.is_empty() {
        let found = app.detail.matches.len();
        let at = if found == 0 {
            0
        } else {
            app.detail.current_match + 1
        };
        left.push(Item::shortening(
            format!("search {:?} {at}/{found}", app.detail.search),
            7,
        ));
    }
    let hints = match (app.input, app.focus) {
        (Input::Filter(_), _) => "type to filter · Enter keep · Esc clear",
        (Input::Search, _) => "type to search · Enter keep · Esc clear",
        (Input::Palette, _) => "type to jump · ↑↓ choose · Enter go · Esc close",
        (Input::Note | Input::Tags | Input::HighlightNote | Input::SearchName, _) => "",
        (Input::BookmarkFilter, _) => "type to filter · Enter keep · Esc clear",
        (_, _) if app.overlay == super::app::Overlay::Bookmarks => {
            "Enter jump · d delete · / filter · Esc close"
        }
        (_, Pane::Detail) => "? help · / search · n/N next · ^P jump · q quit",
        _ => "? help · / filter · Enter open · ^P jump · q quit",
    };
    // A note or tags being typed are shown here, with their cursor, whatever was said.
    let typing = match app.input {
        Input::Note | Input::HighlightNote => app
            .input_with_cursor(app.input)
            .map(|t| format!("{} · note: {t} (Enter saves, Esc cancels)", app.note_for)),
        Input::Tags => app
            .input_with_cursor(Input::Tags)
            .map(|t| format!("tags: {t} (Tab completes, Enter saves, Esc cancels)")),
        _ => None,
    };
    let right = match typing {
        Some(typing) => Item::shortening(typing, 9),
        None => match &app.message {
            Some(message) => Item::shortening(message.clone(), 7),
            None => Item::shortening(hints, 1),
        },
    };
    let problems = app.problem_count();
    let mut items = left;
    let shown_left = items.len();
    items.push(right);
    if problems > 0 {
        let s = if problems == 1 { "" } else { "s" };
        items.push(Item::new(format!("{problems} problem{s} (p)"), 10));
    }
    // Each item takes its width and at most three columns around it (" · ", or the spaces
    // of the blocks).
    let fitted = status::fit(items, area.width as usize, 3);
    let mut line_spans = Vec::new();
    let left_texts: Vec<&str> = fitted
        .iter()
        .filter(|(i, _)| *i < shown_left)
        .map(|(_, item)| item.text.as_str())
        .collect();
    line_spans.push(Span::styled(
        format!(" {} ", left_texts.join(" · ")),
        theme.status(),
    ));
    if let Some((_, right)) = fitted.iter().find(|(i, _)| *i == shown_left) {
        line_spans.push(Span::raw(format!(" {}", right.text)));
    }
    if let Some((_, note)) = fitted.iter().find(|(i, _)| *i == shown_left + 1) {
        let note = format!(" {} ", note.text);
        let used: usize = line_spans.iter().map(|s| s.width()).sum();
        let pad = (area.width as usize).saturating_sub(used + Span::raw(note.as_str()).width());
        line_spans.push(Span::raw(" ".repeat(pad)));
        line_spans.push(Span::styled(note, theme.warning()));
    }
    frame.render_widget(Paragraph::new(Line::from(line_spans)), area);
}
