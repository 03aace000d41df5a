//! The place being read, as the reader sees it and as it is remembered.
//!
//! The current section is the one holding the top line of the detail pane: scrolling moves
//! it, and with it the sections pane's selection, the status bar and what `y`, `m` and `c`
//! act on. The spot at the top is named by section, paragraph and character offset (a
//! [`crate::state::Anchor`]), so that it lands in the same place after a resize, at another
//! pane width, or (through its quote) after the file was edited.

use super::{App, Pane};
use crate::state::Anchor;

impl App {
    /// The passage (local index) holding line `line`: the last one starting at or above it.
    /// `None` in the document's heading, above the first passage.
    pub(super) fn passage_holding(&self, line: usize) -> Option<usize> {
        self.detail
            .text
            .anchors
            .iter()
            .rposition(|&start| start <= line)
    }

    /// Makes the section at the top of the view the current one (after a scroll).
    pub(super) fn follow_scroll(&mut self) {
        match self.passage_holding(self.detail.scroll) {
            Some(local) => self.mark_passage(local),
            None => {
                self.detail.marked = None;
                self.sections.selected = 0;
                self.sections.offset = 0;
            }
        }
    }

    /// The current passage, as an index into the search index's passages.
    pub fn marked_passage(&self) -> Option<usize> {
        Some(self.doc_passage_range().start + self.detail.marked?)
    }

    /// Marks a passage (local index) as current, selecting it in the sections pane when the
    /// pane lists it.
    pub(super) fn mark_passage(&mut self, local: usize) {
        self.detail.marked = Some(local);
        let passage = self.doc_passage_range().start + local;
        if let Some(position) = self.sections.items.iter().position(|&p| p == passage) {
            let height = self.pane_height(Pane::Sections);
            self.sections.select(position, height);
        }
    }

    /// The spot at the top of the detail pane: the first body paragraph line at or below it.
    /// `None` in the heading, or when nothing below is a paragraph.
    pub fn anchor_at_top(&self) -> Option<Anchor> {
        let doc = self.current_doc()?;
        let lines = &self.detail.text.lines;
        let top = self.detail.scroll.min(lines.len());
        self.passage_holding(top)?;
        let (local, origin) = lines[top..]
            .iter()
            .find_map(|l| Some((l.passage?, l.origin?)))?;
        let section = self.section_id(self.doc_passage_range().start + local);
        Some(Anchor::new(doc, section, origin.paragraph, origin.offset))
    }

    /// The spot that `m` bookmarks: the top of the view when it is in the current section,
    /// else the current section's start.
    pub(super) fn anchor_to_bookmark(&self) -> Option<Anchor> {
        let doc = self.current_doc()?;
        let local = self.reading_passage()?;
        let section = self.section_id(self.doc_passage_range().start + local);
        let top = self.anchor_at_top().filter(|a| a.section == section);
        Some(top.unwrap_or_else(|| Anchor::new(doc, section, 0, 0)))
    }

    /// Scrolls the shown document so that the spot is at the top of the view (or as near as
    /// the end of the document allows), and makes its section current. False when the spot
    /// is no longer in the document.
    pub fn land_on(&mut self, anchor: &Anchor) -> bool {
        let Some((local, line)) = self.spot_line(anchor) else {
            return false;
        };
        self.detail.scroll = line.min(self.max_scroll());
        self.mark_passage(local);
        true
    }

    /// Like [`App::land_on`], for a jump (a bookmark): the spot a third of the way down the
    /// view, or the section's start when the spot is near it.
    pub fn land_on_in_upper_third(&mut self, anchor: &Anchor) -> bool {
        let Some((local, line)) = self.spot_line(anchor) else {
            return false;
        };
        let start = self.detail.text.anchors.get(local).copied().unwrap_or(0);
        self.place_in_upper_third(line, start);
        self.mark_passage(local);
        true
    }

    /// The passage (local index) and line of the spot `anchor` names, in the current layout.
    fn spot_line(&self, anchor: &Anchor) -> Option<(usize, usize)> {
        let doc = self.current_doc()?;
        let found = anchor.locate(doc)?;
        let range = self.doc_passage_range();
        let local = range
            .clone()
            .position(|p| self.section_id(p) == found.section)?;
        let lines = &self.detail.text.lines;
        let start = self.detail.text.anchors.get(local).copied().unwrap_or(0);
        let line = lines
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, l)| l.passage == Some(local))
            .filter_map(|(i, l)| Some((i, l.origin?)))
            .find(|(_, o)| o.paragraph == found.paragraph && o.offset <= found.offset)
            .map_or(start, |(i, _)| i);
        Some((local, line))
    }
}
