//! Saving the reading position without waiting for `q`: soon after it changes, and when the
//! session ends any other way (SIGHUP, SIGTERM, a terminal that vanished).
//!
//! The position changes on nearly every key, and a save is a locked read-merge-write with an
//! fsync, so it is not done on the key: [`PositionSaver`] notes the change and says when the
//! save is due ([`DEBOUNCE`] after the first change not yet saved, so holding `j` saves about
//! about three times a second and a last key is on disk well within a second). The event loop waits no longer
//! than that for the next key. Bookmarks, notes and tags are saved at once, by their key.
//!
//! Signals are noted by a thread in [`SIGNALLED`]; the event loop, which wakes at least every
//! [`SIGNAL_TICK`], saves and gives the terminal back itself, since only it holds the state.

use std::sync::atomic::{AtomicI32, Ordering};
use std::time::{Duration, Instant};

use crate::state::Resume;

/// How long a changed position may wait before it is saved.
pub const DEBOUNCE: Duration = Duration::from_millis(300);
/// The longest the event loop sleeps, so that a signal is acted on quickly.
pub const SIGNAL_TICK: Duration = Duration::from_millis(250);

/// The signal that asked the session to end, or 0.
pub static SIGNALLED: AtomicI32 = AtomicI32::new(0);

/// The signal received since the loop started, if any.
pub fn signalled() -> Option<i32> {
    match SIGNALLED.load(Ordering::SeqCst) {
        0 => None,
        signal => Some(signal),
    }
}

/// Tells when a changed reading position is due to be saved.
#[derive(Debug, Default)]
pub struct PositionSaver {
    saved: Option<Resume>,
    /// When the position first differed from the saved one.
    changed_at: Option<Instant>,
}

impl PositionSaver {
    /// Starts from the position already on disk.
    pub fn new(saved: Option<Resume>) -> Self {
        PositionSaver {
            saved,
            changed_at: None,
        }
    }

    /// Looks at the position now; a change starts the countdown (a change back stops it).
    pub fn observe(&mut self, now: Option<&Resume>, at: Instant) {
        if self.saved.as_ref() == now {
            self.changed_at = None;
        } else if self.changed_at.is_none() {
            self.changed_at = Some(at);
        }
    }

    /// Whether a save is due at `at`.
    pub fn due(&self, at: Instant) -> bool {
        self.changed_at.is_some_and(|t| at >= t + DEBOUNCE)
    }

    /// How long until the save is due, if one is pending.
    pub fn wait(&self, at: Instant) -> Option<Duration> {
        self.changed_at
            .map(|t| (t + DEBOUNCE).saturating_duration_since(at))
    }

    /// The position was written.
    pub fn saved(&mut self, position: Option<Resume>) {
        self.saved = position;
        self.changed_at = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(scroll: usize) -> Resume {
        Resume {
            doc_id: "d".into(),
            scroll,
            ..Resume::default()
        }
    }

    #[test]
    fn a_change_is_due_after_the_debounce_and_not_before() {
        let start = Instant::now();
        let mut saver = PositionSaver::new(Some(at(0)));
        saver.observe(Some(&at(0)), start);
        assert!(
            !saver.due(start + Duration::from_secs(5)),
            "nothing changed"
        );
        saver.observe(Some(&at(3)), start);
        // Further keys do not push the save back: holding `j` still saves.
        saver.observe(Some(&at(9)), start + Duration::from_millis(250));
        assert!(!saver.due(start + Duration::from_millis(299)));
        assert!(saver.due(start + DEBOUNCE));
        assert!(DEBOUNCE < Duration::from_secs(1));
        assert_eq!(
            saver.wait(start + Duration::from_millis(200)),
            Some(Duration::from_millis(100))
        );
        saver.saved(Some(at(9)));
        assert!(!saver.due(start + Duration::from_secs(5)));
        assert_eq!(saver.wait(start), None);
    }

    #[test]
    fn a_change_back_needs_no_save() {
        let start = Instant::now();
        let mut saver = PositionSaver::new(Some(at(0)));
        saver.observe(Some(&at(1)), start);
        saver.observe(Some(&at(0)), start);
        assert!(!saver.due(start + Duration::from_secs(5)));
    }
}
