//! The timeline: documents per year for the current filter, and a cursor to pick a year.
//!
//! Counts ignore the filter's own year and date terms, so that picking a year narrows the list
//! without flattening the chart to a single bar.

use crate::model::Document;

/// Documents per year over the whole range of years present, gaps included.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timeline {
    pub first_year: i32,
    /// Documents in each year from `first_year` on.
    pub counts: Vec<usize>,
    /// Index into `counts` of the chosen year.
    pub cursor: usize,
    /// Documents with no readable year.
    pub undated: usize,
}

impl Timeline {
    /// Counts the documents at `items`; `None` when none of them has a year.
    pub fn of<'a>(
        docs: impl IntoIterator<Item = &'a Document>,
        chosen: Option<i32>,
    ) -> Option<Timeline> {
        let mut years = Vec::new();
        let mut undated = 0;
        for doc in docs {
            match doc.date.year() {
                Some(y) => years.push(y),
                None => undated += 1,
            }
        }
        let first = *years.iter().min()?;
        let last = *years.iter().max()?;
        let mut counts = vec![0; (last - first + 1) as usize];
        for y in years {
            counts[(y - first) as usize] += 1;
        }
        let cursor = chosen
            .filter(|y| (first..=last).contains(y))
            .map(|y| (y - first) as usize)
            .or_else(|| counts.iter().rposition(|&c| c > 0))
            .unwrap_or(0);
        Some(Timeline {
            first_year: first,
            counts,
            cursor,
            undated,
        })
    }

    pub fn year(&self) -> i32 {
        self.first_year + self.cursor as i32
    }

    /// Moves the cursor to the next year (in `direction`) that has documents.
    pub fn step(&mut self, direction: isize) {
        let mut at = self.cursor as isize;
        loop {
            at += direction.signum();
            if at < 0 || at as usize >= self.counts.len() {
                return;
            }
            if self.counts[at as usize] > 0 {
                self.cursor = at as usize;
                return;
            }
        }
    }
}

/// The filter with its `year:` and `date:` terms removed.
pub fn without_dates(filter: &str) -> String {
    filter
        .split_whitespace()
        .filter(|w| {
            let w = w.trim_start_matches('!').to_lowercase();
            !(w.starts_with("year:") || w.starts_with("date:"))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The year a filter's `year:` term names, if it names exactly one.
pub fn chosen_year(filter: &str) -> Option<i32> {
    filter
        .split_whitespace()
        .find_map(|w| w.strip_prefix("year:"))
        .and_then(|y| y.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DateValue;

    fn doc(iso: Option<&str>) -> Document {
        Document {
            date: DateValue {
                text: iso.map(str::to_string),
                iso: iso.map(str::to_string),
            },
            ..Document::default()
        }
    }

    #[test]
    fn counts_every_year_of_the_range_with_gaps() {
        let docs = [
            doc(Some("1950-06")),
            doc(Some("1953")),
            doc(Some("1953-01-02")),
            doc(None),
        ];
        let t = Timeline::of(&docs, None).unwrap();
        assert_eq!(
            (t.first_year, t.counts.clone(), t.undated),
            (1950, vec![1, 0, 0, 2], 1)
        );
        assert_eq!(t.year(), 1953, "starts on the latest year");
    }

    #[test]
    fn the_cursor_skips_empty_years() {
        let docs = [doc(Some("1950")), doc(Some("1953")), doc(Some("1960"))];
        let mut t = Timeline::of(&docs, Some(1950)).unwrap();
        t.step(1);
        assert_eq!(t.year(), 1953);
        t.step(1);
        t.step(1);
        assert_eq!(t.year(), 1960, "stays on the last year");
        t.step(-1);
        assert_eq!(t.year(), 1953);
    }

    #[test]
    fn no_dated_documents_no_timeline() {
        assert!(Timeline::of(&[doc(None)], None).is_none());
    }

    #[test]
    fn date_terms_are_taken_out_of_a_filter() {
        assert_eq!(
            without_dates("cable year:1984 !date:1950 katori"),
            "cable katori"
        );
        assert_eq!(chosen_year("cable year:1984"), Some(1984));
        assert_eq!(chosen_year("year:1950..1960"), None);
    }
}
