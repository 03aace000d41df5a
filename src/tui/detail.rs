//! The detail pane's content: a document laid out as wrapped lines for a given width.
//!
//! Layout happens once per (document, width), in the state, so that scrolling, jumping to a
//! section and searching are plain index arithmetic and can be tested without a terminal.

use unicode_width::UnicodeWidthStr;

use super::wrap::wrap;
use crate::model::metadata;
use crate::model::{Document, Note, Section};
use crate::query::BODY_ID;
use crate::query::fold::fold;

/// What a line shows, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Title,
    /// A metadata row: the first `label` characters are the field name.
    Meta,
    Heading,
    Text,
    /// Rights, record labels, funders: the archive's boilerplate.
    Faint,
    Blank,
    Rule,
}

/// One screen line of the detail pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailLine {
    pub text: String,
    pub kind: LineKind,
    /// Characters at the start styled as a label (a field name or a section label).
    pub label: usize,
    /// The passage (index in the document's passage list) this line belongs to.
    pub passage: Option<usize>,
    /// Character ranges of the line shown as links or highlighted sentences.
    pub marks: Vec<(usize, usize, Mark)>,
    /// Where in the passage's own text this line starts, for positions that survive a new
    /// width ([`Origin`]); `None` for lines that are no body paragraph (title, metadata, rules).
    pub origin: Option<Origin>,
}

/// What a marked range of a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// The words of a cross-reference (`f` lists and follows them).
    Link,
    /// A highlighted sentence.
    Highlight,
}

/// A range of a paragraph's text to mark: passage id, paragraph, characters, what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextMark {
    pub passage: String,
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    pub mark: Mark,
}

/// The start of a screen line in its passage: paragraph index and character offset in the
/// paragraph as shown (spaces the wrap dropped counted back), so a width change finds it again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    pub paragraph: usize,
    pub offset: usize,
}

/// A document laid out for one width.
#[derive(Debug, Clone, Default)]
pub struct DetailText {
    pub lines: Vec<DetailLine>,
    /// For each passage of the document, the line where it starts.
    pub anchors: Vec<usize>,
}

struct Builder<'m> {
    width: usize,
    text: DetailText,
    /// Notes already shown under their paragraph (by address).
    shown: Vec<*const Note>,
    /// Ranges to mark in paragraphs (links, highlighted sentences).
    marks: &'m [TextMark],
    /// The ranges of the paragraph being laid out, in the characters shown.
    ranges: Vec<(usize, usize, Mark)>,
    /// The paragraph whose lines are being pushed, if a body paragraph.
    in_paragraph: Option<usize>,
}

impl Builder<'_> {
    fn push(&mut self, text: String, kind: LineKind, label: usize, passage: Option<usize>) {
        self.push_marked(text, kind, label, passage, Vec::new());
    }

    fn push_marked(
        &mut self,
        text: String,
        kind: LineKind,
        label: usize,
        passage: Option<usize>,
        marks: Vec<(usize, usize, Mark)>,
    ) {
        let origin = self.in_paragraph.map(|paragraph| Origin {
            paragraph,
            offset: 0,
        });
        self.text.lines.push(DetailLine {
            text,
            kind,
            label,
            passage,
            marks,
            origin,
        });
    }

    /// Takes the marks of a paragraph for the next [`Builder::paragraph`]: their ranges moved
    /// past the note marks that [`with_marks`] put before them.
    fn mark_paragraph(&mut self, notes: &[Note], passage: &str, paragraph: usize) {
        let inserted = note_marks(notes, passage, paragraph);
        let shift = |at: usize, inclusive: bool| -> usize {
            at + inserted
                .iter()
                .filter(|(o, _)| if inclusive { *o <= at } else { *o < at })
                .map(|(_, len)| len)
                .sum::<usize>()
        };
        self.ranges = self
            .marks
            .iter()
            .filter(|m| m.passage == passage && m.paragraph == paragraph && m.start < m.end)
            .map(|m| (shift(m.start, true), shift(m.end, false), m.mark))
            .collect();
        self.ranges.sort_by_key(|r| r.0);
    }

    fn blank(&mut self) {
        if self
            .text
            .lines
            .last()
            .is_some_and(|l| l.kind != LineKind::Blank)
        {
            self.push(String::new(), LineKind::Blank, 0, None);
        }
    }

    /// A paragraph with an optional label before its first line and a hanging indent.
    fn paragraph(
        &mut self,
        indent: usize,
        label: &str,
        text: &str,
        kind: LineKind,
        passage: Option<usize>,
    ) {
        let label_width = if label.is_empty() {
            0
        } else {
            label.width() + 1
        };
        let hang = (indent + label_width).min(self.width / 2);
        let room = self.width.saturating_sub(hang).max(8);
        let pad = " ".repeat(indent);
        let ranges = std::mem::take(&mut self.ranges);
        let chars: Vec<char> = text.chars().collect();
        let mut at = 0;
        let lines = wrap(text, room, 0);
        let origins = line_starts(text, &lines);
        for (i, line) in lines.into_iter().enumerate() {
            // Where the line stands in the text: wrapping only drops the spaces it breaks at.
            while chars.get(at) == Some(&' ') {
                at += 1;
            }
            let len = line.chars().count();
            let start = at;
            let aligned = chars
                .get(start..start + len)
                .is_some_and(|w| w.iter().copied().eq(line.chars()));
            at += len;
            let (shown, label_chars, prefix) = if i == 0 && !label.is_empty() {
                let label_chars = pad.chars().count() + label.chars().count();
                (format!("{pad}{label} {line}"), label_chars, label_chars + 1)
            } else {
                (format!("{}{line}", " ".repeat(hang)), 0, hang)
            };
            let marks = ranges
                .iter()
                .filter(|_| aligned)
                .filter_map(|&(s, e, mark)| {
                    let (s, e) = (s.max(start), e.min(start + len));
                    (s < e).then(|| (prefix + s - start, prefix + e - start, mark))
                })
                .collect();
            let first_line = self.text.lines.len();
            self.push_marked(shown, kind, label_chars, passage, marks);
            if let Some(origin) = self.text.lines[first_line].origin.as_mut() {
                origin.offset = origins[i];
            }
        }
    }

    /// A metadata row: the name in a column `name_width` wide, the value wrapped beside it. A
    /// name wider than the column (on a narrow pane) is whole on a line of its own, the value
    /// under it.
    fn meta(&mut self, name: &str, value: &str, name_width: usize) {
        let label = format!("{name}:");
        let room = self.width.saturating_sub(name_width + 2).max(8);
        let mut first = true;
        if label.width() > name_width + 1 {
            self.push(label.clone(), LineKind::Meta, label.chars().count(), None);
            first = false;
        }
        for line in wrap(value, room, 0) {
            if first {
                let padded = format!("{label:<width$}", width = name_width + 1);
                self.push(
                    format!("{padded} {line}"),
                    LineKind::Meta,
                    label.chars().count(),
                    None,
                );
                first = false;
            } else {
                self.push(
                    format!("{} {line}", " ".repeat(name_width + 1)),
                    LineKind::Meta,
                    0,
                    None,
                );
            }
        }
    }

    fn section(
        &mut self,
        section: &Section,
        depth: usize,
        next_passage: &mut usize,
        notes: &[Note],
    ) {
        let passage = *next_passage;
        *next_passage += 1;
        self.text.anchors.push(self.text.lines.len());
        let indent = depth * 2;
        for (i, paragraph) in section.paragraphs.iter().enumerate() {
            let label = if i == 0 { section.label.as_str() } else { "" };
            let extra = if i == 0 { 0 } else { section.label.width() + 1 };
            let (text, below) = with_marks(notes, &section.id, i, paragraph);
            self.mark_paragraph(notes, &section.id, i);
            self.in_paragraph = Some(i);
            self.paragraph(indent + extra, label, &text, LineKind::Text, Some(passage));
            self.in_paragraph = None;
            self.notes_below(indent + section.label.width() + 1, &below, Some(passage));
            self.blank();
        }
        for child in &section.children {
            self.section(child, depth + 1, next_passage, notes);
        }
    }

    /// The notes of a paragraph, each under it with its mark.
    fn notes_below(&mut self, indent: usize, notes: &[&Note], passage: Option<usize>) {
        for note in notes {
            self.shown.push(*note as *const Note);
            let mark = format!("[{}]", note.n);
            self.paragraph(
                indent + 2,
                &mark,
                &note.text.replace("\n\n", " "),
                LineKind::Faint,
                passage,
            );
        }
    }
}

/// The character offset in `text` at which each wrapped line starts. The wrap drops only the
/// spaces where it breaks, so counting the other characters finds each line's start.
fn line_starts(text: &str, lines: &[String]) -> Vec<usize> {
    let mut starts = Vec::with_capacity(lines.len());
    let mut chars = text.chars().enumerate().peekable();
    for line in lines {
        while chars.next_if(|(_, c)| *c == ' ').is_some() {}
        starts.push(chars.peek().map_or(text.chars().count(), |(i, _)| *i));
        let kept = line.chars().filter(|&c| c != ' ').count();
        let mut seen = 0;
        while seen < kept {
            match chars.next() {
                Some((_, ' ')) => {}
                Some(_) => seen += 1,
                None => break,
            }
        }
    }
    starts
}

/// Where [`with_marks`] puts note marks in a paragraph: (offset, characters of the mark).
fn note_marks(notes: &[Note], passage: &str, paragraph: usize) -> Vec<(usize, usize)> {
    notes
        .iter()
        .filter_map(|n| {
            let a = n.anchor.as_ref()?;
            (a.passage == passage && a.paragraph == paragraph)
                .then(|| (a.offset, n.n.chars().count() + 2))
        })
        .collect()
}

/// A paragraph's text with the marks of its notes put back where they stood (`[2]`), and
/// those notes. The marks are shown only: the model's text has none.
fn with_marks<'n>(
    notes: &'n [Note],
    passage: &str,
    paragraph: usize,
    text: &str,
) -> (String, Vec<&'n Note>) {
    let mut here: Vec<(usize, &Note)> = notes
        .iter()
        .filter_map(|n| {
            let a = n.anchor.as_ref()?;
            (a.passage == passage && a.paragraph == paragraph).then_some((a.offset, n))
        })
        .collect();
    if here.is_empty() {
        return (text.to_string(), Vec::new());
    }
    here.sort_by_key(|(at, _)| *at);
    let mut out = String::with_capacity(text.len() + 4 * here.len());
    let mut marks = here.iter().peekable();
    for (i, ch) in text.chars().enumerate() {
        while let Some((_, note)) = marks.next_if(|(at, _)| *at == i) {
            out.push_str(&format!("[{}]", note.n));
        }
        out.push(ch);
    }
    for (_, note) in marks {
        out.push_str(&format!("[{}]", note.n));
    }
    (out, here.into_iter().map(|(_, n)| n).collect())
}

/// Whether a note is the document's source note, shown as the `Source` row already.
fn is_source_note(doc: &Document, note: &Note) -> bool {
    doc.source.as_deref() == Some(crate::model::source_without_label(&note.text))
}

/// The ranges of a document's links that stand in its text.
pub fn link_marks(doc: &Document) -> Vec<TextMark> {
    doc.links
        .iter()
        .filter_map(|link| {
            let (start, end) = link.range()?;
            let anchor = link.anchor.as_ref()?;
            Some(TextMark {
                passage: anchor.passage.clone(),
                paragraph: anchor.paragraph,
                start,
                end,
                mark: Mark::Link,
            })
        })
        .collect()
}

/// Lays a document out for a pane `width` columns wide, its links marked.
pub fn layout_document(doc: &Document, width: usize) -> DetailText {
    layout_marked(doc, width, &link_marks(doc))
}

/// Lays a document out with the given ranges of its paragraphs marked.
pub fn layout_marked(doc: &Document, width: usize, marks: &[TextMark]) -> DetailText {
    let mut b = Builder {
        width: width.max(10),
        text: DetailText::default(),
        shown: Vec::new(),
        marks,
        ranges: Vec::new(),
        in_paragraph: None,
    };
    let (title, title_notes) = with_marks(
        &doc.footnotes,
        crate::formats::tei::TITLE_PASSAGE,
        0,
        &doc.title,
    );
    b.mark_paragraph(&doc.footnotes, crate::formats::tei::TITLE_PASSAGE, 0);
    b.paragraph(0, "", &title, LineKind::Title, None);
    b.blank();
    let mut rows = metadata(doc);
    for (name, value) in [("Summary", &doc.summary), ("Source", &doc.source)] {
        if let Some(value) = value {
            rows.push((name.to_string(), value.replace("\n\n", " ")));
        }
    }
    // The name column fits the longest name, unless that would leave the values less than
    // half the pane.
    let name_width = rows
        .iter()
        .map(|(n, _)| n.width() + 1)
        .max()
        .unwrap_or(0)
        .min(b.width / 2);
    for (name, value) in &rows {
        b.meta(name, value, name_width);
    }
    // The source note is a metadata row already; other notes of the heading follow the rows.
    let title_notes: Vec<&Note> = title_notes
        .into_iter()
        .filter(|n| !is_source_note(doc, n))
        .collect();
    b.notes_below(0, &title_notes, None);
    b.push("─".repeat(b.width.min(60)), LineKind::Rule, 0, None);
    b.blank();
    let mut next_passage = 0;
    if !doc.body.is_empty() {
        b.text.anchors.push(b.text.lines.len());
        for (i, paragraph) in doc.body.iter().enumerate() {
            let (text, below) = with_marks(&doc.footnotes, BODY_ID, i, paragraph);
            b.mark_paragraph(&doc.footnotes, BODY_ID, i);
            b.in_paragraph = Some(i);
            b.paragraph(0, "", &text, LineKind::Text, Some(0));
            b.in_paragraph = None;
            b.notes_below(0, &below, Some(0));
            b.blank();
        }
        next_passage = 1;
    }
    for section in &doc.sections {
        b.section(section, 0, &mut next_passage, &doc.footnotes);
    }
    // Notes whose paragraph is not shown (a participants list, an empty paragraph).
    let unplaced: Vec<&Note> = doc
        .footnotes
        .iter()
        .filter(|n| !b.shown.contains(&(*n as *const Note)))
        .filter(|n| !is_source_note(doc, n))
        .collect();
    if !unplaced.is_empty() {
        b.push("Footnotes".into(), LineKind::Heading, 0, None);
        b.notes_below(0, &unplaced, None);
        b.blank();
    }
    if !doc.notes.is_empty() {
        b.push("Notes".into(), LineKind::Heading, 0, None);
        for note in &doc.notes {
            b.paragraph(0, "", note, LineKind::Text, None);
            b.blank();
        }
    }
    if let Some(rights) = &doc.rights {
        for paragraph in rights.split("\n\n") {
            b.paragraph(0, "", paragraph, LineKind::Faint, None);
            b.blank();
        }
    }
    for field in &doc.record_fields {
        let text = if field.value.is_empty() {
            format!("{}: —", field.name)
        } else {
            format!("{}: {}", field.name, field.value)
        };
        b.paragraph(0, "", &text, LineKind::Faint, None);
    }
    if let Some(funders) = &doc.funders {
        b.paragraph(0, "", &format!("Funders: {funders}"), LineKind::Faint, None);
    }
    b.text
}

/// Character ranges of `needle` in a line, ignoring case (in any script).
pub fn find_in_line(line: &str, needle: &str) -> Vec<(usize, usize)> {
    if needle.is_empty() {
        return Vec::new();
    }
    let hay: Vec<char> = fold(line).chars().collect();
    let pat: Vec<char> = fold(needle).chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i + pat.len() <= hay.len() {
        if hay[i..i + pat.len()] == pat[..] {
            found.push((i, i + pat.len()));
            i += pat.len();
        } else {
            i += 1;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_document;

    fn seed() -> Document {
        let text =
            std::fs::read_to_string("sample/000_7f35e2ff8d3d54b0.txt").expect("seed in sample/");
        parse_document(&text, "seed", "seed.txt")
    }

    #[test]
    fn every_line_fits_the_width() {
        let doc = seed();
        for width in [20, 45, 80] {
            let text = layout_document(&doc, width);
            for line in &text.lines {
                assert!(
                    line.text.width() <= width.max(10),
                    "{width}: {:?}",
                    line.text
                );
            }
        }
    }

    #[test]
    fn anchors_point_at_each_section_label() {
        let doc = seed();
        let text = layout_document(&doc, 60);
        let labels: Vec<&str> = doc
            .flat_sections()
            .iter()
            .map(|(_, s)| s.label.as_str())
            .collect();
        assert_eq!(text.anchors.len(), labels.len());
        for (anchor, label) in text.anchors.iter().zip(labels) {
            assert!(
                text.lines[*anchor].text.trim_start().starts_with(label),
                "{label}"
            );
        }
    }

    #[test]
    fn the_name_column_fits_the_longest_name() {
        let doc = seed();
        for width in [36, 44, 94] {
            let text = layout_document(&doc, width);
            let meta: Vec<&DetailLine> = text
                .lines
                .iter()
                .filter(|l| l.kind == LineKind::Meta && l.label > 0)
                .collect();
            assert!(
                meta.iter().any(|l| l.text.starts_with("Classification:")),
                "{width}: the longest name is whole"
            );
            // Every value starts in the same column.
            let starts: std::collections::BTreeSet<usize> = meta
                .iter()
                .filter(|l| l.text.len() > l.label + 1)
                .map(|l| l.label + l.text[l.label..].chars().take_while(|c| *c == ' ').count())
                .collect();
            assert_eq!(starts.len(), 1, "{width}: {starts:?}");
        }
    }

    #[test]
    fn marked_ranges_follow_the_words_through_wrapping_and_note_marks() {
        let mut doc = Document {
            body: vec!["As agreed in the telegram of March 3 see Document 96 for the text.".into()],
            ..Document::default()
        };
        doc.footnotes.push(Note {
            n: "2".into(),
            anchor: Some(crate::model::NoteAnchor {
                passage: BODY_ID.into(),
                paragraph: 0,
                offset: 3,
            }),
            ..Note::default()
        });
        let start = doc.body[0].find("Document 96").expect("words");
        let marks = [TextMark {
            passage: BODY_ID.into(),
            paragraph: 0,
            start,
            end: start + "Document 96".len(),
            mark: Mark::Link,
        }];
        for width in [12, 20, 80] {
            let text = layout_marked(&doc, width, &marks);
            let marked: Vec<String> = text
                .lines
                .iter()
                .flat_map(|l| {
                    l.marks
                        .iter()
                        .map(|&(s, e, _)| l.text.chars().skip(s).take(e - s).collect::<String>())
                })
                .collect();
            assert_eq!(marked.join(" "), "Document 96", "{width}");
        }
    }

    #[test]
    fn finds_matches_ignoring_case() {
        assert_eq!(
            find_in_line("Gromyko met gromyko", "GROMYKO"),
            vec![(0, 7), (12, 19)]
        );
        assert_eq!(find_in_line("Министр Громыко", "громыко"), vec![(8, 15)]);
    }
}
