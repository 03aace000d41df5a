//! One `div type="document"` to one [`Document`].
//!
//! The document's own children are read first for what they say about it (head → title and
//! source note, opener/dateline → place and date, participants/subject/to lists → fields), then
//! everything is read in order as text: paragraphs, list items, closers, postscripts. Sections
//! come from the structure where the volume gives it (a `list` with `label`s, each
//! `frus:attachment`) and from a number written at the start of a paragraph otherwise; a
//! telegram's first paragraph starts with its serial number, which is never a section. Nested
//! document divs are documents of their own and are left to them. Unknown elements are read
//! as paragraphs, so no text is lost.

use std::collections::BTreeMap;

use roxmltree::Node;

use super::labels::{self, Leading, Style};
use super::meta::{classification_of, common_precision, date_part, iso_of_date, kind_of};
use super::names::{child, frus_attr, is_attachment, is_tei, local, tei, xml_id};
use super::text::{Inline, Run, mention_ids, note_text, plain};
use super::volume::Volume;
use crate::model::{DateValue, Document, Field, Link, Note, NoteAnchor, Section};
use crate::query::BODY_ID;

/// The passage name of notes that stand in the title.
pub const TITLE_PASSAGE: &str = "title";

/// Whether the element is a document of its own.
pub(crate) fn is_document_div(node: Node) -> bool {
    tei(node, "div")
        && (matches!(
            node.attribute("type"),
            Some("document" | "document-pending")
        ) || (node.attribute("subtype") == Some("historical-document")
            && !node.descendants().skip(1).any(|d| {
                tei(d, "div")
                    && matches!(d.attribute("type"), Some("document" | "document-pending"))
            })))
}

/// Reads one document div. `page` is the printed page it starts on.
pub(crate) fn read_document(
    div: Node,
    volume: &Volume,
    page: Option<&str>,
    path: &str,
) -> Document {
    let div_id = xml_id(div).unwrap_or("document");
    let mut b = Builder {
        doc: Document {
            id: format!("{}-{div_id}", volume.id),
            path: path.to_string(),
            rights: volume.rights.as_deref().map(Into::into),
            ..Document::default()
        },
        current: Vec::new(),
        label_stack: Vec::new(),
        label_root: Vec::new(),
        consumed: Vec::new(),
        last_of_style: BTreeMap::new(),
        telegram: false,
        paragraphs_seen: 0,
        mentioned_in: BTreeMap::new(),
    };
    let editorial = div.attribute("subtype") == Some("editorial-note");
    let mut fields = FieldSet::default();
    let head = child(div, "head");
    if let Some(head) = head {
        b.read_head(head, &mut fields);
        b.consumed.push(head.id());
    }
    let mut opener_label = None;
    for c in div.children().filter(|c| is_tei(*c)) {
        match local(c) {
            "opener" | "dateline" if b.doc.date.text.is_none() => {
                opener_label = opener_label.or(b.read_opener(c, &mut fields, true));
                b.consumed.push(c.id());
            }
            "list" if matches!(c.attribute("type"), Some("participants" | "subject" | "to")) => {
                let items: Vec<String> = c
                    .children()
                    .filter(|i| tei(*i, "item"))
                    .map(|i| b.inline_with_notes(i, TITLE_PASSAGE))
                    .filter(|t| !t.is_empty())
                    .collect();
                let target = match c.attribute("type") {
                    Some("participants") => &mut fields.participants,
                    Some("subject") => &mut fields.subject,
                    _ => &mut fields.to,
                };
                target.extend(items);
                b.consumed.push(c.id());
            }
            _ => {}
        }
    }
    // A dateline may stand in the closer only (a message dated at its end).
    if b.doc.date.text.is_none()
        && !editorial
        && let Some(dateline) = div.descendants().find(|d| tei(*d, "dateline"))
    {
        b.read_opener(dateline, &mut fields, false);
    }
    let kind = if editorial {
        Some("Editorial Note")
    } else {
        kind_of(&b.doc.title, opener_label.as_deref())
    };
    b.doc.kind = kind.map(Into::into);
    b.telegram = kind == Some("Telegram");
    if b.doc.date.iso.is_none() && !editorial {
        b.doc.date.iso = range_date(div, volume);
    }
    b.flow(div, &[], true);
    b.finish_fields(fields, div, volume, page);
    let mut glossary: Vec<crate::model::GlossaryEntry> =
        mentions(div, volume).into_iter().cloned().collect();
    for entry in &mut glossary {
        entry.passages = b.mentioned_in.remove(&entry.id).unwrap_or_default();
    }
    b.doc.glossary = glossary;
    b.doc
}

/// Fields gathered while reading, written in the fixed order at the end.
#[derive(Default)]
struct FieldSet {
    place: Option<String>,
    from: Vec<String>,
    to: Vec<String>,
    participants: Vec<String>,
    subject: Vec<String>,
}

struct Builder {
    doc: Document,
    /// Where paragraphs go: indexes into the section tree; empty for the body.
    current: Vec<usize>,
    /// Sections opened by numbers at the start of paragraphs, outermost first.
    label_stack: Vec<(Style, Vec<usize>)>,
    /// The section the numbered sections of `label_stack` were opened under.
    label_root: Vec<usize>,
    /// Children of the document div already read for its metadata.
    consumed: Vec<roxmltree::NodeId>,
    last_of_style: BTreeMap<u8, Leading>,
    telegram: bool,
    paragraphs_seen: usize,
    /// Glossary id → the passages that mention it, in the order first met.
    mentioned_in: BTreeMap<String, Vec<String>>,
}

impl Builder {
    fn read_head(&mut self, head: Node, fields: &mut FieldSet) {
        let run = Inline::of(head).finish_run();
        self.doc.title = run.text.clone();
        self.links_and_mentions(&run, TITLE_PASSAGE, 0);
        for (note, offset) in run.notes {
            self.add_note(note, TITLE_PASSAGE, 0, offset);
            let text = note_text(note);
            match note.attribute("type") {
                Some("source") if self.doc.source.is_none() => {
                    // The note keeps its text as printed; the field drops the `Source:` that
                    // its label already says.
                    let source = crate::model::source_without_label(&text).to_string();
                    self.doc.classification = classification_of(&source).map(Into::into);
                    self.doc.source = Some(source);
                }
                Some("summary") if self.doc.summary.is_none() => self.doc.summary = Some(text),
                _ => {}
            }
        }
        for party in head.descendants().filter(|d| d.is_element()) {
            let target = match party.attribute("type") {
                Some("from") => &mut fields.from,
                Some("to") => &mut fields.to,
                _ => continue,
            };
            let name = plain(party);
            if !name.is_empty() && !target.contains(&name) {
                target.push(name);
            }
        }
    }

    /// Reads an opener or a dateline: place, date, and a bracketed label (`[Telegram.]`).
    /// Text of it that is neither place nor date is kept as a body paragraph.
    fn read_opener(&mut self, node: Node, fields: &mut FieldSet, keep: bool) -> Option<String> {
        let whole = plain(node);
        let mut rest = whole.clone();
        if let Some(place) = node.descendants().find(|d| tei(*d, "placeName")) {
            let place = plain(place);
            rest = rest.replacen(&place, "", 1);
            fields.place.get_or_insert(place);
        }
        if let Some(date) = node.descendants().find(|d| tei(*d, "date")) {
            let text = plain(date);
            rest = rest.replacen(&text, "", 1);
            let iso =
                iso_of_date(date).or_else(|| crate::parse::date::parse_date(&text).map(|d| d.iso));
            self.doc.date = DateValue {
                text: Some(text).filter(|t| !t.is_empty()),
                iso,
            };
        }
        let label = node
            .descendants()
            .find(|d| tei(*d, "seg"))
            .map(plain)
            .filter(|s| !s.is_empty());
        if keep && rest.chars().any(char::is_alphanumeric) {
            self.paragraph(whole, Vec::new());
        }
        label
    }

    /// Text of a node whose notes are anchored at `passage` (participants, subjects).
    fn inline_with_notes(&mut self, node: Node, passage: &str) -> String {
        let run = Inline::of(node).finish_run();
        self.links_and_mentions(&run, passage, 0);
        for (note, offset) in run.notes {
            self.add_note(note, passage, 0, offset);
        }
        run.text
    }

    /// Keeps the links of a run of text (at `paragraph` of `passage`) and where its glossary
    /// mentions stand.
    fn links_and_mentions(&mut self, run: &Run, passage: &str, paragraph: usize) {
        for &(node, start, end) in &run.links {
            let text: String = run.text.chars().skip(start).take(end - start).collect();
            self.doc.links.push(Link {
                target: node
                    .attribute("target")
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
                doc_id: None,
                text,
                note: None,
                anchor: Some(NoteAnchor {
                    passage: passage.to_string(),
                    paragraph,
                    offset: start,
                }),
            });
        }
        for id in &run.mentions {
            self.mention(id, passage);
        }
    }

    fn mention(&mut self, id: &str, passage: &str) {
        // Most mentions repeat an id already met: no allocation for those.
        let passages = match self.mentioned_in.get_mut(id) {
            Some(passages) => passages,
            None => self.mentioned_in.entry(id.to_string()).or_default(),
        };
        if !passages.iter().any(|p| p == passage) {
            passages.push(passage.to_string());
        }
    }

    /// Reads the children of `node` in order. `root` is the section new sections open under;
    /// `numbered` whether a number at the start of a paragraph opens a section.
    fn flow(&mut self, node: Node, root: &[usize], numbered: bool) {
        let mut inline = Inline::default();
        for c in node.children() {
            if self.consumed.contains(&c.id()) {
                continue;
            }
            if is_block(c) {
                self.flush(&mut inline, root, false);
                self.block(c, root, numbered);
            } else {
                inline.node(c);
            }
        }
        self.flush(&mut inline, root, false);
    }

    fn block(&mut self, c: Node, root: &[usize], numbered: bool) {
        if is_attachment(c) {
            return self.attachment(c);
        }
        match local(c) {
            "p" | "ab" => self.mixed(c, root, numbered),
            "list" => self.list(c),
            "table" => {
                for row in c.children().filter(|r| tei(*r, "row")) {
                    let cells: Vec<String> = row
                        .children()
                        .filter(|x| tei(*x, "cell"))
                        .map(plain)
                        .collect();
                    self.paragraph(cells.join(" | "), Vec::new());
                }
            }
            "div" if is_document_div(c) => {}
            "div" => self.flow(c, root, numbered),
            _ if has_blocks(c) => self.flow(c, &self.current.clone(), false),
            _ => self.run(Inline::of(c).finish_run()),
        }
    }

    /// A paragraph that may hold lists: text runs become paragraphs, lists nest under the
    /// section the paragraph is in.
    fn mixed(&mut self, p: Node, root: &[usize], numbered: bool) {
        let mut inline = Inline::default();
        let mut first = true;
        for c in p.children() {
            if is_block(c) {
                self.flush(&mut inline, root, numbered && first);
                first = false;
                let here = self.current.clone();
                self.block(c, &here, false);
            } else {
                inline.node(c);
            }
        }
        self.flush(&mut inline, root, numbered && first);
    }

    /// Emits the run as a paragraph, opening a section when `numbered` and it starts with a
    /// label.
    fn flush(&mut self, inline: &mut Inline, root: &[usize], numbered: bool) {
        let mut run = std::mem::take(inline).finish_run();
        if run.text.is_empty() && run.notes.is_empty() {
            return;
        }
        let serial = self.telegram && self.paragraphs_seen == 0;
        if numbered && !serial {
            if let Some((leading, rest)) = labels::leading_label(&run.text) {
                let leading = self.resolve_roman(leading);
                let key = style_key(leading.style);
                if labels::in_sequence(&leading, self.last_of_style.get(&key)) {
                    let cut = run.text.chars().count() - rest.chars().count();
                    let rest = rest.to_string();
                    run.shift(cut);
                    run.text = rest;
                    self.open_numbered(root, &leading);
                    self.last_of_style.insert(key, leading);
                    self.run(run);
                    return;
                }
            }
        }
        self.run(run);
    }

    /// `I.` is the ninth letter only after `H.`; otherwise a roman one.
    fn resolve_roman(&self, mut leading: Leading) -> Leading {
        let after_h = self
            .last_of_style
            .get(&style_key(Style::Upper))
            .is_some_and(|l| l.value == "H");
        if leading.style == Style::Upper && leading.value == "I" && !after_h {
            leading.style = Style::Roman;
        }
        leading
    }

    fn open_numbered(&mut self, root: &[usize], leading: &Leading) {
        if self.label_root != root {
            self.label_stack.clear();
            self.label_root = root.to_vec();
        }
        if let Some(at) = self
            .label_stack
            .iter()
            .position(|(s, _)| *s == leading.style)
        {
            self.label_stack.truncate(at);
        }
        let parent = self
            .label_stack
            .last()
            .map_or_else(|| root.to_vec(), |(_, p)| p.clone());
        let path = self.open_section(&parent, &leading.label);
        self.label_stack.push((leading.style, path));
    }

    /// A list: with labels, each label and item is a section under the current one; without,
    /// each item is a paragraph (or several).
    fn list(&mut self, list: Node) {
        let labelled = list.children().any(|c| tei(c, "label"));
        let parent = self.current.clone();
        let mut label: Option<String> = None;
        for c in list.children() {
            if tei(c, "label") {
                label = Some(plain(c));
            } else if tei(c, "item") {
                match label.take().filter(|_| labelled) {
                    Some(text) => {
                        let path = self.open_section(&parent, &text);
                        let here = path.clone();
                        self.flow(c, &here, false);
                    }
                    None => {
                        self.current = parent.clone();
                        self.flow(c, &parent.clone(), false);
                    }
                }
            } else if tei(c, "head") {
                self.run(Inline::of(c).finish_run());
            } else if tei(c, "note") {
                self.block_note(c);
            } else if c.is_element() && !tei(c, "pb") {
                self.block(c, &parent.clone(), false);
            }
        }
        if let Some(text) = label {
            self.paragraph(text, Vec::new());
        }
    }

    /// An attachment: a top-level section of its own, labelled by its head.
    fn attachment(&mut self, node: Node) {
        let head = child(node, "head").map(plain).unwrap_or_default();
        let path = self.open_section(&[], "Attachment");
        let saved = std::mem::take(&mut self.label_stack);
        self.flow(node, &path, true);
        self.label_stack = saved;
        if !head.is_empty()
            && let Some(section) = section_at(&mut self.doc.sections, &path)
        {
            section.set_heading(head);
        }
        self.current = path;
    }

    fn block_note(&mut self, note: Node) {
        let (passage, paragraph) = self.here();
        self.add_note(note, &passage, paragraph, 0);
    }

    /// The current passage's id and its paragraph count.
    fn here(&mut self) -> (String, usize) {
        if self.current.is_empty() {
            return (BODY_ID.to_string(), self.doc.body.len());
        }
        match section_at(&mut self.doc.sections, &self.current) {
            Some(s) => (s.id.clone(), s.paragraphs.len()),
            None => (BODY_ID.to_string(), self.doc.body.len()),
        }
    }

    fn paragraph(&mut self, text: String, notes: Vec<(Node, usize)>) {
        let mut run = Run::text(text);
        run.notes = notes;
        self.run(run);
    }

    /// A paragraph with its notes, links and mentions.
    fn run(&mut self, run: Run) {
        let (passage, index) = self.here();
        self.links_and_mentions(&run, &passage, index);
        for (note, offset) in run.notes {
            self.add_note(note, &passage, index, offset);
        }
        let text = run.text;
        if text.is_empty() {
            return;
        }
        self.paragraphs_seen += 1;
        let target = if self.current.is_empty() {
            &mut self.doc.body
        } else {
            match section_at(&mut self.doc.sections, &self.current) {
                Some(s) => &mut s.paragraphs,
                None => &mut self.doc.body,
            }
        };
        target.push(text);
    }

    fn add_note(&mut self, note: Node, passage: &str, paragraph: usize, offset: usize) {
        let n = note.attribute("n").unwrap_or_default().trim().to_string();
        let anchor = NoteAnchor {
            passage: passage.to_string(),
            paragraph,
            offset,
        };
        // A note's references ("See Document 96") and mentions belong to where its mark is.
        for d in note.descendants() {
            if tei(d, "ref")
                && let Some(target) = d.attribute("target")
            {
                self.doc.links.push(Link {
                    target: target.trim().to_string(),
                    doc_id: None,
                    text: plain(d),
                    note: Some(n.clone()),
                    anchor: Some(anchor.clone()),
                });
            }
            for id in mention_ids(d) {
                self.mention(id, passage);
            }
        }
        self.doc.footnotes.push(Note {
            n,
            id: xml_id(note).map(str::to_string),
            text: note_text(note),
            anchor: Some(anchor),
        });
    }

    /// Opens a section labelled `label` under `parent` and makes it current.
    fn open_section(&mut self, parent: &[usize], label: &str) -> Vec<usize> {
        let parent_id = section_at(&mut self.doc.sections, parent).map(|s| s.id.clone());
        let mut path = if parent_id.is_some() {
            parent.to_vec()
        } else {
            Vec::new()
        };
        let key = labels::key(label);
        let base = match parent_id {
            Some(id) => format!("{id}.{key}"),
            None => key,
        };
        let mut id = base.clone();
        let mut n = 2;
        while self.doc.section(&id).is_some() {
            id = format!("{base}-{n}");
            n += 1;
        }
        let section = Section {
            label: label.to_string(),
            id,
            heading: crate::model::Heading::Derived,
            ..Section::default()
        };
        let siblings = match section_at(&mut self.doc.sections, &path) {
            Some(s) => &mut s.children,
            None => &mut self.doc.sections,
        };
        siblings.push(section);
        path.push(siblings.len() - 1);
        self.current = path.clone();
        path
    }

    fn finish_fields(&mut self, f: FieldSet, div: Node, volume: &Volume, page: Option<&str>) {
        let mut out = Vec::new();
        let mut add = |name: &str, value: Option<String>| {
            if let Some(value) = value.filter(|v| !v.is_empty()) {
                out.push(Field::new(name, value));
            }
        };
        let join = |v: Vec<String>| Some(v.join("; "));
        add("Place", f.place);
        add("From", join(f.from));
        add("To", join(f.to));
        add("Participants", join(f.participants));
        add("Subject", join(f.subject));
        add("Volume", Some(volume.title.clone()));
        add("Chapter", chapter_of(div));
        add("Document", div.attribute("n").map(|n| n.trim().to_string()));
        add("Page", page.map(str::to_string));
        add(
            "URL",
            xml_id(div).map(|id| {
                format!(
                    "https://history.state.gov/historicaldocuments/{}/{id}",
                    volume.id
                )
            }),
        );
        self.doc.fields = out;
        let mut record = Vec::new();
        if !volume.editors.is_empty() {
            record.push(Field::new("Editor", volume.editors.join(" and ")));
        }
        if let Some(published) = &volume.published {
            record.push(Field::new("Published", published.clone()));
        }
        self.doc.record_fields = record;
    }
}

/// Elements read as blocks of their own rather than as inline text.
fn is_block(node: Node) -> bool {
    if !node.is_element() {
        return false;
    }
    if is_attachment(node) {
        return true;
    }
    is_tei(node)
        && match local(node) {
            "p" | "ab" | "list" | "table" | "closer" | "postscript" | "lg" | "floatingText"
            | "div" | "opener" | "dateline" | "head" | "salute" | "trailer" | "byline"
            | "epigraph" | "argument" | "signed" => true,
            "quote" => has_blocks(node),
            _ => false,
        }
}

fn has_blocks(node: Node) -> bool {
    node.children().any(|c| {
        c.is_element() && (matches!(local(c), "p" | "list" | "table" | "lg") || is_attachment(c))
    })
}

fn style_key(style: Style) -> u8 {
    style as u8
}

/// The section at `path` in the tree.
fn section_at<'s>(sections: &'s mut [Section], path: &[usize]) -> Option<&'s mut Section> {
    let (first, rest) = path.split_first()?;
    let mut section = sections.get_mut(*first)?;
    for i in rest {
        section = section.children.get_mut(*i)?;
    }
    Some(section)
}

/// The head of the nearest enclosing division (chapter, compilation), notes left out.
fn chapter_of(div: Node) -> Option<String> {
    div.ancestors()
        .skip(1)
        .filter(|a| tei(*a, "div"))
        .find_map(|a| child(a, "head").map(plain).filter(|h| !h.is_empty()))
}

/// A document without a dated dateline: the day (or month, year) its `doc-dateTime` range
/// names, unless the range is the volume's whole coverage.
fn range_date(div: Node, volume: &Volume) -> Option<String> {
    let min = frus_attr(div, "doc-dateTime-min").and_then(date_part)?;
    let max = frus_attr(div, "doc-dateTime-max").and_then(date_part)?;
    let cover = (
        volume.coverage.0.as_deref().and_then(date_part),
        volume.coverage.1.as_deref().and_then(date_part),
    );
    if cover == (Some(min.clone()), Some(max.clone())) {
        return None;
    }
    common_precision(&min, &max)
}

/// The glossary entries the document tags (`persName/@corresp`, `gloss/@target`), by name.
fn mentions<'v>(div: Node, volume: &'v Volume) -> Vec<&'v crate::model::GlossaryEntry> {
    let mut found: Vec<&crate::model::GlossaryEntry> = div
        .descendants()
        .filter(|d| d.is_element() && matches!(local(*d), "persName" | "gloss" | "term"))
        .filter(|d| {
            !d.ancestors()
                .skip(1)
                .take_while(|a| *a != div)
                .any(is_document_div)
        })
        .flat_map(|d| {
            d.attribute("corresp")
                .into_iter()
                .chain(d.attribute("target"))
                .flat_map(str::split_whitespace)
        })
        .filter_map(|target| volume.glossary.get(target.trim_start_matches('#')))
        .collect();
    found.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    found.dedup_by(|a, b| a.id == b.id);
    found
}
