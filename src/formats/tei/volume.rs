//! What a volume says once for all its documents: its id and title, the publication facts a
//! citation needs, its rights statement, and its persons and terms.
//!
//! The glossary is looked up as history.state.gov does: by the front divs whose `xml:id` is
//! `persons` and `terms` (not by the list's `@type`, which is `names` in real volumes). An
//! entry's name is the element carrying the `xml:id`; its description is the rest of the item
//! with the leading comma stripped, as written.

use std::collections::HashMap;

use roxmltree::Node;

use super::names::{child, local, tei, xml_id};
use super::text::{all_text, plain};
use crate::model::GlossaryEntry;

/// A volume's shared metadata.
#[derive(Debug, Default)]
pub(crate) struct Volume {
    /// `frus1955-57v08`: the root's `xml:id`, else the file's stem.
    pub id: String,
    /// `title[@type='complete']`, else the other titles joined.
    pub title: String,
    pub editors: Vec<String>,
    /// `Washington: Government Printing Office, 1987`, what of it the header gives.
    pub published: Option<String>,
    pub rights: Option<String>,
    /// Glossary entries by id.
    pub glossary: HashMap<String, GlossaryEntry>,
    /// Coverage (`content-date` notBefore/notAfter), to tell a document's own range from the
    /// volume-wide one.
    pub coverage: (Option<String>, Option<String>),
}

impl Volume {
    pub fn read(root: Node, stem: &str) -> Volume {
        let mut volume = Volume {
            id: xml_id(root)
                .filter(|id| !id.trim().is_empty())
                .unwrap_or(stem)
                .to_string(),
            ..Volume::default()
        };
        let header = child(root, "teiHeader");
        let file_desc = header.and_then(|h| child(h, "fileDesc"));
        if let Some(title_stmt) = file_desc.and_then(|f| child(f, "titleStmt")) {
            volume.read_titles(title_stmt);
        }
        if let Some(publication) = file_desc.and_then(|f| child(f, "publicationStmt")) {
            volume.read_publication(publication);
        }
        for list_div in root
            .descendants()
            .filter(|n| tei(*n, "div") && matches!(xml_id(*n), Some("persons" | "terms")))
        {
            let kind = if xml_id(list_div) == Some("persons") {
                "person"
            } else {
                "term"
            };
            for item in list_div.descendants().filter(|n| tei(*n, "item")) {
                if let Some(entry) = entry(item, kind) {
                    volume.glossary.insert(entry.id.clone(), entry);
                }
            }
        }
        volume
    }

    fn read_titles(&mut self, stmt: Node) {
        let titles: Vec<Node> = stmt.children().filter(|c| tei(*c, "title")).collect();
        let complete = titles
            .iter()
            .find(|t| t.attribute("type") == Some("complete"))
            .map(|t| plain(*t))
            .filter(|t| !t.is_empty());
        self.title = complete.unwrap_or_else(|| {
            titles
                .iter()
                .map(|t| plain(*t))
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        });
        let editors: Vec<Node> = stmt.children().filter(|c| tei(*c, "editor")).collect();
        let primary: Vec<String> = editors
            .iter()
            .filter(|e| e.attribute("role") == Some("primary"))
            .map(|e| plain(*e))
            .filter(|e| !e.is_empty())
            .collect();
        self.editors = if primary.is_empty() {
            editors
                .iter()
                .filter(|e| e.attribute("role") != Some("general"))
                .map(|e| plain(*e))
                .filter(|e| !e.is_empty())
                .collect()
        } else {
            primary
        };
    }

    fn read_publication(&mut self, stmt: Node) {
        let text_of = |name: &str| {
            stmt.children()
                .find(|c| tei(*c, name))
                .map(plain)
                .filter(|t| !t.is_empty())
        };
        let year = stmt
            .children()
            .find(|c| tei(*c, "date") && c.attribute("type") == Some("publication-date"))
            .map(plain)
            .filter(|t| !t.is_empty());
        let place_publisher = match (text_of("pubPlace"), text_of("publisher")) {
            (Some(place), Some(publisher)) => Some(format!("{place}: {publisher}")),
            (place, publisher) => place.or(publisher),
        };
        self.published = match (place_publisher, year) {
            (Some(p), Some(y)) => Some(format!("{p}, {y}")),
            (p, y) => p.or(y),
        };
        self.rights = stmt
            .children()
            .find(|c| tei(*c, "availability"))
            .map(all_text)
            .filter(|t| !t.is_empty());
        if let Some(coverage) = stmt
            .children()
            .find(|c| tei(*c, "date") && c.attribute("type") == Some("content-date"))
        {
            self.coverage = (
                coverage.attribute("notBefore").map(str::to_string),
                coverage.attribute("notAfter").map(str::to_string),
            );
        }
    }
}

/// A persons or terms list item as a glossary entry: the element with the `xml:id` names it.
fn entry(item: Node, kind: &str) -> Option<GlossaryEntry> {
    let named = item.descendants().find(|n| {
        n.is_element() && matches!(local(*n), "persName" | "term") && xml_id(*n).is_some()
    })?;
    let id = xml_id(named)?.to_string();
    let name = plain(named);
    let whole = plain(item);
    let description = whole
        .strip_prefix(name.as_str())
        .unwrap_or(&whole)
        .trim_start_matches([',', ' ', ';', ':'])
        .to_string();
    Some(GlossaryEntry {
        id,
        kind: kind.to_string(),
        name,
        description,
        passages: Vec::new(),
    })
}
