//! Queries: the language ([`syntax`]), case folding ([`fold`]), scoring and highlight positions
//! ([`matcher`]), the searchable passages of a corpus and ranked search ([`index`]), and the
//! prefilters that keep the scorer for texts that can match ([`mask`], [`window`]).

pub mod documents;
pub mod fold;
pub mod index;
pub mod mask;
pub mod matcher;
pub mod syntax;
pub mod window;

#[cfg(test)]
mod equivalence;

pub use index::{BODY_ID, Hit, Passage, SearchIndex};
pub use matcher::Matcher;
pub use syntax::{Query, parse_query};
