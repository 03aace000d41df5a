//! Scoring a query against texts and documents, and the positions to highlight.
//!
//! fuzzy-matcher's SkimMatcherV2 is the fuzzy scorer; exact, prefix and suffix atoms are plain
//! substring tests on the folded text. A term scores the best of its alternatives; a query
//! scores the sum of its terms, or nothing if any term fails.
//!
//! Everything around the scorer is here to call it less: a query is [`Prepared`] once (patterns
//! folded, character masks), a text whose character mask lacks a pattern's letters is skipped,
//! a long text where the letters never come within the allowed window is skipped (see
//! `window.rs`), and [`Matcher::bound`] gives an upper bound of the score from the masks alone,
//! so that a search that already holds enough better hits need not score a text at all.
//!
//! skim keeps its score matrix between calls and does not reset every cell it reads, so its
//! score for a text can depend on what it matched before. Each call here starts from a reset
//! matrix: the same query gives the same scores in any order and on any thread.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::fold::{Haystack, fold, fold_into};
use super::mask::{TextInfo, bit};
use super::syntax::{Atom, AtomKind, FieldFilter, Query};
use super::window;
use crate::model::Document;

/// Score of an exact match, per character of the pattern (fuzzy scores are of the same order).
const EXACT_PER_CHAR: i64 = 20;

/// Texts up to this many bytes are matched as fzf would, letters anywhere.
const SHORT_TEXT: usize = 80;

/// Long texts are fuzzy-matched in windows of this many bytes.
pub const WINDOW_BYTES: usize = 4096;

/// skim's score for one matched character, and the bonuses it may add (see `bound`).
const SKIM_MATCH: i64 = 16;
const SKIM_FIRST_CHAR: i64 = 16;
const SKIM_HEAD: i64 = 8;
const SKIM_CONSECUTIVE: i64 = 4;

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

/// The windows a long text is fuzzy-matched in: `WINDOW_BYTES` long, each overlapping the
/// previous by enough bytes to hold any match of `span` characters.
struct Windows<'a> {
    text: &'a str,
    span: usize,
    start: Option<usize>,
}

impl<'a> Windows<'a> {
    fn new(text: &'a str, span: usize) -> Self {
        Windows {
            text,
            span,
            start: Some(0),
        }
    }
}

impl Iterator for Windows<'_> {
    type Item = std::ops::Range<usize>;

    fn next(&mut self) -> Option<Self::Item> {
        let (text, start) = (self.text, self.start?);
        let end = char_boundary(text, (start + WINDOW_BYTES).min(text.len()));
        self.start = if end >= text.len() {
            None
        } else {
            // Characters take at most four bytes: step back far enough to cover a match
            // that straddles the window's end.
            let next = char_boundary(text, end.saturating_sub(self.span * 4)).max(start + 1);
            Some(char_boundary_up(text, next))
        };
        Some(start..end)
    }
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

/// A query ready for matching: every pattern folded once, with its character mask.
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    terms: Vec<Vec<PreparedAtom>>,
}

#[derive(Debug, Clone)]
struct PreparedAtom {
    atom: Atom,
    /// The pattern as matched: folded unless the atom is case-sensitive.
    pattern: String,
    chars: Vec<char>,
    mask: u64,
    /// The most that the characters after the first can add in a long text.
    long_rest: i64,
}

impl Prepared {
    pub fn new(query: &Query) -> Prepared {
        let terms = query
            .terms
            .iter()
            .map(|t| t.alternatives.iter().map(PreparedAtom::new).collect())
            .collect();
        Prepared { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// True when some atom is case-insensitive, so texts are needed folded.
    pub fn needs_folded(&self) -> bool {
        self.atoms().any(|a| a.is_text() && !a.atom.case_sensitive)
    }

    /// True when some atom is case-sensitive, so texts are needed as written.
    pub fn needs_original(&self) -> bool {
        self.atoms().any(|a| a.is_text() && a.atom.case_sensitive)
    }

    fn atoms(&self) -> impl Iterator<Item = &PreparedAtom> {
        self.terms.iter().flatten()
    }
}

impl PreparedAtom {
    fn new(atom: &Atom) -> PreparedAtom {
        let pattern = if atom.case_sensitive {
            atom.text.clone()
        } else {
            fold(&atom.text)
        };
        let chars: Vec<char> = pattern.chars().collect();
        let mask = chars.iter().fold(0, |m, &c| m | bit(c));
        // After the first character, skim adds the match score plus a consecutive bonus of 4,
        // or 8 where the character starts a word right after the previous one; that needs the
        // previous pattern character to be a separator, or a camel hump in case-sensitive text.
        let long_rest = chars
            .windows(2)
            .map(|w| {
                let hump = atom.case_sensitive
                    && w[1].is_ascii_uppercase()
                    && (w[0].is_ascii_lowercase() || w[0].is_ascii_digit());
                let bonus = if is_separator(w[0]) || hump {
                    SKIM_HEAD
                } else {
                    SKIM_CONSECUTIVE
                };
                SKIM_MATCH + bonus
            })
            .sum();
        PreparedAtom {
            atom: atom.clone(),
            pattern,
            chars,
            mask,
            long_rest,
        }
    }

    fn is_text(&self) -> bool {
        !matches!(self.atom.kind, AtomKind::Field(_))
    }
}

/// skim's separators (hard and soft).
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}'
    ) || matches!(c, '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~')
}

/// A text to match: as written, folded (the same text when folding changes nothing), and
/// what its masks tell, when known.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    pub text: &'a str,
    pub folded: &'a str,
    pub info: Option<&'a TextInfo>,
}

impl<'a> Target<'a> {
    fn for_case(&self, case_sensitive: bool) -> &'a str {
        if case_sensitive {
            self.text
        } else {
            self.folded
        }
    }
}

impl Matcher {
    /// Scores `query` against a document and the texts that stand for one of its rows
    /// (a section's text, its title …). Each text atom takes its best score over `texts`.
    pub fn score(&self, query: &Query, texts: &[&Haystack], doc: &Document) -> Option<i64> {
        let prepared = Prepared::new(query);
        let folded: Vec<String> = texts.iter().map(|h| fold(&h.text)).collect();
        let targets: Vec<Target> = texts
            .iter()
            .zip(&folded)
            .map(|(h, f)| Target {
                text: &h.text,
                folded: f,
                info: None,
            })
            .collect();
        self.score_prepared(&prepared, &targets, doc)
    }

    /// Scores a prepared query against `texts` and a document.
    pub fn score_prepared(
        &self,
        query: &Prepared,
        texts: &[Target],
        doc: &Document,
    ) -> Option<i64> {
        let mut total = 0;
        for term in &query.terms {
            let best = term
                .iter()
                .filter_map(|atom| self.atom_score(atom, texts, doc))
                .max()?;
            total += best;
        }
        Some(total)
    }

    fn atom_score(&self, atom: &PreparedAtom, texts: &[Target], doc: &Document) -> Option<i64> {
        let found = match &atom.atom.kind {
            AtomKind::Field(filter) => field_matches(filter, &atom.atom, doc).then_some(0),
            _ => texts.iter().filter_map(|t| self.text_score(atom, t)).max(),
        };
        match (found, atom.atom.negated) {
            (Some(score), false) => Some(score),
            (None, true) => Some(0),
            _ => None,
        }
    }

    fn text_score(&self, atom: &PreparedAtom, target: &Target) -> Option<i64> {
        let case = atom.atom.case_sensitive;
        if let Some(info) = target.info {
            if atom.mask & !info.for_case(case).0 != 0 {
                return None;
            }
        }
        let text = target.for_case(case);
        match atom.atom.kind {
            AtomKind::Fuzzy if text.len() <= SHORT_TEXT => {
                self.reset();
                self.skim.fuzzy_match(text, &atom.pattern)
            }
            AtomKind::Fuzzy => {
                if !window::fits(text, &atom.chars, max_span(atom.chars.len())) {
                    return None;
                }
                self.windowed_fuzzy(text, &atom.pattern)
            }
            _ => exact_position(atom.atom.kind.clone(), text, &atom.pattern)
                .map(|_| EXACT_PER_CHAR * atom.chars.len() as i64),
        }
    }

    /// False when a text atom certainly does not match `target` (masks, window, substring).
    fn may_match(&self, atom: &PreparedAtom, target: &Target) -> bool {
        let case = atom.atom.case_sensitive;
        if target
            .info
            .is_some_and(|info| atom.mask & !info.for_case(case).0 != 0)
        {
            return false;
        }
        let text = target.for_case(case);
        match atom.atom.kind {
            AtomKind::Fuzzy if text.len() <= SHORT_TEXT => true,
            AtomKind::Fuzzy => window::fits(text, &atom.chars, max_span(atom.chars.len())),
            _ => exact_position(atom.atom.kind.clone(), text, &atom.pattern).is_some(),
        }
    }

    /// Puts skim's reused score matrix back in a known state: a one-cell match shrinks it, so
    /// the next call starts from fresh cells, as a new matcher would.
    fn reset(&self) {
        let _ = self.skim.fuzzy_match("a", "a");
    }

    /// Fuzzy matching in long text. Nearly any pattern matches letter by letter across
    /// sentences, so only a match within a stretch near the pattern's own length counts. That
    /// also bounds the work: the text is scanned in overlapping windows (overlap ≥ the longest
    /// allowed match), so the matcher's score matrix never grows with the text.
    fn windowed_fuzzy(&self, text: &str, pattern: &str) -> Option<i64> {
        let span = max_span(pattern.chars().count());
        let mut best = None;
        for window in Windows::new(text, span) {
            self.reset();
            if let Some((score, positions)) = self.skim.fuzzy_indices(&text[window], pattern) {
                let width = positions.last()? - positions.first()? + 1;
                if width <= span && best.is_none_or(|b| score > b) {
                    best = Some(score);
                }
            }
        }
        best
    }

    /// The most that `query` can score on a document with texts described by `infos`, or
    /// `None` when it cannot match at all. Field terms are decided exactly; text atoms from
    /// masks. skim scores the first matched character 15 plus its in-place bonus (16 at the
    /// very start of a text, 8 at a word start, else 0), and each later one 16 plus at most 8
    /// (4 unless it starts a word right after the previous one; short texts, matched in skim's
    /// two-row mode, may carry a bonus along, so they get the largest bonus for every letter).
    pub fn bound(&self, query: &Prepared, infos: &[TextBounds], doc: &Document) -> Option<i64> {
        let mut total = 0;
        for term in &query.terms {
            total += term
                .iter()
                .filter_map(|atom| atom_bound(atom, infos, doc))
                .max()?;
        }
        Some(total)
    }

    /// Every atom's score on one text, in query order (`None`: no match, or a field atom).
    /// A document's title is scored once this way and shared by all its passages.
    pub fn text_scores(&self, query: &Prepared, target: &Target) -> Vec<Option<i64>> {
        query
            .atoms()
            .map(|a| a.is_text().then(|| self.text_score(a, target)).flatten())
            .collect()
    }

    /// The query's score on a text and a document, the other text's atoms already scored
    /// (`other`, from [`text_scores`](Self::text_scores)): the same as
    /// [`score_prepared`](Self::score_prepared) over both texts.
    pub fn score_with(
        &self,
        query: &Prepared,
        target: &Target,
        other: &[Option<i64>],
        doc: &Document,
    ) -> Option<i64> {
        // First the cheap tests for every term, so that no term is scored while a later one
        // cannot match at all.
        let mut k = 0;
        for term in &query.terms {
            let mut possible = false;
            for atom in term {
                let theirs = other.get(k).copied().flatten();
                k += 1;
                possible |= match &atom.atom.kind {
                    AtomKind::Field(filter) => {
                        field_matches(filter, &atom.atom, doc) != atom.atom.negated
                    }
                    _ if atom.atom.negated => theirs.is_none(),
                    _ => theirs.is_some() || self.may_match(atom, target),
                };
            }
            if !possible {
                return None;
            }
        }
        let mut total = 0;
        let mut k = 0;
        for term in &query.terms {
            let mut best = None;
            for atom in term {
                let theirs = other.get(k).copied().flatten();
                k += 1;
                let found = match &atom.atom.kind {
                    AtomKind::Field(filter) => field_matches(filter, &atom.atom, doc).then_some(0),
                    _ if atom.atom.negated && theirs.is_some() => theirs,
                    _ => self.text_score(atom, target).max(theirs),
                };
                let score = match (found, atom.atom.negated) {
                    (Some(score), false) => Some(score),
                    (None, true) => Some(0),
                    _ => None,
                };
                best = best.max(score);
            }
            total += best?;
        }
        Some(total)
    }

    /// [`bound`](Self::bound) for a text and what is known of the other one.
    pub fn bound_with(
        &self,
        query: &Prepared,
        text: &TextBounds,
        other: Known,
        doc: &Document,
    ) -> Option<i64> {
        let mut total = 0;
        let mut k = 0;
        for term in &query.terms {
            let mut best = None;
            for atom in term {
                best = best.max(atom_bound_with(atom, text, other, k, doc));
                k += 1;
            }
            total += best?;
        }
        Some(total)
    }

    /// Character positions in `text` matched by the query's text atoms, sorted, for highlighting.
    pub fn highlight(&self, query: &Query, text: &str) -> Vec<usize> {
        let mut folded = String::new();
        let changed = fold_into(text, &mut folded);
        let mut positions = Vec::new();
        for atom in query.text_atoms() {
            let target = if atom.case_sensitive || !changed {
                text
            } else {
                &folded
            };
            let pattern = pattern_for(atom);
            match atom.kind {
                AtomKind::Fuzzy => {
                    self.reset();
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

/// What [`Matcher::bound`] needs of one text: its masks and its length in bytes, as written
/// and folded.
#[derive(Debug, Clone, Copy)]
pub struct TextBounds<'a> {
    pub info: &'a TextInfo,
    pub len: usize,
    pub len_folded: usize,
    /// The text itself (as written, folded), when at hand: for a text matched in windows it
    /// tells which characters open a window and so earn the first-character bonus.
    pub text: Option<(&'a str, &'a str)>,
}

/// What is known of the other text a passage is matched with (its document's title).
#[derive(Debug, Clone, Copy)]
pub enum Known<'a> {
    /// Its masks only: its scores are bounded.
    Bounds(TextBounds<'a>),
    /// Its atoms' exact scores, from [`Matcher::text_scores`].
    Scores(&'a [Option<i64>]),
}

fn atom_bound_with(
    atom: &PreparedAtom,
    text: &TextBounds,
    other: Known,
    k: usize,
    doc: &Document,
) -> Option<i64> {
    if let AtomKind::Field(filter) = &atom.atom.kind {
        let found = field_matches(filter, &atom.atom, doc);
        return (found != atom.atom.negated).then_some(0);
    }
    let theirs = match other {
        Known::Bounds(b) => text_bound(atom, &b),
        Known::Scores(scores) => scores.get(k).copied().flatten(),
    };
    if atom.atom.negated {
        // Found in the other text for sure: the atom fails; else it may still score 0.
        let certain = matches!(other, Known::Scores(_)) && theirs.is_some();
        return (!certain).then_some(0);
    }
    text_bound(atom, text).max(theirs)
}

fn atom_bound(atom: &PreparedAtom, texts: &[TextBounds], doc: &Document) -> Option<i64> {
    if let AtomKind::Field(filter) = &atom.atom.kind {
        let found = field_matches(filter, &atom.atom, doc);
        return (found != atom.atom.negated).then_some(0);
    }
    let best = texts.iter().filter_map(|t| text_bound(atom, t)).max();
    match (best, atom.atom.negated) {
        (_, true) => Some(0),
        (best, false) => best,
    }
}

fn text_bound(atom: &PreparedAtom, text: &TextBounds) -> Option<i64> {
    let (any, heads, first) = text.info.for_case(atom.atom.case_sensitive);
    if atom.mask & !any != 0 {
        return None;
    }
    let count = atom.chars.len() as i64;
    let Some(&p0) = atom.chars.first() else {
        return Some(0);
    };
    if atom.atom.kind != AtomKind::Fuzzy {
        return Some(EXACT_PER_CHAR * count);
    }
    let len = if atom.atom.case_sensitive {
        text.len
    } else {
        text.len_folded
    };
    let at_start = first == Some(p0)
        || (len > WINDOW_BYTES
            && text.text.is_none_or(|(written, folded)| {
                let t = if atom.atom.case_sensitive {
                    written
                } else {
                    folded
                };
                let span = max_span(atom.chars.len());
                Windows::new(t, span).any(|w| t[w].starts_with(p0))
            }));
    let b1 = if at_start {
        SKIM_FIRST_CHAR
    } else if heads & bit(p0) != 0 {
        SKIM_HEAD
    } else {
        0
    };
    let first_score = SKIM_MATCH - 1 + b1;
    if len <= SHORT_TEXT {
        let carry = if first.is_some_and(|f| atom.mask & bit(f) != 0) {
            SKIM_FIRST_CHAR
        } else {
            SKIM_HEAD
        };
        Some(first_score + (count - 1) * (SKIM_MATCH + carry))
    } else {
        Some(first_score + atom.long_rest)
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

pub(crate) fn field_matches(filter: &FieldFilter, atom: &Atom, doc: &Document) -> bool {
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
        FieldFilter::Person => doc
            .glossary
            .iter()
            .filter(|g| g.kind == "person")
            .any(|g| contains(&g.name, atom)),
        FieldFilter::Tagged(ids) => ids.contains(&doc.id),
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
