//! The citation styles dossier offers by name, each one of hayagriva's bundled CSL styles.

use hayagriva::archive::ArchivedStyle;
use hayagriva::citationberg::IndependentStyle;

/// A citation style selectable by name (`--style`, `citation_style` in `config.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Style {
    /// Chicago Manual of Style, notes and bibliography (17th edition).
    #[default]
    ChicagoNotes,
    ChicagoAuthorDate,
    /// MLA Handbook (9th edition).
    Mla,
    /// APA Publication Manual (7th edition).
    Apa,
    /// Turabian's notes and bibliography (Chicago's student edition).
    Turabian,
}

/// Every style's name, as the user writes it.
pub const STYLE_NAMES: [&str; 5] = [
    "chicago-notes",
    "chicago-author-date",
    "mla",
    "apa",
    "turabian",
];

impl Style {
    /// The style for a name (case-insensitive; a few common spellings too).
    pub fn from_name(name: &str) -> Option<Style> {
        let style = match name.trim().to_ascii_lowercase().as_str() {
            "chicago-notes" | "chicago" | "chicago-notes-bibliography" | "chicago-fullnotes" => {
                Style::ChicagoNotes
            }
            "chicago-author-date" => Style::ChicagoAuthorDate,
            "mla" | "modern-language-association" => Style::Mla,
            "apa" | "american-psychological-association" => Style::Apa,
            "turabian" | "turabian-fullnote" | "turabian-fullnote-8" => Style::Turabian,
            _ => return None,
        };
        Some(style)
    }

    /// The name a user writes for it.
    pub fn name(self) -> &'static str {
        match self {
            Style::ChicagoNotes => STYLE_NAMES[0],
            Style::ChicagoAuthorDate => STYLE_NAMES[1],
            Style::Mla => STYLE_NAMES[2],
            Style::Apa => STYLE_NAMES[3],
            Style::Turabian => STYLE_NAMES[4],
        }
    }

    /// Whether its citations are footnotes (rather than `(Author year)` in the text).
    pub fn is_note(self) -> bool {
        matches!(self, Style::ChicagoNotes | Style::Turabian)
    }

    fn archived(self) -> ArchivedStyle {
        match self {
            Style::ChicagoNotes => ArchivedStyle::ChicagoNotes,
            Style::ChicagoAuthorDate => ArchivedStyle::ChicagoAuthorDate,
            Style::Mla => ArchivedStyle::ModernLanguageAssociation,
            Style::Apa => ArchivedStyle::AmericanPsychologicalAssociation,
            Style::Turabian => ArchivedStyle::TurabianFullnote8,
        }
    }

    /// The CSL style. Every bundled style is independent; `None` would mean a hayagriva
    /// release that bundles a dependent one under the same name.
    pub(crate) fn csl(self) -> Option<IndependentStyle> {
        match self.archived().get() {
            hayagriva::citationberg::Style::Independent(style) => Some(style),
            hayagriva::citationberg::Style::Dependent(_) => None,
        }
    }
}

impl std::str::FromStr for Style {
    type Err = String;

    fn from_str(name: &str) -> Result<Style, String> {
        Style::from_name(name).ok_or_else(|| {
            format!(
                "unknown citation style {name:?}: one of {}",
                STYLE_NAMES.join(", ")
            )
        })
    }
}
