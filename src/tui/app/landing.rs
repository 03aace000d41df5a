//! Where a jump lands: on the words that were asked for, not at the top of their section.
//!
//! A palette jump takes the query's plain words to the text search of the detail pane (as
//! alternatives, `a | b`), so the words are highlighted and `n`/`N` go through them in the
//! document; the first match inside the chosen passage is put in the upper third of the view.

use super::{App, Pane};

impl App {
    /// Lands on the first of `words` inside the current passage (after a jump to it): the
    /// words become the text search, the match sits a third of the way down the pane. Without
    /// any of the words in the passage, the view stays at the section's start.
    pub(super) fn land_on_words(&mut self, words: &[String]) {
        let (Some(local), false) = (self.detail.marked, words.is_empty()) else {
            return;
        };
        let anchors = &self.detail.text.anchors;
        let Some(&start) = anchors.get(local) else {
            return;
        };
        let end = anchors
            .get(local + 1)
            .copied()
            .unwrap_or(self.detail.text.lines.len());
        let search = words.join(" | ");
        self.find_matches(&search);
        let Some(first) = self
            .detail
            .matches
            .iter()
            .position(|&(line, _, _)| line >= start && line < end)
        else {
            // The reader's own search stays as it was.
            let own = self.detail.search.clone();
            self.find_matches(&own);
            return;
        };
        self.detail.search = search;
        self.detail.current_match = first;
        let line = self.detail.matches[first].0;
        self.place_in_upper_third(line, start);
    }

    /// Scrolls so that `line` (of the passage starting at `start`) sits a third of the way
    /// down the view; the passage's start stays the top when the line is near it.
    pub(super) fn place_in_upper_third(&mut self, line: usize, start: usize) {
        let height = self.pane_height(Pane::Detail);
        let scroll = if line.saturating_sub(start) <= height / 3 {
            start.min(line)
        } else {
            line.saturating_sub(height / 3)
        };
        self.detail.scroll = scroll.min(self.max_scroll());
    }
}

/// The plain words of a query: what a reader would look for on the page. Field terms
/// (`from:x`), negations (`!x`) and `|` are left out; the fzf marks (`'x`, `^x`, `x$`) are
/// taken off.
pub(crate) fn query_words(query: &str) -> Vec<String> {
    query
        .split_whitespace()
        .filter(|t| *t != "|" && !t.starts_with('!') && !t.contains(':'))
        .map(|t| t.trim_start_matches(['\'', '^']).trim_end_matches('$'))
        .map(|t| t.trim_matches('"'))
        .filter(|t| t.chars().count() >= 2)
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::query_words;

    #[test]
    fn query_words_drop_fields_negations_and_marks() {
        assert_eq!(
            query_words("'survey ^orsini boats$ !maps from:pell | x"),
            ["survey", "orsini", "boats"]
        );
        assert!(query_words("year:1962").is_empty());
    }
}
