//! Key and mouse events to [`Action`]s. Only key presses count (not releases or repeats on
//! terminals that report them); what a key means depends on whether text is being typed.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};

use super::app::{Action, App, Input, Overlay, Pane};

/// The action for a terminal event, if any.
pub fn action_for(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => key_action(app, key),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel {
                column: mouse.column,
                row: mouse.row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Action::Wheel {
                column: mouse.column,
                row: mouse.row,
                down: false,
            }),
            MouseEventKind::Down(_) => Some(Action::Click {
                column: mouse.column,
                row: mouse.row,
            }),
            _ => None,
        },
        _ => None,
    }
}

/// Ctrl-Z, which suspends the process (handled by the event loop, not the state).
pub fn is_suspend(event: &Event) -> bool {
    matches!(event, Event::Key(key) if key.kind == KeyEventKind::Press
        && key.modifiers.contains(KeyModifiers::CONTROL)
        && key.code == KeyCode::Char('z'))
}

fn key_action(app: &App, key: &KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    if app.overlay == Overlay::Palette && ctrl {
        return match key.code {
            KeyCode::Char('p') | KeyCode::Char('k') => Some(Action::Up),
            KeyCode::Char('n') | KeyCode::Char('j') => Some(Action::Down),
            KeyCode::Char('s') => Some(Action::SaveSearch),
            _ => None,
        };
    }
    if app.input != Input::None {
        return typing_action(app, key);
    }
    fixed_action(app, key).or_else(|| app.config.action_for(key).and_then(configured_action))
}

/// While text is typed, keys edit it as readline does; ↑/↓ recall earlier entries (in the
/// palette they choose a result), Ctrl-N/Ctrl-P move in the list being filtered.
fn typing_action(app: &App, key: &KeyEvent) -> Option<Action> {
    use super::app::input::LineEdit;
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let edit = |e| Some(Action::EditLine(e));
    let palette = app.input == Input::Palette;
    match key.code {
        KeyCode::Char('a') if ctrl => return edit(LineEdit::Start),
        KeyCode::Char('e') if ctrl => return edit(LineEdit::End),
        KeyCode::Char('u') if ctrl => return edit(LineEdit::CutToStart),
        KeyCode::Char('w') if ctrl => return edit(LineEdit::CutWord),
        KeyCode::Char('b') if ctrl => return edit(LineEdit::Left),
        KeyCode::Char('f') if ctrl => return edit(LineEdit::Right),
        KeyCode::Char('n') if ctrl => return Some(Action::Down),
        KeyCode::Char('p') if ctrl => return Some(Action::Up),
        KeyCode::Char('b') if alt => return edit(LineEdit::WordLeft),
        KeyCode::Char('f') if alt => return edit(LineEdit::WordRight),
        KeyCode::Left => return edit(LineEdit::Left),
        KeyCode::Right => return edit(LineEdit::Right),
        KeyCode::Home => return edit(LineEdit::Start),
        KeyCode::End => return edit(LineEdit::End),
        KeyCode::Up if !palette => return edit(LineEdit::Older),
        KeyCode::Down if !palette => return edit(LineEdit::Newer),
        _ => {}
    }
    match key.code {
        KeyCode::Char(_) if alt => None,
        KeyCode::Char(c) if !ctrl => Some(Action::Type(c)),
        KeyCode::Backspace => Some(Action::Backspace),
        KeyCode::Enter => Some(Action::Accept),
        KeyCode::Esc => Some(Action::Cancel),
        // Completion, where the input offers it (tags).
        KeyCode::Tab => Some(Action::FocusNext),
        KeyCode::Up => Some(Action::Up),
        KeyCode::Down => Some(Action::Down),
        KeyCode::PageUp => Some(Action::PageUp),
        KeyCode::PageDown => Some(Action::PageDown),
        _ => None,
    }
}

/// Keys that mean the same whatever the configuration says: arrows, paging, Esc, and the
/// keys of the detail pane and the bookmark list.
fn fixed_action(app: &App, key: &KeyEvent) -> Option<Action> {
    let detail = app.focus == Pane::Detail && app.overlay == Overlay::None;
    Some(match key.code {
        KeyCode::Esc if app.overlay == Overlay::Timeline || app.overlay == Overlay::Bookmarks => {
            Action::Cancel
        }
        KeyCode::Esc if app.overlay != Overlay::None => Action::CloseOverlay,
        KeyCode::Esc => Action::Cancel,
        KeyCode::Left => Action::FocusLeft,
        KeyCode::Right => Action::FocusRight,
        KeyCode::Down => Action::Down,
        KeyCode::Up => Action::Up,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::Home => Action::Top,
        KeyCode::End => Action::Bottom,
        KeyCode::Char(' ') if detail => Action::PageDown,
        KeyCode::Char('b') if detail => Action::PageUp,
        KeyCode::Char('d') if app.overlay == Overlay::Bookmarks => Action::Delete,
        KeyCode::Char('d') if app.focus == Pane::Documents && app.saved.cursor.is_some() => {
            Action::Delete
        }
        _ => return None,
    })
}

/// The action of a configurable key, by its name in the configuration.
fn configured_action(name: &str) -> Option<Action> {
    Some(match name {
        "quit" => Action::Quit,
        "help" => Action::ToggleHelp,
        "problems" => Action::ToggleProblems,
        "focus_next" => Action::FocusNext,
        "focus_prev" => Action::FocusPrev,
        "focus_left" => Action::FocusLeft,
        "focus_right" => Action::FocusRight,
        "down" => Action::Down,
        "up" => Action::Up,
        "page_down" => Action::PageDown,
        "page_up" => Action::PageUp,
        "top" => Action::Top,
        "bottom" => Action::Bottom,
        "open" => Action::Open,
        "search" => Action::StartInput,
        "next_match" => Action::NextMatch,
        "prev_match" => Action::PrevMatch,
        "palette" => Action::OpenPalette,
        "bookmark" => Action::Bookmark,
        "bookmarks" => Action::ShowBookmarks,
        "copy_section" => Action::CopySection,
        "copy_citation" => Action::CopyCitation,
        "copy_document_citation" => Action::CopyDocumentCitation,
        "tag" => Action::Tag,
        "highlight" => Action::Highlight,
        "timeline" => Action::ToggleTimeline,
        "open_pager" => Action::OpenPager,
        "open_editor" => Action::OpenEditor,
        "full_width" => Action::ToggleFullWidth,
        "links" => Action::ShowLinks,
        "mentions" => Action::ShowMentions,
        "save_search" => Action::SaveSearch,
        "sort" => Action::CycleOrder,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ACTIONS;

    #[test]
    fn every_configurable_action_has_a_meaning() {
        for action in ACTIONS {
            assert!(configured_action(action.name).is_some(), "{}", action.name);
        }
    }
}
