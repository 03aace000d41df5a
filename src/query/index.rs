//! Passages: the units of a corpus, one per section plus each document's leading body, and
//! fuzzy ranking of their short strings (label, heading, the document's title) for jumping
//! and filtering; words in the text are the full-text index's work (`crate::index`).
//!
//! A passage's row is not copied: it is put together from its document when it has to be
//! scored. What the index keeps per passage is small: where it is, and the character masks of
//! its row (see `mask.rs`), built in parallel.
//!
//! Search is a parallel scan for the best `limit` hits. Each worker keeps its own top-k; a
//! worker whose top-k is full publishes its lowest key, and every worker skips a passage whose
//! score bound (from masks, see [`Matcher::bound`]) cannot beat the best lowest key published.
//! Hits are ranked by score, then corpus order, and the result is the exact top `limit`
//! whatever the order in which workers ran.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::ops::Range;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use rayon::prelude::*;

use super::fold::{Haystack, fold_char, fold_into};
use super::mask::TextInfo;
use super::matcher::{Known, Matcher, Prepared, Target, TextBounds, WINDOW_BYTES};
use super::syntax::Query;
use crate::model::{Document, Section};

/// The section id given to a document's paragraphs that precede its first numbered section.
pub const BODY_ID: &str = "body";

/// Passages a worker takes at a time.
const BLOCK: usize = 512;
/// Documents a worker takes at a time in a one-off search.
const DOC_BLOCK: usize = 32;

/// One searchable unit: a section, or a document's leading body. Only where it is: its
/// labels are read from the document when shown (see [`passage_view`]), since a million
/// passages with copies of their labels would cost hundreds of megabytes.
#[derive(Debug, Clone, Copy)]
pub struct Passage {
    /// Index of the document in the corpus.
    pub doc: usize,
    /// Which passage of its document this is, in reading order.
    pub local: u32,
    pub depth: u32,
}

/// What lists show of a passage, read from its document.
#[derive(Debug, Clone)]
pub struct PassageView<'a> {
    /// The section id, or [`BODY_ID`].
    pub section: &'a str,
    pub label: &'a str,
    pub heading: Cow<'a, str>,
    pub depth: usize,
}

/// What the index keeps to rule a text out, or bound its score, without reading it.
#[derive(Debug, Clone, Copy, Default)]
struct Masks {
    info: TextInfo,
    len: u32,
    len_folded: u32,
}

impl Masks {
    fn of(text: &str) -> Masks {
        let (info, folded_len) = TextInfo::measure(text);
        Masks {
            info,
            len: clamp_len(text.len()),
            len_folded: clamp_len(folded_len),
        }
    }

    fn bounds(&self) -> TextBounds<'_> {
        TextBounds {
            info: &self.info,
            len: self.len as usize,
            len_folded: self.len_folded as usize,
            text: None,
        }
    }
}

fn clamp_len(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

/// Every passage of a corpus, and each document's title prepared for matching.
#[derive(Debug, Default)]
pub struct SearchIndex {
    pub passages: Vec<Passage>,
    pub titles: Vec<Haystack>,
    masks: Vec<Masks>,
    title_masks: Vec<Masks>,
}

/// A ranked search result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub passage: usize,
    pub score: i64,
}

/// One of a document's passages: its leading body (`None`) or a section, with its depth.
#[derive(Debug, Clone, Copy)]
pub struct PassageRef<'a> {
    pub section: Option<&'a Section>,
    pub depth: usize,
}

/// A document's passages in reading order: the leading body, then every section.
pub fn passage_refs(doc: &Document) -> Vec<PassageRef<'_>> {
    let body = (!doc.body.is_empty()).then_some(PassageRef {
        section: None,
        depth: 0,
    });
    body.into_iter()
        .chain(
            doc.flat_sections()
                .into_iter()
                .map(|(depth, s)| PassageRef {
                    section: Some(s),
                    depth,
                }),
        )
        .collect()
}

/// A document's passage at `local` (as numbered by [`passage_refs`]), found without
/// allocating: searching looks one up for every passage it scores.
pub fn passage_ref(doc: &Document, local: usize) -> Option<PassageRef<'_>> {
    fn nth<'a>(sections: &'a [Section], depth: usize, n: &mut usize) -> Option<PassageRef<'a>> {
        for section in sections {
            if *n == 0 {
                return Some(PassageRef {
                    section: Some(section),
                    depth,
                });
            }
            *n -= 1;
            if let Some(found) = nth(&section.children, depth + 1, n) {
                return Some(found);
            }
        }
        None
    }
    let mut n = local;
    if !doc.body.is_empty() {
        if n == 0 {
            return Some(PassageRef {
                section: None,
                depth: 0,
            });
        }
        n -= 1;
    }
    nth(&doc.sections, 0, &mut n)
}

/// Writes what lists show of a passage into `out`: a section's label and heading, or the
/// leading body's heading. Fuzzy matching ranks these short strings (with the document's
/// title), as fzf ranks lines; whole paragraphs are searched by words (see `crate::index`).
pub fn write_row(doc: &Document, passage: PassageRef, out: &mut String) {
    out.clear();
    let view = passage_view(doc, passage);
    out.push_str(view.label);
    if !view.label.is_empty() && !view.heading.is_empty() && view.heading != view.label {
        out.push(' ');
    }
    if view.heading != view.label {
        out.push_str(&view.heading);
    }
}

/// Writes a passage's text into `out`: the body's paragraphs, or a section's own text.
pub fn write_text(doc: &Document, passage: PassageRef, out: &mut String) {
    out.clear();
    match passage.section {
        None => {
            for (i, p) in doc.body.iter().enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                out.push_str(p);
            }
        }
        Some(section) => {
            out.push_str(&section.label);
            for p in &section.paragraphs {
                out.push(' ');
                out.push_str(p);
            }
        }
    }
}

impl SearchIndex {
    pub fn build(docs: &[Document]) -> Self {
        let mut index = SearchIndex::default();
        index.extend(docs);
        index
    }

    /// Adds the passages of `docs[self.titles.len()..]`: the documents that arrived since the
    /// index was last built or extended.
    pub fn extend(&mut self, docs: &[Document]) {
        let first = self.titles.len().min(docs.len());
        let new = &docs[first..];
        let per_doc: Vec<(Vec<Passage>, Vec<Masks>, Masks)> = new
            .par_iter()
            .enumerate()
            .map_init(Scratch::default, |scratch, (i, doc)| {
                let mut passages = Vec::new();
                let mut masks = Vec::new();
                for (local, r) in passage_refs(doc).into_iter().enumerate() {
                    passages.push(Passage {
                        doc: first + i,
                        local: local as u32,
                        depth: r.depth as u32,
                    });
                    write_row(doc, r, &mut scratch.text);
                    masks.push(Masks::of(&scratch.text));
                }
                (passages, masks, Masks::of(&doc.title))
            })
            .collect();
        let count: usize = per_doc.iter().map(|d| d.0.len()).sum();
        self.passages.reserve(count);
        self.masks.reserve(count);
        self.titles.reserve(new.len());
        self.title_masks.reserve(new.len());
        self.titles
            .extend(new.iter().map(|d| Haystack::new(d.title.clone())));
        for (passages, masks, title) in per_doc {
            self.passages.extend(passages);
            self.masks.extend(masks);
            self.title_masks.push(title);
        }
    }

    /// Passages matching `query` against their label and heading and their document's
    /// title, best first;
    /// ties keep corpus order.
    pub fn search(&self, docs: &[Document], query: &Query, limit: usize) -> Vec<Hit> {
        self.search_in(docs, query, 0..self.passages.len(), limit)
    }

    /// [`search`](Self::search) restricted to the passages in `range`.
    pub fn search_in(
        &self,
        docs: &[Document],
        query: &Query,
        range: Range<usize>,
        limit: usize,
    ) -> Vec<Hit> {
        self.search_beyond(docs, query, range, limit, None)
    }

    /// [`search_in`](Self::search_in) for a search that goes on from earlier passages: only
    /// hits that would rank above `worst` (the last of the `limit` hits kept so far, which
    /// come from passages before `range`) are returned, and the bounds prune with it from the
    /// start.
    pub fn search_beyond(
        &self,
        docs: &[Document],
        query: &Query,
        range: Range<usize>,
        limit: usize,
        worst: Option<Hit>,
    ) -> Vec<Hit> {
        let prepared = Prepared::new(query);
        if limit == 0 || prepared.is_empty() {
            return Vec::new();
        }
        let matcher = Matcher::default();
        let scan = Scan::new(&matcher, &prepared, limit);
        if let Some(worst) = worst {
            scan.floor
                .store(key(worst.score, worst.passage), Ordering::Relaxed);
        }
        let range = range.start..range.end.min(self.passages.len());
        // Small ranges (a keystroke's first slice) are still shared by both workers.
        let block = (range.len() / 8).clamp(16, BLOCK);
        in_blocks(range.len(), block, |scratch, i| {
            let p = range.start + i;
            let passage = &self.passages[p];
            let doc = &docs[passage.doc];
            let masks = &self.masks[p];
            let title = &self.title_masks[passage.doc];
            scan.visit(scratch, p, doc, passage.doc, [masks, title], |out| {
                if let Some(r) = passage_ref(doc, passage.local as usize) {
                    write_row(doc, r, out);
                }
            });
        });
        scan.hits()
    }
}

impl SearchIndex {
    /// The text of passage `p`, put together from its document.
    pub fn passage_text(&self, docs: &[Document], p: usize) -> String {
        let mut text = String::new();
        if let Some(passage) = self.passages.get(p) {
            let doc = &docs[passage.doc];
            if let Some(r) = passage_ref(doc, passage.local as usize) {
                write_text(doc, r, &mut text);
            }
        }
        text
    }

    /// What lists show of passage `p`.
    pub fn view<'a>(&self, docs: &'a [Document], p: usize) -> Option<PassageView<'a>> {
        let passage = self.passages.get(p)?;
        let doc = docs.get(passage.doc)?;
        passage_ref(doc, passage.local as usize).map(|r| passage_view(doc, r))
    }

    /// The passages in `range`, in order, that match `query` by their row (`row(p)`, the
    /// sections list's label and heading).
    pub fn filter_passages(
        &self,
        docs: &[Document],
        query: &Query,
        range: Range<usize>,
        row: impl Fn(usize) -> String,
    ) -> Vec<usize> {
        let prepared = Prepared::new(query);
        let matcher = Matcher::default();
        let mut scratch = Scratch::default();
        range
            .filter(|&p| {
                let Some(passage) = self.passages.get(p) else {
                    return false;
                };
                let doc = &docs[passage.doc];
                let row = row(p);
                let row_folded = fold_into(&row, &mut scratch.title_folded);
                let targets = [target(&row, row_folded, &scratch.title_folded)];
                matcher.score_prepared(&prepared, &targets, doc).is_some()
            })
            .collect()
    }

    /// Every document matching `query` by its list row (`rows[d]`) or its title, best first;
    /// ties keep corpus order.
    pub fn rank_documents(
        &self,
        docs: &[Document],
        query: &Query,
        rows: &[Haystack],
    ) -> Vec<usize> {
        let prepared = Prepared::new(query);
        let matcher = Matcher::default();
        let mut scored: Vec<(i64, usize)> = docs
            .par_iter()
            .zip(rows.par_iter().zip(self.titles.par_iter()))
            .enumerate()
            .with_min_len(256)
            .map_init(Scratch::default, |scratch, (d, (doc, (row, title)))| {
                let row_folded = fold_into(&row.text, &mut scratch.folded);
                let title_folded = fold_into(&title.text, &mut scratch.title_folded);
                let targets = [
                    target(&row.text, row_folded, &scratch.folded),
                    target(&title.text, title_folded, &scratch.title_folded),
                ];
                matcher
                    .score_prepared(&prepared, &targets, doc)
                    .map(|score| (score, d))
            })
            .flatten()
            .collect();
        scored.par_sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.into_iter().map(|(_, d)| d).collect()
    }
}

/// A target for `text`, whose folded form is in `buffer` when `folded` says it differs.
fn target<'a>(text: &'a str, folded: bool, buffer: &'a str) -> Target<'a> {
    Target {
        text,
        folded: if folded { buffer } else { text },
        info: None,
    }
}

/// Ranks the passages of `docs` without building an index, for a one-off search: hits name a
/// passage by its document and its place in it ([`Passage::local`]), and by its position in the
/// corpus, as [`SearchIndex::search`] numbers them.
pub fn search_documents(
    docs: &[Document],
    query: &Query,
    limit: usize,
) -> Vec<(Hit, usize, usize)> {
    let prepared = Prepared::new(query);
    if limit == 0 || prepared.is_empty() {
        return Vec::new();
    }
    let counts: Vec<usize> = docs.par_iter().map(passage_count).collect();
    let mut starts = Vec::with_capacity(docs.len() + 1);
    let mut total = 0;
    for c in &counts {
        starts.push(total);
        total += c;
    }
    let matcher = Matcher::default();
    let scan = Scan::new(&matcher, &prepared, limit);
    in_blocks(docs.len(), DOC_BLOCK, |scratch, d| {
        let doc = &docs[d];
        let (info, folded_len) = TextInfo::measure(&doc.title);
        let title = Masks {
            info: TextInfo {
                first: info.first,
                first_folded: info.first_folded,
                ..TextInfo::unknown(&doc.title, None)
            },
            len: clamp_len(doc.title.len()),
            len_folded: clamp_len(folded_len),
        };
        for (local, r) in passage_refs(doc).into_iter().enumerate() {
            write_row(doc, r, &mut scratch.text);
            let (first, len) = (scratch.text.chars().next(), scratch.text.len());
            // Without an index nothing is known of the text but its start and its length
            // (its folded length differs only for non-ASCII text, which is measured).
            let len_folded = if scratch.text.is_ascii() {
                len
            } else {
                TextInfo::measure(&scratch.text).1
            };
            let masks = Masks {
                info: TextInfo {
                    first,
                    first_folded: first.map(fold_char),
                    ..TextInfo::unknown(&scratch.text, None)
                },
                len: clamp_len(len),
                len_folded: clamp_len(len_folded),
            };
            scan.visit(scratch, starts[d] + local, doc, d, [&masks, &title], |_| {});
        }
    });
    scan.hits()
        .into_iter()
        .map(|hit| {
            let d = starts.partition_point(|&s| s <= hit.passage) - 1;
            (hit, d, hit.passage - starts[d])
        })
        .collect()
}

/// How many passages a document has.
pub fn passage_count(doc: &Document) -> usize {
    fn count(sections: &[Section]) -> usize {
        sections.iter().map(|s| 1 + count(&s.children)).sum()
    }
    usize::from(!doc.body.is_empty()) + count(&doc.sections)
}

/// A passage's list labels.
pub fn passage_view<'a>(doc: &'a Document, r: PassageRef<'a>) -> PassageView<'a> {
    match r.section {
        None => PassageView {
            section: BODY_ID,
            label: "",
            heading: doc
                .body
                .first()
                .map(|p| Cow::Owned(crate::model::heading_of(p)))
                .unwrap_or_default(),
            depth: 0,
        },
        Some(section) => PassageView {
            section: &section.id,
            label: &section.label,
            heading: section.heading(),
            depth: r.depth,
        },
    }
}

/// A section's own text: its label and paragraphs (not its children's).
pub fn section_text(section: &Section) -> String {
    let mut text = section.label.clone();
    for p in &section.paragraphs {
        text.push(' ');
        text.push_str(p);
    }
    text
}

/// Buffers one worker reuses from passage to passage.
#[derive(Default)]
struct Scratch {
    text: String,
    folded: String,
    title_folded: String,
    /// The document whose title's atom scores are in `title_scores`.
    title_doc: Option<usize>,
    title_scores: Vec<Option<i64>>,
}

/// One search's shared state.
struct Scan<'a> {
    matcher: &'a Matcher,
    query: &'a Prepared,
    /// The best hits of all workers.
    top: Mutex<TopK>,
    /// The lowest key in `top` once it is full, readable without the lock.
    floor: AtomicU64,
}

impl Scan<'_> {
    /// Considers passage `p` of document `d`: skipped as soon as a bound shows it cannot make
    /// the top (masks first, then the title's exact scores, then the text itself), else its
    /// text is written by `text` into `scratch.text` and scored.
    #[allow(clippy::too_many_arguments)]
    fn visit(
        &self,
        scratch: &mut Scratch,
        p: usize,
        doc: &Document,
        d: usize,
        masks: [&Masks; 2],
        text: impl FnOnce(&mut String),
    ) {
        let own = masks[0].bounds();
        let floor = self.floor.load(Ordering::Relaxed);
        let beats = |bound: Option<i64>| bound.is_some_and(|b| key(b, p) > floor);
        if scratch.title_doc != Some(d) {
            let title = Known::Bounds(masks[1].bounds());
            if !beats(self.matcher.bound_with(self.query, &own, title, doc)) {
                return;
            }
            let folded = fold_into(&doc.title, &mut scratch.title_folded);
            let target = Target {
                text: &doc.title,
                folded: if folded {
                    &scratch.title_folded
                } else {
                    &doc.title
                },
                info: Some(&masks[1].info),
            };
            scratch.title_scores = self.matcher.text_scores(self.query, &target);
            scratch.title_doc = Some(d);
        }
        let title = Known::Scores(&scratch.title_scores);
        if !beats(self.matcher.bound_with(self.query, &own, title, doc)) {
            return;
        }
        text(&mut scratch.text);
        let folded = fold_into(&scratch.text, &mut scratch.folded);
        let target = Target {
            text: &scratch.text,
            folded: if folded {
                &scratch.folded
            } else {
                &scratch.text
            },
            info: Some(&masks[0].info),
        };
        // Now that the text is at hand, a long one's bound can be sharper (see `bound`).
        if masks[0].len.max(masks[0].len_folded) as usize > WINDOW_BYTES {
            let sharp = TextBounds {
                text: Some((target.text, target.folded)),
                ..own
            };
            if !beats(self.matcher.bound_with(self.query, &sharp, title, doc)) {
                return;
            }
        }
        let score = self
            .matcher
            .score_with(self.query, &target, &scratch.title_scores, doc);
        if let Some(score) = score.filter(|&s| key(s, p) > floor) {
            let mut top = self.top.lock().unwrap_or_else(|e| e.into_inner());
            top.push(key(score, p));
            self.floor.store(top.floor(), Ordering::Relaxed);
        }
    }
}

impl<'a> Scan<'a> {
    fn new(matcher: &'a Matcher, query: &'a Prepared, limit: usize) -> Self {
        Scan {
            matcher,
            query,
            top: Mutex::new(TopK::new(limit)),
            floor: AtomicU64::new(0),
        }
    }

    /// The hits, best first.
    fn hits(self) -> Vec<Hit> {
        let top = self.top.into_inner().unwrap_or_else(|e| e.into_inner());
        let mut keys: Vec<u64> = top.heap.into_iter().map(|r| r.0).collect();
        keys.sort_unstable_by(|a, b| b.cmp(a));
        keys.into_iter().map(unkey).collect()
    }
}

/// Runs `visit` over `0..count` on every worker thread, each taking the next block of
/// `block` items in order: the earliest items are scored first, so that the floor rises early
/// and ties and weak texts further on are skipped.
fn in_blocks<F>(count: usize, block: usize, visit: F)
where
    F: Fn(&mut Scratch, usize) + Sync,
{
    let next = AtomicUsize::new(0);
    let workers = rayon::current_num_threads().clamp(1, count.div_ceil(block).max(1));
    (0..workers).into_par_iter().for_each(|_| {
        let mut scratch = Scratch::default();
        loop {
            let start = next.fetch_add(block, Ordering::Relaxed);
            if start >= count {
                return;
            }
            for i in start..(start + block).min(count) {
                visit(&mut scratch, i);
            }
        }
    });
}

/// Orders hits by score, then by corpus order (earlier first): higher is better.
fn key(score: i64, passage: usize) -> u64 {
    let score = (score.clamp(i32::MIN as i64, i32::MAX as i64) - i32::MIN as i64) as u64;
    let position = u32::MAX as u64 - (passage as u64).min(u32::MAX as u64);
    (score << 32) | position
}

fn unkey(key: u64) -> Hit {
    Hit {
        passage: (u32::MAX as u64 - (key & u32::MAX as u64)) as usize,
        score: (key >> 32) as i64 + i32::MIN as i64,
    }
}

/// The best keys seen, at most `limit` of them.
struct TopK {
    heap: BinaryHeap<Reverse<u64>>,
    limit: usize,
}

impl TopK {
    fn new(limit: usize) -> TopK {
        TopK {
            heap: BinaryHeap::with_capacity(limit.min(4096) + 1),
            limit,
        }
    }

    /// The lowest key kept, once full: anything not above it cannot enter.
    fn floor(&self) -> u64 {
        if self.heap.len() < self.limit {
            0
        } else {
            self.heap.peek().map_or(0, |r| r.0)
        }
    }

    /// Keeps `key` if it is among the best; true when kept.
    fn push(&mut self, key: u64) -> bool {
        if self.heap.len() < self.limit {
            self.heap.push(Reverse(key));
            return true;
        }
        if self.heap.peek().is_some_and(|r| key > r.0) {
            self.heap.pop();
            self.heap.push(Reverse(key));
            return true;
        }
        false
    }
}
