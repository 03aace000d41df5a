//! How a folder's files are cut into batches: shared by the streaming loader and the cache,
//! which checks and writes a batch at a time, so that neither has to know the other.

use std::ops::Range;

/// Files in the first batch: few, so that the first frame waits for little.
pub const FIRST_BATCH: usize = 128;
/// The largest batch: bounds the memory a batch holds before it is handed on.
pub const MAX_BATCH: usize = 1024;

/// Batch ranges over `count` files: doubling from [`FIRST_BATCH`] up to [`MAX_BATCH`].
pub fn batch_ranges(count: usize) -> impl Iterator<Item = Range<usize>> {
    let mut start = 0;
    let mut size = FIRST_BATCH;
    std::iter::from_fn(move || {
        if start >= count {
            return None;
        }
        let range = start..(start + size).min(count);
        start = range.end;
        size = (size * 2).min(MAX_BATCH);
        Some(range)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_cover_every_file_once_small_first() {
        for count in [0, 1, FIRST_BATCH, FIRST_BATCH + 1, 10_000] {
            let ranges: Vec<Range<usize>> = batch_ranges(count).collect();
            let mut next = 0;
            for r in &ranges {
                assert_eq!(r.start, next);
                assert!(!r.is_empty() && r.len() <= MAX_BATCH);
                next = r.end;
            }
            assert_eq!(next, count);
            if let Some(first) = ranges.first() {
                assert!(first.len() <= FIRST_BATCH);
            }
        }
    }
}
