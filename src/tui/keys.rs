//! Key and mouse events to [`Action`]s. Only key presses count (not releases or repeats on
//! terminals that report them); what a key means depends on whether text is being typed.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};

use super::app::{Action, App, Input, Overlay};

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
    if ctrl {
        return match key.code {
            KeyCode::Char('c') => Some(Action::Quit),
            KeyCode::Char('p') if app.overlay == Overlay::Palette => Some(Action::Up),
            KeyCode::Char('p') => Some(Action::OpenPalette),
            KeyCode::Char('n') | KeyCode::Char('j') => Some(Action::Down),
            KeyCode::Char('k') => Some(Action::Up),
            KeyCode::Char('d') => Some(Action::PageDown),
            KeyCode::Char('u') => Some(Action::PageUp),
            _ => None,
        };
    }
    if app.input != Input::None {
        return match key.code {
            KeyCode::Char(c) => Some(Action::Type(c)),
            KeyCode::Backspace => Some(Action::Backspace),
            KeyCode::Enter => Some(Action::Accept),
            KeyCode::Esc => Some(Action::Cancel),
            KeyCode::Up => Some(Action::Up),
            KeyCode::Down => Some(Action::Down),
            KeyCode::PageUp => Some(Action::PageUp),
            KeyCode::PageDown => Some(Action::PageDown),
            _ => None,
        };
    }
    let detail = app.focus == super::app::Pane::Detail;
    Some(match key.code {
        KeyCode::Char('q') => Action::Quit,
        KeyCode::Esc if app.overlay == Overlay::Timeline => Action::Cancel,
        KeyCode::Esc if app.overlay != Overlay::None => Action::CloseOverlay,
        KeyCode::Esc => Action::Cancel,
        KeyCode::Char('?') => Action::ToggleHelp,
        KeyCode::Char('p') => Action::ToggleProblems,
        KeyCode::Tab => Action::FocusNext,
        KeyCode::BackTab => Action::FocusPrev,
        KeyCode::Char('h') | KeyCode::Left => Action::FocusLeft,
        KeyCode::Char('l') | KeyCode::Right => Action::FocusRight,
        KeyCode::Char('j') | KeyCode::Down => Action::Down,
        KeyCode::Char('k') | KeyCode::Up => Action::Up,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::Char(' ') if detail => Action::PageDown,
        KeyCode::Char('b') if detail => Action::PageUp,
        KeyCode::Char('g') | KeyCode::Home => Action::Top,
        KeyCode::Char('G') | KeyCode::End => Action::Bottom,
        KeyCode::Enter => Action::Open,
        KeyCode::Char('/') => Action::StartInput,
        KeyCode::Char('n') => Action::NextMatch,
        KeyCode::Char('y') => Action::CopySection,
        KeyCode::Char('c') => Action::CopyCitation,
        KeyCode::Char('o') => Action::OpenPager,
        KeyCode::Char('e') => Action::OpenEditor,
        KeyCode::Char('t') => Action::ToggleTimeline,
        KeyCode::Char('m') => Action::Bookmark,
        KeyCode::Char('\'') => Action::ShowBookmarks,
        KeyCode::Char('d') if app.overlay == Overlay::Bookmarks => Action::Delete,
        KeyCode::Char('N') => Action::PrevMatch,
        _ => return None,
    })
}
