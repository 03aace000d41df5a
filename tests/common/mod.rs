//! Helpers shared by the integration tests: fixture paths, section-tree shapes and the
//! "nothing is lost" check that walks a parsed document in reading order.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use dossier::model::{Document, Section};
use dossier::parse::chrome;

/// The crate's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture file under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    root().join("tests").join("fixtures").join(name)
}

/// The bundled sample corpus.
pub fn sample() -> PathBuf {
    root().join("sample")
}

/// Reads a file as text; a test fixture that cannot be read is a broken test.
pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every `.txt` file of a folder, sorted.
pub fn text_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// A section tree written compactly: `1[1.1 1.2] 2[2.1[2.1.a 2.1.b]]`.
pub fn shape(sections: &[Section]) -> String {
    sections
        .iter()
        .map(|s| {
            if s.children.is_empty() {
                s.id.clone()
            } else {
                format!("{}[{}]", s.id, shape(&s.children))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The alphanumeric tokens of a text, in order.
pub fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// The tokens of a parsed document, walking the model in reading order: title, date, fields,
/// subject, references, body, sections (label, then paragraphs, then children), summary, notes,
/// source, rights, record fields, funders, support.
pub fn document_tokens(doc: &Document) -> Vec<String> {
    let mut texts: Vec<&str> = vec![doc.title.as_str()];
    texts.extend(doc.date.text.as_deref());
    for field in &doc.fields {
        texts.push(&field.name);
        texts.push(&field.value);
    }
    texts.extend(doc.subject.as_deref());
    texts.extend(doc.references.iter().map(String::as_str));
    texts.extend(doc.body.iter().map(String::as_str));
    fn walk<'a>(sections: &'a [Section], texts: &mut Vec<&'a str>) {
        for section in sections {
            texts.push(&section.label);
            texts.extend(section.paragraphs.iter().map(String::as_str));
            walk(&section.children, texts);
        }
    }
    walk(&doc.sections, &mut texts);
    texts.extend(doc.summary.as_deref());
    texts.extend(doc.notes.iter().map(String::as_str));
    texts.extend(doc.source.as_deref());
    texts.extend(doc.rights.as_deref());
    for field in &doc.record_fields {
        texts.push(&field.name);
        texts.push(&field.value);
    }
    texts.extend(doc.funders.as_deref());
    texts.extend(doc.support.as_deref());
    texts.into_iter().flat_map(tokens).collect()
}

/// Whether `needle` occurs as a contiguous run inside `haystack`.
pub fn contains_run(haystack: &[String], needle: &[String]) -> bool {
    needle.is_empty() || haystack.windows(needle.len()).any(|w| w == needle)
}

/// The input lines whose tokens are missing from the parsed document: every line but blank
/// ones and what the listed drop rules may drop (chrome, the "Document Information" heading
/// and its sub-headings, footnote marks: `chrome::kept_parts`) must survive, its tokens in
/// a row (a FRUS title's number apart from the title). The rules see the line as the parser does, with tabs and non-breaking spaces plain.
pub fn lost_lines(input: &str, doc: &Document) -> Vec<String> {
    let stream = document_tokens(doc);
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    input
        .split(['\n', '\r'])
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .filter(|line| {
            let parts = chrome::kept_parts(line);
            let kept = |text: &str| {
                contains_run(&stream, &tokens(text))
                    || contains_run(&stream, &tokens(chrome::without_footnote_mark(text)))
            };
            !parts.is_empty() && !kept(line) && !parts.iter().all(|part| kept(part))
        })
        .collect()
}

/// The browser on the bundled sample at a terminal size, without a terminal, its word index
/// ready (built in memory, as the browser's own thread builds it).
pub fn sample_app(width: u16, height: u16) -> dossier::tui::app::App {
    let corpus = dossier::corpus::load(&[PathBuf::from("sample")]);
    let mut app =
        dossier::tui::app::App::new(corpus, ratatui::layout::Rect::new(0, 0, width, height));
    with_index(&mut app);
    app
}

/// Gives the browser its word index, built in memory over its documents.
pub fn with_index(app: &mut dossier::tui::app::App) {
    let (library, _) = dossier::library::Library::open_shared(
        std::sync::Arc::clone(&app.docs),
        &[],
        None,
        &|_, _| {},
    )
    .expect("an index in memory");
    app.attach_library(library);
}

/// What the event loop does between keys: the palette's fuzzy ranking goes on to the end (a
/// key ranks only for a few milliseconds, and a slow machine would stop part-way), and the
/// index's answers to the palette and the documents filter are taken.
pub fn settle(app: &mut dossier::tui::app::App) {
    while app.continue_palette(std::time::Duration::from_secs(1)) {}
    app.wait_words(std::time::Duration::from_secs(20));
}

/// A key pressed with modifiers, as the event loop turns it into an action and applies it.
pub fn press(
    app: &mut dossier::tui::app::App,
    code: crossterm::event::KeyCode,
    modifiers: crossterm::event::KeyModifiers,
) {
    let event = crossterm::event::Event::Key(crossterm::event::KeyEvent::new(code, modifiers));
    if let Some(action) = dossier::tui::keys::action_for(app, &event) {
        app.update(action);
    }
}

/// A key pressed without modifiers.
pub fn key(app: &mut dossier::tui::app::App, code: crossterm::event::KeyCode) {
    press(app, code, crossterm::event::KeyModifiers::NONE);
}

/// What a command that must succeed prints; its stderr is shown when it fails.
pub fn stdout_of(cmd: &mut assert_cmd::Command) -> String {
    let output = cmd.output().expect("run dossier");
    assert!(
        output.status.success(),
        "{cmd:?}: {:?}: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}
