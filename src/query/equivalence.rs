//! The engine against a plain reference: every passage scored one by one with the matching
//! rules written out simply (fresh skim matcher per call, folded copies, no prefilter, no
//! bound, full sort). Search, one-off search and filters must give exactly the same hits.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::fold::{Haystack, fold};
use super::index::{SearchIndex, passage_ref, passage_refs, search_documents, write_row};
use super::syntax::{AtomKind, Query, parse_query};
use crate::model::Document;

#[path = "../../benches/support/generator.rs"]
#[allow(dead_code)]
mod generator;

fn reference_text_score(atom: &super::syntax::Atom, text: &str) -> Option<i64> {
    let skim = SkimMatcherV2::default().respect_case();
    let folded = fold(text);
    let text = if atom.case_sensitive { text } else { &folded };
    let pattern = if atom.case_sensitive {
        atom.text.clone()
    } else {
        fold(&atom.text)
    };
    let count = pattern.chars().count();
    match atom.kind {
        AtomKind::Fuzzy if text.len() <= 80 => skim.fuzzy_match(text, &pattern),
        AtomKind::Fuzzy => {
            // The windowed rule, one fresh matcher per window.
            let span = count * 3 + 8;
            let mut best = None;
            let mut start = 0;
            loop {
                let mut end = (start + 4096).min(text.len());
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                let fresh = SkimMatcherV2::default().respect_case();
                if let Some((score, pos)) = fresh.fuzzy_indices(&text[start..end], &pattern) {
                    let width = pos.last()? - pos.first()? + 1;
                    if width <= span && best.is_none_or(|b| score > b) {
                        best = Some(score);
                    }
                }
                if end >= text.len() {
                    return best;
                }
                let mut next = end.saturating_sub(span * 4);
                while !text.is_char_boundary(next) {
                    next -= 1;
                }
                start = next.max(start + 1);
                while start < text.len() && !text.is_char_boundary(start) {
                    start += 1;
                }
            }
        }
        _ => {
            let trimmed = text.trim();
            let found = match atom.kind {
                AtomKind::Exact => text.contains(&pattern),
                AtomKind::Prefix => trimmed.starts_with(&pattern),
                AtomKind::Suffix => trimmed.ends_with(&pattern),
                _ => trimmed == pattern,
            };
            found.then_some(20 * count as i64)
        }
    }
}

fn reference_score(query: &Query, texts: &[&str], doc: &Document) -> Option<i64> {
    let matcher = super::Matcher::default();
    let mut total = 0;
    for term in &query.terms {
        let best = term
            .alternatives
            .iter()
            .filter_map(|atom| {
                let found = match &atom.kind {
                    // Field conditions are unchanged code: score them through the matcher.
                    AtomKind::Field(_) => {
                        let q = Query {
                            terms: vec![super::syntax::Term {
                                alternatives: vec![super::syntax::Atom {
                                    negated: false,
                                    ..atom.clone()
                                }],
                            }],
                        };
                        matcher.score(&q, &[], doc)
                    }
                    _ => texts
                        .iter()
                        .filter_map(|t| reference_text_score(atom, t))
                        .max(),
                };
                match (found, atom.negated) {
                    (Some(s), false) => Some(s),
                    (None, true) => Some(0),
                    _ => None,
                }
            })
            .max()?;
        total += best;
    }
    Some(total)
}

fn corpus() -> Vec<Document> {
    let mut docs = crate::corpus::load(&["sample".into()]).documents;
    for i in 0..24 {
        let page = generator::page(7, i);
        docs.push(crate::parse::parse_document(
            &page.text, &page.name, &page.name,
        ));
    }
    docs
}

/// Every passage's reference score, in corpus order.
fn reference_hits(docs: &[Document], query: &Query) -> Vec<(usize, i64)> {
    let mut p = 0;
    let mut hits = Vec::new();
    let mut text = String::new();
    for doc in docs {
        for r in passage_refs(doc) {
            write_row(doc, r, &mut text);
            if let Some(score) = reference_score(query, &[&text, &doc.title], doc) {
                hits.push((p, score));
            }
            p += 1;
        }
    }
    hits.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    hits
}

const QUERIES: &[&str] = &[
    "soviet embassy",
    "gromyko",
    "Gromyko",
    "g",
    "gr",
    "x",
    "q",
    "'treaty",
    "^1.",
    "commission$",
    "^(a)$",
    "!visit embassy",
    "year:1950..1962 grain",
    "from:katori",
    "!year:1984 cable",
    "ZZZ",
    "a | b",
    "громыко",
    "Громыко",
    "fishing fleet demarcation",
    "hradecky",
    "hradecký",
    "sov emb",
    "周恩来",
    "the",
    "prime minister",
    "xq | arkh",
];

#[test]
fn search_ranks_exactly_as_the_reference() {
    let docs = corpus();
    let index = SearchIndex::build(&docs);
    for q in QUERIES {
        let query = parse_query(q);
        let expected = reference_hits(&docs, &query);
        for limit in [1, 7, usize::MAX] {
            let want: Vec<(usize, i64)> = expected.iter().take(limit).copied().collect();
            let got: Vec<(usize, i64)> = index
                .search(&docs, &query, limit)
                .iter()
                .map(|h| (h.passage, h.score))
                .collect();
            assert_eq!(got, want, "search {q:?} limit {limit}");
            let once: Vec<(usize, i64)> = search_documents(&docs, &query, limit)
                .iter()
                .map(|(h, _, _)| (h.passage, h.score))
                .collect();
            assert_eq!(once, want, "search_documents {q:?} limit {limit}");
        }
    }
}

#[test]
fn a_passage_found_by_number_is_the_one_listed() {
    let docs = corpus();
    let mut checked = 0;
    for doc in &docs {
        let refs = passage_refs(doc);
        for (local, r) in refs.iter().enumerate() {
            let found = passage_ref(doc, local).expect("a listed passage is found");
            assert_eq!(found.depth, r.depth, "{} passage {local}", doc.path);
            assert_eq!(
                found.section.map(|s| &s.id),
                r.section.map(|s| &s.id),
                "{} passage {local}",
                doc.path
            );
            checked += 1;
        }
        assert!(passage_ref(doc, refs.len()).is_none(), "{}", doc.path);
    }
    assert!(checked > 100, "only {checked} passages checked");
}

#[test]
fn one_off_hits_name_the_same_passage_as_the_index() {
    let docs = corpus();
    let index = SearchIndex::build(&docs);
    for (hit, d, local) in search_documents(&docs, &parse_query("soviet"), 50) {
        let p = &index.passages[hit.passage];
        assert_eq!((p.doc, p.local as usize), (d, local));
    }
}

#[test]
fn filters_agree_with_the_reference() {
    let docs = corpus();
    let index = SearchIndex::build(&docs);
    let rows: Vec<Haystack> = docs
        .iter()
        .map(|d| Haystack::new(format!("{} {}", d.id, d.title)))
        .collect();
    let passage_rows: Vec<Haystack> = (0..index.passages.len())
        .map(|p| index.view(&docs, p).expect("a passage of the index"))
        .map(|v| Haystack::new(format!("{} {}", v.label, v.heading)))
        .collect();
    for q in QUERIES {
        let query = parse_query(q);
        let mut want: Vec<(i64, usize)> = docs
            .iter()
            .enumerate()
            .filter_map(|(d, doc)| {
                Some((
                    reference_score(&query, &[&rows[d].text, &doc.title], doc)?,
                    d,
                ))
            })
            .collect();
        want.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let want: Vec<usize> = want.into_iter().map(|(_, d)| d).collect();
        assert_eq!(index.rank_documents(&docs, &query, &rows), want, "{q:?}");
        let range = 0..index.passages.len();
        let want: Vec<usize> = range
            .clone()
            .filter(|&p| {
                let doc = &docs[index.passages[p].doc];
                reference_score(&query, &[&passage_rows[p].text], doc).is_some()
            })
            .collect();
        let got = index.filter_passages(&docs, &query, range, |p| passage_rows[p].text.clone());
        assert_eq!(got, want, "{q:?}");
    }
}
