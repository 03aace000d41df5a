//! Can a pattern fit in a short stretch of a long text? A fast, exact test that runs before the
//! scorer.
//!
//! In long text only fuzzy matches no wider than a window count (see `matcher.rs`), so a text
//! where the pattern's letters never come together within that width cannot match, whatever
//! the scorer would say. The test anchors on the pattern's rarest letter: for each place that
//! letter occurs, the closest earlier letters (scanning back) and closest later ones (scanning
//! forward) give the narrowest stretch through that place; the pattern fits if one is narrow
//! enough. ASCII texts are scanned as bytes; others as characters.

/// True when `pattern` occurs in `text` as a subsequence spanning at most `span` characters.
pub fn fits(text: &str, pattern: &[char], span: usize) -> bool {
    if pattern.is_empty() {
        return true;
    }
    if pattern.len() > span {
        return false;
    }
    if pattern.iter().all(char::is_ascii) {
        let pattern: Vec<u8> = pattern.iter().map(|&c| c as u8).collect();
        if text.is_ascii() {
            return fits_in(text.as_bytes(), &pattern, span);
        }
        // One byte per character, every non-ASCII one a placeholder that matches nothing in
        // an ASCII pattern: positions stay character positions, and nothing is decoded.
        return ASCII_VIEW.with_borrow_mut(|view| {
            view.clear();
            view.extend(
                text.bytes()
                    .filter(|&b| b & 0xc0 != 0x80)
                    .map(|b| if b < 0x80 { b } else { 0x80 }),
            );
            fits_in(view, &pattern, span)
        });
    }
    let chars: Vec<char> = text.chars().collect();
    fits_in(&chars, pattern, span)
}

thread_local! {
    static ASCII_VIEW: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// How common a byte is in English text, roughly: lower is rarer.
fn commonness(b: u8) -> u32 {
    match b.to_ascii_lowercase() {
        b'e' => 127,
        b't' => 91,
        b'a' => 82,
        b'o' => 75,
        b'i' => 70,
        b'n' => 67,
        b's' => 63,
        b'h' => 61,
        b'r' => 60,
        b'd' => 43,
        b'l' => 40,
        b'c' => 28,
        b'u' => 28,
        b'm' => 24,
        b'w' => 24,
        b'f' => 22,
        b'g' => 20,
        b'y' => 20,
        b'p' => 19,
        b'b' => 15,
        b',' | b'.' => 12,
        b'v' => 10,
        b'k' => 8,
        b' ' => 180,
        b'j' | b'x' | b'q' | b'z' => 2,
        b'0'..=b'9' => 5,
        _ => 1,
    }
}

trait Unit: Copy + PartialEq {
    fn commonness(self) -> u32;
}

impl Unit for u8 {
    fn commonness(self) -> u32 {
        commonness(self)
    }
}

impl Unit for char {
    fn commonness(self) -> u32 {
        u8::try_from(self).map_or(1, commonness)
    }
}

fn fits_in<T: Unit>(text: &[T], pattern: &[T], span: usize) -> bool {
    let anchor = (0..pattern.len())
        .min_by_key(|&i| pattern[i].commonness())
        .unwrap_or(0);
    let (before, after) = (&pattern[..anchor], &pattern[anchor + 1..]);
    let a = pattern[anchor];
    for at in 0..text.len() {
        if text[at] != a {
            continue;
        }
        // The latest start: match `before` backwards, as close to the anchor as possible.
        let Some(start) = back(text, at, before, span) else {
            continue;
        };
        let used = at - start;
        // The earliest end: match `after` forwards within what is left of the span.
        let limit = (at + span - used).min(text.len());
        if forward(&text[at + 1..limit], after) {
            return true;
        }
    }
    false
}

/// Where the match of `before` ending just before `at` starts, within `span`; `at` itself if
/// `before` is empty.
fn back<T: Unit>(text: &[T], at: usize, before: &[T], span: usize) -> Option<usize> {
    let floor = (at + 1).saturating_sub(span);
    let mut pos = at;
    for &p in before.iter().rev() {
        loop {
            if pos <= floor {
                return None;
            }
            pos -= 1;
            if text[pos] == p {
                break;
            }
        }
    }
    Some(pos)
}

/// True when `after` is a subsequence of `text`.
fn forward<T: Unit>(text: &[T], after: &[T]) -> bool {
    let mut rest = after.iter().peekable();
    for &c in text {
        match rest.peek() {
            Some(&&p) if p == c => {
                rest.next();
            }
            Some(_) => {}
            None => break,
        }
    }
    rest.peek().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(text: &str, pattern: &str, span: usize) -> bool {
        let t: Vec<char> = text.chars().collect();
        let p: Vec<char> = pattern.chars().collect();
        (0..t.len()).any(|s| {
            let end = (s + span).min(t.len());
            forward(&t[s..end], &p)
        })
    }

    #[test]
    fn agrees_with_trying_every_start() {
        let texts = [
            "a rather kind host in private often visits",
            "Arkhipov will visit, arkhipov",
            "Громыко и Arkhipov: ааа",
            "xxaxxbxxcxxaxbxc",
            "",
        ];
        let patterns = ["arkhipov", "abc", "ax", "vis", "ааа", "р", "zz", "a"];
        for text in texts {
            for pattern in patterns {
                let chars: Vec<char> = pattern.chars().collect();
                for span in 0..20 {
                    assert_eq!(
                        fits(text, &chars, span),
                        naive(text, pattern, span),
                        "{text:?} {pattern:?} {span}"
                    );
                }
            }
        }
    }
}
