//! Building, updating, validating and searching the persistent index (see the module note of
//! [`crate::index`]).

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use tantivy::collector::{Count, TopDocs};
use tantivy::indexer::NoMergePolicy;
use tantivy::query::{BooleanQuery, Occur, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::schema::{TantivyDocument, Value};
use tantivy::{Index, IndexReader, IndexSettings, IndexWriter, ReloadPolicy, Term};

use super::manifest::{self, Manifest, stamp};
use super::query::{WordQuery, own_clauses};
use super::schema::{Fields, register, schema};
use super::snippet::{Snippet, snippet};
use crate::model::Document;
use crate::query::index::{PassageRef, passage_refs, passage_view};

/// Bumped whenever the schema, the tokenizers or the manifest change.
const INDEX_VERSION: u32 = 6;
/// Memory for the writer's buffers, shared by its threads (tantivy needs at least 15 MB each).
const WRITER_MEMORY: usize = 96 << 20;
/// The docstore's block size (see [`settings`]).
const DOCSTORE_BLOCK: usize = 128 << 10;
/// More segments than this after a write are merged (see [`merge_segments`]).
const MAX_SEGMENTS: usize = 4;

/// Indexing threads: the machine's cores, at most 4.
fn writer_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
}

/// What opening the index did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct IndexStats {
    /// Files (re-)indexed.
    pub indexed_files: usize,
    /// Files dropped because they are gone.
    pub removed_files: usize,
    /// The index on disk could not be used and was built anew.
    pub rebuilt: bool,
    /// The index lives in memory only (no cache folder, or the one on disk is busy).
    pub in_memory: bool,
    /// Why the index on disk could not be used, when it could not.
    pub warning: Option<String>,
}

/// A passage that matched.
#[derive(Debug, Clone, PartialEq)]
pub struct WordHit {
    /// Index into `corpus.documents`.
    pub doc: usize,
    /// The passage's number within the document.
    pub local: usize,
    pub score: f32,
}

/// A passage that matched, as the index stores it: enough to show and cite it without the
/// corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredHit {
    pub doc_id: String,
    /// The passage's number within its document.
    pub local: usize,
    /// BM25 with the boosts of [`WordQuery`], without the bonus for the passage's own words.
    pub score: f32,
    pub section: String,
    pub label: String,
    pub heading: String,
    pub title: String,
    /// False when the words were found only in the document's title and fields (such a hit
    /// stands for its document, at its first passage, once).
    pub own: bool,
    /// The best sentence(s) of the passage (or of the document's title and fields).
    pub snippet: Snippet,
}

/// Ranked hits, and how many passages matched in all (before filters and collapsing).
#[derive(Debug, Clone, Default)]
pub struct Ranked {
    pub hits: Vec<StoredHit>,
    pub total: usize,
}

/// The opened index.
pub struct TextIndex {
    reader: IndexReader,
    fields: Fields,
}

impl TextIndex {
    pub(super) fn searcher(&self) -> tantivy::Searcher {
        self.reader.searcher()
    }

    pub(super) fn fields(&self) -> &Fields {
        &self.fields
    }

    /// Opens the index for `roots` under `cache`, bringing it up to date with `docs` (a corpus's documents); builds
    /// it in memory when `cache` is `None`.
    pub fn open(
        docs: &[Document],
        roots: &[PathBuf],
        cache: Option<&Path>,
        progress: &dyn Fn(usize, usize),
    ) -> Result<(TextIndex, IndexStats), String> {
        let Some(cache) = cache else {
            return in_memory(docs, progress);
        };
        let dir = cache.join("search").join(key(roots));
        match open_on_disk(docs, &dir, false, progress) {
            Ok(found) => Ok(found),
            Err(Failure::Busy) => in_memory(docs, progress),
            Err(Failure::Unusable(_)) => match open_on_disk(docs, &dir, true, progress) {
                Ok((index, mut stats)) => {
                    stats.rebuilt = true;
                    Ok((index, stats))
                }
                Err(Failure::Busy) => in_memory(docs, progress),
                Err(Failure::Unusable(reason)) => {
                    let (index, mut stats) = in_memory(docs, progress)?;
                    stats.warning = Some(format!(
                        "search index {}: {reason}; searching in memory",
                        dir.display()
                    ));
                    Ok((index, stats))
                }
            },
        }
    }

    /// The index for `roots` under `cache` when it is up to date with the files, without
    /// reading any: every document file under the roots is in the manifest with the same
    /// size and modification time, and no other is. `None` when anything differs (a new,
    /// changed, gone or unreadable file; a file with no documents, which the manifest does not
    /// list), and the caller takes the full way through the corpus.
    pub fn open_fresh(roots: &[PathBuf], cache: &Path) -> Option<TextIndex> {
        let dir = cache.join("search").join(key(roots));
        if !manifest::is_fresh(&dir, INDEX_VERSION, roots) {
            return None;
        }
        let index = Index::open_in_dir(&dir).ok()?;
        register(&index);
        let (expected, fields) = schema();
        if index.schema() != expected {
            return None;
        }
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .ok()?;
        Some(text_index(reader, fields))
    }

    /// The best `limit` passages for `query`, best first, read from the index alone. `keep`
    /// decides by document id which hits count (the field filters, documents that still
    /// exist); passages that match only through their document collapse to one hit per
    /// document, after every passage that contains words of the query.
    pub fn search(
        &self,
        query: &WordQuery,
        limit: usize,
        keep: &dyn Fn(&str, usize) -> bool,
    ) -> Result<Ranked, String> {
        if query.is_empty() || limit == 0 {
            return Ok(Ranked::default());
        }
        let searcher = self.reader.searcher();
        let tq = query.to_tantivy(&self.fields);
        let mut want = if query.filters.is_empty() {
            limit.saturating_mul(2)
        } else {
            limit.saturating_mul(8).max(256)
        };
        loop {
            let (top, total) = searcher
                .search(&tq, &(TopDocs::with_limit(want), Count))
                .map_err(|e| e.to_string())?;
            let mut hits = Vec::new();
            let mut seen_docs: std::collections::HashSet<String> = Default::default();
            for (score, address) in &top {
                let stored: TantivyDocument = searcher.doc(*address).map_err(|e| e.to_string())?;
                let (own, score) = own_clauses(*score);
                let own = own > 0 || !query.has_words();
                let Some(id) = text_of(&stored, self.fields.doc_id) else {
                    continue;
                };
                let Some(local) = stored
                    .get_first(self.fields.local)
                    .and_then(|v| v.as_u64())
                    .and_then(|l| usize::try_from(l).ok())
                else {
                    continue;
                };
                if !keep(&id, local) {
                    continue;
                }
                // Own hits come first (they carry the bonus): a document seen by then needs
                // no hit of its own.
                let new_doc = seen_docs.insert(id.clone());
                let hit = if own {
                    Some(self.stored_hit(&stored, id, local, score, true, query))
                } else if new_doc {
                    self.document_hit(&searcher, id, score, query)?
                } else {
                    None
                };
                hits.extend(hit);
                if hits.len() == limit {
                    break;
                }
            }
            if hits.len() == limit || top.len() == total || top.len() < want {
                return Ok(Ranked { hits, total });
            }
            want = want.saturating_mul(4);
        }
    }

    /// A hit for a passage whose own text matched.
    fn stored_hit(
        &self,
        stored: &TantivyDocument,
        doc_id: String,
        local: usize,
        score: f32,
        own: bool,
        query: &WordQuery,
    ) -> StoredHit {
        let f = &self.fields;
        let text = text_of(stored, f.text).unwrap_or_default();
        let heading = text_of(stored, f.heading).unwrap_or_default();
        let title = text_of(stored, f.title).unwrap_or_default();
        let snippet = if own {
            best_snippet(&[&text, &heading], query)
        } else {
            let doc_text = text_of(stored, f.doc_text).unwrap_or_default();
            best_snippet(&[&title, &doc_text], query)
        };
        StoredHit {
            doc_id,
            local,
            score,
            section: text_of(stored, f.section).unwrap_or_default(),
            label: text_of(stored, f.label).unwrap_or_default(),
            heading,
            title,
            own,
            snippet,
        }
    }

    /// The hit that stands for a document matched through its title and fields: its first
    /// passage, with the snippet taken from the document's own text.
    fn document_hit(
        &self,
        searcher: &tantivy::Searcher,
        doc_id: String,
        score: f32,
        query: &WordQuery,
    ) -> Result<Option<StoredHit>, String> {
        let first = BooleanQuery::new(vec![
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(self.fields.doc_id, &doc_id),
                    IndexRecordOption::Basic,
                )) as Box<dyn tantivy::query::Query>,
            ),
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_u64(self.fields.local, 0),
                    IndexRecordOption::Basic,
                )),
            ),
        ]);
        let top = searcher
            .search(&first, &TopDocs::with_limit(1))
            .map_err(|e| e.to_string())?;
        let Some((_, address)) = top.first() else {
            return Ok(None);
        };
        let stored: TantivyDocument = searcher.doc(*address).map_err(|e| e.to_string())?;
        Ok(Some(
            self.stored_hit(&stored, doc_id, 0, score, false, query),
        ))
    }
}

/// A stored text field's first value.
fn text_of(stored: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    stored
        .get_first(field)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

/// The snippet of the first text that shows a matched word (else of the first text).
fn best_snippet(texts: &[&str], query: &WordQuery) -> Snippet {
    let mut first = None;
    for text in texts {
        let s = snippet(text, query);
        if !s.highlights.is_empty() {
            return s;
        }
        first.get_or_insert(s);
    }
    first.unwrap_or_default()
}

enum Failure {
    /// Another process is writing the index.
    Busy,
    /// The index or its manifest cannot be used.
    Unusable(String),
}

impl From<tantivy::TantivyError> for Failure {
    fn from(e: tantivy::TantivyError) -> Self {
        match e {
            tantivy::TantivyError::LockFailure(..) => Failure::Busy,
            other => Failure::Unusable(other.to_string()),
        }
    }
}

/// A stable name for a set of roots.
fn key(roots: &[PathBuf]) -> String {
    let mut bytes = Vec::new();
    for root in roots {
        let canonical = fs::canonicalize(root).unwrap_or_else(|_| root.clone());
        bytes.extend_from_slice(canonical.as_os_str().as_encoded_bytes());
        bytes.push(0);
    }
    format!("{:016x}", crate::corpus::checksum(&bytes))
}

fn in_memory(
    docs: &[Document],
    report: &dyn Fn(usize, usize),
) -> Result<(TextIndex, IndexStats), String> {
    let (schema, fields) = schema();
    let index = Index::builder()
        .schema(schema)
        .settings(settings())
        .create_in_ram()
        .map_err(|e| e.to_string())?;
    register(&index);
    let mut writer: IndexWriter = index
        .writer_with_num_threads(writer_threads(), WRITER_MEMORY)
        .map_err(|e| e.to_string())?;
    writer.set_merge_policy(Box::new(NoMergePolicy));
    let files = files_of(docs);
    let mut progress = Progress::new(files.len(), report);
    for indices in files.values() {
        add_documents(&mut writer, &fields, docs, indices, "").map_err(|e| e.to_string())?;
        progress.step();
    }
    writer.commit().map_err(|e| e.to_string())?;
    progress.done();
    let reader = index.reader().map_err(|e| e.to_string())?;
    let stats = IndexStats {
        indexed_files: files.len(),
        in_memory: true,
        ..IndexStats::default()
    };
    Ok((text_index(reader, fields), stats))
}

fn text_index(reader: IndexReader, fields: Fields) -> TextIndex {
    TextIndex { reader, fields }
}

/// The corpus's documents grouped by their file's canonical path.
fn files_of(docs: &[Document]) -> BTreeMap<String, Vec<usize>> {
    let mut files: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut canonical: HashMap<&str, String> = HashMap::new();
    for (i, doc) in docs.iter().enumerate() {
        let path = canonical.entry(&doc.path).or_insert_with(|| {
            fs::canonicalize(&doc.path)
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_else(|_| doc.path.clone())
        });
        files.entry(path.clone()).or_default().push(i);
    }
    files
}

fn open_on_disk(
    all: &[Document],
    dir: &Path,
    fresh: bool,
    report: &dyn Fn(usize, usize),
) -> Result<(TextIndex, IndexStats), Failure> {
    let manifest = if fresh {
        None
    } else {
        manifest::read(dir, INDEX_VERSION)
    };
    let (index, mut manifest) = match manifest {
        Some(manifest) => (Index::open_in_dir(dir)?, manifest),
        None => {
            if dir.exists() {
                fs::remove_dir_all(dir).map_err(|e| Failure::Unusable(e.to_string()))?;
            }
            fs::create_dir_all(dir).map_err(|e| Failure::Unusable(e.to_string()))?;
            let (schema, _) = schema();
            let manifest = Manifest {
                version: INDEX_VERSION,
                fingerprint: crate::corpus::fingerprint().unwrap_or_default(),
                files: BTreeMap::new(),
            };
            let index = Index::builder()
                .schema(schema)
                .settings(settings())
                .create_in_dir(dir)?;
            (index, manifest)
        }
    };
    register(&index);
    let (expected, fields) = schema();
    if index.schema() != expected {
        return Err(Failure::Unusable("schema changed".into()));
    }
    let files = files_of(all);
    let changed: Vec<(&String, Option<manifest::Stamp>)> = files
        .keys()
        .map(|path| (path, stamp(path)))
        .filter(|(path, now)| now.is_none() || manifest.files.get(*path) != now.as_ref())
        .collect();
    let removed: Vec<String> = manifest
        .files
        .keys()
        .filter(|p| !files.contains_key(*p))
        .cloned()
        .collect();
    let stats = IndexStats {
        indexed_files: changed.len(),
        removed_files: removed.len(),
        ..IndexStats::default()
    };
    if !changed.is_empty() || !removed.is_empty() {
        let mut writer: IndexWriter =
            index.writer_with_num_threads(writer_threads(), WRITER_MEMORY)?;
        writer.set_merge_policy(Box::new(NoMergePolicy));
        let first_build = manifest.files.is_empty();
        let mut progress = Progress::new(if first_build { changed.len() } else { 0 }, report);
        for path in &removed {
            writer.delete_term(Term::from_field_text(fields.path, path));
            manifest.files.remove(path);
        }
        for (path, now) in &changed {
            writer.delete_term(Term::from_field_text(fields.path, path));
            add_documents(&mut writer, &fields, all, &files[*path], path)?;
            match now {
                Some(now) => manifest.files.insert((*path).clone(), *now),
                None => manifest.files.remove(*path),
            };
            progress.step();
        }
        writer.commit()?;
        merge_segments(&index, writer, first_build)?;
        progress.done();
        manifest::write(dir, &manifest).map_err(|e| Failure::Unusable(e.to_string()))?;
    }
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()?;
    // Reading every segment's terms once catches files tantivy cannot use before a search does.
    let searcher = reader.searcher();
    for segment in searcher.segment_readers() {
        segment.inverted_index(fields.text)?;
    }
    Ok((text_index(reader, fields), stats))
}

/// The docstore's settings: blocks larger than tantivy's 16 KiB compress better (LZ4 finds
/// matches across more passages), and a hit reads one block, a few tenths of a millisecond.
fn settings() -> IndexSettings {
    IndexSettings {
        docstore_blocksize: DOCSTORE_BLOCK,
        ..IndexSettings::default()
    }
}

/// Merges the segments a write left when there are more than a few, so that a search opens
/// few files and no deleted passages stay on disk; a cold build ends as one segment. An update
/// merges only the segments smaller than the largest, so one changed file does not rewrite the
/// whole index.
fn merge_segments(index: &Index, mut writer: IndexWriter, cold: bool) -> tantivy::Result<()> {
    let ids = {
        let mut segments = index.searchable_segment_metas()?;
        segments.sort_by_key(|s| std::cmp::Reverse(s.num_docs()));
        let docs: u32 = segments.iter().map(|s| s.num_docs()).sum();
        let skip = usize::from(!cold && segments.first().is_some_and(|s| s.num_docs() * 2 > docs));
        let merge = if cold { 1 } else { MAX_SEGMENTS };
        (segments.len() > merge)
            .then(|| segments[skip..].iter().map(|s| s.id()).collect::<Vec<_>>())
        // The metas are dropped here: while any is alive, its files count as in use.
    };
    if let Some(ids) = ids {
        writer.merge(&ids).wait()?;
        writer.garbage_collect_files().wait()?;
    }
    writer.wait_merging_threads()
}

/// Adds the passages of `docs` (indices into the corpus) as index documents.
fn add_documents(
    writer: &mut IndexWriter,
    fields: &Fields,
    all: &[Document],
    docs: &[usize],
    path: &str,
) -> tantivy::Result<()> {
    let mut text = String::new();
    for &d in docs {
        let doc = &all[d];
        let meta = meta_text(doc);
        for (local, passage) in passage_refs(doc).into_iter().enumerate() {
            paragraphs_text(doc, passage, &mut text);
            let view = passage_view(doc, passage);
            let mut entry = TantivyDocument::default();
            entry.add_text(fields.path, path);
            entry.add_text(fields.doc_id, &doc.id);
            entry.add_u64(fields.local, local as u64);
            entry.add_text(fields.section, view.section);
            entry.add_text(fields.label, view.label);
            entry.add_text(fields.text, &text);
            entry.add_text(fields.heading, &view.heading);
            entry.add_text(fields.title, &doc.title);
            entry.add_text(fields.meta, &meta);
            if local == 0 {
                entry.add_text(fields.doc_text, &meta);
            }
            for field in [fields.english, fields.russian] {
                entry.add_text(field, &text);
                entry.add_text(field, &view.heading);
            }
            for field in [fields.doc_english, fields.doc_russian] {
                entry.add_text(field, &doc.title);
                entry.add_text(field, &meta);
            }
            writer.add_document(entry)?;
        }
    }
    Ok(())
}

/// A passage's paragraphs, one a line, without its label (`2.`), which would otherwise read
/// as a sentence of its own in a snippet.
pub(crate) fn paragraphs_text(doc: &Document, passage: PassageRef, out: &mut String) {
    out.clear();
    let paragraphs = passage.section.map_or(&doc.body, |s| &s.paragraphs);
    for p in paragraphs {
        out.push_str(p);
        out.push('\n');
    }
}

/// The document's searchable text besides its title and passages: field values, kind,
/// classification, date, subject, summary, source note and footnotes.
fn meta_text(doc: &Document) -> String {
    let mut meta = String::new();
    let parts = doc
        .fields
        .iter()
        .map(|f| f.value.as_str())
        .chain(doc.kind.as_deref())
        .chain(doc.classification.as_deref())
        .chain(doc.date.text.as_deref())
        .chain(doc.subject.as_deref())
        .chain(doc.summary.as_deref())
        .chain(doc.source.as_deref())
        .chain(doc.footnotes.iter().map(|n| n.text.as_str()));
    for part in parts {
        meta.push_str(part);
        meta.push('\n');
    }
    meta
}

/// A progress line on stderr while an index is first built (on a terminal only).
struct Progress<'a> {
    total: usize,
    done: usize,
    report: &'a dyn Fn(usize, usize),
}

impl<'a> Progress<'a> {
    fn new(total: usize, report: &'a dyn Fn(usize, usize)) -> Self {
        Progress {
            total,
            done: 0,
            report,
        }
    }

    fn step(&mut self) {
        self.done += 1;
        if self.done % PROGRESS_STEP == 0 {
            (self.report)(self.done, self.total);
        }
    }

    fn done(&self) {
        if self.total > 0 {
            (self.report)(self.total, self.total);
        }
    }
}

/// Files indexed between two progress reports.
const PROGRESS_STEP: usize = 100;

/// Reports indexing progress on standard error, for the command line: a line that counts the
/// files while a large folder (500 files or more) is first indexed, on a terminal only.
pub fn progress_on_stderr(done: usize, total: usize) {
    if total < 500 || !std::io::stderr().is_terminal() {
        return;
    }
    let mut err = std::io::stderr().lock();
    let _ = if done < total {
        write!(err, "\rdossier: indexing {done} of {total} files")
    } else {
        writeln!(err, "\rdossier: indexed {total} files{:10}", "")
    };
    let _ = err.flush();
}
