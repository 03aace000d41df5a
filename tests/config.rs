//! The configuration file: the commented default parses back to the defaults, a missing file
//! is silent, and every kind of mistake is named with its file and line while the rest of the
//! file still applies. Also key matching, the colour choice and `dossier config`.
//!
//! Tests never read the process environment (tests run in threads): they use the functions
//! that take explicit paths, and set variables only on child processes.

mod common;

use std::ffi::OsString;
use std::path::PathBuf;

use assert_cmd::Command;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use dossier::config::{
    self, ACTIONS, ColorChoice, Config, PaneWidths, color_enabled_with, parse, parse_key,
};
use ratatui::style::Color;

const ORIGIN: &str = "/home/u/.config/dossier/config.toml";

fn dossier() -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("dossier");
    cmd.current_dir(common::root());
    cmd
}

/// Parses a file and returns the configuration and its warnings.
fn read(text: &str) -> (Config, Vec<String>) {
    parse(text, ORIGIN)
}

#[test]
fn the_commented_default_parses_back_to_the_defaults() {
    assert_eq!(
        read(config::default_toml()),
        (Config::default(), Vec::new())
    );
}

#[test]
fn the_default_file_lists_every_action_with_its_default_key() {
    let defaults = Config::default();
    for action in ACTIONS {
        assert_eq!(
            defaults.keys.get(action.name).map(String::as_str),
            Some(action.default_key)
        );
        assert!(parse_key(action.default_key).is_ok(), "{}", action.name);
        let line = format!("\n{} = ", action.name);
        assert!(config::default_toml().contains(&line), "{}", action.name);
    }
}

#[test]
fn default_keys_are_all_different() {
    let mut keys: Vec<_> = ACTIONS
        .iter()
        .map(|a| parse_key(a.default_key).unwrap())
        .collect();
    keys.sort_by_key(|k| format!("{k:?}"));
    let before = keys.len();
    keys.dedup();
    assert_eq!(keys.len(), before);
}

#[test]
fn an_empty_file_is_the_defaults() {
    assert_eq!(read(""), (Config::default(), Vec::new()));
}

#[test]
fn a_missing_file_is_the_defaults_without_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("dossier").join("config.toml");
    assert_eq!(config::load_from(&missing), (Config::default(), Vec::new()));
}

#[test]
fn a_file_that_is_not_text_is_a_warning_and_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, b"mouse = \xff\n").unwrap();
    let (config, warnings) = config::load_from(&path);
    assert_eq!(config, Config::default());
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with(&path.display().to_string()),
        "{warnings:?}"
    );
}

#[test]
fn settings_are_read_from_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(
        &path,
        "mouse = false\nosc52 = false\n[panes]\ndocuments_percent = 35\n\
         [theme]\nlabel = \"lightblue\"\ndate = \"Dark_Grey\"\n[keys]\nquit = \"ctrl-q\"\n",
    )
    .unwrap();
    let (config, warnings) = config::load_from(&path);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(!config.mouse);
    assert!(!config.osc52);
    assert_eq!(
        config.panes,
        PaneWidths {
            documents_percent: 35,
            sections_percent: 24
        }
    );
    assert_eq!(config.theme.label, Color::LightBlue);
    assert_eq!(config.theme.date, Color::DarkGray);
    assert_eq!(config.theme.matched, Color::Magenta);
    assert_eq!(
        config.key("quit"),
        Some((KeyCode::Char('q'), KeyModifiers::CONTROL))
    );
    assert_eq!(config.keys.get("down").map(String::as_str), Some("j"));
}

#[test]
fn a_syntax_error_names_its_line_and_the_rest_still_applies() {
    let text = "mouse = false\n\n[theme]\nlabel = \"red\nmatched = \"blue\"\n";
    let (config, warnings) = read(text);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with(&format!("{ORIGIN}:4: ")),
        "{warnings:?}"
    );
    assert!(!config.mouse);
    assert_eq!(
        config.theme.label,
        Color::Cyan,
        "the broken line keeps its default"
    );
    assert_eq!(config.theme.matched, Color::Blue);
}

#[test]
fn a_syntax_error_on_the_last_line_of_a_table_keeps_the_rest_of_the_table() {
    let (config, warnings) = read("[theme]\nmatched = \"blue\"\nlabel = \"red\n");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with(&format!("{ORIGIN}:3: ")),
        "{warnings:?}"
    );
    assert_eq!(config.theme.matched, Color::Blue);
    assert_eq!(config.theme.label, Color::Cyan);
}

#[test]
fn garbage_is_warnings_never_a_panic() {
    for text in [
        "[[[",
        "= 1",
        "mouse = ",
        "[keys\nquit = \"x\"",
        "keys = 5",
        "theme = [1, 2]",
        "[panes]\ndocuments_percent = 1e400",
        "\u{0}\u{1}\u{7f}",
        "mouse = true\nmouse = false",
        "[keys]\n\"\" = \"\"",
    ] {
        let (_, warnings) = read(text);
        assert!(!warnings.is_empty(), "{text:?}");
        for warning in &warnings {
            assert!(warning.starts_with(ORIGIN), "{warning}");
        }
    }
}

#[test]
fn a_duplicate_setting_is_named() {
    let (config, warnings) = read("mouse = false\nosc52 = false\nmouse = true\n");
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with(&format!("{ORIGIN}:3: "))),
        "{warnings:?}"
    );
    assert!(!config.osc52);
}

#[test]
fn an_unknown_setting_names_its_line() {
    let (config, warnings) = read("mouse = false\n\n[theme]\nlabel = \"red\"\nborder = \"blue\"\n");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with(&format!("{ORIGIN}:5: ")),
        "{warnings:?}"
    );
    assert!(warnings[0].contains("theme.border"), "{warnings:?}");
    assert_eq!(config.theme.label, Color::Red);
    assert!(!config.mouse);
    let (_, warnings) = read("colour = true\n");
    assert!(
        warnings[0].starts_with(&format!("{ORIGIN}:1: ")),
        "{warnings:?}"
    );
}

#[test]
fn a_bad_colour_names_its_line_and_keeps_the_default() {
    let (config, warnings) = read("[theme]\nlabel = \"teal\"\nmarker = 3\ndate = \"blue\"\n");
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings[0].starts_with(&format!("{ORIGIN}:2: ")),
        "{warnings:?}"
    );
    assert!(warnings[0].contains("\"teal\""), "{warnings:?}");
    assert!(
        warnings[1].starts_with(&format!("{ORIGIN}:3: ")),
        "{warnings:?}"
    );
    assert_eq!(config.theme.label, Color::Cyan);
    assert_eq!(config.theme.marker, Color::Yellow);
    assert_eq!(config.theme.date, Color::Blue);
}

#[test]
fn a_value_of_the_wrong_type_names_its_line() {
    let (config, warnings) = read("# comment\nmouse = \"no\"\n");
    assert_eq!(config, Config::default());
    assert_eq!(warnings.len(), 1);
    assert!(
        warnings[0].starts_with(&format!("{ORIGIN}:2: ")),
        "{warnings:?}"
    );
    assert!(warnings[0].contains("mouse"), "{warnings:?}");
}

#[test]
fn inline_tables_and_dotted_keys_work() {
    let (config, warnings) = read("theme = { label = \"red\" }\nkeys.quit = \"x\"\n");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(config.theme.label, Color::Red);
    assert_eq!(config.keys.get("quit").map(String::as_str), Some("x"));
}

#[test]
fn pane_widths_out_of_range_keep_their_defaults() {
    let (config, warnings) = read("[panes]\ndocuments_percent = 5\nsections_percent = 30\n");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with(&format!("{ORIGIN}:2: ")),
        "{warnings:?}"
    );
    assert_eq!(config.panes.documents_percent, 28);
    assert_eq!(config.panes.sections_percent, 30);
    let (config, warnings) = read("[panes]\ndocuments_percent = 50\nsections_percent = 40\n");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with(&format!("{ORIGIN}:3: ")),
        "{warnings:?}"
    );
    assert_eq!(config.panes, PaneWidths::default());
    let (_, warnings) = read("[panes]\nsections_percent = 30.5\n");
    assert!(warnings[0].contains("whole number"), "{warnings:?}");
}

#[test]
fn a_bad_key_or_unknown_action_names_its_line() {
    let text = "[keys]\nquit = \"ctrl-\"\ndown = \"hyper-j\"\njump = \"x\"\ntop = 1\nup = \"K\"\n";
    let (config, warnings) = read(text);
    let lines: Vec<&str> = warnings
        .iter()
        .map(|w| w.trim_start_matches(ORIGIN).split(':').nth(1).unwrap_or(""))
        .collect();
    assert_eq!(lines, ["2", "3", "4", "5"], "{warnings:?}");
    assert_eq!(config.keys.get("quit").map(String::as_str), Some("q"));
    assert_eq!(config.keys.get("down").map(String::as_str), Some("j"));
    assert_eq!(config.keys.get("top").map(String::as_str), Some("g"));
    assert_eq!(config.keys.get("up").map(String::as_str), Some("K"));
    assert!(!config.keys.contains_key("jump"));
}

#[test]
fn a_key_taken_from_a_default_binding_unbinds_that_action() {
    let (config, warnings) = read("[keys]\ntimeline = \"j\"\n");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(config.keys.get("timeline").map(String::as_str), Some("j"));
    assert_eq!(config.keys.get("down"), None);
    let j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
    assert_eq!(config.action_for(&j), Some("timeline"));
}

#[test]
fn two_actions_set_to_one_key_is_a_warning_and_the_second_keeps_its_default() {
    let (config, warnings) = read("[keys]\ntimeline = \"x\"\nopen_pager = \"x\"\n");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with(&format!("{ORIGIN}:3: ")),
        "{warnings:?}"
    );
    assert!(warnings[0].contains("timeline"), "{warnings:?}");
    assert_eq!(config.keys.get("timeline").map(String::as_str), Some("x"));
    assert_eq!(config.keys.get("open_pager").map(String::as_str), Some("o"));
}

#[test]
fn events_find_their_action() {
    let config = Config::default();
    let press = |code, modifiers| KeyEvent::new(code, modifiers);
    assert_eq!(
        config.action_for(&press(KeyCode::Char('q'), KeyModifiers::NONE)),
        Some("quit")
    );
    assert_eq!(
        config.action_for(&press(KeyCode::Char('G'), KeyModifiers::SHIFT)),
        Some("bottom")
    );
    assert_eq!(
        config.action_for(&press(KeyCode::BackTab, KeyModifiers::SHIFT)),
        Some("focus_prev")
    );
    assert_eq!(
        config.action_for(&press(KeyCode::Char('p'), KeyModifiers::CONTROL)),
        Some("palette")
    );
    assert_eq!(
        config.action_for(&press(KeyCode::Char('p'), KeyModifiers::NONE)),
        Some("problems")
    );
    assert_eq!(
        config.action_for(&press(KeyCode::Char('\''), KeyModifiers::NONE)),
        Some("bookmarks")
    );
    assert_eq!(
        config.action_for(&press(KeyCode::Char('z'), KeyModifiers::NONE)),
        Some("full_width")
    );
    assert_eq!(
        config.action_for(&press(KeyCode::Char('x'), KeyModifiers::NONE)),
        None
    );
}

#[test]
fn the_config_path_follows_xdg_then_home() {
    let home = Some(PathBuf::from("/home/u"));
    assert_eq!(
        config::path_in(Some(OsString::from("/xdg")), home.clone()),
        Some(PathBuf::from("/xdg/dossier/config.toml"))
    );
    assert_eq!(
        config::path_in(None, home.clone()),
        Some(PathBuf::from("/home/u/.config/dossier/config.toml"))
    );
    // The XDG spec: an empty or relative value is ignored.
    for ignored in ["", "relative/dir"] {
        assert_eq!(
            config::path_in(Some(OsString::from(ignored)), home.clone()),
            Some(PathBuf::from("/home/u/.config/dossier/config.toml"))
        );
    }
    assert_eq!(config::path_in(None, None), None);
}

#[test]
fn colour_follows_the_choice_the_terminal_and_no_color() {
    use ColorChoice::{Always, Auto, Never};
    let set = Some(std::ffi::OsStr::new("1"));
    let empty = Some(std::ffi::OsStr::new(""));
    assert!(color_enabled_with(Auto, true, None));
    assert!(
        color_enabled_with(Auto, true, empty),
        "an empty NO_COLOR is unset"
    );
    assert!(!color_enabled_with(Auto, true, set));
    assert!(!color_enabled_with(Auto, false, None));
    assert!(
        color_enabled_with(Always, false, set),
        "an explicit flag beats NO_COLOR"
    );
    assert!(!color_enabled_with(Never, true, None));
}

#[test]
fn config_default_prints_the_commented_default() {
    let output = dossier().args(["config", "--default"]).output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(text, config::default_toml());
    assert!(text.lines().filter(|l| l.starts_with('#')).count() > 10);
    assert_eq!(read(&text), (Config::default(), Vec::new()));
}

#[test]
fn config_path_prints_where_the_file_is_read_from() {
    dossier()
        .args(["config", "--path"])
        .env("XDG_CONFIG_HOME", "/somewhere/xdg")
        .assert()
        .success()
        .stdout("/somewhere/xdg/dossier/config.toml\n");
    dossier()
        .args(["config", "--path"])
        .env_remove("XDG_CONFIG_HOME")
        .env("HOME", "/home/reader")
        .assert()
        .success()
        .stdout("/home/reader/.config/dossier/config.toml\n");
}

#[test]
fn config_needs_one_of_its_flags() {
    dossier().arg("config").assert().code(2);
    dossier()
        .args(["config", "--default", "--path"])
        .assert()
        .code(2);
}

#[test]
fn the_color_flag_is_accepted_everywhere_and_checked() {
    dossier()
        .args(["--color", "never", "list", "sample"])
        .assert()
        .success();
    dossier()
        .args(["list", "--color", "always", "sample"])
        .assert()
        .success();
    dossier()
        .args(["--color", "sometimes", "list", "sample"])
        .assert()
        .code(2);
}
