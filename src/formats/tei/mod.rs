//! FRUS volumes (TEI XML, as published by the Office of the Historian): one file, many
//! documents.
//!
//! The file is parsed whole with roxmltree (a read-only tree over the text, no copies of it;
//! a 4-million-character volume takes a few tens of milliseconds), then every `div` of type
//! `document` — wherever it nests, front matter and attachments included — becomes a
//! [`Document`] in volume order. What the volume says once (title, editors, publisher, rights,
//! persons and terms) is read first ([`volume`]). Malformed XML is an error with line and
//! column; the internal DTD subset is honoured but nothing is ever fetched (roxmltree resolves
//! no external entity), and `xi:include`s are not followed: a volume that has them says so in
//! its first document's problems. See `shared/docs/frus-tei.md` for the markup.

mod document;
mod labels;
mod links;
mod meta;
mod names;
mod text;
mod volume;

use roxmltree::{Document as Tree, Node, ParsingOptions};

use super::Source;
use crate::model::Document;
use document::{is_document_div, read_document};
use names::{TEI_NS, local, tei};
use volume::Volume;

pub use document::TITLE_PASSAGE;

/// The local name of the root element, from the start of the file: enough to tell a TEI
/// volume from other XML without parsing it.
pub fn root_name(text: &str) -> Option<&str> {
    let mut rest = text.trim_start_matches('\u{feff}');
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("<?") {
            rest = &after[after.find("?>")? + 2..];
        } else if let Some(after) = rest.strip_prefix("<!--") {
            rest = &after[after.find("-->")? + 3..];
        } else if let Some(after) = rest.strip_prefix("<!") {
            rest = skip_doctype(after)?;
        } else {
            let after = rest.strip_prefix('<')?;
            let end = after.find(|c: char| c.is_whitespace() || c == '>' || c == '/')?;
            let name = &after[..end];
            return Some(name.rsplit(':').next().unwrap_or(name)).filter(|n| !n.is_empty());
        }
    }
}

/// Skips a `<!DOCTYPE …>` with an internal subset in brackets.
fn skip_doctype(after: &str) -> Option<&str> {
    let mut depth = 0;
    for (i, c) in after.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            '>' if depth <= 0 => return Some(&after[i + 1..]),
            _ => {}
        }
    }
    None
}

/// Reads a volume into its documents.
pub fn read(text: &str, source: Source) -> Result<Vec<Document>, String> {
    let options = ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    let tree = Tree::parse_with_options(text, options).map_err(|e| {
        let pos = e.pos();
        let message = e.to_string();
        // The message ends with the position as `row:col`, said once in words instead.
        let message = match message.rsplit_once(" at ") {
            Some((text, at)) if at.split(':').all(|n| n.trim().parse::<u32>().is_ok()) => text,
            _ => message.as_str(),
        };
        format!(
            "malformed XML at line {}, column {}: {message}",
            pos.row, pos.col
        )
    })?;
    let root = tree.root_element();
    if !(local(root) == "TEI" && root.tag_name().namespace().is_none_or(|ns| ns == TEI_NS)) {
        return Err(format!(
            "the root element is <{}> in namespace {}, not a TEI volume",
            local(root),
            root.tag_name().namespace().unwrap_or("(none)")
        ));
    }
    let volume = Volume::read(root, source.stem);
    let divs = documents_with_pages(root);
    let ids: std::collections::HashSet<&str> = divs
        .iter()
        .filter_map(|(div, _)| names::xml_id(*div))
        .collect();
    let mut docs: Vec<Document> = divs
        .iter()
        .map(|&(div, page)| read_document(div, &volume, page, source.display))
        .collect();
    for link in docs.iter_mut().flat_map(|d| &mut d.links) {
        link.doc_id = links::document_of(&link.target, &volume.id, &ids);
    }
    let includes = root
        .descendants()
        .filter(|n| {
            n.is_element()
                && local(*n) == "include"
                && n.tag_name().namespace() == Some(XINCLUDE_NS)
        })
        .filter_map(|n| n.attribute("href"))
        .collect::<Vec<_>>();
    if docs.is_empty() {
        return Err("a TEI volume without any div of type \"document\"".into());
    }
    if !includes.is_empty()
        && let Some(first) = docs.first_mut()
    {
        first.problems.push(format!(
            "the volume includes {} by XInclude: not followed (ignored)",
            includes.join(", ")
        ));
    }
    Ok(docs)
}

const XINCLUDE_NS: &str = "http://www.w3.org/2001/XInclude";

/// Every document div in volume order, with the printed page it starts on: a page break
/// inside the div before its head, else the last one before the div.
fn documents_with_pages<'a, 'i>(root: Node<'a, 'i>) -> Vec<(Node<'a, 'i>, Option<&'a str>)> {
    let mut last_page = None;
    let mut out = Vec::new();
    for node in root.descendants() {
        if tei(node, "pb") {
            last_page = node.attribute("n").or(last_page);
        } else if is_document_div(node) {
            let own = node
                .children()
                .take_while(|c| !tei(*c, "head"))
                .filter(|c| tei(*c, "pb"))
                .find_map(|c| c.attribute("n"));
            out.push((node, own.or(last_page)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_name_skips_the_prolog() {
        assert_eq!(
            root_name("<?xml version=\"1.0\"?><!-- x --><TEI>"),
            Some("TEI")
        );
        assert_eq!(
            root_name("\u{feff}<!DOCTYPE TEI [<!ENTITY a \"b\">]>\n<TEI/>"),
            Some("TEI")
        );
        assert_eq!(root_name("<tei:TEI xmlns:tei=\"x\">"), Some("TEI"));
        assert_eq!(root_name("hello"), None);
    }
}
