//! A lock around the read-merge-write of a state file, so that two sessions saving at the
//! same moment cannot both read the old file and the later rename drop the other's bookmarks.
//!
//! The lock is a file created with `O_EXCL` (`create_new`) beside the state file and removed
//! when the save is done. A writer that died holding it leaves it behind; a lock older than
//! [`STALE_LOCK_AGE`] is taken as such and removed, since no live save takes that long. A
//! plain file rather than `flock`: it works the same on every platform std supports and on
//! the network file systems a team's server may keep home folders on.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A lock older than this was left by a writer that died.
const STALE_LOCK_AGE: Duration = Duration::from_secs(10);
/// How long a save waits for another session's save before giving up.
const PATIENCE: Duration = Duration::from_secs(3);
/// The pause between two attempts.
const RETRY: Duration = Duration::from_millis(5);

/// The lock of a state file while held; dropping it lets the next writer in.
pub(super) struct StateLock {
    path: PathBuf,
}

impl StateLock {
    /// Takes the lock of the state file of `corpus_key` in `dir`, waiting for another writer
    /// (up to [`PATIENCE`]).
    pub(super) fn acquire(dir: &Path, corpus_key: &str) -> io::Result<StateLock> {
        let path = dir.join(format!(".{corpus_key}.json.lock"));
        let deadline = Instant::now() + PATIENCE;
        loop {
            match fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(mut file) => {
                    use std::io::Write;
                    let _ = writeln!(file, "{}", std::process::id());
                    return Ok(StateLock { path });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    if is_stale(&path) {
                        let _ = fs::remove_file(&path);
                        continue;
                    }
                    if Instant::now() >= deadline {
                        return Err(io::Error::new(
                            io::ErrorKind::WouldBlock,
                            format!(
                                "{} is held by another dossier (remove it if none is running)",
                                path.display()
                            ),
                        ));
                    }
                    std::thread::sleep(RETRY);
                }
                Err(e) => return Err(e),
            }
        }
    }
}

impl Drop for StateLock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

fn is_stale(path: &Path) -> bool {
    fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|modified| modified.elapsed().ok())
        .is_some_and(|age| age > STALE_LOCK_AGE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let first = StateLock::acquire(dir.path(), "k").unwrap();
        let path = dir.path().to_path_buf();
        let started = Instant::now();
        let second =
            std::thread::spawn(move || StateLock::acquire(&path, "k").map(|_| started.elapsed()));
        std::thread::sleep(Duration::from_millis(100));
        drop(first);
        let waited = second.join().unwrap().unwrap();
        assert!(waited >= Duration::from_millis(100), "{waited:?}");
    }

    #[test]
    fn a_lock_left_by_a_dead_writer_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".k.json.lock");
        fs::write(&path, "1\n").unwrap();
        let old = std::time::SystemTime::now() - Duration::from_secs(60);
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(old)
            .unwrap();
        assert!(StateLock::acquire(dir.path(), "k").is_ok());
    }
}
