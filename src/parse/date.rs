//! Dates as archive pages write them: `March 25, 1984`, `25 March 1984`, `June 1950`, `1956`,
//! `c. 1962`, `October 3-4, 1962`, `1984-03-25`, `12 марта 1963`.
//!
//! A line is a date only if every word of it is part of a date, so a title that mentions a year
//! is never mistaken for one. The ISO value keeps the precision of the text (day, month, year);
//! for a range of days it is the first day. chrono validates the calendar.

use chrono::{Month, NaiveDate};
use std::str::FromStr;

/// A date line read into its ISO value at the precision the text allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedDate {
    pub iso: String,
}

/// Russian month names in the nominative and genitive, for pages dated in Russian.
const RUSSIAN_MONTHS: &[(&str, u32)] = &[
    ("январь", 1),
    ("января", 1),
    ("февраль", 2),
    ("февраля", 2),
    ("март", 3),
    ("марта", 3),
    ("апрель", 4),
    ("апреля", 4),
    ("май", 5),
    ("мая", 5),
    ("июнь", 6),
    ("июня", 6),
    ("июль", 7),
    ("июля", 7),
    ("август", 8),
    ("августа", 8),
    ("сентябрь", 9),
    ("сентября", 9),
    ("октябрь", 10),
    ("октября", 10),
    ("ноябрь", 11),
    ("ноября", 11),
    ("декабрь", 12),
    ("декабря", 12),
];

const APPROXIMATE: &[&str] = &[
    "c.", "ca.", "circa", "approx.", "about", "around", "г.", "год", "года",
];

/// Reads a whole line as a date, or `None` if any word of it is not part of a date.
pub fn parse_date(text: &str) -> Option<ParsedDate> {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > 48 {
        return None;
    }
    if let Some(iso) = iso_date(text) {
        return Some(ParsedDate { iso });
    }
    let (mut year, mut month, mut day) = (None, None, None);
    // After a dash, words are the end of a range (`October 3 - 4, 1962`, `September 30 -
    // October 2, 1962`): they must read as date words, but the ISO value is the start.
    let mut range_end = false;
    for word in text.split(|c: char| c.is_whitespace() || c == ',') {
        let word = word.trim_matches(|c: char| c == '(' || c == ')');
        if matches!(word, "-" | "–" | "—" | "to") {
            range_end = true;
            continue;
        }
        if word.is_empty() || matches!(word, "of" | "the") {
            continue;
        }
        if APPROXIMATE.iter().any(|a| a.eq_ignore_ascii_case(word)) {
            continue;
        }
        // A slot already filled may be filled again only by the end of a range.
        let fill = |slot: &mut Option<_>, value| match slot {
            None => {
                *slot = Some(value);
                true
            }
            Some(_) => range_end,
        };
        if let Some(m) = month_number(word) {
            if !fill(&mut month, m) {
                return None;
            }
        } else if let Some(y) = year_number(word) {
            if !fill(&mut year, y as u32) {
                return None;
            }
        } else if let Some(d) = day_number(word) {
            if !fill(&mut day, d) {
                return None;
            }
        } else {
            return None;
        }
    }
    let year = year? as i32;
    let iso = match (month, day) {
        (Some(m), Some(d)) => NaiveDate::from_ymd_opt(year, m, d)?
            .format("%Y-%m-%d")
            .to_string(),
        (Some(m), None) => format!("{year:04}-{m:02}"),
        (None, None) => format!("{year:04}"),
        (None, Some(_)) => return None,
    };
    Some(ParsedDate { iso })
}

/// `1984-03-25`, `1984-03`.
fn iso_date(text: &str) -> Option<String> {
    let parts: Vec<&str> = text.split('-').collect();
    let numbers: Option<Vec<u32>> = parts.iter().map(|p| p.parse().ok()).collect();
    let numbers = numbers?;
    match (parts.as_slice(), numbers.as_slice()) {
        ([y, _, _], [_, m, d]) if y.len() == 4 => {
            NaiveDate::from_ymd_opt(numbers[0] as i32, *m, *d)
                .map(|date| date.format("%Y-%m-%d").to_string())
        }
        ([y, mm], [year, m]) if y.len() == 4 && mm.len() == 2 && (1..=12).contains(m) => {
            Some(format!("{year:04}-{m:02}"))
        }
        _ => None,
    }
}

fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    if word.chars().count() >= 3 && word.chars().all(char::is_alphabetic) {
        if let Ok(month) = Month::from_str(word) {
            return Some(month.number_from_month());
        }
    }
    let lower = word.to_lowercase();
    if lower == "sept" {
        return Some(9);
    }
    RUSSIAN_MONTHS
        .iter()
        .find(|(name, _)| *name == lower)
        .map(|(_, n)| *n)
}

fn year_number(word: &str) -> Option<i32> {
    let digits = word.trim_end_matches('.');
    (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|y| (1000..3000).contains(y))
}

/// `25`, `3rd`, `3-4`, `3–4`: the first day of a range.
fn day_number(word: &str) -> Option<u32> {
    let first = word.split(['-', '–']).next()?;
    let first = first.trim_end_matches(['.', 's', 't', 'n', 'd', 'r', 'h']);
    if first.is_empty() || first.len() > 2 || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.split(['-', '–'])
        .skip(1)
        .all(|d| !d.is_empty() && d.len() <= 2 && d.bytes().all(|b| b.is_ascii_digit()))
        .then(|| first.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(text: &str) -> Option<String> {
        parse_date(text).map(|d| d.iso)
    }

    #[test]
    fn reads_dates_at_the_precision_written() {
        assert_eq!(iso("March 25, 1984").as_deref(), Some("1984-03-25"));
        assert_eq!(iso("25 March 1984").as_deref(), Some("1984-03-25"));
        assert_eq!(iso("June 1950").as_deref(), Some("1950-06"));
        assert_eq!(iso("1956").as_deref(), Some("1956"));
        assert_eq!(iso("c. 1962").as_deref(), Some("1962"));
        assert_eq!(iso("October 3-4, 1962").as_deref(), Some("1962-10-03"));
        assert_eq!(iso("1984-03-25").as_deref(), Some("1984-03-25"));
        assert_eq!(iso("12 марта 1963").as_deref(), Some("1963-03-12"));
        assert_eq!(iso("Sept. 1, 1939").as_deref(), Some("1939-09-01"));
        assert_eq!(iso("October 3 - 4, 1962").as_deref(), Some("1962-10-03"));
        assert_eq!(
            iso("September 30 - October 2, 1962").as_deref(),
            Some("1962-09-30")
        );
        assert_eq!(iso("3 to 5 May 1955").as_deref(), Some("1955-05-03"));
    }

    #[test]
    fn lines_that_are_not_only_a_date_are_not_dates() {
        assert_eq!(iso("Cable from Ambassador Katori, March 25, 1984"), None);
        assert_eq!(iso("Skip to content"), None);
        assert_eq!(iso("February 30, 1984"), None);
        assert_eq!(iso("May"), None);
        assert_eq!(iso(""), None);
    }
}
