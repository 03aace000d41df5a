//! The full-text index: tantivy over the corpus's passages, kept under the XDG cache folder.
//!
//! One index per set of roots (named by a hash of their canonical paths), beside the parse
//! cache. A manifest records, for every indexed file, its size and modification time; a load
//! re-indexes exactly the files whose stamp changed (delete by path, add their passages) and
//! drops the ones that are gone, so one changed file costs one file's work. The manifest is
//! written after tantivy's commit: a crash between the two re-indexes those files next time,
//! never leaves them out. Anything that cannot be read (a corrupt manifest, index files tantivy
//! refuses, a version or program change) costs a rebuild from the corpus, never wrong results;
//! without a cache folder, or when another process holds the index, it is built in memory.

mod documents;
mod manifest;
mod query;
mod schema;
mod snippet;
mod store;
pub(crate) mod tokens;

pub use query::WordQuery;
pub use snippet::{SNIPPET_CHARS, Snippet, match_spans, snippet, texts_match};
pub use store::{IndexStats, Ranked, StoredHit, TextIndex, WordHit, progress_on_stderr};
