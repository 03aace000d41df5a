//! The browser's behaviour at the state level: every key, without a terminal.

mod common;

use std::path::PathBuf;

use common::{key, press, sample_app as app};
use crossterm::event::{Event, KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use dossier::corpus;
use dossier::tui::app::{Action, App, Input, Overlay, Pane};
use dossier::tui::keys::action_for;
use ratatui::layout::Rect;

const SEED: &str = "000_7f35e2ff8d3d54b0";

fn typing(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// What the event loop does between keys: the palette's ranking goes on to the end (a key
/// ranks only for a few milliseconds, and a slow machine would stop part-way).
fn finish_ranking(app: &mut App) {
    common::settle(app);
}

fn current_id(app: &App) -> String {
    app.current_doc().map(|d| d.id.clone()).unwrap_or_default()
}

fn current_section(app: &App) -> String {
    app.sections
        .current()
        .map(|p| app.section_id(p).to_string())
        .unwrap_or_default()
}

#[test]
fn starts_on_the_first_document_with_its_sections() {
    let app = app(100, 30);
    assert_eq!(current_id(&app), SEED);
    assert_eq!(app.focus, Pane::Documents);
    assert_eq!(app.sections.items.len(), 11);
    assert_eq!(app.detail.scroll, 0);
}

#[test]
fn tab_and_shift_tab_cycle_the_panes() {
    let mut app = app(120, 30);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Sections);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Detail);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Documents);
    key(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus, Pane::Detail);
}

#[test]
fn h_l_and_arrows_move_focus_left_and_right() {
    let mut app = app(120, 30);
    key(&mut app, KeyCode::Char('l'));
    assert_eq!(app.focus, Pane::Sections);
    key(&mut app, KeyCode::Right);
    assert_eq!(app.focus, Pane::Detail);
    key(&mut app, KeyCode::Right);
    assert_eq!(app.focus, Pane::Detail);
    key(&mut app, KeyCode::Char('h'));
    assert_eq!(app.focus, Pane::Sections);
    key(&mut app, KeyCode::Left);
    assert_eq!(app.focus, Pane::Documents);
}

#[test]
fn j_k_and_arrows_change_the_document_and_its_detail() {
    let mut app = app(100, 30);
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(app.documents.selected, 1);
    assert_ne!(current_id(&app), SEED);
    assert!(app.detail.text.lines[0].text.starts_with("Memorandum"));
    key(&mut app, KeyCode::Down);
    assert_eq!(app.documents.selected, 2);
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Char('k'));
    assert_eq!(current_id(&app), SEED);
    key(&mut app, KeyCode::Char('k'));
    assert_eq!(app.documents.selected, 0, "stays at the top");
}

#[test]
fn g_and_shift_g_home_and_end_go_to_the_ends() {
    let mut app = app(100, 30);
    let last = app.docs.len() - 1;
    key(&mut app, KeyCode::Char('G'));
    assert_eq!(app.documents.selected, last);
    key(&mut app, KeyCode::Char('g'));
    assert_eq!(app.documents.selected, 0);
    key(&mut app, KeyCode::End);
    assert_eq!(app.documents.selected, last);
    key(&mut app, KeyCode::Home);
    assert_eq!(app.documents.selected, 0);
}

#[test]
fn page_keys_move_by_a_screen_and_keep_the_selection_visible() {
    let mut app = app(100, 12);
    key(&mut app, KeyCode::PageDown);
    let height = app.pane_height(Pane::Documents);
    assert_eq!(app.documents.selected, height - 1);
    assert!(app.documents.selected < app.documents.offset + height);
    key(&mut app, KeyCode::PageUp);
    assert_eq!(app.documents.selected, 0);
}

#[test]
fn the_detail_pane_scrolls_by_line_and_page() {
    let mut app = app(100, 30);
    app.update(Action::FocusNext);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Pane::Detail);
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(app.detail.scroll, 1);
    key(&mut app, KeyCode::Char(' '));
    let page = app.pane_height(Pane::Detail) - 1;
    assert_eq!(app.detail.scroll, 1 + page);
    key(&mut app, KeyCode::Char('b'));
    assert_eq!(app.detail.scroll, 1);
    key(&mut app, KeyCode::PageDown);
    assert_eq!(app.detail.scroll, 1 + page);
    key(&mut app, KeyCode::Char('G'));
    assert_eq!(app.detail.scroll, app.max_scroll());
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(
        app.detail.scroll,
        app.max_scroll(),
        "never scrolls past the end"
    );
    key(&mut app, KeyCode::Char('g'));
    assert_eq!(app.detail.scroll, 0);
}

#[test]
fn enter_opens_sections_then_the_text_at_that_section() {
    let mut app = app(100, 30);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, Pane::Sections);
    assert_eq!(current_section(&app), "1");
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(current_section(&app), "1.2");
    let anchor = app.detail.text.anchors[2];
    assert_eq!(app.detail.scroll, anchor);
    assert!(
        app.detail.text.lines[anchor]
            .text
            .trim_start()
            .starts_with("(2) Although")
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, Pane::Detail);
    assert_eq!(app.detail.marked, Some(2));
}

#[test]
fn slash_filters_documents_live_and_esc_clears() {
    let mut app = app(100, 30);
    key(&mut app, KeyCode::Char('/'));
    assert_eq!(app.input, Input::Filter(Pane::Documents));
    typing(&mut app, "prague");
    assert_eq!(app.documents.items.len(), 1);
    assert_eq!(current_id(&app), "007_crlf_prague_payments");
    key(&mut app, KeyCode::Backspace);
    assert_eq!(app.documents.filter, "pragu");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.input, Input::None);
    assert_eq!(app.documents.items.len(), app.docs.len());
}

#[test]
fn enter_keeps_the_filter_and_esc_later_clears_it() {
    let mut app = app(100, 30);
    key(&mut app, KeyCode::Char('/'));
    typing(&mut app, "year:1940..1950");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.input, Input::None);
    let years: Vec<i32> = app
        .documents
        .items
        .iter()
        .filter_map(|&i| app.docs[i].date.year())
        .collect();
    assert!(
        !years.is_empty() && years.iter().all(|y| (1940..=1950).contains(y)),
        "{years:?}"
    );
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(app.documents.selected, 1, "keys move in the filtered list");
    key(&mut app, KeyCode::Esc);
    assert!(app.documents.filter.is_empty());
    assert_eq!(app.documents.items.len(), app.docs.len());
}

#[test]
fn slash_in_sections_filters_them_by_their_text() {
    let mut app = app(100, 30);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Char('/'));
    typing(&mut app, "arkhipov");
    assert_eq!(app.sections.items.len(), 1);
    assert_eq!(current_section(&app), "2.2");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.sections.items.len(), 11);
}

#[test]
fn ctrl_p_jumps_to_a_section_of_another_document() {
    let mut app = app(100, 30);
    press(&mut app, KeyCode::Char('p'), KeyModifiers::CONTROL);
    assert_eq!(app.overlay, Overlay::Palette);
    assert_eq!(
        app.palette.hits.len(),
        app.index
            .passages
            .len()
            .min(dossier::tui::app::PALETTE_LIMIT)
    );
    typing(&mut app, "Hradecký");
    finish_ranking(&mut app);
    assert!(app.palette_shows_words());
    let (best_passage, _) = app.palette_entry(0).expect("a hit");
    let best = app.index.passages[best_passage];
    let best_section = app.section_id(best_passage).to_string();
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(app.focus, Pane::Detail);
    assert_eq!(current_id(&app), app.docs[best.doc].id);
    assert_eq!(current_section(&app), best_section);
    let marked = app.detail.marked.expect("a section is marked");
    let anchor = app.detail.text.anchors[marked];
    assert_eq!(app.detail.scroll, anchor.min(app.max_scroll()));
    assert!(
        app.detail.text.lines[anchor..]
            .iter()
            .take(12)
            .any(|l| l.text.contains("Hradecký"))
    );
}

#[test]
fn the_palette_moves_with_arrows_and_closes_with_esc() {
    let mut app = app(100, 30);
    press(&mut app, KeyCode::Char('p'), KeyModifiers::CONTROL);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    assert_eq!(app.palette.selected, 2);
    press(&mut app, KeyCode::Char('p'), KeyModifiers::CONTROL);
    assert_eq!(app.palette.selected, 1);
    typing(&mut app, "q");
    assert_eq!(app.palette.input, "q", "q types in the palette");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, Overlay::None);
    assert!(!app.quit);
}

#[test]
fn a_jump_clears_a_filter_that_hides_the_target() {
    let mut app = app(100, 30);
    key(&mut app, KeyCode::Char('/'));
    typing(&mut app, "prague");
    key(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('p'), KeyModifiers::CONTROL);
    typing(&mut app, "arkhipov");
    finish_ranking(&mut app);
    key(&mut app, KeyCode::Enter);
    assert_eq!(current_id(&app), SEED);
    assert!(app.documents.filter.is_empty());
}

#[test]
fn search_in_the_detail_pane_counts_and_steps_through_matches() {
    let mut app = app(100, 30);
    app.update(Action::FocusRight);
    app.update(Action::FocusRight);
    key(&mut app, KeyCode::Char('/'));
    assert_eq!(app.input, Input::Search);
    typing(&mut app, "gromyko");
    key(&mut app, KeyCode::Enter);
    let count = app.detail.matches.len();
    assert!(count >= 3, "{count}");
    assert_eq!(app.detail.current_match, 0);
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.detail.current_match, 1);
    key(&mut app, KeyCode::Char('N'));
    key(&mut app, KeyCode::Char('N'));
    assert_eq!(app.detail.current_match, count - 1, "wraps around");
    let line = app.detail.matches[count - 1].0;
    let height = app.pane_height(Pane::Detail);
    assert!(
        line >= app.detail.scroll && line < app.detail.scroll + height,
        "match is on screen"
    );
    key(&mut app, KeyCode::Esc);
    assert!(app.detail.matches.is_empty());
}

#[test]
fn a_search_without_matches_says_so() {
    let mut app = app(100, 30);
    app.update(Action::FocusPrev);
    key(&mut app, KeyCode::Char('/'));
    typing(&mut app, "zzzzqqq");
    key(&mut app, KeyCode::Enter);
    assert!(app.message.as_deref().unwrap_or("").contains("no match"));
}

#[test]
fn question_mark_shows_help_and_any_key_but_movement_closes_it() {
    let mut app = app(100, 30);
    key(&mut app, KeyCode::Char('?'));
    assert_eq!(app.overlay, Overlay::Help);
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(app.overlay, Overlay::Help, "j scrolls the help");
    key(&mut app, KeyCode::Char('/'));
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(
        app.documents.selected, 0,
        "the closing key does nothing else"
    );
}

#[test]
fn p_lists_the_problems() {
    let mut app = app(100, 30);
    assert!(app.problem_count() > 0);
    key(&mut app, KeyCode::Char('p'));
    assert_eq!(app.overlay, Overlay::Problems);
    assert!(
        app.problem_lines()
            .iter()
            .any(|l| l.contains("no date found"))
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, Overlay::None);
}

#[test]
fn q_and_ctrl_c_quit() {
    let mut app = app(100, 30);
    key(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
    let mut app = self::app(100, 30);
    key(&mut app, KeyCode::Char('/'));
    press(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(app.quit, "Ctrl-C quits even while typing");
}

#[test]
fn narrow_terminals_show_the_focused_list_beside_the_detail() {
    let mut app = app(80, 24);
    let panes = app.panes();
    assert!(panes.documents.is_some() && panes.detail.is_some() && panes.sections.is_none());
    key(&mut app, KeyCode::Tab);
    let panes = app.panes();
    assert!(panes.sections.is_some() && panes.documents.is_none());
    app.update(Action::Resize(50, 20));
    key(&mut app, KeyCode::Tab);
    let panes = app.panes();
    assert!(
        panes.detail.is_some() && panes.sections.is_none(),
        "one pane below 60 columns"
    );
    assert_eq!(panes.detail.map(|r| r.width), Some(50));
}

#[test]
fn resizing_relayouts_the_text_and_keeps_the_section_in_view() {
    let mut app = app(160, 48);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Char('G'));
    let section = current_section(&app);
    app.update(Action::Resize(80, 24));
    assert!(
        app.detail
            .text
            .lines
            .iter()
            .all(|l| unicode_width::UnicodeWidthStr::width(l.text.as_str()) <= app.detail_width())
    );
    assert_eq!(current_section(&app), section);
    let anchor = app.detail.text.anchors[app.detail.marked.unwrap()];
    let height = app.pane_height(Pane::Detail);
    assert!(
        anchor >= app.detail.scroll && anchor < app.detail.scroll + height,
        "marked section on screen"
    );
}

#[test]
fn the_mouse_wheel_scrolls_the_pane_under_it_and_clicks_select() {
    let mut app = app(120, 30);
    let detail = app.panes().detail.unwrap();
    let wheel = Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: detail.x + 3,
        row: detail.y + 3,
        modifiers: KeyModifiers::NONE,
    });
    let action = action_for(&app, &wheel).unwrap();
    app.update(action);
    assert_eq!(app.detail.scroll, 3);
    let docs = app.panes().documents.unwrap();
    let click = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: docs.x + 2,
        row: docs.y + 1 + 4,
        modifiers: KeyModifiers::NONE,
    });
    let action = action_for(&app, &click).unwrap();
    app.update(action);
    assert_eq!(app.documents.selected, 4);
    assert_eq!(app.focus, Pane::Documents);
}

#[test]
fn y_copies_the_selected_section_with_its_label() {
    use dossier::tui::effects::Effect;
    let mut app = app(100, 30);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('y'));
    match app.effects.as_slice() {
        [Effect::Copy(text)] => {
            assert!(
                text.starts_with("(1) Regarding the foreign ministerial talks"),
                "{text}"
            );
            assert!(!text.contains("(2) Although"), "only the selected section");
        }
        other => panic!("expected one copy, got {other:?}"),
    }
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("copied section 1.1")
    );
}

#[test]
fn y_on_a_parent_section_copies_its_subsections_too() {
    use dossier::tui::effects::Effect;
    let mut app = app(100, 30);
    key(&mut app, KeyCode::Enter);
    for _ in 0..5 {
        key(&mut app, KeyCode::Char('j'));
    }
    assert_eq!(current_section(&app), "2.1");
    key(&mut app, KeyCode::Char('y'));
    let Some(Effect::Copy(text)) = app.effects.first() else {
        panic!("no copy")
    };
    assert!(
        text.contains("\n\n    (a) In regards to bilateral relations"),
        "{text}"
    );
}

#[test]
fn c_cites_the_section_being_read_and_shift_c_the_whole_document() {
    use dossier::citation::{Style, cite};
    use dossier::tui::effects::Effect;
    let mut app = app(100, 30);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(current_section(&app), "1.1");
    let copied = |app: &mut App, c: char| {
        app.effects.clear();
        key(app, KeyCode::Char(c));
        match app.effects.as_slice() {
            [Effect::Copy(text)] => text.clone(),
            other => panic!("expected one copy, got {other:?}"),
        }
    };
    let doc = app.current_doc().unwrap().clone();
    let pinpointed = copied(&mut app, 'c');
    assert_eq!(
        pinpointed,
        cite(&doc, Style::ChicagoNotes, Some("1.1")).citation
    );
    assert!(
        pinpointed.contains("March 25, 1984, para. 1.1,"),
        "{pinpointed}"
    );
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("chicago-notes citation of 1.1")
    );
    let whole = copied(&mut app, 'C');
    assert_eq!(whole, cite(&doc, Style::ChicagoNotes, None).bibliography);
    assert!(!whole.contains("para."), "{whole}");
    app.config.citation_style = Style::Mla;
    assert_eq!(copied(&mut app, 'c'), "(Ambassador Katori, par. 1.1)");
}

#[test]
fn copying_can_be_turned_off() {
    let mut app = app(100, 30);
    app.config.osc52 = false;
    key(&mut app, KeyCode::Char('y'));
    assert!(app.effects.is_empty());
    assert!(app.message.as_deref().unwrap_or("").contains("off"));
}

#[test]
fn o_and_e_ask_for_the_pager_and_the_editor_on_the_file() {
    use dossier::tui::effects::Effect;
    let mut app = app(100, 30);
    key(&mut app, KeyCode::Char('o'));
    key(&mut app, KeyCode::Char('e'));
    let path = PathBuf::from(&app.current_doc().unwrap().path);
    assert_eq!(
        app.effects,
        vec![Effect::Page(path.clone(), None), Effect::Edit(path, None)]
    );
}

#[test]
fn t_charts_years_and_enter_filters_to_the_chosen_year() {
    let mut app = app(100, 30);
    key(&mut app, KeyCode::Char('t'));
    assert_eq!(app.overlay, Overlay::Timeline);
    let timeline = app.timeline.clone().expect("timeline shown");
    let dated = app.docs.iter().filter(|d| d.date.year().is_some()).count();
    assert_eq!(timeline.counts.iter().sum::<usize>(), dated);
    assert_eq!(timeline.undated, app.docs.len() - dated);
    let latest = app.docs.iter().filter_map(|d| d.date.year()).max().unwrap();
    assert_eq!(timeline.year(), latest);
    key(&mut app, KeyCode::Left);
    let year = app.timeline.as_ref().unwrap().year();
    assert!(year < latest);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.documents.filter, format!("year:{year}"));
    assert!(
        app.documents
            .items
            .iter()
            .all(|&i| app.docs[i].date.year() == Some(year))
    );
    assert!(!app.documents.items.is_empty());
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, Overlay::None);
    assert!(app.timeline.is_none());
    assert!(
        app.panes().timeline.is_none(),
        "the strip's rows go back to the panes"
    );
}

#[test]
fn the_timeline_counts_the_filter_without_its_year() {
    let mut app = app(100, 30);
    key(&mut app, KeyCode::Char('/'));
    typing(&mut app, "cable year:1984");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('t'));
    let timeline = app.timeline.clone().unwrap();
    assert_eq!(timeline.year(), 1984, "the chosen year is the filter's");
    assert!(
        timeline.counts.iter().sum::<usize>() > 1,
        "other years of cables are still counted"
    );
}

#[test]
fn reloading_keeps_the_document_section_and_filter() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir("sample").unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let paths = [dir.path().to_path_buf()];
    let mut app = App::new(corpus::load(&paths), Rect::new(0, 0, 100, 30));
    key(&mut app, KeyCode::Char('/'));
    typing(&mut app, "cable");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('j'));
    let doc = current_id(&app);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('j'));
    let section = current_section(&app);
    std::fs::remove_file(dir.path().join("002_letter_lubeck_registry.txt")).unwrap();
    std::fs::write(
        dir.path().join("zz_new.txt"),
        "1950\n\nCable from A to B\n\n1. A new cable.\n",
    )
    .unwrap();
    app.reload(corpus::load(&paths));
    assert_eq!(app.docs.len(), 20);
    assert_eq!(app.documents.filter, "cable");
    assert_eq!(current_id(&app), doc);
    assert_eq!(current_section(&app), section);
    assert!(app.detail.marked.is_some());
    assert_eq!(app.focus, Pane::Sections);
    assert!(app.message.as_deref().unwrap_or("").contains("reloaded"));
}

#[test]
fn reloading_without_the_current_document_says_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "1950\n\nCable from A to B\n\n1. Text.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "1951\n\nLetter from C to D\n\nDear D.\n",
    )
    .unwrap();
    let paths = [dir.path().to_path_buf()];
    let mut app = App::new(corpus::load(&paths), Rect::new(0, 0, 100, 30));
    assert_eq!(current_id(&app), "a");
    std::fs::remove_file(dir.path().join("a.txt")).unwrap();
    app.reload(corpus::load(&paths));
    assert_eq!(current_id(&app), "b");
    assert!(app.message.as_deref().unwrap_or("").contains("gone"));
}

#[test]
fn m_bookmarks_the_section_with_a_note_and_quote_lists_them() {
    use dossier::tui::effects::Effect;
    let mut app = app(100, 30);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('m'));
    assert_eq!(app.input, Input::Note);
    typing(&mut app, "quote this");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.input, Input::None);
    assert_eq!(app.bookmarks.len(), 1);
    assert_eq!(app.bookmarks[0].section, "1.1");
    assert_eq!(app.bookmarks[0].note, "quote this");
    assert_eq!(
        app.effects,
        vec![Effect::SaveHistory, Effect::SaveState],
        "the note joins the history too"
    );
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('m'));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.bookmarks.len(), 1, "Esc makes no bookmark");

    // Somewhere else, then back through the list.
    key(&mut app, KeyCode::Char('h'));
    key(&mut app, KeyCode::Char('G'));
    key(&mut app, KeyCode::Char('\''));
    assert_eq!(app.overlay, Overlay::Bookmarks);
    assert!(app.bookmark_row(0).contains("› 1.1 — quote this"));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(current_id(&app), SEED);
    assert_eq!(current_section(&app), "1.1");
    assert_eq!(app.focus, Pane::Detail);
}

#[test]
fn the_bookmark_list_filters_and_d_deletes() {
    let mut app = app(100, 30);
    key(&mut app, KeyCode::Enter);
    for (down, note) in [(1, "first"), (3, "second")] {
        for _ in 0..down {
            key(&mut app, KeyCode::Char('j'));
        }
        key(&mut app, KeyCode::Char('m'));
        typing(&mut app, note);
        key(&mut app, KeyCode::Enter);
    }
    key(&mut app, KeyCode::Char('\''));
    assert_eq!(app.bookmark_list.items.len(), 2);
    key(&mut app, KeyCode::Char('/'));
    typing(&mut app, "second");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.bookmark_list.items.len(), 1);
    key(&mut app, KeyCode::Char('d'));
    assert_eq!(app.bookmarks.len(), 1);
    assert_eq!(app.bookmarks[0].note, "first");
}

#[test]
fn the_reading_position_is_saved_and_restored() {
    let mut first = app(100, 30);
    key(&mut first, KeyCode::Char('j'));
    key(&mut first, KeyCode::Char('j'));
    key(&mut first, KeyCode::Enter);
    key(&mut first, KeyCode::Char('j'));
    key(&mut first, KeyCode::Char('j'));
    let (doc, section) = (current_id(&first), current_section(&first));
    let state = first.saved_state();
    assert_eq!(
        state.resume.as_ref().map(|r| r.doc_id.clone()),
        Some(doc.clone())
    );

    let mut second = app(100, 30);
    second.restore(state);
    assert_eq!(current_id(&second), doc);
    assert_eq!(current_section(&second), section);
    // The same spot at the top, whatever the width (the focused documents list is wider).
    assert!(first.anchor_at_top().is_some());
    assert_eq!(second.anchor_at_top(), first.anchor_at_top());
}

#[test]
fn a_changed_document_is_flagged_in_bookmarks_and_on_resume() {
    let mut app = app(100, 30);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('m'));
    key(&mut app, KeyCode::Enter);
    let mut state = app.saved_state();
    let spot = state.resume.as_ref().and_then(|r| r.anchor.clone());
    state.bookmarks[0].doc_hash = "0000000000000000".into();
    if let Some(resume) = state.resume.as_mut() {
        resume.doc_hash = "0000000000000000".into();
        resume.scroll = 3;
    }
    let mut later = self::app(100, 30);
    later.restore(state);
    assert!(
        later
            .message
            .as_deref()
            .unwrap_or("")
            .contains("changed since")
    );
    assert_ne!(
        later.detail.scroll, 3,
        "no stale scroll position into a changed text"
    );
    assert_eq!(
        later.anchor_at_top(),
        spot,
        "the paragraph is found by its quote"
    );
    assert!(later.bookmark_row(0).ends_with("(document changed)"));
}

#[test]
fn keys_follow_the_configuration() {
    let (config, warnings) =
        dossier::config::parse("[keys]\ndown = \"x\"\nquit = \"ctrl-q\"\n", "test.toml");
    assert!(warnings.is_empty(), "{warnings:?}");
    let mut app = app(100, 30);
    app.config = config;
    key(&mut app, KeyCode::Char('x'));
    assert_eq!(app.documents.selected, 1);
    key(&mut app, KeyCode::Down);
    assert_eq!(app.documents.selected, 2, "arrows keep their meaning");
    key(&mut app, KeyCode::Char('q'));
    assert!(!app.quit, "q is no longer quit");
    press(&mut app, KeyCode::Char('q'), KeyModifiers::CONTROL);
    assert!(app.quit);
}

#[test]
fn configured_pane_widths_apply() {
    let (config, _) = dossier::config::parse(
        "[panes]\ndocuments_percent = 40\nsections_percent = 20\n",
        "test.toml",
    );
    let mut app = app(200, 30);
    app.config = config;
    let panes = app.panes();
    assert_eq!(panes.documents.map(|r| r.width), Some(80));
    assert_eq!(panes.sections.map(|r| r.width), Some(40));
}

#[test]
fn ranking_in_slices_gives_the_same_hits_as_one_search() {
    let app = app(100, 30);
    let total = app.index.passages.len();
    for text in [
        "soviet",
        "ab",
        "minister visit",
        "x",
        "'the",
        "year:1950..1970 border",
    ] {
        let query = dossier::query::parse_query(text);
        for limit in [1, 5, 40] {
            let whole = app.index.search(&app.docs, &query, limit);
            let mut hits: Vec<dossier::query::Hit> = Vec::new();
            for start in (0..total).step_by(7) {
                let worst = (hits.len() == limit)
                    .then(|| hits.last().copied())
                    .flatten();
                hits.extend(app.index.search_beyond(
                    &app.docs,
                    &query,
                    start..(start + 7).min(total),
                    limit,
                    worst,
                ));
                hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.passage.cmp(&b.passage)));
                hits.truncate(limit);
            }
            assert_eq!(hits, whole, "{text:?} limit {limit}");
        }
    }
}

/// A page whose section 2 is long, with `word` in its 30th and 45th paragraphs.
fn long_section_page(dir: &std::path::Path, word: &str) -> PathBuf {
    let mut text = String::from(
        "March 3, 1962\n\nMemorandum on the Lake Survey\n\n1. A short first item.\n\n2. The long item begins here.\n\n",
    );
    for i in 1..=50 {
        let extra = if i == 30 || i == 45 {
            format!(" The {word} was mentioned.")
        } else {
            String::new()
        };
        text.push_str(&format!(
            "Paragraph {i} of the long item, with ordinary words.{extra}\n\n"
        ));
    }
    text.push_str("3. A last item.\n");
    let path = dir.join("long.txt");
    std::fs::write(&path, text).unwrap();
    path
}

/// The browser on [`long_section_page`] after a palette jump to its word `zephyrine`.
fn jumped_to_zephyrine() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let path = long_section_page(dir.path(), "zephyrine");
    let mut app = App::new(corpus::load(&[path]), Rect::new(0, 0, 100, 30));
    common::with_index(&mut app);
    press(&mut app, KeyCode::Char('p'), KeyModifiers::CONTROL);
    typing(&mut app, "zephyrine");
    finish_ranking(&mut app);
    key(&mut app, KeyCode::Enter);
    (dir, app)
}

#[test]
fn a_palette_jump_lands_on_the_word_in_the_upper_third_and_n_goes_through_its_matches() {
    let (_dir, mut app) = jumped_to_zephyrine();
    assert_eq!(current_section(&app), "2");
    assert_eq!(app.detail.search, "zephyrine");
    let (line, _, _) = app.detail.matches[app.detail.current_match];
    let text = &app.detail.text.lines[line].text;
    assert!(text.contains("zephyrine"), "{text}");
    assert!(
        text.contains("Paragraph 30") || app.detail.text.lines[line - 1].text.contains("30"),
        "the first match of the section: {text}"
    );
    // In the upper third of the view, far below the section's start.
    let height = app.pane_height(Pane::Detail);
    assert!(line >= app.detail.scroll, "{line} {}", app.detail.scroll);
    assert!(
        line - app.detail.scroll <= height / 3,
        "{line} {}",
        app.detail.scroll
    );
    assert!(line > app.detail.text.anchors[1] + height, "sixty lines in");
    // n: the next match of the same word, shown.
    key(&mut app, KeyCode::Char('n'));
    let (next, _, _) = app.detail.matches[app.detail.current_match];
    assert!(next > line);
    assert!(app.detail.text.lines[next].text.contains("zephyrine"));
    assert!(next >= app.detail.scroll && next < app.detail.scroll + height);
}

#[test]
fn a_bookmark_deep_in_a_section_lands_in_the_upper_third() {
    let (_dir, mut app) = jumped_to_zephyrine();
    // Scroll the first match to the top, bookmark there, go away and come back.
    let (line, _, _) = app.detail.matches[app.detail.current_match];
    app.detail.scroll = line;
    let quote = app.detail.text.lines[line].text.trim().to_string();
    key(&mut app, KeyCode::Char('m'));
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('g'));
    assert_eq!(app.detail.scroll, 0);
    key(&mut app, KeyCode::Char('\''));
    key(&mut app, KeyCode::Enter);
    let height = app.pane_height(Pane::Detail);
    let landed = app
        .detail
        .text
        .lines
        .iter()
        .position(|l| l.text.trim() == quote)
        .expect("the bookmarked line");
    assert!(landed > app.detail.scroll, "not at the very top");
    assert!(
        landed - app.detail.scroll <= height / 3 + 1,
        "{landed} {}",
        app.detail.scroll
    );
}
