//! Hostile documents and broken folders: nothing panics, nothing hangs, nothing reaches the
//! terminal that a document wrote, and every bad file is named with its problem.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use dossier::corpus;
use dossier::tui::app::{Action, App};
use dossier::tui::view::{draw, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;

/// A page whose text tries to drive the terminal: OSC 52 clipboard write, window title, screen
/// clear through the 8-bit CSI, bidi override, BEL, DEL.
const HOSTILE: &str = "March 25, 1984\n\nCable \u{1b}]0;PWNED\u{7} title\n\nTo: X \u{1b}[2J From: Y\n\n1. Copy \u{1b}]52;c;SGVsbG8=\u{7} this \u{9b}2J now \u{202e}desrever\u{202c} end\u{7f}.\n\n(1) Tab\there and \u{90}device control\u{9c} too.\n";

fn dossier() -> Command {
    Command::cargo_bin("dossier").expect("binary")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).expect("write fixture");
    path
}

/// Bytes that must never reach the terminal from a document: escape introducers other than
/// the CSI sequences the backend itself writes, BEL, and C1 controls.
fn assert_no_injected_controls(output: &[u8]) {
    let text = String::from_utf8_lossy(output);
    for forbidden in [
        "\u{1b}]",
        "\u{1b}P",
        "\u{1b}_",
        "\u{1b}^",
        "\u{7}",
        "PWNED\u{7}",
    ] {
        assert!(
            !text.contains(forbidden),
            "found {forbidden:?} in terminal output"
        );
    }
    assert!(
        !text.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)),
        "C1 control in output"
    );
    assert!(!text.contains('\u{202e}'), "bidi override in output");
    // Every ESC the backend writes starts a CSI sequence (ESC [) it generated itself.
    for (i, _) in text.match_indices('\u{1b}') {
        assert!(text[i + 1..].starts_with('['), "bare ESC at {i}");
    }
    assert!(
        !text.contains("\u{1b}[2J"),
        "a document's clear-screen reached the terminal"
    );
}

#[test]
fn hostile_text_never_reaches_the_terminal_stream() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "hostile.txt", HOSTILE.as_bytes());
    let corpus = corpus::load(&[dir.path().to_path_buf()]);
    let mut app = App::new(corpus, Rect::new(0, 0, 100, 30));
    let mut output = Vec::new();
    {
        let backend = CrosstermBackend::new(&mut output);
        let mut terminal = Terminal::with_options(
            backend,
            ratatui::TerminalOptions {
                viewport: ratatui::Viewport::Fixed(Rect::new(0, 0, 100, 30)),
            },
        )
        .unwrap();
        for actions in [
            vec![],
            vec![Action::Open, Action::Down],
            vec![Action::OpenPalette, Action::Type('c')],
        ] {
            for action in actions {
                app.update(action);
            }
            terminal
                .draw(|frame| draw(frame, &app, &Theme::plain(true)))
                .unwrap();
        }
    }
    assert!(
        String::from_utf8_lossy(&output).contains("Copy"),
        "the text itself is drawn"
    );
    assert_no_injected_controls(&output);
}

#[test]
fn hostile_text_is_clean_in_show_and_export() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "hostile.txt", HOSTILE.as_bytes());
    for args in [
        vec!["show", "hostile"],
        vec!["export"],
        vec!["list"],
        vec!["search", "copy"],
    ] {
        let out = dossier().args(&args).arg(dir.path()).output().unwrap();
        assert_no_injected_controls(&out.stdout);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(!text.contains('\u{1b}'), "{args:?}: ESC in output");
    }
    let out = dossier()
        .arg("show")
        .arg("hostile")
        .arg(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains('\u{241b}'),
        "ESC shown as a visible placeholder: {text}"
    );
    assert!(
        text.contains("Tab here") && !text.contains('\t'),
        "tabs expanded, runs of spaces joined"
    );
}

#[test]
fn hostile_file_names_are_cleaned_too() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "evil\u{1b}]0;x\u{7}.txt", b"");
    let out = dossier().arg("check").arg(dir.path()).output().unwrap();
    assert_no_injected_controls(&out.stdout);
    assert_no_injected_controls(&out.stderr);
}

/// A folder with every kind of bad file next to one good document.
fn bad_folder() -> tempfile::TempDir {
    bad_folder_with(true)
}

/// The bad folder; the 20 MB file only where a test is about it (debug builds parse it slowly).
fn bad_folder_with(huge_file: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "good.txt",
        b"March 25, 1984\n\nCable from A to B\n\n1. Regarding trade.\n",
    );
    write(d, "empty.txt", b"");
    write(d, "blank.txt", b"  \n\t\n   \n");
    write(
        d,
        "binary.txt",
        &[0x7f, b'E', b'L', b'F', 0, 0, 1, 2, 3, 0, 255],
    );
    write(
        d,
        "latin1.txt",
        b"June 1950\n\nLetter from M\xfcller\n\nDear Sir, the L\xfcbeck registry.\n",
    );
    write(d, "broken.json", b"{ \"title\": ");
    write(d, "notadoc.json", b"[1, 2, 3]");
    if huge_file {
        let mut huge = String::from("1956\n\nMinutes of a very long meeting\n\n1. ");
        while huge.len() < 20 * 1024 * 1024 {
            huge.push_str(
                "The delegates spoke at length about the station network and its costs. ",
            );
        }
        write(d, "huge.txt", huge.as_bytes());
    }
    let mut deep = String::from("1956\n\nDeeply nested report\n\n");
    let styles = [
        "1.", "(1)", "1)", "(a)", "a)", "A.", "I.", "(i)", "§ 1", "- ", "* ", "• ", "1.1", "(A)",
    ];
    for i in 0..5000 {
        deep.push_str(&format!("{} level {i} text.\n\n", styles[i % styles.len()]));
    }
    write(d, "deep.txt", deep.as_bytes());
    let fifo = d.join("pipe.txt");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(status.success());
    std::os::unix::fs::symlink(d.join("missing.txt"), d.join("dangling.txt")).unwrap();
    fs::create_dir(d.join("loop")).unwrap();
    std::os::unix::fs::symlink(d.join("loop"), d.join("loop").join("again")).unwrap();
    use std::os::unix::ffi::OsStrExt;
    let odd = std::ffi::OsStr::from_bytes(b"odd-\xff-name.txt");
    fs::File::create(d.join(odd))
        .unwrap()
        .write_all(b"1962\n\nNote with an odd file name\n\nText.\n")
        .unwrap();
    dir
}

#[test]
fn check_names_every_bad_file_and_exits_1_without_hanging() {
    let dir = bad_folder();
    let start = Instant::now();
    let out = dossier()
        .arg("check")
        .arg(dir.path())
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    assert!(start.elapsed() < Duration::from_secs(60));
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = String::from_utf8_lossy(&out.stdout);
    let expect = [
        ("empty.txt", "empty file"),
        ("blank.txt", "empty file"),
        ("binary.txt", "binary"),
        ("latin1.txt", "invalid UTF-8"),
        ("broken.json", "invalid JSON"),
        ("notadoc.json", "not a dossier document"),
        ("pipe.txt", "not a regular file"),
        ("dangling.txt", "no such file"),
        ("again", "loop"),
    ];
    for (file, problem) in expect {
        let line = report
            .lines()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("{file} not named:\n{report}"));
        assert!(
            line.contains(problem),
            "{file}: expected {problem:?} in {line:?}"
        );
    }
    assert!(
        report.lines().any(|l| l.contains("odd-\u{fffd}-name.txt")),
        "non-UTF-8 name shown lossily:\n{report}"
    );
}

#[test]
fn list_still_lists_every_loadable_document() {
    let dir = bad_folder();
    let out = dossier()
        .arg("list")
        .arg(dir.path())
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&out.stdout);
    for id in ["good", "latin1", "huge", "deep", "odd-_-name"] {
        assert!(
            listed.lines().any(|l| l.starts_with(&format!("{id}\t"))),
            "{id} missing:\n{listed}"
        );
    }
    assert_eq!(
        out.status.code(),
        Some(1),
        "files not loaded make the exit status 1"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("binary.txt"));
}

#[test]
fn deep_nesting_exports_and_reads_back() {
    let dir = bad_folder_with(false);
    let out = dossier()
        .arg("export")
        .arg(dir.path().join("deep.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let export = dir.path().join("export.json");
    fs::write(&export, &out.stdout).unwrap();
    let back = dossier().arg("list").arg(&export).output().unwrap();
    assert!(
        back.status.success(),
        "{}",
        String::from_utf8_lossy(&back.stderr)
    );
    assert!(String::from_utf8_lossy(&back.stdout).contains("Deeply nested report"));
}

#[test]
fn the_browser_state_survives_the_bad_folder_and_tiny_and_huge_screens() {
    let dir = bad_folder_with(false);
    let corpus = corpus::load(&[dir.path().to_path_buf()]);
    let mut app = App::new(corpus, Rect::new(0, 0, 80, 24));
    for (w, h) in [(10, 5), (300, 100), (1, 1), (80, 24), (13, 7)] {
        app.update(Action::Resize(w, h));
        for action in [
            Action::Bottom,
            Action::Open,
            Action::Bottom,
            Action::Open,
            Action::PageDown,
        ] {
            app.update(action);
        }
        let mut terminal = Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
        terminal
            .draw(|frame| draw(frame, &app, &Theme::plain(true)))
            .unwrap();
    }
}

#[test]
fn documents_are_never_modified() {
    let dir = bad_folder_with(false);
    let before: Vec<(PathBuf, Vec<u8>)> = fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .map(|p| {
            let bytes = fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    for args in [vec!["check"], vec!["export"], vec!["list"]] {
        dossier()
            .args(&args)
            .arg(dir.path())
            .timeout(Duration::from_secs(60))
            .output()
            .unwrap();
    }
    for (path, bytes) in before {
        assert_eq!(
            fs::read(&path).unwrap(),
            bytes,
            "{} changed",
            path.display()
        );
    }
}
