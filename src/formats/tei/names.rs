//! Element names by namespace and local name, never by prefix (a volume may bind any prefix).
//!
//! Elements without a namespace are taken as TEI too, so that a hand-made excerpt without the
//! `xmlns` declaration still reads.

use roxmltree::Node;

pub(crate) const TEI_NS: &str = "http://www.tei-c.org/ns/1.0";
pub(crate) const FRUS_NS: &str = "http://history.state.gov/frus/ns/1.0";
pub(crate) const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// The element's local name ("" for other nodes).
pub(crate) fn local<'a>(node: Node<'a, '_>) -> &'a str {
    if node.is_element() {
        node.tag_name().name()
    } else {
        ""
    }
}

/// Whether the node is an element in the TEI namespace (or none).
pub(crate) fn is_tei(node: Node) -> bool {
    node.is_element() && matches!(node.tag_name().namespace(), None | Some(TEI_NS))
}

/// Whether the node is the TEI element `name`.
pub(crate) fn tei(node: Node, name: &str) -> bool {
    is_tei(node) && local(node) == name
}

/// Whether the node is `frus:attachment` (in the FRUS namespace, or none).
pub(crate) fn is_attachment(node: Node) -> bool {
    node.is_element()
        && local(node) == "attachment"
        && matches!(node.tag_name().namespace(), None | Some(FRUS_NS))
}

/// The `xml:id` of an element.
pub(crate) fn xml_id<'a>(node: Node<'a, '_>) -> Option<&'a str> {
    node.attribute((XML_NS, "id"))
}

/// A FRUS-namespace attribute (`frus:doc-dateTime-min`).
pub(crate) fn frus_attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attribute((FRUS_NS, name))
}

/// The first child element that is the TEI element `name`.
pub(crate) fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| tei(*c, name))
}
