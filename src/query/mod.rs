//! Queries: the language ([`syntax`]), case folding ([`fold`]), scoring and highlight positions
//! ([`matcher`]), and the searchable passages of a corpus ([`index`]).

pub mod fold;
pub mod index;
pub mod matcher;
pub mod syntax;

pub use index::{BODY_ID, Hit, Passage, SearchIndex};
pub use matcher::Matcher;
pub use syntax::{Query, parse_query};
