//! The user's configuration (`$XDG_CONFIG_HOME/dossier/config.toml`) and the colour choice.
//!
//! Loading never fails and never panics: a missing file is the defaults, and whatever is wrong
//! in a file (a syntax error, an unknown setting, a bad value) is named with its line in a
//! warning while that one setting keeps its default. The file is read into toml's spanned
//! document tree rather than deserialized into a struct, so that every key keeps its position
//! and one bad value does not throw away the rest.
//!
//! Only [`load`], [`path`] and [`color_enabled`] read the environment; everything they do is
//! available with explicit inputs ([`load_from`], [`parse`], [`path_in`],
//! [`color_enabled_with`]) for tests.

mod keys;

pub use keys::{ACTIONS, ActionKey, Key, key_matches, parse_key};

use std::collections::BTreeMap;
use std::ffi::{OsStr, OsString};
use std::ops::Range;
use std::path::{Path, PathBuf};

use crossterm::event::KeyEvent;
use ratatui::style::Color;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Everything the configuration file can set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Action name (see [`ACTIONS`]) → key as written (`"j"`, `"ctrl-p"`, `"tab"`). Every
    /// value parses with [`parse_key`]; an action whose key was taken by another is absent.
    pub keys: BTreeMap<String, String>,
    pub theme: ThemeColors,
    pub panes: PaneWidths,
    /// Mouse wheel and clicks in the browser.
    pub mouse: bool,
    /// Copy to the clipboard with OSC 52.
    pub osc52: bool,
    /// The style of `c`, `C` and `dossier cite` (`citation_style = "mla"`).
    pub citation_style: crate::citation::Style,
}

/// The colours of the theme's coloured parts, each one of the 16 ANSI colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThemeColors {
    pub border_focused: Color,
    pub label: Color,
    pub matched: Color,
    pub date: Color,
    pub marker: Color,
    pub warning: Color,
}

/// Widths of the two lists in percent of the screen; the detail pane takes the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneWidths {
    pub documents_percent: u16,
    pub sections_percent: u16,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            keys: ACTIONS
                .iter()
                .map(|a| (a.name.to_string(), a.default_key.to_string()))
                .collect(),
            theme: ThemeColors::default(),
            panes: PaneWidths::default(),
            mouse: true,
            osc52: true,
            citation_style: crate::citation::Style::default(),
        }
    }
}

impl Default for ThemeColors {
    fn default() -> Self {
        ThemeColors {
            border_focused: Color::Cyan,
            label: Color::Cyan,
            matched: Color::Magenta,
            date: Color::Green,
            marker: Color::Yellow,
            warning: Color::Red,
        }
    }
}

impl Default for PaneWidths {
    fn default() -> Self {
        PaneWidths {
            documents_percent: 28,
            sections_percent: 24,
        }
    }
}

/// The range each list width may take, and the most both may take together.
const PANE_PERCENT: Range<i64> = 10..61;
const PANES_TOTAL_MAX: u16 = 80;

impl Config {
    /// The key bound to an action, parsed; `None` for an unknown or unbound action.
    pub fn key(&self, action: &str) -> Option<Key> {
        parse_key(self.keys.get(action)?).ok()
    }

    /// The action (a name from [`ACTIONS`]) bound to a key event, if any. Does not look at the
    /// event's kind: only presses should be passed.
    pub fn action_for(&self, event: &KeyEvent) -> Option<&'static str> {
        ACTIONS
            .iter()
            .find(|a| self.key(a.name).is_some_and(|key| key_matches(key, event)))
            .map(|a| a.name)
    }
}

/// The commented default configuration; it parses back to [`Config::default`].
pub fn default_toml() -> &'static str {
    include_str!("config/default.toml")
}

/// Where the configuration is read from: `$XDG_CONFIG_HOME/dossier/config.toml`, else
/// `~/.config/dossier/config.toml`; `None` without either.
pub fn path() -> Option<PathBuf> {
    path_in(std::env::var_os("XDG_CONFIG_HOME"), dirs::home_dir())
}

/// [`path`] with the environment given: the XDG base directory (ignored when empty or
/// relative, as the XDG spec says) and the home directory.
pub fn path_in(xdg_config_home: Option<OsString>, home: Option<PathBuf>) -> Option<PathBuf> {
    let base = xdg_config_home
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| home.map(|h| h.join(".config")))?;
    Some(base.join("dossier").join("config.toml"))
}

/// Reads the configuration from [`path`]: the configuration and warnings to show (each names
/// the file and, where it can, the line).
pub fn load() -> (Config, Vec<String>) {
    match path() {
        Some(path) => load_from(&path),
        None => (Config::default(), Vec::new()),
    }
}

/// Reads the configuration from a file: a missing file is the defaults without a warning.
pub fn load_from(path: &Path) -> (Config, Vec<String>) {
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text, &path.display().to_string()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), Vec::new()),
        Err(e) => (
            Config::default(),
            vec![format!("{}: {e}; using the defaults", path.display())],
        ),
    }
}

/// Reads a configuration from its text; `origin` (the file's path) starts each warning.
pub fn parse(text: &str, origin: &str) -> (Config, Vec<String>) {
    let mut reader = Reader::new(text);
    let (document, errors) = DeTable::parse_recoverable(text);
    for error in &errors {
        let line = error.span().map(|span| reader.line(span.start));
        reader.note(
            line,
            format!("{}; the line is ignored", error.message().trim()),
        );
        if let Some(line) = line {
            reader.bad_lines.push(line);
        }
    }
    let config = reader.config(document.get_ref());
    let mut warnings = reader.warnings;
    warnings.sort_by_key(|(line, _)| *line);
    let warnings = warnings
        .into_iter()
        .map(|(line, message)| match line {
            Some(line) => format!("{origin}:{line}: {message}"),
            None => format!("{origin}: {message}"),
        })
        .collect();
    (config, warnings)
}

/// Walks the parsed file, keeping positions for warnings.
struct Reader {
    /// Byte offsets at which lines start.
    line_starts: Vec<usize>,
    /// Lines with a syntax error: what toml recovered from them is not trusted.
    bad_lines: Vec<usize>,
    warnings: Vec<(Option<usize>, String)>,
}

type Entry<'a, 'i> = (
    &'a Spanned<std::borrow::Cow<'i, str>>,
    &'a Spanned<DeValue<'i>>,
);

impl Reader {
    fn new(text: &str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        Reader {
            line_starts,
            bad_lines: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// The 1-based line of a byte offset.
    fn line(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    fn note(&mut self, line: Option<usize>, message: String) {
        self.warnings.push((line, message));
    }

    fn warn(&mut self, span: Range<usize>, message: String) {
        let line = self.line(span.start);
        self.note(Some(line), format!("{message}; using the default"));
    }

    /// Entries of a table in file order, without those on lines with a syntax error.
    fn entries<'a, 'i>(&self, table: &'a DeTable<'i>) -> Vec<Entry<'a, 'i>> {
        let mut entries: Vec<_> = table
            .iter()
            .filter(|(key, value)| {
                // A table's span may reach past a broken line inside it: only a scalar's end
                // counts.
                let scalar = !matches!(value.get_ref(), DeValue::Table(_) | DeValue::Array(_));
                let mut offsets = vec![key.span().start, value.span().start];
                if scalar {
                    offsets.push(value.span().end.saturating_sub(1));
                }
                !offsets
                    .iter()
                    .any(|&at| self.bad_lines.contains(&self.line(at)))
            })
            .collect();
        entries.sort_by_key(|(key, _)| key.span().start);
        entries
    }

    fn config(&mut self, document: &DeTable<'_>) -> Config {
        let mut config = Config::default();
        for (key, value) in self.entries(document) {
            match key.get_ref().as_ref() {
                "mouse" => self.boolean(key, value, &mut config.mouse),
                "osc52" => self.boolean(key, value, &mut config.osc52),
                "citation_style" => match value.get_ref() {
                    DeValue::String(name) => match name.parse() {
                        Ok(style) => config.citation_style = style,
                        Err(e) => self.warn(key.span(), e),
                    },
                    _ => self.warn(key.span(), "citation_style must be a style name".into()),
                },
                "panes" => {
                    if let Some(table) = self.table(key, value) {
                        config.panes = self.panes(table);
                    }
                }
                "theme" => {
                    if let Some(table) = self.table(key, value) {
                        config.theme = self.theme(table);
                    }
                }
                "keys" => {
                    if let Some(table) = self.table(key, value) {
                        config.keys = self.keys(table);
                    }
                }
                other => self.note(
                    Some(self.line(key.span().start)),
                    format!(
                        "unknown setting {other:?} (known: mouse, osc52, citation_style, [panes], [theme], [keys]); ignored"
                    ),
                ),
            }
        }
        config
    }

    fn boolean(
        &mut self,
        key: &Spanned<std::borrow::Cow<str>>,
        value: &Spanned<DeValue>,
        slot: &mut bool,
    ) {
        match value.get_ref() {
            DeValue::Boolean(b) => *slot = *b,
            _ => self.warn(
                key.span(),
                format!("{} must be true or false", key.get_ref()),
            ),
        }
    }

    fn table<'a, 'i>(
        &mut self,
        key: &Spanned<std::borrow::Cow<str>>,
        value: &'a Spanned<DeValue<'i>>,
    ) -> Option<&'a DeTable<'i>> {
        match value.get_ref() {
            DeValue::Table(table) => Some(table),
            _ => {
                self.warn(
                    key.span(),
                    format!("{} must be a table ([{}])", key.get_ref(), key.get_ref()),
                );
                None
            }
        }
    }

    fn panes(&mut self, table: &DeTable<'_>) -> PaneWidths {
        let defaults = PaneWidths::default();
        let mut panes = defaults;
        let mut set = Vec::new();
        for (key, value) in self.entries(table) {
            let name = key.get_ref().as_ref();
            let slot = match name {
                "documents_percent" => &mut panes.documents_percent,
                "sections_percent" => &mut panes.sections_percent,
                other => {
                    self.note(
                        Some(self.line(key.span().start)),
                        format!(
                            "unknown setting panes.{other} (known: documents_percent, sections_percent); ignored"
                        ),
                    );
                    continue;
                }
            };
            let number = match value.get_ref() {
                DeValue::Integer(n) => i64::from_str_radix(n.as_str(), n.radix()).ok(),
                _ => None,
            };
            match number.filter(|n| PANE_PERCENT.contains(n)) {
                Some(n) => {
                    *slot = n as u16;
                    set.push((name, key.span()));
                }
                None => self.warn(
                    key.span(),
                    format!(
                        "panes.{name} must be a whole number from {} to {}",
                        PANE_PERCENT.start,
                        PANE_PERCENT.end - 1
                    ),
                ),
            }
        }
        if panes.documents_percent + panes.sections_percent > PANES_TOTAL_MAX {
            let span = set
                .iter()
                .map(|(_, span)| span.clone())
                .max_by_key(|s| s.start);
            if let Some(span) = span {
                self.warn(
                    span,
                    format!(
                        "panes.documents_percent and panes.sections_percent add up to {}, more than {PANES_TOTAL_MAX}",
                        panes.documents_percent + panes.sections_percent
                    ),
                );
            }
            for (name, _) in &set {
                match *name {
                    "documents_percent" => panes.documents_percent = defaults.documents_percent,
                    _ => panes.sections_percent = defaults.sections_percent,
                }
            }
        }
        panes
    }

    fn theme(&mut self, table: &DeTable<'_>) -> ThemeColors {
        let mut theme = ThemeColors::default();
        for (key, value) in self.entries(table) {
            let name = key.get_ref().as_ref();
            let slot = match name {
                "border_focused" => &mut theme.border_focused,
                "label" => &mut theme.label,
                "matched" => &mut theme.matched,
                "date" => &mut theme.date,
                "marker" => &mut theme.marker,
                "warning" => &mut theme.warning,
                other => {
                    self.note(
                        Some(self.line(key.span().start)),
                        format!(
                            "unknown setting theme.{other} (known: border_focused, label, matched, date, marker, warning); ignored"
                        ),
                    );
                    continue;
                }
            };
            let color = match value.get_ref() {
                DeValue::String(s) => parse_color(s),
                _ => Err("a colour name in quotes".to_string()),
            };
            match color {
                Ok(color) => *slot = color,
                Err(e) => self.warn(key.span(), format!("theme.{name}: {e}")),
            }
        }
        theme
    }

    /// The key bindings: a key set here takes it from an action that has it by default; two
    /// actions set to the same key are a mistake, and the later one keeps its default.
    fn keys(&mut self, table: &DeTable<'_>) -> BTreeMap<String, String> {
        let mut chosen: Vec<(&'static str, String, Key)> = Vec::new();
        for (key, value) in self.entries(table) {
            let name = key.get_ref().as_ref();
            let Some(action) = ACTIONS.iter().find(|a| a.name == name) else {
                self.note(
                    Some(self.line(key.span().start)),
                    format!("unknown action keys.{name} (see `dossier config --default`); ignored"),
                );
                continue;
            };
            let parsed = match value.get_ref() {
                DeValue::String(s) => parse_key(s).map(|k| (s.to_string(), k)),
                _ => Err("a key in quotes, such as \"j\" or \"ctrl-p\"".to_string()),
            };
            let (text, parsed) = match parsed {
                Ok(ok) => ok,
                Err(e) => {
                    self.warn(key.span(), format!("keys.{name}: {e}"));
                    continue;
                }
            };
            if let Some((other, ..)) = chosen.iter().find(|(_, _, k)| *k == parsed) {
                let other = *other;
                self.warn(
                    key.span(),
                    format!("keys.{name}: {text:?} is already bound to {other}"),
                );
                continue;
            }
            chosen.push((action.name, text, parsed));
        }
        let mut keys = BTreeMap::new();
        for action in ACTIONS {
            if let Some((_, text, ..)) = chosen.iter().find(|(name, ..)| *name == action.name) {
                keys.insert(action.name.to_string(), text.clone());
                continue;
            }
            let default = parse_key(action.default_key).ok();
            if chosen.iter().any(|(_, _, k)| Some(*k) == default) {
                continue;
            }
            keys.insert(action.name.to_string(), action.default_key.to_string());
        }
        keys
    }
}

/// The 16 ANSI colours by name, as in the default configuration; case, `_`, `-` and spaces
/// are ignored, `grey` is `gray` and `bright` is `light`.
pub fn parse_color(name: &str) -> Result<Color, String> {
    let key: String = name
        .chars()
        .filter(|c| !matches!(c, '_' | '-' | ' '))
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .replace("grey", "gray")
        .replace("bright", "light");
    Ok(match key.as_str() {
        "black" => Color::Black,
        "red" => Color::Red,
        "green" => Color::Green,
        "yellow" => Color::Yellow,
        "blue" => Color::Blue,
        "magenta" => Color::Magenta,
        "cyan" => Color::Cyan,
        "gray" => Color::Gray,
        "darkgray" | "lightblack" => Color::DarkGray,
        "lightred" => Color::LightRed,
        "lightgreen" => Color::LightGreen,
        "lightyellow" => Color::LightYellow,
        "lightblue" => Color::LightBlue,
        "lightmagenta" => Color::LightMagenta,
        "lightcyan" => Color::LightCyan,
        "white" | "lightwhite" => Color::White,
        _ => {
            return Err(format!(
                "unknown colour {name:?} (one of black, red, green, yellow, blue, magenta, cyan, gray, darkgray, lightred, lightgreen, lightyellow, lightblue, lightmagenta, lightcyan, white)"
            ));
        }
    })
}

/// `--color`: whether to colour the output.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colours on a terminal, unless `NO_COLOR` is set (non-empty).
    #[default]
    Auto,
    Always,
    Never,
}

/// Whether to use colours: `always` and `never` decide; `auto` colours a terminal unless
/// `NO_COLOR` is set to a non-empty value (an explicit flag overrides `NO_COLOR`, as
/// no-color.org asks).
pub fn color_enabled(choice: ColorChoice, is_terminal: bool) -> bool {
    color_enabled_with(choice, is_terminal, std::env::var_os("NO_COLOR").as_deref())
}

/// [`color_enabled`] with the value of `NO_COLOR` given.
pub fn color_enabled_with(
    choice: ColorChoice,
    is_terminal: bool,
    no_color: Option<&OsStr>,
) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => is_terminal && no_color.is_none_or(OsStr::is_empty),
    }
}
