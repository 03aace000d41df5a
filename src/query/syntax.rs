//! The query language shared by the TUI filter, the jump palette and `dossier search`.
//!
//! Space-separated terms are ANDed; `a | b` is an OR of alternatives; fzf's extended syntax
//! (`'exact`, `^prefix`, `suffix$`, `!not`); smart case (a term with an upper-case letter is
//! case-sensitive, in any script); field terms `from:`, `to:`, `class:`, `year:1984`,
//! `year:1950..1962`, `date:1984-03`, `field:NAME=value`, `person:kissinger` (a tagged person of a
//! FRUS document), `tag:NAME` (the reader's tags). A `\ ` keeps a space inside a term.

/// A parsed query: every term must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
}

/// One AND-ed term: any of its alternatives may match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub alternatives: Vec<Atom>,
}

/// One pattern of a term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Atom {
    pub kind: AtomKind,
    pub text: String,
    /// `!`: the atom must not match.
    pub negated: bool,
    /// Smart case: true when the pattern has an upper-case letter.
    pub case_sensitive: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AtomKind {
    Fuzzy,
    /// `'text`: a substring.
    Exact,
    /// `^text`
    Prefix,
    /// `text$`
    Suffix,
    /// `^text$`
    Whole,
    /// A condition on the document's metadata.
    Field(FieldFilter),
}

/// Conditions on a document's metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldFilter {
    /// A header field whose name matches, with a value containing the atom's text.
    Named(String),
    Classification,
    /// Years, inclusive.
    Years(i32, i32),
    /// A prefix of the ISO date (`1984-03`).
    DatePrefix,
    /// A person of the document's glossary (a FRUS volume's tagged mentions) by name.
    Person,
    /// `tag:NAME`: the documents the reader tagged so, by id. Tags live in the reader's
    /// state, not in documents: the caller fills the ids in ([`Query::resolve_tags`]);
    /// unresolved, the set is empty and matches nothing.
    Tagged(std::collections::BTreeSet<String>),
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Fills each `tag:NAME` atom with the ids of the documents tagged `NAME`.
    pub fn resolve_tags(&mut self, tagged: impl Fn(&str) -> std::collections::BTreeSet<String>) {
        for atom in self.terms.iter_mut().flat_map(|t| &mut t.alternatives) {
            if let AtomKind::Field(FieldFilter::Tagged(ids)) = &mut atom.kind {
                *ids = tagged(&atom.text);
            }
        }
    }

    /// The atoms that select text (not negated, not field conditions): what highlighting shows.
    pub fn text_atoms(&self) -> impl Iterator<Item = &Atom> {
        self.terms
            .iter()
            .flat_map(|t| &t.alternatives)
            .filter(|a| !a.negated && !matches!(a.kind, AtomKind::Field(_)))
    }
}

/// Parses a query string. Never fails: anything unrecognised is a fuzzy pattern.
pub fn parse_query(input: &str) -> Query {
    let mut terms = Vec::new();
    let mut alternatives: Vec<Atom> = Vec::new();
    let mut expect_alternative = false;
    for word in split_words(input) {
        if word == "|" {
            expect_alternative = !alternatives.is_empty();
            continue;
        }
        let Some(atom) = parse_atom(&word) else {
            continue;
        };
        if !expect_alternative && !alternatives.is_empty() {
            terms.push(Term {
                alternatives: std::mem::take(&mut alternatives),
            });
        }
        alternatives.push(atom);
        expect_alternative = false;
    }
    if !alternatives.is_empty() {
        terms.push(Term { alternatives });
    }
    Query { terms }
}

fn split_words(input: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&' ') => {
                word.push(' ');
                chars.next();
            }
            c if c.is_whitespace() => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

fn parse_atom(word: &str) -> Option<Atom> {
    let (negated, rest) = match word.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, word),
    };
    if let Some(atom) = field_atom(rest, negated) {
        return Some(atom);
    }
    let (kind, text) = if let Some(t) = rest.strip_prefix('\'') {
        (AtomKind::Exact, t)
    } else if let Some(t) = rest.strip_prefix('^') {
        match t.strip_suffix('$') {
            Some(t) => (AtomKind::Whole, t),
            None => (AtomKind::Prefix, t),
        }
    } else if let Some(t) = rest.strip_suffix('$').filter(|t| !t.is_empty()) {
        (AtomKind::Suffix, t)
    } else if negated {
        // fzf: a negated plain term is an exact (substring) match.
        (AtomKind::Exact, rest)
    } else {
        (AtomKind::Fuzzy, rest)
    };
    if text.is_empty() {
        return None;
    }
    Some(Atom {
        kind,
        case_sensitive: text.chars().any(char::is_uppercase),
        text: text.to_string(),
        negated,
    })
}

fn field_atom(word: &str, negated: bool) -> Option<Atom> {
    let (key, value) = word.split_once(':')?;
    let (filter, text) = match key.to_lowercase().as_str() {
        "from" | "to" | "subject" | "place" => {
            (FieldFilter::Named(capitalize(key)), value.to_string())
        }
        "class" | "classification" => (FieldFilter::Classification, value.to_string()),
        "person" => (FieldFilter::Person, value.to_string()),
        "year" => {
            let (from, to) = year_range(value)?;
            (FieldFilter::Years(from, to), value.to_string())
        }
        "date" => match year_range(value) {
            Some((from, to)) if value.contains("..") => {
                (FieldFilter::Years(from, to), value.to_string())
            }
            _ => (FieldFilter::DatePrefix, value.to_string()),
        },
        "tag" => (FieldFilter::Tagged(Default::default()), value.to_string()),
        "field" => {
            let (name, value) = value.split_once('=')?;
            (FieldFilter::Named(name.to_string()), value.to_string())
        }
        _ => return None,
    };
    if text.is_empty() {
        return None;
    }
    Some(Atom {
        kind: AtomKind::Field(filter),
        case_sensitive: text.chars().any(char::is_uppercase),
        text,
        negated,
    })
}

fn capitalize(key: &str) -> String {
    let mut chars = key.chars();
    chars
        .next()
        .map(|c| {
            c.to_uppercase()
                .chain(chars.flat_map(char::to_lowercase))
                .collect()
        })
        .unwrap_or_default()
}

/// `1984` or `1950..1962`.
fn year_range(value: &str) -> Option<(i32, i32)> {
    match value.split_once("..") {
        Some((from, to)) => Some((from.parse().ok()?, to.parse().ok()?)),
        None => {
            let year = value.parse().ok()?;
            Some((year, year))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(input: &str) -> Vec<Vec<(AtomKind, String, bool)>> {
        parse_query(input)
            .terms
            .into_iter()
            .map(|t| {
                t.alternatives
                    .into_iter()
                    .map(|a| (a.kind, a.text, a.negated))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn extended_syntax() {
        use AtomKind::*;
        assert_eq!(
            kinds("gromyko 'soviet ^Prime treaty$ ^whole$ !afghan"),
            vec![
                vec![(Fuzzy, "gromyko".into(), false)],
                vec![(Exact, "soviet".into(), false)],
                vec![(Prefix, "Prime".into(), false)],
                vec![(Suffix, "treaty".into(), false)],
                vec![(Whole, "whole".into(), false)],
                vec![(Exact, "afghan".into(), true)],
            ]
        );
    }

    #[test]
    fn or_groups_alternatives() {
        let q = kinds("japan | china soviet");
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].len(), 2);
    }

    #[test]
    fn smart_case_in_any_script() {
        let q = parse_query("громыко Громыко");
        assert!(!q.terms[0].alternatives[0].case_sensitive);
        assert!(q.terms[1].alternatives[0].case_sensitive);
    }

    #[test]
    fn field_terms() {
        let q =
            parse_query("year:1950..1962 from:katori field:Primary=asia class:secret date:1984-03");
        let filters: Vec<_> = q
            .terms
            .iter()
            .map(|t| match &t.alternatives[0].kind {
                AtomKind::Field(f) => f.clone(),
                other => panic!("not a field term: {other:?}"),
            })
            .collect();
        assert_eq!(
            filters,
            vec![
                FieldFilter::Years(1950, 1962),
                FieldFilter::Named("From".into()),
                FieldFilter::Named("Primary".into()),
                FieldFilter::Classification,
                FieldFilter::DatePrefix,
            ]
        );
    }

    #[test]
    fn odd_input_degrades_to_fuzzy_text() {
        assert_eq!(
            kinds("year:abc"),
            vec![vec![(AtomKind::Fuzzy, "year:abc".into(), false)]]
        );
        assert!(parse_query("  | ! ' ^ ").is_empty());
    }
}
