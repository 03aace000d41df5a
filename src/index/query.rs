//! What a word query means, built from the query language of [`crate::query::syntax`].
//!
//! Every term must match (AND); `|` alternatives may. A plain word matches a passage when it
//! occurs in the passage, its heading, or its document's title or fields, as the whole folded
//! word, as an English or Russian stem, or (5+ letters) one edit away (9+: two). Exact matches
//! score above stems and stems above typos; title and heading matches are boosted. `"a b"` is a
//! phrase and `"a b"~10` a proximity query; `'x` is a substring of a word, `^x` a word's start,
//! `x$` its end, `^x$` the whole word only, `!x` excludes. Field terms (`from:`, `year:`, …) are
//! conditions on the document, applied to the hits as filters.
//!
//! The same [`Pattern`]s decide, word by word, what a snippet highlights, so that what is
//! marked is what matched.

use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, FuzzyTermQuery, Occur, PhraseQuery,
    Query as Tq, RegexQuery, TermQuery,
};
use tantivy::schema::IndexRecordOption;
use tantivy::tokenizer::TextAnalyzer;

use super::schema::{Fields, analyze, english, russian};
use super::tokens::{Mode, normalise, words};
use crate::model::Document;
use crate::query::syntax::{Atom, AtomKind, FieldFilter, parse_query};

/// How one atom matches a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Pattern {
    /// A plain word: folded form, stems, and the edits a typo may make.
    Word {
        folded: String,
        english: String,
        russian: Option<String>,
        typos: u8,
    },
    /// `'x`: a substring of a word.
    Within(String),
    /// `^x`
    Prefix(String),
    /// `x$`
    Suffix(String),
    /// `^x$`
    Whole(String),
    /// Words in order, at most `slop` positions apart.
    Phrase { words: Vec<String>, slop: u32 },
}

/// One AND-ed term of a word query.
#[derive(Debug, Clone)]
pub(crate) struct Clause {
    pub alternatives: Vec<Pattern>,
    pub negated: bool,
}

/// A query ready for the index.
#[derive(Debug, Clone, Default)]
pub struct WordQuery {
    pub(crate) clauses: Vec<Clause>,
    /// Conditions on the document, with the atom that carries their value.
    pub(crate) filters: Vec<(FieldFilter, Atom)>,
}

/// Stems query words and the words of snippets the way the index does.
pub(crate) struct Stems {
    english: TextAnalyzer,
    russian: TextAnalyzer,
}

impl Stems {
    pub fn new() -> Self {
        Stems {
            english: english(),
            russian: russian(),
        }
    }

    pub fn english(&mut self, folded: &str) -> String {
        analyze(&mut self.english, folded)
            .pop()
            .unwrap_or_else(|| folded.to_string())
    }

    pub fn russian(&mut self, word: &str) -> Option<String> {
        analyze(&mut self.russian, word).pop()
    }
}

/// Edits a typo may make in a word of this many letters.
fn typos_for(len: usize) -> u8 {
    match len {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

impl WordQuery {
    /// Parses `input`: quoted phrases first (`"a b"`, `"a b"~10`), the rest with the query
    /// language. With `last_prefix`, a last plain word also matches as a word's start (the
    /// palette, while the user is still typing it).
    pub fn parse(input: &str, last_prefix: bool) -> WordQuery {
        let (phrases, rest) = split_phrases(input);
        let mut stems = Stems::new();
        let mut query = WordQuery::default();
        for (text, slop) in phrases {
            let words: Vec<String> = words(&text, Mode::Folded)
                .into_iter()
                .map(|w| w.text)
                .collect();
            if let Some(pattern) = phrase_or_word(words, slop) {
                query.clauses.push(Clause {
                    alternatives: vec![pattern],
                    negated: false,
                });
            }
        }
        let parsed = parse_query(&rest);
        let last = parsed.terms.len().saturating_sub(1);
        for (i, term) in parsed.terms.into_iter().enumerate() {
            let mut alternatives = Vec::new();
            let mut negated = Vec::new();
            for atom in term.alternatives {
                if let AtomKind::Field(filter) = &atom.kind {
                    query.filters.push((filter.clone(), atom.clone()));
                    continue;
                }
                let typing =
                    last_prefix && i == last && rest.ends_with(|c: char| !c.is_whitespace());
                let patterns = atom_patterns(&atom, &mut stems, typing);
                if atom.negated {
                    negated.extend(patterns);
                } else {
                    alternatives.extend(patterns);
                }
            }
            if !alternatives.is_empty() {
                query.clauses.push(Clause {
                    alternatives,
                    negated: false,
                });
            }
            for pattern in negated {
                query.clauses.push(Clause {
                    alternatives: vec![pattern],
                    negated: true,
                });
            }
        }
        query
    }

    /// Fills each `tag:NAME` filter with the ids of the documents tagged `NAME` (tags live in
    /// the reader's state, not in the documents; unresolved, a tag matches nothing).
    pub fn resolve_tags(&mut self, tagged: impl Fn(&str) -> std::collections::BTreeSet<String>) {
        for (filter, atom) in &mut self.filters {
            if let FieldFilter::Tagged(ids) = filter {
                *ids = tagged(&atom.text);
            }
        }
    }

    /// True when the query asks for nothing.
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty() && self.filters.is_empty()
    }

    /// True when the query selects by words (not only by the document's metadata).
    pub fn has_words(&self) -> bool {
        self.clauses.iter().any(|c| !c.negated)
    }

    /// The patterns a snippet highlights.
    pub(crate) fn positive_patterns(&self) -> impl Iterator<Item = &Pattern> {
        self.clauses
            .iter()
            .filter(|c| !c.negated)
            .flat_map(|c| &c.alternatives)
    }

    /// Whether a document passes the field filters.
    pub fn document_passes(&self, doc: &Document) -> bool {
        self.filters.iter().all(|(filter, atom)| {
            crate::query::matcher::field_matches(filter, atom, doc) != atom.negated
        })
    }

    /// The tantivy query for the word clauses. Every clause the passage's own text or
    /// heading satisfies adds [`OWN_BONUS`] to the score, so that passages containing the
    /// words rank above those that match only through their document's title and fields
    /// (see [`own_clauses`]).
    pub(crate) fn to_tantivy(&self, fields: &Fields) -> Box<dyn Tq> {
        let mut clauses: Vec<(Occur, Box<dyn Tq>)> = Vec::new();
        let clause_query = |clause: &Clause, scope: Scope| -> Box<dyn Tq> {
            let any: Vec<(Occur, Box<dyn Tq>)> = clause
                .alternatives
                .iter()
                .map(|p| {
                    (
                        Occur::Should,
                        pattern_query(p, fields, !clause.negated, scope),
                    )
                })
                .collect();
            Box::new(BooleanQuery::new(any))
        };
        for clause in &self.clauses {
            if clause.negated {
                clauses.push((Occur::MustNot, clause_query(clause, Scope::All)));
                continue;
            }
            clauses.push((Occur::Must, clause_query(clause, Scope::All)));
            clauses.push((
                Occur::Should,
                Box::new(ConstScoreQuery::new(
                    clause_query(clause, Scope::Own),
                    OWN_BONUS,
                )),
            ));
        }
        if !self.has_words() {
            clauses.push((Occur::Must, Box::new(AllQuery)));
        }
        Box::new(BooleanQuery::new(clauses))
    }
}

/// Takes the quoted phrases out of `input`: each with its slop, and what is left.
fn split_phrases(input: &str) -> (Vec<(String, u32)>, String) {
    let mut phrases = Vec::new();
    let mut rest = String::new();
    let mut chars = input.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '"' {
            rest.push(c);
            continue;
        }
        let Some(len) = input[i + 1..].find('"') else {
            // An unclosed quote: the words after it are plain words.
            rest.push(' ');
            continue;
        };
        let text = input[i + 1..i + 1 + len].to_string();
        let after = i + 1 + len + 1;
        while chars.peek().is_some_and(|&(j, _)| j < after) {
            chars.next();
        }
        let mut slop = 0;
        if input[after..].starts_with('~') {
            let digits: String = input[after + 1..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            slop = digits.parse().unwrap_or(0);
            let skip = after + 1 + digits.len();
            while chars.peek().is_some_and(|&(j, _)| j < skip) {
                chars.next();
            }
        }
        rest.push(' ');
        phrases.push((text, slop));
    }
    (phrases, rest)
}

fn phrase_or_word(words: Vec<String>, slop: u32) -> Option<Pattern> {
    match words.len() {
        0 => None,
        1 => words.into_iter().next().map(Pattern::Whole),
        _ => Some(Pattern::Phrase { words, slop }),
    }
}

fn atom_patterns(atom: &Atom, stems: &mut Stems, typing: bool) -> Vec<Pattern> {
    let folded: Vec<String> = words(&atom.text, Mode::Folded)
        .into_iter()
        .map(|w| w.text)
        .collect();
    if folded.len() != 1 {
        return phrase_or_word(folded, 0).into_iter().collect();
    }
    let word = folded.into_iter().next().unwrap_or_default();
    let pattern = match atom.kind {
        AtomKind::Exact => Pattern::Within(word),
        AtomKind::Prefix => Pattern::Prefix(word),
        AtomKind::Suffix => Pattern::Suffix(word),
        AtomKind::Whole => Pattern::Whole(word),
        AtomKind::Fuzzy | AtomKind::Field(_) => {
            let russian = normalise(&atom.text, Mode::Cyrillic).and_then(|w| stems.russian(&w));
            // A word being typed is not finished: it matches as a word's start, and typos are
            // looked for once it is (a typo search per key would cost the most of all); a
            // single letter is too short to stand for the words it starts.
            let chars = word.chars().count();
            let mut out = vec![Pattern::Word {
                english: stems.english(&word),
                russian,
                typos: if typing { 0 } else { typos_for(chars) },
                folded: word.clone(),
            }];
            if typing && chars > 1 {
                out.push(Pattern::Prefix(word));
            }
            return out;
        }
    };
    vec![pattern]
}

/// What each clause found in the passage's own text adds to a score: more than any BM25 sum
/// of a query, so that the number of such clauses orders hits first.
pub(crate) const OWN_BONUS: f32 = 10_000.0;

/// How many of a hit's clauses its own text satisfied, and its score without the bonus.
pub(crate) fn own_clauses(score: f32) -> (usize, f32) {
    let own = (score / OWN_BONUS).floor().max(0.0);
    (own as usize, score - own * OWN_BONUS)
}

/// Boosts: exact above stemmed above typo; title and heading above body.
const EXACT: f32 = 3.0;
const TITLE: f32 = 4.0;
const HEADING: f32 = 2.0;
const META: f32 = 2.0;
const STEM: f32 = 1.5;
const TYPO: f32 = 0.3;
const PARTIAL: f32 = 1.0;

fn boosted(query: impl Tq + 'static, boost: f32) -> (Occur, Box<dyn Tq>) {
    (
        Occur::Should,
        Box::new(BoostQuery::new(Box::new(query), boost)),
    )
}

fn term(field: tantivy::schema::Field, text: &str) -> TermQuery {
    TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    )
}

/// Which of a passage's fields a pattern is looked for in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// The passage's own text and heading.
    Own,
    /// The passage and its document's title and fields.
    All,
}

/// The folded word fields of a scope, with their boosts.
fn word_fields(fields: &Fields, scope: Scope) -> Vec<(tantivy::schema::Field, f32)> {
    let mut out = vec![(fields.text, EXACT), (fields.heading, HEADING)];
    if scope == Scope::All {
        out.extend([(fields.title, TITLE), (fields.meta, META)]);
    }
    out
}

/// The fields where a typo, substring or phrase is looked for (headings are short labels).
fn long_fields(fields: &Fields, scope: Scope) -> Vec<(tantivy::schema::Field, f32)> {
    let mut out = vec![(fields.text, EXACT)];
    if scope == Scope::All {
        out.extend([(fields.title, TITLE), (fields.meta, META)]);
    }
    out
}

fn pattern_query(pattern: &Pattern, fields: &Fields, scored: bool, scope: Scope) -> Box<dyn Tq> {
    let mut any: Vec<(Occur, Box<dyn Tq>)> = Vec::new();
    match pattern {
        Pattern::Word {
            folded,
            english,
            russian,
            typos,
        } => {
            for (field, boost) in word_fields(fields, scope) {
                any.push(boosted(term(field, folded), boost));
            }
            let mut stem_fields = vec![(fields.english, fields.russian)];
            if scope == Scope::All {
                stem_fields.push((fields.doc_english, fields.doc_russian));
            }
            for (en, ru) in stem_fields {
                any.push(boosted(term(en, english), STEM));
                if let Some(russian) = russian {
                    any.push(boosted(term(ru, russian), STEM));
                }
            }
            if *typos > 0 && scored {
                for (field, _) in long_fields(fields, scope) {
                    let fuzzy =
                        FuzzyTermQuery::new(Term::from_field_text(field, folded), *typos, true);
                    any.push(boosted(fuzzy, TYPO));
                }
            }
        }
        Pattern::Whole(word) => {
            for (field, boost) in word_fields(fields, scope) {
                any.push(boosted(term(field, word), boost));
            }
        }
        Pattern::Within(word) | Pattern::Prefix(word) | Pattern::Suffix(word) => {
            let escaped = regex_escape(word);
            let regex = match pattern {
                Pattern::Prefix(_) => format!("{escaped}.*"),
                Pattern::Suffix(_) => format!(".*{escaped}"),
                _ => format!(".*{escaped}.*"),
            };
            for (field, _) in long_fields(fields, scope) {
                if let Ok(q) = RegexQuery::from_pattern(&regex, field) {
                    any.push(boosted(q, PARTIAL));
                }
            }
        }
        Pattern::Phrase { words, slop } => {
            for (field, boost) in long_fields(fields, scope) {
                let terms = words
                    .iter()
                    .map(|w| Term::from_field_text(field, w))
                    .collect();
                let mut q = PhraseQuery::new(terms);
                q.set_slop(*slop);
                any.push(boosted(q, boost));
            }
        }
    }
    Box::new(BooleanQuery::new(any))
}

/// Folded words are letters and digits; anything else is escaped all the same.
fn regex_escape(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if !c.is_alphanumeric() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether a folded word of a text matches a pattern other than a phrase (phrases are
/// checked on word sequences by the snippet code).
pub(crate) fn word_matches(
    pattern: &Pattern,
    word: &str,
    original: &str,
    stems: &mut Stems,
) -> bool {
    match pattern {
        Pattern::Word {
            folded,
            english,
            russian,
            typos,
        } => {
            word == folded
                || stems.english(word) == *english
                || russian.as_ref().is_some_and(|r| {
                    normalise(original, Mode::Cyrillic)
                        .and_then(|w| stems.russian(&w))
                        .as_ref()
                        == Some(r)
                })
                || (*typos > 0 && edit_distance(word, folded) <= usize::from(*typos))
        }
        Pattern::Within(p) => word.contains(p.as_str()),
        Pattern::Prefix(p) => word.starts_with(p.as_str()),
        Pattern::Suffix(p) => word.ends_with(p.as_str()),
        Pattern::Whole(p) => word == p,
        Pattern::Phrase { words, .. } => words.iter().any(|w| w == word),
    }
}

/// Optimal string alignment distance (an adjacent swap is one edit), as tantivy's
/// `FuzzyTermQuery` counts with transpositions on.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev2: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (prev[j] + 1).min(row[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(prev2[j - 2] + 1);
            }
        }
        prev2 = std::mem::replace(&mut prev, row);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_and_proximity_are_taken_out_of_the_query() {
        let (phrases, rest) = split_phrases(r#"grain "three obstacles" "soviet afghanistan"~10 x"#);
        assert_eq!(
            phrases,
            vec![
                ("three obstacles".to_string(), 0),
                ("soviet afghanistan".to_string(), 10)
            ]
        );
        assert_eq!(rest.split_whitespace().collect::<Vec<_>>(), ["grain", "x"]);
    }

    #[test]
    fn typo_allowance_grows_with_the_word() {
        let q = WordQuery::parse("grain treaty negotiations", false);
        let typos: Vec<u8> = q
            .positive_patterns()
            .map(|p| match p {
                Pattern::Word { typos, .. } => *typos,
                other => panic!("not a word: {other:?}"),
            })
            .collect();
        assert_eq!(typos, [1, 1, 2]);
        assert_eq!(WordQuery::parse("fuel", false).clauses.len(), 1);
    }

    #[test]
    fn while_typing_the_last_word_is_also_a_prefix() {
        let typing = WordQuery::parse("grain trea", true);
        assert!(
            typing.clauses[1]
                .alternatives
                .contains(&Pattern::Prefix("trea".into()))
        );
        assert_eq!(typing.clauses[0].alternatives.len(), 1);
        // A finished word (followed by a space) is not a prefix.
        let done = WordQuery::parse("grain trea ", true);
        assert_eq!(done.clauses[1].alternatives.len(), 1);
    }

    #[test]
    fn edit_distance_counts_a_swap_as_one() {
        assert_eq!(edit_distance("treaty", "traety"), 1);
        assert_eq!(edit_distance("treaty", "treaties"), 3);
        assert_eq!(edit_distance("grain", "grains"), 1);
    }

    #[test]
    fn field_terms_become_filters_and_negations_exclusions() {
        let q = WordQuery::parse("year:1984 grain !fuel", false);
        assert_eq!(q.filters.len(), 1);
        assert!(q.clauses.iter().any(|c| c.negated));
        assert!(q.has_words());
        assert!(!WordQuery::parse("year:1984", false).has_words());
    }
}
