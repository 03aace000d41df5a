//! Earlier entries of the browser's inputs (filters, palette, search, notes, tags), recalled
//! with ↑/↓: one list per kind of input, newest last, at most [`HISTORY_LIMIT`] each, in
//! `history.json` in the state folder (shared by every corpus, as a shell's history is).

use std::collections::BTreeMap;
use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// Entries kept per kind of input.
pub const HISTORY_LIMIT: usize = 100;

/// The inputs' history.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InputHistory {
    /// Kind of input → entries, oldest first.
    kinds: BTreeMap<String, Vec<String>>,
}

impl InputHistory {
    /// The entries of a kind of input, oldest first.
    pub fn entries(&self, kind: &str) -> &[String] {
        self.kinds.get(kind).map_or(&[], Vec::as_slice)
    }

    /// Adds an entry as the newest (moving it there when it was already kept); blank entries
    /// are not kept. True when the history changed.
    pub fn push(&mut self, kind: &str, entry: &str) -> bool {
        if entry.trim().is_empty() {
            return false;
        }
        let entries = self.kinds.entry(kind.to_string()).or_default();
        if entries.last().map(String::as_str) == Some(entry) {
            return false;
        }
        entries.retain(|e| e != entry);
        entries.push(entry.to_string());
        let over = entries.len().saturating_sub(HISTORY_LIMIT);
        entries.drain(..over);
        true
    }
}

const FILE: &str = "history";

/// The history in a state folder; none when missing or unreadable (it is a convenience, and
/// a bad file is replaced by the next save).
pub fn load_history_from(dir: &Path) -> InputHistory {
    std::fs::read(super::state_path(dir, FILE))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// Saves the history into a state folder, atomically (a temporary file renamed over it).
pub fn save_history_to(dir: &Path, history: &InputHistory) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut bytes = serde_json::to_vec_pretty(history).map_err(io::Error::other)?;
    bytes.push(b'\n');
    let path = super::state_path(dir, FILE);
    let temp = dir.join(format!(".{FILE}.json.tmp-{}", std::process::id()));
    std::fs::write(&temp, &bytes)?;
    std::fs::rename(&temp, &path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temp);
    })
}

/// [`load_history_from`] the state folder.
pub fn load_history() -> InputHistory {
    super::state_dir().map_or_else(InputHistory::default, |d| load_history_from(&d))
}

/// [`save_history_to`] the state folder.
pub fn save_history(history: &InputHistory) -> io::Result<()> {
    let dir = super::state_dir()
        .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "no state folder"))?;
    save_history_to(&dir, history)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_kept_newest_last_without_repeats_and_bounded() {
        let mut h = InputHistory::default();
        assert!(h.push("search", "gromyko"));
        assert!(h.push("search", "katori"));
        assert!(!h.push("search", "katori"));
        assert!(h.push("search", "gromyko"));
        assert!(!h.push("search", "  "));
        assert_eq!(h.entries("search"), ["katori", "gromyko"]);
        assert!(h.entries("palette").is_empty());
        for i in 0..150 {
            h.push("palette", &i.to_string());
        }
        assert_eq!(h.entries("palette").len(), HISTORY_LIMIT);
        assert_eq!(h.entries("palette").last().map(String::as_str), Some("149"));
    }

    #[test]
    fn history_survives_a_save_and_load() {
        let dir = tempfile::tempdir().unwrap();
        let mut h = InputHistory::default();
        h.push("documents", "cable year:1962");
        save_history_to(dir.path(), &h).unwrap();
        assert_eq!(load_history_from(dir.path()), h);
        assert_eq!(
            load_history_from(&dir.path().join("none")),
            InputHistory::default()
        );
    }
}
