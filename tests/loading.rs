//! Documents arriving while the browser is up: a corpus given in two parts (the first batch,
//! then the rest, as a background load hands them on) must end up exactly as one given whole,
//! and whatever view is open takes the new documents in.

use std::path::PathBuf;
use std::time::Duration;

use dossier::corpus::{self, Corpus};
use dossier::state::{Resume, State};
use dossier::tui::app::{Action, App, Overlay};
use dossier::tui::view::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

const SIZE: Rect = Rect::new(0, 0, 100, 30);

fn whole() -> Corpus {
    corpus::load(&[PathBuf::from("sample"), PathBuf::from("tests/fixtures")])
}

/// The app made from the first `at` documents, still loading, and the documents to come.
fn first_part(at: usize) -> (App, Corpus) {
    let mut whole = whole();
    let rest = Corpus {
        documents: whole.documents.split_off(at),
        problems: std::mem::take(&mut whole.problems),
    };
    let total = whole.documents.len() + rest.documents.len();
    let mut app = App::new(whole, SIZE);
    app.set_progress(at, total);
    (app, rest)
}

fn arrive(app: &mut App, rest: Corpus) {
    app.append(rest.documents, rest.problems);
    app.finish_loading();
}

fn typing(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Type(c));
    }
}

fn ids(app: &App, items: &[usize]) -> Vec<String> {
    items.iter().map(|&d| app.docs[d].id.clone()).collect()
}

#[test]
fn documents_that_arrive_later_make_the_same_browser_as_one_load() {
    let full = App::new(whole(), SIZE);
    let (mut app, rest) = first_part(3);
    assert_eq!(app.documents.items.len(), 3);
    arrive(&mut app, rest);
    assert_eq!(app.docs, full.docs);
    assert_eq!(app.documents.items, full.documents.items);
    assert_eq!(app.doc_passages, full.doc_passages);
    assert_eq!(app.index.passages.len(), full.index.passages.len());
    assert_eq!(app.load_problems, full.load_problems);
    assert_eq!(app.problem_count(), full.problem_count());
    assert!(
        app.problem_count() > 0,
        "the fixtures have problems to count"
    );
    assert_eq!(
        app.current_doc().map(|d| &d.id),
        full.current_doc().map(|d| &d.id)
    );
}

#[test]
fn a_filter_ranks_the_new_documents_and_keeps_the_selected_one() {
    let mut full = App::new(whole(), SIZE);
    let (mut app, rest) = first_part(6);
    for a in [&mut full, &mut app] {
        a.update(Action::StartInput);
        typing(a, "cable");
        a.update(Action::Accept);
    }
    assert!(!app.documents.items.is_empty());
    app.update(Action::Down);
    let chosen = app.current_doc().map(|d| d.id.clone());
    arrive(&mut app, rest);
    assert_eq!(
        ids(&app, &app.documents.items),
        ids(&full, &full.documents.items)
    );
    assert!(app.documents.items.len() > 2);
    assert_eq!(app.current_doc().map(|d| d.id.clone()), chosen);
}

#[test]
fn the_open_palette_ranks_the_new_passages_too() {
    let whole_docs = whole().documents;
    let at = whole_docs
        .iter()
        .position(|d| d.title.contains("Hradecký") || d.path.contains("prague"))
        .expect("the Prague payments document");
    let mut full = App::new(whole(), SIZE);
    let (mut app, rest) = first_part(at);
    for a in [&mut full, &mut app] {
        a.update(Action::OpenPalette);
        // Before the index is built (it is, once the load is over) the palette ranks
        // titles and headings: the Prague document is found by its title.
        typing(a, "prague payments");
        while a.continue_palette(Duration::from_secs(1)) {}
    }
    let before = app.palette.hits.len();
    arrive(&mut app, rest);
    assert!(app.palette.pending, "new passages are still to rank");
    while app.continue_palette(Duration::from_secs(1)) {}
    assert_eq!(app.palette.hits, full.palette.hits);
    assert!(app.palette.hits.len() > before);
    assert_eq!(app.overlay, Overlay::Palette);
}

#[test]
fn the_place_left_waits_for_its_document_to_load() {
    let (mut app, rest) = first_part(2);
    let target = rest.documents[4].clone();
    let state = State {
        bookmarks: Vec::new(),
        resume: Some(Resume::new(&target, None, 3)),
        ..State::default()
    };
    app.restore(state.clone());
    assert_ne!(app.current_doc().map(|d| &d.id), Some(&target.id));
    assert_eq!(
        app.saved_state().resume.map(|r| r.doc_id),
        Some(target.id.clone()),
        "quitting before it loads keeps the place"
    );
    arrive(&mut app, rest);
    assert_eq!(app.current_doc().map(|d| &d.id), Some(&target.id));

    // A reader who moves first is not pulled away when the document arrives.
    let (mut app, rest) = first_part(2);
    app.restore(state);
    app.update(Action::Down);
    let chosen = app.current_doc().map(|d| d.id.clone());
    arrive(&mut app, rest);
    assert_eq!(app.current_doc().map(|d| d.id.clone()), chosen);
}

#[test]
fn the_status_bar_tells_how_far_loading_has_got() {
    let (mut app, rest) = first_part(3);
    let total = 3 + rest.documents.len();
    let status = |app: &App| {
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("backend");
        terminal
            .draw(|f| view::draw(f, app, &Theme::plain(false)))
            .expect("draw");
        let buffer = terminal.backend().buffer().clone();
        (0..100)
            .map(|x| buffer[(x, 29)].symbol().to_string())
            .collect::<String>()
    };
    let shown = status(&app);
    let expected = format!("loading {}% of {total} files", 3 * 100 / total);
    assert!(shown.contains(&expected), "{shown:?}");
    arrive(&mut app, rest);
    assert!(!status(&app).contains("loading"));
}
