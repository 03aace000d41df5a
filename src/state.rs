//! What dossier remembers between runs: bookmarks and where the reader left off.
//!
//! One JSON file per corpus under `$XDG_STATE_HOME/dossier/` (else `~/.local/state/dossier/`),
//! named by [`corpus_key`], a hash of the corpus's canonical paths. Each bookmark and the
//! resume point carry the document's [`doc_hash`], so a document whose file changed since is
//! detected ([`is_stale`]).
//!
//! A save never leaves a half-written file in place of a good one: it writes a temporary file
//! in the same folder, flushes it to disk and renames it over the old one, which is atomic.
//! A file that does not parse is set aside (renamed to `*.corrupt-<unix seconds>`) with a
//! warning rather than overwritten by the next save.
//!
//! Several sessions may have the same corpus open: each saves with [`save_merged`], which
//! applies what that session added and removed since it loaded onto what is on disk, so no
//! session loses another's bookmarks or tags. The read-merge-write holds a lock file, so two
//! saves at the same moment take turns (see `lock.rs`).
//!
//! Only [`load`], [`save`] and [`state_dir`] read the environment; [`load_from`] and
//! [`save_to`] take the folder.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::model::Document;

mod anchor;
mod history;
mod lock;
pub use anchor::{ANCHOR_QUOTE_CHARS, Anchor};
pub use history::{
    HISTORY_LIMIT, InputHistory, load_history, load_history_from, save_history, save_history_to,
};

/// A bookmarked section of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Bookmark {
    pub doc_id: String,
    /// [`doc_hash`] of the document when the bookmark was made.
    pub doc_hash: String,
    /// The section's id (`2.1.b`, or `body`).
    pub section: String,
    /// The reader's note; may be empty.
    pub note: String,
    /// When it was made, RFC 3339 in UTC (`2024-05-01T12:00:00Z`).
    pub created: String,
    /// The spot in the section (paragraph, offset, quote); `None` in bookmarks saved before
    /// spots were kept, which open at the section's start.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor: Option<Anchor>,
}

/// A highlighted passage, anchored by its quoted text so that it is found again when the page
/// is saved anew and the numbering of its sections moves.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Highlight {
    pub doc_id: String,
    /// The section's id when the highlight was made (used when the quote is not found).
    pub section: String,
    /// The passage's text when the highlight was made (its first [`QUOTE_CHARS`] characters).
    pub quote: String,
    /// The reader's note; may be empty.
    pub note: String,
    /// When it was made, RFC 3339 in UTC.
    pub created: String,
    /// Whether it marks one sentence (then `quote` is that whole sentence) rather than the
    /// passage.
    pub sentence: bool,
}

/// The length of a highlight's anchoring quote: enough to be unique in a document.
pub const QUOTE_CHARS: usize = 160;

impl Highlight {
    /// A highlight of a section of a document, made now.
    pub fn new(doc: &Document, section: &str, note: &str) -> Self {
        Highlight {
            doc_id: doc.id.clone(),
            section: section.to_string(),
            quote: passage_quote(doc, section).unwrap_or_default(),
            note: note.to_string(),
            created: now_rfc3339(),
            sentence: false,
        }
    }

    /// A highlight of one sentence of a section, made now: the sentence is its quote.
    pub fn of_sentence(doc: &Document, section: &str, sentence: &str, note: &str) -> Self {
        Highlight {
            doc_id: doc.id.clone(),
            section: section.to_string(),
            quote: sentence.to_string(),
            note: note.to_string(),
            created: now_rfc3339(),
            sentence: true,
        }
    }

    /// Where a sentence highlight stands now: its passage, the paragraph in it and the
    /// character range of the sentence there.
    pub fn sentence_in(&self, doc: &Document) -> Option<(String, usize, usize, usize)> {
        if !self.sentence || self.quote.is_empty() {
            return None;
        }
        let section = self.section_in(doc)?;
        let paragraphs = if section == crate::query::BODY_ID {
            &doc.body
        } else {
            &doc.section(&section)?.paragraphs
        };
        paragraphs.iter().enumerate().find_map(|(i, p)| {
            let at = p.find(&self.quote)?;
            let start = p[..at].chars().count();
            let end = start + self.quote.chars().count();
            Some((section.clone(), i, start, end))
        })
    }

    /// The id of the section the highlight is on now: the first whose own text holds the
    /// quote, else the section it was made on if that is still there.
    pub fn section_in(&self, doc: &Document) -> Option<String> {
        let ids = std::iter::once(crate::query::BODY_ID.to_string())
            .chain(doc.flat_sections().into_iter().map(|(_, s)| s.id.clone()));
        let found = ids
            .filter(|_| !self.quote.is_empty())
            .find(|id| passage_text(doc, id).is_some_and(|t| t.contains(&self.quote)));
        found.or_else(|| passage_text(doc, &self.section).map(|_| self.section.clone()))
    }
}

/// A passage's own paragraphs (not its subsections'), joined by spaces; `None` when the
/// document has no such passage.
fn passage_text(doc: &Document, section: &str) -> Option<String> {
    let paragraphs = if section == crate::query::BODY_ID {
        &doc.body
    } else {
        &doc.section(section)?.paragraphs
    };
    (!paragraphs.is_empty()).then(|| paragraphs.join(" "))
}

/// The quote that anchors a highlight of a passage.
fn passage_quote(doc: &Document, section: &str) -> Option<String> {
    Some(
        passage_text(doc, section)?
            .chars()
            .take(QUOTE_CHARS)
            .collect(),
    )
}

/// Where the reader left a corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Resume {
    pub doc_id: String,
    /// [`doc_hash`] of the document when it was left.
    pub doc_hash: String,
    /// The selected section's id, if one was selected.
    pub section: Option<String>,
    /// The detail pane's scroll offset, in lines: used only when there is no `anchor` (a
    /// state file from before anchors, or the reader was in the document's heading).
    pub scroll: usize,
    /// The spot at the top of the view: section, paragraph, offset and quote.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor: Option<Anchor>,
}

/// Everything remembered for one corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    pub bookmarks: Vec<Bookmark>,
    pub resume: Option<Resume>,
    pub highlights: Vec<Highlight>,
    /// The reader's tags: document id → tag names.
    pub tags: std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
    /// Queries kept under a name, shown as virtual folders above the documents.
    pub saved_searches: Vec<SavedSearch>,
}

/// A query kept under a name (`S` in the browser): applied as the documents filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedSearch {
    pub name: String,
    /// The query as typed, in the query language of the filters (`tag:` and `person:` too).
    pub query: String,
    /// When it was saved, RFC 3339 in UTC.
    pub created: String,
}

impl SavedSearch {
    /// A saved search made now.
    pub fn new(name: &str, query: &str) -> Self {
        SavedSearch {
            name: name.trim().to_string(),
            query: query.trim().to_string(),
            created: now_rfc3339(),
        }
    }
}

impl State {
    /// The tags of a document, sorted.
    pub fn tags_of(&self, doc_id: &str) -> Vec<String> {
        self.tags
            .get(doc_id)
            .map(|t| t.iter().cloned().collect())
            .unwrap_or_default()
    }

    /// The ids of the documents with a tag.
    pub fn documents_tagged<'a>(&'a self, tag: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.tags
            .iter()
            .filter(move |(_, tags)| tags.contains(tag))
            .map(|(id, _)| id.as_str())
    }
}

/// The file's layout: the state with a format version, so that a later dossier can tell.
#[derive(Serialize, Deserialize)]
struct StateFile {
    #[serde(default)]
    version: u32,
    #[serde(flatten)]
    state: State,
}

const VERSION: u32 = 1;

impl Bookmark {
    /// A bookmark of a section of a document, made now.
    pub fn new(doc: &Document, section: &str, note: &str) -> Self {
        Bookmark {
            doc_id: doc.id.clone(),
            doc_hash: doc_hash(doc),
            section: section.to_string(),
            note: note.to_string(),
            created: now_rfc3339(),
            anchor: None,
        }
    }

    /// A bookmark of a spot in a document, made now.
    pub fn at(doc: &Document, anchor: Anchor, note: &str) -> Self {
        Bookmark {
            anchor: Some(anchor.clone()),
            ..Bookmark::new(doc, &anchor.section, note)
        }
    }
}

impl Resume {
    /// The resume point for a document, section and scroll offset.
    pub fn new(doc: &Document, section: Option<&str>, scroll: usize) -> Self {
        Resume {
            doc_id: doc.id.clone(),
            doc_hash: doc_hash(doc),
            section: section.map(str::to_string),
            scroll,
            anchor: None,
        }
    }

    /// The resume point at a spot of a document.
    pub fn at(doc: &Document, anchor: Anchor) -> Self {
        Resume {
            anchor: Some(anchor.clone()),
            ..Resume::new(doc, Some(&anchor.section), 0)
        }
    }

    /// Whether the document changed (or is another one) since the reader left it.
    pub fn is_stale(&self, doc: &Document) -> bool {
        self.doc_id != doc.id || self.doc_hash != doc_hash(doc)
    }
}

/// Whether the bookmarked document changed since the bookmark was made (or is another one).
pub fn is_stale(bookmark: &Bookmark, doc: &Document) -> bool {
    bookmark.doc_id != doc.id || bookmark.doc_hash != doc_hash(doc)
}

/// A stable content hash of a document: FNV-1a 64 of its JSON form, as 16 hex digits.
///
/// The JSON is taken with object keys sorted and empty values (null, `""`, `[]`) left out, and
/// without `path`, so that the hash changes with the document's content but not with where
/// the corpus was opened from, the model's field order, or a new optional field.
pub fn doc_hash(doc: &Document) -> String {
    let mut value = serde_json::to_value(doc).unwrap_or_default();
    if let serde_json::Value::Object(map) = &mut value {
        map.remove("path");
    }
    prune(&mut value);
    let mut hasher = Fnv1a::default();
    write_canonical(&mut hasher, &value);
    format!("{:016x}", hasher.0)
}

/// Compact JSON with object keys sorted here rather than by the map type, whose order a
/// serde_json feature enabled anywhere in the build (`preserve_order`) would change.
fn write_canonical(hasher: &mut Fnv1a, value: &serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            let mut entries: Vec<_> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            hasher.update(b"{");
            for (i, (key, value)) in entries.into_iter().enumerate() {
                if i > 0 {
                    hasher.update(b",");
                }
                write_canonical(hasher, &Value::String(key.clone()));
                hasher.update(b":");
                write_canonical(hasher, value);
            }
            hasher.update(b"}");
        }
        Value::Array(items) => {
            hasher.update(b"[");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    hasher.update(b",");
                }
                write_canonical(hasher, item);
            }
            hasher.update(b"]");
        }
        // Scalars: serde_json's own compact form (writing into the hasher cannot fail).
        scalar => {
            let _ = serde_json::to_writer(&mut *hasher, scalar);
        }
    }
}

/// Removes empty members of objects, recursively.
fn prune(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            map.values_mut().for_each(prune);
            map.retain(|_, v| match v {
                Value::Null => false,
                Value::String(s) => !s.is_empty(),
                Value::Array(a) => !a.is_empty(),
                Value::Object(o) => !o.is_empty(),
                _ => true,
            });
        }
        Value::Array(items) => items.iter_mut().for_each(prune),
        _ => {}
    }
}

/// FNV-1a, 64 bits: fixed by its definition, unlike `DefaultHasher`.
struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv1a {
    fn update(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

impl Write for Fnv1a {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.update(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The key of a corpus: FNV-1a 64 of its paths, canonicalized (as given when that fails),
/// sorted and deduplicated, as 16 hex digits. The same folders opened from anywhere, in any
/// order, share their state.
pub fn corpus_key(paths: &[PathBuf]) -> String {
    let mut canonical: Vec<PathBuf> = paths
        .iter()
        .map(|p| fs::canonicalize(p).unwrap_or_else(|_| p.clone()))
        .collect();
    canonical.sort();
    canonical.dedup();
    let mut hasher = Fnv1a::default();
    for path in &canonical {
        hasher.update(path.as_os_str().as_encoded_bytes());
        hasher.update(&[0]);
    }
    format!("{:016x}", hasher.0)
}

/// The folder of state files: `$XDG_STATE_HOME/dossier`, else `~/.local/state/dossier`.
pub fn state_dir() -> Option<PathBuf> {
    state_dir_in(std::env::var_os("XDG_STATE_HOME"), dirs::home_dir())
}

/// [`state_dir`] with the environment given: the XDG base directory (ignored when empty or
/// relative, as the XDG spec says) and the home directory.
pub fn state_dir_in(
    xdg_state_home: Option<std::ffi::OsString>,
    home: Option<PathBuf>,
) -> Option<PathBuf> {
    let base = xdg_state_home
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| home.map(|h| h.join(".local").join("state")))?;
    Some(base.join("dossier"))
}

/// The state file of a corpus in a folder.
pub fn state_path(dir: &Path, corpus_key: &str) -> PathBuf {
    dir.join(format!("{corpus_key}.json"))
}

/// The remembered state of a corpus, and a warning to show (a corrupt file set aside, a file
/// that could not be read). Nothing remembered is the empty state without a warning.
pub fn load(corpus_key: &str) -> (State, Option<String>) {
    match state_dir() {
        Some(dir) => load_from(&dir, corpus_key),
        None => (State::default(), None),
    }
}

/// [`load`] from a given folder.
pub fn load_from(dir: &Path, corpus_key: &str) -> (State, Option<String>) {
    let path = state_path(dir, corpus_key);
    let bytes = match fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return (State::default(), None),
        Err(e) => {
            let warning = format!("{}: {e}; bookmarks not loaded", path.display());
            return (State::default(), Some(warning));
        }
    };
    match serde_json::from_slice::<StateFile>(&bytes) {
        Ok(file) => (file.state, None),
        Err(e) => {
            let warning = match set_aside(&path) {
                Ok(aside) => format!(
                    "{}: not a state file ({e}); moved to {} and starting afresh",
                    path.display(),
                    aside.display()
                ),
                Err(rename) => format!(
                    "{}: not a state file ({e}), and it could not be moved aside ({rename})",
                    path.display()
                ),
            };
            (State::default(), Some(warning))
        }
    }
}

/// Renames a corrupt file to `<name>.corrupt-<unix seconds>` (with `-2`, `-3` … when taken).
fn set_aside(path: &Path) -> io::Result<PathBuf> {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    for n in 1..100 {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let aside = path.with_file_name(format!("{name}.corrupt-{seconds}{suffix}"));
        if !aside.exists() {
            fs::rename(path, &aside)?;
            return Ok(aside);
        }
    }
    Err(io::Error::other("too many corrupt state files"))
}

/// Merges one session's changes into the state another session may have saved meanwhile:
/// the bookmarks and tags this session added since `previous` (what it loaded or last saved)
/// are added to `theirs`, those it removed are removed, and what other sessions added is
/// kept. The reading position is this session's.
pub fn merge(previous: &State, mine: &State, mut theirs: State) -> State {
    merge_list(&previous.bookmarks, &mine.bookmarks, &mut theirs.bookmarks);
    merge_list(
        &previous.highlights,
        &mine.highlights,
        &mut theirs.highlights,
    );
    let pairs = |state: &State| -> std::collections::BTreeSet<(String, String)> {
        state
            .tags
            .iter()
            .flat_map(|(id, tags)| tags.iter().map(move |t| (id.clone(), t.clone())))
            .collect()
    };
    let (before, now) = (pairs(previous), pairs(mine));
    for (id, tag) in before.difference(&now) {
        if let Some(tags) = theirs.tags.get_mut(id) {
            tags.remove(tag);
        }
    }
    for (id, tag) in now.difference(&before) {
        theirs
            .tags
            .entry(id.clone())
            .or_default()
            .insert(tag.clone());
    }
    theirs.tags.retain(|_, tags| !tags.is_empty());
    merge_list(
        &previous.saved_searches,
        &mine.saved_searches,
        &mut theirs.saved_searches,
    );
    one_search_per_name(&mine.saved_searches, &mut theirs.saved_searches);
    theirs.resume = mine.resume.clone();
    theirs
}

/// Two sessions that saved a search under the same name keep one: this session's, else the
/// one saved first.
fn one_search_per_name(mine: &[SavedSearch], merged: &mut Vec<SavedSearch>) {
    let mut seen = std::collections::BTreeSet::new();
    let keep: Vec<bool> = merged
        .iter()
        .map(|s| {
            let preferred = mine.contains(s)
                || !mine.iter().any(|m| m.name == s.name) && !seen.contains(&s.name);
            let keep = preferred && !seen.contains(&s.name);
            if keep {
                seen.insert(s.name.clone());
            }
            keep
        })
        .collect();
    let mut flags = keep.into_iter();
    merged.retain(|_| flags.next().unwrap_or(false));
}

/// One list of [`merge`]: what `mine` removed since `previous` leaves `theirs`, what it added
/// joins `theirs` once, and the rest of `theirs` (other sessions' additions) stays.
fn merge_list<T: PartialEq + Clone>(previous: &[T], mine: &[T], theirs: &mut Vec<T>) {
    theirs.retain(|item| !previous.contains(item) || mine.contains(item));
    for added in mine.iter().filter(|item| !previous.contains(item)) {
        if !theirs.contains(added) {
            theirs.push(added.clone());
        }
    }
}

/// [`save_to`] after merging with what is on disk now (see [`merge`]); returns what was
/// written. A state file that cannot be read is not merged with (and is set aside by
/// [`load_from`] as usual).
pub fn save_merged_to(
    dir: &Path,
    corpus_key: &str,
    previous: &State,
    mine: &State,
) -> io::Result<State> {
    fs::create_dir_all(dir)?;
    // Held from the read to the rename: another session's save in between would be lost.
    let _lock = lock::StateLock::acquire(dir, corpus_key)?;
    let (theirs, _) = load_from(dir, corpus_key);
    let merged = merge(previous, mine, theirs);
    save_to(dir, corpus_key, &merged)?;
    Ok(merged)
}

/// [`save_merged_to`] in the state folder.
pub fn save_merged(corpus_key: &str, previous: &State, mine: &State) -> io::Result<State> {
    let dir = state_dir().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::NotFound,
            "no state folder: neither XDG_STATE_HOME nor HOME is set",
        )
    })?;
    save_merged_to(&dir, corpus_key, previous, mine)
}

/// Saves the state of a corpus, atomically (see the module's note).
pub fn save(corpus_key: &str, state: &State) -> io::Result<()> {
    let dir = state_dir().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::NotFound,
            "no state folder: neither XDG_STATE_HOME nor HOME is set",
        )
    })?;
    save_to(&dir, corpus_key, state)
}

/// [`save`] into a given folder (created if missing).
pub fn save_to(dir: &Path, corpus_key: &str, state: &State) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    let temp = write_temp(dir, corpus_key, state)?;
    commit(&temp, &state_path(dir, corpus_key))?;
    remove_stale_temps(dir, corpus_key);
    Ok(())
}

/// Temporary files older than this were left by a writer that died: no live save takes long.
const STALE_TEMP_AGE: std::time::Duration = std::time::Duration::from_secs(3600);

/// Removes temporary files of this corpus left by writers that died (best effort).
fn remove_stale_temps(dir: &Path, corpus_key: &str) {
    let prefix = format!(".{corpus_key}.json.tmp-");
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|modified| modified.elapsed().ok())
            .is_some_and(|age| age > STALE_TEMP_AGE);
        if stale && entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Writes the state to a new temporary file in `dir` and flushes it to disk.
fn write_temp(dir: &Path, corpus_key: &str, state: &State) -> io::Result<PathBuf> {
    let file = StateFile {
        version: VERSION,
        state: state.clone(),
    };
    let mut bytes = serde_json::to_vec_pretty(&file).map_err(io::Error::other)?;
    bytes.push(b'\n');
    let (temp, mut out) = create_temp(dir, corpus_key)?;
    let written = out.write_all(&bytes).and_then(|()| out.sync_all());
    if let Err(e) = written {
        let _ = fs::remove_file(&temp);
        return Err(e);
    }
    Ok(temp)
}

/// Creates `.<key>.json.tmp-<pid>-<n>`, a name no other writer uses, readable by the owner only.
fn create_temp(dir: &Path, corpus_key: &str) -> io::Result<(PathBuf, File)> {
    let pid = std::process::id();
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    for n in 0..1000 {
        let temp = dir.join(format!(".{corpus_key}.json.tmp-{pid}-{n}"));
        match options.open(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("no free name for a temporary state file"))
}

/// Renames the flushed temporary file over the state file, then flushes the folder so that
/// the rename itself survives a power cut.
fn commit(temp: &Path, path: &Path) -> io::Result<()> {
    if let Err(e) = fs::rename(temp, path) {
        let _ = fs::remove_file(temp);
        return Err(e);
    }
    #[cfg(unix)]
    if let Some(dir) = path.parent() {
        File::open(dir)?.sync_all()?;
    }
    Ok(())
}

/// Now, as RFC 3339 in UTC to the second.
pub fn now_rfc3339() -> String {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    chrono::DateTime::from_timestamp(i64::try_from(seconds).unwrap_or(0), 0)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_else(|| seconds.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(note: &str) -> State {
        State {
            bookmarks: vec![Bookmark {
                doc_id: "a".into(),
                doc_hash: "0".into(),
                section: "1".into(),
                note: note.into(),
                created: "2024-01-01T00:00:00Z".into(),
                anchor: None,
            }],
            resume: None,
            ..State::default()
        }
    }

    #[test]
    fn a_writer_that_dies_before_the_rename_leaves_the_old_state() {
        let dir = tempfile::tempdir().unwrap();
        save_to(dir.path(), "k", &state("old")).unwrap();
        // The new state is written and flushed, but the process dies before `commit`.
        let temp = write_temp(dir.path(), "k", &state("new")).unwrap();
        assert!(temp.exists());
        assert_eq!(load_from(dir.path(), "k"), (state("old"), None));
        // The next save is not disturbed by the leftover.
        save_to(dir.path(), "k", &state("newer")).unwrap();
        assert_eq!(load_from(dir.path(), "k"), (state("newer"), None));
    }

    #[test]
    fn fnv1a_matches_the_published_test_vectors() {
        let hash = |s: &str| {
            let mut h = Fnv1a::default();
            h.update(s.as_bytes());
            h.0
        };
        assert_eq!(hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(hash("foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn now_is_rfc3339_utc() {
        let now = now_rfc3339();
        assert!(chrono::DateTime::parse_from_rfc3339(&now).is_ok(), "{now}");
        assert!(now.ends_with('Z'));
    }
}
