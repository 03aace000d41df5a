//! The index's fields: one tantivy document per passage (a section, or a document's leading
//! body), carrying its document's title and fields so that a query's words may be found in
//! either. The passage's own words (text, heading) and its document's words (title, fields,
//! summary, source note, footnotes) are kept in separate fields, stems too, so that a query
//! can tell a passage that contains the words from one that matched through its document.
//! What a hit shows is stored (ids, labels, heading, title, passage text; the document's own
//! text once, on its first passage), so that a search can answer without the corpus.

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{Language, Stemmer, TextAnalyzer};

use super::tokens::{Mode, WordTokenizer};

/// Tokenizer names registered with every index.
pub(crate) const FOLDED: &str = "dossier_folded";
pub(crate) const ENGLISH: &str = "dossier_en";
pub(crate) const RUSSIAN: &str = "dossier_ru";

/// The fields, looked up once.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    /// The file the passage came from (canonical path): what an update deletes by.
    pub path: Field,
    /// The document id (indexed, to find a document's first passage).
    pub doc_id: Field,
    /// The passage's number within its document (as `query::index::passage_refs` numbers them).
    pub local: Field,
    /// Stored only: the section id and label.
    pub section: Field,
    pub label: Field,
    /// The passage's paragraphs, folded, with positions for phrases; stored for snippets.
    pub text: Field,
    pub heading: Field,
    pub title: Field,
    /// Field values, kind, classification, date text, summary, source note and footnotes.
    pub meta: Field,
    /// Stored only, on a document's first passage: the text `meta` indexes.
    pub doc_text: Field,
    /// English stems of the passage's text and heading.
    pub english: Field,
    /// Russian stems of the Cyrillic words of the same.
    pub russian: Field,
    /// English and Russian stems of the document's title and meta.
    pub doc_english: Field,
    pub doc_russian: Field,
}

fn text_options(tokenizer: &str, positions: bool) -> TextOptions {
    let record = if positions {
        IndexRecordOption::WithFreqsAndPositions
    } else {
        IndexRecordOption::WithFreqs
    };
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(record),
    )
}

/// The schema, and its fields.
pub(crate) fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let fields = Fields {
        path: b.add_text_field("path", STRING),
        doc_id: b.add_text_field("doc_id", STRING | STORED | FAST),
        local: b.add_u64_field("local", STORED | INDEXED),
        section: b.add_text_field("section", STORED),
        label: b.add_text_field("label", STORED),
        text: b.add_text_field("text", text_options(FOLDED, true).set_stored()),
        heading: b.add_text_field("heading", text_options(FOLDED, false).set_stored()),
        title: b.add_text_field("title", text_options(FOLDED, true).set_stored()),
        meta: b.add_text_field("meta", text_options(FOLDED, true)),
        doc_text: b.add_text_field("doc_text", STORED),
        english: b.add_text_field("english", text_options(ENGLISH, false)),
        russian: b.add_text_field("russian", text_options(RUSSIAN, false)),
        doc_english: b.add_text_field("doc_english", text_options(ENGLISH, false)),
        doc_russian: b.add_text_field("doc_russian", text_options(RUSSIAN, false)),
    };
    (b.build(), fields)
}

/// English stems of folded words.
pub(crate) fn english() -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer { mode: Mode::Folded })
        .filter(Stemmer::new(Language::English))
        .build()
}

/// Russian stems of Cyrillic words.
pub(crate) fn russian() -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer {
        mode: Mode::Cyrillic,
    })
    .filter(Stemmer::new(Language::Russian))
    .build()
}

/// Registers the tokenizers the schema names.
pub(crate) fn register(index: &tantivy::Index) {
    let manager = index.tokenizers();
    manager.register(
        FOLDED,
        TextAnalyzer::from(WordTokenizer { mode: Mode::Folded }),
    );
    manager.register(ENGLISH, english());
    manager.register(RUSSIAN, russian());
}

/// The tokens an analyzer makes of `text`.
pub(crate) fn analyze(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    analyzer
        .token_stream(text)
        .process(&mut |t| out.push(t.text.clone()));
    out
}
