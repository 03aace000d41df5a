//! Words in the browser, at the state level: the palette's full-text hits (snippets, preview,
//! "N of M", landing), the documents and sections filters by text, and what happens before
//! the index is ready.

mod common;

use common::{key, press, sample_app, settle, with_index};
use crossterm::event::{KeyCode, KeyModifiers};
use dossier::corpus;
use dossier::index::{WordQuery, texts_match};
use dossier::tui::app::{Action, App, Overlay, Pane};
use ratatui::layout::Rect;

fn typing(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn palette(app: &mut App, query: &str) {
    press(app, KeyCode::Char('p'), KeyModifiers::CONTROL);
    typing(app, query);
    settle(app);
}

/// The text of passage `p` and its document's title.
fn passage_text(app: &App, p: usize) -> String {
    app.index.passage_text(&app.docs, p)
}

/// What a document adds to each of its passages in a word query: its title and fields,
/// summary, source and notes.
fn document_texts(doc: &dossier::model::Document) -> Vec<String> {
    let mut texts = vec![doc.title.clone()];
    texts.extend(doc.fields.iter().map(|f| f.value.clone()));
    let parts = [
        doc.kind.as_deref(),
        doc.classification.as_deref(),
        doc.date.text.as_deref(),
        doc.subject.as_deref(),
        doc.summary.as_deref(),
        doc.source.as_deref(),
    ];
    texts.extend(parts.into_iter().flatten().map(str::to_string));
    texts.extend(doc.footnotes.iter().map(|n| n.text.clone()));
    texts
}

/// The document of the palette's first entry.
fn first_hit_doc(app: &App) -> String {
    doc_id(app, app.palette_entry(0).expect("a hit").0)
}

fn doc_id(app: &App, p: usize) -> String {
    app.docs[app.index.passages[p].doc].id.clone()
}

#[test]
fn the_palette_lists_the_passages_with_the_word_and_marks_it_in_each_snippet() {
    let mut app = sample_app(100, 30);
    palette(&mut app, "lubeck");
    assert!(app.palette_shows_words());
    assert!(app.palette_len() >= 1);
    for i in 0..app.palette_len() {
        let (passage, snippet) = app.palette_entry(i).expect("entry");
        let snippet = snippet.expect("a word hit has a snippet");
        let chars: Vec<char> = snippet.text.chars().collect();
        let marked: Vec<String> = snippet
            .highlights
            .iter()
            .map(|&[a, b]| chars[a..b].iter().collect())
            .collect();
        assert!(marked.iter().any(|m| m == "Lübeck"), "{snippet:?}");
        assert!(passage_text(&app, passage).contains("Lübeck"));
    }
    assert_eq!(first_hit_doc(&app), "002_letter_lubeck_registry");
}

#[test]
fn every_palette_hit_holds_every_word_asked_for() {
    let mut app = sample_app(100, 30);
    for query in [
        "soviet union",
        "gromyko",
        "border commission",
        "\"three obstacles\"",
    ] {
        key(&mut app, KeyCode::Esc);
        palette(&mut app, query);
        let words = WordQuery::parse(query, false);
        assert!(app.palette_shows_words(), "{query}");
        for i in 0..app.palette_len() {
            let (passage, _) = app.palette_entry(i).unwrap();
            let doc = &app.docs[app.index.passages[passage].doc];
            let text = passage_text(&app, passage);
            // A word may also be in the document's title or fields (a document-level hit).
            let own = document_texts(doc);
            let mut texts: Vec<&str> = vec![&text];
            texts.extend(own.iter().map(String::as_str));
            assert!(texts_match(&texts, &words), "{query}: {text}");
        }
    }
}

#[test]
fn a_word_found_nowhere_lists_no_passage_and_says_so() {
    let mut app = sample_app(100, 30);
    palette(&mut app, "zanzibar");
    assert!(app.palette.word_mode);
    assert!(app.palette.words.is_empty());
    assert!(!app.palette_shows_words());
    assert_eq!(app.palette.word_total, 0);
}

#[test]
fn enter_lands_on_the_word_as_the_passage_writes_it() {
    let mut app = sample_app(100, 30);
    // A stem: "agreements" finds "agreement", and the search marks what is written.
    palette(&mut app, "agreements");
    let (passage, _) = app.palette_entry(0).expect("a hit");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(app.focus, Pane::Detail);
    assert_eq!(app.marked_passage(), Some(passage));
    assert!(
        app.detail.search.to_lowercase().contains("agreement"),
        "{}",
        app.detail.search
    );
    assert!(!app.detail.matches.is_empty());
    let (line, _, _) = app.detail.matches[app.detail.current_match];
    let height = app.pane_height(Pane::Detail);
    assert!(line >= app.detail.scroll && line < app.detail.scroll + height);
}

#[test]
fn the_preview_shows_the_selected_passage_with_its_words_marked() {
    let mut app = sample_app(100, 30);
    palette(&mut app, "gromyko");
    key(&mut app, KeyCode::Down);
    let (selected, _) = app.palette_entry(1).expect("two hits");
    let (passage, text, spans) = app.palette_preview().expect("a preview");
    assert_eq!(passage, selected);
    assert!(!spans.is_empty());
    let chars: Vec<char> = text.chars().collect();
    for [a, b] in spans {
        let word: String = chars[a..b].iter().collect();
        assert_eq!(word.to_lowercase(), "gromyko");
    }
}

#[test]
fn at_the_cap_the_palette_counts_every_passage_that_matched() {
    let dir = tempfile::tempdir().unwrap();
    // 40 pages of 10 sections, every one with the word: 400 passages, more than the cap.
    for page in 0..40 {
        let mut text = format!("March 3, 1962\n\nMemorandum number {page}\n\n");
        for s in 1..=10 {
            text.push_str(&format!(
                "{s}. The harbour master reported on berth {s}.\n\n"
            ));
        }
        std::fs::write(dir.path().join(format!("m{page:02}.txt")), text).unwrap();
    }
    let mut app = App::new(
        corpus::load(&[dir.path().to_path_buf()]),
        Rect::new(0, 0, 100, 30),
    );
    with_index(&mut app);
    palette(&mut app, "harbour");
    let limit = dossier::tui::app::words::WORD_LIMIT;
    assert_eq!(app.palette.words.len(), limit);
    assert_eq!(app.palette.word_total, 400);
    // Paging goes through all of them and stops at the last.
    for _ in 0..100 {
        key(&mut app, KeyCode::PageDown);
    }
    assert_eq!(app.palette.selected, limit - 1);
}

#[test]
fn before_the_index_is_ready_the_palette_ranks_titles_and_headings_and_asks_again_once_it_is() {
    let corpus = corpus::load(&[std::path::PathBuf::from("sample")]);
    let mut app = App::new(corpus, Rect::new(0, 0, 100, 30));
    palette(&mut app, "flensburg");
    // Flensburg is only in a letter's text: no title or heading has it.
    assert!(!app.palette.word_mode);
    assert!(app.palette.hits.is_empty(), "{:?}", app.palette.hits);
    with_index(&mut app);
    settle(&mut app);
    assert!(app.palette_shows_words());
    assert_eq!(first_hit_doc(&app), "002_letter_lubeck_registry");
}

#[test]
fn a_query_without_words_jumps_by_headings_as_before() {
    let mut app = sample_app(100, 30);
    // Field terms alone are no word query: the palette lists the passages they allow.
    palette(&mut app, "year:1991");
    assert!(!app.palette.word_mode);
    assert!(app.palette_len() > 0);
    for i in 0..app.palette_len() {
        let (passage, snippet) = app.palette_entry(i).unwrap();
        assert!(snippet.is_none());
        assert_eq!(doc_id(&app, passage), "014_cable_minsk_agreement_1991");
    }
}

#[test]
fn the_documents_filter_finds_documents_by_words_in_their_text() {
    let mut app = sample_app(100, 30);
    app.update(Action::StartInput);
    typing(&mut app, "flensburg");
    settle(&mut app);
    let ids: Vec<String> = app
        .documents
        .items
        .iter()
        .map(|&d| app.docs[d].id.clone())
        .collect();
    assert_eq!(ids, vec!["002_letter_lubeck_registry".to_string()]);
    // A word in no document's text, title or fields finds none.
    app.update(Action::Cancel);
    app.update(Action::StartInput);
    typing(&mut app, "zanzibar");
    settle(&mut app);
    assert!(app.documents.items.is_empty(), "{:?}", app.documents.items);
}

#[test]
fn the_documents_filter_keeps_title_matches_first_and_adds_text_matches() {
    let mut app = sample_app(100, 30);
    app.update(Action::StartInput);
    typing(&mut app, "cable");
    let by_title = app.documents.items.clone();
    settle(&mut app);
    assert!(app.documents.items.len() > by_title.len());
    assert_eq!(&app.documents.items[..by_title.len()], &by_title[..]);
    let words = WordQuery::parse("cable", false);
    for &d in &app.documents.items[by_title.len()..] {
        let doc = &app.docs[d];
        let text = (0..app.index.passages.len())
            .filter(|&p| app.index.passages[p].doc == d)
            .map(|p| passage_text(&app, p))
            .collect::<Vec<_>>()
            .join("\n");
        let own = document_texts(doc);
        let mut texts: Vec<&str> = vec![&text];
        texts.extend(own.iter().map(String::as_str));
        assert!(texts_match(&texts, &words), "{}", doc.id);
    }
}

#[test]
fn the_sections_filter_finds_sections_by_words_in_their_own_text() {
    let mut app = sample_app(100, 30);
    // The seed cable: "three obstacles" is written in two of its sections.
    app.update(Action::FocusNext);
    app.update(Action::StartInput);
    typing(&mut app, "\"three obstacles\"");
    settle(&mut app);
    let ids: Vec<String> = app
        .sections
        .items
        .iter()
        .map(|&p| app.section_id(p).to_string())
        .collect();
    assert_eq!(ids, vec!["2.1.b".to_string(), "2.2".to_string()]);
}

#[test]
fn the_status_bar_shows_the_index_being_built() {
    let corpus = corpus::load(&[std::path::PathBuf::from("sample")]);
    let mut app = App::new(corpus, Rect::new(0, 0, 100, 30));
    app.set_indexing(5, 20);
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).expect("backend");
    let theme = dossier::tui::view::theme::Theme::plain(false);
    terminal
        .draw(|frame| dossier::tui::view::draw(frame, &app, &theme))
        .expect("draw");
    let status: String = (0..100)
        .map(|x| terminal.backend().buffer()[(x, 29)].symbol().to_string())
        .collect();
    assert!(
        status.contains("indexing words 25% of 20 files"),
        "{status}"
    );
    with_index(&mut app);
    assert!(app.words.indexing.is_none());
}

#[test]
fn a_saved_search_counts_the_documents_found_by_their_text() {
    let mut app = sample_app(100, 30);
    app.update(Action::StartInput);
    typing(&mut app, "flensburg");
    settle(&mut app);
    app.update(Action::Accept);
    key(&mut app, KeyCode::Char('S'));
    typing(&mut app, "camps");
    app.update(Action::Accept);
    assert_eq!(
        app.saved.searches.len(),
        1,
        "{}",
        app.message.clone().unwrap_or_default()
    );
    assert_eq!(app.saved.counts, vec![Some(1)]);
}

#[test]
fn enter_right_after_the_words_goes_where_they_lead() {
    let mut app = sample_app(100, 30);
    press(&mut app, KeyCode::Char('p'), KeyModifiers::CONTROL);
    // No pause between the last letter and Enter: the answer may not have come yet.
    typing(&mut app, "flensburg");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(
        app.current_doc().map(|d| d.id.as_str()),
        Some("002_letter_lubeck_registry")
    );
    assert_eq!(app.detail.search, "Flensburg");
}

#[test]
fn a_document_found_by_its_text_shows_the_words_marked() {
    let mut app = sample_app(100, 30);
    app.update(Action::StartInput);
    typing(&mut app, "flensburg");
    settle(&mut app);
    assert_eq!(
        app.current_doc().map(|d| d.id.as_str()),
        Some("002_letter_lubeck_registry")
    );
    assert_eq!(app.detail.search, "Flensburg");
    assert!(!app.detail.matches.is_empty());
    for &(line, _, _) in &app.detail.matches {
        assert!(app.detail.text.lines[line].text.contains("Flensburg"));
    }
}

#[test]
fn words_written_in_two_cases_are_marked_once_each() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("m.txt"),
        "March 3, 1962\n\nMemorandum on fishing\n\n1. The Soviet trawlers came early.\n\n2. A soviet of the fishermen met.\n",
    )
    .unwrap();
    let mut app = App::new(
        corpus::load(&[dir.path().to_path_buf()]),
        Rect::new(0, 0, 100, 30),
    );
    with_index(&mut app);
    app.update(Action::StartInput);
    typing(&mut app, "trawlers soviet");
    settle(&mut app);
    let mut matches = app.detail.matches.clone();
    assert!(matches.len() >= 3, "{matches:?}");
    matches.dedup();
    assert_eq!(matches, app.detail.matches, "a match counted twice");
}

#[test]
fn an_index_built_before_a_reload_is_not_given_to_the_reloaded_browser() {
    use dossier::tui::indexing::IndexBuild;
    let sample = || corpus::load(&[std::path::PathBuf::from("sample")]);
    let mut app = App::new(sample(), Rect::new(0, 0, 100, 30));
    let build = IndexBuild::start(std::sync::Arc::clone(&app.docs), Vec::new(), None);
    app.reload(sample());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !build.poll(&mut app) {
        assert!(
            std::time::Instant::now() < deadline,
            "the build never ended"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(app.words.library.is_none());
    // A build of the documents the browser has is given to it.
    let build = IndexBuild::start(std::sync::Arc::clone(&app.docs), Vec::new(), None);
    while !build.poll(&mut app) {
        assert!(
            std::time::Instant::now() < deadline,
            "the build never ended"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(app.words.library.is_some());
}
