//! Property-based fuzzing of the parser and the query language: arbitrary and archive-shaped
//! input never panics, nesting stays bounded, exports read back, matching and highlighting
//! stay in range. CI runs a modest number of cases; `PROPTEST_CASES=200000 cargo test --release
//! --test fuzz` runs a real budget.

use dossier::model::{Document, Section};
use dossier::parse::parse_document;
use dossier::parse::sections::MAX_DEPTH;
use dossier::query::fold::Haystack;
use dossier::query::{Matcher, parse_query};
use proptest::prelude::*;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(400);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Pieces that exercise every rule of the parser, and some that attack it.
const PIECES: &[&str] = &[
    "1.",
    "(1)",
    "1)",
    "(a)",
    "a)",
    "a.",
    "A.",
    "I.",
    "II.",
    "(i)",
    "(iv)",
    "(v)",
    "i.",
    "C.",
    "1.1",
    "1.2.3.",
    "§ 1",
    "§",
    "- ",
    "• ",
    "* ",
    "(end)",
    "Document Information",
    "Number R037701",
    "Number 1342 Top Secret Top Urgent",
    "To: X From: Y",
    "From:",
    "Subject: Test",
    "Date: 12 марта 1963",
    "KHRUSHCHEV:",
    "Zhou Enlai: Yes.",
    "March 25, 1984",
    "c. 1962",
    "October 3-4, 1962",
    "June 1950",
    "1956",
    "Skip to content",
    "Download PDF",
    "Record ID",
    "Original Uploaded Date",
    "MacArthur Foundation",
    "The History and Public Policy Program welcomes reuse",
    "This document was made possible with support from X",
    "Громыко",
    "周恩来",
    "박성호",
    "\u{1b}[2J",
    "\u{9b}",
    "\u{202e}",
    "\u{feff}",
    "\u{a0}",
    "\t",
    "\r\n",
    "\r",
    "\n",
    "\n\n",
    " ",
    ":",
    "(",
    ")",
    ".",
    "[sic]",
    "…",
    "—",
    // The layouts seen on real pages (format notes).
    "Search in",
    "Digital Archive International History Declassified",
    "• Citation",
    "get citation",
    "\"Telegram from A to B,\" August 07, 1958, History and Public Policy Program Digital Archive, box 3.",
    "• share document",
    "English HTML",
    "Foreign Ministry Document",
    "112. Memorandum of Conversation2",
    "611.61/3–1257",
    "Washington, March 12,",
    "1957.",
    "SUBJECT",
    "PARTICIPANTS:",
    "Date and Time:",
    "Our side: X",
    "Made in 4 copies for:",
    "[Stamp: ",
    "]",
    "Copy Nº 3",
    "From Belgrade.",
    "Ciphered Telegram.",
    "I. V. Stalin",
    "13.9. 13:15",
    "24.III.50",
    "P O P O V",
    "TODOR ZHIVKOV:",
    "Premier Wang Ming (hereafter Wang):",
    "Associated Places",
    "Author(s):",
    "Source",
    "Rights",
    "2 Source: ",
    "You are here",
    "Home › Documents › ",
    "1.1.",
    "as follows:",
    "\u{a0}\n",
];

fn archive_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_string),
        2 => "[a-zA-Z ]{1,30}",
        1 => "\\PC{0,20}",
        1 => any::<String>(),
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|pieces| pieces.concat())
}

fn depth(sections: &[Section]) -> usize {
    let mut deepest = 0;
    let mut stack: Vec<(&Section, usize)> = sections.iter().map(|s| (s, 1)).collect();
    while let Some((s, d)) = stack.pop() {
        deepest = deepest.max(d);
        stack.extend(s.children.iter().map(|c| (c, d + 1)));
    }
    deepest
}

fn check_document(text: &str) {
    let doc = parse_document(text, "fuzz", "fuzz.txt");
    assert!(depth(&doc.sections) <= MAX_DEPTH);
    let json = serde_json::to_string(&doc).expect("serializes");
    let back: Document = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, doc);
    let all = json.to_string();
    assert!(
        !all.contains('\u{1b}') && !all.contains('\u{9b}') && !all.contains('\u{202e}'),
        "uncleaned control in {all}"
    );
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn parser_survives_arbitrary_text(text in any::<String>()) {
        check_document(&text);
    }

    #[test]
    fn parser_survives_archive_shaped_text(text in archive_like()) {
        check_document(&text);
    }

    #[test]
    fn queries_parse_match_and_highlight_in_range(query in archive_like(), text in archive_like()) {
        let query = parse_query(&query);
        let doc = parse_document(&text, "fuzz", "fuzz.txt");
        let hay = Haystack::new(text.clone());
        let matcher = Matcher::default();
        let _ = matcher.score(&query, &[&hay], &doc);
        let chars = text.chars().count();
        for position in matcher.highlight(&query, &text) {
            prop_assert!(position < chars);
        }
    }
}

#[test]
fn regression_inputs_found_by_fuzzing() {
    // Each input that once broke an invariant stays here.
    for text in [
        "(i)\n\n(i)",
        "1.\u{0}",
        "§ 1\r\r1.1 x",
        "\u{feff}\u{feff}1. a",
        "(end)\n\nDocument Information\n\nDocument Information",
    ] {
        check_document(text);
    }
}
