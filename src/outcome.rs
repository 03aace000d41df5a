//! How a command or the browser ended, as the exit code scripts read: shared by the CLI and the
//! browser, which are siblings and do not import each other.

use std::process::ExitCode;

/// Outcome of a command, mapped to the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    /// Nothing found, or some files could not be loaded.
    Partial,
    Failure,
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> ExitCode {
        match outcome {
            Outcome::Success => ExitCode::SUCCESS,
            Outcome::Partial => ExitCode::from(1),
            Outcome::Failure => ExitCode::from(2),
        }
    }
}
