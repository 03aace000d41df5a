//! Reading where you look: the current section follows the scroll, and positions are
//! anchored to paragraphs (not wrapped lines), so that they survive a resize and an edit.

mod common;

use common::{key, sample_app as app};
use crossterm::event::KeyCode;
use dossier::corpus;
use dossier::state;
use dossier::tui::app::{Action, App, Pane};
use dossier::tui::effects::Effect;
use ratatui::layout::Rect;

fn current_section(app: &App) -> String {
    app.marked_passage()
        .map(|p| app.section_id(p).to_string())
        .unwrap_or_default()
}

/// The section holding the top line, found from the layout alone.
fn section_at_top(app: &App) -> String {
    let anchors = &app.detail.text.anchors;
    let local = anchors
        .iter()
        .rposition(|&a| a <= app.detail.scroll)
        .expect("the top is in a section");
    let start = app.doc_passages[app.detail.doc.unwrap()].start;
    app.section_id(start + local).to_string()
}

fn into_detail(app: &mut App) {
    key(app, KeyCode::Enter);
    key(app, KeyCode::Enter);
    assert_eq!(app.focus, Pane::Detail);
}

#[test]
fn scrolling_moves_the_current_section_and_what_y_and_m_act_on() {
    let mut app = app(100, 30);
    into_detail(&mut app);
    let first = current_section(&app);
    let mut seen = vec![first.clone()];
    for _ in 0..40 {
        key(&mut app, KeyCode::Char('j'));
        assert_eq!(current_section(&app), section_at_top(&app));
        let selected = app
            .sections
            .current()
            .map(|p| app.section_id(p).to_string());
        assert_eq!(selected.as_deref(), Some(current_section(&app).as_str()));
        if seen.last() != Some(&current_section(&app)) {
            seen.push(current_section(&app));
        }
    }
    assert!(seen.len() >= 3, "j scrolled through {seen:?}");
    let section = current_section(&app);
    assert_ne!(section, first);

    app.effects.clear();
    key(&mut app, KeyCode::Char('y'));
    let doc = app.current_doc().unwrap();
    let expected = dossier::cite::section_text(doc, &section).unwrap();
    assert_eq!(app.effects, vec![Effect::Copy(expected)]);

    key(&mut app, KeyCode::Char('m'));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.bookmarks.last().unwrap().section, section);
}

#[test]
fn the_wheel_and_space_move_the_current_section_too() {
    let mut app = app(100, 30);
    into_detail(&mut app);
    let detail = app.panes().detail.unwrap();
    for _ in 0..10 {
        app.update(Action::Wheel {
            column: detail.x + 2,
            row: detail.y + 2,
            down: true,
        });
    }
    assert_eq!(current_section(&app), section_at_top(&app));
    key(&mut app, KeyCode::Char(' '));
    assert_eq!(current_section(&app), section_at_top(&app));
    key(&mut app, KeyCode::Char('g'));
    assert_eq!(app.detail.marked, None, "the heading is no section");
}

#[test]
fn a_resize_keeps_the_paragraph_at_the_top() {
    let mut app = app(100, 30);
    into_detail(&mut app);
    for _ in 0..23 {
        key(&mut app, KeyCode::Char('j'));
    }
    let before = app.anchor_at_top().expect("a paragraph at the top");
    for (w, h) in [(60, 24), (200, 60), (81, 30)] {
        app.update(Action::Resize(w, h));
        let now = app.anchor_at_top().unwrap();
        assert_eq!(
            (now.section.as_str(), now.paragraph),
            (before.section.as_str(), before.paragraph),
            "at {w}×{h}"
        );
        assert!(
            now.offset <= before.offset,
            "at {w}×{h}: {now:?} vs {before:?}"
        );
        assert_eq!(current_section(&app), before.section);
    }
}

#[test]
fn resume_at_another_width_lands_on_the_same_paragraph() {
    let mut app = app(100, 30);
    into_detail(&mut app);
    for _ in 0..30 {
        key(&mut app, KeyCode::Char('j'));
    }
    let left = app.anchor_at_top().unwrap();
    let saved = app.saved_state();
    assert_eq!(saved.resume.as_ref().unwrap().anchor.as_ref(), Some(&left));
    // Through the state file, as the next run reads it.
    let dir = tempfile::tempdir().unwrap();
    state::save_to(dir.path(), "k", &saved).unwrap();
    let (loaded, warning) = state::load_from(dir.path(), "k");
    assert_eq!(warning, None);

    let mut next = common::sample_app(160, 50);
    next.restore(loaded);
    let back = next.anchor_at_top().unwrap();
    assert_eq!(
        (back.section.as_str(), back.paragraph),
        (left.section.as_str(), left.paragraph)
    );
    assert!(back.offset <= left.offset);
    assert_eq!(current_section(&next), left.section);
}

const BEFORE: &str = "1962\n\nCable from Alpha to Beta\n\n\
1. The first section's only paragraph, about the harbour.\n\n\
2. The second section opens here and speaks of the fishing fleet.\n\n\
Its second paragraph: the ambassador said no to the proposal twice.\n\n\
Its third paragraph closes the cable with thanks.\n\n\
3. A third section follows so that the second can reach the top of the pane.\n\n\
Another paragraph of the third section, about the weather at sea.\n\n\
A last paragraph of the third section, about the ships in the harbour.\n";

const AFTER: &str = "1962\n\nCable from Alpha to Beta\n\n\
1. The first section's only paragraph, about the harbour.\n\n\
2. The second section opens here and speaks of the fishing fleet.\n\n\
An inserted paragraph that the archive added when it saved the page again.\n\n\
Its second paragraph: the ambassador said no to the proposal twice.\n\n\
Its third paragraph closes the cable with thanks.\n\n\
3. A third section follows so that the second can reach the top of the pane.\n\n\
Another paragraph of the third section, about the weather at sea.\n\n\
A last paragraph of the third section, about the ships in the harbour.\n";

#[test]
fn an_edited_file_is_found_again_by_the_quote() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cable.txt");
    std::fs::write(&file, BEFORE).unwrap();
    let paths = [dir.path().to_path_buf()];
    let mut app = App::new(corpus::load(&paths), Rect::new(0, 0, 60, 12));
    into_detail(&mut app);
    // Down to the paragraph about the ambassador.
    while app
        .anchor_at_top()
        .is_none_or(|a| !a.quote.starts_with("Its second paragraph"))
    {
        assert!(app.detail.scroll < app.max_scroll(), "never reached it");
        key(&mut app, KeyCode::Char('j'));
    }
    let left = app.anchor_at_top().unwrap();
    assert_eq!((left.section.as_str(), left.paragraph), ("2", 1));
    let saved = app.saved_state();

    std::fs::write(&file, AFTER).unwrap();
    let mut next = App::new(corpus::load(&paths), Rect::new(0, 0, 60, 12));
    next.restore(saved);
    let back = next.anchor_at_top().unwrap();
    assert_eq!((back.section.as_str(), back.paragraph), ("2", 2));
    let top = &next.detail.text.lines[next.detail.scroll].text;
    assert!(top.contains("Its second paragraph"), "{top:?}");
    assert!(next.message.as_deref().unwrap_or("").contains("changed"));
}

#[test]
fn a_bookmark_keeps_its_spot_across_widths() {
    let mut app = app(100, 30);
    into_detail(&mut app);
    for _ in 0..25 {
        key(&mut app, KeyCode::Char('j'));
    }
    let spot = app.anchor_at_top().unwrap();
    key(&mut app, KeyCode::Char('m'));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.bookmarks[0].anchor.as_ref(), Some(&spot));
    key(&mut app, KeyCode::Char('g'));
    app.update(Action::Resize(70, 24));
    key(&mut app, KeyCode::Char('\''));
    key(&mut app, KeyCode::Enter);
    let now = app.anchor_at_top().unwrap();
    assert_eq!(
        (now.section.as_str(), now.paragraph),
        (spot.section.as_str(), spot.paragraph)
    );
}

#[test]
fn a_state_file_from_before_anchors_still_loads() {
    let dir = tempfile::tempdir().unwrap();
    let old = r#"{
  "version": 1,
  "bookmarks": [
    {"doc_id": "000_7f35e2ff8d3d54b0", "doc_hash": "x", "section": "1.1",
     "note": "kept", "created": "2024-01-01T00:00:00Z"}
  ],
  "resume": {"doc_id": "000_7f35e2ff8d3d54b0", "doc_hash": "HASH", "section": null,
             "scroll": 12}
}"#;
    let app0 = app(100, 30);
    let hash = state::doc_hash(&app0.docs[0]);
    std::fs::write(dir.path().join("k.json"), old.replace("HASH", &hash)).unwrap();
    let (loaded, warning) = state::load_from(dir.path(), "k");
    assert_eq!(warning, None);
    assert_eq!(loaded.bookmarks.len(), 1);
    assert_eq!(loaded.bookmarks[0].note, "kept");
    assert_eq!(loaded.bookmarks[0].anchor, None);
    let mut app = app0;
    app.restore(loaded.clone());
    assert_eq!(app.detail.scroll, 12.min(app.max_scroll()));
    // Saved again, the old bookmark is kept as it was and the position gains an anchor.
    let mine = app.saved_state();
    let merged = state::save_merged_to(dir.path(), "k", &loaded, &mine).unwrap();
    assert_eq!(merged.bookmarks, loaded.bookmarks);
}

#[test]
fn two_sessions_bookmarking_the_same_corpus_keep_both() {
    let dir = tempfile::tempdir().unwrap();
    let mut one = app(100, 30);
    let mut two = app(100, 30);
    let (previous_one, previous_two) = (one.saved_state(), two.saved_state());
    into_detail(&mut one);
    key(&mut one, KeyCode::Char('m'));
    key(&mut one, KeyCode::Enter);
    into_detail(&mut two);
    for _ in 0..30 {
        key(&mut two, KeyCode::Char('j'));
    }
    key(&mut two, KeyCode::Char('m'));
    key(&mut two, KeyCode::Enter);
    state::save_merged_to(dir.path(), "k", &previous_one, &one.saved_state()).unwrap();
    state::save_merged_to(dir.path(), "k", &previous_two, &two.saved_state()).unwrap();
    let (on_disk, _) = state::load_from(dir.path(), "k");
    assert_eq!(on_disk.bookmarks.len(), 2, "{:?}", on_disk.bookmarks);
    assert!(on_disk.bookmarks.contains(&one.bookmarks[0]));
    assert!(on_disk.bookmarks.contains(&two.bookmarks[0]));
}

#[test]
fn concurrent_saves_never_lose_each_others_bookmarks() {
    let dir = tempfile::tempdir().unwrap();
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let dir = dir.path().to_path_buf();
            std::thread::spawn(move || {
                let mut previous = state::State::default();
                for i in 0..15 {
                    let mut mine = previous.clone();
                    mine.bookmarks.push(state::Bookmark {
                        doc_id: format!("w{w}"),
                        section: i.to_string(),
                        ..Default::default()
                    });
                    state::save_merged_to(&dir, "k", &previous, &mine).unwrap();
                    previous = mine;
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().unwrap();
    }
    let (on_disk, _) = state::load_from(dir.path(), "k");
    assert_eq!(on_disk.bookmarks.len(), 60);
}

/// The first words of the paragraph at the top of the view.
fn words_at_top(app: &App) -> Vec<String> {
    let spot = app.anchor_at_top().unwrap();
    spot.quote
        .split_whitespace()
        .take(3)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .collect()
}

#[test]
fn o_and_e_open_the_file_at_the_line_being_read() {
    for doc in ["000_7f35e2ff8d3d54b0", "frus1961-63v98"] {
        // A short pane, so that the short FRUS memorandum scrolls past its heading.
        let mut app = app(100, 12);
        let position = app
            .documents
            .items
            .iter()
            .position(|&d| app.docs[d].id.starts_with(doc))
            .unwrap_or_else(|| panic!("{doc} in the sample"));
        app.select_document(position);
        into_detail(&mut app);
        // Into the text, past the heading (the FRUS memorandum is short).
        for _ in 0..25 {
            if app.detail.scroll >= app.max_scroll() {
                break;
            }
            key(&mut app, KeyCode::Char('j'));
        }
        assert!(
            app.anchor_at_top().is_some(),
            "{doc}: a paragraph at the top"
        );
        app.effects.clear();
        key(&mut app, KeyCode::Char('o'));
        key(&mut app, KeyCode::Char('e'));
        let path = std::path::PathBuf::from(&app.current_doc().unwrap().path);
        let [Effect::Page(p, Some(line)), Effect::Edit(e, Some(same))] = app.effects.as_slice()
        else {
            panic!("{doc}: {:?}", app.effects);
        };
        assert_eq!((p, e, line), (&path, &path, same));
        let file = std::fs::read_to_string(&path).unwrap();
        let text = file.lines().nth(line - 1).unwrap();
        let first = &words_at_top(&app)[0];
        assert!(
            text.contains(first.as_str()),
            "{doc}: line {line} {text:?} lacks {first:?}"
        );
    }
}

fn ids(app: &App) -> Vec<String> {
    app.documents
        .items
        .iter()
        .map(|&d| app.docs[d].id.clone())
        .collect()
}

fn dates(app: &App) -> Vec<Option<String>> {
    app.documents
        .items
        .iter()
        .map(|&d| app.docs[d].date.iso.clone())
        .collect()
}

#[test]
fn s_cycles_the_document_order_keeping_the_selection() {
    let mut app = app(100, 30);
    let filed = ids(&app);
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('j'));
    let selected = app.current_doc().unwrap().id.clone();

    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.message.as_deref(), Some("documents by date"));
    let by_date = dates(&app);
    let dated: Vec<_> = by_date.iter().flatten().collect();
    assert!(dated.windows(2).all(|w| w[0] <= w[1]), "{by_date:?}");
    let first_undated = by_date.iter().position(Option::is_none);
    if let Some(at) = first_undated {
        assert!(by_date[at..].iter().all(Option::is_none), "undated last");
    }
    assert_eq!(app.current_doc().unwrap().id, selected);
    assert_eq!(
        app.documents.current().map(|d| app.docs[d].id.clone()),
        Some(selected.clone())
    );

    key(&mut app, KeyCode::Char('s'));
    let titles: Vec<String> = app
        .documents
        .items
        .iter()
        .map(|&d| app.docs[d].title.to_lowercase())
        .collect();
    assert!(titles.windows(2).all(|w| w[0] <= w[1]));
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.message.as_deref(), Some("documents by kind"));
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(ids(&app), filed, "back to the order of the files");
}

#[test]
fn documents_arriving_while_loading_take_their_place_in_the_order() {
    let load = || corpus::load(&[std::path::PathBuf::from("sample")]);
    let whole = load();
    let mut sorted = App::new(load(), Rect::new(0, 0, 100, 30));
    key(&mut sorted, KeyCode::Char('s'));

    let mut first = load();
    let rest = first.documents.split_off(7);
    assert_eq!(whole.documents.len(), 20);
    let mut app = App::new(first, Rect::new(0, 0, 100, 30));
    app.set_progress(7, 20);
    key(&mut app, KeyCode::Char('s'));
    app.append(rest, Vec::new());
    app.finish_loading();
    assert_eq!(ids(&app), ids(&sorted));
    let expected: Vec<String> = {
        let mut docs: Vec<_> = whole.documents.iter().enumerate().collect();
        docs.sort_by(|(i, a), (j, b)| match (&a.date.iso, &b.date.iso) {
            (Some(x), Some(y)) => x.cmp(y).then(i.cmp(j)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => i.cmp(j),
        });
        docs.into_iter().map(|(_, d)| d.id.clone()).collect()
    };
    assert_eq!(ids(&app), expected);
}

fn press(app: &mut App, code: KeyCode, modifiers: crossterm::event::KeyModifiers) {
    common::press(app, code, modifiers);
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

#[test]
fn inputs_take_readline_keys_and_the_cursor_is_drawn() {
    use crossterm::event::KeyModifiers as M;
    let mut app = app(100, 30);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "cable yaer");
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Right);
    type_text(&mut app, "a");
    assert_eq!(app.documents.filter, "cable year");
    assert_eq!(
        app.input_with_cursor(dossier::tui::app::Input::Filter(Pane::Documents))
            .as_deref(),
        Some("cable yea▏r")
    );
    press(&mut app, KeyCode::Char('b'), M::ALT);
    assert_eq!(
        app.input_with_cursor(dossier::tui::app::Input::Filter(Pane::Documents))
            .as_deref(),
        Some("cable ▏year")
    );
    press(&mut app, KeyCode::Char('u'), M::CONTROL);
    assert_eq!(app.documents.filter, "year");
    press(&mut app, KeyCode::Char('e'), M::CONTROL);
    type_text(&mut app, " cable");
    press(&mut app, KeyCode::Char('w'), M::CONTROL);
    assert_eq!(app.documents.filter, "year ");
    press(&mut app, KeyCode::Char('a'), M::CONTROL);
    type_text(&mut app, "from:");
    assert_eq!(app.documents.filter, "from:year ");
    press(&mut app, KeyCode::Char('f'), M::ALT);
    assert_eq!(
        app.input_with_cursor(dossier::tui::app::Input::Filter(Pane::Documents))
            .as_deref(),
        Some("from:year▏ ")
    );
    // Typing in the middle filters like typing at the end.
    press(&mut app, KeyCode::Char('u'), M::CONTROL);
    type_text(&mut app, "cable");
    let ranked = app.documents.items.clone();
    let mut fresh = common::sample_app(100, 30);
    key(&mut fresh, KeyCode::Char('/'));
    type_text(&mut fresh, "cable ");
    assert_eq!(app.documents.filter, "cable ");
    assert_eq!(ranked, fresh.documents.items);
}

#[test]
fn up_and_down_recall_earlier_entries_of_the_same_input() {
    let mut app = app(100, 30);
    into_detail(&mut app);
    for word in ["Gromyko", "treaty"] {
        key(&mut app, KeyCode::Char('/'));
        type_text(&mut app, word);
        key(&mut app, KeyCode::Enter);
    }
    assert!(app.effects.contains(&Effect::SaveHistory));
    assert_eq!(app.history.entries("search"), ["Gromyko", "treaty"]);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "dra");
    key(&mut app, KeyCode::Up);
    assert_eq!(app.detail.search, "treaty");
    key(&mut app, KeyCode::Up);
    assert_eq!(app.detail.search, "Gromyko");
    key(&mut app, KeyCode::Up);
    assert_eq!(app.detail.search, "Gromyko", "the oldest stays");
    key(&mut app, KeyCode::Down);
    assert_eq!(app.detail.search, "treaty");
    key(&mut app, KeyCode::Down);
    assert_eq!(app.detail.search, "dra", "back to the line being typed");
    key(&mut app, KeyCode::Esc);
    // Another kind of input has its own history.
    key(&mut app, KeyCode::Char('h'));
    key(&mut app, KeyCode::Char('h'));
    key(&mut app, KeyCode::Char('/'));
    key(&mut app, KeyCode::Up);
    assert_eq!(app.documents.filter, "");

    // Kept in the state folder for the next session.
    let dir = tempfile::tempdir().unwrap();
    state::save_history_to(dir.path(), &app.history).unwrap();
    let mut next = common::sample_app(100, 30);
    next.history = state::load_history_from(dir.path());
    into_detail(&mut next);
    key(&mut next, KeyCode::Char('/'));
    key(&mut next, KeyCode::Up);
    assert_eq!(next.detail.search, "treaty");
}

#[test]
fn a_live_reload_of_an_edited_file_keeps_the_paragraph_at_the_top() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cable.txt");
    std::fs::write(&file, BEFORE).unwrap();
    let paths = [dir.path().to_path_buf()];
    let mut app = App::new(corpus::load(&paths), Rect::new(0, 0, 60, 12));
    into_detail(&mut app);
    while app
        .anchor_at_top()
        .is_none_or(|a| !a.quote.starts_with("Its second paragraph"))
    {
        assert!(app.detail.scroll < app.max_scroll(), "never reached it");
        key(&mut app, KeyCode::Char('j'));
    }
    std::fs::write(&file, AFTER).unwrap();
    app.reload(corpus::load(&paths));
    let top = app.anchor_at_top().unwrap();
    assert_eq!((top.section.as_str(), top.paragraph), ("2", 2));
    assert!(top.quote.starts_with("Its second paragraph"));
}

#[test]
fn a_note_being_typed_is_shown_with_its_cursor() {
    let mut app = app(100, 30);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('m'));
    type_text(&mut app, "hello note");
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Left);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    let theme = dossier::tui::view::theme::Theme::plain(false);
    terminal
        .draw(|frame| dossier::tui::view::draw(frame, &app, &theme))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let status: String = (0..100)
        .map(|x| buffer[(x, 29)].symbol().to_string())
        .collect();
    assert!(status.contains("note: hello no▏te"), "{status:?}");
}
