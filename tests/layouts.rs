//! The layouts seen on real archive pages (format notes, "Layouts seen on real pages"), one
//! fixture each in `tests/fixtures/layouts/` (invented text, real layout): title, date, header
//! fields, summary, source, section labels and every body line kept, per layout.

mod common;

use common::{fixture, lost_lines, read, shape, text_files};
use dossier::model::{Document, Field};
use dossier::parse::parse_document;

fn layout(name: &str) -> (String, Document) {
    let path = fixture(&format!("layouts/{name}"));
    let text = read(&path);
    let doc = parse_document(&text, name, &path.display().to_string());
    (text, doc)
}

fn fields(doc: &Document) -> Vec<(&str, &str)> {
    doc.fields
        .iter()
        .map(|f| (&*f.name, f.value.as_str()))
        .collect()
}

fn record(doc: &Document) -> Vec<(&str, &str)> {
    doc.record_fields
        .iter()
        .map(|f| (&*f.name, f.value.as_str()))
        .collect()
}

fn labels(doc: &Document) -> Vec<&str> {
    doc.sections.iter().map(|s| s.label.as_str()).collect()
}

/// Every line of the page is in the document, but those the listed drop rules may drop.
fn assert_nothing_lost(text: &str, doc: &Document) {
    let lost = lost_lines(text, doc);
    assert!(lost.is_empty(), "lost {lost:?} from {}", doc.id);
}

#[test]
fn every_layout_fixture_keeps_every_line() {
    let files = text_files(&fixture("layouts"));
    assert!(files.len() >= 11, "{files:?}");
    for path in files {
        let text = read(&path);
        let doc = parse_document(&text, "layout", &path.display().to_string());
        assert_nothing_lost(&text, &doc);
        assert!(!doc.title.is_empty(), "{}", path.display());
    }
}

#[test]
fn the_page_tail_catalogue_headings_end_the_body_and_become_record_fields() {
    let (text, doc) = layout("page_tail_catalogue.txt");
    assert_eq!(
        doc.title,
        "Telegram from Ambassador Lindqvist to the Ministry of Foreign Affairs, 'Talks on the Baltic Fishing Zones'"
    );
    assert_eq!(doc.date.iso.as_deref(), Some("1957-05-14"));
    assert_eq!(
        fields(&doc),
        vec![
            ("Number", "T-4410"),
            ("To", "Ministry of Foreign Affairs"),
            ("From", "Embassy, Warsaw")
        ]
    );
    assert_eq!(labels(&doc), vec!["1.", "2."]);
    assert_eq!(
        doc.summary.as_deref(),
        Some(
            "The Swedish ambassador in Warsaw reports on Polish proposals for a joint commission on the Baltic fishing zones."
        )
    );
    assert_eq!(
        doc.source.as_deref(),
        Some(
            "Utrikesdepartementet, dossier HP 39/57, volume 2. Obtained and translated for the dossier test collection by Karin Olsson."
        )
    );
    let rights = doc.rights.as_deref().unwrap_or_default();
    assert_eq!(rights.split("\n\n").count(), 2, "{rights}");
    assert_eq!(
        record(&doc),
        vec![
            ("Author(s)", ""),
            (
                "Associated People & Organizations",
                "Józef Kowalczyk; Ministry of Foreign Affairs (Poland)"
            ),
            ("Associated Places", "Gdynia; Hel Peninsula"),
            ("Subjects Discussed", ""),
            ("Related Documents", ""),
            ("Original Uploaded Date", "2014-06-02"),
            ("Type", "Telegram"),
            ("Language", "Swedish"),
            ("Record ID", "220517"),
        ]
    );
    assert_eq!(
        doc.funders.as_deref(),
        Some("MacArthur Foundation and Leon Levy Foundation")
    );
    assert!(doc.notes.is_empty() && doc.problems.is_empty(), "{doc:#?}");
    assert_nothing_lost(&text, &doc);
}

#[test]
fn the_older_design_with_a_capitals_title_reads_banner_citation_block_and_type_line() {
    let (text, doc) = layout("older_design_caps_title.txt");
    assert_eq!(
        doc.title,
        "Telegram from Envoy Pavel Krejci to the Ministry of Foreign Affairs"
    );
    assert_eq!(
        doc.subject.as_deref(),
        Some("TELEGRAM FROM ENVOY PAVEL KREJCI TO THE MINISTRY OF FOREIGN AFFAIRS")
    );
    assert_eq!(doc.date.text.as_deref(), Some("August 07, 1958"));
    assert_eq!(doc.date.iso.as_deref(), Some("1958-08-07"));
    assert_eq!(doc.kind.as_deref(), Some("Telegram"));
    assert_eq!(
        fields(&doc),
        vec![
            ("Type", "Foreign Ministry Document"),
            ("From", "Beijing"),
            ("To", "Prague")
        ]
    );
    assert_eq!(
        doc.references,
        vec!["Ciphered Telegram.", "Strictly secret."]
    );
    assert_eq!(doc.classification.as_deref(), Some("Secret"));
    assert_eq!(
        doc.summary.as_deref(),
        Some(
            "The Czechoslovak envoy in Beijing describes the shelling of the offshore islands and the mood in the Chinese capital."
        )
    );
    assert!(
        doc.record_fields[0]
            .value
            .starts_with("\"Telegram from Envoy")
    );
    assert_eq!(doc.body.len(), 3, "{:#?}", doc.body);
    assert_eq!(doc.body[2], "Krejci");
    assert_eq!(
        doc.source.as_deref(),
        Some(
            "Archive of the Ministry of Foreign Affairs, Prague. Obtained for the dossier test collection."
        )
    );
    assert_eq!(doc.problems, vec!["title taken from the citation string"]);
    assert_nothing_lost(&text, &doc);
}

#[test]
fn the_older_design_without_title_or_date_line_takes_both_from_the_citation() {
    let (text, doc) = layout("older_design_no_title.txt");
    assert_eq!(
        doc.title,
        "Report by Counsellor Endre Szabo on the Grain Harvest"
    );
    assert_eq!(doc.date.iso.as_deref(), Some("1953-09-03"));
    assert_eq!(
        doc.summary.as_deref(),
        Some("A Hungarian diplomat reports on the harvest and on grain deliveries to the state.")
    );
    // The last body paragraph is not taken for a summary: the citation block held it.
    assert_eq!(doc.body.len(), 2, "{:#?}", doc.body);
    assert!(doc.body[1].starts_with("The peasants of the cooperatives"));
    assert_eq!(
        doc.problems,
        vec![
            "title taken from the citation string",
            "date found only in the citation block"
        ]
    );
    assert_nothing_lost(&text, &doc);
}

#[test]
fn a_summary_above_the_date_is_the_summary_until_one_follows_the_body() {
    let (text, doc) = layout("summary_first.txt");
    assert_eq!(
        doc.title,
        "Report from Ambassador Stefan Petrov on a Conversation with the Turkish Foreign Minister"
    );
    assert_eq!(doc.date.iso.as_deref(), Some("1961-11-21"));
    assert_eq!(doc.support, None);
    assert_eq!(
        fields(&doc),
        vec![("Date", "November 20, 1961"), ("Place", "Ankara")]
    );
    assert_eq!(labels(&doc), vec!["1.", "2."]);
    assert!(
        doc.summary
            .as_deref()
            .is_some_and(|s| s.starts_with("The ambassador reports on his protest"))
    );
    assert_eq!(
        doc.notes,
        vec![
            "The Bulgarian ambassador reports on a conversation with the Turkish foreign minister about the border incidents in Thrace."
        ]
    );
    assert_eq!(doc.problems, vec!["summary found above the date"]);
    assert_nothing_lost(&text, &doc);

    let only_above = text.replace(
        "The ambassador reports on his protest to the Turkish foreign minister about the border incidents in Thrace and on the promise of an inquiry.\n\n",
        "",
    );
    let doc = parse_document(&only_above, "s", "s.txt");
    assert!(
        doc.summary
            .as_deref()
            .is_some_and(|s| s.starts_with("The Bulgarian ambassador reports"))
    );
    assert_eq!(labels(&doc), vec!["1.", "2."]);
}

#[test]
fn header_fields_after_a_letterhead_and_reference_line() {
    let (text, doc) = layout("header_after_letterhead.txt");
    assert_eq!(doc.date.iso.as_deref(), Some("1949-05-03"));
    assert_eq!(
        fields(&doc),
        vec![
            ("From", "Legation, Sofia"),
            ("To", "Comrade Zorin"),
            ("Time", "18:30")
        ]
    );
    assert_eq!(
        doc.references,
        vec![
            "Ministry of Foreign Affairs",
            "Outgoing telegram No. 412, 3 May"
        ]
    );
    assert_eq!(shape(&doc.sections), "1 2");
    // The spaced-out signature and the transmission log close the last item.
    assert_eq!(
        doc.sections[1].paragraphs[1..],
        ["P O P O V", "14.6. 11:40"]
    );
    assert!(
        doc.summary
            .as_deref()
            .is_some_and(|s| s.starts_with("The Soviet minister in Sofia"))
    );
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
    assert_nothing_lost(&text, &doc);
}

#[test]
fn header_fields_after_a_distribution_list_and_a_stamp_with_values_on_next_lines() {
    let (text, doc) = layout("header_after_distribution.txt");
    assert_eq!(
        fields(&doc),
        vec![
            (
                "Made in 4 copies for",
                "Comrade Novak; Comrade Hajek; the file"
            ),
            ("Date and Time", "4 p.m., 11 April 1951"),
            (
                "Participants",
                "Our side: Comrade Novak, Comrade Hajek; Their side: Chargé d'Affaires Milan Ristic"
            ),
            ("Interpreter", "Comrade Bures"),
            ("Copy", "Nº 3"),
        ]
    );
    assert_eq!(
        doc.references,
        vec!["[Stamp: Ministry of Foreign Affairs Received 13 April 1951 No. 0221/51]"]
    );
    // A field-like line inside the body and a date with a signature stay body text.
    assert_eq!(doc.body.len(), 4, "{:#?}", doc.body);
    assert_eq!(doc.body[1], "Nationality: Yugoslav");
    assert_eq!(doc.body[3], "12.IV.51 Novak");
    assert!(doc.sections.is_empty());
    assert!(
        doc.summary
            .as_deref()
            .is_some_and(|s| s.starts_with("Novak reports"))
    );
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
    assert_nothing_lost(&text, &doc);
}

#[test]
fn capitals_labels_and_every_speaker_turn_shape_of_a_memorandum() {
    let (text, doc) = layout("memcon_capitals.txt");
    assert_eq!(
        fields(&doc),
        vec![
            (
                "PARTICIPANTS",
                "Premier Wang Ming; Todor Zhivkov; interpreter Pak Dong-il"
            ),
            ("DATE AND TIME", "March 1, 1962, 10 a.m."),
            ("PLACE", "Government Guesthouse, Sofia"),
            ("SUBJECT", "Economic aid"),
        ]
    );
    assert_eq!(doc.field("Subject"), Some("Economic aid"));
    assert!(doc.sections.is_empty());
    let opening: Vec<&str> = doc
        .body
        .iter()
        .map(|p| p.split(':').next().unwrap_or_default())
        .collect();
    assert_eq!(
        opening,
        vec![
            "Premier Wang Ming (hereafter Wang)",
            "TODOR ZHIVKOV",
            "We are glad to see you in Sofia again, and we hope the talks will be useful to both sides.",
            "Premier",
            "Pak",
            "When will the first deliveries arrive?",
            "Zhivkov",
        ]
    );
    assert!(
        doc.summary
            .as_deref()
            .is_some_and(|s| s.starts_with("The Bulgarian leader"))
    );
    assert_nothing_lost(&text, &doc);
}

#[test]
fn initials_times_and_an_agenda_inside_an_item_are_not_top_level_numbering() {
    let (text, doc) = layout("numbering_not_numbering.txt");
    assert_eq!(
        doc.body,
        vec![
            "I. V. Stalin did not speak at the opening session, which was chaired by V. M. Molotov.",
            "A. A. Gromyko sat among the guests of the presidium.",
            "13.9. 13:15 the delegations were taken to the Kremlin.",
        ]
    );
    assert_eq!(
        shape(&doc.sections),
        "1[1.1 1.2] 2 3 4[4.1 4.2 4.3] 5[5.1 5.2]"
    );
    assert_eq!(labels(&doc), vec!["1.", "2.", "3.", "4.", "5."]);
    let one = doc.section("1.1").map(|s| s.label.as_str());
    assert_eq!(one, Some("1.1."));
    assert!(
        doc.section("3")
            .is_some_and(|s| s.paragraphs[0].contains("24.III.50"))
    );
    assert_eq!(doc.section("5.1").map(|s| s.label.as_str()), Some("-"));
    assert!(
        doc.summary
            .as_deref()
            .is_some_and(|s| s.starts_with("The embassy in Moscow reports"))
    );
    assert_nothing_lost(&text, &doc);
}

#[test]
fn single_newlines_and_whitespace_only_lines_separate_paragraphs() {
    let (text, doc) = layout("single_newline_breaks.txt");
    assert_eq!(
        doc.title,
        "Letter from Director Hanna Berg to the Ministry of Education on the Exchange of Teachers"
    );
    assert_eq!(doc.date.iso.as_deref(), Some("1960-06-05"));
    assert_eq!(
        doc.body,
        vec![
            "Dear Minister,",
            "The exchange of teachers agreed last year has begun well, and twelve teachers have arrived from Leipzig.",
            "They teach German in the schools of the northern districts and are housed in the town of Lulea.",
            "We ask that the programme be extended by a second year.",
            "Yours sincerely,",
            "Hanna Berg",
        ]
    );
    assert!(
        doc.summary
            .as_deref()
            .is_some_and(|s| s.starts_with("The director of the teachers college"))
    );
    assert_eq!(
        doc.source.as_deref(),
        Some(
            "Riksarkivet, Ministry of Education files 1960. Obtained for the dossier test collection."
        )
    );
    assert_nothing_lost(&text, &doc);
}

#[test]
fn a_hard_wrapped_body_is_joined_although_the_trailer_lines_are_long() {
    let (text, doc) = layout("hard_wrapped_long_trailer.txt");
    assert_eq!(doc.body.len(), 6, "{:#?}", doc.body);
    assert_eq!(
        doc.body[1],
        "The number of refugees from the eastern provinces who have reached the city since the autumn is now estimated at forty thousand, and the municipal authorities say they can house no more of them this winter."
    );
    assert_eq!(&doc.body[4..], ["Yours faithfully,", "Erik Dahl"]);
    assert!(
        doc.summary
            .as_deref()
            .is_some_and(|s| s.ends_with("asks for help from the Red Cross."))
    );
    assert!(doc.rights.is_some());
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
    assert_nothing_lost(&text, &doc);
}

#[test]
fn a_frus_web_page_gives_number_title_file_place_date_and_source() {
    let (text, doc) = layout("frus_web_memcon.txt");
    assert_eq!(doc.title, "Memorandum of Conversation");
    assert_eq!(doc.kind.as_deref(), Some("Memorandum of Conversation"));
    assert_eq!(doc.date.text.as_deref(), Some("March 12, 1957"));
    assert_eq!(doc.date.iso.as_deref(), Some("1957-03-12"));
    assert_eq!(
        fields(&doc),
        vec![
            ("Document", "112"),
            ("File", "611.61/3–1257"),
            ("Place", "Washington"),
            ("SUBJECT", "Exchange of Agricultural Delegations"),
            (
                "PARTICIPANTS",
                "The Secretary of State; Ambassador Georgi Zarubin; Mr. Alexander Akalovsky, interpreter"
            ),
        ]
    );
    assert_eq!(doc.body.len(), 2, "{:#?}", doc.body);
    assert_eq!(
        doc.source.as_deref(),
        Some(
            "Department of State, Central Files, 611.61/3–1257. Confidential. Drafted by Akalovsky."
        )
    );
    assert_eq!(doc.problems, vec!["no summary"]);
    assert_nothing_lost(&text, &doc);
}

#[test]
fn a_title_that_looks_like_page_chrome_is_reported() {
    let page = "March 3, 1960\n\nSearch results\n\nFrom: Embassy\n\n1. The talks went well.";
    let doc = parse_document(page, "c", "c.txt");
    assert_eq!(doc.title, "Search results");
    assert!(
        doc.problems
            .iter()
            .any(|p| p == "title looks like page chrome"),
        "{:?}",
        doc.problems
    );
    let seedlike = "March 3, 1960\n\nCable from the Embassy in Rome to the Ministry\n\n1. The talks went well.";
    let doc = parse_document(seedlike, "c", "c.txt");
    assert!(!doc.problems.iter().any(|p| p.contains("chrome")));
    assert_eq!(doc.record_fields, Vec::<Field>::new());
}

#[test]
fn dossier_check_reports_the_doubtful_parses_of_each_file() {
    let output = assert_cmd::Command::cargo_bin("dossier")
        .expect("binary")
        .env(
            "XDG_CACHE_HOME",
            tempfile::tempdir().expect("temp dir").path(),
        )
        .arg("check")
        .arg(fixture("layouts"))
        .output()
        .expect("run dossier");
    assert_eq!(output.status.code(), Some(0));
    let report = String::from_utf8_lossy(&output.stdout);
    for (file, problem) in [
        ("summary_first.txt", "summary found above the date"),
        (
            "older_design_no_title.txt",
            "date found only in the citation block",
        ),
        (
            "older_design_no_title.txt",
            "title taken from the citation string",
        ),
        (
            "older_design_caps_title.txt",
            "title taken from the citation string",
        ),
    ] {
        assert!(
            report
                .lines()
                .any(|l| l.contains(file) && l.ends_with(problem)),
            "{file}: {problem} not reported:\n{report}"
        );
    }
    assert!(
        report
            .lines()
            .any(|l| l.contains("page_tail_catalogue.txt") && l.ends_with(": ok")),
        "{report}"
    );
}

#[test]
fn the_paragraph_before_the_catalogue_headings_is_the_summary_whatever_it_reads_like() {
    let (text, _) = layout("page_tail_catalogue.txt");
    let first_person = text.replace(
        "The Swedish ambassador in Warsaw reports on Polish proposals",
        "We report on Polish proposals",
    );
    let doc = parse_document(&first_person, "t", "t.txt");
    assert!(
        doc.summary
            .as_deref()
            .is_some_and(|s| s.starts_with("We report on Polish proposals")),
        "{:?}",
        doc.summary
    );
    assert_eq!(labels(&doc), vec!["1.", "2."]);
    assert_eq!(doc.sections[1].paragraphs.len(), 1);
}

#[test]
fn the_citation_block_summary_repeated_under_the_body_is_not_body_text() {
    let (text, _) = layout("older_design_no_title.txt");
    let summary =
        "A Hungarian diplomat reports on the harvest and on grain deliveries to the state.";
    let repeated = text.replace(
        "\nDocument Information",
        &format!("\n{summary}\n\nDocument Information"),
    );
    let doc = parse_document(&repeated, "t", "t.txt");
    assert_eq!(doc.summary.as_deref(), Some(summary));
    assert_eq!(doc.body.len(), 2, "{:#?}", doc.body);
    assert!(doc.notes.is_empty(), "{:?}", doc.notes);
    assert_nothing_lost(&repeated, &doc);
}
