//! Shell integration and the configuration file: `dossier completions SHELL`, `dossier man`,
//! `dossier config --default|--path`. Each prints to stdout for the user to redirect.

use std::io::{self, Write};

use clap::CommandFactory;
use clap_complete::Shell;

use super::{Cli, Outcome};

/// The completion script for a shell.
pub fn completions(out: &mut dyn Write, shell: Shell) -> io::Result<Outcome> {
    clap_complete::generate(shell, &mut Cli::command(), "dossier", out);
    Ok(Outcome::Success)
}

/// The man page, in roff.
pub fn man(out: &mut dyn Write) -> io::Result<Outcome> {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(Outcome::Success)
}

/// The commented default configuration, or the path the configuration is read from.
pub fn config(out: &mut dyn Write, default: bool) -> io::Result<Outcome> {
    if default {
        out.write_all(crate::config::default_toml().as_bytes())?;
        return Ok(Outcome::Success);
    }
    match crate::config::path() {
        Some(path) => {
            writeln!(out, "{}", path.display())?;
            Ok(Outcome::Success)
        }
        None => {
            eprintln!("dossier: no configuration folder: neither XDG_CONFIG_HOME nor HOME is set");
            Ok(Outcome::Failure)
        }
    }
}
