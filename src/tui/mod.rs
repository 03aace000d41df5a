//! The terminal browser.

use std::io;
use std::path::PathBuf;

use crate::cli::Outcome;

pub fn run(_paths: &[PathBuf]) -> io::Result<Outcome> {
    eprintln!("dossier: the browser is not built yet; use `dossier list|show|search|export|check`");
    Ok(Outcome::Failure)
}
