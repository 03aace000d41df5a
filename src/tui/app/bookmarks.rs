//! Bookmarks and resume. `m` bookmarks the section being read, with an optional note; `'`
//! lists the bookmarks (filterable; `Enter` jumps, `d` deletes). The reading position is
//! restored when the same corpus is opened again. The state is saved by the event loop
//! (`Effect::SaveState`); here it is only changed.

use super::{Action, App, Input, ListView, Overlay};
use crate::query::fold::Haystack;
use crate::query::parse_query;
use crate::state::{Bookmark, Resume, State};
use crate::tui::effects::Effect;
use crate::tui::wrap::{TITLE_WIDTH, truncate};

impl App {
    /// Takes the remembered state of this corpus: bookmarks, and the place the reader left.
    pub fn restore(&mut self, state: State) {
        self.restore_bookmarks(state.bookmarks);
        self.tags = state.tags;
        self.highlights = state.highlights;
        self.restore_saved(state.saved_searches);
        if let Some(resume) = state.resume {
            self.resume(resume);
        }
    }

    /// Goes back to where the reader left; while a load goes on and that document has not
    /// arrived yet, waits for it.
    pub(super) fn resume(&mut self, resume: Resume) {
        let Some(doc) = self.docs.iter().position(|d| d.id == resume.doc_id) else {
            if self.loading.is_some() {
                self.waiting_resume = Some(resume);
            }
            return;
        };
        let Some(position) = self.documents.items.iter().position(|&d| d == doc) else {
            return;
        };
        self.select_document(position);
        // A link (no hash) opens whatever the document holds now, at its section.
        let link = resume.doc_hash.is_empty();
        let stale = !link && resume.is_stale(&self.docs[doc]);
        if stale && resume.anchor.is_none() {
            self.message = Some(format!("{} changed since you last read it", resume.doc_id));
            return;
        }
        // The file changed: the spot's quote finds its paragraph again.
        if stale {
            if let Some(anchor) = &resume.anchor {
                self.land_on(anchor);
            }
            self.message = Some(format!(
                "{} changed since you last read it; back at the passage you were reading",
                resume.doc_id
            ));
            return;
        }
        if let Some(section) = &resume.section {
            if let Some(position) = self
                .sections
                .items
                .iter()
                .position(|&p| self.section_id(p) == section.as_str())
            {
                self.select_section(position);
            }
        }
        if link {
            self.message = Some(format!("opened {}", resume.doc_id));
            return;
        }
        // A state file from before anchors (or a place in the heading) has lines only.
        let landed = resume.anchor.as_ref().is_some_and(|a| self.land_on(a));
        if !landed {
            self.detail.scroll = resume.scroll.min(self.max_scroll());
            self.follow_scroll();
        }
        self.message = Some(format!("back where you left {}", resume.doc_id));
    }

    /// Opens a `dossier://` link: its document at its section (waiting for the document while
    /// a load goes on).
    pub fn open_link(&mut self, link: &crate::notebook::Link) {
        self.resume(Resume {
            doc_id: link.doc_id.clone(),
            doc_hash: String::new(),
            section: link.section.clone(),
            scroll: 0,
            anchor: None,
        });
    }

    /// Takes a list of bookmarks (from the state file, or from before a reload).
    pub fn restore_bookmarks(&mut self, bookmarks: Vec<Bookmark>) {
        self.bookmarks = bookmarks;
        self.filter_bookmarks(String::new());
    }

    /// What to remember of this session: the bookmarks and the reading position.
    pub fn saved_state(&self) -> State {
        State {
            bookmarks: self.bookmarks.clone(),
            resume: self.resume_point(),
            tags: self.tags.clone(),
            highlights: self.highlights.clone(),
            saved_searches: self.saved.searches.clone(),
        }
    }

    /// The reading position to remember: the spot at the top of the view.
    pub fn resume_point(&self) -> Option<Resume> {
        // A place still waiting for its document to load is kept as it was.
        if let Some(waiting) = &self.waiting_resume {
            return Some(waiting.clone());
        }
        let doc = self.current_doc()?;
        Some(match self.anchor_at_top() {
            Some(anchor) => Resume {
                scroll: self.detail.scroll,
                ..Resume::at(doc, anchor)
            },
            None => {
                let section = self.marked_passage().map(|p| self.section_id(p));
                Resume::new(doc, section, self.detail.scroll)
            }
        })
    }

    /// The section a bookmark made now would point at.
    fn section_to_bookmark(&self) -> Option<String> {
        let local = self.reading_passage()?;
        Some(
            self.section_id(self.doc_passage_range().start + local)
                .to_string(),
        )
    }

    pub(super) fn start_bookmark(&mut self) {
        match self.section_to_bookmark() {
            Some(section) => {
                self.note.clear();
                self.input = Input::Note;
                self.note_for = format!("bookmark {section}");
            }
            None => self.message = Some("nothing to bookmark in this document".into()),
        }
    }

    pub(super) fn finish_bookmark(&mut self) {
        self.input = Input::None;
        let (Some(doc), Some(anchor)) = (self.current_doc(), self.anchor_to_bookmark()) else {
            return;
        };
        let section = anchor.section.clone();
        let bookmark = Bookmark::at(doc, anchor, self.note.trim());
        self.message = Some(format!("bookmarked {} › {section}", doc.id));
        self.bookmarks.push(bookmark);
        self.effects.push(Effect::SaveState);
        let filter = self.bookmark_list.filter.clone();
        self.filter_bookmarks(filter);
    }

    /// A bookmark's row in the list: document, section, note, and whether it is still valid.
    pub fn bookmark_row(&self, index: usize) -> String {
        let b = &self.bookmarks[index];
        let doc = self.docs.iter().find(|d| d.id == b.doc_id);
        let title = truncate(
            doc.map_or(b.doc_id.as_str(), |d| d.title.as_str()),
            TITLE_WIDTH,
        );
        let status = match doc {
            None => " (document missing)",
            Some(d) if b.doc_hash != crate::state::doc_hash(d) => " (document changed)",
            Some(_) => "",
        };
        let note = if b.note.is_empty() {
            String::new()
        } else {
            format!(" — {}", b.note)
        };
        format!("{title} › {}{note}{status}", b.section)
    }

    pub(super) fn open_bookmarks(&mut self) {
        self.overlay = Overlay::Bookmarks;
        self.input = Input::None;
        let filter = self.bookmark_list.filter.clone();
        self.filter_bookmarks(filter);
        if self.bookmarks.is_empty() {
            self.message = Some("no bookmarks yet: m bookmarks the section you are reading".into());
        }
    }

    pub(super) fn filter_bookmarks(&mut self, filter: String) {
        let query = parse_query(&filter);
        let items: Vec<usize> = (0..self.bookmarks.len())
            .filter(|&i| {
                if query.is_empty() {
                    return true;
                }
                let row = Haystack::new(self.bookmark_row(i));
                let doc = self
                    .docs
                    .iter()
                    .find(|d| d.id == self.bookmarks[i].doc_id)
                    .cloned()
                    .unwrap_or_default();
                self.matcher.score(&query, &[&row], &doc).is_some()
            })
            .collect();
        let selected = self
            .bookmark_list
            .selected
            .min(items.len().saturating_sub(1));
        self.bookmark_list = ListView {
            filter,
            query,
            items,
            selected,
            offset: 0,
        };
    }

    pub(super) fn bookmarks_action(&mut self, action: Action) {
        if self.input == Input::BookmarkFilter {
            let mut filter = self.bookmark_list.filter.clone();
            match action {
                Action::Type(c) => filter.push(c),
                Action::Backspace => {
                    filter.pop();
                }
                Action::Accept => {
                    self.input = Input::None;
                    return;
                }
                Action::Cancel => {
                    self.input = Input::None;
                    filter.clear();
                }
                _ => return,
            }
            return self.filter_bookmarks(filter);
        }
        let count = self.bookmark_list.items.len();
        match action {
            Action::Down => {
                self.bookmark_list.selected =
                    (self.bookmark_list.selected + 1).min(count.saturating_sub(1))
            }
            Action::Up => {
                self.bookmark_list.selected = self.bookmark_list.selected.saturating_sub(1)
            }
            Action::Top => self.bookmark_list.selected = 0,
            Action::Bottom => self.bookmark_list.selected = count.saturating_sub(1),
            Action::StartInput => self.input = Input::BookmarkFilter,
            Action::Delete => self.delete_bookmark(),
            Action::Open => self.jump_to_bookmark(),
            Action::Cancel | Action::ShowBookmarks => {
                if self.bookmark_list.filter.is_empty() || action == Action::ShowBookmarks {
                    self.overlay = Overlay::None;
                } else {
                    self.filter_bookmarks(String::new());
                }
            }
            _ => {}
        }
    }

    fn delete_bookmark(&mut self) {
        let Some(index) = self.bookmark_list.current() else {
            return;
        };
        let removed = self.bookmarks.remove(index);
        self.message = Some(format!(
            "deleted the bookmark {} › {}",
            removed.doc_id, removed.section
        ));
        self.effects.push(Effect::SaveState);
        let filter = self.bookmark_list.filter.clone();
        self.filter_bookmarks(filter);
    }

    fn jump_to_bookmark(&mut self) {
        let Some(index) = self.bookmark_list.current() else {
            return;
        };
        let bookmark = self.bookmarks[index].clone();
        let Some(doc) = self.docs.iter().position(|d| d.id == bookmark.doc_id) else {
            self.message = Some(format!("{} is no longer in this corpus", bookmark.doc_id));
            return;
        };
        self.overlay = Overlay::None;
        let passage = self.doc_passages[doc]
            .clone()
            .find(|&p| self.section_id(p) == bookmark.section);
        // The spot's quote finds the paragraph even where the section was renumbered.
        let landed = match &bookmark.anchor {
            Some(anchor) => {
                self.go_to_document(doc);
                self.set_focus(super::Pane::Detail);
                self.land_on_in_upper_third(anchor)
            }
            None => false,
        };
        match passage {
            _ if landed => {}
            Some(p) => self.go_to_passage(p),
            None => {
                self.go_to_document(doc);
                self.message = Some(format!(
                    "section {} is no longer in {}",
                    bookmark.section, bookmark.doc_id
                ));
                return;
            }
        }
        if crate::state::is_stale(&bookmark, &self.docs[doc]) {
            self.message = Some(format!(
                "{} changed since you bookmarked it",
                bookmark.doc_id
            ));
        }
    }
}
