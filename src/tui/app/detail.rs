//! The detail pane's state: laying the document out for the pane's width (keeping the
//! reading position across a resize), scrolling, and searching the text.

use super::{App, Pane, offset_by};
use crate::tui::detail::{DetailText, find_in_line, layout_marked, link_marks};

impl App {
    /// Lays the document out again for the pane's width. (`_old_height`, the pane's height
    /// before a resize, is no longer needed now that the spot at the top is kept.)
    pub(super) fn relayout_detail(&mut self, _old_height: usize) {
        let width = self.detail_width();
        let Some(doc) = self.current_doc() else {
            self.detail.text = DetailText::default();
            return;
        };
        // Keep the reading position: the spot at the top lands at the top again; in the
        // heading (no spot), the same fraction of the document.
        let spot = self.anchor_at_top();
        // A section chosen in the sections pane that is not the one at the top (near the
        // end of the document, where it cannot reach the top) stays in view instead.
        let marked = self.detail.marked;
        let chosen = marked.filter(|&m| Some(m) != self.passage_holding(self.detail.scroll));
        let (old_scroll, old_len) = (self.detail.scroll, self.detail.text.lines.len().max(1));
        let mut marks = link_marks(doc);
        marks.extend(self.sentence_marks());
        let text = layout_marked(doc, width, &marks);
        self.detail.text = text;
        self.detail.width = width;
        if let Some(chosen) = chosen {
            let start = self.detail.text.anchors.get(chosen).copied().unwrap_or(0);
            self.detail.scroll = start.min(self.max_scroll());
            self.mark_passage(chosen);
        } else if !spot.is_some_and(|spot| self.land_on(&spot)) {
            self.detail.scroll =
                (old_scroll * self.detail.text.lines.len() / old_len).min(self.max_scroll());
        }
        let search = self.detail.search.clone();
        self.find_matches(&search);
    }

    pub fn max_scroll(&self) -> usize {
        self.detail
            .text
            .lines
            .len()
            .saturating_sub(self.pane_height(Pane::Detail))
    }

    pub(super) fn scroll_detail(&mut self, delta: isize) {
        self.detail.scroll = offset_by(self.detail.scroll, delta).min(self.max_scroll());
        self.follow_scroll();
    }

    pub(super) fn set_search(&mut self, search: String) {
        self.find_matches(&search);
        self.detail.search = search;
        // Jump to the first match at or below the top of the pane, as `less` does.
        let scroll = self.detail.scroll;
        if let Some(i) = self.detail.matches.iter().position(|m| m.0 >= scroll) {
            self.detail.current_match = i;
            self.show_match();
        } else if !self.detail.matches.is_empty() {
            self.detail.current_match = 0;
            self.show_match();
        }
    }

    pub(super) fn find_matches(&mut self, search: &str) {
        // `a | b`: either word, as in the query syntax.
        let needles: Vec<&str> = search
            .split(" | ")
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .collect();
        self.detail.matches = self
            .detail
            .text
            .lines
            .iter()
            .enumerate()
            .flat_map(|(i, line)| {
                let mut found: Vec<(usize, usize)> = needles
                    .iter()
                    .flat_map(|needle| find_in_line(&line.text, needle))
                    .collect();
                found.sort_unstable();
                found.into_iter().map(move |(s, e)| (i, s, e))
            })
            .collect();
        self.detail.current_match = self
            .detail
            .current_match
            .min(self.detail.matches.len().saturating_sub(1));
    }

    pub(super) fn jump_match(&mut self, delta: isize) {
        let count = self.detail.matches.len();
        if count == 0 {
            if !self.detail.search.is_empty() {
                self.message = Some(format!("no match for {:?}", self.detail.search));
            }
            return;
        }
        let next = (self.detail.current_match as isize + delta).rem_euclid(count as isize);
        self.detail.current_match = next as usize;
        self.show_match();
        self.report_matches();
    }

    pub(super) fn show_match(&mut self) {
        if let Some(&(line, _, _)) = self.detail.matches.get(self.detail.current_match) {
            let height = self.pane_height(Pane::Detail);
            if line < self.detail.scroll || line >= self.detail.scroll + height {
                self.detail.scroll = line.saturating_sub(height / 3).min(self.max_scroll());
            }
        }
    }

    pub(super) fn report_matches(&mut self) {
        if !self.detail.search.is_empty() && self.detail.matches.is_empty() {
            self.message = Some(format!("no match for {:?}", self.detail.search));
        }
    }
}
