//! Highlights: `v` marks the passage being read (with a note; choosing it again removes it), the text
//! shows it, it is found again by its quote when the page is saved anew with its sections
//! renumbered, and the notebook export lists it with a link that resolves.

mod common;

use common::{key, sample_app};
use crossterm::event::KeyCode;
use dossier::corpus;
use dossier::model::{Document, Section};
use dossier::notebook::markdown;
use dossier::state::{Highlight, State};
use dossier::tui::app::{Input, Overlay};
use dossier::tui::effects::Effect;

#[test]
fn v_highlights_the_section_being_read_with_a_note_and_v_again_removes_it() {
    let mut app = sample_app(100, 30);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('j'));
    let marked = app.detail.marked.expect("a section is marked");
    key(&mut app, KeyCode::Char('v'));
    // The whole passage is offered first, then its sentences.
    assert_eq!(app.overlay, Overlay::Sentences);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.input, Input::HighlightNote);
    for c in "key passage".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.highlights.len(), 1);
    let highlight = &app.highlights[0];
    assert_eq!(highlight.section, "1.1");
    assert_eq!(highlight.note, "key passage");
    assert!(
        highlight
            .quote
            .starts_with("Regarding the foreign ministerial talks"),
        "{}",
        highlight.quote
    );
    assert!(app.effects.contains(&Effect::SaveState));
    assert_eq!(
        app.highlighted_passages().into_iter().collect::<Vec<_>>(),
        [marked]
    );
    assert_eq!(app.saved_state().highlights.len(), 1);
    key(&mut app, KeyCode::Char('v'));
    key(&mut app, KeyCode::Enter);
    assert!(app.highlights.is_empty());
    assert!(app.highlighted_passages().is_empty());
}

fn section(label: &str, id: &str, text: &str) -> Section {
    Section {
        label: label.into(),
        id: id.into(),
        paragraphs: vec![text.into()],
        ..Section::default()
    }
}

fn page(sections: Vec<Section>) -> Document {
    Document {
        id: "doc".into(),
        title: "Letter from A to B".into(),
        sections,
        ..Document::default()
    }
}

#[test]
fn a_highlight_is_found_again_by_its_quote_when_the_sections_are_renumbered() {
    let before = page(vec![
        section("1.", "1", "Opening words."),
        section("2.", "2", "The passage that matters, quoted."),
    ]);
    let highlight = Highlight::new(&before, "2", "");
    assert_eq!(highlight.section_in(&before).as_deref(), Some("2"));
    // The page saved anew gained a section in front.
    let after = page(vec![
        section("1.", "1", "A new first paragraph."),
        section("2.", "2", "Opening words."),
        section("3.", "3", "The passage that matters, quoted."),
    ]);
    assert_eq!(highlight.section_in(&after).as_deref(), Some("3"));
    // Gone altogether: the section it was made on is used while it exists.
    let rewritten = page(vec![
        section("1.", "1", "Other."),
        section("2.", "2", "Else."),
    ]);
    assert_eq!(highlight.section_in(&rewritten).as_deref(), Some("2"));
    assert_eq!(highlight.section_in(&page(vec![])), None);
}

#[test]
fn the_notebook_lists_highlights_with_quote_note_and_link() {
    let docs = corpus::load(&[common::sample()]).documents;
    let seed = docs
        .iter()
        .find(|d| d.id == "000_7f35e2ff8d3d54b0")
        .expect("seed");
    let state = State {
        highlights: vec![Highlight::new(seed, "2.1.b", "obstacles")],
        ..State::default()
    };
    let marked = dossier::notebook::marked_documents(&docs, &state, None);
    assert_eq!(marked.len(), 1);
    let notebook = markdown(&marked, &state, dossier::citation::Style::default());
    assert!(
        notebook.contains("### Highlight: 2.1.b\n\n> "),
        "{notebook}"
    );
    assert!(notebook.contains("Note: obstacles"), "{notebook}");
    assert!(
        notebook.contains("<dossier://000_7f35e2ff8d3d54b0#2.1.b>"),
        "{notebook}"
    );
}
