//! The command line: `dossier [PATH]...` browses; subcommands script the same corpus without a
//! terminal. Exit codes mean something: 0 ok, 1 nothing found or files that could not be
//! loaded, 2 a usage error or a missing document. A closed pipe (`| head`) is not an error.

mod check;
mod cite;
mod export;
mod list;
mod notes;
mod search;
mod shell;
mod show;

pub use crate::outcome::Outcome;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{ArgGroup, Parser, Subcommand};

use crate::config::ColorChoice;
use crate::corpus::{self, Corpus};

#[derive(Debug, Parser)]
#[command(
    name = "dossier",
    version,
    about = "A terminal browser for archival documents"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Files or folders to browse (default: the current folder).
    paths: Vec<PathBuf>,
    /// Leave the mouse to the terminal (to select text); also `DOSSIER_NO_MOUSE=1`.
    #[arg(long)]
    no_mouse: bool,
    /// Colours: `auto` (on a terminal, unless `NO_COLOR` is set), `always` or `never`.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    color: ColorChoice,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// One line per document: id, date, title.
    List {
        /// Print a JSON array instead.
        #[arg(long)]
        json: bool,
        paths: Vec<PathBuf>,
    },
    /// A document as readable text (metadata, then sections), or as JSON.
    Show {
        #[arg(long)]
        json: bool,
        /// Show only this section (an id such as `2.1.b`) and its subsections.
        #[arg(long)]
        section: Option<String>,
        /// The document's id, as `dossier list` prints it.
        doc_id: String,
        paths: Vec<PathBuf>,
    },
    /// Passages that contain the query's words, best first, with a snippet; exit 1 when nothing
    /// matches. Words match folded (case, accents, script), stemmed, or with a typo (5+ letters);
    /// `"a phrase"`, `"a b"~10` (within 10 words).
    Search {
        #[arg(long)]
        json: bool,
        /// At most this many hits.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Terms (ANDed), `'exact`, `^prefix`, `suffix$`, `!not`, `a | b`, `from:`, `to:`,
        /// `class:`, `year:1950..1962`, `date:1984-03`, `field:NAME=value`, `person:`, `tag:`
        /// (the browser's tags of this corpus).
        query: String,
        paths: Vec<PathBuf>,
    },
    /// Every document as a JSON array (dossier reads such files back).
    Export { paths: Vec<PathBuf> },
    /// Report every file's problems; exit 1 when some file could not be loaded.
    Check { paths: Vec<PathBuf> },
    /// A document's citation in a style, or its record as CSL-JSON, BibTeX or RIS.
    Cite {
        /// Print the citation (the only thing the command line does; the browser's `c`
        /// copies it to the clipboard instead).
        #[arg(long, hide = true)]
        print: bool,
        /// chicago-notes (the default, or `citation_style` in config.toml),
        /// chicago-author-date, mla, apa or turabian.
        #[arg(long)]
        style: Option<crate::citation::Style>,
        /// `text` (the citation in the style), `csl-json` (an array), `bibtex` or `ris`.
        #[arg(long, value_enum, default_value_t = crate::citation::RecordFormat::Text)]
        format: crate::citation::RecordFormat,
        /// Cite this section (an id such as `2.1.b`) as the pinpoint: `para. 2.1.b`.
        #[arg(long)]
        section: Option<String>,
        /// The document's id, as `dossier list` prints it.
        doc_id: String,
        paths: Vec<PathBuf>,
    },
    /// The reader's notes: bookmarks and tags.
    Notes {
        #[command(subcommand)]
        command: NotesCommand,
    },
    /// Open the browser at a `dossier://<doc-id>#<section-id>` link (from a notebook).
    Open {
        /// Print the place, its citation and the passage instead of browsing.
        #[arg(long)]
        print: bool,
        /// `dossier://<doc-id>` or `dossier://<doc-id>#<section-id>`.
        link: String,
        paths: Vec<PathBuf>,
    },
    /// The configuration file: print the commented default, or where it is read from.
    #[command(group(ArgGroup::new("what").required(true).args(["default", "path"])))]
    Config {
        /// Print the commented default configuration.
        #[arg(long)]
        default: bool,
        /// Print the path the configuration is read from.
        #[arg(long)]
        path: bool,
    },
    /// A completion script for a shell, on stdout.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
    /// The man page (roff), on stdout: `dossier man > dossier.1`.
    Man,
}

#[derive(Debug, Subcommand)]
enum NotesCommand {
    /// Every bookmarked or tagged document: a Markdown notebook, or records (CSL-JSON,
    /// BibTeX, RIS); exit 1 when there is nothing to export.
    Export {
        /// `markdown` (citations, quoted passages, notes, links), `csl-json`, `bibtex`, `ris`.
        #[arg(long, value_enum, default_value_t = notes::NotebookFormat::Markdown)]
        format: notes::NotebookFormat,
        /// Only the documents with this tag.
        #[arg(long)]
        tag: Option<String>,
        /// Only the documents this saved search (`S` in the browser) finds now.
        #[arg(long, conflicts_with = "tag")]
        saved: Option<String>,
        /// The citation style of the notebook (default: `citation_style` in config.toml).
        #[arg(long)]
        style: Option<crate::citation::Style>,
        paths: Vec<PathBuf>,
    },
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(outcome) => outcome.into(),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dossier: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> io::Result<Outcome> {
    // The browser writes to the terminal itself (and from its signal thread): stdout is
    // locked only for the scripting commands.
    let Some(command) = cli.command else {
        let options = browser_options(cli.no_mouse, cli.color);
        return crate::tui::run(&default_paths(cli.paths), options);
    };
    let mut buffered = io::BufWriter::new(io::stdout().lock());
    let out = &mut buffered;
    let outcome = match command {
        Command::List { json, paths } => {
            let corpus = load(&paths);
            list::run(out, &corpus, json)?;
            load_outcome(&corpus)
        }
        Command::Show {
            json,
            section,
            doc_id,
            paths,
        } => {
            let corpus = load(&paths);
            show::run(out, &corpus, &doc_id, section.as_deref(), json)?
        }
        Command::Search {
            json,
            limit,
            query,
            paths,
        } => {
            let roots = default_paths(paths.to_vec());
            let args = search::SearchArgs {
                query: &query,
                roots: &roots,
                limit,
                json,
                color: crate::config::color_enabled(cli.color, io::stdout().is_terminal()),
            };
            match search::run_fast(out, &args)? {
                Some(outcome) => outcome,
                None => search::run(out, load(&paths), &args)?,
            }
        }
        Command::Export { paths } => {
            let corpus = load(&paths);
            export::run(out, &corpus)?;
            load_outcome(&corpus)
        }
        Command::Check { paths } => {
            let corpus = corpus::load(&default_paths(paths));
            check::run(out, &corpus)?
        }
        Command::Cite {
            print: _,
            style,
            format,
            section,
            doc_id,
            paths,
        } => {
            let corpus = load(&paths);
            let request = cite::Request {
                style: style.unwrap_or_else(configured_style),
                format,
                section: section.as_deref(),
            };
            cite::run(out, &corpus, &doc_id, &request)?
        }
        Command::Notes {
            command:
                NotesCommand::Export {
                    format,
                    tag,
                    saved,
                    style,
                    paths,
                },
        } => {
            let corpus = load(&paths);
            let style = style.unwrap_or_else(configured_style);
            let select = notes::Selection {
                tag: tag.as_deref(),
                saved: saved.as_deref(),
            };
            notes::export(out, &corpus, &default_paths(paths), format, select, style)?
        }
        Command::Open { print, link, paths } => {
            let corpus = load(&paths);
            if print {
                notes::print_link(out, &corpus, &link, configured_style())?
            } else {
                match notes::resolve(&corpus, &link) {
                    Ok(link) => {
                        // The browser writes to the terminal itself: stdout is not held.
                        drop(buffered);
                        let options = crate::tui::Options {
                            open: Some(link),
                            ..browser_options(cli.no_mouse, cli.color)
                        };
                        return crate::tui::run(&default_paths(paths), options);
                    }
                    Err(e) => {
                        eprintln!("dossier: {e}");
                        Outcome::Failure
                    }
                }
            }
        }
        Command::Config { default, path: _ } => shell::config(out, default)?,
        Command::Completions { shell } => shell::completions(out, shell)?,
        Command::Man => shell::man(out)?,
    };
    out.flush()?;
    Ok(outcome)
}

fn browser_options(no_mouse: bool, color: ColorChoice) -> crate::tui::Options {
    crate::tui::Options {
        mouse: !no_mouse && std::env::var_os("DOSSIER_NO_MOUSE").is_none(),
        color: crate::config::color_enabled(color, io::stdout().is_terminal()),
        open: None,
    }
}

/// The citation style of the configuration file (its warnings are the browser's to show).
fn configured_style() -> crate::citation::Style {
    crate::config::load().0.citation_style
}

fn default_paths(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths
    }
}

/// Loads the corpus and reports files that could not be loaded on stderr, like `rg`.
fn load(paths: &[PathBuf]) -> Corpus {
    let corpus = corpus::load(&default_paths(paths.to_vec()));
    for problem in &corpus.problems {
        eprintln!(
            "dossier: {}: {}",
            corpus::display_path(&problem.path),
            problem.message
        );
    }
    corpus
}

fn load_outcome(corpus: &Corpus) -> Outcome {
    if corpus.problems.is_empty() {
        Outcome::Success
    } else {
        Outcome::Partial
    }
}

/// Writes JSON followed by a newline.
fn write_json<T: serde::Serialize>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::other)?;
    writeln!(out)
}
