//! The terminal browser: terminal lifecycle and the event loop.
//!
//! The loop blocks on the next terminal event and redraws only after one, so an idle dossier
//! uses no CPU. `ratatui::init` installs a panic hook that restores the terminal; `restore`
//! runs on every way out of the loop.

pub mod app;
pub mod detail;
pub mod keys;
pub mod layout;
pub mod view;
pub mod wrap;

use std::io::{self, IsTerminal};
use std::path::PathBuf;

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;

use crate::cli::Outcome;
use crate::corpus;
use app::App;
use view::theme::Theme;

/// Loads the corpus and runs the browser until the user quits.
pub fn run(paths: &[PathBuf]) -> io::Result<Outcome> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        eprintln!(
            "dossier: the browser needs a terminal; for scripts use `dossier list|show|search|export|check`"
        );
        return Ok(Outcome::Failure);
    }
    let corpus = corpus::load(paths);
    if corpus.documents.is_empty() {
        for problem in &corpus.problems {
            eprintln!(
                "dossier: {}: {}",
                corpus::display_path(&problem.path),
                problem.message
            );
        }
        let shown: Vec<String> = paths.iter().map(|p| corpus::display_path(p)).collect();
        eprintln!("dossier: no documents found in {}", shown.join(", "));
        return Ok(Outcome::Failure);
    }
    let mouse = std::env::var_os("DOSSIER_NO_MOUSE").is_none();
    let mut terminal = ratatui::try_init()?;
    if mouse {
        let _ = execute!(io::stdout(), EnableMouseCapture);
    }
    let result = event_loop(&mut terminal, corpus);
    if mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    result.map(|()| Outcome::Success)
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, corpus: corpus::Corpus) -> io::Result<()> {
    let size = terminal.size()?;
    let mut app = App::new(
        corpus,
        ratatui::layout::Rect::new(0, 0, size.width, size.height),
    );
    let theme = Theme::from_env();
    loop {
        terminal.draw(|frame| view::draw(frame, &app, &theme))?;
        let event = event::read()?;
        if let Some(action) = keys::action_for(&app, &event) {
            app.update(action);
        }
        if app.quit {
            return Ok(());
        }
    }
}
