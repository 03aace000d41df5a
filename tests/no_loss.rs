//! Nothing of a page's text is lost: every line that is not blank, page chrome or the
//! "Document Information" heading survives parsing with its words in a row, in generated
//! archive-like pages as in every page of `sample/` and `tests/fixtures/`.

mod common;

use std::path::PathBuf;

use common::{fixture, lost_lines, read, sample, text_files};
use dossier::parse::parse_document;
use proptest::prelude::*;
use proptest::sample::select;

/// Every file's lost lines, so that one failure shows them all.
fn assert_nothing_lost(paths: &[PathBuf]) {
    let losses: Vec<(String, Vec<String>)> = paths
        .iter()
        .map(|path| {
            let text = read(path);
            let doc = parse_document(&text, "doc", &path.display().to_string());
            (path.display().to_string(), lost_lines(&text, &doc))
        })
        .filter(|(_, lost)| !lost.is_empty())
        .collect();
    assert!(losses.is_empty(), "lines lost: {losses:#?}");
}

#[test]
fn no_sample_page_loses_text() {
    assert_nothing_lost(&text_files(&sample()));
}

#[test]
fn no_fixture_loses_text() {
    let files = text_files(&fixture(""));
    assert!(files.len() >= 15, "fixtures missing: {files:?}");
    assert_nothing_lost(&files);
}

// Generated pages: the parts of an archive page in their usual order (or shuffled), in random
// styles, scripts and whitespace noise.

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[a-z]{1,9}",
        3 => "[A-Z][a-z]{0,8}",
        1 => "[A-Z]{2,8}",
        1 => "[0-9]{1,4}",
        2 => "[а-яё]{1,8}",
        1 => "[А-Я][а-я]{1,7}",
        1 => "[\u{4e00}-\u{9fa5}]{1,4}",
        1 => "[\u{3041}-\u{3093}\u{30a1}-\u{30f3}]{1,4}",
        1 => "[\u{ac00}-\u{d7a3}]{1,3}",
        1 => "[a-z]{0,3}[äöüßéèçñčšžřőűāņ][a-z]{0,4}",
        1 => select(&[
            "[sic]", "[…]", "[Andrei]", "(Note: see above)", "“quoted”", "‘so-called’", "–", "—",
            "(i)", "(ii)", "U.S.", "Mr.", "No.", "1984", "01:10", "R037701", "(end)", "Share",
            "Secret", "Urgent", "Foundation", "Date:", "To:", "1.", "(a)", "§", "-", "•",
        ][..])
        .prop_map(str::to_string),
    ]
}

fn punctuated_word() -> impl Strategy<Value = String> {
    (
        word(),
        select(&["", "", "", "", ",", ".", ";", ":", "?", "!", ")"][..]),
    )
        .prop_map(|(w, p)| format!("{w}{p}"))
}

fn words(range: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec(punctuated_word(), range).prop_map(|w| w.join(" "))
}

fn sentence() -> impl Strategy<Value = String> {
    words(1..14).prop_map(|s| format!("{s}."))
}

fn roman(mut n: u32) -> String {
    let table = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
    let mut out = String::new();
    for (value, digits) in table {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

fn letter(n: u32) -> char {
    char::from(b'a' + ((n - 1) % 26) as u8)
}

/// A numbering label in one of the family's styles.
fn label() -> impl Strategy<Value = String> {
    (0..16usize, 1u32..12, 1u32..5).prop_map(|(style, n, m)| match style {
        0 => format!("{n}."),
        1 => format!("({n})"),
        2 => format!("{n})"),
        3 => format!("({})", letter(n)),
        4 => format!("{})", letter(n)),
        5 => format!("{}.", letter(n).to_ascii_uppercase()),
        6 => format!("{}.", roman(n)),
        7 => format!("({})", roman(n).to_lowercase()),
        8 => format!("{n}.{m}"),
        9 => format!("{n}.{m}.{m}"),
        10 => format!("§ {n}"),
        11 => "-".into(),
        12 => "•".into(),
        13 => "*".into(),
        14 => format!("{}.", letter(n)),
        _ => format!("({})", letter(n).to_ascii_uppercase()),
    })
}

fn speaker() -> impl Strategy<Value = String> {
    prop_oneof![
        select(
            &[
                "Zhou Enlai",
                "KHRUSHCHEV",
                "Mr. Rusk",
                "Deng Weiguo",
                "Громыко",
                "周恩来",
                "Date",
                "Secretary"
            ][..]
        )
        .prop_map(str::to_string),
        "[A-Z][a-z]{2,8}( [A-Z][a-z]{2,8})?",
        "[A-Z]{3,10}",
    ]
}

fn field() -> impl Strategy<Value = String> {
    let known = select(
        &[
            "From",
            "To",
            "Copy",
            "Subject",
            "Ref",
            "Classification",
            "Language",
            "Date",
            "Place",
            "Participants",
            "Primary",
            "Sent",
            "Received",
            "Кому",
        ][..],
    );
    prop_oneof![
        4 => (known.clone(), words(0..6)).prop_map(|(l, v)| format!("{l}: {v}")),
        1 => ("[A-Z][a-z]{2,9}( [A-Z][a-z]{2,9})?", words(1..5))
            .prop_map(|(l, v)| format!("{l}: {v}")),
        1 => (known.clone(), words(1..4), known, words(1..4))
            .prop_map(|(a, x, b, y)| format!("{a}: {x} {b}: {y}")),
        1 => "(Number|No\\.|Ref\\.) [A-Z]?[0-9]{2,6}",
    ]
}

fn date() -> impl Strategy<Value = String> {
    prop_oneof![
        select(
            &[
                "March 25, 1984",
                "c. 1962",
                "June 1950",
                "1956",
                "October 3-4, 1962",
                "12 марта 1963",
                "1984-03-25",
                "February 30, 1984",
            ][..]
        )
        .prop_map(str::to_string),
        (1u32..29, 1900u32..2000).prop_map(|(d, y)| format!("{d} May {y}")),
    ]
}

fn reference() -> impl Strategy<Value = String> {
    (
        select(&["Number", "Wire", "No.", "Шифротелеграмма №"][..]),
        0u32..9999,
        select(
            &[
                "",
                "Top Secret",
                "Secret",
                "Confidential",
                "Strictly Confidential",
            ][..],
        ),
        select(&["", "Top Urgent", "Urgent", "Immediate"][..]),
    )
        .prop_map(|(kind, n, class, prec)| format!("{kind} {n} {class} {prec}"))
}

/// One paragraph of the body.
fn body_paragraph() -> impl Strategy<Value = String> {
    prop_oneof![
        5 => (label(), prop::collection::vec(sentence(), 1..4))
            .prop_map(|(l, s)| format!("{l} {}", s.join(" "))),
        2 => (speaker(), prop::collection::vec(sentence(), 1..3))
            .prop_map(|(n, s)| format!("{n}: {}", s.join(" "))),
        1 => (speaker(), words(1..5)).prop_map(|(n, s)| format!("{n}: {s}")),
        3 => prop::collection::vec(sentence(), 1..4).prop_map(|s| s.join(" ")),
        1 => (words(2..6), words(1..4), words(1..4))
            .prop_map(|(a, b, c)| format!("{a} namely (i) {b}, or (ii) {c}.")),
        1 => (label(), sentence()).prop_map(|(l, s)| format!("{l} {s} (end)")),
        1 => field(),
        1 => words(1..4),
        1 => date(),
        1 => reference(),
        2 => layout_line(),
        1 => select(&[
            "Document Information",
            "Record ID",
            "Original Uploaded Date",
            "This document was made possible with support from Leon Levy Foundation",
            "The History and Public Policy Program welcomes reuse of Digital Archive materials.",
            "Leon Levy Foundation",
        ][..])
        .prop_map(str::to_string),
    ]
}

/// Lines of the real page layouts of the format notes, spoken anywhere in a body.
fn layout_line() -> impl Strategy<Value = String> {
    prop_oneof![
        select(
            &[
                "Premier Wang Ming (hereafter Wang): We thank you.",
                "TODOR ZHIVKOV:",
                "Premier: Our first question.",
                "Pak: Yes.",
                "When will the deliveries arrive?",
                "I. V. Stalin did not speak.",
                "A. A. Gromyko sat among the guests.",
                "13.9. 13:15 the delegations left.",
                "24.III.50",
                "P O P O V",
                "12.IV.51 Popov",
                "14.6. 11:40",
                "Nationality: Chilean",
                "Ciphered Telegram.",
                "Strictly secret.",
                "From Belgrade.",
                "To Molotov.",
                "Copy Nº 3",
                "Made in 4 copies for:",
                "- Comrade Novak",
                "[Stamp: Ministry of Foreign Affairs",
                "No. 0221/51]",
                "Date and Time:",
                "4 p.m., 2 May 1961",
                "Our side: Comrade Novak",
                "PARTICIPANTS:",
                "SUBJECT",
                "Associated Places",
                "Author(s):",
                "Source",
                "Rights",
                "Type",
                "English HTML",
                "• Citation",
                "get citation",
                "Foreign Ministry Document",
                "Washington, March 12,",
                "1957.",
                "611.61/3–1257",
                "112. Memorandum of Conversation2",
                "2 Source: Department of State, Central Files.",
                "You are here",
                "Home › Historical Documents › Document 112",
            ][..]
        )
        .prop_map(str::to_string),
        (1u32..9, words(1..6)).prop_map(|(n, w)| format!("{n}.{n}. {w}")),
        words(2..6).prop_map(|w| format!("4. {w} as follows:")),
        (words(1..4), date()).prop_map(|(w, d)| format!(
            "\"Telegram from {w},\" {d}, History and Public Policy Program Digital Archive, box 3."
        )),
    ]
}

/// The older design's front, the FRUS front or a header lead, before the header fields.
fn layout_front() -> impl Strategy<Value = Vec<String>> {
    prop_oneof![
        2 => Just(Vec::new()),
        1 => (words(3..9), prop::option::of(date()), words(2..6), prop::option::of(words(2..8)))
            .prop_map(|(summary, date, who, title)| {
                let mut lines = vec!["Search in".to_string(), "Digital Archive International History Declassified".into()];
                lines.extend(date.clone());
                lines.extend(["• Citation".to_string(), "get citation".into(), format!("{summary}.")]);
                lines.push(format!("\"Report from {who},\" {}, History and Public Policy Program Digital Archive, fond 1.", date.unwrap_or_default()));
                lines.extend(["• share document".to_string(), "English HTML".into(), "Russian PDF".into(), "Foreign Ministry Document".into()]);
                lines.extend(title.map(|t| t.to_uppercase()));
                lines
            }),
        1 => (1u32..999, words(1..6), 1u32..9).prop_map(|(n, title, mark)| vec![
            "You are here".to_string(),
            format!("Home › Historical Documents › Document {n}"),
            format!("{n}. Memorandum of Conversation {title}{mark}"),
            "611.61/3–1257".into(),
            "Washington, March 12,".into(),
            "1957.".into(),
            "SUBJECT".into(),
        ]),
        1 => (words(1..4), words(1..3)).prop_map(|(a, b)| vec![
            format!("Ministry of {a}"),
            format!("Outgoing telegram No. 412, {b}"),
            "Made in 4 copies for:".into(),
            format!("- Comrade {b}"),
            format!("[Stamp: {a}"),
            "No. 0221/51]".into(),
            "Date and Time:".into(),
            "4 p.m., 2 May 1961".into(),
            "Participants:".into(),
            format!("Our side: {a}"),
            format!("Their side: {b}"),
        ]),
    ]
}

/// The newer page tail: catalogue headings with their lists, sub-headings under
/// "Document Information", record fields with values on the next line.
fn layout_tail() -> impl Strategy<Value = Vec<String>> {
    prop_oneof![
        2 => Just(Vec::new()),
        1 => (words(1..3), words(1..3), words(3..9)).prop_map(|(person, place, source)| vec![
            "Author(s):".to_string(),
            "Associated People & Organizations".into(),
            person,
            "Associated Places".into(),
            place,
            "Subjects Discussed".into(),
            "Document Information".into(),
            "Source".into(),
            format!("{source}."),
            "Rights".into(),
            "Reuse is welcome.".into(),
            "Original Uploaded Date".into(),
            "2013-05-14".into(),
            "Type".into(),
            "Telegram".into(),
        ]),
        1 => words(3..9).prop_map(|w| vec![format!("2 Source: {w}.")]),
    ]
}

/// A page's paragraphs, in order.
fn page_paragraphs() -> impl Strategy<Value = Vec<String>> {
    let front = (
        prop::collection::vec(
            select(
                &[
                    "Skip to content",
                    "Download PDF",
                    "Share",
                    "Print",
                    "Citation",
                ][..],
            ),
            0..3,
        ),
        prop::option::of(date()),
        prop::option::of(words(2..16)),
        prop::collection::vec(words(1..4), 0..3),
        prop::collection::vec(field(), 0..7),
        prop::option::of(words(1..8)),
        prop::collection::vec(reference(), 0..3),
    );
    let trailer = (
        prop::option::of(words(6..20)),
        any::<bool>(),
        prop::option::of(sentence()),
        any::<bool>(),
        prop::collection::vec(
            (
                select(&["Original Uploaded Date", "Record ID", "Original Language"][..]),
                prop::option::of(words(1..3)),
            ),
            0..3,
        ),
        prop::option::of(select(
            &[
                "MacArthur Foundation and Leon Levy Foundation",
                "Leon Levy Foundation",
            ][..],
        )),
    );
    (
        front,
        prop::collection::vec(body_paragraph(), 0..14),
        trailer,
        (layout_front(), layout_tail(), any::<bool>()),
    )
        .prop_flat_map(|(front, body, trailer, (lead, tail, shuffle))| {
            let (chrome, date, title, support, fields, subject, refs) = front;
            let (summary, info, source, rights, records, funders) = trailer;
            let mut paras: Vec<String> = chrome.into_iter().map(str::to_string).collect();
            paras.extend(date);
            paras.extend(title);
            paras.extend(lead);
            paras.extend(support.into_iter().map(|s| {
                format!("This document was made possible with support from {s}")
            }));
            paras.extend(fields);
            paras.extend(subject);
            paras.extend(refs);
            paras.extend(body);
            paras.extend(summary);
            paras.extend(tail);
            if info {
                paras.push("Document Information".into());
            }
            paras.extend(source);
            if rights {
                paras.push("The History and Public Policy Program welcomes reuse of Digital Archive materials for research and educational purposes.".into());
                paras.push("To enquire about this document's rights status, please contact the History and Public Policy Program at [email protected].".into());
            }
            for (name, value) in records {
                paras.push(name.to_string());
                paras.extend(value);
            }
            paras.extend(funders.map(str::to_string));
            let paras = Just(paras);
            if shuffle {
                paras.prop_shuffle().boxed()
            } else {
                paras.boxed()
            }
        })
}

/// How a paragraph is written out: hard-wrapped or not, and the blank lines after it.
#[derive(Debug, Clone)]
struct Layout {
    wrap_at: Option<usize>,
    blank_lines: usize,
    indent: &'static str,
    trailing: &'static str,
    nbsp_or_tab: bool,
}

fn layout() -> impl Strategy<Value = Layout> {
    (
        prop::option::of(30usize..90),
        prop_oneof![1 => Just(0usize), 4 => Just(1usize), 2 => Just(2usize), 1 => Just(3usize)],
        select(&["", "", "", "  ", "\t"][..]),
        select(&["", "", "", " ", "   ", "\t"][..]),
        prop::bool::weighted(0.2),
    )
        .prop_map(
            |(wrap_at, blank_lines, indent, trailing, nbsp_or_tab)| Layout {
                wrap_at,
                blank_lines,
                indent,
                trailing,
                nbsp_or_tab,
            },
        )
}

/// Breaks a paragraph into lines of at most `width` characters at spaces.
fn hard_wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
}

fn render(paras: &[String], layouts: &[Layout], crlf: bool, bom: bool) -> String {
    let newline = if crlf { "\r\n" } else { "\n" };
    let mut page = String::new();
    if bom {
        page.push('\u{feff}');
    }
    for (i, para) in paras.iter().enumerate() {
        let layout = &layouts[i % layouts.len()];
        let lines = match layout.wrap_at {
            Some(width) => hard_wrap(para, width),
            None => vec![para.clone()],
        };
        for line in lines {
            let line = if layout.nbsp_or_tab {
                line.replacen(' ', "\u{a0}", 1).replacen(' ', "\t", 1)
            } else {
                line
            };
            page.push_str(layout.indent);
            page.push_str(&line);
            page.push_str(layout.trailing);
            page.push_str(newline);
        }
        for _ in 0..layout.blank_lines {
            page.push_str(newline);
        }
    }
    page
}

fn archive_page() -> impl Strategy<Value = String> {
    (
        page_paragraphs(),
        prop::collection::vec(layout(), 1..8),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(paras, layouts, crlf, bom)| render(&paras, &layouts, crlf, bom))
}

proptest! {
    // Failures found here become named regression tests in tests/parse.rs rather than seeds.
    #![proptest_config(ProptestConfig {
        // A long run outside CI: `PROPTEST_CASES=1000000 cargo test --release --test no_loss`.
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(256),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn no_generated_page_loses_text(page in archive_page()) {
        let doc = parse_document(&page, "generated", "generated.txt");
        let lost = lost_lines(&page, &doc);
        prop_assert!(lost.is_empty(), "lost {:?}\nfrom page {:?}\nparsed as {:#?}", lost, page, doc);
    }
}
