//! Which documents a query finds: every document with a matching passage, for the browser's
//! documents filter. The ids are read from the `doc_id` fast field, a column per segment, so
//! a word found in most of 100,000 documents costs no stored document read.

use std::collections::{BTreeMap, HashSet};

use tantivy::collector::DocSetCollector;

use super::query::WordQuery;
use super::store::TextIndex;

impl TextIndex {
    /// The ids of the documents with a passage that `query` matches (through its text, or its
    /// document's title and fields), in no particular order.
    pub fn matching_documents(&self, query: &WordQuery) -> Result<HashSet<String>, String> {
        let mut ids = HashSet::new();
        if query.is_empty() {
            return Ok(ids);
        }
        let searcher = self.searcher();
        let tq = query.to_tantivy(self.fields());
        let found = searcher
            .search(&tq, &DocSetCollector)
            .map_err(|e| e.to_string())?;
        let mut by_segment: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
        for address in found {
            by_segment
                .entry(address.segment_ord)
                .or_default()
                .push(address.doc_id);
        }
        let mut name = String::new();
        for (segment, docs) in by_segment {
            let column = searcher
                .segment_reader(segment)
                .fast_fields()
                .str("doc_id")
                .map_err(|e| e.to_string())?
                .ok_or("the index has no document ids")?;
            let mut ords: Vec<u64> = docs
                .iter()
                .flat_map(|&doc| column.term_ords(doc).collect::<Vec<_>>())
                .collect();
            ords.sort_unstable();
            ords.dedup();
            for ord in ords {
                name.clear();
                if column
                    .ord_to_str(ord, &mut name)
                    .map_err(|e| e.to_string())?
                {
                    ids.insert(name.clone());
                }
            }
        }
        Ok(ids)
    }
}
