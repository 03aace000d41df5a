//! Key names in the configuration file, as crossterm key codes and modifiers.
//!
//! A binding and an event are compared after the same normalization, so that what the user
//! writes (`G`, `shift-g`, `ctrl-P`, `shift-tab`) matches what terminals actually send
//! (`Char('G')` with or without SHIFT, `Char('p')` with CONTROL, `BackTab` with SHIFT).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key as bindings and events are compared: a code and its modifiers, normalized.
pub type Key = (KeyCode, KeyModifiers);

/// An action that can be bound in `[keys]`: its name in the file, its default key and what it
/// does (for help screens).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionKey {
    pub name: &'static str,
    pub default_key: &'static str,
    pub help: &'static str,
}

const fn action(name: &'static str, default_key: &'static str, help: &'static str) -> ActionKey {
    ActionKey {
        name,
        default_key,
        help,
    }
}

/// Every bindable action, in the order of the default configuration.
pub const ACTIONS: &[ActionKey] = &[
    action("quit", "q", "quit"),
    action("help", "?", "help"),
    action("problems", "p", "problems found while loading"),
    action("focus_next", "tab", "focus the next pane"),
    action("focus_prev", "backtab", "focus the previous pane"),
    action("focus_left", "h", "focus the pane to the left"),
    action("focus_right", "l", "focus the pane to the right"),
    action("down", "j", "move down; scroll the text"),
    action("up", "k", "move up; scroll the text"),
    action("page_down", "ctrl-d", "a page down"),
    action("page_up", "ctrl-u", "a page up"),
    action("top", "g", "first"),
    action("bottom", "G", "last"),
    action("open", "enter", "open"),
    action("search", "/", "filter the list; search the text"),
    action("next_match", "n", "next search match"),
    action("prev_match", "N", "previous search match"),
    action(
        "palette",
        "ctrl-p",
        "jump palette: the passages with the words",
    ),
    action("bookmark", "m", "bookmark the current section"),
    action("bookmarks", "'", "the bookmark list"),
    action(
        "tag",
        "T",
        "tag the document (Tab completes; tag:NAME finds)",
    ),
    action(
        "highlight",
        "v",
        "highlight the passage or one sentence; again removes",
    ),
    action("copy_section", "y", "copy the section's text"),
    action(
        "copy_citation",
        "c",
        "copy a citation of the section being read",
    ),
    action(
        "copy_document_citation",
        "C",
        "copy a citation of the whole document",
    ),
    action("timeline", "t", "documents per year"),
    action("open_pager", "o", "open the file in $PAGER at this line"),
    action("open_editor", "e", "open the file in $EDITOR at this line"),
    action(
        "full_width",
        "z",
        "the text alone across the screen, and back",
    ),
    action(
        "links",
        "f",
        "the document's cross-references: Enter follows",
    ),
    action("mentions", "w", "who and what the passage mentions"),
    action(
        "save_search",
        "S",
        "save the filter or palette query under a name",
    ),
    action("sort", "s", "order documents by file, date, title, kind"),
];

/// Parses a key as written in the configuration: a character (`j`, `G`, `/`, `'`) or a name
/// (`enter`, `tab`, `backtab`, `esc`, `space`, `backspace`, `delete`, `insert`, `home`,
/// `end`, `pageup`, `pagedown`, `up`, `down`, `left`, `right`, `f1`…`f24`), after modifiers
/// joined by `-` or `+` (`ctrl-p`, `alt-x`, `shift-tab`). The result is normalized like
/// events in [`key_matches`]: `shift-g` is `Char('G')`, `ctrl-P` is `Char('p')` with CONTROL,
/// `shift-tab` is `BackTab`.
pub fn parse_key(text: &str) -> Result<Key, String> {
    if text.is_empty() {
        return Err("empty key".to_string());
    }
    let mut modifiers = KeyModifiers::NONE;
    let mut rest = text;
    while rest.chars().count() > 1 {
        let Some(at) = rest.find(['-', '+']).filter(|&at| at > 0) else {
            break;
        };
        let modifier = match rest[..at].to_ascii_lowercase().as_str() {
            "ctrl" | "control" => KeyModifiers::CONTROL,
            "alt" | "meta" | "option" => KeyModifiers::ALT,
            "shift" => KeyModifiers::SHIFT,
            _ => break,
        };
        modifiers |= modifier;
        rest = &rest[at + 1..];
        if rest.is_empty() {
            return Err(format!("no key after the modifier in {text:?}"));
        }
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) => {
            if modifiers.contains(KeyModifiers::SHIFT) && c.is_lowercase() {
                modifiers -= KeyModifiers::SHIFT;
                KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
            } else {
                KeyCode::Char(c)
            }
        }
        _ => named_key(&rest.to_ascii_lowercase())
            .ok_or_else(|| format!("unknown key {rest:?} in {text:?}"))?,
    };
    Ok(normalize(code, modifiers))
}

fn named_key(name: &str) -> Option<KeyCode> {
    Some(match name {
        "enter" | "return" => KeyCode::Enter,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "esc" | "escape" => KeyCode::Esc,
        "space" => KeyCode::Char(' '),
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" | "pgup" => KeyCode::PageUp,
        "pagedown" | "pgdn" => KeyCode::PageDown,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        _ => {
            let n: u8 = name.strip_prefix('f')?.parse().ok()?;
            if !(1..=24).contains(&n) {
                return None;
            }
            KeyCode::F(n)
        }
    })
}

/// The form in which bindings and events are compared: SHIFT is dropped where the key code
/// already says it (a character's case, `BackTab`), a control character is lower case, and
/// only CONTROL, ALT and SHIFT count.
fn normalize(code: KeyCode, modifiers: KeyModifiers) -> Key {
    let mut modifiers =
        modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    let code = match code {
        KeyCode::Char(c) => {
            modifiers -= KeyModifiers::SHIFT;
            if modifiers.contains(KeyModifiers::CONTROL) {
                KeyCode::Char(c.to_lowercase().next().unwrap_or(c))
            } else {
                KeyCode::Char(c)
            }
        }
        KeyCode::Tab if modifiers.contains(KeyModifiers::SHIFT) => {
            modifiers -= KeyModifiers::SHIFT;
            KeyCode::BackTab
        }
        KeyCode::BackTab => {
            modifiers -= KeyModifiers::SHIFT;
            KeyCode::BackTab
        }
        code => code,
    };
    (code, modifiers)
}

/// Whether a key event is the key a binding names (whatever the event's kind: the caller
/// decides which kinds count).
pub fn key_matches(key: Key, event: &KeyEvent) -> bool {
    normalize(event.code, event.modifiers) == key
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn a_character_is_itself() {
        assert_eq!(parse_key("j"), Ok((KeyCode::Char('j'), KeyModifiers::NONE)));
        assert_eq!(
            parse_key("'"),
            Ok((KeyCode::Char('\''), KeyModifiers::NONE))
        );
        assert_eq!(parse_key("-"), Ok((KeyCode::Char('-'), KeyModifiers::NONE)));
        assert_eq!(parse_key("é"), Ok((KeyCode::Char('é'), KeyModifiers::NONE)));
    }

    #[test]
    fn modifiers_join_with_dash_or_plus_in_any_case() {
        let ctrl_p = Ok((KeyCode::Char('p'), KeyModifiers::CONTROL));
        assert_eq!(parse_key("ctrl-p"), ctrl_p);
        assert_eq!(parse_key("Ctrl+P"), ctrl_p);
        assert_eq!(parse_key("control-p"), ctrl_p);
        assert_eq!(
            parse_key("ctrl-alt-x"),
            Ok((
                KeyCode::Char('x'),
                KeyModifiers::CONTROL | KeyModifiers::ALT
            ))
        );
        assert_eq!(
            parse_key("ctrl--"),
            Ok((KeyCode::Char('-'), KeyModifiers::CONTROL))
        );
    }

    #[test]
    fn shift_is_folded_into_the_key() {
        assert_eq!(parse_key("shift-g"), parse_key("G"));
        assert_eq!(
            parse_key("shift-tab"),
            Ok((KeyCode::BackTab, KeyModifiers::NONE))
        );
        assert_eq!(parse_key("backtab"), parse_key("shift-tab"));
        assert_eq!(
            parse_key("shift-up"),
            Ok((KeyCode::Up, KeyModifiers::SHIFT))
        );
    }

    #[test]
    fn names_are_case_insensitive() {
        assert_eq!(parse_key("Enter"), Ok((KeyCode::Enter, KeyModifiers::NONE)));
        assert_eq!(
            parse_key("PgDn"),
            Ok((KeyCode::PageDown, KeyModifiers::NONE))
        );
        assert_eq!(
            parse_key("space"),
            Ok((KeyCode::Char(' '), KeyModifiers::NONE))
        );
        assert_eq!(parse_key("F12"), Ok((KeyCode::F(12), KeyModifiers::NONE)));
    }

    #[test]
    fn bad_keys_are_errors_naming_the_key() {
        for bad in ["", "ctrl-", "hyper-x", "f0", "f25", "jj", "enterr"] {
            assert!(parse_key(bad).is_err(), "{bad:?}");
        }
        assert!(parse_key("enterr").unwrap_err().contains("enterr"));
    }

    #[test]
    fn events_match_as_terminals_send_them() {
        let big_g = parse_key("G").unwrap();
        assert!(key_matches(
            big_g,
            &event(KeyCode::Char('G'), KeyModifiers::SHIFT)
        ));
        assert!(key_matches(
            big_g,
            &event(KeyCode::Char('G'), KeyModifiers::NONE)
        ));
        assert!(!key_matches(
            big_g,
            &event(KeyCode::Char('g'), KeyModifiers::NONE)
        ));
        let back = parse_key("shift-tab").unwrap();
        assert!(key_matches(
            back,
            &event(KeyCode::BackTab, KeyModifiers::SHIFT)
        ));
        let ctrl_p = parse_key("ctrl-p").unwrap();
        assert!(key_matches(
            ctrl_p,
            &event(KeyCode::Char('p'), KeyModifiers::CONTROL)
        ));
        assert!(!key_matches(
            ctrl_p,
            &event(KeyCode::Char('p'), KeyModifiers::NONE)
        ));
    }
}
