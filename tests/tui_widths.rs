//! Readable at every width: titles in the documents list, the full-width view (`z`), the key
//! help from the bindings in force, the status line and the problems overlay.

mod common;

use std::path::PathBuf;

use common::{key, sample_app as app};
use crossterm::event::KeyCode;
use dossier::corpus;
use dossier::tui::app::{Action, App, Overlay, Pane};
use dossier::tui::view::{draw, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

/// The screen's rows as text.
fn rows(app: &App) -> Vec<String> {
    let (width, height) = (app.size.width, app.size.height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal
        .draw(|frame| draw(frame, app, &Theme::plain(false)))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| (0..width).map(|x| buffer[(x, y)].symbol()).collect())
        .collect()
}

fn title_prefix(app: &App, doc: usize, chars: usize) -> String {
    app.docs[doc].title.chars().take(chars).collect()
}

#[test]
fn document_rows_show_forty_characters_of_the_title_at_100_and_160_columns() {
    for width in [100, 160] {
        let app = app(width, 30);
        let screen = rows(&app);
        for doc in 0..5 {
            let title = title_prefix(&app, doc, 40);
            assert!(
                screen[doc + 1].contains(&title),
                "{width}: {title:?} in {:?}",
                screen[doc + 1]
            );
        }
    }
}

#[test]
fn the_sections_come_back_when_the_focus_leaves_the_documents() {
    let mut app = app(100, 30);
    assert!(
        app.panes().sections.is_none(),
        "the wide list takes their room"
    );
    let narrow = app.detail.width;
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Pane::Sections);
    assert!(app.panes().sections.is_some());
    assert_ne!(
        app.detail.width, narrow,
        "the text is laid out for its new width"
    );
    assert_eq!(app.detail.width, app.detail_width());
    // At 160 columns all three fit with the wide list.
    let wide = common::sample_app(160, 40);
    assert!(wide.panes().sections.is_some());
}

#[test]
fn z_shows_the_text_alone_across_the_screen_and_back() {
    for (width, height) in [(80, 24), (100, 30), (200, 60)] {
        let mut app = app(width, height);
        key(&mut app, KeyCode::Char('z'));
        assert!(app.full_width);
        assert_eq!(app.focus, Pane::Detail);
        let panes = app.panes();
        assert!(panes.documents.is_none() && panes.sections.is_none());
        assert_eq!(panes.detail.map(|r| r.width), Some(width));
        assert_eq!(
            app.detail.width,
            width as usize - 2,
            "text from edge to edge"
        );
        key(&mut app, KeyCode::Char('z'));
        assert!(!app.full_width);
        assert!(app.panes().documents.is_some());
    }
}

#[test]
fn a_list_taking_the_focus_ends_the_full_width_view() {
    let mut app = app(100, 30);
    app.update(Action::ToggleFullWidth);
    app.update(Action::PageDown);
    app.update(Action::FocusNext);
    assert!(!app.full_width);
    assert_eq!(app.focus, Pane::Documents);
    // The text is laid out again for the pane beside the lists (where it lands is the
    // anchored position's business, #13 item 3).
    assert_eq!(app.detail.width, app.detail_width());
    assert!(app.detail.width < 90);
    assert!(app.detail.scroll <= app.max_scroll());
}

#[test]
fn the_help_lists_a_rebound_key_and_not_the_default() {
    let corpus = corpus::load(&[PathBuf::from("sample")]);
    let mut app = App::new(corpus, Rect::new(0, 0, 100, 40));
    app.config.keys.insert("bookmark".into(), "ctrl-b".into());
    app.update(Action::ToggleHelp);
    let screen = rows(&app).join("\n");
    let row = screen
        .lines()
        .find(|l| l.contains("bookmark the current section"))
        .expect("the bookmark row");
    assert!(row.contains("ctrl-b"), "{row}");
    assert!(!row.contains(" m "), "{row}");
}

#[test]
fn the_help_fits_80x24_and_scrolls_to_its_last_row() {
    let mut app = app(80, 24);
    app.update(Action::ToggleHelp);
    let screen = rows(&app);
    assert!(screen[1].contains("Keys"), "{screen:#?}");
    assert!(screen.iter().all(|r| r.chars().count() == 80));
    assert!(
        !screen.join("\n").contains("field:NAME=value"),
        "not all fits"
    );
    let first = screen[2].clone();
    key(&mut app, KeyCode::Char('j'));
    assert_ne!(rows(&app)[2], first, "j scrolls");
    key(&mut app, KeyCode::Char('G'));
    let bottom = rows(&app).join("\n");
    assert!(bottom.contains("field:NAME=value"), "{bottom}");
    assert!(bottom.contains("quit"));
}

#[test]
fn the_status_line_never_cuts_the_problem_count() {
    for width in [30, 44, 60, 80, 100] {
        let mut app = app(width, 24);
        app.message = Some("could not open the pager: no such file or directory".into());
        let screen = rows(&app);
        let status = screen.last().expect("a status line");
        assert!(
            status.trim_end().ends_with("4 problems (p)"),
            "{width}: {status:?}"
        );
        assert!(status.contains("doc 1/20"), "{width}: {status:?}");
    }
}

#[test]
fn the_problem_count_counts_problems_not_documents() {
    let mut corpus = corpus::load(&[PathBuf::from("sample")]);
    corpus.documents[1].problems = vec!["first".into(), "second".into()];
    let with_problems = corpus
        .documents
        .iter()
        .filter(|d| !d.problems.is_empty())
        .count();
    let app = App::new(corpus, Rect::new(0, 0, 100, 30));
    assert_eq!(app.problem_count(), app.problem_lines().len());
    assert!(app.problem_count() > with_problems);
}

#[test]
fn enter_on_a_problem_opens_its_document() {
    let mut app = app(100, 30);
    // Hide the documents behind a filter: opening the problem's document clears it.
    app.update(Action::StartInput);
    for c in "zzzz".chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Accept);
    key(&mut app, KeyCode::Char('p'));
    assert_eq!(app.overlay, Overlay::Problems);
    let lines = app.problem_lines();
    let target = lines.len() - 1;
    for _ in 0..target {
        key(&mut app, KeyCode::Char('j'));
    }
    let id = lines[target].split(':').next().unwrap_or("").to_string();
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(app.focus, Pane::Detail);
    assert_eq!(app.current_doc().map(|d| d.id.clone()), Some(id));
}
