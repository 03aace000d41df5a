//! Where each pane goes for a terminal size and focus.
//!
//! Wide terminals show the three panes side by side. Below [`THREE_PANES`] columns the list
//! that has (or last had) the focus shares the screen with the detail pane; below
//! [`TWO_PANES`] the focused pane takes the whole width. Below [`MIN_WIDTH`]×[`MIN_HEIGHT`] a
//! message replaces the panes.
//!
//! The documents list, while it has the focus, is at least [`DOCUMENT_ROW`] wide (when the
//! detail pane keeps [`DETAIL_MIN`]), so that titles can be told apart: at 100 columns that
//! leaves no room for the sections, which come back when the focus moves on.

use ratatui::layout::{Constraint, Layout, Rect};

use super::app::Pane;

pub const THREE_PANES: u16 = 100;
pub const TWO_PANES: u16 = 60;
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;
/// A documents pane showing 40 columns of title: borders, the date and a space, the title.
pub const DOCUMENT_ROW: u16 = 2 + 11 + 40;
/// The narrowest the detail pane gets to make room for the focused documents list.
pub const DETAIL_MIN: u16 = 40;

/// The rectangles of the visible panes; a hidden pane has none.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Panes {
    pub documents: Option<Rect>,
    pub sections: Option<Rect>,
    pub detail: Option<Rect>,
    pub timeline: Option<Rect>,
    pub status: Rect,
}

impl Panes {
    pub fn get(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::Documents => self.documents,
            Pane::Sections => self.sections,
            Pane::Detail => self.detail,
        }
    }

    /// The pane under a screen position.
    pub fn at(&self, column: u16, row: u16) -> Option<Pane> {
        [Pane::Documents, Pane::Sections, Pane::Detail]
            .into_iter()
            .find(|&p| {
                self.get(p)
                    .is_some_and(|r| r.contains((column, row).into()))
            })
    }
}

/// The full-width reading view (`z`): the detail pane over the whole screen but the status
/// line.
pub fn full_width(area: Rect) -> Panes {
    let [main, status] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    Panes {
        status,
        detail: (!too_small(area)).then_some(main),
        ..Panes::default()
    }
}

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Lays out the panes. `list` is the list pane shown beside the detail pane when only two fit;
/// `strip` rows at the bottom are kept for the timeline; `widths` are the percentages of the
/// documents and sections lists when all three panes show.
pub fn panes(area: Rect, focus: Pane, list: Pane, strip: u16, widths: (u16, u16)) -> Panes {
    let strip = if area.height >= strip + 8 { strip } else { 0 };
    let [main, timeline, status] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(strip),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut panes = Panes {
        status,
        timeline: (strip > 0).then_some(timeline),
        ..Panes::default()
    };
    if too_small(area) {
        return panes;
    }
    let documents_row = DOCUMENT_ROW.min(area.width.saturating_sub(DETAIL_MIN));
    if area.width >= THREE_PANES {
        let mut documents = area.width * widths.0 / 100;
        let sections = area.width * widths.1 / 100;
        if focus == Pane::Documents {
            documents = documents.max(documents_row);
        }
        if area.width.saturating_sub(documents + sections) >= DETAIL_MIN {
            let [d, s, x] = Layout::horizontal([
                Constraint::Length(documents),
                Constraint::Length(sections),
                Constraint::Fill(1),
            ])
            .areas(main);
            panes.documents = Some(d);
            panes.sections = Some(s);
            panes.detail = Some(x);
        } else {
            // The focused documents list is wide enough for its titles: the sections wait.
            let [d, x] = Layout::horizontal([Constraint::Length(documents), Constraint::Fill(1)])
                .areas(main);
            panes.documents = Some(d);
            panes.detail = Some(x);
        }
    } else if area.width >= TWO_PANES {
        let mut width = area.width * 38 / 100;
        if focus == Pane::Documents {
            width = width.max(documents_row);
        }
        let [l, x] =
            Layout::horizontal([Constraint::Length(width), Constraint::Fill(1)]).areas(main);
        match list {
            Pane::Sections => panes.sections = Some(l),
            _ => panes.documents = Some(l),
        }
        panes.detail = Some(x);
    } else {
        match focus {
            Pane::Documents => panes.documents = Some(main),
            Pane::Sections => panes.sections = Some(main),
            Pane::Detail => panes.detail = Some(main),
        }
    }
    panes
}
