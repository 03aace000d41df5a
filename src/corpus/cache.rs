//! A per-folder cache of parsed documents, so that a large archive opens without parsing again.
//!
//! One file per folder under the XDG cache directory (`$XDG_CACHE_HOME/dossier`, else
//! `~/.cache/dossier`), named by a hash of the folder's canonical path. It holds, for every
//! document file that loaded, its path relative to the folder, its size and modification time,
//! and its documents encoded with postcard (a compact, documented serde format) and compressed
//! with LZ4 (the block format, already in the tree for tantivy's docstore) against a dictionary
//! of the folder's first documents, stored once in the file: one page alone packs to about 40 %,
//! while the boilerplate pages of one archive share (headers, field names, formulas) is found
//! in the dictionary, so the cache costs a fraction of the files it stands for. The dictionary
//! is carried over when a cache is rewritten, so entries are copied, not compressed again. A
//! file is decoded from the cache only if its size and mtime are unchanged; anything else is
//! parsed.
//!
//! The cache is never trusted blindly: the header names a format version, a fingerprint of the
//! document model and of the running executable (so a new parser never reads an old parse),
//! and the canonical folder; the table and every entry carry a checksum. Whatever fails to
//! match is parsed from the file instead, and the cache is rewritten. Files modified in the
//! last two seconds are left out, since a second change within the same mtime tick would go
//! unseen. A new cache is written to a temporary file and renamed over the old one, so a
//! reader never sees half a cache; entries are streamed to it batch by batch, so writing does
//! not hold a second copy of the corpus in memory.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rayon::prelude::*;

use super::{display_path, load_file};
use crate::model::{Document, Field, Section};

const MAGIC: &[u8; 8] = b"DOSSIERC";
/// Bumped whenever the layout below changes.
const FORMAT_VERSION: u32 = 6;
/// Files changed more recently than this are not cached (see the module note).
const RACY: Duration = Duration::from_secs(2);
/// The trailer: table offset, table length, table checksum, magic.
const TRAILER_LEN: usize = 8 + 8 + 8 + 8;
/// The dictionary's size: LZ4 looks back 64 KiB at most.
const DICT_LEN: usize = 64 << 10;
/// At most this much of one file's encoding goes into the dictionary, so that it samples
/// several files.
const DICT_SAMPLE: usize = 8 << 10;
/// Dictionary bytes per file of the folder: a small folder gets a small dictionary, which it
/// stores once but cannot amortise over many entries.
const DICT_PER_FILE: usize = 64;

/// What the cache did during one load.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct CacheStats {
    /// Files decoded from the cache.
    pub hits: usize,
    /// Files parsed (new, changed, or not in the cache).
    pub misses: usize,
    /// A cache existed but could not be used (corrupt, other version, other folder).
    pub rejected: bool,
    /// Entries whose checksum or encoding was wrong.
    pub corrupt_entries: usize,
    /// A new cache was written.
    pub written: bool,
}

/// The folder where caches live: `$XDG_CACHE_HOME/dossier`, else `~/.cache/dossier`.
pub fn cache_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(base.join("dossier"))
}

/// A file's identity for the cache: size and modification time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    size: u64,
    secs: i64,
    nanos: u32,
}

impl Stamp {
    fn of(metadata: &fs::Metadata) -> Option<Stamp> {
        if !metadata.is_file() {
            return None;
        }
        let (secs, nanos) = match metadata.modified().ok()?.duration_since(UNIX_EPOCH) {
            Ok(d) => (d.as_secs() as i64, d.subsec_nanos()),
            Err(e) => (-(e.duration().as_secs() as i64) - 1, 0),
        };
        Some(Stamp {
            size: metadata.len(),
            secs,
            nanos,
        })
    }

    fn is_recent(&self, now: SystemTime) -> bool {
        let Ok(now) = now.duration_since(UNIX_EPOCH) else {
            return true;
        };
        self.secs >= now.saturating_sub(RACY).as_secs() as i64
    }
}

/// An entry's kind: documents, or a file that did not load (always read again, never trusted;
/// listed so that it does not make the cache look stale).
const KIND_DOCS: u8 = 0;
const KIND_PROBLEM: u8 = 1;

/// One cached file.
#[derive(Debug, Clone)]
struct Entry {
    stamp: Stamp,
    kind: u8,
    offset: u64,
    len: u64,
    checksum: u64,
}

/// An open, validated cache.
struct Cache {
    file: File,
    entries: HashMap<Vec<u8>, Entry>,
    /// What the entries were compressed against.
    dict: Vec<u8>,
}

/// A folder's cache file, opened (and its table read) while the folder is walked.
pub(super) struct Opened {
    path: PathBuf,
    canonical: Vec<u8>,
    fingerprint: u64,
    cache: Result<Cache, OpenError>,
}

/// Opens the cache of `folder` in `dir`; `None` when the folder or the executable cannot be
/// named (no cache then).
pub(super) fn open_folder(dir: &Path, folder: &Path) -> Option<Opened> {
    let ((key, canonical), fingerprint) = (cache_key(folder)?, fingerprint()?);
    let path = dir.join(format!("{key:016x}.cache"));
    let cache = open(&path, fingerprint, &canonical);
    Some(Opened {
        path,
        canonical,
        fingerprint,
        cache,
    })
}

/// What a batch hands on: files and their results, in order.
/// Returns whether to go on.
pub(super) type Emit<'a> = dyn FnMut(&[PathBuf], Vec<Result<Vec<Document>, String>>) -> bool + 'a;

/// Loads `files` (all under `folder`) through the cache in `dir`, handing on each batch in
/// `files` order as soon as it is read.
///
/// Files are checked against the cache a batch at a time, so the first documents come before
/// the whole folder is looked at. A new cache is started at the first file the cache does not
/// have as it is now (entries already read are copied over from the old cache, not encoded
/// again), or at the end when the cache lists files that are gone.
pub(super) fn load_folder(
    opened: Option<Opened>,
    dir: &Path,
    folder: &Path,
    files: &[PathBuf],
    stats: &mut CacheStats,
    emit: &mut Emit,
) {
    let Some(Opened {
        path,
        canonical,
        fingerprint,
        cache,
    }) = opened
    else {
        for range in super::batches::batch_ranges(files.len()) {
            if !emit(&files[range.clone()], super::load_files(&files[range])) {
                break;
            }
        }
        return;
    };
    let cache = match cache {
        Ok(cache) => Some(cache),
        Err(OpenError::Absent) => None,
        Err(OpenError::Rejected) => {
            stats.rejected = true;
            None
        }
    };
    let mut writing = Writing {
        dir,
        path: &path,
        writer: None,
        failed: false,
        unwritten: Vec::new(),
        dict_len: files.len().saturating_mul(DICT_PER_FILE).min(DICT_LEN),
    };
    let now = SystemTime::now();
    let mut listed = 0;
    let mut complete = true;
    for range in super::batches::batch_ranges(files.len()) {
        let batch_files = &files[range];
        // The cheap pass first: each file's stamp, and whether the cache has it as it is now.
        let plan: Vec<(Vec<u8>, Option<Stamp>)> = batch_files
            .par_iter()
            .map(|f| {
                let stamp = fs::metadata(f).ok().and_then(|m| Stamp::of(&m));
                (relative_key(folder, f), stamp)
            })
            .collect();
        let hit = |(rel, stamp): &(Vec<u8>, Option<Stamp>)| -> Option<&Entry> {
            let entry = cache.as_ref()?.entries.get(rel)?;
            (Some(entry.stamp) == *stamp).then_some(entry)
        };
        // A file whose stamp cannot be read is parsed, but does not make the cache stale.
        if plan.iter().any(|p| p.1.is_some() && hit(p).is_none()) {
            writing.start(cache.as_ref());
        }
        let keep = writing.writer.is_some();
        let mut loaded: Vec<Loaded> = batch_files
            .par_iter()
            .zip(&plan)
            .map(|(file, p)| {
                let entry = hit(p);
                let cached = entry
                    .filter(|e| e.kind == KIND_DOCS)
                    .and_then(|e| read_entry(cache.as_ref()?, e, file, keep));
                cached.unwrap_or_else(|| {
                    let result = load_file(file);
                    let corrupt = entry.is_some_and(|e| e.kind == KIND_DOCS);
                    let payload = match &result {
                        Ok(docs) if keep || corrupt => postcard::to_stdvec(docs).ok(),
                        _ => None,
                    };
                    Loaded {
                        result,
                        payload,
                        packed: false,
                        from_cache: false,
                        corrupt,
                    }
                })
            })
            .collect();
        if loaded.iter().any(|l| l.corrupt) {
            // Entries found corrupt while reading: this cache is rewritten too.
            writing.start(cache.as_ref());
        }
        writing.pack(&mut loaded);
        let mut results = Vec::with_capacity(loaded.len());
        for (loaded, p) in loaded.into_iter().zip(&plan) {
            let entry = hit(p);
            stats.hits += usize::from(loaded.from_cache);
            stats.misses += usize::from(!loaded.from_cache);
            stats.corrupt_entries += usize::from(loaded.corrupt);
            listed += usize::from(entry.is_some());
            if let Some(stamp) = p.1.filter(|s| !s.is_recent(now)) {
                match (loaded.payload.as_deref(), entry) {
                    (None, Some(entry)) => writing.keep(cache.as_ref(), &p.0, stamp, entry),
                    (payload, _) => writing.add(&p.0, stamp, payload),
                }
            }
            results.push(loaded.result);
        }
        if !emit(batch_files, results) {
            // Stopped part-way: a new cache keeps what was read; an old one stays as it is.
            complete = false;
            break;
        }
    }
    if complete && cache.as_ref().is_none_or(|c| c.entries.len() != listed) {
        // Files are gone since the cache was written (or there was none): write it again.
        writing.start(cache.as_ref());
    }
    if let Some(w) = writing.writer.filter(|_| !writing.failed) {
        stats.written = w.finish(fingerprint, &canonical, &path).is_ok();
    }
}

/// A new cache being written, started only when the old one will not do.
struct Writing<'a> {
    dir: &'a Path,
    path: &'a Path,
    writer: Option<Writer>,
    failed: bool,
    /// Entries read from the old cache before the new one was started: copied over at start.
    unwritten: Vec<(Vec<u8>, Stamp, Entry)>,
    /// The size of a new dictionary.
    dict_len: usize,
}

/// A new cache's dictionary: the old cache's (its entries are copied as they are), or one made
/// from the first documents encoded.
fn dictionary(loaded: &[Loaded], len: usize) -> Vec<u8> {
    let mut dict = Vec::with_capacity(len);
    for payload in loaded
        .iter()
        .filter(|l| !l.packed)
        .filter_map(|l| l.payload.as_deref())
    {
        let room = len - dict.len();
        dict.extend_from_slice(&payload[..payload.len().min(DICT_SAMPLE).min(room)]);
        if dict.len() == len {
            break;
        }
    }
    dict
}

impl Writing<'_> {
    /// Starts the new cache (once), copying over the entries read so far from `old`.
    fn start(&mut self, old: Option<&Cache>) {
        if self.writer.is_some() || self.failed {
            return;
        }
        match Writer::create(self.dir, self.path, old.map(|c| c.dict.clone())) {
            Ok(w) => self.writer = Some(w),
            Err(_) => {
                self.failed = true;
                return;
            }
        }
        for (rel, stamp, entry) in std::mem::take(&mut self.unwritten) {
            self.keep(old, &rel, stamp, &entry);
        }
    }

    /// Carries an entry of the old cache over to the new one (later, if none is started yet).
    fn keep(&mut self, old: Option<&Cache>, rel: &[u8], stamp: Stamp, entry: &Entry) {
        if self.writer.is_none() {
            self.unwritten.push((rel.to_vec(), stamp, entry.clone()));
            return;
        }
        if entry.kind != KIND_DOCS {
            return self.add(rel, stamp, None);
        }
        let bytes = old.and_then(|c| {
            let mut bytes = vec![0; usize::try_from(entry.len).ok()?];
            read_at(&c.file, &mut bytes, entry.offset).ok()?;
            (checksum(&bytes) == entry.checksum).then_some(bytes)
        });
        // Read fine a moment ago and unreadable now: left out, so it is parsed next time.
        if let Some(bytes) = bytes {
            self.add(rel, stamp, Some(&bytes));
        }
    }

    /// Compresses the fresh encodings of a batch for the new cache (choosing its dictionary
    /// first, when it has none yet).
    fn pack(&mut self, loaded: &mut [Loaded]) {
        let Some(w) = self.writer.as_mut() else {
            return;
        };
        if w.dict.is_none() && w.set_dict(dictionary(loaded, self.dict_len)).is_err() {
            self.failed = true;
            return;
        }
        let dict = w.dict.as_deref().unwrap_or_default();
        loaded.par_iter_mut().filter(|l| !l.packed).for_each(|l| {
            if let Some(raw) = l.payload.take() {
                l.payload = Some(compress(&raw, dict));
                l.packed = true;
            }
        });
    }

    fn add(&mut self, rel: &[u8], stamp: Stamp, payload: Option<&[u8]>) {
        let Some(w) = self.writer.as_mut() else {
            return;
        };
        if w.add(rel, stamp, payload).is_err() {
            self.failed = true;
        }
    }
}

/// One file's result, and its encoded documents when a new cache is being written.
struct Loaded {
    result: Result<Vec<Document>, String>,
    payload: Option<Vec<u8>>,
    /// The payload is compressed (read from the cache, or packed for the new one).
    packed: bool,
    from_cache: bool,
    corrupt: bool,
}

/// Decodes one entry; `None` when its bytes are not what was written.
fn read_entry(cache: &Cache, entry: &Entry, path: &Path, keep: bool) -> Option<Loaded> {
    let len = usize::try_from(entry.len).ok()?;
    let mut bytes = vec![0; len];
    read_at(&cache.file, &mut bytes, entry.offset).ok()?;
    if checksum(&bytes) != entry.checksum {
        return None;
    }
    let mut docs = decode(&bytes, &cache.dict)?;
    let shown = display_path(path);
    for doc in &mut docs {
        doc.path.clone_from(&shown);
    }
    Some(Loaded {
        result: Ok(docs),
        payload: keep.then_some(bytes),
        packed: true,
        from_cache: true,
        corrupt: false,
    })
}

/// An entry's payload: the documents' postcard encoding, LZ4-compressed against the cache's
/// dictionary behind its length.
fn compress(raw: &[u8], dict: &[u8]) -> Vec<u8> {
    lz4_flex::block::compress_prepend_size_with_dict(raw, dict)
}

/// The documents of a payload; `None` when it does not decode (the checksum makes that rare,
/// and the file is then parsed instead).
fn decode(payload: &[u8], dict: &[u8]) -> Option<Vec<Document>> {
    let (len, packed) = payload.split_first_chunk::<4>()?;
    let len = u32::from_le_bytes(*len) as usize;
    // LZ4 expands at most 255-fold: a larger length is damage, not a reason to allocate it.
    if len > packed.len().saturating_mul(255) {
        return None;
    }
    let raw = lz4_flex::block::decompress_with_dict(packed, len, dict).ok()?;
    postcard::from_bytes(&raw).ok()
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    use std::os::unix::fs::FileExt;
    file.read_exact_at(buf, offset)
}

#[cfg(not(unix))]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    let mut file = file.try_clone()?;
    file.seek(SeekFrom::Start(offset))?;
    file.read_exact(buf)
}

enum OpenError {
    Absent,
    Rejected,
}

/// Opens and validates a cache file: header, folder and table.
fn open(path: &Path, fingerprint: u64, canonical: &[u8]) -> Result<Cache, OpenError> {
    let mut file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(OpenError::Absent),
        Err(_) => return Err(OpenError::Rejected),
    };
    read_table(&mut file, fingerprint, canonical)
        .map(|(entries, dict)| Cache {
            file,
            entries,
            dict,
        })
        .ok_or(OpenError::Rejected)
}

/// The entries of a cache file, and its dictionary.
type Table = (HashMap<Vec<u8>, Entry>, Vec<u8>);

fn read_table(file: &mut File, fingerprint: u64, canonical: &[u8]) -> Option<Table> {
    let size = file.metadata().ok()?.len();
    let trailer_at = size.checked_sub(TRAILER_LEN as u64)?;
    file.seek(SeekFrom::Start(trailer_at)).ok()?;
    let mut trailer = [0u8; TRAILER_LEN];
    file.read_exact(&mut trailer).ok()?;
    let mut t = Reader(&trailer);
    let (table_at, table_len, table_sum) = (t.u64()?, t.u64()?, t.u64()?);
    if t.bytes(8)? != MAGIC || table_at.checked_add(table_len)? != trailer_at {
        return None;
    }
    let mut table = vec![0; usize::try_from(table_len).ok()?];
    file.seek(SeekFrom::Start(table_at)).ok()?;
    file.read_exact(&mut table).ok()?;
    if checksum(&table) != table_sum {
        return None;
    }
    let mut r = Reader(&table);
    if r.bytes(8)? != MAGIC || r.u32()? != FORMAT_VERSION || r.u64()? != fingerprint {
        return None;
    }
    let stored = r.u32()? as usize;
    if r.bytes(stored)? != canonical {
        return None;
    }
    let (dict_at, dict_len, dict_sum) = (r.u64()?, r.u64()?, r.u64()?);
    if dict_len > DICT_LEN as u64 || dict_at.checked_add(dict_len)? > table_at {
        return None;
    }
    let mut dict = vec![0; usize::try_from(dict_len).ok()?];
    read_at(file, &mut dict, dict_at).ok()?;
    if checksum(&dict) != dict_sum {
        return None;
    }
    let count = r.u32()? as usize;
    let mut entries = HashMap::with_capacity(count.min(1 << 20));
    for _ in 0..count {
        let rel_len = r.u32()? as usize;
        let rel = r.bytes(rel_len)?.to_vec();
        let stamp = Stamp {
            size: r.u64()?,
            secs: r.u64()? as i64,
            nanos: r.u32()?,
        };
        let entry = Entry {
            stamp,
            kind: r.bytes(1)?[0],
            offset: r.u64()?,
            len: r.u64()?,
            checksum: r.u64()?,
        };
        if entry.offset.checked_add(entry.len)? > table_at {
            return None;
        }
        entries.insert(rel, entry);
    }
    r.0.is_empty().then_some((entries, dict))
}

/// Little-endian reads from a byte slice; `None` past its end.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.0.len() {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.bytes(4)?.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.bytes(8)?.try_into().ok()?))
    }
}

/// Writes a new cache: entries first, then the table, then the trailer; renamed into place.
struct Writer {
    temp: PathBuf,
    out: BufWriter<File>,
    /// The dictionary once chosen, and where it was written.
    dict: Option<Vec<u8>>,
    dict_at: u64,
    offset: u64,
    table: Vec<u8>,
    count: u32,
}

impl Writer {
    fn create(dir: &Path, path: &Path, dict: Option<Vec<u8>>) -> io::Result<Writer> {
        fs::create_dir_all(dir)?;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let temp = dir.join(format!(
            "{}.{}.tmp",
            name.unwrap_or_default(),
            std::process::id()
        ));
        let out = BufWriter::with_capacity(1 << 20, File::create(&temp)?);
        let mut writer = Writer {
            temp,
            out,
            dict: None,
            dict_at: 0,
            offset: 0,
            table: Vec::new(),
            count: 0,
        };
        if let Some(dict) = dict {
            writer.set_dict(dict)?;
        }
        Ok(writer)
    }

    /// Writes the dictionary where the entries go; entries written from now on may use it.
    fn set_dict(&mut self, dict: Vec<u8>) -> io::Result<()> {
        self.out.write_all(&dict)?;
        self.dict_at = self.offset;
        self.offset += dict.len() as u64;
        self.dict = Some(dict);
        Ok(())
    }

    /// Adds a file: its encoded documents, or `None` for a file that did not load.
    fn add(&mut self, rel: &[u8], stamp: Stamp, payload: Option<&[u8]>) -> io::Result<()> {
        let (kind, payload) = match payload {
            Some(p) => (KIND_DOCS, p),
            None => (KIND_PROBLEM, &[][..]),
        };
        self.out.write_all(payload)?;
        let t = &mut self.table;
        t.extend_from_slice(&(rel.len() as u32).to_le_bytes());
        t.extend_from_slice(rel);
        t.extend_from_slice(&stamp.size.to_le_bytes());
        t.extend_from_slice(&(stamp.secs as u64).to_le_bytes());
        t.extend_from_slice(&stamp.nanos.to_le_bytes());
        t.push(kind);
        t.extend_from_slice(&self.offset.to_le_bytes());
        t.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        t.extend_from_slice(&checksum(payload).to_le_bytes());
        self.offset += payload.len() as u64;
        self.count += 1;
        Ok(())
    }

    fn finish(mut self, fingerprint: u64, canonical: &[u8], path: &Path) -> io::Result<()> {
        let result = self.write_table(fingerprint, canonical).and_then(|()| {
            let file = self.out.into_inner().map_err(|e| e.into_error())?;
            drop(file);
            fs::rename(&self.temp, path)
        });
        if result.is_err() {
            let _ = fs::remove_file(&self.temp);
        }
        result
    }

    fn write_table(&mut self, fingerprint: u64, canonical: &[u8]) -> io::Result<()> {
        let mut table = Vec::with_capacity(self.table.len() + canonical.len() + 32);
        table.extend_from_slice(MAGIC);
        table.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        table.extend_from_slice(&fingerprint.to_le_bytes());
        table.extend_from_slice(&(canonical.len() as u32).to_le_bytes());
        table.extend_from_slice(canonical);
        let dict = self.dict.as_deref().unwrap_or_default();
        table.extend_from_slice(&self.dict_at.to_le_bytes());
        table.extend_from_slice(&(dict.len() as u64).to_le_bytes());
        table.extend_from_slice(&checksum(dict).to_le_bytes());
        table.extend_from_slice(&self.count.to_le_bytes());
        table.extend_from_slice(&self.table);
        self.out.write_all(&table)?;
        self.out.write_all(&self.offset.to_le_bytes())?;
        self.out.write_all(&(table.len() as u64).to_le_bytes())?;
        self.out.write_all(&checksum(&table).to_le_bytes())?;
        self.out.write_all(MAGIC)?;
        self.out.flush()
    }
}

/// The cache file's key: a hash of the folder's canonical path, and that path.
fn cache_key(folder: &Path) -> Option<(u64, Vec<u8>)> {
    let canonical = fs::canonicalize(folder).ok()?;
    let bytes = canonical.as_os_str().as_encoded_bytes().to_vec();
    Some((checksum(&bytes), bytes))
}

/// A file's path relative to the folder, as bytes.
fn relative_key(folder: &Path, file: &Path) -> Vec<u8> {
    file.strip_prefix(folder)
        .unwrap_or(file)
        .as_os_str()
        .as_encoded_bytes()
        .to_vec()
}

/// Ties a cache to the document model's shape and to the executable that parsed it.
pub(crate) fn fingerprint() -> Option<u64> {
    let section = Section {
        children: vec![Section::default()],
        ..Section::default()
    };
    let probe = Document {
        fields: vec![Field::default()],
        record_fields: vec![Field::default()],
        sections: vec![section],
        footnotes: vec![crate::model::Note {
            anchor: Some(crate::model::NoteAnchor::default()),
            ..Default::default()
        }],
        glossary: vec![crate::model::GlossaryEntry::default()],
        ..Document::default()
    };
    let mut schema = serde_json::to_vec(&probe).ok()?;
    let exe = fs::metadata(std::env::current_exe().ok()?).ok()?;
    let stamp = Stamp::of(&exe)?;
    schema.extend_from_slice(&stamp.size.to_le_bytes());
    schema.extend_from_slice(&stamp.secs.to_le_bytes());
    schema.extend_from_slice(&stamp.nanos.to_le_bytes());
    Some(checksum(&schema))
}

/// A fast 64-bit checksum (multiply–rotate over 8-byte words): it catches corruption, it is
/// not meant to resist tampering.
pub(crate) fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = 0x2545_f491_4f6c_dd1d ^ (bytes.len() as u64).wrapping_mul(K);
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let w = u64::from_le_bytes(word.try_into().unwrap_or_default());
        h = (h ^ w).wrapping_mul(K).rotate_left(31);
    }
    let mut tail = [0u8; 8];
    tail[..words.remainder().len()].copy_from_slice(words.remainder());
    h = (h ^ u64::from_le_bytes(tail)).wrapping_mul(K);
    h ^= h >> 29;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^ (h >> 32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{LoadOptions, load_with};

    fn page(n: usize) -> String {
        format!(
            "March 1, 1984\n\nCable from Ambassador Katori to the Foreign Minister, 'Visit {n}'\n\n1. First point of cable {n}.\n\n2. Second point.\n"
        )
    }

    fn folder(count: usize) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        for n in 0..count {
            fs::write(dir.path().join(format!("{n:03}.txt")), page(n)).expect("write");
        }
        dir
    }

    fn options(cache: &Path) -> LoadOptions {
        LoadOptions {
            cache_dir: Some(cache.to_path_buf()),
            cache_min_files: 1,
        }
    }

    /// Sets every file's mtime in the past, as if the folder had been written a while ago.
    fn age(dir: &Path) {
        for entry in fs::read_dir(dir).expect("read dir") {
            age_file(&entry.expect("entry").path(), Duration::from_secs(3600));
        }
    }

    /// Sets one file's mtime `ago` in the past.
    fn age_file(path: &Path, ago: Duration) {
        let file = File::options().write(true).open(path).expect("open");
        file.set_modified(SystemTime::now() - ago)
            .expect("set mtime");
    }

    fn cache_file(cache: &Path) -> PathBuf {
        fs::read_dir(cache)
            .expect("cache dir")
            .map(|e| e.expect("entry").path())
            .find(|p| p.extension().is_some_and(|e| e == "cache"))
            .expect("a cache file")
    }

    #[test]
    fn a_second_load_reads_the_cache_and_gives_the_same_documents() {
        let (docs, cache) = (folder(5), tempfile::tempdir().expect("temp dir"));
        age(docs.path());
        let paths = [docs.path().to_path_buf()];
        let (first, s1) = load_with(&paths, &options(cache.path()));
        assert_eq!((s1.hits, s1.misses, s1.written), (0, 5, true));
        let (second, s2) = load_with(&paths, &options(cache.path()));
        assert_eq!((s2.hits, s2.misses, s2.written), (5, 0, false));
        assert_eq!(first.documents, second.documents);
    }

    #[test]
    fn the_cache_takes_less_room_than_the_files_it_stands_for() {
        let (docs, cache) = (
            tempfile::tempdir().expect("temp dir"),
            tempfile::tempdir().expect("temp dir"),
        );
        for n in 0..300 {
            let point = format!(
                "The delegation of {n} stated that the question of credits should be settled in the clearing account. "
            );
            let mut text = page(n);
            for p in 3..12 {
                text.push_str(&format!("\n{p}. {}\n", point.repeat(p % 4 + 1)));
            }
            fs::write(docs.path().join(format!("{n:03}.txt")), text).expect("write");
        }
        age(docs.path());
        load_with(&[docs.path().to_path_buf()], &options(cache.path()));
        let files: u64 = fs::read_dir(docs.path())
            .expect("read dir")
            .map(|e| e.expect("entry").metadata().expect("metadata").len())
            .sum();
        let cached = fs::metadata(cache_file(cache.path())).expect("cache").len();
        assert!(cached < files / 2, "{cached} bytes of cache for {files}");
    }

    #[test]
    fn a_changed_file_is_parsed_again() {
        let (docs, cache) = (folder(4), tempfile::tempdir().expect("temp dir"));
        age(docs.path());
        let paths = [docs.path().to_path_buf()];
        load_with(&paths, &options(cache.path()));
        fs::write(docs.path().join("002.txt"), page(42)).expect("write");
        let (corpus, stats) = load_with(&paths, &options(cache.path()));
        assert_eq!((stats.hits, stats.misses), (3, 1));
        assert!(corpus.documents[2].title.contains("Visit 42"));
        let (_, again) = load_with(&paths, &options(cache.path()));
        assert_eq!(
            (again.hits, again.misses),
            (3, 1),
            "a file changed just now is not cached yet"
        );
    }

    #[test]
    fn a_corrupt_cache_costs_a_rebuild_never_wrong_text() {
        let (docs, cache) = (folder(6), tempfile::tempdir().expect("temp dir"));
        age(docs.path());
        let paths = [docs.path().to_path_buf()];
        let (expected, _) = load_with(&paths, &options(cache.path()));
        let file = cache_file(cache.path());
        let clean = fs::read(&file).expect("read cache");
        // Flip one byte at a time across the file: every load still gives the parsed text.
        for at in (0..clean.len()).step_by(clean.len() / 40 + 1) {
            let mut bytes = clean.clone();
            bytes[at] ^= 0x5a;
            fs::write(&file, &bytes).expect("corrupt");
            let (corpus, _) = load_with(&paths, &options(cache.path()));
            assert_eq!(corpus.documents, expected.documents, "byte {at} flipped");
        }
        for len in [0, 7, clean.len() / 2] {
            fs::write(&file, &clean[..len]).expect("truncate");
            let (corpus, stats) = load_with(&paths, &options(cache.path()));
            assert_eq!(corpus.documents, expected.documents, "truncated to {len}");
            assert!(stats.written, "a truncated cache is rewritten");
        }
    }

    #[test]
    fn added_and_removed_files_rewrite_the_cache() {
        let (docs, cache) = (folder(3), tempfile::tempdir().expect("temp dir"));
        age(docs.path());
        let paths = [docs.path().to_path_buf()];
        load_with(&paths, &options(cache.path()));
        fs::remove_file(docs.path().join("001.txt")).expect("remove");
        let (corpus, stats) = load_with(&paths, &options(cache.path()));
        assert_eq!(corpus.documents.len(), 2);
        assert!(stats.written);
        let (_, again) = load_with(&paths, &options(cache.path()));
        assert_eq!((again.hits, again.misses, again.written), (2, 0, false));
    }

    #[test]
    fn the_path_shown_is_the_one_given_not_the_cached_one() {
        let (docs, cache) = (folder(2), tempfile::tempdir().expect("temp dir"));
        age(docs.path());
        load_with(&[docs.path().to_path_buf()], &options(cache.path()));
        let dotted = docs.path().join(".");
        let (corpus, stats) = load_with(std::slice::from_ref(&dotted), &options(cache.path()));
        assert_eq!(stats.hits, 2);
        assert_eq!(
            corpus.documents[0].path,
            display_path(&dotted.join("000.txt"))
        );
    }

    #[test]
    fn a_late_change_keeps_the_entries_read_before_it() {
        // More files than the first batches hold: the new cache starts mid-way.
        let (docs, cache) = (folder(300), tempfile::tempdir().expect("temp dir"));
        age(docs.path());
        let paths = [docs.path().to_path_buf()];
        let (_, first) = load_with(&paths, &options(cache.path()));
        assert_eq!((first.misses, first.written), (300, true));
        let changed = docs.path().join("250.txt");
        fs::write(&changed, page(4242)).expect("write");
        age_file(&changed, Duration::from_secs(60));
        let (corpus, stats) = load_with(&paths, &options(cache.path()));
        assert_eq!((stats.hits, stats.misses, stats.written), (299, 1, true));
        assert!(corpus.documents[250].title.contains("Visit 4242"));
        let (again, third) = load_with(&paths, &options(cache.path()));
        assert_eq!((third.hits, third.misses, third.written), (300, 0, false));
        assert_eq!(again.documents, corpus.documents);
    }

    #[test]
    fn a_corrupt_entry_late_in_the_folder_is_parsed_and_the_cache_mended() {
        let (docs, cache) = (folder(300), tempfile::tempdir().expect("temp dir"));
        age(docs.path());
        let paths = [docs.path().to_path_buf()];
        let (expected, _) = load_with(&paths, &options(cache.path()));
        let file = cache_file(cache.path());
        let mut bytes = fs::read(&file).expect("read cache");
        // Entries come first, in file order, then the table (its offset opens the trailer):
        // this byte lies in the last entry.
        let trailer = &bytes[bytes.len() - TRAILER_LEN..];
        let table_at = u64::from_le_bytes(trailer[..8].try_into().expect("8 bytes"));
        let at = usize::try_from(table_at).expect("offset") - 4;
        bytes[at] ^= 0x5a;
        fs::write(&file, &bytes).expect("corrupt");
        let (corpus, stats) = load_with(&paths, &options(cache.path()));
        assert_eq!(corpus.documents, expected.documents);
        assert_eq!((stats.corrupt_entries, stats.written), (1, true));
        let (_, again) = load_with(&paths, &options(cache.path()));
        assert_eq!(
            (again.hits, again.corrupt_entries, again.written),
            (300, 0, false)
        );
    }

    #[test]
    fn a_load_stopped_part_way_caches_what_it_read() {
        let (docs, cache) = (folder(300), tempfile::tempdir().expect("temp dir"));
        age(docs.path());
        let paths = [docs.path().to_path_buf()];
        let mut read = 0;
        let stats =
            crate::corpus::stream::load_streaming(&paths, &options(cache.path()), &mut |b| {
                read += b.documents.len();
                false
            });
        assert_eq!(read, crate::corpus::batches::FIRST_BATCH);
        assert!(stats.written);
        let (corpus, again) = load_with(&paths, &options(cache.path()));
        assert_eq!(corpus.documents.len(), 300);
        assert_eq!(
            (again.hits, again.misses, again.written),
            (read, 300 - read, true)
        );
        let (_, third) = load_with(&paths, &options(cache.path()));
        assert_eq!((third.hits, third.misses, third.written), (300, 0, false));
    }
}
