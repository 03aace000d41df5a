//! Fitting the status line to the width: items are dropped, least important first, or cut
//! short where they can be, so that the line never ends in the middle of an item and the last
//! item (the problem count) is always whole.

use unicode_width::UnicodeWidthStr;

use crate::tui::wrap::truncate;

/// One item of the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Item {
    pub text: String,
    /// Higher stays longer.
    pub priority: u8,
    /// Whether the item may be cut to fit (with `…`) rather than dropped.
    pub shortens: bool,
}

impl Item {
    pub fn new(text: impl Into<String>, priority: u8) -> Item {
        Item {
            text: text.into(),
            priority,
            shortens: false,
        }
    }

    pub fn shortening(text: impl Into<String>, priority: u8) -> Item {
        Item {
            shortens: true,
            ..Item::new(text, priority)
        }
    }
}

/// Shortest a shortened item gets before it is dropped instead.
const SHORTEST: usize = 8;

/// The items that fit in `width` columns when each is followed by `gap` columns, in their
/// order and with their index in `items`: the least important are cut (if they may be) or
/// dropped until the rest fit.
pub(super) fn fit(items: Vec<Item>, width: usize, gap: usize) -> Vec<(usize, Item)> {
    let mut items: Vec<(usize, Item)> = items.into_iter().enumerate().collect();
    loop {
        let used: usize = items.iter().map(|(_, i)| i.text.width() + gap).sum();
        if used <= width || items.is_empty() {
            return items;
        }
        let over = used - width;
        let Some(weakest) = (0..items.len()).min_by_key(|&i| (items[i].1.priority, i)) else {
            return items;
        };
        let item = &mut items[weakest].1;
        let room = item.text.width().saturating_sub(over);
        if item.shortens && room >= SHORTEST {
            item.text = truncate(&item.text, room);
            item.shortens = false;
        } else {
            items.remove(weakest);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(items: &[(usize, Item)]) -> Vec<&str> {
        items.iter().map(|(_, i)| i.text.as_str()).collect()
    }

    #[test]
    fn everything_shows_when_it_fits() {
        let items = vec![Item::new("doc 1/20", 9), Item::new("? help", 1)];
        assert_eq!(texts(&fit(items, 20, 1)), ["doc 1/20", "? help"]);
    }

    #[test]
    fn the_least_important_goes_first_and_the_last_item_stays_whole() {
        let items = vec![
            Item::new("doc 1/20", 9),
            Item::new("? help · / filter · q quit", 1),
            Item::new("3 problems (p)", 10),
        ];
        let fitted = fit(items, 30, 1);
        assert_eq!(texts(&fitted), ["doc 1/20", "3 problems (p)"]);
    }

    #[test]
    fn a_shortening_item_is_cut_before_it_is_dropped() {
        let items = vec![
            Item::new("doc 1/20", 9),
            Item::shortening("could not open the pager: not found", 5),
            Item::new("3 problems (p)", 10),
        ];
        let fitted = fit(items, 45, 1);
        assert_eq!(fitted[1].1.text.width() + 9 + 15 + 1, 45, "{fitted:?}");
        assert!(fitted[1].1.text.ends_with('…'));
        assert_eq!(fitted[2], (2, Item::new("3 problems (p)", 10)));
    }
}
