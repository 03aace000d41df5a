//! The body's section tree, nested by the order in which numbering styles appear.
//!
//! The first style seen is the top level; a style not yet open nests under the current section;
//! a style already open closes everything below it and adds a sibling. This reads `1.` › `(1)`
//! › `(a)` as well as `I.` › `A.` › `1.` › `a)` without a table of styles. Bullets are list
//! items, never parents of numbered sections: a new numbering style after a bullet list closes
//! the list and nests under the section that holds it, and bullets before any numbered section
//! are paragraphs of the leading body (a distribution list is not a section holding the rest
//! of the page). A list that restarts at `1.` after a paragraph ending with a colon (an agenda
//! inside item 4) nests under that paragraph's section instead of restarting the top level.
//! Paragraphs without a label continue the current section (or the leading body).

use std::collections::HashSet;

use super::label::{Label, Style, Wrap, parse_label};
use crate::model::{Heading, Section};

/// Deeper nesting than this is kept as text: it guards the stack of every recursive consumer.
pub const MAX_DEPTH: usize = 12;

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
            Some((Style::Bullet(_), ..)) if builder.open.is_empty() => builder.continue_text(text),
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
        let depth = self.depth_for(style, value);
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

    /// Where a section of this style and value goes: the deepest open level it continues;
    /// a new level under the current section when it restarts at 1 after an introducing
    /// colon; else the level of its style, or a new one.
    fn depth_for(&mut self, style: Style, value: u32) -> usize {
        if let Some(at) = self
            .open
            .iter()
            .rposition(|o| o.style == style && o.last + 1 == value)
        {
            return at;
        }
        let open_at = self.open.iter().rposition(|o| o.style == style);
        if open_at.is_some()
            && value == 1
            && !style_is_bullet(style)
            && self.open.len() < MAX_DEPTH
            && self.current_ends_with_colon()
        {
            return self.open.len();
        }
        open_at.unwrap_or_else(|| self.new_level(style))
    }

    /// Whether the current section's last paragraph introduces a list (`… as follows:`).
    fn current_ends_with_colon(&mut self) -> bool {
        let depth = self.open.len();
        depth > 0
            && self
                .children_at(depth - 1)
                .last()
                .and_then(|s| s.paragraphs.last())
                .is_some_and(|p| p.ends_with(':'))
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
        let t = tree(&["1. a", "(1) b", "- z", "(a) c", "2. d"]);
        assert_eq!(shape(&t.sections), "1[1.1[1.1.1 1.1.a]] 2");
    }

    #[test]
    fn bullets_before_any_section_are_body_paragraphs() {
        let t = tree(&[
            "Made in 3 copies for:",
            "- Comrade Novak",
            "- the file",
            "1. a",
            "2. b",
        ]);
        assert_eq!(
            t.body,
            vec!["Made in 3 copies for:", "- Comrade Novak", "- the file"]
        );
        assert_eq!(shape(&t.sections), "1 2");
    }

    #[test]
    fn a_list_restarting_after_a_colon_nests_under_its_item() {
        let t = tree(&["3. c", "4. The agenda was:", "1. x", "2. y", "3. z", "5. e"]);
        assert_eq!(shape(&t.sections), "3 4[4.1 4.2 4.3] 5");
        let t = tree(&["1. a", "2. b", "1. c"]);
        assert_eq!(shape(&t.sections), "1 2 1~2");
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
}
