//! Reading like a researcher: copying a section or a citation, opening the file elsewhere, and
//! the timeline. State changes only; the event loop carries out the [`Effect`]s.

use super::{Action, App, Input, Overlay};
use crate::query::BODY_ID;
use crate::tui::effects::Effect;
use crate::tui::timeline::{Timeline, chosen_year, without_dates};

impl App {
    /// The passage being read: the selected section, or the one at the top of the pane.
    pub(super) fn reading_passage(&self) -> Option<usize> {
        self.detail.marked.or_else(|| {
            self.detail.text.lines[self
                .detail
                .scroll
                .min(self.detail.text.lines.len().saturating_sub(1))..]
                .iter()
                .find_map(|l| l.passage)
        })
    }

    pub(super) fn copy_section(&mut self) {
        let Some(doc) = self.current_doc() else {
            return;
        };
        let Some(local) = self.reading_passage() else {
            self.message = Some("nothing to copy: this document has no text".into());
            return;
        };
        let section = self.section_id(self.doc_passage_range().start + local);
        let text = crate::cite::section_text(doc, section).unwrap_or_default();
        let what = if section == BODY_ID {
            "the opening text".to_string()
        } else {
            format!("section {section}")
        };
        self.copy(text, &what);
    }

    /// Copies a citation in the configured style: of the section being read (`para. 2.1.b`;
    /// the opening text is cited without a pinpoint), else of the whole document.
    pub(super) fn copy_citation(&mut self, pinpoint: bool) {
        let Some(doc) = self.current_doc() else {
            return;
        };
        let style = self.config.citation_style;
        let section = pinpoint
            .then(|| self.reading_passage())
            .flatten()
            .map(|local| self.section_id(self.doc_passage_range().start + local))
            .filter(|&s| s != BODY_ID);
        let cited = crate::citation::cite(doc, style, section);
        let (text, what) = match section {
            Some(section) => (
                cited.citation,
                format!("a {} citation of {section}", style.name()),
            ),
            None => (
                cited.bibliography,
                format!("a {} citation of the document", style.name()),
            ),
        };
        self.copy(crate::parse::clean::clean_line(&text), &what);
    }

    fn copy(&mut self, text: String, what: &str) {
        if !self.config.osc52 {
            self.message = Some(
                "copying is off (osc52 = false in the config); `dossier cite` prints citations"
                    .into(),
            );
            return;
        }
        let chars = text.chars().count();
        self.effects.push(Effect::Copy(text));
        self.message = Some(format!(
            "copied {what} ({chars} characters) to the clipboard"
        ));
    }

    pub(super) fn open_file(&mut self, editor: bool) {
        let Some(doc) = self.current_doc() else {
            return;
        };
        let path = std::path::PathBuf::from(&doc.path);
        let line = self.source_line_at_top();
        self.effects.push(if editor {
            Effect::Edit(path, line)
        } else {
            Effect::Page(path, line)
        });
    }

    /// The file's line of the paragraph at the top of the view (`None` in the heading, or
    /// when the file cannot be read or the paragraph is not found in it).
    fn source_line_at_top(&self) -> Option<usize> {
        let doc = self.current_doc()?;
        let anchor = self.anchor_at_top()?;
        let paragraphs = if anchor.section == BODY_ID {
            &doc.body
        } else {
            &doc.section(&anchor.section)?.paragraphs
        };
        let paragraph = paragraphs.get(anchor.paragraph)?;
        let file = std::fs::read_to_string(&doc.path).ok()?;
        let xml = doc.path.ends_with(".xml");
        super::source_line::line_of(&file, paragraph, xml)
    }

    // --- timeline ----------------------------------------------------------------------

    /// Opens (or closes) the timeline for the documents the filter shows, year terms aside.
    pub(super) fn open_timeline(&mut self) {
        if self.timeline.take().is_some() {
            self.overlay = Overlay::None;
            self.relayout_detail(self.pane_height(super::Pane::Detail));
            return;
        }
        match self.timeline_of_filter(chosen_year(&self.documents.filter)) {
            Some(timeline) => {
                self.timeline = Some(timeline);
                self.overlay = Overlay::Timeline;
                self.input = Input::None;
                self.message = Some("←/→ choose a year · Enter filter to it · Esc close".into());
            }
            None => self.message = Some("no dated documents to chart".into()),
        }
        self.relayout_detail(self.pane_height(super::Pane::Detail));
    }

    /// The timeline of the documents the filter shows, year terms aside.
    pub(super) fn timeline_of_filter(&self, year: Option<i32>) -> Option<Timeline> {
        let base = crate::query::parse_query(&without_dates(&self.documents.filter));
        let docs = self.docs.iter().enumerate().filter(|(i, doc)| {
            base.is_empty()
                || self
                    .matcher
                    .score(&base, &[&self.doc_rows[*i], &self.index.titles[*i]], doc)
                    .is_some()
        });
        Timeline::of(docs.map(|(_, d)| d), year)
    }

    pub(super) fn timeline_action(&mut self, action: Action) {
        let Some(timeline) = self.timeline.as_mut() else {
            self.overlay = Overlay::None;
            return;
        };
        match action {
            Action::FocusLeft | Action::Up => timeline.step(-1),
            Action::FocusRight | Action::Down => timeline.step(1),
            Action::Top => {
                timeline.cursor = timeline.counts.iter().position(|&c| c > 0).unwrap_or(0)
            }
            Action::Bottom => {
                timeline.cursor = timeline.counts.iter().rposition(|&c| c > 0).unwrap_or(0)
            }
            Action::Open | Action::Accept => {
                let year = timeline.year();
                let base = without_dates(&self.documents.filter);
                let filter = if base.is_empty() {
                    format!("year:{year}")
                } else {
                    format!("{base} year:{year}")
                };
                self.set_documents_filter(filter);
                self.message = Some(format!("documents of {year}"));
            }
            Action::ToggleTimeline | Action::Cancel => {
                self.timeline = None;
                self.overlay = Overlay::None;
                self.relayout_detail(self.pane_height(super::Pane::Detail));
            }
            _ => {}
        }
    }
}
