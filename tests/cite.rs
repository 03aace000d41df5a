//! Citations rendered by the CSL engine in every style, with a pinpoint; the CSL-JSON record
//! read back by the engine's own reader; pandoc renders the CSL-JSON and BibTeX records; the
//! RIS record read back; copyable section text; and `dossier cite`'s errors.

mod common;

use std::path::Path;
use std::process::Command as Process;

use assert_cmd::Command;
use dossier::citation::{RecordFormat, STYLE_NAMES, Style, cite, record, records};
use dossier::cite::section_text;
use dossier::corpus;
use dossier::model::{DateValue, Document, Section};
use predicates::prelude::*;

const SEED_ID: &str = "000_7f35e2ff8d3d54b0";
const SEED_TITLE_START: &str = "Cable from Ambassador Katori to the Foreign Minister";

fn sample_doc(file: &str) -> Document {
    let path = common::sample().join(file);
    let mut docs = corpus::load_file(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
    docs.remove(0)
}

fn seed() -> Document {
    sample_doc("000_7f35e2ff8d3d54b0.txt")
}

fn dossier() -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("dossier");
    cmd.current_dir(common::root());
    // No user configuration decides the style here.
    cmd.env(
        "XDG_CONFIG_HOME",
        common::root().join("tests/fixtures/no-config"),
    );
    cmd
}

fn stdout(args: &[&str]) -> String {
    common::stdout_of(dossier().args(args))
}

#[test]
fn the_seed_is_cited_in_chicago_notes_with_the_paragraph_as_pinpoint() {
    let cited = cite(&seed(), Style::ChicagoNotes, Some("2.1.b"));
    assert_eq!(
        cited.citation,
        "Ambassador Katori, “Cable from Ambassador Katori to the Foreign Minister, ‘Prime Minster \
         Visit to China (Foreign Ministers’ Discussion – Relations with the Soviet Union)’,” \
         Cable, March 25, 1984, para. 2.1.b, 2002-113, Act on Access to Information Held by \
         Administrative Organs, Diplomatic Archives of the Ministry of Foreign Affairs of Japan."
    );
    assert!(
        cited
            .bibliography
            .starts_with("Ambassador Katori. “Cable from")
    );
    assert!(
        !cited.bibliography.contains("2.1.b"),
        "{}",
        cited.bibliography
    );
}

#[test]
fn every_style_cites_the_seed_with_the_pinpoint_and_differs_from_the_others() {
    let mut seen = Vec::new();
    for name in STYLE_NAMES {
        let pinpointed = stdout(&[
            "cite",
            "--style",
            name,
            "--section",
            "2.1.b",
            SEED_ID,
            "sample",
        ]);
        assert!(pinpointed.contains("2.1.b"), "{name}: {pinpointed}");
        assert!(pinpointed.contains("Katori"), "{name}: {pinpointed}");
        // MLA's in-text citation names no year.
        assert!(
            pinpointed.contains("1984") || name == "mla",
            "{name}: {pinpointed}"
        );
        let whole = stdout(&["cite", "--style", name, SEED_ID, "sample"]);
        assert!(whole.contains(SEED_TITLE_START), "{name}: {whole}");
        assert!(whole.contains("1984"), "{name}: {whole}");
        assert!(whole.contains("Diplomatic Archives"), "{name}: {whole}");
        assert!(!whole.contains("2.1.b"), "{name}: {whole}");
        seen.push((name, pinpointed, whole));
    }
    // Author-date styles cite in the text; note styles in full.
    let by = |n: &str| seen.iter().find(|s| s.0 == n).expect("style");
    assert_eq!(by("apa").1.trim(), "(Ambassador Katori, 1984, para. 2.1.b)");
    assert_eq!(
        by("chicago-author-date").1.trim(),
        "(Ambassador Katori 1984, para. 2.1.b)"
    );
    assert_eq!(by("mla").1.trim(), "(Ambassador Katori, par. 2.1.b)");
    assert!(by("mla").2.contains("25 Mar. 1984"), "{}", by("mla").2);
    assert!(
        by("apa").2.starts_with("Ambassador Katori. (1984)."),
        "{}",
        by("apa").2
    );
    assert!(
        by("chicago-author-date")
            .2
            .starts_with("Ambassador Katori. 1984.")
    );
    assert!(by("turabian").1.contains("para. 2.1.b"));
}

#[test]
fn the_configured_style_is_the_default_and_the_flag_overrides_it() {
    let home = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(home.path().join("dossier")).expect("mkdir");
    std::fs::write(
        home.path().join("dossier/config.toml"),
        "citation_style = \"apa\"\n",
    )
    .expect("config");
    let run = |extra: &[&str]| {
        let mut args = vec!["cite", "--section", "1"];
        args.extend_from_slice(extra);
        args.extend([SEED_ID, "sample"]);
        let out = dossier()
            .env("XDG_CONFIG_HOME", home.path())
            .args(&args)
            .output()
            .expect("run");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    assert_eq!(run(&[]), "(Ambassador Katori, 1984, para. 1)");
    assert_eq!(run(&["--style", "mla"]), "(Ambassador Katori, par. 1)");
}

#[test]
fn an_approximate_date_is_a_csl_approximate_date() {
    let telegram = sample_doc("009_telegram_aden_detention.txt");
    let item = record::csl_json(&telegram);
    assert_eq!(item["issued"]["date-parts"], serde_json::json!([[1962]]));
    assert_eq!(item["issued"]["circa"], serde_json::json!(true));
    assert!(
        cite(&telegram, Style::Apa, None)
            .bibliography
            .contains("(ca. 1962)")
    );
    assert!(
        cite(&telegram, Style::ChicagoNotes, None)
            .bibliography
            .contains("[1962?]")
    );
    let dated = record::csl_json(&seed());
    assert!(dated["issued"].get("circa").is_none());
}

#[test]
fn an_undated_document_has_no_issued_date_and_styles_say_n_d() {
    let note = sample_doc("008_note_border_commission_nodate.txt");
    assert!(record::csl_json(&note).get("issued").is_none());
    assert!(
        cite(&note, Style::ChicagoNotes, None)
            .bibliography
            .contains("n.d.")
    );
}

#[test]
fn a_document_with_nothing_but_an_id_is_cited_without_inventing_parts() {
    let bare = Document {
        id: "x".into(),
        ..Document::default()
    };
    let item = record::csl_json(&bare);
    let keys: Vec<&str> = item
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["id", "title", "type"]);
    assert_eq!(item["title"], "Document");
    let cited = cite(&bare, Style::ChicagoNotes, Some("1"));
    assert!(cited.citation.contains("Document"), "{}", cited.citation);
}

/// A FRUS-like document: the fields the TEI reader gives (`Document`, `Page`, `Volume`, `URL`).
fn frus_like() -> Document {
    Document {
        id: "frus1958-60v03d116".into(),
        title: "Memorandum From the Director of the Office to the Secretary of State".into(),
        date: DateValue {
            text: Some("Washington, May 2, 1958".into()),
            iso: Some("1958-05-02".into()),
        },
        kind: Some("Memorandum".into()),
        fields: vec![
            dossier::model::Field::new("Document", "116"),
            dossier::model::Field::new("Page", "301-304"),
            dossier::model::Field::new(
                "Volume",
                "Foreign Relations of the United States, 1958–1960, Volume III",
            ),
            dossier::model::Field::new("URL", "https://example.org/frus1958-60v03/d116"),
        ],
        ..Document::default()
    }
}

#[test]
fn document_page_volume_and_url_fields_map_to_csl_variables() {
    let item = record::csl_json(&frus_like());
    assert_eq!(item["number"], "116");
    assert_eq!(item["page"], "301-304");
    assert_eq!(
        item["container-title"],
        "Foreign Relations of the United States, 1958–1960, Volume III"
    );
    assert_eq!(item["URL"], "https://example.org/frus1958-60v03/d116");
    assert_eq!(item["author"][0]["literal"], "the Director of the Office");
    assert_eq!(item["recipient"][0]["literal"], "the Secretary of State");
    for name in STYLE_NAMES {
        let style: Style = name.parse().expect("style");
        let cited = cite(&frus_like(), style, Some("3"));
        assert!(cited.citation.contains('3'), "{name}: {}", cited.citation);
        assert!(
            cited.bibliography.contains("1958"),
            "{name}: {}",
            cited.bibliography
        );
    }
}

#[test]
fn csl_json_is_an_array_the_engine_reads_back_with_every_archival_variable() {
    let json = stdout(&["cite", "--format", "csl-json", SEED_ID, "sample"]);
    let items: Vec<hayagriva::citationberg::json::Item> =
        serde_json::from_str(&json).expect("CSL-JSON the engine reads");
    assert_eq!(items.len(), 1);
    let value: serde_json::Value = serde_json::from_str(&json).expect("json");
    let item = &value[0];
    assert_eq!(item["id"], SEED_ID);
    assert_eq!(item["type"], "manuscript");
    assert_eq!(item["genre"], "Cable");
    assert_eq!(item["author"][0]["literal"], "Ambassador Katori");
    assert_eq!(item["recipient"][0]["literal"], "the Foreign Minister");
    assert_eq!(
        item["archive"],
        "Diplomatic Archives of the Ministry of Foreign Affairs of Japan"
    );
    assert_eq!(
        item["archive_location"],
        "2002-113, Act on Access to Information Held by Administrative Organs"
    );
    assert_eq!(item["call-number"], "R037701");
    assert_eq!(
        item["issued"]["date-parts"],
        serde_json::json!([[1984, 3, 25]])
    );
    // The whole sample, read back the same way.
    let docs = corpus::load(&[common::sample()]).documents;
    let all: Vec<&Document> = docs.iter().collect();
    let items: Vec<hayagriva::citationberg::json::Item> =
        serde_json::from_str(&records(&all, RecordFormat::CslJson)).expect("CSL-JSON");
    assert_eq!(items.len(), docs.len());
}

/// pandoc's rendering of a bibliography file of every sample document, as plain text.
fn pandoc_bibliography(file: &Path) -> String {
    let page = file.with_file_name("bibliography.md");
    std::fs::write(&page, "---\nnocite: |\n  @*\n---\n").expect("write");
    let out = Process::new("pandoc")
        .args(["--citeproc", "-t", "plain", "--wrap=none"])
        .arg(format!("--bibliography={}", file.display()))
        .arg(&page)
        .output()
        .expect("pandoc must be installed to test the exports (.ci/run installs it)");
    assert!(
        out.status.success(),
        "pandoc: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn pandoc_renders(format: &str, extension: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join(format!("records.{extension}"));
    let docs = corpus::load(&[common::sample()]).documents;
    let all: Vec<&Document> = docs.iter().collect();
    let format = match format {
        "csl-json" => RecordFormat::CslJson,
        _ => RecordFormat::Bibtex,
    };
    std::fs::write(&file, records(&all, format)).expect("write");
    let rendered = pandoc_bibliography(&file);
    assert!(
        rendered.contains("Cable from Ambassador Katori to the Foreign Minister"),
        "{rendered}"
    );
    assert!(rendered.contains("1984"), "{rendered}");
    assert!(
        rendered.contains("Joint Amur Hydrological Survey"),
        "{rendered}"
    );
    assert!(rendered.contains("1959"), "{rendered}");
    // One entry per document (pandoc separates entries by blank lines).
    let entries = rendered
        .split("\n\n")
        .filter(|e| !e.trim().is_empty())
        .count();
    assert_eq!(entries, docs.len(), "{rendered}");
}

#[test]
fn pandoc_citeproc_renders_the_csl_json_records() {
    pandoc_renders("csl-json", "json");
}

#[test]
fn pandoc_citeproc_renders_the_bibtex_records() {
    pandoc_renders("bibtex", "bib");
}

/// A RIS reader written from the specification: `TAG  - value` lines, `ER` ends a record.
fn read_ris(text: &str) -> Vec<Vec<(String, String)>> {
    let mut records = Vec::new();
    let mut current = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        assert!(
            line.len() >= 5 && &line[2..6] == "  - ",
            "not a RIS line: {line:?}"
        );
        let (tag, value) = (line[..2].to_string(), line[6..].trim().to_string());
        if tag == "ER" {
            records.push(std::mem::take(&mut current));
        } else {
            current.push((tag, value));
        }
    }
    assert!(current.is_empty(), "a record without ER");
    records
}

#[test]
fn the_ris_record_reads_back_with_title_author_date_and_archive() {
    let ris = stdout(&["cite", "--format", "ris", SEED_ID, "sample"]);
    let records = read_ris(&ris);
    assert_eq!(records.len(), 1);
    let get = |tag: &str| {
        records[0]
            .iter()
            .find(|(t, _)| t == tag)
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("no {tag} in {ris}"))
    };
    assert_eq!(records[0][0], ("TY".into(), "MANSCPT".into()));
    assert!(get("TI").starts_with(SEED_TITLE_START));
    assert_eq!(get("AU"), "Ambassador Katori");
    assert_eq!(get("DA"), "1984/03/25/");
    assert_eq!(get("PY"), "1984");
    assert_eq!(get("CN"), "R037701");
    assert!(get("AV").contains("Diplomatic Archives"));
    // Every sample document, one record each.
    let docs = corpus::load(&[common::sample()]).documents;
    let all: Vec<&Document> = docs.iter().collect();
    assert_eq!(read_ris(&records_text(&all)).len(), docs.len());
}

fn records_text(docs: &[&Document]) -> String {
    records(docs, RecordFormat::Ris)
}

#[test]
fn section_text_has_the_label_paragraphs_and_indented_children() {
    let doc = Document {
        body: vec!["Opening.".into(), "Second.".into()],
        sections: vec![Section {
            label: "1.".into(),
            id: "1".into(),
            paragraphs: vec!["First.".into(), "More.".into()],
            children: vec![Section {
                label: "(a)".into(),
                id: "1.a".into(),
                paragraphs: vec!["Child.".into()],
                ..Section::default()
            }],
            ..Section::default()
        }],
        ..Document::default()
    };
    assert_eq!(
        section_text(&doc, "1").as_deref(),
        Some("1. First.\n\nMore.\n\n    (a) Child.")
    );
    assert_eq!(section_text(&doc, "1.a").as_deref(), Some("(a) Child."));
    assert_eq!(
        section_text(&doc, "body").as_deref(),
        Some("Opening.\n\nSecond.")
    );
    assert_eq!(section_text(&doc, "2"), None);
    assert_eq!(section_text(&Document::default(), "body"), None);
}

#[test]
fn section_text_of_the_seed_matches_what_show_prints() {
    let doc = seed();
    let text = section_text(&doc, "2").expect("section 2");
    assert!(
        text.starts_with("2. Additionally, Foreign Minister Wu said"),
        "{text}"
    );
    assert!(text.contains("\n\n    (1) The fourth Sino-Soviet consultations"));
    assert!(text.contains("\n\n        (a) In regards to bilateral relations"));
    let shown = dossier()
        .args(["show", "--section", "2", SEED_ID, "sample"])
        .output()
        .expect("run dossier");
    assert_eq!(String::from_utf8_lossy(&shown.stdout).trim_end(), text);
}

#[test]
fn cite_of_an_unknown_document_exits_2_naming_it() {
    dossier()
        .args(["cite", "no_such_doc", "sample"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("no_such_doc"));
}

#[test]
fn cite_of_an_unknown_section_or_style_exits_2_naming_it() {
    dossier()
        .args(["cite", "--section", "9.9", SEED_ID, "sample"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("9.9"));
    dossier()
        .args(["cite", "--style", "vancouver", SEED_ID, "sample"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("vancouver").and(predicate::str::contains("chicago-notes")),
        );
}
