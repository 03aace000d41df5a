//! Choosing what `v` highlights: the passage being read as a whole, or one of its sentences.
//! `v` lists them (the whole passage first), j/k choose, Enter goes on to the note — or, on
//! something already highlighted, removes that highlight.

use super::{Action, App, Input, ListView, Overlay};
use crate::model::sentence_spans;
use crate::state::Highlight;
use crate::tui::effects::Effect;

/// The passage and sentences offered by the sentence overlay, and the one chosen.
#[derive(Debug, Clone, Default)]
pub struct SentencePick {
    /// The section id of the passage.
    pub section: String,
    /// Its sentences in order, paragraph after paragraph.
    pub sentences: Vec<String>,
    /// The sentence the note being typed goes with; `None` for the whole passage.
    pub chosen: Option<String>,
}

impl App {
    /// Opens the sentence overlay on the passage being read.
    pub(super) fn choose_highlight(&mut self, section: String) {
        let Some(doc) = self.current_doc() else {
            return;
        };
        let paragraphs = if section == crate::query::BODY_ID {
            doc.body.as_slice()
        } else {
            doc.section(&section)
                .map_or(&[][..], |s| s.paragraphs.as_slice())
        };
        let sentences: Vec<String> = paragraphs
            .iter()
            .flat_map(|p| sentence_spans(p).into_iter().map(move |r| p[r].to_string()))
            .collect();
        self.picker = ListView {
            items: (0..=sentences.len()).collect(),
            ..ListView::default()
        };
        self.sentence_pick = SentencePick {
            section,
            sentences,
            chosen: None,
        };
        self.overlay = Overlay::Sentences;
    }

    /// The index in `highlights` of what row `row` of the overlay offers, if it is
    /// highlighted already (row 0: the passage; then the sentences).
    pub fn picked_highlight(&self, row: usize) -> Option<usize> {
        let doc = self.current_doc()?;
        let pick = &self.sentence_pick;
        self.highlights.iter().position(|h| {
            h.doc_id == doc.id
                && match row.checked_sub(1) {
                    None => !h.sentence && h.section_in(doc).as_deref() == Some(&pick.section),
                    Some(i) => h.sentence && pick.sentences.get(i) == Some(&h.quote),
                }
        })
    }

    pub(super) fn sentences_action(&mut self, action: Action) {
        if self.pick_action(&action) || action != Action::Open {
            return;
        }
        let row = self.picker.selected;
        let section = self.sentence_pick.section.clone();
        self.overlay = Overlay::None;
        if let Some(index) = self.picked_highlight(row) {
            let removed = self.highlights.remove(index);
            self.effects.push(Effect::SaveState);
            self.relayout_detail(self.pane_height(super::Pane::Detail));
            let what = if removed.sentence {
                "a sentence of"
            } else {
                "the passage"
            };
            self.message = Some(format!("removed the highlight of {what} {section}"));
            return;
        }
        self.sentence_pick.chosen = row
            .checked_sub(1)
            .and_then(|i| self.sentence_pick.sentences.get(i).cloned());
        let what = match &self.sentence_pick.chosen {
            Some(_) => format!("a sentence of {section}"),
            None => section,
        };
        self.note.clear();
        self.input = Input::HighlightNote;
        self.note_for = format!("highlight {what}");
    }

    /// The highlight the note being typed is for.
    pub(super) fn chosen_highlight(&self, section: &str) -> Option<Highlight> {
        let doc = self.current_doc()?;
        let note = self.note.trim();
        Some(match &self.sentence_pick.chosen {
            Some(sentence) => Highlight::of_sentence(doc, section, sentence, note),
            None => Highlight::new(doc, section, note),
        })
    }

    /// The ranges of the current document's highlighted sentences, to mark in the text.
    pub(super) fn sentence_marks(&self) -> Vec<crate::tui::detail::TextMark> {
        let Some(doc) = self.current_doc() else {
            return Vec::new();
        };
        self.highlights
            .iter()
            .filter(|h| h.doc_id == doc.id)
            .filter_map(|h| h.sentence_in(doc))
            .map(
                |(passage, paragraph, start, end)| crate::tui::detail::TextMark {
                    passage,
                    paragraph,
                    start,
                    end,
                    mark: crate::tui::detail::Mark::Highlight,
                },
            )
            .collect()
    }
}
