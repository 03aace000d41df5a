//! The key help (`?`): built from the bindings in force, so that a key rebound in the
//! configuration shows as the reader will press it; it scrolls when the screen is short.

use super::{Action, App, Overlay};
use crate::config::{ACTIONS, Config};

/// Keys that keep their meaning whatever the configuration says (see `keys::fixed_action`).
const FIXED: &[(&str, &str)] = &[
    ("← → ↓ ↑", "panes; move in a list, scroll the text"),
    ("PgDn PgUp", "page down / up"),
    ("Space b", "page down / up in the text"),
    ("Home End", "first / last"),
    ("Esc", "clear the filter or search; close"),
    ("d", "delete, in the bookmark list or on a saved search"),
    ("Ctrl-S", "save the palette query as a folder"),
    ("Ctrl-Z", "suspend (fg comes back)"),
    (
        "^A ^E ^U ^W",
        "typing: start / end, delete to start / a word",
    ),
    (
        "Alt-B Alt-F",
        "typing: a word back / forward; ↑ ↓ earlier entries",
    ),
    ("Ctrl-C", "quit"),
];

/// What the query syntax looks like, after the keys.
const SYNTAX: &[(&str, &str)] = &[
    (
        "query syntax",
        "terms AND, a | b, 'exact ^prefix suffix$ !not",
    ),
    ("", "from: to: class: year:1950..1962 date:1984-03"),
    ("", "field:NAME=value tag:NAME person:NAME"),
    ("", "upper case = case-sensitive"),
];

/// The help's rows: each bound action with its key as configured, then the fixed keys and the
/// query syntax. An action without a key (taken by another) is not listed.
pub(crate) fn help_rows(config: &Config) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(String, &'static str)> = ACTIONS
        .iter()
        .filter_map(|a| Some((config.keys.get(a.name)?.clone(), a.help)))
        .collect();
    rows.extend(FIXED.iter().map(|(k, h)| (k.to_string(), *h)));
    rows.push((String::new(), ""));
    rows.extend(SYNTAX.iter().map(|(k, h)| (k.to_string(), *h)));
    rows
}

/// Rows of help text the overlay shows at once on a screen of `height` rows.
pub(crate) fn help_height(height: u16) -> usize {
    height.saturating_sub(4).max(1) as usize
}

impl App {
    /// Keys while the help is open: the movement keys scroll it, any other closes it.
    pub(super) fn help_action(&mut self, action: Action) {
        let rows = help_rows(&self.config).len();
        let shown = help_height(self.size.height);
        let max = rows.saturating_sub(shown);
        let page = shown.saturating_sub(1).max(1);
        self.help_scroll = match action {
            Action::Down => self.help_scroll + 1,
            Action::Up => self.help_scroll.saturating_sub(1),
            Action::PageDown => self.help_scroll + page,
            Action::PageUp => self.help_scroll.saturating_sub(page),
            Action::Top => 0,
            Action::Bottom => max,
            _ => {
                self.overlay = Overlay::None;
                0
            }
        }
        .min(max);
    }
}
