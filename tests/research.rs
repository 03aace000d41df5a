//! Research on FRUS volumes and saved work: cross-references kept, shown and followed;
//! who a passage mentions; saved searches as virtual folders (state, merge, export);
//! `tag:` in every query; a highlight of one sentence.

mod common;

use std::path::PathBuf;

use common::{key, press, sample_app};
use crossterm::event::{KeyCode, KeyModifiers};
use dossier::model::Document;
use dossier::state::{Highlight, SavedSearch, State, merge};
use dossier::tui::app::{App, Input, Overlay, Pane};
use dossier::tui::detail::Mark;
use dossier::tui::effects::Effect;

const MARSHES: &str = "tests/fixtures/tei/frus1964-68v97.xml";

fn marshes() -> Vec<Document> {
    dossier::corpus::load_file(&PathBuf::from(MARSHES)).expect("volume loads")
}

fn marshes_app() -> App {
    let corpus = dossier::corpus::load(&[PathBuf::from(MARSHES)]);
    App::new(corpus, ratatui::layout::Rect::new(0, 0, 120, 40))
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn current_id(app: &App) -> String {
    app.current_doc().map(|d| d.id.clone()).unwrap_or_default()
}

/// The app with the document `id` selected (by a filter that is cleared again).
fn show(app: &mut App, id: &str) {
    let at = app.docs.iter().position(|d| d.id == id).expect("document");
    app.go_to_document(at);
    assert_eq!(current_id(app), id);
}

// --- cross-references -------------------------------------------------------------------

#[test]
fn refs_keep_their_target_words_place_and_the_document_they_name() {
    let docs = marshes();
    let d1 = &docs[0];
    let rows: Vec<(&str, Option<&str>, &str, Option<&str>)> = d1
        .links
        .iter()
        .map(|l| {
            (
                l.target.as_str(),
                l.doc_id.as_deref(),
                l.text.as_str(),
                l.note.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("#d2", Some("frus1964-68v97-d2"), "Document 2", None),
            (
                "frus1969-76v12#d12",
                Some("frus1969-76v12-d12"),
                "another volume",
                None
            ),
            ("#pg_1", None, "page 1", None),
            ("https://example.org/marshes", None, "survey site", None),
            (
                "#d2fn1",
                Some("frus1964-68v97-d2"),
                "the source note of Document 2",
                Some("2")
            ),
        ]
    );
    // The anchor points at the words in the paragraph's text.
    for link in d1.links.iter().filter(|l| l.note.is_none()) {
        let anchor = link.anchor.as_ref().expect("anchor");
        let paragraph = if anchor.passage == "body" {
            &d1.body[anchor.paragraph]
        } else {
            &d1.section(&anchor.passage).expect("section").paragraphs[anchor.paragraph]
        };
        let (start, end) = link.range().expect("range");
        let words: String = paragraph.chars().skip(start).take(end - start).collect();
        assert_eq!(words, link.text);
    }
    // The export has them, and reads them back.
    let json = serde_json::to_value(d1).expect("json");
    assert_eq!(json["links"][0]["target"], "#d2");
    assert_eq!(json["links"][0]["doc_id"], "frus1964-68v97-d2");
    let back: Document = serde_json::from_value(json).expect("read back");
    assert_eq!(back.links, d1.links);
}

#[test]
fn links_are_marked_in_the_detail_pane_text() {
    let docs = marshes();
    let text = dossier::tui::detail::layout_document(&docs[0], 100);
    let marked: Vec<String> = text
        .lines
        .iter()
        .flat_map(|l| {
            l.marks
                .iter()
                .filter(|m| m.2 == Mark::Link)
                .map(|&(s, e, _)| l.text.chars().skip(s).take(e - s).collect::<String>())
        })
        .collect();
    assert_eq!(
        marked,
        ["Document 2", "another volume", "page 1", "survey site"]
    );
}

#[test]
fn f_lists_the_links_and_enter_follows_one_to_a_loaded_document() {
    let mut app = marshes_app();
    show(&mut app, "frus1964-68v97-d1");
    key(&mut app, KeyCode::Char('f'));
    assert_eq!(app.overlay, Overlay::Links);
    assert_eq!(app.picker.items.len(), 5);
    assert!(app.link_row(0).contains("→ frus1964-68v97-d2"));
    assert!(app.link_row(1).contains("(not loaded)"));
    // Another volume's document: said so, the overlay stays.
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, Overlay::Links);
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.contains("frus1969-76v12-d12 is not loaded"),
        "{message}"
    );
    // A page is not a document.
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Enter);
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("not a document")
    );
    // Back to the first and follow it.
    key(&mut app, KeyCode::Char('g'));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(current_id(&app), "frus1964-68v97-d2");
    assert_eq!(app.focus, Pane::Detail);
    // A document without links says so.
    key(&mut app, KeyCode::Char('f'));
    assert_eq!(app.overlay, Overlay::None);
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("no cross-references")
    );
}

#[test]
fn a_link_in_a_footnote_is_followed_from_the_sample_volume() {
    let mut app = sample_app(100, 30);
    show(&mut app, "frus1961-63v98-d1");
    key(&mut app, KeyCode::Char('f'));
    assert_eq!(app.overlay, Overlay::Links);
    let row = app.link_row(app.picker.selected);
    assert!(row.starts_with("[3] Document 3"), "{row}");
    key(&mut app, KeyCode::Enter);
    assert_eq!(current_id(&app), "frus1961-63v98-d3");
}

// --- who is mentioned ---------------------------------------------------------------------

#[test]
fn glossary_entries_know_the_passages_that_mention_them() {
    let docs = marshes();
    let passages = |name: &str| -> Vec<String> {
        docs[0]
            .glossary
            .iter()
            .find(|g| g.name.starts_with(name))
            .map(|g| g.passages.clone())
            .unwrap_or_default()
    };
    assert_eq!(passages("Strand"), ["1"]);
    assert_eq!(passages("Bellweather"), ["2"]);
    assert_eq!(passages("MRB"), ["1"]);
}

#[test]
fn w_lists_who_the_section_mentions_with_descriptions_and_enter_filters_by_person() {
    let mut app = marshes_app();
    show(&mut app, "frus1964-68v97-d1");
    key(&mut app, KeyCode::Enter);
    // The first section of the sections list is the body; the next is `1.`.
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(app.reading_section_id(), Some("1"));
    key(&mut app, KeyCode::Char('w'));
    assert_eq!(app.overlay, Overlay::Mentions);
    let (entries, own) = app.mentioned();
    assert!(own);
    let names: Vec<&str> = entries.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["MRB", "Strand, Runa"]);
    assert_eq!(entries[1].description, "Minister of Waterways of Palustria");
    // A term does not filter; a person does.
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, Overlay::Mentions);
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(app.documents.filter, "person:strand");
    assert_eq!(app.documents.items.len(), 1);
}

#[test]
fn a_passage_that_tags_nobody_shows_the_whole_documents_mentions() {
    let mut app = marshes_app();
    show(&mut app, "frus1964-68v97-d1");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.reading_section_id(), Some("body"));
    key(&mut app, KeyCode::Char('w'));
    let (entries, own) = app.mentioned();
    assert!(!own);
    assert_eq!(entries.len(), 3);
}

// --- the source field ---------------------------------------------------------------------

#[test]
fn the_source_field_has_no_leading_source_word() {
    for doc in marshes() {
        let source = doc.source.expect("source");
        assert!(source.starts_with("Department of State"), "{source}");
    }
}

// --- saved searches -----------------------------------------------------------------------

fn save_search(app: &mut App, name: &str) {
    key(app, KeyCode::Char('S'));
    assert_eq!(app.input, Input::SearchName);
    type_text(app, name);
    key(app, KeyCode::Enter);
    assert_eq!(app.input, Input::None);
}

#[test]
fn s_saves_the_documents_filter_as_a_folder_with_a_live_count() {
    let mut app = sample_app(100, 30);
    // Nothing to save yet.
    key(&mut app, KeyCode::Char('S'));
    assert_eq!(app.input, Input::None);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "year:1962");
    key(&mut app, KeyCode::Enter);
    let found = app.documents.items.len();
    assert!(found > 0 && found < app.docs.len());
    save_search(&mut app, "sixty-two");
    assert_eq!(app.saved.searches.len(), 1);
    assert_eq!(app.saved.searches[0].query, "year:1962");
    assert_eq!(app.saved.counts, [Some(found)]);
    assert!(app.effects.contains(&Effect::SaveState));
    assert_eq!(app.saved_state().saved_searches, app.saved.searches);
    assert!(app.saved_row(0).contains(&format!("sixty-two ({found})")));
    // The folder takes the top of the documents pane.
    let area = app.saved_area().expect("folder block");
    let docs = app.panes().documents.expect("documents");
    assert_eq!(docs.y, area.y + area.height);
    // Up from the first document into the folder, Enter applies it.
    key(&mut app, KeyCode::Esc);
    assert!(app.documents.filter.is_empty());
    app.focus = Pane::Documents;
    key(&mut app, KeyCode::Char('g'));
    key(&mut app, KeyCode::Char('k'));
    assert_eq!(app.saved.cursor, Some(0));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.saved.cursor, None);
    assert_eq!(app.documents.filter, "year:1962");
    assert_eq!(app.documents.items.len(), found);
    // Down from the folder goes back to the documents; d deletes a folder.
    key(&mut app, KeyCode::Char('k'));
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(app.saved.cursor, None);
    key(&mut app, KeyCode::Char('k'));
    key(&mut app, KeyCode::Char('d'));
    assert!(app.saved.searches.is_empty());
    assert!(app.saved_area().is_none());
}

#[test]
fn counts_follow_the_tags_and_a_name_in_use_is_replaced() {
    let mut app = sample_app(100, 30);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "tag:later");
    key(&mut app, KeyCode::Enter);
    save_search(&mut app, "later");
    assert_eq!(app.saved.counts, [Some(0)]);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('T'));
    type_text(&mut app, "later");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.saved.counts, [Some(1)]);
    // The same name again replaces the search.
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "year:1962");
    key(&mut app, KeyCode::Enter);
    save_search(&mut app, "later");
    assert_eq!(app.saved.searches.len(), 1);
    assert_eq!(app.saved.searches[0].query, "year:1962");
}

#[test]
fn ctrl_s_in_the_palette_saves_its_query() {
    let mut app = sample_app(100, 30);
    press(&mut app, KeyCode::Char('p'), KeyModifiers::CONTROL);
    assert_eq!(app.overlay, Overlay::Palette);
    type_text(&mut app, "survey");
    press(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(app.input, Input::SearchName);
    type_text(&mut app, "survey");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.saved.searches[0].query, "survey");
}

#[test]
fn saved_searches_are_restored_and_merged_between_sessions_like_bookmarks() {
    let previous = State {
        saved_searches: vec![SavedSearch::new("old", "year:1950")],
        ..State::default()
    };
    // This session deleted `old` and saved `mine`; another saved `theirs` meanwhile.
    let mine = State {
        saved_searches: vec![SavedSearch::new("mine", "tag:a")],
        ..State::default()
    };
    let mut theirs = previous.clone();
    theirs
        .saved_searches
        .push(SavedSearch::new("theirs", "from:x"));
    let merged = merge(&previous, &mine, theirs);
    let names: Vec<&str> = merged
        .saved_searches
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(names, ["theirs", "mine"]);
    // Both sessions saved under one name: this session's wins, once.
    let mut theirs = State::default();
    theirs
        .saved_searches
        .push(SavedSearch::new("mine", "other"));
    let merged = merge(&State::default(), &mine, theirs);
    assert_eq!(merged.saved_searches, mine.saved_searches);
    // Through the state file, and back into a browser.
    let dir = tempfile::tempdir().expect("tempdir");
    dossier::state::save_merged_to(dir.path(), "k", &State::default(), &mine).expect("save");
    let (loaded, warning) = dossier::state::load_from(dir.path(), "k");
    assert_eq!(warning, None);
    assert_eq!(loaded.saved_searches, mine.saved_searches);
    let mut app = sample_app(100, 30);
    app.restore(loaded);
    assert_eq!(app.saved.searches.len(), 1);
    assert!(app.saved.counts[0].is_some());
}

#[test]
fn a_reload_keeps_tags_highlights_and_saved_searches() {
    let mut app = sample_app(100, 30);
    key(&mut app, KeyCode::Char('T'));
    type_text(&mut app, "kept");
    key(&mut app, KeyCode::Enter);
    app.saved
        .searches
        .push(SavedSearch::new("kept", "tag:kept"));
    app.reload(dossier::corpus::load(&[common::sample()]));
    assert_eq!(app.tags.len(), 1);
    assert_eq!(app.saved.counts, [Some(1)]);
    assert_eq!(app.saved_state().tags.len(), 1);
}

// --- tag: in every query ------------------------------------------------------------------

#[test]
fn tag_terms_work_in_the_palette_and_the_sections_filter() {
    let mut app = sample_app(100, 30);
    let id = current_id(&app);
    key(&mut app, KeyCode::Char('T'));
    type_text(&mut app, "mine");
    key(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('p'), KeyModifiers::CONTROL);
    type_text(&mut app, "tag:mine");
    while app.continue_palette(std::time::Duration::from_secs(1)) {}
    assert!(!app.palette.hits.is_empty());
    assert!(
        app.palette
            .hits
            .iter()
            .all(|h| app.docs[app.index.passages[h.passage].doc].id == id)
    );
    key(&mut app, KeyCode::Esc);
    // In the sections filter: the tagged document keeps its sections, another has none.
    app.focus = Pane::Sections;
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "tag:mine");
    assert!(!app.sections.items.is_empty());
    key(&mut app, KeyCode::Enter);
    app.focus = Pane::Documents;
    key(&mut app, KeyCode::Char('j'));
    app.focus = Pane::Sections;
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "tag:mine");
    assert!(app.sections.items.is_empty());
}

// --- sentence highlights ------------------------------------------------------------------

#[test]
fn v_then_a_sentence_highlights_that_sentence_shown_in_the_text_and_exported() {
    let mut app = marshes_app();
    show(&mut app, "frus1964-68v97-d1");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(app.reading_section_id(), Some("2"));
    key(&mut app, KeyCode::Char('v'));
    assert_eq!(app.overlay, Overlay::Sentences);
    assert_eq!(
        app.sentence_pick.sentences,
        [
            "Bellweather agreed to write to her.",
            "Mr. Strand's deputy was not present."
        ]
    );
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.input, Input::HighlightNote);
    type_text(&mut app, "absent");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.highlights.len(), 1);
    let highlight = &app.highlights[0];
    assert!(highlight.sentence);
    assert_eq!(highlight.quote, "Mr. Strand's deputy was not present.");
    assert_eq!(highlight.section, "2");
    // The sentence is marked in the text, nothing else.
    let marked: String = app
        .detail
        .text
        .lines
        .iter()
        .flat_map(|l| {
            l.marks
                .iter()
                .filter(|m| m.2 == Mark::Highlight)
                .map(|&(s, e, _)| l.text.chars().skip(s).take(e - s).collect::<String>())
        })
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(marked, "Mr. Strand's deputy was not present.");
    // The notebook quotes the sentence whole.
    let docs = marshes();
    let state = app.saved_state();
    let marked_docs = dossier::notebook::marked_documents(&docs, &state, None);
    let notebook =
        dossier::notebook::markdown(&marked_docs, &state, dossier::citation::Style::default());
    assert!(
        notebook
            .contains("### Highlighted sentence: 2\n\n> Mr. Strand's deputy was not present.\n"),
        "{notebook}"
    );
    assert!(notebook.contains("Note: absent"), "{notebook}");
    // Choosing it again removes it.
    key(&mut app, KeyCode::Char('v'));
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Enter);
    assert!(app.highlights.is_empty());
}

#[test]
fn a_sentence_highlight_is_found_again_when_the_page_changes() {
    let docs = marshes();
    let highlight =
        Highlight::of_sentence(&docs[0], "2", "Mr. Strand's deputy was not present.", "");
    let mut moved = docs[0].clone();
    let section = moved.sections.remove(1);
    moved.body.push(section.paragraphs[0].clone());
    let (passage, paragraph, start, _) = highlight.sentence_in(&moved).expect("found");
    assert_eq!(passage, "body");
    assert_eq!(paragraph, moved.body.len() - 1);
    assert!(start > 0);
}

// --- the command line ---------------------------------------------------------------------

const MEMCON_ID: &str = "001_memcon_amur_survey";

/// A state folder, keyed as the browser keys `dossier sample`, with the memorandum tagged
/// `amur` and two saved searches.
fn state_home() -> tempfile::TempDir {
    let home = tempfile::tempdir().expect("tempdir");
    let mut state = State::default();
    state
        .tags
        .entry(MEMCON_ID.into())
        .or_default()
        .insert("amur".into());
    state.saved_searches = vec![
        SavedSearch::new("amur", "tag:amur"),
        SavedSearch::new("sixties", "year:1960..1969"),
    ];
    let key = dossier::state::corpus_key(&[common::root().join("sample")]);
    dossier::state::save_to(&home.path().join("dossier"), &key, &state).expect("save");
    home
}

fn dossier_in(home: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("dossier");
    cmd.current_dir(common::root());
    cmd.env("XDG_STATE_HOME", home);
    cmd.env("XDG_CONFIG_HOME", home.join("no-config"));
    cmd
}

#[test]
fn dossier_search_reads_tag_terms_from_the_state() {
    let home = state_home();
    let out = common::stdout_of(dossier_in(home.path()).args(["search", "tag:amur", "sample"]));
    let docs: std::collections::BTreeSet<&str> = out
        .lines()
        .filter(|l| !l.starts_with(' '))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(docs.into_iter().collect::<Vec<_>>(), [MEMCON_ID], "{out}");
    // A tag nobody used finds nothing (exit 1, like grep).
    dossier_in(home.path())
        .args(["search", "tag:nobody", "sample"])
        .assert()
        .code(1);
}

#[test]
fn the_notebook_lists_saved_searches_with_counts_and_exports_what_one_finds() {
    let home = state_home();
    let notebook = common::stdout_of(dossier_in(home.path()).args(["notes", "export", "sample"]));
    assert!(notebook.contains("\n## Saved searches\n"), "{notebook}");
    assert!(
        notebook.contains("- **amur** `tag:amur`: 1 document\n"),
        "{notebook}"
    );
    assert!(
        notebook.contains(&format!("  - <dossier://{MEMCON_ID}>")),
        "{notebook}"
    );
    let docs = dossier::corpus::load(&[common::sample()]).documents;
    let sixties = docs
        .iter()
        .filter(|d| d.date.year().is_some_and(|y| (1960..=1969).contains(&y)))
        .count();
    assert!(
        notebook.contains(&format!(
            "- **sixties** `year:1960..1969`: {sixties} documents\n"
        )),
        "{notebook}"
    );
    let records = common::stdout_of(dossier_in(home.path()).args([
        "notes", "export", "--saved", "sixties", "--format", "csl-json", "sample",
    ]));
    let items: serde_json::Value = serde_json::from_str(&records).expect("csl-json");
    assert_eq!(items.as_array().map(Vec::len), Some(sixties));
    dossier_in(home.path())
        .args(["notes", "export", "--saved", "nothing-so-named", "sample"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("no saved search is named"));
}
