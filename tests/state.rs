//! Bookmarks and resume: round trips, the content hash, stale bookmarks, corrupt files set
//! aside, and atomic saves that survive a writer killed mid-write.
//!
//! Tests never read the process environment (tests run in threads): every test passes its own
//! temporary folder to `load_from` / `save_to`.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use dossier::corpus;
use dossier::model::{DateValue, Document, Field, Section};
use dossier::state::{
    self, Bookmark, Resume, State, corpus_key, doc_hash, is_stale, load_from, save_to,
};

fn seed() -> Document {
    let path = common::sample().join("000_7f35e2ff8d3d54b0.txt");
    corpus::load_file(&path).expect("seed").remove(0)
}

/// The same state whenever it is made: bookmarks carry the time they were made, fixed here so
/// that two calls a second apart still compare equal.
fn some_state() -> State {
    let doc = seed();
    let mut bookmarks = vec![
        Bookmark::new(&doc, "2.1.b", "the three obstacles"),
        Bookmark::new(&doc, "body", ""),
    ];
    for b in &mut bookmarks {
        b.created = "2026-11-30T02:22:26Z".into();
    }
    State {
        bookmarks,
        resume: Some(Resume::new(&doc, Some("2.3"), 17)),
        ..State::default()
    }
}

/// Files in a folder, by name.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn nothing_saved_is_the_empty_state_without_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(load_from(dir.path(), "k"), (State::default(), None));
    let missing = dir.path().join("not").join("there");
    assert_eq!(load_from(&missing, "k"), (State::default(), None));
}

#[test]
fn bookmarks_and_resume_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("dossier");
    let state = some_state();
    save_to(&folder, "abc", &state).unwrap();
    assert_eq!(load_from(&folder, "abc"), (state.clone(), None));
    assert_eq!(names(&folder), ["abc.json"], "no temporary file is left");
    // Another corpus has its own file.
    assert_eq!(load_from(&folder, "other"), (State::default(), None));
    let mut changed = state;
    changed.bookmarks.remove(0);
    changed.resume = None;
    save_to(&folder, "abc", &changed).unwrap();
    assert_eq!(load_from(&folder, "abc"), (changed, None));
}

#[test]
fn the_state_file_is_readable_json_with_a_version() {
    let dir = tempfile::tempdir().unwrap();
    save_to(dir.path(), "k", &some_state()).unwrap();
    let text = std::fs::read_to_string(dir.path().join("k.json")).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["version"], 1);
    assert_eq!(value["bookmarks"][0]["section"], "2.1.b");
    assert_eq!(value["bookmarks"][0]["note"], "the three obstacles");
    assert_eq!(value["resume"]["scroll"], 17);
}

#[test]
fn a_bookmark_records_the_document_section_note_and_time() {
    let doc = seed();
    let bookmark = Bookmark::new(&doc, "2.1.b", "note");
    assert_eq!(bookmark.doc_id, doc.id);
    assert_eq!(bookmark.doc_hash, doc_hash(&doc));
    assert_eq!(bookmark.section, "2.1.b");
    assert!(
        chrono::DateTime::parse_from_rfc3339(&bookmark.created).is_ok(),
        "{}",
        bookmark.created
    );
}

#[test]
fn a_bookmark_of_a_changed_document_is_stale() {
    let doc = seed();
    let bookmark = Bookmark::new(&doc, "2.1.b", "");
    assert!(!is_stale(&bookmark, &doc));
    let mut edited = doc.clone();
    edited.sections[1].children[0].paragraphs[0].push_str(" An added sentence.");
    assert!(is_stale(&bookmark, &edited));
    let mut other = doc.clone();
    other.id = "another".into();
    assert!(is_stale(&bookmark, &other), "another document");
    let resume = Resume::new(&doc, None, 0);
    assert!(!resume.is_stale(&doc));
    assert!(resume.is_stale(&edited));
}

#[test]
fn the_hash_is_the_same_wherever_the_corpus_was_opened_from() {
    let doc = seed();
    let mut moved = doc.clone();
    moved.path = "/elsewhere/000_7f35e2ff8d3d54b0.txt".into();
    assert_eq!(doc_hash(&doc), doc_hash(&moved));
    assert_eq!(doc_hash(&doc), doc_hash(&seed()), "deterministic");
    assert_eq!(doc_hash(&doc).len(), 16);
    assert!(doc_hash(&doc).chars().all(|c| c.is_ascii_hexdigit()));
}

#[test]
fn the_hash_is_pinned_so_that_it_never_changes_between_releases() {
    // FNV-1a 64 of the document's pruned JSON with sorted keys, computed independently:
    // `{}` for the empty document, and for this one
    // {"date":{"iso":"1956","text":"1956"},"fields":[{"name":"Number","value":"7"}],"id":"x",
    // "sections":[{"heading":"First.","id":"1","label":"1.","paragraphs":["First."]}],
    // "title":"Cable from A to B"}
    // These must never change, or every reader's bookmarks would turn stale on upgrade.
    let doc = Document {
        id: "x".into(),
        path: "ignored.txt".into(),
        title: "Cable from A to B".into(),
        date: DateValue {
            text: Some("1956".into()),
            iso: Some("1956".into()),
        },
        fields: vec![Field::new("Number", "7")],
        sections: vec![Section {
            label: "1.".into(),
            id: "1".into(),
            heading: "First.".into(),
            paragraphs: vec!["First.".into()],
            children: Vec::new(),
        }],
        ..Document::default()
    };
    assert_eq!(doc_hash(&Document::default()), "08f44b07b5901a25");
    assert_eq!(doc_hash(&doc), "283f69fe025d470a");
}

#[test]
fn a_corrupt_file_is_set_aside_with_a_warning_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.json");
    std::fs::write(&path, "{\"version\": 1, \"bookmarks\": [{\"doc_id\": ").unwrap();
    let (state, warning) = load_from(dir.path(), "k");
    assert_eq!(state, State::default());
    let warning = warning.expect("a warning");
    assert!(warning.contains("k.json"), "{warning}");
    assert!(warning.contains("corrupt-"), "{warning}");
    let files = names(dir.path());
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].starts_with("k.json.corrupt-"), "{files:?}");
    let aside = dir.path().join(&files[0]);
    assert_eq!(
        std::fs::read_to_string(&aside).unwrap(),
        "{\"version\": 1, \"bookmarks\": [{\"doc_id\": "
    );
    // Saving afterwards writes a new file and leaves the corrupt one alone.
    save_to(dir.path(), "k", &some_state()).unwrap();
    assert_eq!(load_from(dir.path(), "k"), (some_state(), None));
    assert!(aside.exists());
    // A second corruption in the same second gets a name of its own.
    std::fs::write(&path, "not json").unwrap();
    let (_, warning) = load_from(dir.path(), "k");
    assert!(warning.is_some());
    assert_eq!(names(dir.path()).len(), 2, "{:?}", names(dir.path()));
}

#[test]
fn a_partial_temporary_file_left_by_a_crash_does_not_disturb_the_state() {
    let dir = tempfile::tempdir().unwrap();
    save_to(dir.path(), "k", &some_state()).unwrap();
    let good = std::fs::read(dir.path().join("k.json")).unwrap();
    // What a writer killed half-way through leaves behind: a temporary file with half a state.
    let leftover = dir
        .path()
        .join(format!(".k.json.tmp-{}-0", std::process::id()));
    std::fs::write(&leftover, &good[..good.len() / 2]).unwrap();
    assert_eq!(load_from(dir.path(), "k"), (some_state(), None));
    // The next save picks another temporary name and replaces the state whole.
    let mut next = some_state();
    next.resume = None;
    save_to(dir.path(), "k", &next).unwrap();
    assert_eq!(load_from(dir.path(), "k"), (next, None));
    assert_eq!(std::fs::read(&leftover).unwrap(), &good[..good.len() / 2]);
}

#[test]
fn temporary_files_left_long_ago_are_cleaned_up_by_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join(".k.json.tmp-1-0");
    let other_corpus = dir.path().join(".j.json.tmp-1-0");
    for path in [&old, &other_corpus] {
        let file = std::fs::File::create(path).unwrap();
        let day_ago = std::time::SystemTime::now() - Duration::from_secs(86_400);
        file.set_modified(day_ago).unwrap();
    }
    save_to(dir.path(), "k", &some_state()).unwrap();
    assert!(!old.exists());
    assert!(
        other_corpus.exists(),
        "another corpus's files are left alone"
    );
}

/// The state written by the `n`-th save of the crash test: every bookmark carries `n`, so a
/// mix of two saves is detected.
fn generation(n: usize) -> State {
    let bookmark = |i: usize| Bookmark {
        doc_id: format!("doc{i}"),
        doc_hash: format!("{n:016x}"),
        section: format!("{i}.{n}"),
        note: format!("generation {n} ").repeat(20),
        created: "2024-01-01T00:00:00Z".into(),
        anchor: None,
    };
    State {
        bookmarks: (0..400).map(bookmark).collect(),
        resume: Some(Resume {
            doc_id: "doc0".into(),
            doc_hash: format!("{n:016x}"),
            section: None,
            scroll: n,
            anchor: None,
        }),
        ..State::default()
    }
}

const CHILD_DIR: &str = "DOSSIER_TEST_CRASH_DIR";

/// The writer of the crash test, run in a child process: saves generation after generation
/// until it is killed (or, run by hand, for ten seconds).
#[test]
#[ignore = "run by writer_killed_mid_write_leaves_a_whole_state_file in a child process"]
fn crash_test_writer() {
    let Some(dir) = std::env::var_os(CHILD_DIR) else {
        return;
    };
    let dir = PathBuf::from(dir);
    let start = Instant::now();
    let mut n = 1;
    while start.elapsed() < Duration::from_secs(10) {
        save_to(&dir, "k", &generation(n)).unwrap();
        n += 1;
    }
}

#[test]
fn a_writer_killed_mid_write_leaves_a_whole_state_file() {
    let exe = std::env::current_exe().unwrap();
    for round in 0..4u64 {
        let dir = tempfile::tempdir().unwrap();
        save_to(dir.path(), "k", &generation(0)).unwrap();
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "crash_test_writer",
                "--ignored",
                "--test-threads=1",
            ])
            .env(CHILD_DIR, dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Let it save a few times, then kill it (SIGKILL: no destructor, no cleanup) at a
        // moment that varies from round to round.
        std::thread::sleep(Duration::from_millis(150 + 37 * round));
        child.kill().unwrap();
        child.wait().unwrap();
        let (state, warning) = load_from(dir.path(), "k");
        assert_eq!(warning, None, "round {round}");
        let n = state
            .resume
            .as_ref()
            .map(|r| r.scroll)
            .expect("a resume point");
        assert_eq!(state, generation(n), "round {round}: a whole generation");
        assert!(
            !names(dir.path()).iter().any(|f| f.contains("corrupt")),
            "round {round}"
        );
    }
}

#[test]
fn the_corpus_key_does_not_depend_on_order_or_spelling_of_the_paths() {
    let root = common::root();
    let sample = root.join("sample");
    let tests = root.join("tests");
    let key = corpus_key(&[sample.clone(), tests.clone()]);
    assert_eq!(key, corpus_key(&[tests.clone(), sample.clone()]));
    assert_eq!(
        key,
        corpus_key(&[tests.clone(), root.join("sample/../sample"), sample.clone()])
    );
    assert_ne!(key, corpus_key(std::slice::from_ref(&sample)));
    assert_eq!(key.len(), 16);
}

#[test]
fn the_state_folder_follows_xdg_then_home() {
    use std::ffi::OsString;
    let home = Some(PathBuf::from("/home/u"));
    assert_eq!(
        state::state_dir_in(Some(OsString::from("/xdg/state")), home.clone()),
        Some(PathBuf::from("/xdg/state/dossier"))
    );
    assert_eq!(
        state::state_dir_in(None, home.clone()),
        Some(PathBuf::from("/home/u/.local/state/dossier"))
    );
    assert_eq!(
        state::state_dir_in(Some(OsString::from("relative")), home),
        Some(PathBuf::from("/home/u/.local/state/dossier"))
    );
    assert_eq!(state::state_dir_in(None, None), None);
}
