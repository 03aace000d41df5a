//! Mixed content to clean, collapsed text, remembering where the notes and mentions stood.
//!
//! FRUS files are pretty-printed, so every run of whitespace (line wraps inside text included)
//! becomes one space; `lb` is a space and `pb` nothing (a page break may split a word). Notes
//! are not part of the text they annotate: their mark's character offset is kept instead.
//! Text is cleaned of control and bidi characters word by word, as it is collapsed, so that
//! the offsets count the characters that are finally shown.

use roxmltree::Node;

use super::names::{is_tei, local};
use crate::parse::clean::clean_line;

/// Text being collapsed, with the notes and glossary mentions met on the way.
#[derive(Default)]
pub(crate) struct Inline<'a, 'i> {
    text: String,
    chars: usize,
    pending_space: bool,
    /// Notes met, with the character offset where their mark stood.
    pub notes: Vec<(Node<'a, 'i>, usize)>,
    /// `ref`s with a target met, with the character range of their words.
    links: Vec<(Node<'a, 'i>, usize, usize)>,
    /// Glossary ids the text tags (`persName/@corresp`, `gloss/@target`), without `#`.
    mentions: Vec<&'a str>,
}

/// A run of text with what stood in it: notes (at a character offset), links (a character
/// range) and the glossary entries it mentions.
pub(crate) struct Run<'a, 'i> {
    pub text: String,
    pub notes: Vec<(Node<'a, 'i>, usize)>,
    pub links: Vec<(Node<'a, 'i>, usize, usize)>,
    pub mentions: Vec<&'a str>,
}

impl<'a, 'i> Run<'a, 'i> {
    /// A run that is only text.
    pub fn text(text: String) -> Self {
        Run {
            text,
            notes: Vec::new(),
            links: Vec::new(),
            mentions: Vec::new(),
        }
    }

    /// Drops the first `cut` characters' worth of offsets (a label taken off the text).
    pub fn shift(&mut self, cut: usize) {
        for (_, at) in &mut self.notes {
            *at = at.saturating_sub(cut);
        }
        for (_, start, end) in &mut self.links {
            *start = start.saturating_sub(cut);
            *end = end.saturating_sub(cut);
        }
    }
}

/// The glossary ids an element tags: `corresp` of a name, `target` of a gloss or term.
pub(crate) fn mention_ids<'a>(node: Node<'a, '_>) -> impl Iterator<Item = &'a str> {
    let tagged = node.is_element() && matches!(local(node), "persName" | "gloss" | "term");
    tagged
        .then(|| {
            node.attribute("corresp")
                .into_iter()
                .chain(node.attribute("target"))
        })
        .into_iter()
        .flatten()
        .flat_map(str::split_whitespace)
        .map(|id| id.trim_start_matches('#'))
}

impl<'a, 'i> Inline<'a, 'i> {
    /// Collects the text of `node`'s children.
    pub fn of(node: Node<'a, 'i>) -> Self {
        let mut inline = Inline::default();
        inline.children(node);
        inline
    }

    /// Adds the text of every child of `node`.
    pub fn children(&mut self, node: Node<'a, 'i>) {
        for child in node.children() {
            self.node(child);
        }
    }

    /// Adds one node's text.
    pub fn node(&mut self, node: Node<'a, 'i>) {
        if node.is_text() {
            self.push(node.text().unwrap_or_default());
            return;
        }
        if !node.is_element() {
            return;
        }
        match local(node) {
            "lb" if is_tei(node) => self.space(),
            "pb" if is_tei(node) => {}
            "note" if is_tei(node) => self.notes.push((node, self.chars)),
            "ref" if is_tei(node) && node.attribute("target").is_some() => {
                // The words start after the space that a pending one will put before them.
                let start = self.chars + usize::from(self.pending_space && !self.text.is_empty());
                self.children(node);
                self.links.push((node, start, self.chars.max(start)));
            }
            _ => {
                self.mentions.extend(mention_ids(node));
                self.children(node);
            }
        }
    }

    /// Adds text, collapsing whitespace.
    pub fn push(&mut self, text: &str) {
        let mut rest = text;
        while !rest.is_empty() {
            let start = rest.len() - rest.trim_start().len();
            if start > 0 {
                self.space();
                rest = &rest[start..];
                continue;
            }
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            self.word(&rest[..end]);
            rest = &rest[end..];
        }
    }

    fn word(&mut self, word: &str) {
        if self.pending_space && !self.text.is_empty() {
            self.text.push(' ');
            self.chars += 1;
        }
        self.pending_space = false;
        if word.chars().any(needs_cleaning) {
            let clean = clean_line(word);
            self.chars += clean.chars().count();
            self.text.push_str(&clean);
        } else {
            self.chars += word.chars().count();
            self.text.push_str(word);
        }
    }

    fn space(&mut self) {
        self.pending_space = true;
    }

    /// The text so far and its notes (offsets never beyond the text's end).
    pub fn finish(self) -> (String, Vec<(Node<'a, 'i>, usize)>) {
        let run = self.finish_run();
        (run.text, run.notes)
    }

    /// The text so far with its notes, links and mentions (offsets never beyond the end).
    pub fn finish_run(self) -> Run<'a, 'i> {
        let chars = self.chars;
        let notes = self
            .notes
            .into_iter()
            .map(|(n, at)| (n, at.min(chars)))
            .collect();
        let links = self
            .links
            .into_iter()
            .map(|(n, start, end)| (n, start.min(chars), end.min(chars)))
            .collect();
        Run {
            text: self.text,
            notes,
            links,
            mentions: self.mentions,
        }
    }
}

/// Control, format and bidi characters: what [`clean_line`] replaces or removes.
fn needs_cleaning(c: char) -> bool {
    c.is_control() || ('\u{200b}'..='\u{206f}').contains(&c) || c == '\u{feff}'
}

/// The collapsed text of a node with its notes left out (a title, a place).
pub(crate) fn plain(node: Node) -> String {
    Inline::of(node).finish().0
}

/// The collapsed text of a note: its paragraphs (and other blocks) separated by blank lines,
/// notes inside it kept inline.
pub(crate) fn note_text(note: Node) -> String {
    let blocks: Vec<Node> = note
        .children()
        .filter(|c| c.is_element() && matches!(local(*c), "p" | "list" | "quote" | "table"))
        .collect();
    if blocks.is_empty() {
        return all_text(note);
    }
    let mut out: Vec<String> = Vec::new();
    let mut run = String::new();
    for child in note.children() {
        if blocks.contains(&child) {
            let text = std::mem::take(&mut run);
            out.extend(Some(collapse(&text)).filter(|t| !t.is_empty()));
            out.push(all_text(child));
        } else {
            run.push_str(&all_text_raw(child));
        }
    }
    out.extend(Some(collapse(&run)).filter(|t| !t.is_empty()));
    out.join("\n\n")
}

/// Every character of a node, notes included, collapsed.
pub(crate) fn all_text(node: Node) -> String {
    collapse(&all_text_raw(node))
}

fn all_text_raw(node: Node) -> String {
    if node.is_text() {
        return node.text().unwrap_or_default().to_string();
    }
    let mut out = String::new();
    for d in node.descendants() {
        if d.is_text() {
            out.push_str(d.text().unwrap_or_default());
        } else if d.is_element() && local(d) == "lb" {
            out.push(' ');
        }
    }
    out
}

fn collapse(text: &str) -> String {
    let mut inline = Inline::default();
    inline.push(text);
    inline.finish().0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(xml: &str) -> roxmltree::Document<'_> {
        roxmltree::Document::parse(xml).expect("xml")
    }

    #[test]
    fn whitespace_collapses_lb_is_a_space_pb_is_nothing() {
        let d =
            doc("<p>  the\n   <hi>first</hi><lb/>line of the <pb n=\"3\"/>condi<pb/>tion  </p>");
        assert_eq!(plain(d.root_element()), "the first line of the condition");
    }

    #[test]
    fn notes_leave_the_text_and_keep_their_offset() {
        let d = doc("<p>Said so,<note n=\"2\">See <ref>Document 3</ref>.</note> and left.</p>");
        let (text, notes) = Inline::of(d.root_element()).finish();
        assert_eq!(text, "Said so, and left.");
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].1, "Said so,".chars().count());
        assert_eq!(note_text(notes[0].0), "See Document 3.");
    }

    #[test]
    fn links_keep_the_range_of_their_words_and_mentions_their_ids() {
        let d = doc(
            "<p>See <ref target=\"#d96\">Document\n 96</ref> of <persName corresp=\"#p_KHA1\">Kissinger</persName>.</p>",
        );
        let run = Inline::of(d.root_element()).finish_run();
        assert_eq!(run.text, "See Document 96 of Kissinger.");
        let (_, start, end) = run.links[0];
        let words: String = run.text.chars().skip(start).take(end - start).collect();
        assert_eq!(words, "Document 96");
        assert_eq!(run.mentions, vec!["p_KHA1"]);
    }

    #[test]
    fn control_characters_never_pass_and_offsets_count_what_is_shown() {
        let d = doc("<p>a\u{9b}31mb\u{202e}c<note>n</note>d</p>");
        let (text, notes) = Inline::of(d.root_element()).finish();
        assert!(
            !text.contains('\u{9b}') && !text.contains('\u{202e}'),
            "{text:?}"
        );
        assert_eq!(notes[0].1, text.chars().count() - 1);
    }
}
