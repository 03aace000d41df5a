//! Full-text search: what a word query finds and what it must not, phrases and proximity,
//! folding across diacritics and scripts, CJK, snippets, and the persistent index kept up to
//! date and rebuilt when damaged. The corpus is a few invented pages written to a temporary
//! folder, so that every expected hit is known.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use dossier::corpus::{self, LoadOptions};
use dossier::index::{IndexStats, WordQuery};
use dossier::library::{Found, Library};
use tempfile::TempDir;

/// An archive page: date, title, header fields, numbered sections.
fn page(date: &str, title: &str, fields: &[&str], sections: &[&str]) -> String {
    let mut text = format!("Skip to content\n\n{date}\n\n{title}\n\n");
    for field in fields {
        text.push_str(field);
        text.push_str("\n\n");
    }
    text.push('\n');
    for (i, section) in sections.iter().enumerate() {
        text.push_str(&format!("{}. {section}\n\n", i + 1));
    }
    text
}

const ALPHA: &[&str] = &[
    "The treaty was signed at Lübeck on Monday.",
    "Громыко met Ермолаев to discuss grain deliveries.",
    "The weather was fine and the roads were open.",
    "Они долго обсуждали проект с договором.",
];
const BETA: &[&str] = &[
    "Both treaties were ratified by the assembly.",
    "The traety text had a typo in it.",
    "A trestle bridge was built over the river.",
    "Regarding the so-called three obstacles, nothing moved.",
    "Soviet troops near the border of Afghanistan were reinforced.",
    "金日成同志会见了代表团。",
];
const GAMMA: &[&str] = &["The ambassador reported that the grain harvest was poor."];

/// A folder with three pages, their files dated an hour ago (past the racy window).
struct Archive {
    _dir: TempDir,
    docs: PathBuf,
    cache: PathBuf,
}

fn age(path: &Path) {
    let file = fs::File::options().write(true).open(path).expect("open");
    file.set_modified(SystemTime::now() - Duration::from_secs(3600))
        .expect("set mtime");
}

fn archive() -> Archive {
    let dir = tempfile::tempdir().expect("tempdir");
    let docs = dir.path().join("docs");
    let cache = dir.path().join("cache");
    fs::create_dir_all(&docs).expect("mkdir");
    let pages = [
        (
            "alpha.txt",
            page(
                "June 1950",
                "Letter on Border Matters",
                &["From: Olsson"],
                ALPHA,
            ),
        ),
        (
            "beta.txt",
            page("May 21, 1971", "Record of Talks", &["From: Li"], BETA),
        ),
        (
            "gamma.txt",
            page(
                "March 25, 1984",
                "Cable on the Harvest",
                &["From: Katori"],
                GAMMA,
            ),
        ),
    ];
    for (name, text) in pages {
        let path = docs.join(name);
        fs::write(&path, text).expect("write page");
        age(&path);
    }
    Archive {
        _dir: dir,
        docs,
        cache,
    }
}

fn open(archive: &Archive) -> (Library, IndexStats) {
    let corpus = corpus::load_with(
        std::slice::from_ref(&archive.docs),
        &LoadOptions::uncached(),
    )
    .0;
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    Library::open(
        corpus,
        std::slice::from_ref(&archive.docs),
        Some(&archive.cache),
        &|_, _| {},
    )
    .expect("open index")
}

fn search(library: &Library, query: &str) -> Vec<Found> {
    library
        .search(&WordQuery::parse(query, false), 100)
        .expect("search")
        .0
}

/// The hits as `file-stem section-id`, sorted.
fn hits(library: &Library, query: &str) -> Vec<String> {
    let mut out: Vec<String> = search(library, query)
        .iter()
        .map(|f| {
            let doc = &library.documents()[f.hit.doc];
            let passage = dossier::query::index::passage_ref(doc, f.hit.local).expect("passage");
            let section = dossier::query::index::passage_view(doc, passage).section;
            let stem = Path::new(&doc.path)
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            format!("{stem} {section}")
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_word_that_occurs_nowhere_gives_no_hits() {
    let a = archive();
    let (library, _) = open(&a);
    assert!(hits(&library, "zanzibar").is_empty());
    assert!(hits(&library, "qqxzzyqqxv").is_empty());
    // Every word must occur: one present word does not carry an absent one.
    assert!(hits(&library, "grain zanzibar").is_empty());
}

#[test]
fn a_word_finds_its_exact_stemmed_and_one_typo_forms_only() {
    let a = archive();
    let (library, _) = open(&a);
    // treaty = treaties (stem) = traety (one swap); trestle is three edits away.
    assert_eq!(hits(&library, "treaty"), ["alpha 1", "beta 1", "beta 2"]);
    // Short words get no typo allowance: "fine" does not find "line" or "five".
    assert_eq!(hits(&library, "fine"), ["alpha 3"]);
}

#[test]
fn exact_matches_rank_above_stems_and_typos() {
    let a = archive();
    let (library, _) = open(&a);
    let found = search(&library, "treaty");
    let first = &library.documents()[found[0].hit.doc];
    assert!(first.path.ends_with("alpha.txt"), "{}", first.path);
    assert!(found.windows(2).all(|w| w[0].hit.score >= w[1].hit.score));
}

#[test]
fn words_fold_across_case_diacritics_and_script() {
    let a = archive();
    let (library, _) = open(&a);
    assert_eq!(hits(&library, "lubeck"), ["alpha 1"]);
    assert_eq!(hits(&library, "LÜBECK"), ["alpha 1"]);
    assert_eq!(hits(&library, "gromyko"), ["alpha 2"]);
    assert_eq!(hits(&library, "Громыко"), ["alpha 2"]);
    assert_eq!(hits(&library, "Ермолаев"), ["alpha 2"]);
    assert_eq!(hits(&library, "ermolaev"), ["alpha 2"]);
    // договором is an inflection of договор (two letters longer, past the typo allowance of a
    // 7-letter word), found by the Russian stemmer.
    assert_eq!(hits(&library, "договор"), ["alpha 4"]);
}

#[test]
fn phrases_keep_their_order_and_proximity_its_distance() {
    let a = archive();
    let (library, _) = open(&a);
    assert_eq!(hits(&library, "\"three obstacles\""), ["beta 4"]);
    assert!(hits(&library, "\"obstacles three\"").is_empty());
    assert_eq!(hits(&library, "\"soviet afghanistan\"~10"), ["beta 5"]);
    assert!(hits(&library, "\"soviet afghanistan\"~2").is_empty());
    assert!(hits(&library, "\"soviet afghanistan\"").is_empty());
}

#[test]
fn cjk_text_is_found_by_its_characters_in_order() {
    let a = archive();
    let (library, _) = open(&a);
    assert_eq!(hits(&library, "金日成"), ["beta 6"]);
    assert!(hits(&library, "成日金").is_empty());
    assert!(hits(&library, "金正日").is_empty());
}

#[test]
fn fzf_terms_keep_their_meaning() {
    let a = archive();
    let (library, _) = open(&a);
    assert_eq!(hits(&library, "grain !harvest"), ["alpha 2"]);
    assert_eq!(hits(&library, "^trea"), ["alpha 1", "beta 1"]);
    assert_eq!(hits(&library, "ties$"), ["beta 1"]);
    assert_eq!(hits(&library, "'reat"), ["alpha 1", "beta 1"]);
    assert_eq!(hits(&library, "^treaty$"), ["alpha 1"]);
    assert_eq!(hits(&library, "lubeck | gromyko"), ["alpha 1", "alpha 2"]);
}

#[test]
fn field_terms_filter_the_hits() {
    let a = archive();
    let (library, _) = open(&a);
    assert_eq!(hits(&library, "grain"), ["alpha 2", "gamma 1"]);
    assert_eq!(hits(&library, "grain year:1984"), ["gamma 1"]);
    assert_eq!(hits(&library, "grain from:katori"), ["gamma 1"]);
    assert!(hits(&library, "grain year:1990").is_empty());
}

#[test]
fn a_word_of_the_title_or_fields_counts_for_every_passage() {
    let a = archive();
    let (library, _) = open(&a);
    // "harvest" is in gamma's title; "katori" only in its From field.
    assert_eq!(hits(&library, "katori"), ["gamma 1"]);
    assert_eq!(hits(&library, "border monday"), ["alpha 1"]);
}

#[test]
fn snippets_mark_the_matched_words_by_character_offsets() {
    let a = archive();
    let (library, _) = open(&a);
    let found = search(&library, "lubeck");
    let snippet = &found[0].snippet;
    let chars: Vec<char> = snippet.text.chars().collect();
    let marked: Vec<String> = snippet
        .highlights
        .iter()
        .map(|&[s, e]| chars[s..e].iter().collect())
        .collect();
    assert_eq!(marked, ["Lübeck"]);
    let found = search(&library, "Громыко grain");
    let snippet = &found[0].snippet;
    let chars: Vec<char> = snippet.text.chars().collect();
    let marked: Vec<String> = snippet
        .highlights
        .iter()
        .map(|&[s, e]| chars[s..e].iter().collect())
        .collect();
    assert_eq!(marked, ["Громыко", "grain"]);
}

#[test]
fn a_second_open_reuses_the_index_and_a_changed_file_is_indexed_alone() {
    let a = archive();
    let (_, first) = open(&a);
    assert_eq!(first.indexed_files, 3);
    assert!(!first.in_memory);
    let (_, again) = open(&a);
    assert_eq!(again.indexed_files, 0);

    let beta = a.docs.join("beta.txt");
    fs::write(
        &beta,
        page(
            "May 21, 1971",
            "Record of Talks",
            &[],
            &["Zanzibar was named."],
        ),
    )
    .expect("rewrite");
    age(&beta);
    let (library, update) = open(&a);
    assert_eq!(update.indexed_files, 1);
    assert_eq!(hits(&library, "zanzibar"), ["beta 1"]);
    assert!(hits(&library, "\"three obstacles\"").is_empty());
    assert_eq!(hits(&library, "lubeck"), ["alpha 1"]);

    fs::remove_file(a.docs.join("gamma.txt")).expect("remove");
    let (library, removed) = open(&a);
    assert_eq!(removed.removed_files, 1);
    assert!(hits(&library, "katori").is_empty());
}

#[test]
fn a_corrupt_index_is_rebuilt_and_answers_correctly() {
    let a = archive();
    open(&a);
    let index_dir = fs::read_dir(a.cache.join("search"))
        .expect("index folder")
        .next()
        .expect("one index")
        .expect("entry")
        .path();
    for entry in fs::read_dir(&index_dir).expect("index files") {
        let path = entry.expect("entry").path();
        if path.is_file() && !path.ends_with("dossier-manifest.bin") {
            fs::write(&path, b"not an index").expect("corrupt");
        }
    }
    let (library, stats) = open(&a);
    assert!(stats.rebuilt, "{stats:?}");
    assert_eq!(hits(&library, "lubeck"), ["alpha 1"]);

    fs::write(index_dir.join("dossier-manifest.bin"), b"{garbage").expect("corrupt manifest");
    let (library, stats) = open(&a);
    assert_eq!(stats.indexed_files, 3);
    assert_eq!(hits(&library, "treaty"), ["alpha 1", "beta 1", "beta 2"]);
}

#[test]
fn the_cli_prints_a_line_and_a_snippet_per_hit_and_exits_1_on_nothing() {
    let a = archive();
    let run = |args: &[&str]| {
        let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("dossier");
        cmd.env("XDG_CACHE_HOME", &a.cache).env_remove("NO_COLOR");
        cmd.arg("search").args(args).arg(&a.docs);
        cmd.output().expect("run dossier")
    };
    let out = run(&["lubeck"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].starts_with("alpha  1  Letter on Border Matters"),
        "{text}"
    );
    assert_eq!(lines[1], "    The treaty was signed at Lübeck on Monday.");

    let out = run(&["--color", "always", "lubeck"]);
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.contains("at \x1b[1;31mLübeck\x1b[0m on"), "{text:?}");

    let out = run(&["--json", "gromyko"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let hit = &json[0];
    for key in [
        "doc", "section", "label", "score", "heading", "title", "snippet",
    ] {
        assert!(!hit[key].is_null(), "{key}: {hit}");
    }
    assert_eq!(hit["highlights"], serde_json::json!([[0, 7]]));

    let out = run(&["zanzibar"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}

#[test]
fn passages_matched_only_through_their_document_rank_last_and_once_per_document() {
    let a = archive();
    let (library, _) = open(&a);
    // "border" is in alpha's title (alpha's four sections do not say it) and in beta's text.
    let found = search(&library, "border");
    let shown: Vec<(String, bool)> = found
        .iter()
        .map(|f| {
            let doc = &library.documents()[f.hit.doc];
            (doc.title.clone(), f.snippet.highlights.is_empty())
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("Record of Talks".to_string(), false),
            ("Letter on Border Matters".to_string(), false),
        ],
        "the passage that says it first, then its title's document once, marked in the title"
    );
    assert!(found[1].snippet.text.contains("Border"), "{:?}", found[1]);
}

#[test]
fn a_word_only_in_a_footnote_is_found_and_marked() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tei");
    let corpus = corpus::load_with(std::slice::from_ref(&fixtures), &LoadOptions::uncached()).0;
    let library = Library::open(corpus, std::slice::from_ref(&fixtures), None, &|_, _| {})
        .expect("index")
        .0;
    let found = search(&library, "unsigned");
    assert_eq!(found.len(), 1, "{found:?}");
    let s = &found[0].snippet;
    let [start, end] = s.highlights[0];
    let marked: String = s.text.chars().skip(start).take(end - start).collect();
    assert_eq!(marked, "unsigned");
    assert!(s.text.contains("Printed from an unsigned copy"), "{s:?}");
}

#[test]
fn a_fresh_index_answers_the_cli_alone_with_the_same_hits() {
    let a = archive();
    let run = |args: &[&str]| {
        let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("dossier");
        cmd.env("XDG_CACHE_HOME", &a.cache)
            .env("NO_COLOR", "1")
            .arg("search")
            .args(args)
            .arg(&a.docs);
        cmd.output().expect("run dossier")
    };
    let queries: [&[&str]; 4] = [
        &["--json", "treaty"],
        &["--json", "gromyko grain"],
        &["--json", "border"],
        &["\"three obstacles\""],
    ];
    // The first run indexes the files (the full way); the second finds the index fresh.
    let full: Vec<Vec<u8>> = queries.iter().map(|q| run(q).stdout).collect();
    // A file whose text changed but whose size and time did not is not read again: the
    // answer comes from the index, which proves that no file was parsed.
    let alpha = a.docs.join("alpha.txt");
    let text = fs::read_to_string(&alpha).expect("read");
    let modified = fs::metadata(&alpha)
        .and_then(|m| m.modified())
        .expect("mtime");
    fs::write(&alpha, text.replace("Lübeck", "Xübeck")).expect("write");
    let file = fs::File::options().write(true).open(&alpha).expect("open");
    file.set_modified(modified).expect("set mtime");
    let fast: Vec<Vec<u8>> = queries.iter().map(|q| run(q).stdout).collect();
    for ((query, full), fast) in queries.iter().zip(&full).zip(&fast) {
        assert!(!full.is_empty(), "{query:?} found nothing");
        assert_eq!(
            String::from_utf8_lossy(full),
            String::from_utf8_lossy(fast),
            "{query:?}"
        );
    }
    let out = run(&["lubeck"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Lübeck"));
    // A new file makes the index stale: the full way finds the new word.
    let delta = a.docs.join("delta.txt");
    fs::write(&delta, page("1990", "Note", &[], &["Zanzibar was named."])).expect("write");
    age(&delta);
    let out = run(&["zanzibar"]);
    assert!(out.status.success(), "{out:?}");
}

#[test]
fn the_cli_never_answers_from_an_index_older_than_the_files() {
    let a = archive();
    let run = |word: &str| {
        let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("dossier");
        cmd.env("XDG_CACHE_HOME", &a.cache)
            .env("NO_COLOR", "1")
            .args(["search", word])
            .arg(&a.docs);
        let out = cmd.output().expect("run dossier");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(run("harvest").contains("gamma"));
    // Rewritten in place with the same size: only the modification time tells.
    let gamma = a.docs.join("gamma.txt");
    let text = fs::read_to_string(&gamma).expect("read");
    fs::write(&gamma, text.replace("grain harvest", "wheat harvest")).expect("write");
    age(&gamma);
    assert!(run("wheat").contains("gamma"), "a changed file");
    // A new file in a subfolder.
    fs::create_dir_all(a.docs.join("later")).expect("mkdir");
    let delta = a.docs.join("later").join("delta.txt");
    fs::write(&delta, page("1990", "Note", &[], &["Zanzibar was named."])).expect("write");
    age(&delta);
    assert!(
        run("zanzibar").contains("delta"),
        "a new file in a subfolder"
    );
    // A file gone.
    fs::remove_file(a.docs.join("alpha.txt")).expect("remove");
    assert_eq!(run("lubeck"), "", "a removed file");
    // A manifest that does not read is no reason to trust the index.
    let index_dir = fs::read_dir(a.cache.join("dossier").join("search"))
        .expect("index folder")
        .next()
        .expect("one index")
        .expect("entry")
        .path();
    let manifest = index_dir.join("dossier-manifest.bin");
    let mut bytes = fs::read(&manifest).expect("manifest");
    let last = bytes.len() - 1;
    bytes[last] ^= 0x5a;
    fs::write(&manifest, bytes).expect("corrupt");
    assert!(run("zanzibar").contains("delta"), "a corrupt manifest");
}

#[test]
fn a_search_session_answers_the_newest_query_with_the_last_word_as_a_prefix() {
    let a = archive();
    let (library, _) = open(&a);
    let mut session = dossier::library::SearchSession::new(library.clone(), 10);
    let ask = |session: &mut dossier::library::SearchSession, input: &str| {
        session.set_query(input, WordQuery::parse(input, true));
    };
    ask(&mut session, "gro");
    ask(&mut session, "grom");
    assert!(session.pending());
    let snapshot = session
        .wait(Duration::from_secs(10))
        .expect("an answer to the newest query");
    assert_eq!(snapshot.input, "grom");
    assert!(!session.pending());
    // "grom" is being typed: it finds Громыко as a word's start, with the word marked.
    assert_eq!(snapshot.hits.len(), 1, "{:?}", snapshot.hits);
    assert_eq!(snapshot.total, 1);
    let found = &snapshot.hits[0];
    let doc = &library.documents()[found.hit.doc];
    let passage = dossier::query::index::passage_ref(doc, found.hit.local).expect("passage");
    let section = dossier::query::index::passage_view(doc, passage).section;
    assert_eq!((doc.id.as_str(), section), ("alpha", "2"));
    assert_eq!(found.snippet.highlights, vec![[0, 7]]);
    // A finished word is not a prefix any more.
    ask(&mut session, "grom ");
    let snapshot = session.wait(Duration::from_secs(10)).expect("answer");
    assert!(snapshot.hits.is_empty(), "{:?}", snapshot.hits);
}
