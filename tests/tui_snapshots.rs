//! Whole-screen snapshots of the browser on the sample corpus, at 100×30 and 80×24.

mod common;

use std::path::PathBuf;

use dossier::corpus;
use dossier::tui::app::{Action, App};
use dossier::tui::view::{draw, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn screen(width: u16, height: u16, actions: &[Action]) -> Terminal<TestBackend> {
    let corpus = corpus::load(&[PathBuf::from("sample")]);
    let mut app = App::new(corpus, Rect::new(0, 0, width, height));
    common::with_index(&mut app);
    for action in actions {
        app.update(action.clone());
    }
    // A key ranks the palette for a few milliseconds only, and a slow or busy machine would
    // draw it part-way ("searching 98%"); the event loop finishes it between keys, and so does
    // this, so that the screen does not depend on the machine's speed.
    common::settle(&mut app);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal
        .draw(|frame| draw(frame, &app, &Theme::plain(false)))
        .expect("draw");
    terminal
}

fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Action::Type).collect()
}

#[test]
fn start_100x30() {
    insta::assert_snapshot!(screen(100, 30, &[]).backend());
}

#[test]
fn start_80x24() {
    insta::assert_snapshot!(screen(80, 24, &[]).backend());
}

#[test]
fn section_selected_100x30() {
    let actions = [
        Action::Open,
        Action::Down,
        Action::Down,
        Action::Down,
        Action::Down,
        Action::Down,
    ];
    insta::assert_snapshot!(screen(100, 30, &actions).backend());
}

#[test]
fn palette_80x24() {
    let mut actions = vec![Action::OpenPalette];
    actions.extend(typed("arkhipov"));
    insta::assert_snapshot!(screen(80, 24, &actions).backend());
}

#[test]
fn palette_words_with_preview_100x30() {
    let mut actions = vec![Action::OpenPalette];
    actions.extend(typed("gromyko"));
    insta::assert_snapshot!(screen(100, 30, &actions).backend());
}

#[test]
fn filtered_documents_100x30() {
    let mut actions = vec![Action::StartInput];
    actions.extend(typed("cable"));
    insta::assert_snapshot!(screen(100, 30, &actions).backend());
}

#[test]
fn detail_search_80x24() {
    let mut actions = vec![Action::FocusNext, Action::FocusNext, Action::StartInput];
    actions.extend(typed("soviet"));
    actions.push(Action::Accept);
    actions.push(Action::NextMatch);
    insta::assert_snapshot!(screen(80, 24, &actions).backend());
}

#[test]
fn cjk_document_100x30() {
    let mut actions = vec![Action::StartInput];
    actions.extend(typed("yalu"));
    actions.push(Action::Accept);
    actions.push(Action::Open);
    insta::assert_snapshot!(screen(100, 30, &actions).backend());
}

#[test]
fn help_100x30() {
    insta::assert_snapshot!(screen(100, 30, &[Action::ToggleHelp]).backend());
}

#[test]
fn too_small_and_tiny_terminals_draw_a_message() {
    for (w, h) in [(10, 5), (19, 4), (1, 1)] {
        let terminal = screen(w, h, &[]);
        let text: String = terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect();
        assert!(
            text.starts_with("t"),
            "{w}×{h}: the message starts: {text:?}"
        );
    }
}

#[test]
fn huge_terminals_draw() {
    let terminal = screen(300, 100, &[Action::Open]);
    let text: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(text.contains("Regarding Japan-Soviet Relations"));
}

#[test]
fn timeline_100x30() {
    insta::assert_snapshot!(
        screen(
            100,
            30,
            &[Action::ToggleTimeline, Action::FocusLeft, Action::FocusLeft]
        )
        .backend()
    );
}

#[test]
fn timeline_80x24() {
    insta::assert_snapshot!(screen(80, 24, &[Action::ToggleTimeline]).backend());
}

#[test]
fn full_width_100x30() {
    let actions = [Action::ToggleFullWidth, Action::PageDown];
    insta::assert_snapshot!(screen(100, 30, &actions).backend());
}

#[test]
fn full_width_80x24() {
    insta::assert_snapshot!(screen(80, 24, &[Action::ToggleFullWidth]).backend());
}

#[test]
fn start_200x60() {
    insta::assert_snapshot!(screen(200, 60, &[]).backend());
}

#[test]
fn reading_200x60() {
    let actions = [Action::Open, Action::Open, Action::PageDown];
    insta::assert_snapshot!(screen(200, 60, &actions).backend());
}

#[test]
fn help_80x24() {
    insta::assert_snapshot!(screen(80, 24, &[Action::ToggleHelp]).backend());
}

#[test]
fn problems_100x30() {
    let actions = [Action::ToggleProblems, Action::Down];
    insta::assert_snapshot!(screen(100, 30, &actions).backend());
}
