//! Tags at the state level: `T` tags the document being read (several tags, Tab completes from
//! the tags in use), `tag:NAME` filters the documents, and two sessions saving the same corpus
//! keep each other's bookmarks and tags.

mod common;

use common::{key, sample_app};
use crossterm::event::KeyCode;
use dossier::state::{Bookmark, State, load_from, merge, save_merged_to, save_to};
use dossier::tui::app::{App, Input};
use dossier::tui::effects::Effect;

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn current_id(app: &App) -> String {
    app.current_doc().map(|d| d.id.clone()).unwrap_or_default()
}

#[test]
fn t_tags_the_current_document_with_several_tags_and_saves() {
    let mut app = sample_app(100, 30);
    let id = current_id(&app);
    key(&mut app, KeyCode::Char('T'));
    assert_eq!(app.input, Input::Tags);
    type_text(&mut app, "japan, prc  talks");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.input, Input::None);
    let tags: Vec<&str> = app.tags[&id].iter().map(String::as_str).collect();
    assert_eq!(tags, ["japan", "prc", "talks"]);
    assert!(app.effects.contains(&Effect::SaveState));
    assert_eq!(app.saved_state().tags_of(&id), ["japan", "prc", "talks"]);
    // Editing starts from the current tags; clearing them all removes the document's entry.
    key(&mut app, KeyCode::Char('T'));
    for _ in 0.."japan prc talks ".len() {
        key(&mut app, KeyCode::Backspace);
    }
    key(&mut app, KeyCode::Enter);
    assert!(!app.tags.contains_key(&id));
}

#[test]
fn tab_completes_the_tag_being_typed_from_the_tags_in_use() {
    let mut app = sample_app(100, 30);
    key(&mut app, KeyCode::Char('T'));
    type_text(&mut app, "amur-survey");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('T'));
    type_text(&mut app, "am");
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.note, "amur-survey ");
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("tags: amur-survey")
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.tags.len(), 1, "Esc leaves the tags as they were");
}

#[test]
fn a_tag_term_keeps_only_the_tagged_documents() {
    let mut app = sample_app(100, 30);
    let first = current_id(&app);
    key(&mut app, KeyCode::Char('T'));
    type_text(&mut app, "keep");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('j'));
    let third = current_id(&app);
    key(&mut app, KeyCode::Char('T'));
    type_text(&mut app, "keep other");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "tag:keep");
    let shown: Vec<String> = app
        .documents
        .items
        .iter()
        .map(|&d| app.docs[d].id.clone())
        .collect();
    let mut expected = vec![first, third.clone()];
    expected.sort();
    let mut sorted = shown.clone();
    sorted.sort();
    assert_eq!(sorted, expected);
    for _ in 0.."keep".len() {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "other");
    let shown: Vec<&str> = app
        .documents
        .items
        .iter()
        .map(|&d| app.docs[d].id.as_str())
        .collect();
    assert_eq!(shown, [third.as_str()]);
    // An unknown tag keeps nothing.
    type_text(&mut app, "x");
    assert!(app.documents.items.is_empty());
}

fn bookmark(doc: &str, note: &str) -> Bookmark {
    Bookmark {
        doc_id: doc.into(),
        doc_hash: "0".into(),
        section: "1".into(),
        note: note.into(),
        created: "2026-01-01T00:00:00Z".into(),
        anchor: None,
    }
}

#[test]
fn two_sessions_saving_the_same_corpus_keep_each_others_bookmarks_and_tags() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut start = State::default();
    start.bookmarks.push(bookmark("a", "shared"));
    start
        .tags
        .entry("a".into())
        .or_default()
        .insert("old".into());
    save_to(dir.path(), "k", &start).expect("save");
    // Both sessions load the same state.
    let (a_loaded, _) = load_from(dir.path(), "k");
    let (b_loaded, _) = load_from(dir.path(), "k");
    // Session A adds a bookmark and a tag, and saves.
    let mut a = a_loaded.clone();
    a.bookmarks.push(bookmark("b", "from A"));
    a.tags.entry("b".into()).or_default().insert("alpha".into());
    save_merged_to(dir.path(), "k", &a_loaded, &a).expect("save A");
    // Session B, which never saw A's changes, deletes the shared bookmark, removes a tag and
    // adds its own, then saves.
    let mut b = b_loaded.clone();
    b.bookmarks.clear();
    b.bookmarks.push(bookmark("c", "from B"));
    b.tags.clear();
    b.tags.entry("c".into()).or_default().insert("beta".into());
    let merged = save_merged_to(dir.path(), "k", &b_loaded, &b).expect("save B");
    let (on_disk, _) = load_from(dir.path(), "k");
    assert_eq!(on_disk, merged);
    let notes: Vec<&str> = on_disk.bookmarks.iter().map(|b| b.note.as_str()).collect();
    assert_eq!(
        notes,
        ["from A", "from B"],
        "A's bookmark kept, B's deletion applied"
    );
    assert_eq!(on_disk.tags_of("b"), ["alpha"]);
    assert_eq!(on_disk.tags_of("c"), ["beta"]);
    assert!(on_disk.tags_of("a").is_empty());
    // Saving again without changes changes nothing.
    assert_eq!(merge(&b, &b, on_disk.clone()), on_disk);
}
