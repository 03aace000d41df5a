//! The command line, driving the real binary: list, show, search, export and check, their exit
//! codes and messages, a closed pipe, and the default path.

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};

use assert_cmd::Command;
use common::stdout_of;
use dossier::corpus;
use dossier::model::Document;
use dossier::model::heading_of;
use predicates::prelude::*;
use serde_json::Value;

const SEED_ID: &str = "000_7f35e2ff8d3d54b0";
const SEED_TITLE: &str = "Cable from Ambassador Katori to the Foreign Minister, 'Prime Minster Visit to China (Foreign Ministers’ Discussion – Relations with the Soviet Union)'";

/// The binary, run from the crate's root so that `sample` is the bundled corpus.
fn dossier() -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("dossier");
    cmd.current_dir(common::root());
    cmd
}

fn json_of(cmd: &mut Command) -> Value {
    let out = stdout_of(cmd);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

/// The sample corpus as the library loads it, the reference for the CLI's output.
fn sample_corpus() -> Vec<Document> {
    let corpus = corpus::load(&[PathBuf::from("sample")]);
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    corpus.documents
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write temp file");
    path
}

// list

#[test]
fn list_prints_id_date_and_title_per_document() {
    let out = stdout_of(dossier().args(["list", "sample"]));
    let docs = sample_corpus();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), docs.len());
    assert_eq!(lines[0], format!("{SEED_ID}\t1984-03-25\t{SEED_TITLE}"));
    for (line, doc) in lines.iter().zip(&docs) {
        let columns: Vec<&str> = line.split('\t').collect();
        assert_eq!(columns.len(), 3, "{line}");
        assert_eq!(columns[0], doc.id);
        assert_eq!(columns[2], doc.title);
    }
    let undated = lines
        .iter()
        .find(|l| l.starts_with("008_note_border_commission_nodate\t"))
        .expect("undated note listed");
    assert!(undated.contains("\t-\t"), "{undated}");
}

#[test]
fn list_json_is_an_array_of_rows() {
    let rows = json_of(dossier().args(["list", "--json", "sample"]));
    let rows = rows.as_array().expect("array");
    assert_eq!(rows.len(), sample_corpus().len());
    let seed = &rows[0];
    assert_eq!(seed["id"], SEED_ID);
    assert_eq!(seed["date"], "March 25, 1984");
    assert_eq!(seed["iso"], "1984-03-25");
    assert_eq!(seed["title"], SEED_TITLE);
    assert_eq!(seed["path"], "sample/000_7f35e2ff8d3d54b0.txt");
    for row in rows {
        for key in ["id", "date", "iso", "title", "path"] {
            assert!(row.get(key).is_some(), "{key} missing in {row}");
        }
    }
}

// show

#[test]
fn show_prints_metadata_summary_then_sections_in_order() {
    let out = stdout_of(dossier().args(["show", SEED_ID, "sample"]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], SEED_TITLE);
    let at = |needle: &str| {
        out.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in:\n{out}"))
    };
    let order = [
        "Date:           March 25, 1984 (1984-03-25)",
        "From:           Ambassador Katori",
        "Classification: Top Secret",
        "Summary\nForeign Ministers Wu Xueqian and Abe Shintaro exchange views",
        "\n1. Regarding Japan-Soviet Relations,",
        "\n    (1) Regarding the foreign ministerial talks,",
        "\n2. Additionally, Foreign Minister Wu said",
        "\n        (b) Regarding the so-called three obstacles,",
        "\n    (4) We are grateful for your report",
        "Source\n2002-113, Act on Access to Information",
        "Rights\nThe History and Public Policy Program welcomes reuse",
        "Funders: MacArthur Foundation and Leon Levy Foundation",
    ];
    for pair in order.windows(2) {
        assert!(
            at(pair[0]) < at(pair[1]),
            "{:?} before {:?}",
            pair[0],
            pair[1]
        );
    }
}

#[test]
fn show_json_is_the_document() {
    let out = stdout_of(dossier().args(["show", "--json", SEED_ID, "sample"]));
    let shown: Document = serde_json::from_str(&out).expect("a dossier document");
    let loaded = sample_corpus().into_iter().next().expect("seed");
    assert_eq!(shown, loaded);
}

#[test]
fn show_section_prints_only_that_section() {
    let out = stdout_of(dossier().args(["show", "--section", "2.1.b", SEED_ID, "sample"]));
    assert!(
        out.starts_with("(b) Regarding the so-called three obstacles,"),
        "{out}"
    );
    assert!(out.contains("(i) mutual confidence building measures, (ii) it was proposed"));
    assert!(
        !out.contains("(a) In regards to bilateral relations"),
        "{out}"
    );
    assert!(!out.contains(SEED_TITLE), "{out}");

    let section =
        json_of(dossier().args(["show", "--json", "--section", "2.1.b", SEED_ID, "sample"]));
    assert_eq!(section["label"], "(b)");
    assert_eq!(section["id"], "2.1.b");
    assert_eq!(
        section["heading"],
        "Regarding the so-called three obstacles…"
    );
    assert_eq!(section["paragraphs"].as_array().map(Vec::len), Some(1));
    assert_eq!(section["children"], Value::Array(Vec::new()));
}

#[test]
fn show_of_an_unknown_document_exits_2_and_names_it() {
    dossier()
        .args(["show", "no_such_document", "sample"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("no_such_document"));
}

#[test]
fn show_of_an_unknown_section_exits_2_and_names_it() {
    dossier()
        .args(["show", "--section", "9.9.z", SEED_ID, "sample"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("9.9.z"));
}

// search

#[test]
fn search_prints_doc_section_title_and_a_snippet_per_hit() {
    let out = stdout_of(dossier().args(["search", "gromyko", "sample"]));
    let lines: Vec<&str> = out.lines().collect();
    assert!(!lines.is_empty() && lines.len() % 2 == 0, "{out}");
    for pair in lines.chunks(2) {
        let head: Vec<&str> = pair[0].splitn(3, "  ").collect();
        assert_eq!(head.len(), 3, "{pair:?}");
        assert!(pair[1].starts_with("    "), "{pair:?}");
    }
    let hit = lines
        .chunks(2)
        .find(|pair| pair[0].starts_with(&format!("{SEED_ID}  1.1  ")))
        .unwrap_or_else(|| panic!("seed 1.1 not found:\n{out}"));
    assert!(hit[0].ends_with(SEED_TITLE), "{hit:?}");
    assert!(
        hit[1].contains("Gromyko"),
        "the snippet shows the word: {hit:?}"
    );
}

#[test]
fn search_json_rows_carry_doc_section_score_heading_snippet_and_highlights() {
    let hits = json_of(dossier().args(["search", "--json", "gromyko", "sample"]));
    let hits = hits.as_array().expect("array");
    assert!(!hits.is_empty());
    for hit in hits {
        assert!(hit["doc"].is_string(), "{hit}");
        assert!(hit["section"].is_string(), "{hit}");
        assert!(hit["score"].is_f64(), "{hit}");
        assert!(hit["heading"].is_string(), "{hit}");
        let snippet: Vec<char> = hit["snippet"].as_str().expect("snippet").chars().collect();
        for span in hit["highlights"].as_array().expect("highlights") {
            let (start, end) = (span[0].as_u64().unwrap_or(0), span[1].as_u64().unwrap_or(0));
            let word: String = snippet[start as usize..end as usize].iter().collect();
            assert_eq!(word.to_lowercase(), "gromyko", "{hit}");
        }
    }
    assert!(
        hits.iter()
            .any(|h| h["doc"] == SEED_ID && h["section"] == "2.1"),
        "{hits:?}"
    );
}

#[test]
fn search_limit_caps_the_number_of_hits() {
    let all = stdout_of(dossier().args(["search", "soviet", "sample"]));
    assert!(all.lines().count() > 4, "{all}");
    let limited = stdout_of(dossier().args(["search", "--limit", "2", "soviet", "sample"]));
    assert_eq!(limited.lines().count(), 4);
    let one = json_of(dossier().args(["search", "--json", "--limit", "1", "soviet", "sample"]));
    assert_eq!(one.as_array().map(Vec::len), Some(1));
}

#[test]
fn search_without_a_match_exits_1() {
    dossier()
        .args(["search", "qqxzzyqqxv", "sample"])
        .assert()
        .code(1)
        .stdout("");
}

// export

#[test]
fn export_writes_every_document_with_the_model_field_names() {
    let export = json_of(dossier().args(["export", "sample"]));
    let docs = export.as_array().expect("array");
    assert_eq!(docs.len(), sample_corpus().len());
    for doc in docs {
        for key in [
            "id",
            "path",
            "title",
            "date",
            "fields",
            "classification",
            "summary",
            "source",
            "rights",
            "funders",
            "body",
            "sections",
            "problems",
        ] {
            assert!(doc.get(key).is_some(), "{key} missing in {}", doc["id"]);
        }
        assert!(doc["date"].get("text").is_some() && doc["date"].get("iso").is_some());
        for field in doc["fields"].as_array().expect("fields") {
            assert!(
                field["name"].is_string() && field["value"].is_string(),
                "{field}"
            );
        }
        assert!(doc["body"].is_array() && doc["problems"].is_array());
    }
    let seed = &docs[0];
    assert_eq!(seed["id"], SEED_ID);
    assert_eq!(seed["path"], "sample/000_7f35e2ff8d3d54b0.txt");
    assert_eq!(seed["date"]["iso"], "1984-03-25");
    assert_eq!(seed["fields"][0]["name"], "Number");
    assert_eq!(seed["fields"][0]["value"], "R037701");
    assert_eq!(seed["classification"], "Top Secret");
    assert_eq!(
        seed["funders"],
        "MacArthur Foundation and Leon Levy Foundation"
    );
    let b = &seed["sections"][1]["children"][0]["children"][1];
    for key in ["label", "id", "heading", "paragraphs", "children"] {
        assert!(b.get(key).is_some(), "{key} missing in {b}");
    }
    assert_eq!(b["label"], "(b)");
    assert_eq!(b["id"], "2.1.b");
}

#[test]
fn an_export_reopens_with_the_same_ids_and_titles() {
    let dir = tempfile::tempdir().expect("temp dir");
    let export = stdout_of(dossier().args(["export", "sample"]));
    let file = write(dir.path(), "export.json", export.as_bytes());
    let original = stdout_of(dossier().args(["list", "sample"]));
    let reopened = stdout_of(dossier().arg("list").arg(&file));
    assert_eq!(reopened, original);
    let again: Vec<Document> =
        serde_json::from_str(&stdout_of(dossier().arg("export").arg(&file))).expect("documents");
    let first: Vec<Document> = serde_json::from_str(&export).expect("documents");
    let without_path = |docs: Vec<Document>| -> Vec<Document> {
        docs.into_iter()
            .map(|d| Document {
                path: String::new(),
                ..d
            })
            .collect()
    };
    assert_eq!(without_path(again), without_path(first));
}

#[test]
fn an_export_writes_every_heading_as_the_parser_derived_it() {
    let export = json_of(dossier().args(["export", "sample"]));
    fn walk(sections: &Value, seen: &mut usize) {
        for section in sections.as_array().expect("sections") {
            let first = section["paragraphs"][0].as_str().unwrap_or_default();
            assert_eq!(section["heading"], heading_of(first), "{section}");
            *seen += 1;
            walk(&section["children"], seen);
        }
    }
    let mut seen = 0;
    for doc in export.as_array().expect("documents") {
        walk(&doc["sections"], &mut seen);
    }
    assert!(seen > 20, "{seen} sections");
}

#[test]
fn an_imported_heading_of_its_own_survives_export_and_import() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut doc = json_of(dossier().args(["show", "--json", SEED_ID, "sample"]));
    let own = "A heading the editor wrote";
    doc["sections"][0]["heading"] = own.into();
    let derived = doc["sections"][1]["heading"].clone();
    assert!(derived.as_str().is_some_and(|h| !h.is_empty()), "{derived}");
    let mut file = write(dir.path(), "edited.json", doc.to_string().as_bytes());
    for round in ["first", "second"] {
        let export = json_of(dossier().arg("export").arg(&file));
        assert_eq!(export[0]["sections"][0]["heading"], own, "{round}");
        assert_eq!(export[0]["sections"][1]["heading"], derived, "{round}");
        file = write(dir.path(), "again.json", export.to_string().as_bytes());
    }
}

// check

#[test]
fn check_passes_on_the_sample() {
    let docs = sample_corpus();
    let out = stdout_of(dossier().args(["check", "sample"]));
    assert!(out.contains("sample/000_7f35e2ff8d3d54b0.txt: ok"), "{out}");
    assert!(
        out.lines().last().is_some_and(|l| l.starts_with(&format!(
            "{} documents loaded, 0 files not loaded",
            docs.len()
        ))),
        "{out}"
    );
}

#[test]
fn check_names_every_file_that_has_a_problem_and_exits_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(d, "empty.txt", b"");
    write(d, "binary.txt", &[0x7f, b'E', b'L', b'F', 2, 1, 0, 0, 0, 1]);
    write(
        d,
        "latin1.txt",
        b"June 1950\n\nLetter from Margarethe M\xfcller on the L\xfcbeck registry\n\nDear Sir, the registry is closed.\n",
    );
    let good = common::fixture("cable_half_parens.txt");
    let missing = d.join("no-such-folder");
    let output = dossier()
        .arg("check")
        .arg(d)
        .arg(&good)
        .arg(&missing)
        .output()
        .expect("run dossier");
    assert_eq!(output.status.code(), Some(1));
    let report = String::from_utf8_lossy(&output.stdout);
    for (file, problem) in [
        ("empty.txt", "empty file"),
        ("binary.txt", "binary file"),
        ("latin1.txt", "invalid UTF-8"),
        ("no-such-folder", "no such file or directory"),
    ] {
        let line = report
            .lines()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("{file} not named:\n{report}"));
        assert!(
            line.contains(problem),
            "{file}: {problem:?} not in {line:?}"
        );
    }
    assert!(report.contains("cable_half_parens.txt: ok"), "{report}");
    assert!(
        report.contains("2 documents loaded, 3 files not loaded"),
        "{report}"
    );
}

#[test]
fn a_missing_path_is_named_on_stderr() {
    dossier()
        .args(["list", "sample/no-such-file.txt"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            predicate::str::contains("sample/no-such-file.txt")
                .and(predicate::str::contains("no such file or directory")),
        );
}

// Pipes and defaults.

/// Runs `dossier args…`, reads one line of its output and closes the pipe, like `| head -1`.
fn run_and_close_after_one_line(args: &[&str]) -> std::process::Output {
    let mut child = StdCommand::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .current_dir(common::root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn dossier");
    let stdout = child.stdout.take().expect("piped stdout");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("read a line");
    assert!(!first.is_empty());
    child.wait_with_output().expect("wait for dossier")
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let output = run_and_close_after_one_line(&["list", "sample"]);
    assert!(output.status.success(), "{:?}", output.status);
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn a_pipe_closed_mid_output_is_not_an_error() {
    // Far more output than a pipe buffers, so that writing fails once the reader is gone.
    let mut args = vec!["list"];
    args.extend(std::iter::repeat_n("sample", 60));
    let output = run_and_close_after_one_line(&args);
    assert!(output.status.success(), "{:?}", output.status);
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn the_default_path_is_the_current_folder() {
    let from_inside = stdout_of(dossier().arg("list").current_dir(common::sample()));
    let from_outside = stdout_of(dossier().args(["list", "sample"]));
    assert_eq!(from_inside, from_outside);
    let check = stdout_of(dossier().arg("check").current_dir(common::sample()));
    assert!(check.contains("./000_7f35e2ff8d3d54b0.txt: ok"), "{check}");
}
