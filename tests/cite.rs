//! Citations and copyable section text: the seed's citation, documents that lack a date, a
//! source or a number, the container only when the source names it, and `dossier cite`.

mod common;

use assert_cmd::Command;
use dossier::cite::{citation, section_text};
use dossier::corpus;
use dossier::model::{DateValue, Document, Field, Section};
use predicates::prelude::*;

const SEED_ID: &str = "000_7f35e2ff8d3d54b0";
const SEED_CITATION: &str = "Cable from Ambassador Katori to the Foreign Minister, “Prime Minster Visit to China (Foreign Ministers’ Discussion – Relations with the Soviet Union),” March 25, 1984. 2002-113, Act on Access to Information Held by Administrative Organs. Also available at the Diplomatic Archives of the Ministry of Foreign Affairs of Japan. No. R037701.";

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
    cmd
}

/// A cable with everything a citation uses.
fn cable() -> Document {
    Document {
        id: "042_cable".into(),
        title: "Cable from Ambassador A to the Foreign Minister, 'Fishing Rights'".into(),
        date: DateValue {
            text: Some("June 1950".into()),
            iso: Some("1950-06".into()),
        },
        kind: Some("Cable".into()),
        fields: vec![Field::new("Number", "R1")],
        source: Some("National Archive, fond 5, pp. 1-3. Obtained by A. B. Smith.".into()),
        ..Document::default()
    }
}

#[test]
fn the_seed_is_cited_with_kind_parties_subject_date_source_and_number() {
    assert_eq!(citation(&seed()), SEED_CITATION);
}

#[test]
fn the_source_note_keeps_where_the_original_is_held_and_drops_credits() {
    let citation = citation(&seed());
    assert!(!citation.contains("Obtained"), "{citation}");
    assert!(!citation.contains("Ryo C. Kato"), "{citation}");
    let memcon = dossier::cite::citation(&sample_doc("001_memcon_amur_survey.txt"));
    assert_eq!(
        memcon,
        "Memorandum of Conversation between Vice Minister Deng Weiguo and Deputy Minister Pavel \
         Korovin, “Joint Amur Hydrological Survey,” September 18-19, 1959. Heilongjiang \
         Provincial Archives, fond 112, file 37, pp. 4-19. ID 001_memcon_amur_survey."
    );
}

#[test]
fn an_undated_document_reads_n_d() {
    let note = sample_doc("008_note_border_commission_nodate.txt");
    assert_eq!(
        citation(&note),
        "Note from the Polish Ministry of Foreign Affairs to the Czechoslovak Embassy Concerning \
         the Records of the Mixed Border Commission, n.d. Archive of the Ministry of Foreign \
         Affairs, Department II, file 42/117, folder \"Komisja Graniczna\". No. D-2/117."
    );
}

#[test]
fn a_document_without_source_or_number_is_cited_by_its_id() {
    let speech = sample_doc("010_speech_danube_excerpt.txt");
    assert_eq!(
        citation(&speech),
        "Excerpt from a Speech by Deputy Minister Jana Kovářová at the Conference on the Danube \
         Basin, Bratislava, May 16, 1989. ID 010_speech_danube_excerpt."
    );
}

#[test]
fn a_document_with_nothing_but_an_id_still_has_a_citation() {
    let bare = Document {
        id: "x".into(),
        ..Document::default()
    };
    assert_eq!(citation(&bare), "Document, n.d. ID x.");
    let titled = Document {
        id: "x".into(),
        kind: Some("Letter".into()),
        subject: Some("On \"Ice\"".into()),
        ..Document::default()
    };
    assert_eq!(citation(&titled), "Letter, “On ‘Ice’,” n.d. ID x.");
}

#[test]
fn a_record_id_is_the_reference_when_there_is_no_number() {
    let mut doc = cable();
    doc.fields.clear();
    doc.record_fields = vec![
        Field::new("Original Uploaded Date", ""),
        Field::new("Record ID", "118835"),
    ];
    assert!(
        citation(&doc).ends_with(" Record ID 118835."),
        "{}",
        citation(&doc)
    );
    doc.fields = vec![Field::new("No.", "77")];
    assert!(citation(&doc).ends_with(" No. 77."), "{}", citation(&doc));
}

#[test]
fn an_empty_record_id_is_not_a_reference() {
    // Archive pages carry a `Record ID` label with no value.
    let mut doc = cable();
    doc.fields.clear();
    doc.record_fields = vec![Field::new("Record ID", "")];
    assert!(
        citation(&doc).ends_with(" ID 042_cable."),
        "{}",
        citation(&doc)
    );
}

#[test]
fn the_container_is_named_only_when_the_source_names_it() {
    let mut doc = cable();
    assert!(!citation(&doc).contains("Digital Archive"));
    doc.rights = Some(
        "The History and Public Policy Program welcomes reuse of Digital Archive materials.".into(),
    );
    assert!(!citation(&doc).contains("Digital Archive"));
    doc.source = Some(
        "National Archive, fond 5. Obtained by A. Smith for the Wilson Center Digital Archive."
            .into(),
    );
    assert_eq!(
        citation(&doc),
        "Cable from Ambassador A to the Foreign Minister, “Fishing Rights,” June 1950. National \
         Archive, fond 5. No. R1. Wilson Center Digital Archive."
    );
}

#[test]
fn a_subject_ending_in_a_question_mark_gets_no_extra_period() {
    let mut doc = cable();
    doc.title = "Letter from A to B, \"Why Not?\"".into();
    doc.source = None;
    assert_eq!(
        citation(&doc),
        "Letter from A to B, “Why Not?” June 1950. No. R1."
    );
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
fn cite_prints_the_citation() {
    dossier()
        .args(["cite", SEED_ID, "sample"])
        .assert()
        .success()
        .stdout(format!("{SEED_CITATION}\n"));
}

#[test]
fn cite_accepts_print_for_symmetry_with_the_browser() {
    dossier()
        .args(["cite", "--print", SEED_ID, "sample"])
        .assert()
        .success()
        .stdout(format!("{SEED_CITATION}\n"));
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
