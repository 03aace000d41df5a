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
    /// Where in the passage's own text this line starts, for positions that survive a new
    /// width ([`Origin`]); `None` for lines that are no body paragraph (title, metadata, rules).
    pub origin: Option<Origin>,
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

struct Builder {
    width: usize,
    text: DetailText,
    /// Notes already shown under their paragraph (by address).
    shown: Vec<*const Note>,
    /// The paragraph whose lines are being pushed, if a body paragraph.
    in_paragraph: Option<usize>,
}

impl Builder {
    fn push(&mut self, text: String, kind: LineKind, label: usize, passage: Option<usize>) {
        let origin = self.in_paragraph.map(|paragraph| Origin {
            paragraph,
            offset: 0,
        });
        self.text.lines.push(DetailLine {
            text,
            kind,
            label,
            passage,
            origin,
        });
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
        let lines = wrap(text, room, 0);
        let starts = line_starts(text, &lines);
        for (i, (line, start)) in lines.into_iter().zip(starts).enumerate() {
            let first_line = self.text.lines.len();
            if i == 0 && !label.is_empty() {
                let shown = format!("{pad}{label} {line}");
                let label_chars = pad.chars().count() + label.chars().count();
                self.push(shown, kind, label_chars, passage);
            } else {
                self.push(format!("{}{line}", " ".repeat(hang)), kind, 0, passage);
            }
            if let Some(origin) = self.text.lines[first_line].origin.as_mut() {
                origin.offset = start;
            }
        }
    }

    fn meta(&mut self, name: &str, value: &str, name_width: usize) {
        let mut shown = String::new();
        for ch in name.chars() {
            if shown.width() + ch.to_string().width() >= name_width {
                break;
            }
            shown.push(ch);
        }
        let label = format!("{shown}:");
        let padded = format!("{label:<width$}", width = name_width + 1);
        let room = self.width.saturating_sub(name_width + 2).max(8);
        for (i, line) in wrap(value, room, 0).into_iter().enumerate() {
            if i == 0 {
                self.push(
                    format!("{padded} {line}"),
                    LineKind::Meta,
                    label.chars().count(),
                    None,
                );
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

/// Lays a document out for a pane `width` columns wide.
pub fn layout_document(doc: &Document, width: usize) -> DetailText {
    let mut b = Builder {
        width: width.max(10),
        text: DetailText::default(),
        shown: Vec::new(),
        in_paragraph: None,
    };
    let (title, title_notes) = with_marks(
        &doc.footnotes,
        crate::formats::tei::TITLE_PASSAGE,
        0,
        &doc.title,
    );
    b.paragraph(0, "", &title, LineKind::Title, None);
    b.blank();
    let mut rows = metadata(doc);
    for (name, value) in [("Summary", &doc.summary), ("Source", &doc.source)] {
        if let Some(value) = value {
            rows.push((name.to_string(), value.replace("\n\n", " ")));
        }
    }
    let name_width = rows
        .iter()
        .map(|(n, _)| n.width() + 1)
        .max()
        .unwrap_or(0)
        .min(18)
        .min(b.width * 2 / 5);
    for (name, value) in &rows {
        b.meta(name, value, name_width);
    }
    // The source note is a metadata row already; other notes of the heading follow the rows.
    let title_notes: Vec<&Note> = title_notes
        .into_iter()
        .filter(|n| doc.source.as_deref() != Some(n.text.as_str()))
        .collect();
    b.notes_below(0, &title_notes, None);
    b.push("─".repeat(b.width.min(60)), LineKind::Rule, 0, None);
    b.blank();
    let mut next_passage = 0;
    if !doc.body.is_empty() {
        b.text.anchors.push(b.text.lines.len());
        for (i, paragraph) in doc.body.iter().enumerate() {
            let (text, below) = with_marks(&doc.footnotes, BODY_ID, i, paragraph);
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
        .filter(|n| doc.source.as_deref() != Some(n.text.as_str()))
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
    fn finds_matches_ignoring_case() {
        assert_eq!(
            find_in_line("Gromyko met gromyko", "GROMYKO"),
            vec![(0, 7), (12, 19)]
        );
        assert_eq!(find_in_line("Министр Громыко", "громыко"), vec![(8, 15)]);
    }
}
