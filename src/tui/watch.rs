//! Live reload: the opened files and folders are watched (inotify through the `notify` crate);
//! the event loop asks whether anything changed and reloads the corpus.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

use notify::{EventKind, RecursiveMode, Watcher};

/// A watch over the corpus paths. Dropping it stops watching.
pub struct Watch {
    _watcher: notify::RecommendedWatcher,
    changes: Receiver<()>,
}

impl Watch {
    /// Watches `paths` (folders recursively). `None` when the system refuses (inotify limits):
    /// the browser then simply does not reload.
    pub fn new(paths: &[PathBuf]) -> Option<Watch> {
        let (tx, changes) = channel();
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                if let Ok(event) = event {
                    if is_content_change(&event) {
                        let _ = tx.send(());
                    }
                }
            })
            .ok()?;
        let mut watching = false;
        for path in paths {
            watching |= watcher.watch(path, RecursiveMode::Recursive).is_ok();
        }
        watching.then_some(Watch {
            _watcher: watcher,
            changes,
        })
    }

    /// Whether something changed since the last call (all pending notices are taken).
    pub fn changed(&self) -> bool {
        let mut any = false;
        while self.changes.try_recv().is_ok() {
            any = true;
        }
        any
    }
}

/// Creations, writes, renames and removals of documents (or folders); not our own reads.
fn is_content_change(event: &notify::Event) -> bool {
    let relevant_kind = matches!(
        event.kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
    );
    let relevant_path = event.paths.iter().any(|p| {
        let ext = p
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        crate::formats::EXTENSIONS.contains(&ext.as_str()) || p.extension().is_none()
    });
    relevant_kind && relevant_path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_volume_is_a_content_change_and_other_files_are_not() {
        let event = |path: &str| {
            notify::Event::new(EventKind::Modify(notify::event::ModifyKind::Any))
                .add_path(PathBuf::from(path))
        };
        for path in ["a/frus1955-57v08.xml", "b.txt", "c.JSON", "folder"] {
            assert!(is_content_change(&event(path)), "{path}");
        }
        assert!(!is_content_change(&event("a/frus.xml.swp")));
    }
}
