//! Numbering labels at the start of a paragraph: `1.`, `(1)`, `1)`, `(a)`, `a)`, `a.`, `A.`,
//! `I.`, `(i)`, `1.1`, `§ 1`, bullets.
//!
//! A label is only recognised at the very start of a paragraph and must be followed by a space:
//! inline enumerations such as `(i) … (ii)` inside a sentence stay text. Letters that are also
//! Roman numerals (`i`, `v`, `x`, `C`, …) are resolved by the caller with [`Label::alternative`]
//! against the styles already open.
//!
//! Numbering that is not numbering is refused here: initials (`I. V. Stalin`, `A. A. Gromyko`)
//! and a day and month before a time (`13.9. 13:15`).

/// How a label is written, without its value: the unit that defines nesting depth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    Numbered(Wrap),
    Lower(Wrap),
    Upper(Wrap),
    RomanLower(Wrap),
    RomanUpper(Wrap),
    /// `1.1`, `1.2.3`: the number of components.
    Dotted(u8),
    /// `§ 1`
    Paragraph,
    /// `-`, `•`, `*` … : the bullet character.
    Bullet(char),
}

/// The punctuation around a label's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Wrap {
    /// `1.`
    Dot,
    /// `(1)`
    Parens,
    /// `1)`
    Half,
}

/// A label found at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub style: Style,
    /// Ordinal value (1 for `a`, `i`, `1`); 0 for bullets.
    pub value: u32,
    /// The label as written (`(1)`, `II.`, `§ 1`).
    pub raw: String,
    /// The value as written, used to build section ids (`1`, `b`, `II`, `1.1`).
    pub core: String,
    /// The other reading of an ambiguous letter (`i` as a letter rather than a numeral).
    pub alternative: Option<(Style, u32)>,
    /// Byte offset of the text after the label and its spaces.
    pub rest: usize,
}

const BULLETS: &[char] = &['-', '•', '*', '–', '·', '▪', '◦', '‣', '●'];
const MAX_DOTTED: usize = 8;

/// Recognises a numbering label at the start of `text`.
pub fn parse_label(text: &str) -> Option<Label> {
    let first = text.chars().next()?;
    if BULLETS.contains(&first) {
        let rest_text = &text[first.len_utf8()..];
        let trimmed = rest_text.trim_start();
        // `-` followed by a space and text; `--` or `-5` are text.
        if trimmed.is_empty() || rest_text.len() == trimmed.len() {
            return None;
        }
        return Some(Label {
            style: Style::Bullet(first),
            value: 0,
            raw: first.to_string(),
            core: String::new(),
            alternative: None,
            rest: text.len() - trimmed.len(),
        });
    }
    if first == '§' {
        return paragraph_sign(text);
    }
    let (token, wrap, after) = if let Some(inner) = text.strip_prefix('(') {
        let close = inner.find(')')?;
        (&inner[..close], Wrap::Parens, 1 + close + 1)
    } else {
        let end = text
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
            .unwrap_or(text.len());
        let head = &text[..end];
        if let Some(dotted) = dotted(head) {
            if starts_with_time(text[end..].trim_start()) {
                return None;
            }
            return finish(text, end, dotted);
        }
        if text[end..].starts_with(')') {
            (head, Wrap::Half, end + 1)
        } else {
            let token = head.strip_suffix('.')?;
            if token.contains('.') {
                return None;
            }
            (token, Wrap::Dot, end)
        }
    };
    if wrap == Wrap::Dot && token.chars().count() == 1 && is_initial_next(&text[after..]) {
        return None;
    }
    let (style, value, alternative) = classify(token, wrap)?;
    let mut label = finish(
        text,
        after,
        Label {
            style,
            value,
            raw: text[..after].to_string(),
            core: token.to_string(),
            alternative,
            rest: 0,
        },
    )?;
    label.raw = text[..after].to_string();
    Some(label)
}

/// `13:15`, `9:05`: a time of day.
fn starts_with_time(text: &str) -> bool {
    let word = text.split_whitespace().next().unwrap_or("");
    let word = word.trim_end_matches([',', '.', ';']);
    word.split_once(':').is_some_and(|(h, m)| {
        (1..=2).contains(&h.len())
            && m.len() == 2
            && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
    })
}

/// Whether the next word is another initial (`V.` of `I. V. Stalin`): the letter before was
/// one too, not a label.
fn is_initial_next(text: &str) -> bool {
    let word = text.split_whitespace().next().unwrap_or("");
    let mut chars = word.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(c), Some('.'), None) if c.is_uppercase()
    )
}

/// Requires a space (and some text) after the label, and records where the text starts.
fn finish(text: &str, after: usize, mut label: Label) -> Option<Label> {
    let rest = &text[after..];
    let trimmed = rest.trim_start();
    if trimmed.is_empty() || rest.len() == trimmed.len() {
        return None;
    }
    label.rest = text.len() - trimmed.len();
    Some(label)
}

fn dotted(head: &str) -> Option<Label> {
    let core = head.strip_suffix('.').unwrap_or(head);
    let parts: Vec<&str> = core.split('.').collect();
    if parts.len() < 2 || parts.len() > MAX_DOTTED {
        return None;
    }
    if !parts
        .iter()
        .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let value = parts.last()?.parse().ok()?;
    Some(Label {
        style: Style::Dotted(parts.len() as u8),
        value,
        raw: head.to_string(),
        core: core.to_string(),
        alternative: None,
        rest: 0,
    })
}

fn paragraph_sign(text: &str) -> Option<Label> {
    let after_sign = text['§'.len_utf8()..].trim_start();
    let digits = after_sign
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(after_sign.len());
    if digits == 0 || digits > 4 {
        return None;
    }
    let value = after_sign[..digits].parse().ok()?;
    let mut end = text.len() - after_sign.len() + digits;
    if text[end..].starts_with('.') {
        end += 1;
    }
    finish(
        text,
        end,
        Label {
            style: Style::Paragraph,
            value,
            raw: text[..end].to_string(),
            core: format!("§{value}"),
            alternative: None,
            rest: 0,
        },
    )
}

type Reading = (Style, u32, Option<(Style, u32)>);

fn classify(token: &str, wrap: Wrap) -> Option<Reading> {
    if token.is_empty() {
        return None;
    }
    if token.bytes().all(|b| b.is_ascii_digit()) {
        if token.len() > 3 {
            return None;
        }
        return Some((Style::Numbered(wrap), token.parse().ok()?, None));
    }
    let roman = roman_value(token);
    let letter = letter_value(token);
    let lower = token.bytes().all(|b| b.is_ascii_lowercase());
    let roman_style = if lower {
        Style::RomanLower(wrap)
    } else {
        Style::RomanUpper(wrap)
    };
    let letter_style = if lower {
        Style::Lower(wrap)
    } else {
        Style::Upper(wrap)
    };
    match (roman, letter) {
        // `i`, `v`, `x`, `C` …: a numeral first when it is `i`, else a letter first.
        (Some(r), Some(l)) if r == 1 => Some((roman_style, r, Some((letter_style, l)))),
        (Some(r), Some(l)) => Some((letter_style, l, Some((roman_style, r)))),
        (Some(r), None) => Some((roman_style, r, None)),
        (None, Some(l)) => Some((letter_style, l, None)),
        (None, None) => None,
    }
}

fn letter_value(token: &str) -> Option<u32> {
    let mut chars = token.chars();
    let c = chars.next()?;
    if chars.next().is_some() || !c.is_ascii_alphabetic() {
        return None;
    }
    Some(c.to_ascii_lowercase() as u32 - 'a' as u32 + 1)
}

/// The value of a canonical Roman numeral in one case (`iv`, `XII`), up to 399.
pub fn roman_value(token: &str) -> Option<u32> {
    let lower = token.bytes().all(|b| b.is_ascii_lowercase());
    let upper = token.bytes().all(|b| b.is_ascii_uppercase());
    if !(lower || upper) || token.is_empty() || token.len() > 9 {
        return None;
    }
    let digit = |c: u8| match c.to_ascii_lowercase() {
        b'i' => Some(1),
        b'v' => Some(5),
        b'x' => Some(10),
        b'l' => Some(50),
        b'c' => Some(100),
        _ => None,
    };
    let values: Option<Vec<u32>> = token.bytes().map(digit).collect();
    let values = values?;
    let mut total = 0;
    for (i, v) in values.iter().enumerate() {
        match values.get(i + 1) {
            Some(next) if next > v => total -= *v as i64,
            _ => total += *v as i64,
        }
    }
    let total = u32::try_from(total).ok().filter(|t| (1..400).contains(t))?;
    (to_roman(total).eq_ignore_ascii_case(token)).then_some(total)
}

fn to_roman(mut n: u32) -> String {
    const TABLE: &[(u32, &str)] = &[
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= *value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(text: &str) -> Option<(Style, u32, String)> {
        parse_label(text).map(|l| (l.style, l.value, l.core))
    }

    #[test]
    fn recognises_every_numbering_style() {
        use Wrap::*;
        assert_eq!(
            style("1. Regarding"),
            Some((Style::Numbered(Dot), 1, "1".into()))
        );
        assert_eq!(
            style("(2) Although"),
            Some((Style::Numbered(Parens), 2, "2".into()))
        );
        assert_eq!(
            style("3) Then"),
            Some((Style::Numbered(Half), 3, "3".into()))
        );
        assert_eq!(
            style("(b) Regarding"),
            Some((Style::Lower(Parens), 2, "b".into()))
        );
        assert_eq!(
            style("b) Regarding"),
            Some((Style::Lower(Half), 2, "b".into()))
        );
        assert_eq!(
            style("B. Regarding"),
            Some((Style::Upper(Dot), 2, "B".into()))
        );
        assert_eq!(
            style("II. Regarding"),
            Some((Style::RomanUpper(Dot), 2, "II".into()))
        );
        assert_eq!(
            style("(iv) Regarding"),
            Some((Style::RomanLower(Parens), 4, "iv".into()))
        );
        assert_eq!(
            style("1.2 Regarding"),
            Some((Style::Dotted(2), 2, "1.2".into()))
        );
        assert_eq!(
            style("2.1.3. Regarding"),
            Some((Style::Dotted(3), 3, "2.1.3".into()))
        );
        assert_eq!(
            style("§ 3 Regarding"),
            Some((Style::Paragraph, 3, "§3".into()))
        );
        assert_eq!(
            style("• Point"),
            Some((Style::Bullet('•'), 0, String::new()))
        );
    }

    #[test]
    fn ambiguous_letters_carry_their_other_reading() {
        let i = parse_label("(i) first").unwrap();
        assert_eq!(i.style, Style::RomanLower(Wrap::Parens));
        assert_eq!(i.alternative, Some((Style::Lower(Wrap::Parens), 9)));
        let c = parse_label("C. third").unwrap();
        assert_eq!(c.style, Style::Upper(Wrap::Dot));
        assert_eq!(c.alternative, Some((Style::RomanUpper(Wrap::Dot), 100)));
    }

    #[test]
    fn text_that_only_looks_like_a_label_is_not_one() {
        for text in [
            "(end)",
            "(Note: According to China)",
            "U.S. policy",
            "1984 was a year",
            "1.",
            "-5 degrees",
            "1234. too long",
            "(1)no space",
            "Mr. Smith",
            "MD. text",
            "I. V. Stalin spoke.",
            "A. A. Gromyko sat.",
            "13.9. 13:15 the delegations left.",
            "24.III.50 reception",
        ] {
            assert_eq!(parse_label(text), None, "{text}");
        }
    }

    #[test]
    fn label_offsets_point_at_the_text() {
        let label = parse_label("(12)   Text").unwrap();
        assert_eq!(&"(12)   Text"[label.rest..], "Text");
        assert_eq!(label.raw, "(12)");
    }
}
