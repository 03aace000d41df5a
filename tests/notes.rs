//! `dossier notes export` and `dossier open`: the notebook names each marked document's
//! citation, quotes each bookmarked passage with its note, and its links resolve; records of
//! the marked (or tagged) documents; tags kept in the state file.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use assert_cmd::Command;
use dossier::corpus;
use dossier::state::{Bookmark, State, corpus_key, save_to};
use predicates::prelude::*;

const SEED_ID: &str = "000_7f35e2ff8d3d54b0";
const MEMCON_ID: &str = "001_memcon_amur_survey";

fn docs() -> Vec<dossier::model::Document> {
    corpus::load(&[common::sample()]).documents
}

/// A state folder holding bookmarks on the seed and a tag on the memorandum, keyed as the
/// browser keys `dossier sample`.
fn state_home() -> tempfile::TempDir {
    let home = tempfile::tempdir().expect("tempdir");
    let docs = docs();
    let seed = docs.iter().find(|d| d.id == SEED_ID).expect("seed");
    let mut tags: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    tags.entry(MEMCON_ID.into())
        .or_default()
        .insert("amur".into());
    tags.entry(SEED_ID.into())
        .or_default()
        .insert("prc-japan".into());
    let state = State {
        bookmarks: vec![
            Bookmark::new(seed, "2.1.b", "the three obstacles"),
            Bookmark::new(seed, "1", ""),
        ],
        tags,
        ..State::default()
    };
    let key = corpus_key(&[common::root().join("sample")]);
    save_to(&home.path().join("dossier"), &key, &state).expect("save");
    home
}

fn dossier(home: &Path) -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("dossier");
    cmd.current_dir(common::root());
    cmd.env("XDG_STATE_HOME", home);
    cmd.env("XDG_CONFIG_HOME", home.join("no-config"));
    cmd
}

fn run(home: &Path, args: &[&str]) -> String {
    common::stdout_of(dossier(home).args(args))
}

#[test]
fn the_notebook_quotes_each_bookmark_with_its_citation_note_and_link() {
    let home = state_home();
    let notebook = run(
        home.path(),
        &["notes", "export", "--format", "markdown", "sample"],
    );
    assert!(notebook.starts_with("# dossier notebook\n"), "{notebook}");
    assert!(
        notebook.contains("\n## Cable from Ambassador Katori"),
        "{notebook}"
    );
    assert!(
        notebook.contains("\n## Memorandum of Conversation"),
        "tagged documents too"
    );
    assert!(notebook.contains("Tags: prc-japan"), "{notebook}");
    // The citation, in the default style.
    assert!(
        notebook.contains("Ambassador Katori. “Cable from Ambassador Katori"),
        "{notebook}"
    );
    // The passage, quoted with its label, the note, the pinpoint and the link.
    assert!(notebook.contains("### 2.1.b\n\n> (b) "), "{notebook}");
    assert!(notebook.contains("Note: the three obstacles"), "{notebook}");
    assert!(notebook.contains("para. 2.1.b"), "{notebook}");
    assert!(
        notebook.contains(&format!("<dossier://{SEED_ID}#2.1.b>")),
        "{notebook}"
    );
    assert!(
        notebook.contains(&format!("<dossier://{SEED_ID}#1>")),
        "{notebook}"
    );
    // The seed comes before the memorandum (corpus order), once each.
    assert_eq!(
        notebook
            .matches("\n## Cable from Ambassador Katori")
            .count(),
        1
    );
}

#[test]
fn every_link_of_the_notebook_resolves_with_dossier_open() {
    let home = state_home();
    let notebook = run(home.path(), &["notes", "export", "sample"]);
    let links: Vec<&str> = notebook
        .split('<')
        .skip(1)
        .filter_map(|s| s.split_once('>').map(|(link, _)| link))
        .filter(|l| l.starts_with("dossier://"))
        .collect();
    assert_eq!(links.len(), 4, "{links:?}");
    for link in links {
        let shown = run(home.path(), &["open", "--print", link, "sample"]);
        assert!(shown.starts_with(&format!("{link}\n")), "{shown}");
    }
    let passage = run(
        home.path(),
        &[
            "open",
            "--print",
            &format!("dossier://{SEED_ID}#2.1.b"),
            "sample",
        ],
    );
    let text = dossier::cite::section_text(
        docs().iter().find(|d| d.id == SEED_ID).expect("seed"),
        "2.1.b",
    )
    .expect("section");
    assert!(
        passage.contains(text.lines().next().expect("line")),
        "{passage}"
    );
    assert!(passage.contains("para. 2.1.b"), "{passage}");
}

#[test]
fn open_names_a_bad_link_a_missing_document_or_section() {
    let home = state_home();
    for (link, named) in [
        ("https://example.org/x", "not a dossier link"),
        ("dossier://no_such_doc#1", "no_such_doc"),
        ("dossier://000_7f35e2ff8d3d54b0#9.9", "9.9"),
    ] {
        dossier(home.path())
            .args(["open", "--print", link, "sample"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(named));
    }
}

#[test]
fn records_cover_the_marked_documents_or_only_a_tag() {
    let home = state_home();
    let json = run(
        home.path(),
        &["notes", "export", "--format", "csl-json", "sample"],
    );
    let items: Vec<hayagriva::citationberg::json::Item> =
        serde_json::from_str(&json).expect("CSL-JSON");
    let ids: Vec<String> = items
        .iter()
        .filter_map(|i| i.id().map(|s| s.to_string()))
        .collect();
    assert_eq!(ids, [SEED_ID, MEMCON_ID]);
    let tagged = run(
        home.path(),
        &[
            "notes", "export", "--format", "csl-json", "--tag", "amur", "sample",
        ],
    );
    let items: Vec<serde_json::Value> = serde_json::from_str(&tagged).expect("json");
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["id"], MEMCON_ID);
    let bibtex = run(
        home.path(),
        &["notes", "export", "--format", "bibtex", "sample"],
    );
    assert_eq!(bibtex.matches("@misc{").count(), 2);
    let ris = run(
        home.path(),
        &[
            "notes",
            "export",
            "--format",
            "ris",
            "--tag",
            "prc-japan",
            "sample",
        ],
    );
    assert_eq!(ris.matches("TY  - ").count(), 1);
    assert!(ris.contains(&format!("ID  - {SEED_ID}")));
}

#[test]
fn nothing_marked_exits_1_and_says_so() {
    let home = tempfile::tempdir().expect("tempdir");
    dossier(home.path())
        .args(["notes", "export", "sample"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("nothing bookmarked or tagged"));
    let state = state_home();
    dossier(state.path())
        .args(["notes", "export", "--tag", "nope", "sample"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no document is tagged \"nope\""));
}

#[test]
fn a_state_file_from_before_tags_loads_with_none_and_tags_survive_a_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("k.json"),
        r#"{"version":1,"bookmarks":[{"doc_id":"a","section":"1"}],"resume":null}"#,
    )
    .expect("write");
    let (state, warning) = dossier::state::load_from(dir.path(), "k");
    assert_eq!(warning, None);
    assert_eq!(state.bookmarks.len(), 1);
    assert!(state.tags.is_empty());
    let mut tagged = state.clone();
    tagged
        .tags
        .entry("a".into())
        .or_default()
        .insert("x".into());
    save_to(dir.path(), "k", &tagged).expect("save");
    assert_eq!(dossier::state::load_from(dir.path(), "k").0, tagged);
    assert_eq!(tagged.tags_of("a"), ["x"]);
    assert_eq!(tagged.documents_tagged("x").collect::<Vec<_>>(), ["a"]);
}
