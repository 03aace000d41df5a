//! The index's manifest: for every indexed file, its size and modification time as indexed,
//! and the check that the files under the roots are still exactly those.
//!
//! The check runs before every answer from the index, so it is built to be cheap: the manifest
//! is postcard behind a checksum (no JSON map of every path to parse), the walk stats each
//! file relative to its open folder (`DirEntry::metadata`, no lookup of the whole path), and
//! the walk's sorted paths are compared with the manifest's, which are kept sorted. Anything
//! it does not expect (a symbolic link, a name that is not UTF-8, a file changed within the
//! last two seconds) answers "not fresh", and the caller takes the full way, which decides
//! from the corpus itself.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

const MANIFEST: &str = "dossier-manifest.bin";
/// Files changed more recently than this are indexed but not stamped, so that a second change
/// within the same mtime tick is seen next time.
const RACY: Duration = Duration::from_secs(2);
/// Files stat'ed by one task (a folder of fewer is stat'ed on one thread).
const STAT_CHUNK: usize = 2048;

/// A file's identity: size and modification time in nanoseconds.
pub(super) type Stamp = (u64, i128);

/// A file found under the roots: its canonical path, and its stamp unless it is too recent.
type Listed = (String, Option<Stamp>);

/// What the index holds, file by file.
#[derive(Debug, Default)]
pub(super) struct Manifest {
    pub version: u32,
    pub fingerprint: u64,
    /// Canonical path → stamp of the file as indexed.
    pub files: BTreeMap<String, Stamp>,
}

/// The manifest as written: the files in path order.
#[derive(Serialize, Deserialize)]
struct OnDisk {
    version: u32,
    fingerprint: u64,
    files: Vec<(String, Stamp)>,
}

/// The manifest in `dir` when it was written by this program for this index version.
pub(super) fn read(dir: &Path, version: u32) -> Option<Manifest> {
    let disk = read_disk(dir, version)?;
    Some(Manifest {
        version: disk.version,
        fingerprint: disk.fingerprint,
        files: disk.files.into_iter().collect(),
    })
}

fn read_disk(dir: &Path, version: u32) -> Option<OnDisk> {
    let bytes = fs::read(dir.join(MANIFEST)).ok()?;
    let (sum, body) = bytes.split_first_chunk::<8>()?;
    if u64::from_le_bytes(*sum) != crate::corpus::checksum(body) {
        return None;
    }
    let disk: OnDisk = postcard::from_bytes(body).ok()?;
    (disk.version == version && Some(disk.fingerprint) == crate::corpus::fingerprint())
        .then_some(disk)
}

/// Writes the manifest beside the index (to a temporary file renamed into place).
pub(super) fn write(dir: &Path, manifest: &Manifest) -> std::io::Result<()> {
    let disk = OnDisk {
        version: manifest.version,
        fingerprint: manifest.fingerprint,
        files: manifest
            .files
            .iter()
            .map(|(path, stamp)| (path.clone(), *stamp))
            .collect(),
    };
    let body = postcard::to_stdvec(&disk).map_err(std::io::Error::other)?;
    let mut bytes = crate::corpus::checksum(&body).to_le_bytes().to_vec();
    bytes.extend_from_slice(&body);
    let tmp = dir.join(format!("{MANIFEST}.tmp"));
    fs::write(&tmp, bytes)?;
    fs::rename(tmp, dir.join(MANIFEST))
}

/// Whether the manifest in `dir` lists exactly the document files under `roots`, each with
/// its size and modification time of now.
pub(super) fn is_fresh(dir: &Path, version: u32, roots: &[PathBuf]) -> bool {
    let Some(disk) = read_disk(dir, version) else {
        return false;
    };
    let Some(mut files) = document_files(roots) else {
        return false;
    };
    files.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    files.len() == disk.files.len()
        && files
            .iter()
            .zip(&disk.files)
            .all(|((path, now), (listed, stamp))| path == listed && now.as_ref() == Some(stamp))
}

/// The document files under `roots` (canonical paths), each with its stamp; `None` at
/// anything the walk does not expect.
fn document_files(roots: &[PathBuf]) -> Option<Vec<Listed>> {
    let mut files = Vec::new();
    for root in roots {
        let root = fs::canonicalize(root).ok()?;
        let metadata = fs::metadata(&root).ok()?;
        if metadata.is_dir() {
            walk(&root, &mut files)?;
        } else {
            files.push((
                root.into_os_string().into_string().ok()?,
                stamp_of(&metadata),
            ));
        }
    }
    Some(files)
}

fn walk(dir: &Path, files: &mut Vec<Listed>) -> Option<()> {
    let mut documents = Vec::new();
    for entry in fs::read_dir(dir).ok()? {
        let entry = entry.ok()?;
        let kind = entry.file_type().ok()?;
        let path = entry.path();
        let document = crate::formats::is_document_path(path.as_os_str().as_encoded_bytes());
        if kind.is_dir() {
            walk(&path, files)?;
        } else if kind.is_symlink() {
            // A linked folder, or a linked document the manifest lists by its target's path:
            // the full way follows links as the corpus does.
            if document || fs::metadata(&path).ok()?.is_dir() {
                return None;
            }
        } else if document {
            documents.push((entry, path));
        }
    }
    // The stats are most of the check's time: a large folder's are shared between the cores.
    let stamped: Option<Vec<Vec<Listed>>> = documents
        .par_chunks(STAT_CHUNK)
        .map(|chunk| {
            chunk
                .iter()
                .map(|(entry, path)| {
                    let stamp = stamp_of(&entry.metadata().ok()?);
                    Some((path.to_str()?.to_string(), stamp))
                })
                .collect()
        })
        .collect();
    files.extend(stamped?.into_iter().flatten());
    Some(())
}

/// A file's stamp now; `None` when it cannot be read or changed too recently to trust.
pub(super) fn stamp(path: &str) -> Option<Stamp> {
    stamp_of(&fs::metadata(path).ok()?)
}

fn stamp_of(metadata: &fs::Metadata) -> Option<Stamp> {
    let modified = metadata.modified().ok()?;
    let nanos = match modified.duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    };
    let racy = SystemTime::now()
        .duration_since(modified)
        .map_or(true, |age| age < RACY);
    (!racy).then_some((metadata.len(), nanos))
}
