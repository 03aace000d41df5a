//! Page chrome: the navigation text of the web page the document was saved from.
//!
//! This is the only rule that drops text. A paragraph is chrome when it is exactly one of the
//! listed phrases (ignoring case and surrounding space), and only outside the body.

/// Every phrase dropped as chrome.
pub const CHROME: &[&str] = &[
    "Skip to content",
    "Skip to main content",
    "Download PDF",
    "Download",
    "Share",
    "Print",
    "Citation",
    "Cite",
    "Email",
    "Back to top",
    "Menu",
    "Toggle navigation",
    "Digital Archive",
];

/// Whether a whole paragraph is page chrome.
pub fn is_chrome(text: &str) -> bool {
    let text = text.trim();
    CHROME.iter().any(|c| c.eq_ignore_ascii_case(text))
}
