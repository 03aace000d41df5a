//! Loading documents from files and folders.
//!
//! Paths may be files or folders (walked recursively, in sorted order so that ids are stable).
//! Which files hold documents and how each is read is [`crate::formats`]' business: archive
//! pages (`.txt`), dossier's own export (`.json`), FRUS TEI volumes (`.xml`, many per file).
//! A file that cannot be read becomes a [`LoadProblem`] naming the path and the reason, and the
//! other files still load. Files are only ever opened for reading.
//!
//! Files are parsed in parallel (rayon), in batches whose results are put back in walk order,
//! so ids and problems come out exactly as a sequential load would give them. A large folder
//! keeps its parsed documents in a cache (see [`cache`]): files whose size and modification
//! time are unchanged are decoded from it instead of parsed again.

mod batches;
mod cache;
pub mod stream;

use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::formats::{Format, Source};
use crate::model::Document;

pub use cache::{CacheStats, cache_dir};
pub(crate) use cache::{checksum, fingerprint};

/// How many leading bytes are inspected to recognise a binary file.
const SNIFF_BYTES: usize = 8192;

/// A folder with at least this many document files keeps a cache; smaller ones parse faster
/// than a cache could be checked.
pub const CACHE_MIN_FILES: usize = 500;

/// A file that could not be loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadProblem {
    pub path: PathBuf,
    pub message: String,
}

/// Every document found under the given paths, and the files that could not be loaded.
#[derive(Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub problems: Vec<LoadProblem>,
}

impl Corpus {
    /// Finds a document by id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }
}

/// How [`load_with`] treats the cache.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Where caches live; `None` turns caching off.
    pub cache_dir: Option<PathBuf>,
    /// Folders with fewer document files than this are never cached.
    pub cache_min_files: usize,
}

impl LoadOptions {
    /// The defaults: the XDG cache folder, unless `DOSSIER_CACHE=0` (or `off`) is set.
    pub fn from_env() -> Self {
        let off = std::env::var("DOSSIER_CACHE").is_ok_and(|v| v == "0" || v == "off");
        LoadOptions {
            cache_dir: if off { None } else { cache_dir() },
            cache_min_files: CACHE_MIN_FILES,
        }
    }

    /// No cache at all.
    pub fn uncached() -> Self {
        LoadOptions {
            cache_dir: None,
            cache_min_files: usize::MAX,
        }
    }
}

/// Loads every document under `paths`, using the cache for large folders.
pub fn load(paths: &[PathBuf]) -> Corpus {
    load_with(paths, &LoadOptions::from_env()).0
}

/// Loads every document under `paths`; also tells what the cache did.
pub fn load_with(paths: &[PathBuf], options: &LoadOptions) -> (Corpus, CacheStats) {
    let mut corpus = Corpus::default();
    let stats = stream::load_streaming(paths, options, &mut |batch| {
        corpus.documents.extend(batch.documents);
        corpus.problems.extend(batch.problems);
        true
    });
    (corpus, stats)
}

/// Parses files in parallel; results are in the order of `files`.
pub fn load_files(files: &[PathBuf]) -> Vec<Result<Vec<Document>, String>> {
    files.par_iter().map(|f| load_file(f)).collect()
}

/// Adds the document files under `path` to `files`; true when `path` is a folder.
fn collect_files(path: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<LoadProblem>) -> bool {
    let metadata = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            problems.push(LoadProblem {
                path: path.to_path_buf(),
                message: io_reason(&e),
            });
            return false;
        }
    };
    if !metadata.is_dir() {
        files.push(path.to_path_buf());
        return false;
    }
    // Sorted once at the end rather than per folder: walkdir's sort takes each name from its
    // path on every comparison, which costs more than the walk in a folder of 100,000 files.
    // Paths order by their components, which is the order of a walk in sorted name order.
    let first = files.len();
    let first_problem = problems.len();
    let walker = walkdir::WalkDir::new(path).follow_links(true);
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_dir() => {}
            Ok(entry) if is_document_file(entry.path()) => files.push(entry.into_path()),
            Ok(_) => {}
            Err(e) => problems.push(LoadProblem {
                path: e
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| path.to_path_buf()),
                message: walk_reason(&e),
            }),
        }
    }
    sort_in_walk_order(path, &mut files[first..]);
    problems[first_problem..].sort_by(|a, b| a.path.cmp(&b.path));
    true
}

/// Sorts the files found under `root` as a walk in sorted name order would list them.
fn sort_in_walk_order(root: &Path, files: &mut [PathBuf]) {
    let skip = root.as_os_str().len();
    let sep = std::path::MAIN_SEPARATOR as u8;
    fn rest(f: &Path, skip: usize) -> &[u8] {
        let bytes = f.as_os_str().as_encoded_bytes();
        bytes.get(skip..).unwrap_or(bytes)
    }
    // One folder of files (the usual archive): plain byte order, compared with memcmp.
    let flat = files
        .iter()
        .all(|f| !rest(f, skip).get(1..).unwrap_or_default().contains(&sep));
    if flat {
        files.sort_unstable_by(|a, b| rest(a, skip).cmp(rest(b, skip)));
    } else {
        files.sort_unstable_by(|a, b| walk_order(a, b));
    }
}

/// The order of a walk that visits names in sorted order: paths compared by their bytes with
/// the separator below every other byte (a folder's files before a longer name that starts
/// like it, as component order has it), without taking the paths apart into components.
fn walk_order(a: &Path, b: &Path) -> std::cmp::Ordering {
    let (a, b) = (
        a.as_os_str().as_encoded_bytes(),
        b.as_os_str().as_encoded_bytes(),
    );
    let common = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let rank = |c: Option<&u8>| {
        c.map(|&c| {
            if c == std::path::MAIN_SEPARATOR as u8 {
                0
            } else {
                u16::from(c) + 1
            }
        })
    };
    rank(a.get(common)).cmp(&rank(b.get(common)))
}

/// Files of the formats dossier reads (see [`crate::formats::EXTENSIONS`]).
fn is_document_file(path: &Path) -> bool {
    crate::formats::is_document_path(path.as_os_str().as_encoded_bytes())
}

fn walk_reason(e: &walkdir::Error) -> String {
    if let Some(ancestor) = e.loop_ancestor() {
        return format!("symbolic link loop back to {}", ancestor.display());
    }
    match e.io_error() {
        Some(io) => io_reason(io),
        None => e.to_string(),
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Reads one file into its documents.
pub fn load_file(path: &Path) -> Result<Vec<Document>, String> {
    let metadata = fs::metadata(path).map_err(|e| io_reason(&e))?;
    if !metadata.is_file() {
        // FIFOs and devices are never opened: reading them could block forever.
        return Err("not a regular file (skipped)".into());
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    fs::File::open(path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map_err(|e| io_reason(&e))?;
    if bytes.iter().take(SNIFF_BYTES).any(|&b| b == 0) {
        return Err("binary file (contains NUL bytes), skipped".into());
    }
    let (text, lossy) = match String::from_utf8(bytes) {
        Ok(text) => (text, false),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), true),
    };
    if text.trim().is_empty() {
        return Err("empty file".into());
    }
    let display = display_path(path);
    let stem = file_id(path);
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy())
        .unwrap_or_default();
    let format = Format::detect(&extension, &text)?;
    let mut docs = format.read(
        &text,
        Source {
            stem: &stem,
            display: &display,
        },
    )?;
    if lossy {
        for doc in &mut docs {
            doc.problems
                .insert(0, "invalid UTF-8: undecodable bytes shown as �".into());
        }
    }
    Ok(docs)
}

mod intern;
pub use intern::Interner;

/// The id a file's document gets: its stem, with anything but letters, digits, `-`, `_`, `.`
/// replaced, so that ids are easy to type.
fn file_id(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    let id: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    if id.is_empty() { "document".into() } else { id }
}

fn unique_id(id: &str, taken: &mut HashSet<String>) -> String {
    let mut candidate = id.to_string();
    let mut n = 2;
    while !taken.insert(candidate.clone()) {
        candidate = format!("{id}-{n}");
        n += 1;
    }
    candidate
}

/// A path as it may be printed: lossy for names that are not UTF-8, and cleaned of control
/// characters, since a file name is as untrusted as a file's text.
pub fn display_path(path: &Path) -> String {
    crate::parse::clean::clean_line(&path.to_string_lossy())
}
