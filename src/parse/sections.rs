//! The body's section tree, nested by the order in which numbering styles appear.
//!
//! The first style seen is the top level; a style not yet open nests under the current section;
//! a style already open closes everything below it and adds a sibling. This reads `1.` › `(1)`
//! › `(a)` as well as `I.` › `A.` › `1.` › `a)` without a table of styles. Bullets are list
//! items, never parents of numbered sections: a new numbering style after a bullet list closes
//! the list and nests under the section that holds it. Paragraphs without a label continue the
//! current section (or the leading body before any section).

use std::borrow::Cow;
use std::collections::HashSet;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::label::{Label, Style, Wrap, parse_label};
use crate::model::{Heading, Section};

/// Deeper nesting than this is kept as text: it guards the stack of every recursive consumer.
pub const MAX_DEPTH: usize = 12;
/// Headings are cut to this many terminal columns.
const HEADING_MAX: usize = 72;
/// Words ending with a period that do not end a sentence (two-letter ones never do).
const ABBREVIATIONS: &[&str] = &[
    "Mrs", "Prof", "Gen", "Col", "Capt", "Sgt", "Lieut", "Maj", "Adm", "Amb", "Gov", "Sen", "Rep",
    "Rev", "Hon", "Dept", "Corp", "Inc", "Ltd", "Nos", "Vol", "Art", "approx", "etc", "viz",
    "resp", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "tel", "Tel",
];

/// The body split into leading paragraphs and numbered sections.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SectionTree {
    pub body: Vec<String>,
    pub sections: Vec<Section>,
}

struct OpenStyle {
    style: Style,
    last: u32,
}

#[derive(Default)]
struct Builder {
    tree: SectionTree,
    open: Vec<OpenStyle>,
    ids: HashSet<String>,
}

/// Builds the section tree from the body's paragraphs, in order.
pub fn build_sections<'a>(paragraphs: impl IntoIterator<Item = &'a str>) -> SectionTree {
    let mut builder = Builder::default();
    for text in paragraphs {
        match parse_label(text).and_then(|label| builder.resolve(label)) {
            Some((style, value, label)) => builder.open_section(style, value, &label, text),
            None => builder.continue_text(text),
        }
    }
    builder.tree
}

impl Builder {
    /// Picks the reading of an ambiguous label that fits the open styles, or rejects a label
    /// that cannot start a new level (`C. Smith` is a name, not the third item of nothing).
    fn resolve(&self, label: Label) -> Option<(Style, u32, Label)> {
        let readings = std::iter::once((label.style, label.value)).chain(label.alternative);
        let readings: Vec<(Style, u32)> = readings.collect();
        let continues = |&(style, value): &(Style, u32)| {
            self.open
                .iter()
                .any(|o| o.style == style && (style_is_bullet(style) || o.last + 1 == value))
        };
        let is_open = |&(style, _): &(Style, u32)| self.open.iter().any(|o| o.style == style);
        let primary = readings[0];
        let chosen = readings
            .iter()
            .find(|r| continues(r))
            .copied()
            .or_else(|| {
                (is_open(&primary) || may_open(primary.0, primary.1, &label.core))
                    .then_some(primary)
            })
            .or_else(|| {
                readings
                    .iter()
                    .find(|r| is_open(r) || may_open(r.0, r.1, &label.core))
                    .copied()
            })?;
        if !is_open(&chosen) && self.open.len() >= MAX_DEPTH {
            return None;
        }
        Some((chosen.0, chosen.1, label))
    }

    fn open_section(&mut self, style: Style, value: u32, label: &Label, text: &str) {
        let depth = self
            .open
            .iter()
            .position(|o| o.style == style)
            .unwrap_or_else(|| self.new_level(style));
        self.open.truncate(depth);
        self.open.push(OpenStyle { style, last: value });
        let siblings = self.children_at(depth);
        let ordinal = siblings.len() + 1;
        let parent_id = self.parent_id(depth);
        let core = match style {
            Style::Bullet(_) => ordinal.to_string(),
            _ => label.core.clone(),
        };
        let id = self.unique_id(section_id(parent_id.as_deref(), &core, style));
        let rest = text[label.rest..].trim().to_string();
        let section = Section {
            label: label.raw.clone(),
            id,
            heading: Heading::Derived,
            paragraphs: vec![rest],
            children: Vec::new(),
        };
        self.children_at(depth).push(section);
    }

    /// The depth at which a style not yet open starts: under the current section, or under the
    /// section holding the current bullet list when a numbering style follows bullets.
    fn new_level(&self, style: Style) -> usize {
        if style_is_bullet(style) {
            return self.open.len();
        }
        self.open
            .iter()
            .rposition(|o| !style_is_bullet(o.style))
            .map_or(0, |at| at + 1)
    }

    fn continue_text(&mut self, text: &str) {
        let depth = self.open.len();
        if depth == 0 {
            self.tree.body.push(text.to_string());
            return;
        }
        if let Some(section) = self.children_at(depth - 1).last_mut() {
            section.paragraphs.push(text.to_string());
        }
    }

    /// The list of sections at `depth` under the currently open path.
    fn children_at(&mut self, depth: usize) -> &mut Vec<Section> {
        let mut list = &mut self.tree.sections;
        for _ in 0..depth {
            // The open path always ends in a section at each level above `depth`.
            if list.is_empty() {
                break;
            }
            let last = list.len() - 1;
            list = &mut list[last].children;
        }
        list
    }

    fn parent_id(&mut self, depth: usize) -> Option<String> {
        if depth == 0 {
            return None;
        }
        self.children_at(depth - 1).last().map(|s| s.id.clone())
    }

    fn unique_id(&mut self, id: String) -> String {
        let mut candidate = id.clone();
        let mut n = 2;
        while self.ids.contains(&candidate) {
            candidate = format!("{id}~{n}");
            n += 1;
        }
        self.ids.insert(candidate.clone());
        candidate
    }
}

fn style_is_bullet(style: Style) -> bool {
    matches!(style, Style::Bullet(_))
}

/// Whether a style not yet open may start at this value.
fn may_open(style: Style, value: u32, core: &str) -> bool {
    match style {
        Style::Upper(Wrap::Dot) | Style::Lower(Wrap::Dot) => value == 1,
        Style::RomanUpper(Wrap::Dot) | Style::RomanLower(Wrap::Dot) => value == 1 || core.len() > 1,
        _ => true,
    }
}

/// `2.1.b` from the parent's id and the label's value; `1.1` stays `1.1` under `1`.
fn section_id(parent: Option<&str>, core: &str, style: Style) -> String {
    match parent {
        None => core.to_string(),
        Some(parent) => {
            if let Style::Dotted(_) = style {
                if core
                    .rsplit_once('.')
                    .is_some_and(|(prefix, _)| prefix == parent)
                {
                    return core.to_string();
                }
            }
            format!("{parent}.{core}")
        }
    }
}

/// The first sentence or clause of a paragraph, cut at a word boundary when long.
pub fn heading_of(text: &str) -> String {
    heading_in(text).into_owned()
}

/// [`heading_of`], borrowed from the paragraph unless it had to be cut.
///
/// Sections do not hold their heading (see [`Section::heading()`]), so this runs whenever one is
/// shown or filtered: it reads the paragraph only as far as the heading can reach, the first
/// [`HEADING_MAX`] columns and the word that crosses them, not the whole first sentence.
pub fn heading_in(text: &str) -> Cow<'_, str> {
    let fits = fitting_len(text);
    if fits == text.len() {
        return Cow::Borrowed(first_sentence(text));
    }
    // A sentence that fits ends before the first space past the columns (only `;` it drops can
    // lie in between); one that does not fit is cut where the columns end, wherever it ends.
    let look = text[fits..]
        .find(' ')
        .map_or(text.len(), |at| fits + at + 1);
    if let Some(sentence) = sentence_end(&text[..look]).filter(|s| s.len() <= fits) {
        return Cow::Borrowed(sentence);
    }
    let cut = &text[..fits];
    let clause_end = cut
        .rfind([',', ';', ':', '–', '—', '，', '、'])
        .filter(|&at| cut[..at].width() >= 24);
    let word_end = cut.rfind(' ').filter(|&at| at > 0).unwrap_or(cut.len());
    let end = clause_end.unwrap_or(word_end);
    Cow::Owned(format!("{}…", cut[..end].trim_end()))
}

/// The length of the longest start of `text` within [`HEADING_MAX`] columns.
fn fitting_len(text: &str) -> usize {
    let mut len = 0;
    let mut columns = 0;
    for (at, ch) in text.char_indices() {
        columns += ch.width().unwrap_or(0);
        if columns > HEADING_MAX {
            break;
        }
        len = at + ch.len_utf8();
    }
    len
}

fn first_sentence(text: &str) -> &str {
    sentence_end(text).unwrap_or(text)
}

/// The first sentence of `text`, if it ends within `text`.
fn sentence_end(text: &str) -> Option<&str> {
    let mut word_start = 0;
    for (at, ch) in text.char_indices() {
        if ch == '。' {
            return Some(&text[..at + ch.len_utf8()]);
        }
        if ch != ' ' {
            continue;
        }
        let word = &text[word_start..at];
        word_start = at + 1;
        let Some(stem) = word.strip_suffix(['.', '?', '!', ';']) else {
            continue;
        };
        // `Mr.`, `U.S.`, `No.` are abbreviations, not the end of a sentence.
        if stem.chars().count() > 2 && !stem.contains('.') && !ABBREVIATIONS.contains(&stem) {
            return Some(text[..at].trim_end_matches(';'));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(sections: &[Section]) -> String {
        sections
            .iter()
            .map(|s| {
                if s.children.is_empty() {
                    s.id.clone()
                } else {
                    format!("{}[{}]", s.id, shape(&s.children))
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn tree(paras: &[&str]) -> SectionTree {
        build_sections(paras.iter().copied())
    }

    #[test]
    fn nesting_follows_the_order_styles_appear() {
        let t = tree(&[
            "1. a", "(1) b", "(2) c", "2. d", "(1) e", "(a) f", "(b) g", "(2) h",
        ]);
        assert_eq!(shape(&t.sections), "1[1.1 1.2] 2[2.1[2.1.a 2.1.b] 2.2]");
    }

    #[test]
    fn roman_alpha_arabic_half_paren() {
        let t = tree(&[
            "I. a", "A. b", "1. c", "a) d", "b) e", "2. f", "B. g", "II. h",
        ]);
        assert_eq!(
            shape(&t.sections),
            "I[I.A[I.A.1[I.A.1.a I.A.1.b] I.A.2] I.B] II"
        );
    }

    #[test]
    fn ambiguous_letters_follow_the_open_sequence() {
        let t = tree(&[
            "(a) x", "(b) x", "(c) x", "(d) x", "(e) x", "(f) x", "(g) x", "(h) x", "(i) x",
        ]);
        assert_eq!(t.sections.len(), 9);
        assert_eq!(t.sections[8].id, "i");
        let t = tree(&["1. x", "(i) y", "(ii) z", "(iii) w"]);
        assert_eq!(shape(&t.sections), "1[1.i 1.ii 1.iii]");
    }

    #[test]
    fn dotted_numbers_keep_their_own_ids() {
        let t = tree(&["1. a", "1.1 b", "1.2 c", "2. d", "2.1 e"]);
        assert_eq!(shape(&t.sections), "1[1.1 1.2] 2[2.1]");
    }

    #[test]
    fn unlabelled_paragraphs_continue_the_current_section() {
        let t = tree(&["Intro.", "1. a", "more of a", "(1) b", "more of b"]);
        assert_eq!(t.body, vec!["Intro."]);
        assert_eq!(t.sections[0].paragraphs, vec!["a", "more of a"]);
        assert_eq!(t.sections[0].children[0].paragraphs, vec!["b", "more of b"]);
    }

    #[test]
    fn a_name_initial_does_not_open_a_level() {
        let t = tree(&["C. Smith arrived."]);
        assert!(t.sections.is_empty());
        assert_eq!(t.body, vec!["C. Smith arrived."]);
    }

    #[test]
    fn repeated_labels_get_unique_ids() {
        let t = tree(&["1. a", "2. b", "1. c"]);
        let ids: Vec<_> = t.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, vec!["1", "2", "1~2"]);
    }

    #[test]
    fn bullets_nest_and_count() {
        let t = tree(&["1. a", "- x", "- y", "2. b"]);
        assert_eq!(shape(&t.sections), "1[1.1 1.2] 2");
    }

    #[test]
    fn numbered_paragraphs_after_bullets_close_the_list() {
        let t = tree(&["- x", "- y", "1. a", "(1) b", "- z", "(a) c", "2. d"]);
        assert_eq!(shape(&t.sections), "1 2 1~2[1~2.1[1~2.1.1 1~2.1.a]] 2~2");
    }

    #[test]
    fn nesting_is_bounded() {
        let styles = [
            "1.", "(1)", "1)", "(a)", "a)", "A.", "I.", "(i)", "§ 1", "- ", "* ", "• ", "1.1",
            "1.1.1", "(A)",
        ];
        let paras: Vec<String> = styles.iter().map(|s| format!("{s} text")).collect();
        let t = build_sections(paras.iter().map(String::as_str));
        let depth = |mut s: &Section| {
            let mut d = 1;
            while let Some(c) = s.children.first() {
                s = c;
                d += 1;
            }
            d
        };
        assert_eq!(depth(&t.sections[0]), MAX_DEPTH);
    }

    /// The heading as first computed: the whole first sentence found and measured, then cut.
    fn heading_reference(text: &str) -> String {
        let sentence = first_sentence(text);
        if sentence.width() <= HEADING_MAX {
            return sentence.to_string();
        }
        let cut = &sentence[..fitting_len(sentence)];
        let clause_end = cut
            .rfind([',', ';', ':', '–', '—', '，', '、'])
            .filter(|&at| cut[..at].width() >= 24);
        let word_end = cut.rfind(' ').filter(|&at| at > 0).unwrap_or(cut.len());
        let end = clause_end.unwrap_or(word_end);
        format!("{}…", cut[..end].trim_end())
    }

    #[test]
    fn a_heading_read_only_as_far_as_it_reaches_is_the_whole_sentence_cut() {
        const PIECES: &[&str] = &[
            " ",
            " ",
            " ",
            "word",
            "a",
            "longerword",
            "end.",
            "Mr.",
            "U.S.",
            "No.",
            "etc.",
            ";",
            ";;",
            "?",
            "!",
            ",",
            "—",
            "。",
            "鸭绿江",
            "é",
            "e\u{301}",
            "\u{200b}",
            "、",
        ];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 32) as usize
        };
        for _ in 0..50_000 {
            let pieces = next() % 70;
            let text: String = (0..pieces).map(|_| PIECES[next() % PIECES.len()]).collect();
            assert_eq!(heading_in(&text), heading_reference(&text), "{text:?}");
        }
    }

    #[test]
    fn headings_are_the_first_sentence_or_clause() {
        assert_eq!(heading_of("Regarding trade. The rest."), "Regarding trade.");
        assert_eq!(
            heading_of(
                "Regarding Japan-Soviet Relations, Cabinet Minister Abe conveyed that bilateral relations continue to be difficult."
            ),
            "Regarding Japan-Soviet Relations…"
        );
        assert_eq!(
            heading_of("Mr. Smith left early. Then."),
            "Mr. Smith left early."
        );
        assert_eq!(
            heading_of("The U.S. side agreed. Then."),
            "The U.S. side agreed."
        );
        assert_eq!(
            heading_of("Prof. Ahlberg spoke. Then."),
            "Prof. Ahlberg spoke."
        );
        let cjk = heading_of(&"鸭绿江口渔业季节问题".repeat(10));
        assert!(cjk.width() <= HEADING_MAX + 1, "{cjk}");
    }
}
