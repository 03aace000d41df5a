//! The line of the document's file where a paragraph stands, for `o` and `e` (`less +N`,
//! `vi +N`).
//!
//! Neither format keeps line numbers (archive pages are re-flowed, TEI text is spread over
//! elements), so the paragraph is looked for in the file: its opening letters and digits,
//! lower-cased, against the file's, with XML markup skipped, so that line breaks, spacing,
//! entities and inline elements in the file do not matter.

/// Letters and digits of a paragraph's opening that must match.
const KEY_CHARS: usize = 40;

/// The 1-based line of `file` where `paragraph` begins, if it is found. `xml` skips markup.
pub fn line_of(file: &str, paragraph: &str, xml: bool) -> Option<usize> {
    let key: String = paragraph
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .take(KEY_CHARS)
        .collect();
    if key.is_empty() {
        return None;
    }
    let mut text = String::new();
    // The line of each byte of `text`'s characters, by the byte where each starts.
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let (mut line, mut in_tag, mut in_entity) = (1, false, false);
    for c in file.chars() {
        match c {
            '\n' => line += 1,
            '<' if xml => in_tag = true,
            '>' if xml && in_tag => in_tag = false,
            '&' if xml && !in_tag => in_entity = true,
            ';' if in_entity => in_entity = false,
            _ if in_tag || in_entity => {}
            c if c.is_alphanumeric() => {
                for lower in c.to_lowercase() {
                    lines.push((text.len(), line));
                    text.push(lower);
                }
            }
            _ => {}
        }
    }
    let at = text.find(&key)?;
    let index = lines.partition_point(|&(byte, _)| byte < at);
    lines.get(index).map(|&(_, line)| line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paragraph_wrapped_over_lines_is_found_at_its_first_line() {
        let file = "Title\n\n1. Intro.\n\n2. The ambassador\nsaid, in so many words,\nthat the fleet would stay.\n";
        let paragraph = "The ambassador said, in so many words, that the fleet would stay.";
        assert_eq!(line_of(file, paragraph, false), Some(5));
    }

    #[test]
    fn markup_and_entities_in_xml_are_skipped() {
        let file = "<TEI>\n<p>First.</p>\n<p>The <persName ref=\"#x\">Secretary</persName>\n &amp; the Minister met.</p>\n</TEI>\n";
        assert_eq!(
            line_of(file, "The Secretary & the Minister met.", true),
            Some(3)
        );
        assert_eq!(line_of(file, "Nowhere in the file.", true), None);
        assert_eq!(line_of(file, "—", true), None);
    }
}
