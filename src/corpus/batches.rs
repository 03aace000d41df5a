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
