//! Scoring a query against texts and documents, and the positions to highlight.
//!
//! fuzzy-matcher's SkimMatcherV2 is the fuzzy scorer; exact, prefix and suffix atoms are plain
//! substring tests on the folded text. A term scores the best of its alternatives; a query
//! scores the sum of its terms, or nothing if any term fails.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::fold::{Haystack, fold};
use super::syntax::{Atom, AtomKind, FieldFilter, Query};
use crate::model::Document;

/// Score of an exact match, per character of the pattern (fuzzy scores are of the same order).
const EXACT_PER_CHAR: i64 = 20;

/// Texts up to this many bytes are matched as fzf would, letters anywhere.
const SHORT_TEXT: usize = 80;

/// Long texts are fuzzy-matched in windows of this many bytes.
const WINDOW_BYTES: usize = 4096;

/// The largest character boundary at or below `at`.
fn char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The smallest character boundary at or above `at`.
fn char_boundary_up(text: &str, mut at: usize) -> usize {
    while at < text.len() && !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The widest stretch of a long text that a fuzzy match of `len` characters may cover.
fn max_span(len: usize) -> usize {
    len * 3 + 8
}

/// Matches queries. Cheap to share between threads.
pub struct Matcher {
    skim: SkimMatcherV2,
}

impl Default for Matcher {
    fn default() -> Self {
        Matcher {
            skim: SkimMatcherV2::default().respect_case(),
        }
    }
}

impl Matcher {
    /// Scores `query` against a document and the texts that stand for one of its rows
    /// (a section's text, its title …). Each text atom takes its best score over `texts`.
    pub fn score(&self, query: &Query, texts: &[&Haystack], doc: &Document) -> Option<i64> {
        let mut total = 0;
        for term in &query.terms {
            let best = term
                .alternatives
                .iter()
                .filter_map(|atom| self.atom_score(atom, texts, doc))
                .max()?;
            total += best;
        }
        Some(total)
    }

    fn atom_score(&self, atom: &Atom, texts: &[&Haystack], doc: &Document) -> Option<i64> {
        let found = match &atom.kind {
            AtomKind::Field(filter) => field_matches(filter, atom, doc).then_some(0),
            _ => texts.iter().filter_map(|h| self.text_score(atom, h)).max(),
        };
        match (found, atom.negated) {
            (Some(score), false) => Some(score),
            (None, true) => Some(0),
            _ => None,
        }
    }

    fn text_score(&self, atom: &Atom, hay: &Haystack) -> Option<i64> {
        let text = hay.for_case(atom.case_sensitive);
        let pattern = pattern_for(atom);
        match atom.kind {
            AtomKind::Fuzzy if text.len() <= SHORT_TEXT => self.skim.fuzzy_match(text, &pattern),
            AtomKind::Fuzzy => self.windowed_fuzzy(text, &pattern),
            _ => exact_position(atom.kind.clone(), text, &pattern)
                .map(|_| EXACT_PER_CHAR * pattern.chars().count() as i64),
        }
    }

    /// Fuzzy matching in long text. Nearly any pattern matches letter by letter across
    /// sentences, so only a match within a stretch near the pattern's own length counts. That
    /// also bounds the work: the text is scanned in overlapping windows (overlap ≥ the longest
    /// allowed match), so the matcher's score matrix never grows with the text.
    fn windowed_fuzzy(&self, text: &str, pattern: &str) -> Option<i64> {
        let span = max_span(pattern.chars().count());
        let mut best = None;
        let mut start = 0;
        loop {
            let end = char_boundary(text, (start + WINDOW_BYTES).min(text.len()));
            let window = &text[start..end];
            if let Some((score, positions)) = self.skim.fuzzy_indices(window, pattern) {
                let width = positions.last()? - positions.first()? + 1;
                if width <= span && best.is_none_or(|b| score > b) {
                    best = Some(score);
                }
            }
            if end >= text.len() {
                return best;
            }
            // Characters take at most four bytes: step back far enough to cover a match
            // that straddles the window's end.
            start = char_boundary(text, end.saturating_sub(span * 4)).max(start + 1);
            start = char_boundary_up(text, start);
        }
    }

    /// Character positions in `text` matched by the query's text atoms, sorted, for highlighting.
    pub fn highlight(&self, query: &Query, text: &str) -> Vec<usize> {
        let hay = Haystack::new(text.to_string());
        let mut positions = Vec::new();
        for atom in query.text_atoms() {
            let target = hay.for_case(atom.case_sensitive);
            let pattern = pattern_for(atom);
            match atom.kind {
                AtomKind::Fuzzy => {
                    if let Some((_, idx)) = self.skim.fuzzy_indices(target, &pattern) {
                        positions.extend(idx);
                    }
                }
                _ => {
                    if let Some(start) = exact_position(atom.kind.clone(), target, &pattern) {
                        let first = target[..start].chars().count();
                        positions.extend(first..first + pattern.chars().count());
                    }
                }
            }
        }
        positions.sort_unstable();
        positions.dedup();
        positions
    }
}

fn pattern_for(atom: &Atom) -> String {
    if atom.case_sensitive {
        atom.text.clone()
    } else {
        fold(&atom.text)
    }
}

/// Byte offset of an exact, prefix, suffix or whole match of `pattern` in `text`.
fn exact_position(kind: AtomKind, text: &str, pattern: &str) -> Option<usize> {
    let trimmed = text.trim();
    let lead = text.len() - text.trim_start().len();
    match kind {
        AtomKind::Exact => text.find(pattern),
        AtomKind::Prefix => trimmed.starts_with(pattern).then_some(lead),
        AtomKind::Suffix => trimmed
            .ends_with(pattern)
            .then(|| lead + trimmed.len() - pattern.len()),
        AtomKind::Whole => (trimmed == pattern).then_some(lead),
        AtomKind::Fuzzy | AtomKind::Field(_) => None,
    }
}

fn contains(haystack: &str, atom: &Atom) -> bool {
    if atom.case_sensitive {
        haystack.contains(&atom.text)
    } else {
        fold(haystack).contains(&fold(&atom.text))
    }
}

fn field_matches(filter: &FieldFilter, atom: &Atom, doc: &Document) -> bool {
    match filter {
        FieldFilter::Named(name) => doc
            .fields
            .iter()
            .filter(|f| f.name.eq_ignore_ascii_case(name))
            .any(|f| contains(&f.value, atom)),
        FieldFilter::Classification => doc
            .classification
            .as_deref()
            .is_some_and(|c| contains(c, atom)),
        FieldFilter::Years(from, to) => doc.date.year().is_some_and(|y| (*from..=*to).contains(&y)),
        FieldFilter::DatePrefix => doc
            .date
            .iso
            .as_deref()
            .is_some_and(|iso| iso.starts_with(&atom.text)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateValue, Field};
    use crate::query::parse_query;

    fn doc() -> Document {
        Document {
            title: "Cable from Ambassador Katori".into(),
            date: DateValue {
                text: Some("March 25, 1984".into()),
                iso: Some("1984-03-25".into()),
            },
            fields: vec![
                Field::new("From", "Ambassador Katori"),
                Field::new("Primary", "Asia and China"),
            ],
            classification: Some("Top Secret".into()),
            ..Document::default()
        }
    }

    fn score(query: &str, text: &str) -> Option<i64> {
        let hay = Haystack::new(text.to_string());
        Matcher::default().score(&parse_query(query), &[&hay], &doc())
    }

    #[test]
    fn terms_are_anded_and_alternatives_ored() {
        assert!(score("gromyko japan", "Gromyko will not visit Japan").is_some());
        assert!(score("gromyko brezhnev", "Gromyko will not visit Japan").is_none());
        assert!(score("brezhnev | gromyko", "Gromyko will not visit Japan").is_some());
    }

    #[test]
    fn negation_prefix_suffix_exact() {
        let text = "Gromyko will not visit Japan";
        assert!(score("!visit", text).is_none());
        assert!(score("!moscow", text).is_some());
        assert!(score("^gromyko", text).is_some());
        assert!(score("^japan", text).is_none());
        assert!(score("japan$", text).is_some());
        assert!(score("'not visit", text).is_some());
        assert!(score("'gmk", text).is_none());
        assert!(score("gmk", text).is_some());
    }

    #[test]
    fn smart_case_works_for_cyrillic() {
        assert!(score("громыко", "Министр Громыко").is_some());
        assert!(score("Громыко", "министр громыко").is_none());
        assert!(score("Japan", "japan").is_none());
    }

    #[test]
    fn fuzzy_matches_in_long_text_stay_within_a_window() {
        let long = format!(
            "{} Arkhipov will visit.",
            "lorem ipsum dolor sit amet ".repeat(5)
        );
        assert!(score("arkhpv", &long).is_some());
        let scattered = "a rather kind host in private often visits ".repeat(3);
        assert!(score("arkhipov", &scattered).is_none());
        assert!(
            score("arkhipov", "a r k h i p o v").is_some(),
            "short rows match as in fzf"
        );
    }

    #[test]
    fn long_texts_are_matched_in_windows_without_losing_a_match() {
        let filler = "Отчёт о беседе в министерстве, 周恩来 — ".repeat(400);
        for at in [0, filler.len() / 2, filler.len()] {
            let mut text = filler.clone();
            let at = char_boundary(&text, at);
            text.insert_str(at, " Arkhipov ");
            assert!(score("arkhipov", &text).is_some(), "match at byte {at}");
        }
        assert!(score("arkhipov", &filler).is_none());
    }

    #[test]
    fn field_terms_filter_documents() {
        assert!(score("year:1984", "x").is_some());
        assert!(score("year:1950..1962", "x").is_none());
        assert!(score("from:katori", "x").is_some());
        assert!(score("from:Abe", "x").is_none());
        assert!(score("field:primary=china", "x").is_some());
        assert!(score("class:secret", "x").is_some());
        assert!(score("date:1984-03", "x").is_some());
        assert!(score("!year:1984", "x").is_none());
    }

    #[test]
    fn highlight_returns_character_positions() {
        let m = Matcher::default();
        assert_eq!(
            m.highlight(&parse_query("'громыко"), "Мр Громыко"),
            vec![3, 4, 5, 6, 7, 8, 9]
        );
        assert_eq!(m.highlight(&parse_query("ab"), "xaxb"), vec![1, 3]);
    }
}
