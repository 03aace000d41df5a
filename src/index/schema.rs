//! The index's fields: one tantivy document per passage (a section, or a document's leading
//! body), carrying its document's title and fields so that a query's words may be found in
//! either. The passage text itself is not stored: hits point back into the corpus by document
//! id and passage number, which keeps the index small.

use tantivy::schema::{
    Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
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
    pub doc_id: Field,
    /// The passage's number within its document (as `query::index::passage_refs` numbers them).
    pub local: Field,
    /// The passage text, folded, with positions for phrases.
    pub text: Field,
    pub heading: Field,
    pub title: Field,
    /// Field values, kind, classification and date text.
    pub meta: Field,
    /// English stems of the text, heading, title and meta.
    pub english: Field,
    /// Russian stems of the Cyrillic words of the same.
    pub russian: Field,
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
        doc_id: b.add_text_field("doc_id", STORED),
        local: b.add_u64_field("local", STORED | INDEXED),
        text: b.add_text_field("text", text_options(FOLDED, true)),
        heading: b.add_text_field("heading", text_options(FOLDED, false)),
        title: b.add_text_field("title", text_options(FOLDED, true)),
        meta: b.add_text_field("meta", text_options(FOLDED, true)),
        english: b.add_text_field("english", text_options(ENGLISH, false)),
        russian: b.add_text_field("russian", text_options(RUSSIAN, false)),
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
