//! FRUS TEI volumes: each structure and pitfall of `shared/docs/frus-tei.md`, on fixtures in
//! FRUS markup with invented content (tests/fixtures/tei/), and the no-loss property: every
//! character of every `p`, `item`, `head`, `note` and `closer` of a document survives somewhere
//! in its export.

use std::path::{Path, PathBuf};

use dossier::corpus::{LoadOptions, load_file, load_with};
use dossier::model::{Document, Section};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tei")
        .join(name)
}

fn volume(name: &str) -> Vec<Document> {
    load_file(&fixture(name)).expect("volume loads")
}

fn modern() -> Vec<Document> {
    volume("frus1958-60v99.xml")
}

fn doc<'a>(docs: &'a [Document], id: &str) -> &'a Document {
    docs.iter()
        .find(|d| d.id == id)
        .unwrap_or_else(|| panic!("no document {id}"))
}

fn field_names(doc: &Document) -> Vec<&str> {
    doc.fields.iter().map(|f| &*f.name).collect()
}

fn section_ids(sections: &[Section]) -> Vec<String> {
    let mut out = Vec::new();
    for s in sections {
        out.push(s.id.clone());
        out.extend(section_ids(&s.children));
    }
    out
}

#[test]
fn one_document_per_document_div_in_volume_order_with_volume_ids() {
    let ids: Vec<String> = modern().into_iter().map(|d| d.id).collect();
    assert_eq!(
        ids,
        [
            "frus1958-60v99-d1",
            "frus1958-60v99-d2",
            "frus1958-60v99-d3",
            "frus1958-60v99-d4",
            "frus1958-60v99-d5"
        ]
    );
    // The 19th-century front holds a historical document of its own.
    let old: Vec<String> = volume("frus1893Ruritania.xml")
        .into_iter()
        .map(|d| d.id)
        .collect();
    assert_eq!(
        old,
        [
            "frus1893Ruritania-message",
            "frus1893Ruritania-d1",
            "frus1893Ruritania-d2"
        ]
    );
}

#[test]
fn titles_leave_out_the_notes_inside_heads() {
    let docs = modern();
    let d1 = doc(&docs, "frus1958-60v99-d1");
    assert_eq!(
        d1.title,
        "1. Memorandum of a Conversation, Department of State, Washington, March 14, 1958"
    );
    assert!(!d1.title.contains("Source"));
    let old = volume("frus1893Ruritania.xml");
    // `lb` is a space; the OCR misprint stays as printed.
    assert_eq!(
        doc(&old, "frus1893Ruritania-d1").title,
        "No. 1. Mr. Blackwood to Mr. Gresliam."
    );
}

#[test]
fn fields_come_in_the_fixed_order() {
    let docs = modern();
    let d1 = doc(&docs, "frus1958-60v99-d1");
    assert_eq!(
        field_names(d1),
        [
            "Place",
            "From",
            "Participants",
            "Subject",
            "Volume",
            "Chapter",
            "Document",
            "Page",
            "URL"
        ]
    );
    assert_eq!(d1.field("Place"), Some("Washington"));
    assert_eq!(d1.field("From"), Some("Department of State"));
    assert_eq!(
        d1.field("Participants"),
        Some("Under Secretary Kestrel; Foreign Minister Orsini")
    );
    assert_eq!(d1.field("Subject"), Some("Shoreline Survey"));
    assert_eq!(
        d1.field("Volume"),
        Some("Foreign Relations of the United States, 1958–1960, Volume XCIX, Lake Districts")
    );
    // The chapter head without its own footnote.
    assert_eq!(d1.field("Chapter"), Some("Water Rights Negotiations"));
    assert_eq!(d1.field("Document"), Some("1"));
    let d2 = doc(&docs, "frus1958-60v99-d2");
    assert_eq!(
        field_names(d2),
        [
            "Place", "From", "To", "Volume", "Chapter", "Document", "Page", "URL"
        ]
    );
    assert_eq!(d2.field("To"), Some("Department of State"));
    assert_eq!(d2.field("From"), Some("Embassy in Lacustria"));
}

#[test]
fn pages_are_the_printed_page_a_document_starts_on() {
    let docs = modern();
    let page = |id: &str| doc(&docs, id).field("Page").map(str::to_string);
    assert_eq!(page("frus1958-60v99-d1").as_deref(), Some("1"));
    // A page break inside document 1 moves document 2 to page 2.
    assert_eq!(page("frus1958-60v99-d2").as_deref(), Some("2"));
    // A break before the head inside the div is the document's own first page.
    assert_eq!(page("frus1958-60v99-d4").as_deref(), Some("5"));
    let old = volume("frus1893Ruritania.xml");
    assert_eq!(
        doc(&old, "frus1893Ruritania-message").field("Page"),
        Some("III")
    );
}

#[test]
fn dates_at_the_attributes_precision_never_shifted_by_time_zone() {
    let docs = modern();
    let date = |id: &str| doc(&docs, id).date.clone();
    let d1 = date("frus1958-60v99-d1");
    assert_eq!(d1.text.as_deref(), Some("March 14, 1958, 10 a.m."));
    assert_eq!(d1.iso.as_deref(), Some("1958-03-14"));
    // 0047Z on April 2 is April 1 in Washington: the printed day stays.
    let d2 = date("frus1958-60v99-d2");
    assert_eq!(d2.text.as_deref(), Some("April 2, 1958, 0047Z"));
    assert_eq!(d2.iso.as_deref(), Some("1958-04-02"));
    // Imprecise: a month range reads as the month.
    let d4 = date("frus1958-60v99-d4");
    assert_eq!(
        (d4.text.as_deref(), d4.iso.as_deref()),
        (Some("June 1958"), Some("1958-06"))
    );
    // Undated, inferred as a quarter: the year is what both ends share.
    let d5 = date("frus1958-60v99-d5");
    assert_eq!(
        (d5.text.as_deref(), d5.iso.as_deref()),
        (Some("undated"), Some("1958"))
    );
}

#[test]
fn editorial_notes_have_no_date_not_even_the_volume_range() {
    let docs = modern();
    let note = doc(&docs, "frus1958-60v99-d3");
    assert_eq!(note.date.text, None);
    assert_eq!(note.date.iso, None);
    assert_eq!(note.kind.as_deref(), Some("Editorial Note"));
    assert_eq!(note.source, None);
    assert_eq!(note.classification, None);
}

#[test]
fn kinds_from_the_head_wording_and_classification_from_the_source_note() {
    let docs = modern();
    let kinds: Vec<(Option<&str>, Option<&str>)> = docs
        .iter()
        .map(|d| (d.kind.as_deref(), d.classification.as_deref()))
        .collect();
    assert_eq!(
        kinds,
        [
            (Some("Memorandum of Conversation"), Some("Secret; Limdis")),
            (Some("Telegram"), Some("Confidential; Priority")),
            (Some("Editorial Note"), None),
            (Some("Letter"), Some("No classification marking")),
            (Some("Report"), Some("Top Secret")),
        ]
    );
    let d1 = doc(&docs, "frus1958-60v99-d1");
    assert_eq!(
        d1.source.as_deref(),
        Some(
            "Department of State, Central Files, 611.99/3–1458. Secret; Limdis. Drafted by Kestrel."
        )
    );
    let old = volume("frus1893Ruritania.xml");
    // The 19th-century telegram says so only in its opener.
    assert_eq!(
        doc(&old, "frus1893Ruritania-d2").kind.as_deref(),
        Some("Telegram")
    );
    assert_eq!(doc(&old, "frus1893Ruritania-d1").kind, None);
}

#[test]
fn the_source_field_drops_the_printed_source_word_once_and_the_note_keeps_it() {
    let docs = modern();
    let d1 = doc(&docs, "frus1958-60v99-d1");
    let source = d1.source.as_deref().expect("source");
    assert!(source.starts_with("Department of State"), "{source}");
    // The footnote is the text as printed (nothing lost), and the pane says `Source:` once.
    let note = d1
        .footnotes
        .iter()
        .find(|n| n.id.as_deref() == Some("d1fn2"));
    assert!(note.expect("note").text.starts_with("Source: Department"));
    let shown: String = dossier::tui::detail::layout_document(d1, 100)
        .lines
        .iter()
        .map(|l| format!("{}\n", l.text))
        .collect();
    assert_eq!(shown.matches("Source:").count(), 1, "{shown}");
    assert!(!shown.contains("Source: Source:"), "{shown}");
    let row = shown
        .lines()
        .find(|l| l.starts_with("Source:"))
        .expect("row");
    assert!(row.contains("Department of State"), "{row}");
}

#[test]
fn the_telegram_serial_number_is_not_a_section() {
    let docs = modern();
    let d2 = doc(&docs, "frus1958-60v99-d2");
    assert_eq!(d2.body, ["12. Subj: Shoreline survey. Ref: Deptel 88."]);
    assert_eq!(section_ids(&d2.sections), ["1", "2", "2.a", "2.b", "3"]);
    assert_eq!(d2.sections[1].paragraphs, ["Maps raise two questions:"]);
    // The signature is kept, after the last numbered paragraph.
    assert_eq!(
        d2.sections[2].paragraphs,
        ["Embassy recommends acceptance.", "Haverford"]
    );
}

#[test]
fn leading_numbers_and_lists_inside_paragraphs_make_the_section_tree() {
    let docs = modern();
    let d1 = doc(&docs, "frus1958-60v99-d1");
    assert_eq!(
        d1.body,
        ["The Foreign Minister opened the talk by recalling the survey of 1956."]
    );
    assert_eq!(section_ids(&d1.sections), ["1", "1.a", "1.b", "2"]);
    assert_eq!(d1.sections[0].label, "1.");
    assert_eq!(
        d1.sections[0].paragraphs,
        ["The Survey: Orsini said the LDC had finished the western shore. He asked for:"]
    );
    // The page break inside "at the scale" is zero-width.
    assert_eq!(
        d1.sections[0].children[1].paragraphs,
        ["maps at the scale of the first series."]
    );
    // An initial is not a section label; `&amp;` is an ampersand.
    assert_eq!(
        d1.sections[1].paragraphs,
        [
            "Costs: The O&M costs would be shared.",
            "G. Warren Pell, who sat in, said nothing.",
            "Hugo A. Kestrel"
        ]
    );
    let d5 = doc(&docs, "frus1958-60v99-d5");
    assert_eq!(
        section_ids(&d5.sections),
        ["I", "II", "II.A", "II.B", "III"]
    );
}

#[test]
fn attachments_are_child_sections_with_their_own_numbering() {
    let docs = modern();
    let d4 = doc(&docs, "frus1958-60v99-d4");
    assert_eq!(
        d4.body,
        [
            "Dear Mr. Under Secretary:",
            "I enclose the note you asked for.",
            "Sincerely, Tullio Orsini"
        ]
    );
    let attachment = &d4.sections[0];
    assert_eq!(attachment.label, "Attachment");
    assert_eq!(
        attachment.paragraphs,
        ["Attachment", "Note on the Eastern Shore", "May 30, 1958"]
    );
    assert_eq!(
        section_ids(&d4.sections),
        ["Attachment", "Attachment.1", "Attachment.2"]
    );
    let old = volume("frus1893Ruritania.xml");
    let d1 = doc(&old, "frus1893Ruritania-d1");
    let inclosure = d1.sections.last().expect("inclosure");
    assert_eq!(inclosure.heading(), "[Inclosure in No. 1.]");
}

#[test]
fn footnotes_keep_their_mark_text_and_anchor() {
    let docs = modern();
    let d1 = doc(&docs, "frus1958-60v99-d1");
    let marks: Vec<&str> = d1.footnotes.iter().map(|n| n.n.as_str()).collect();
    // Numbering starts at 2: note 1 belongs to the chapter head.
    assert_eq!(marks, ["2", "3", "4"]);
    let source = &d1.footnotes[0];
    assert_eq!(source.id.as_deref(), Some("d1fn2"));
    let anchor = source.anchor.as_ref().expect("anchor");
    assert_eq!(
        (anchor.passage.as_str(), anchor.offset),
        ("title", d1.title.chars().count())
    );
    let in_body = d1.footnotes[1].anchor.as_ref().expect("anchor");
    assert_eq!((in_body.passage.as_str(), in_body.paragraph), ("body", 0));
    assert_eq!(in_body.offset, d1.body[0].chars().count());
    assert_eq!(d1.footnotes[1].text, "See Document 3.");
    // The note inside the signature is anchored where the signature is.
    let signed = d1.footnotes[2].anchor.as_ref().expect("anchor");
    assert_eq!((signed.passage.as_str(), signed.paragraph), ("2", 2));
    assert_eq!(signed.offset, "Hugo A. Kestrel".chars().count());
    let d3 = doc(&docs, "frus1958-60v99-d3");
    let mid = d3.footnotes[0].anchor.as_ref().expect("anchor");
    assert_eq!(
        &d3.body[0][..mid.offset],
        "On May 5, 1958, the Commission met in Lacus City."
    );
}

#[test]
fn notes_export_as_objects_and_read_back() {
    let docs = modern();
    let json = serde_json::to_value(&docs).expect("json");
    let note = &json[0]["notes"][1];
    assert_eq!(note["n"], "3");
    assert_eq!(note["text"], "See Document 3.");
    assert_eq!(note["anchor"]["passage"], "body");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("export.json");
    std::fs::write(&path, serde_json::to_string(&docs).expect("json")).expect("write");
    let back = load_file(&path).expect("read back");
    assert_eq!(back.len(), docs.len());
    for (a, b) in back.iter().zip(&docs) {
        assert_eq!(a.footnotes, b.footnotes);
        assert_eq!(a.glossary, b.glossary);
        assert_eq!(a.sections, b.sections);
    }
}

#[test]
fn glossary_lists_the_persons_and_terms_a_document_tags() {
    let docs = modern();
    let d1 = doc(&docs, "frus1958-60v99-d1");
    let names: Vec<(&str, &str)> = d1
        .glossary
        .iter()
        .map(|g| (g.id.as_str(), g.name.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("p_KHA1", "Kestrel, Hugo A."),
            ("t_LDC1", "LDC"),
            ("t_OM1", "O&M"),
            ("p_OTT1", "Orsini, Tullio")
        ]
    );
    assert_eq!(d1.glossary[0].kind, "person");
    assert_eq!(
        d1.glossary[0].description,
        "Under Secretary of State for Lakes"
    );
    assert_eq!(d1.glossary[2].description, "operations & maintenance");
    // A rank inside the bold part stays in the description.
    let all = volume("frus1958-60v99.xml");
    assert!(
        all.iter()
            .all(|d| d.glossary.iter().all(|g| g.id != "p_MVB1"))
    );
    // A document tagging nobody has no glossary; 19th-century volumes have none at all.
    assert!(doc(&docs, "frus1958-60v99-d3").glossary.is_empty());
    assert!(
        volume("frus1893Ruritania.xml")
            .iter()
            .all(|d| d.glossary.is_empty())
    );
}

#[test]
fn nineteenth_century_datelines_places_and_openers() {
    let old = volume("frus1893Ruritania.xml");
    let d1 = doc(&old, "frus1893Ruritania-d1");
    assert_eq!(
        d1.field("Place"),
        Some("Legation of the United States, Strelsau")
    );
    assert_eq!(d1.date.iso.as_deref(), Some("1893-02-11"));
    assert_eq!(d1.field("From"), Some("Blackwood"));
    assert_eq!(d1.field("To"), Some("Gresliam"));
    // What the dateline says beyond place and date is kept as text.
    assert!(d1.body[0].ends_with("(Received March 5.)"), "{:?}", d1.body);
    assert!(d1.body[1].contains("Blueflelds road is open again & the tolls"));
    let labels: Vec<&str> = d1.sections.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["Art. 1.", "Art. 2.", "Attachment"]);
    // A message dated in its closer.
    let message = doc(&old, "frus1893Ruritania-message");
    assert_eq!(message.date.iso.as_deref(), Some("1893-12-04"));
    assert_eq!(message.field("Place"), Some("Executive Mansion"));
    assert!(
        message
            .body
            .last()
            .expect("closer")
            .ends_with("G. Hartwell.")
    );
}

#[test]
fn citation_facts_and_the_stable_address() {
    let docs = modern();
    let d4 = doc(&docs, "frus1958-60v99-d4");
    assert_eq!(
        d4.field("URL"),
        Some("https://history.state.gov/historicaldocuments/frus1958-60v99/d4")
    );
    let record: Vec<(&str, &str)> = d4
        .record_fields
        .iter()
        .map(|f| (&*f.name, f.value.as_str()))
        .collect();
    assert_eq!(
        record,
        [
            ("Editor", "Ada Quillfeather and Tomas Reed"),
            ("Published", "Washington: Government Printing Office, 1991")
        ]
    );
    assert_eq!(
        d4.rights.as_deref(),
        Some("This volume is in the public domain.")
    );
}

#[test]
fn xinclude_is_not_followed_but_noted() {
    let docs = modern();
    assert_eq!(
        docs[0].problems,
        ["the volume includes ../shared/frus-dates.xml by XInclude: not followed (ignored)"]
    );
    assert!(docs[1..].iter().all(|d| d.problems.is_empty()));
}

#[test]
fn malformed_xml_is_a_problem_of_that_file_with_line_and_column_and_the_rest_loads() {
    let (corpus, _) = load_with(&[fixture("")], &LoadOptions::uncached());
    let problem = |name: &str| {
        corpus
            .problems
            .iter()
            .find(|p| p.path.ends_with(name))
            .map(|p| p.message.clone())
            .unwrap_or_else(|| panic!("no problem for {name}"))
    };
    assert_eq!(
        problem("malformed.xml"),
        "malformed XML at line 5, column 29: expected 'hi' tag, not 'p'"
    );
    assert!(problem("feed.xml").contains("root element is <rss>"));
    assert_eq!(corpus.documents.len(), 10);
}

#[test]
fn namespaces_are_matched_by_uri_not_prefix() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("frus-prefixed.xml");
    let text = r#"<t:TEI xmlns:t="http://www.tei-c.org/ns/1.0" xmlns:f="http://history.state.gov/frus/ns/1.0" xml:id="vX">
<t:text><t:body><t:div type="document" xml:id="d9" n="9"><t:head>9. Telegram From A to B</t:head>
<t:p>Serial 1.</t:p><f:attachment><t:p>Attached text.</t:p></f:attachment>
<other:div xmlns:other="urn:other" type="document"><other:p>not TEI</other:p></other:div>
</t:div></t:body></t:text></t:TEI>"#;
    std::fs::write(&path, text).expect("write");
    let docs = load_file(&path).expect("loads");
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].id, "vX-d9");
    assert_eq!(docs[0].sections[0].label, "Attachment");
    // A foreign element is still text, read as a paragraph (after the attachment, in it).
    assert_eq!(
        docs[0].sections[0].paragraphs,
        ["Attached text.", "not TEI"]
    );
}

#[test]
fn control_characters_in_a_volume_never_reach_the_model() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("v.xml");
    let text = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><div type=\"document\" xml:id=\"d1\">\
                <head>1. Head&#x9b;31m</head><p>Body &#x202e;reversed<note n=\"1\">note&#x85;x</note></p></div></body></text></TEI>";
    std::fs::write(&path, text).expect("write");
    let docs = load_file(&path).expect("loads");
    let json = serde_json::to_string(&docs).expect("json");
    for bad in ['\u{9b}', '\u{202e}', '\u{85}'] {
        assert!(!json.contains(bad), "{bad:?} in {json}");
    }
}

/// Every text node inside a `p`, `item`, `head`, `note` or `closer` of a document div, collapsed.
fn required_texts(xml: &str) -> Vec<(String, String)> {
    let tree = roxmltree::Document::parse(xml).expect("xml");
    let mut out = Vec::new();
    for div in tree.descendants().filter(|n| {
        n.tag_name().name() == "div" && matches!(n.attribute("type"), Some("document"))
            || n.attribute("subtype") == Some("historical-document")
    }) {
        let id = div
            .attribute(("http://www.w3.org/XML/1998/namespace", "id"))
            .unwrap_or_default()
            .to_string();
        for text in div.descendants().filter(|n| n.is_text()) {
            let in_required = text.ancestors().take_while(|a| *a != div).any(|a| {
                matches!(a.tag_name().name(), "p" | "item" | "head" | "note" | "closer")
                    // The heads of participants/subject lists become the field names.
                    && !(a.tag_name().name() == "head"
                        && a.parent().is_some_and(|l| {
                            matches!(l.attribute("type"), Some("participants" | "subject" | "to"))
                        }))
            });
            let words: Vec<&str> = text.text().unwrap_or_default().split_whitespace().collect();
            if in_required && !words.is_empty() {
                out.push((id.clone(), words.join(" ")));
            }
        }
    }
    out
}

/// Every string of a document's export, joined.
fn exported_text(doc: &Document) -> String {
    fn strings(value: &serde_json::Value, out: &mut String) {
        match value {
            serde_json::Value::String(s) => {
                out.push_str(s);
                out.push('\u{1}');
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, out)),
            _ => {}
        }
    }
    let mut out = String::new();
    strings(&serde_json::to_value(doc).expect("json"), &mut out);
    out
}

fn assert_no_loss(xml: &str, docs: &[Document]) {
    let required = required_texts(xml);
    assert!(!required.is_empty());
    for (div_id, text) in required {
        let doc = docs
            .iter()
            .find(|d| d.id.ends_with(&format!("-{div_id}")))
            .unwrap_or_else(|| panic!("no document for {div_id}"));
        let exported = exported_text(doc);
        // A number at the start of a paragraph becomes the section's label.
        let as_label = text
            .split_once(' ')
            .is_some_and(|(label, rest)| exported.contains(label) && exported.contains(rest));
        assert!(
            exported.contains(&text) || as_label,
            "{}: {text:?} is not in the export",
            doc.id
        );
    }
}

#[test]
fn no_loss_every_character_of_the_fixture_volumes_survives_in_the_export() {
    for name in [
        "frus1958-60v99.xml",
        "frus1893Ruritania.xml",
        "frus1964-68v97.xml",
    ] {
        let xml = std::fs::read_to_string(fixture(name)).expect("read");
        assert_no_loss(&xml, &volume(name));
    }
}

mod generated {
    //! The no-loss property over generated volumes: random nesting of the structures the
    //! notes list, random words.
    use super::*;
    use proptest::prelude::*;

    fn word() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-zA-Z]{1,9}",
            "[0-9]{1,3}\\.",
            "\\([a-d]\\)",
            Just("&amp;".to_string()),
            Just("Žižkov—“quoted”".to_string()),
        ]
    }

    fn words() -> impl Strategy<Value = String> {
        prop::collection::vec(word(), 1..8).prop_map(|w| w.join(" "))
    }

    fn inline() -> impl Strategy<Value = String> {
        let leaf = prop_oneof![
            words(),
            words().prop_map(|w| format!("<hi rend=\"italic\">{w}</hi>")),
            words().prop_map(|w| format!("<persName corresp=\"#p_X1\">{w}</persName>")),
            words().prop_map(|w| format!("{w}<note n=\"1\">{w} note</note>")),
            words().prop_map(|w| format!("{w}<lb/>")),
            words().prop_map(|w| format!("<pb n=\"7\"/>{w}")),
        ];
        prop::collection::vec(leaf, 1..4).prop_map(|parts| parts.join(" "))
    }

    fn block() -> impl Strategy<Value = String> {
        let leaf = prop_oneof![
            inline().prop_map(|t| format!("<p>{t}</p>")),
            inline().prop_map(|t| format!("<p rend=\"flushleft\">1. {t}</p>")),
            inline().prop_map(|t| format!("<closer><signed>{t}</signed></closer>")),
            (inline(), inline()).prop_map(|(a, b)| format!(
                "<list><label>1.</label><item>{a}</item><label>2.</label><item><p>{b}</p></item></list>"
            )),
            (inline(), inline()).prop_map(|(a, b)| format!(
                "<p>{a}<list><item>—{b}</item></list></p>"
            )),
        ];
        leaf.prop_recursive(2, 8, 3, |inner| {
            prop::collection::vec(inner, 1..3).prop_map(|blocks| {
                format!(
                    "<frus:attachment><head>Att</head>{}</frus:attachment>",
                    blocks.join("")
                )
            })
        })
    }

    fn document() -> impl Strategy<Value = String> {
        (inline(), prop::collection::vec(block(), 1..5), any::<bool>()).prop_map(
            |(head, blocks, telegram)| {
                let kind = if telegram { "Telegram From A to B " } else { "" };
                format!(
                    "<div type=\"document\" xml:id=\"dID\"><head>{kind}{head}<note type=\"source\">Source: X. Secret.</note></head>{}</div>",
                    blocks.join("\n")
                )
            },
        )
    }

    fn volume_text() -> impl Strategy<Value = String> {
        prop::collection::vec(document(), 1..4).prop_map(|docs| {
            let body: String = docs
                .iter()
                .enumerate()
                .map(|(i, d)| d.replace("dID", &format!("d{}", i + 1)))
                .collect();
            format!(
                "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xmlns:frus=\"http://history.state.gov/frus/ns/1.0\" xml:id=\"vgen\"><text><body><div type=\"chapter\"><head>Ch</head>{body}</div></body></text></TEI>"
            )
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn no_loss_in_generated_volumes(xml in volume_text()) {
            let dir = tempfile::tempdir().expect("dir");
            let path = dir.path().join("vgen.xml");
            std::fs::write(&path, &xml).expect("write");
            let docs = load_file(&path).expect("generated volume loads");
            assert_no_loss(&xml, &docs);
        }
    }
}

#[test]
fn frus_citation_as_the_office_of_the_historian_asks() {
    let docs = modern();
    let d4 = doc(&docs, "frus1958-60v99-d4");
    let cited = dossier::citation::cite(d4, dossier::citation::Style::ChicagoNotes, Some("2"));
    assert_eq!(
        cited.bibliography,
        "Foreign Relations of the United States, 1958–1960, vol. XCIX, Lake Districts, ed. Ada \
         Quillfeather and Tomas Reed (Washington: Government Printing Office, 1991), doc. 4. \
         https://history.state.gov/historicaldocuments/frus1958-60v99/d4"
    );
    // The pinpoint follows the document number.
    assert!(
        cited.citation.contains("doc. 4, para. 2."),
        "{}",
        cited.citation
    );
    // Archive pages keep their own citation.
    let page = dossier::parse::parse_document(
        "March 1, 1984\n\nCable from A to B\n\n1. Text.\n",
        "p",
        "p",
    );
    assert!(dossier::cite::frus_citation(&page, None).is_none());
}

#[test]
fn person_term_finds_the_documents_that_tag_them() {
    let out = assert_cmd::Command::cargo_bin("dossier")
        .expect("binary")
        .args(["search", "person:orsini"])
        .arg(fixture("frus1958-60v99.xml"))
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    // A hit is a line `doc  section  title`, then its snippet indented.
    let docs: std::collections::BTreeSet<&str> = text
        .lines()
        .filter(|l| !l.starts_with(char::is_whitespace))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    // d1 and d4 tag Orsini; d2 mentions nobody; "Orsini" as plain text would not count.
    assert_eq!(
        docs.into_iter().collect::<Vec<_>>(),
        ["frus1958-60v99-d1", "frus1958-60v99-d4"]
    );
    let none = assert_cmd::Command::cargo_bin("dossier")
        .expect("binary")
        .args(["search", "person:haverford"])
        .arg(fixture("frus1958-60v99.xml"))
        .output()
        .expect("runs");
    assert_eq!(none.status.code(), Some(1));
}

#[test]
fn the_detail_pane_shows_marks_where_notes_stood_and_the_notes_below() {
    let docs = modern();
    let laid = dossier::tui::detail::layout_document(doc(&docs, "frus1958-60v99-d3"), 100);
    let lines: Vec<&str> = laid.lines.iter().map(|l| l.text.as_str()).collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("On May 5, 1958, the Commission met in Lacus City.[1] The"))
        .unwrap_or_else(|| panic!("no mark in {lines:#?}"));
    assert!(
        lines[at + 1]
            .trim_start()
            .starts_with("[1] No record of the meeting"),
        "{lines:#?}"
    );
    // The model's text has no mark.
    assert!(!doc(&docs, "frus1958-60v99-d3").body[0].contains("[1]"));
}

#[test]
fn a_folder_of_volumes_caches_like_pages_one_file_many_documents() {
    let folder = tempfile::tempdir().expect("dir");
    let cache = tempfile::tempdir().expect("cache");
    for name in ["frus1958-60v99.xml", "frus1893Ruritania.xml"] {
        let path = folder.path().join(name);
        std::fs::copy(fixture(name), &path).expect("copy");
        // Older than the cache's two-second window for files still being written.
        let past = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
        std::fs::File::options()
            .write(true)
            .open(&path)
            .and_then(|f| f.set_modified(past))
            .expect("mtime");
    }
    let options = LoadOptions {
        cache_dir: Some(cache.path().to_path_buf()),
        cache_min_files: 1,
    };
    let paths = [folder.path().to_path_buf()];
    let (first, stats) = load_with(&paths, &options);
    assert_eq!(first.documents.len(), 8);
    assert!(stats.written && stats.misses == 2, "{stats:?}");
    let (again, stats) = load_with(&paths, &options);
    assert_eq!(stats.hits, 2, "{stats:?}");
    assert_eq!(again.documents, first.documents);
    // A changed volume is read again; the other still comes from the cache.
    let changed = folder.path().join("frus1893Ruritania.xml");
    let text = std::fs::read_to_string(&changed).expect("read");
    std::fs::write(
        &changed,
        text.replace("Report on the commission", "Report at once"),
    )
    .expect("write");
    let past = std::time::SystemTime::now() - std::time::Duration::from_secs(30);
    std::fs::File::options()
        .write(true)
        .open(&changed)
        .and_then(|f| f.set_modified(past))
        .expect("mtime");
    let (third, stats) = load_with(&paths, &options);
    assert_eq!((stats.hits, stats.misses), (1, 1), "{stats:?}");
    let d2 = doc(&third.documents, "frus1893Ruritania-d2");
    assert_eq!(
        d2.body.last().map(String::as_str),
        Some("Report at once by mail.")
    );
}
