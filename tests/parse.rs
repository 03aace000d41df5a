//! The archive page format through the public API: the seed page's exact structure, then one
//! test per variation of the format family, each on a fixture in `tests/fixtures/`.

mod common;

use std::borrow::Cow;

use common::{fixture, read, sample, shape, text_files};
use dossier::corpus;
use dossier::model::heading_of;
use dossier::model::{Document, Field, Heading, Section};
use dossier::parse::parse_document;

const SEED: &str = "000_7f35e2ff8d3d54b0.txt";

fn parse_fixture(name: &str) -> Document {
    let path = fixture(name);
    parse_document(&read(&path), name, &path.display().to_string())
}

fn fields(doc: &Document) -> Vec<(&str, &str)> {
    doc.fields
        .iter()
        .map(|f| (&*f.name, f.value.as_str()))
        .collect()
}

fn section<'a>(doc: &'a Document, id: &str) -> &'a Section {
    doc.section(id)
        .unwrap_or_else(|| panic!("no section {id} in {}", shape(&doc.sections)))
}

fn labels(doc: &Document) -> Vec<&str> {
    doc.flat_sections()
        .into_iter()
        .map(|(_, s)| s.label.as_str())
        .collect()
}

/// Every string of the document, for checks that apply to all of them.
fn all_text(doc: &Document) -> Vec<Cow<'_, str>> {
    let mut texts = vec![doc.title.as_str()];
    texts.extend(doc.date.text.as_deref());
    texts.extend(
        doc.fields
            .iter()
            .chain(&doc.record_fields)
            .flat_map(|f| [&*f.name, f.value.as_str()]),
    );
    texts.extend(
        [
            doc.subject.as_deref(),
            doc.summary.as_deref(),
            doc.source.as_deref(),
            doc.rights.as_deref(),
            doc.funders.as_deref(),
            doc.support.as_deref(),
        ]
        .into_iter()
        .flatten(),
    );
    texts.extend(doc.references.iter().map(String::as_str));
    texts.extend(doc.body.iter().map(String::as_str));
    texts.extend(doc.notes.iter().map(String::as_str));
    let mut texts: Vec<Cow<str>> = texts.into_iter().map(Cow::Borrowed).collect();
    for (_, s) in doc.flat_sections() {
        texts.push(Cow::Borrowed(&s.label));
        texts.push(s.heading());
        texts.extend(s.paragraphs.iter().map(|p| Cow::Borrowed(p.as_str())));
    }
    texts
}

const RIGHTS_REUSE: &str = "The History and Public Policy Program welcomes reuse of Digital Archive materials for research and educational purposes.";

// The seed page.

fn seed() -> Document {
    let path = sample().join(SEED);
    parse_document(&read(&path), "seed", "sample/000_7f35e2ff8d3d54b0.txt")
}

#[test]
fn seed_sections_nest_by_the_order_styles_appear() {
    assert_eq!(
        shape(&seed().sections),
        "1[1.1 1.2 1.3] 2[2.1[2.1.a 2.1.b] 2.2 2.3 2.4]"
    );
}

#[test]
fn seed_labels_are_kept_as_written() {
    assert_eq!(
        labels(&seed()),
        vec![
            "1.", "(1)", "(2)", "(3)", "2.", "(1)", "(a)", "(b)", "(2)", "(3)", "(4)"
        ]
    );
}

#[test]
fn seed_date_title_and_kind() {
    let doc = seed();
    assert_eq!(doc.date.text.as_deref(), Some("March 25, 1984"));
    assert_eq!(doc.date.iso.as_deref(), Some("1984-03-25"));
    assert_eq!(
        doc.title,
        "Cable from Ambassador Katori to the Foreign Minister, 'Prime Minster Visit to China (Foreign Ministers’ Discussion – Relations with the Soviet Union)'"
    );
    assert_eq!(doc.kind.as_deref(), Some("Cable"));
    assert_eq!(
        doc.support.as_deref(),
        Some("This document was made possible with support from MacArthur Foundation")
    );
}

#[test]
fn seed_fields_keep_their_order() {
    assert_eq!(
        fields(&seed()),
        vec![
            ("Number", "R037701"),
            ("Primary", "Asia and China"),
            ("Sent", "China 01:10 Year Month 25"),
            ("Received", "MOFA 02:28 1984 March 25"),
            ("To", "The Foreign Minister"),
            ("From", "Ambassador Katori"),
        ]
    );
}

#[test]
fn seed_subject_references_classification_and_precedence() {
    let doc = seed();
    assert_eq!(
        doc.subject.as_deref(),
        Some(
            "Prime Minster Visit to China (Foreign Ministers’ Discussion - Relations with the Soviet Union)"
        )
    );
    assert_eq!(
        doc.references,
        vec![
            "Number 1342 Top Secret Top Urgent Q36A",
            "Wire 1339 Separate Wire 3"
        ]
    );
    assert_eq!(doc.classification.as_deref(), Some("Top Secret"));
    assert_eq!(doc.precedence.as_deref(), Some("Top Urgent"));
}

#[test]
fn seed_summary_source_rights_record_fields_and_funders() {
    let doc = seed();
    assert_eq!(
        doc.summary.as_deref(),
        Some(
            "Foreign Ministers Wu Xueqian and Abe Shintaro exchange views on the Soviet Union and its policies toward China and Japan."
        )
    );
    assert_eq!(
        doc.source.as_deref(),
        Some(
            "2002-113, Act on Access to Information Held by Administrative Organs. Also available at the Diplomatic Archives of the Ministry of Foreign Affairs of Japan. Obtained for CWIHP by Yutaka Kanda and translated by Ryo C. Kato."
        )
    );
    let rights = doc.rights.as_deref().unwrap_or_default();
    let parts: Vec<&str> = rights.split("\n\n").collect();
    assert_eq!(parts.len(), 2, "{rights}");
    assert!(parts[0].starts_with(RIGHTS_REUSE), "{rights}");
    assert!(
        parts[0].ends_with("to reproduce their materials."),
        "{rights}"
    );
    assert_eq!(
        parts[1],
        "To enquire about this document's rights status or request permission for commercial use, please contact the History and Public Policy Program at [email protected]."
    );
    assert_eq!(
        doc.record_fields,
        vec![
            Field::new("Original Uploaded Date", ""),
            Field::new("Record ID", "")
        ]
    );
    assert_eq!(
        doc.funders.as_deref(),
        Some("MacArthur Foundation and Leon Levy Foundation")
    );
    assert!(doc.notes.is_empty(), "{:?}", doc.notes);
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
}

#[test]
fn seed_every_body_paragraph_is_present_in_order() {
    let text = read(&sample().join(SEED));
    let lines: Vec<String> = text
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let first = lines
        .iter()
        .position(|l| l.starts_with("1. Regarding"))
        .expect("first body line");
    let last = lines
        .iter()
        .position(|l| l.ends_with("(end)"))
        .expect("(end) line");
    let expected: Vec<&str> = lines[first..=last]
        .iter()
        .map(String::as_str)
        .filter(|l| !l.is_empty())
        .collect();
    let doc = seed();
    assert!(doc.body.is_empty(), "{:?}", doc.body);
    let actual: Vec<String> = doc
        .flat_sections()
        .into_iter()
        .map(|(_, s)| {
            assert_eq!(s.paragraphs.len(), 1, "{}: {:?}", s.id, s.paragraphs);
            format!("{} {}", s.label, s.paragraphs[0])
        })
        .collect();
    assert_eq!(actual, expected);
}

#[test]
fn seed_inline_enumeration_and_insertions_stay_in_the_text() {
    let doc = seed();
    let b = section(&doc, "2.1.b");
    assert!(b.children.is_empty());
    assert!(
        b.paragraphs[0].contains(
            "(i) mutual confidence building measures, (ii) it was proposed to draft a document"
        ),
        "{}",
        b.paragraphs[0]
    );
    assert!(b.paragraphs[0].contains("(Note: According to China’s request,"));
    assert!(section(&doc, "1.1").paragraphs[0].contains("Foreign Minister [Andrei] Gromyko"));
    assert!(section(&doc, "2.4").paragraphs[0].ends_with("foreign policy. (end)"));
    assert_eq!(
        section(&doc, "1").heading(),
        "Regarding Japan-Soviet Relations…"
    );
}

#[test]
fn parsed_headings_are_derived_from_the_first_paragraph_and_held_as_nothing() {
    let mut seen = 0;
    for path in text_files(&sample()) {
        let doc = parse_document(&read(&path), "d", "d.txt");
        for (_, s) in doc.flat_sections() {
            assert_eq!(s.heading, Heading::Derived, "{}", s.id);
            assert_eq!(s.heading(), heading_of(&s.paragraphs[0]), "{}", s.id);
            seen += 1;
        }
    }
    assert!(seen > 20, "{seen} sections");
}

#[test]
fn seed_loads_through_the_corpus_with_its_file_name_as_id() {
    let corpus = corpus::load(&[sample().join(SEED)]);
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    assert_eq!(corpus.documents.len(), 1);
    let doc = &corpus.documents[0];
    assert_eq!(doc.id, "000_7f35e2ff8d3d54b0");
    assert!(doc.path.ends_with("sample/000_7f35e2ff8d3d54b0.txt"));
    assert_eq!(
        shape(&doc.sections),
        "1[1.1 1.2 1.3] 2[2.1[2.1.a 2.1.b] 2.2 2.3 2.4]"
    );
}

#[test]
fn the_kind_is_the_first_kind_the_title_names() {
    let title = "Cable from Ambassador Katori to the Foreign Minister, 'Prime Minster Visit to China (Foreign Ministers’ Discussion – Relations with the Soviet Union)'";
    let other = "Cable from Ambassador Katori to the Foreign Minister, 'Minutes of the Foreign Ministers’ Discussion on the Memorandum of the Soviet Union'";
    let page = read(&sample().join(SEED)).replacen(title, other, 1);
    let doc = parse_document(&page, "seed", "seed.txt");
    assert_eq!(doc.title, other);
    assert_eq!(doc.kind.as_deref(), Some("Cable"));
    let memcon = parse_fixture("memcon_speaker_turns.txt");
    assert_eq!(memcon.kind.as_deref(), Some("Memorandum of Conversation"));
    let notes = read(&sample().join(SEED)).replacen(
        title,
        "Notes on a Conversation with the Foreign Minister",
        1,
    );
    let doc = parse_document(&notes, "seed", "seed.txt");
    assert_eq!(doc.kind.as_deref(), Some("Notes"));
}

#[test]
fn a_second_support_line_does_not_replace_the_first() {
    let first = "This document was made possible with support from MacArthur Foundation";
    let second = "This document was made possible with support from Leon Levy Foundation";
    let page = read(&sample().join(SEED)).replacen(first, &format!("{first}\n\n{second}"), 1);
    let doc = parse_document(&page, "seed", "seed.txt");
    assert_eq!(doc.support.as_deref(), Some(first));
    assert_eq!(doc.notes, vec![second]);
    assert_eq!(doc.fields, seed().fields);
    assert_eq!(doc.subject, seed().subject);
    assert_eq!(doc.references, seed().references);
    assert_eq!(doc.sections, seed().sections);
}

// Numbering styles and depths.

#[test]
fn dot_number_paren_number_paren_letter_nest_three_deep() {
    let doc = parse_fixture("telegram_numbered_parens.txt");
    assert_eq!(shape(&doc.sections), "1[1.1 1.2] 2[2.1[2.1.a 2.1.b] 2.2]");
    assert_eq!(
        labels(&doc),
        vec!["1.", "(1)", "(2)", "2.", "(1)", "(a)", "(b)", "(2)"]
    );
    assert!(doc.body.is_empty());
}

#[test]
fn inline_enumerations_inside_a_sentence_stay_text() {
    let doc = parse_fixture("telegram_numbered_parens.txt");
    let a = section(&doc, "2.1.a");
    assert!(a.children.is_empty());
    assert_eq!(
        a.paragraphs,
        vec![
            "He offered written receipts for any goods opened, and compensation for (i) the delay in port and (ii) damage to the cargo, if a claim is filed within thirty days."
        ]
    );
}

#[test]
fn bracketed_insertions_and_notes_belong_to_the_text() {
    let doc = parse_fixture("telegram_numbered_parens.txt");
    assert!(section(&doc, "1.1").paragraphs[0].contains("an interpreter [Señor Ruiz]. They"));
    assert!(section(&doc, "1.2").paragraphs[0].contains("nine hours [sic] and"));
    let b = &section(&doc, "2.1.b").paragraphs[0];
    assert!(
        b.contains("(Note: the Swedish and Norwegian ministers received the same answer.)"),
        "{b}"
    );
    assert!(b.contains("further […] until"), "{b}");
}

#[test]
fn end_marker_closes_the_body_and_the_summary_follows() {
    let doc = parse_fixture("telegram_numbered_parens.txt");
    assert_eq!(
        section(&doc, "2.2").paragraphs,
        vec![
            "I recommend that the owners be advised to file their claims through the Embassy. (end)"
        ]
    );
    assert_eq!(
        doc.summary.as_deref(),
        Some(
            "The Danish ambassador in Havana reports on the boarding of Danish ships at Mariel and on the Cuban offer to compensate the owners for delays and damage."
        )
    );
    assert!(doc.notes.is_empty(), "{:?}", doc.notes);
}

#[test]
fn telegram_references_carry_classification_and_precedence() {
    let doc = parse_fixture("telegram_numbered_parens.txt");
    assert_eq!(
        doc.subject.as_deref(),
        Some("Inspection of Danish Ships at Mariel")
    );
    assert_eq!(
        doc.references,
        vec![
            "Number 318 Secret Most Immediate",
            "Wire 309 Separate Wire 2"
        ]
    );
    assert_eq!(doc.classification.as_deref(), Some("Secret"));
    assert_eq!(doc.precedence.as_deref(), Some("Most Immediate"));
}

#[test]
fn a_day_range_reads_as_its_first_day() {
    let doc = parse_fixture("telegram_numbered_parens.txt");
    assert_eq!(doc.date.text.as_deref(), Some("October 3-4, 1962"));
    assert_eq!(doc.date.iso.as_deref(), Some("1962-10-03"));
}

#[test]
fn roman_letter_number_half_paren_letter_nest_four_deep() {
    let doc = parse_fixture("report_roman_alpha.txt");
    assert_eq!(
        shape(&doc.sections),
        "I[I.A[I.A.1[I.A.1.a I.A.1.b] I.A.2] I.B[I.B.1]] II[II.A II.B]"
    );
    assert_eq!(
        section(&doc, "I").paragraphs,
        vec!["The state of deliveries"]
    );
    assert_eq!(section(&doc, "I.A.1.b").label, "b)");
    assert_eq!(
        section(&doc, "II.B").paragraphs,
        vec![
            "The question of the damaged engines should be settled by arbitration under article 9 of the Protocol."
        ]
    );
}

#[test]
fn a_month_and_year_reads_as_a_month() {
    let doc = parse_fixture("report_roman_alpha.txt");
    assert_eq!(doc.date.text.as_deref(), Some("June 1950"));
    assert_eq!(doc.date.iso.as_deref(), Some("1950-06"));
}

#[test]
fn a_classification_field_sets_the_classification() {
    let doc = parse_fixture("report_roman_alpha.txt");
    assert_eq!(
        fields(&doc),
        vec![
            ("Classification", "Confidential"),
            (
                "Subject",
                "Deliveries of Rolling Stock under the 1949 Protocol"
            ),
            ("Ref", "Protocol of 14 October 1949; Section Note RS/22"),
        ]
    );
    assert_eq!(doc.classification.as_deref(), Some("Confidential"));
    assert_eq!(doc.support, None);
    assert!(doc.record_fields.is_empty());
}

#[test]
fn half_paren_numbers_nest_half_paren_letters() {
    let doc = parse_fixture("cable_half_parens.txt");
    assert_eq!(shape(&doc.sections), "1[1.a 1.b] 2 3");
    assert_eq!(labels(&doc), vec!["1)", "a)", "b)", "2)", "3)"]);
    assert_eq!(doc.references, vec!["Number 59 Confidential Urgent"]);
    assert_eq!(doc.classification.as_deref(), Some("Confidential"));
    assert_eq!(doc.precedence.as_deref(), Some("Urgent"));
}

#[test]
fn a_bare_year_reads_as_a_year() {
    let doc = parse_fixture("cable_half_parens.txt");
    assert_eq!(doc.date.text.as_deref(), Some("1956"));
    assert_eq!(doc.date.iso.as_deref(), Some("1956"));
}

#[test]
fn a_page_without_rights_text_keeps_its_record_fields_and_funders() {
    let doc = parse_fixture("cable_half_parens.txt");
    assert_eq!(doc.rights, None);
    assert_eq!(
        doc.source.as_deref(),
        Some(
            "Foreign Office, Budapest legation files 1956, volume 4. Obtained for the dossier test collection."
        )
    );
    assert_eq!(doc.record_fields, vec![Field::new("Record ID", "")]);
    assert_eq!(
        doc.funders.as_deref(),
        Some("MacArthur Foundation and Leon Levy Foundation")
    );
}

#[test]
fn dotted_numbers_nest_under_their_parent() {
    let doc = parse_fixture("minutes_dotted.txt");
    assert_eq!(
        shape(&doc.sections),
        "1[1.1 1.2] 2[2.1[2.1.1 2.1.2] 2.2] 3[3.1]"
    );
    assert_eq!(section(&doc, "2").paragraphs, vec!["Catch quotas for cod"]);
    assert_eq!(section(&doc, "2.1.2").label, "2.1.2");
}

#[test]
fn circa_year_reads_as_the_year() {
    let doc = parse_fixture("minutes_dotted.txt");
    assert_eq!(doc.date.text.as_deref(), Some("c. 1962"));
    assert_eq!(doc.date.iso.as_deref(), Some("1962"));
}

#[test]
fn unknown_short_labels_before_the_body_are_fields() {
    let doc = parse_fixture("minutes_dotted.txt");
    assert_eq!(
        fields(&doc),
        vec![
            ("Place", "Gdynia"),
            ("Chair", "Mr. Jan Wolski"),
            (
                "Present",
                "Mr. Jan Wolski (Poland); Dr. Erik Sandell (Sweden); Mr. Kurt Reimann (German Democratic Republic)"
            ),
        ]
    );
}

#[test]
fn paragraph_signs_are_sections_with_nested_numbers() {
    let doc = parse_fixture("resolution_paragraph_sign.txt");
    assert_eq!(shape(&doc.sections), "§1 §2[§2.1 §2.2] §3");
    assert_eq!(labels(&doc), vec!["§ 1", "§ 2", "(1)", "(2)", "§ 3"]);
    assert_eq!(
        section(&doc, "§3").paragraphs,
        vec!["This resolution enters into force on the day of its publication."]
    );
}

#[test]
fn bullets_nest_under_numbered_paragraphs_and_are_counted() {
    let doc = parse_fixture("note_bullets.txt");
    let one = section(&doc, "1");
    assert_eq!(shape(&one.children), "1.1 1.2");
    assert_eq!(one.children[0].label, "•");
    assert_eq!(
        one.children[0].paragraphs,
        vec!["the balance be settled every quarter;"]
    );
    let two = section(&doc, "2");
    assert_eq!(two.paragraphs, vec!["Transport, where both sides agreed:"]);
    assert_eq!(shape(&two.children), "2.1 2.2");
    assert_eq!(two.children[0].label, "*");
    assert_eq!(
        two.children[1].paragraphs,
        vec!["to use the railway for all other goods."]
    );
}

#[test]
fn a_bullet_list_before_any_section_stays_in_the_leading_body() {
    let doc = parse_fixture("note_bullets.txt");
    assert_eq!(
        doc.body,
        vec![
            "The Embassy has agreed the following programme with the Federal Secretariat for Foreign Trade.",
            "- Monday: talks at the Secretariat on the list of goods for 1969.",
            "- Tuesday: visit to the machine works at Rakovica.",
            "- Wednesday: closing session and signature of the protocol.",
        ]
    );
    let top: Vec<(&str, &str)> = doc
        .sections
        .iter()
        .map(|s| (s.label.as_str(), s.id.as_str()))
        .collect();
    assert_eq!(top, vec![("1.", "1"), ("2.", "2")]);
    assert_eq!(
        doc.sections[0].paragraphs,
        vec!["Payments in clearing dollars, on which the Secretariat asked that:"]
    );
}

#[test]
fn an_unnumbered_letter_is_one_flat_run_of_paragraphs() {
    let doc = parse_fixture("letter_undated.txt");
    assert!(doc.sections.is_empty());
    assert_eq!(doc.body.len(), 7, "{:#?}", doc.body);
    assert_eq!(doc.body[0], "Dear Director Holm,");
    assert!(doc.body[3].starts_with("I would therefore ask whether the Council"));
    assert_eq!(
        &doc.body[4..],
        ["With respect and gratitude,", "Ingeborg Aasen", "Matron"]
    );
    assert_eq!(doc.subject, None);
    assert_eq!(
        fields(&doc),
        vec![
            ("From", "Ingeborg Aasen, Lillehammer"),
            (
                "To",
                "Director Sverre Holm, Norwegian Refugee Council, Oslo"
            ),
            ("Language", "Norwegian"),
        ]
    );
}

#[test]
fn a_page_without_a_date_has_none_and_says_so() {
    let doc = parse_fixture("letter_undated.txt");
    assert_eq!(doc.date.text, None);
    assert_eq!(doc.date.iso, None);
    assert_eq!(doc.problems, vec!["no date found"]);
    assert_eq!(
        doc.title,
        "Letter from Ingeborg Aasen to the Director of the Norwegian Refugee Council on the Children's Home at Lillehammer"
    );
    assert!(
        doc.summary
            .as_deref()
            .is_some_and(|s| s.starts_with("Ingeborg Aasen thanks"))
    );
    assert_eq!(
        doc.record_fields,
        vec![
            Field::new("Original Uploaded Date", ""),
            Field::new("Record ID", "")
        ]
    );
}

#[test]
fn a_page_without_summary_source_or_rights_keeps_every_paragraph_in_the_body() {
    let doc = parse_fixture("speech_no_trailer.txt");
    assert!(doc.fields.is_empty());
    assert!(doc.sections.is_empty());
    assert_eq!(
        doc.subject.as_deref(),
        Some("Excerpt from the Speech of Minister Aino Lehtonen")
    );
    assert_eq!(doc.body.len(), 4, "{:#?}", doc.body);
    assert!(doc.body[1].contains("“the road to the sea”"));
    assert!(doc.body[2].contains("I believe that it can — if we treat"));
    assert_eq!(
        doc.body[3],
        "Let us therefore begin with the locks, the depths and the tolls, and keep our speeches short."
    );
    for part in [
        doc.summary.as_deref(),
        doc.source.as_deref(),
        doc.rights.as_deref(),
        doc.funders.as_deref(),
    ] {
        assert_eq!(part, None);
    }
    assert!(doc.record_fields.is_empty() && doc.notes.is_empty());
    assert_eq!(
        doc.problems,
        vec!["no summary", "no Document Information (source) note"]
    );
}

// Memoranda of conversation.

#[test]
fn speaker_turns_in_both_styles_stay_in_the_body() {
    let doc = parse_fixture("memcon_speaker_turns.txt");
    assert_eq!(
        fields(&doc),
        vec![
            ("Date", "September 14, 1964"),
            ("Place", "Great Hall of the People, Beijing"),
            (
                "Participants",
                "Zhou Enlai, Premier of the State Council; Chen Yi, Foreign Minister; Tage Erlander, Prime Minister of Sweden; Ambassador Lennart Petri; interpreter Ji Chaozhu"
            ),
        ]
    );
    assert!(doc.sections.is_empty());
    let speakers: Vec<&str> = doc
        .body
        .iter()
        .map(|p| p.split(':').next().unwrap_or_default())
        .collect();
    assert_eq!(
        speakers,
        vec![
            "Zhou Enlai",
            "ERLANDER",
            "Chen Yi",
            "ERLANDER",
            "Zhou Enlai",
            "(After a short break)",
            "ERLANDER",
            "Zhou Enlai"
        ]
    );
    assert_eq!(
        doc.body[7],
        "Zhou Enlai: We thank you. Please convey our greetings to King Gustaf."
    );
    assert_eq!(doc.kind.as_deref(), Some("Memorandum of Conversation"));
}

#[test]
fn a_speaker_turn_right_after_the_title_starts_the_body() {
    let doc = parse_fixture("memcon_turn_after_title.txt");
    assert!(doc.fields.is_empty(), "{:?}", doc.fields);
    assert_eq!(
        doc.title,
        "Record of Conversation between Walter Ulbricht and Antonín Novotný at the Hunting Lodge Döllnsee"
    );
    assert_eq!(doc.body.len(), 6, "{:#?}", doc.body);
    assert_eq!(
        doc.body[0],
        "Ulbricht: Dear Comrade Novotný, welcome to Döllnsee [they shake hands]"
    );
    assert!(doc.body[5].starts_with("NOVOTNÝ: There is no question"));
    assert!(
        doc.summary
            .as_deref()
            .is_some_and(|s| s.starts_with("Walter Ulbricht and"))
    );
}

// Header fields.

#[test]
fn every_header_label_is_a_field_in_page_order() {
    let doc = parse_fixture("header_labels.txt");
    assert_eq!(
        fields(&doc),
        vec![
            ("Number", "2231"),
            ("From", "Political Department"),
            ("To", "The Minister"),
            ("Copy", "Secretary General; Press Office"),
            ("Subject", "Visit of the Italian Foreign Minister"),
            ("Ref", "Your minute of 3 May 1965"),
            ("Classification", "Confidential"),
            ("Language", "Italian and Danish"),
            ("Date", "May 12, 1965"),
            ("Place", "Copenhagen"),
            (
                "Participants",
                "Foreign Minister Amintore Fanfani; Foreign Minister Per Hækkerup; Ambassador Enrico Aillaud"
            ),
        ]
    );
    assert_eq!(doc.classification.as_deref(), Some("Confidential"));
    assert_eq!(shape(&doc.sections), "1 2");
}

#[test]
fn a_date_field_dates_a_page_without_a_date_line() {
    let doc = parse_fixture("header_labels.txt");
    assert_eq!(doc.date.text.as_deref(), Some("May 12, 1965"));
    assert_eq!(doc.date.iso.as_deref(), Some("1965-05-12"));
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
}

// Scripts and encodings.

#[test]
fn cyrillic_and_cjk_text_is_kept_verbatim() {
    let doc = parse_fixture("telegram_cyrillic_cjk.txt");
    assert_eq!(shape(&doc.sections), "1 2 3 4");
    assert_eq!(
        doc.subject.as_deref(),
        Some("Беседа с заместителем министра Цзи Пэнфэем (姬鹏飞)")
    );
    assert_eq!(
        fields(&doc)[2..],
        [
            ("From", "Пекин, Посольство СССР"),
            ("To", "МИД СССР, Дальневосточный отдел")
        ]
    );
    assert_eq!(
        doc.references,
        vec!["Шифротелеграмма № 5120 Секретно Срочно"]
    );
    assert_eq!(doc.classification.as_deref(), Some("Секретно"));
    assert_eq!(doc.precedence.as_deref(), Some("Срочно"));
    assert!(
        section(&doc, "2").paragraphs[0].contains("“中国政府对苏联政府撤回专家的决定深表遗憾。”")
    );
    assert!(
        section(&doc, "3").paragraphs[0]
            .contains("「ソ連専門家の引き揚げは中国経済に大きな影響を与える見込みである。」")
    );
    assert!(doc.title.ends_with("Ji Pengfei (姬鹏飞)'"));
}

#[test]
fn crlf_bom_tabs_nbsp_and_trailing_spaces_are_normalized() {
    let doc = parse_fixture("crlf_bom_noise.txt");
    for text in all_text(&doc) {
        assert!(
            !text.contains(['\r', '\t', '\u{feff}', '\u{a0}']) && text.trim() == text,
            "{text:?}"
        );
    }
    assert_eq!(doc.date.text.as_deref(), Some("February 25, 1948"));
    assert_eq!(doc.date.iso.as_deref(), Some("1948-02-25"));
    assert_eq!(
        fields(&doc),
        vec![
            ("From", "Legation, Warsaw"),
            ("To", "Royal Ministry of Foreign Affairs, Oslo"),
            ("Sent", "Warsaw 10.05 25 February 1948"),
        ]
    );
    assert_eq!(doc.references, vec!["No. 412 Secret Urgent"]);
    assert_eq!(doc.classification.as_deref(), Some("Secret"));
}

#[test]
fn hard_wrapped_lines_are_joined_with_a_space() {
    let doc = parse_fixture("crlf_bom_noise.txt");
    assert_eq!(
        doc.title,
        "Telegram from Minister Arne Fjeld in Warsaw to the Royal Ministry of Foreign Affairs, 'Coal Deliveries for the Spring Quarter'"
    );
    assert_eq!(
        section(&doc, "1").paragraphs,
        vec![
            "This morning I called on the Director of the Coal Export Office, Mr. Tadeusz Wrona, who confirmed that the deliveries agreed for the spring quarter would be loaded at Gdynia as planned, but only against payment in free currency for the part exceeding the clearing quota."
        ]
    );
    assert_eq!(
        doc.summary.as_deref(),
        Some(
            "The Norwegian minister in Warsaw reports on the Polish offer of coal deliveries beyond the clearing quota against payment in free currency."
        )
    );
    assert_eq!(
        doc.source.as_deref(),
        Some(
            "Royal Ministry of Foreign Affairs, Oslo, file 44.2/48. Obtained for the dossier test collection."
        )
    );
}

#[test]
fn a_wrapped_line_starting_with_an_initial_continues_the_paragraph() {
    let doc = parse_fixture("crlf_bom_noise.txt");
    let three = section(&doc, "3");
    assert!(three.children.is_empty(), "{:#?}", three.children);
    assert!(
        three.paragraphs[0].contains("to the Ministry and to A. Hansen of the Ministry"),
        "{:?}",
        three.paragraphs
    );
}

#[test]
fn a_label_starts_a_paragraph_without_a_blank_line() {
    let doc = parse_fixture("crlf_bom_noise.txt");
    assert_eq!(shape(&doc.sections), "1 2 3");
    assert_eq!(
        section(&doc, "2").paragraphs,
        vec![
            "The quota itself amounts to 120 000 tonnes. Wrona stated that a further 40 000 tonnes could be offered at a price of zł 12 per tonne above the clearing price, payable within thirty days of shipment."
        ]
    );
    assert_eq!(
        section(&doc, "3").paragraphs,
        vec![
            "I replied that I would report his proposal to the Ministry and to A. Hansen of the Ministry of Commerce, who would in all likelihood prefer a longer period of payment.",
            "The Legation recommends acceptance if the period can be extended."
        ]
    );
}

#[test]
fn a_page_without_blank_lines_parses_like_the_page_with_them() {
    let text = read(&sample().join(SEED));
    let without: String = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("{l}\n"))
        .collect();
    let doc = parse_document(&without, "seed", "sample/000_7f35e2ff8d3d54b0.txt");
    assert_eq!(doc, seed());
}

#[test]
fn a_paragraph_per_line_page_without_blank_lines_keeps_every_part_in_its_place() {
    let doc = parse_fixture("cable_no_blank_lines.txt");
    assert_eq!(
        doc.title,
        "Cable from Ambassador Jens Wiberg in Moscow to the Ministry of Foreign Affairs, 'Soviet Statement on the Events in Hungary'"
    );
    assert_eq!(doc.date.iso.as_deref(), Some("1956-11-02"));
    assert_eq!(
        doc.support.as_deref(),
        Some("This document was made possible with support from MacArthur Foundation")
    );
    assert_eq!(
        fields(&doc),
        vec![
            ("Number", "M-2290"),
            ("Primary", "Europe"),
            ("To", "Ministry of Foreign Affairs"),
            ("From", "Embassy, Moscow"),
        ]
    );
    assert_eq!(
        doc.subject.as_deref(),
        Some("Soviet Statement on the Events in Hungary - First Reactions in Moscow")
    );
    assert_eq!(
        doc.references,
        vec!["Number 611 Secret Urgent", "Wire 604 Separate Wire 1"]
    );
    assert_eq!(doc.classification.as_deref(), Some("Secret"));
    assert_eq!(doc.precedence.as_deref(), Some("Urgent"));
    assert_eq!(shape(&doc.sections), "1[1.1 1.2] 2[2.1[2.1.a 2.1.b]]");
    assert_eq!(
        section(&doc, "2").paragraphs,
        vec!["Today, however, the tone of the press has changed sharply."]
    );
    assert!(section(&doc, "2.1.b").paragraphs[0].ends_with("in the afternoon. (end)"));
    assert!(
        doc.summary
            .as_deref()
            .is_some_and(|s| s.starts_with("The Danish ambassador in Moscow reports"))
    );
    assert_eq!(
        doc.source.as_deref(),
        Some(
            "Rigsarkivet, Udenrigsministeriet, group 5.D.29, telegrams from Moscow 1956. Obtained and translated for the dossier test collection."
        )
    );
    assert_eq!(doc.rights.as_deref(), Some(RIGHTS_REUSE));
    assert_eq!(
        doc.record_fields,
        vec![
            Field::new("Original Uploaded Date", ""),
            Field::new("Record ID", "")
        ]
    );
    assert_eq!(
        doc.funders.as_deref(),
        Some("MacArthur Foundation and Leon Levy Foundation")
    );
    assert!(doc.notes.is_empty() && doc.body.is_empty());
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
}

// Chrome.

#[test]
fn extra_chrome_is_dropped_outside_the_body() {
    let doc = parse_fixture("extra_chrome.txt");
    for text in all_text(&doc) {
        assert!(
            !["Download PDF", "Share", "Print", "Citation"].contains(&text.as_ref()),
            "chrome kept: {text:?}"
        );
    }
    assert_eq!(doc.date.iso.as_deref(), Some("1971-03"));
    assert_eq!(
        doc.title,
        "Report of the Consulate in Hamburg on the Strike in the Shipyards"
    );
    assert_eq!(doc.subject.as_deref(), Some("Strike in the Shipyards"));
    assert_eq!(doc.body.len(), 2, "{:#?}", doc.body);
    assert!(doc.body[1].ends_with("A mediator from Bonn is expected on Thursday."));
    assert_eq!(
        doc.summary.as_deref(),
        Some(
            "The consulate in Hamburg reports on the shipyard strike and its consequences for two tankers ordered by Norwegian owners."
        )
    );
    assert_eq!(
        doc.source.as_deref(),
        Some(
            "Ministry of Foreign Affairs, consular reports from Hamburg 1971. Obtained for the dossier test collection."
        )
    );
    assert_eq!(doc.funders.as_deref(), Some("Leon Levy Foundation"));
    assert!(doc.notes.is_empty(), "{:?}", doc.notes);
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
}

// The corpus loader.

#[test]
fn the_sample_export_loads_as_one_document_named_by_its_file() {
    let corpus = corpus::load(&[sample().join("011_exported.json")]);
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    assert_eq!(corpus.documents.len(), 1);
    let doc = &corpus.documents[0];
    assert_eq!(doc.id, "011_exported");
    assert!(
        doc.path.ends_with("sample/011_exported.json"),
        "{}",
        doc.path
    );
    assert_eq!(doc.date.iso.as_deref(), Some("1968-05-14"));
    assert_eq!(doc.kind.as_deref(), Some("Minutes"));
    assert_eq!(doc.classification.as_deref(), Some("Strictly Confidential"));
    assert_eq!(shape(&doc.sections), "1[1.a 1.b 1.c] 2[2.a 2.b] 3[3.a 3.b]");
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
}

#[test]
fn the_sample_folder_loads_pages_and_the_export_in_file_order() {
    let corpus = corpus::load(&[sample()]);
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    let ids: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), 20);
    assert_eq!(ids[0], "000_7f35e2ff8d3d54b0");
    assert_eq!(ids[11], "011_exported");
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
}

#[test]
fn the_corpus_loads_every_fixture_with_its_file_stem_as_id() {
    // The page fixtures, top folder and `layouts/` (the TEI fixtures have tests of their own).
    let mut files = text_files(&fixture(""));
    files.extend(text_files(&fixture("layouts")));
    files.sort();
    let corpus = corpus::load(&files);
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    let ids: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    let expected: Vec<String> = files
        .iter()
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    assert_eq!(ids, expected);
    for doc in &corpus.documents {
        assert!(!doc.title.is_empty(), "{}", doc.id);
        assert!(
            !doc.problems.iter().any(|p| p == "no body text found"),
            "{}: {:?}",
            doc.id,
            doc.problems
        );
    }
}
