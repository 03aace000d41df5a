//! The terminal browser: terminal lifecycle and the event loop.
//!
//! The loop blocks on the next terminal event and redraws only after one, so an idle dossier
//! uses no CPU. `ratatui::init` installs a panic hook that restores the terminal; `restore`
//! runs on every way out of the loop.

pub mod app;
pub mod autosave;
pub mod detail;
pub mod effects;
pub mod indexing;
pub mod keys;
pub mod layout;
pub mod timeline;
pub mod view;
pub mod watch;
pub mod wire;
pub mod wrap;

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::time::Duration;

use crossterm::event;
use crossterm::execute;

use crate::corpus;
use crate::corpus::stream::{Loaded, Loader};
use crate::outcome::Outcome;
use app::App;
use effects::Effect;
use view::theme::Theme;
use wire::{DisableButtonMouse, EnableButtonMouse};

/// Ranking done between two frames while the palette's results are incomplete.
const FRAME_BUDGET: Duration = Duration::from_millis(30);
/// How often the loop takes the documents read in the background while loading.
const LOAD_TICK: Duration = Duration::from_millis(50);
/// How long quitting while loading may wait for the batch being read, so that the cache keeps
/// what was read.
const QUIT_PATIENCE: Duration = Duration::from_secs(2);
/// How often the loop looks for the index's answer to a query while it is awaited.
const WORDS_TICK: Duration = Duration::from_millis(5);
/// How often the loop looks for changed files while idle.
const RELOAD_CHECK: Duration = Duration::from_millis(250);
/// How long a burst of file changes may take before the corpus is read again.
const RELOAD_SETTLE: Duration = Duration::from_millis(150);

/// Loads the corpus and runs the browser until the user quits.
/// What the command line decided for the browser.
#[derive(Debug, Clone)]
pub struct Options {
    /// Mouse reporting, unless `--no-mouse` (the configuration can turn it off too).
    pub mouse: bool,
    /// Colours, as `--color` and `NO_COLOR` resolve.
    pub color: bool,
    /// Where to open (`dossier open dossier://doc#section`) instead of where the reader left.
    pub open: Option<crate::notebook::Link>,
}

/// How the event loop starts: mouse reporting, and a place to open.
struct Start {
    mouse: bool,
    open: Option<crate::notebook::Link>,
}

pub fn run(paths: &[PathBuf], options: Options) -> io::Result<Outcome> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        eprintln!(
            "dossier: the browser needs a terminal; for scripts use `dossier list|show|search|export|check`"
        );
        return Ok(Outcome::Failure);
    }
    // The first documents are shown as soon as they are read; the rest arrive while the
    // browser is up (see `corpus::stream`).
    let mut loader = Loader::start(paths.to_vec(), corpus::LoadOptions::from_env());
    let (corpus, files_done, files_total) = loader.first_documents();
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
    let (config, warnings) = crate::config::load();
    let mouse = options.mouse && config.mouse;
    let theme = Theme::new(options.color, config.theme);
    let size = ratatui::layout::Rect::default();
    let mut app = App::new(corpus, size);
    app.config = config;
    if !loader.is_finished() {
        app.set_progress(files_done, files_total);
    }
    if let Some(first) = warnings.first() {
        let more = if warnings.len() > 1 {
            format!(" (+{} more, see p)", warnings.len() - 1)
        } else {
            String::new()
        };
        app.message = Some(format!("{first}{more}"));
    }
    app.config_warnings = warnings;
    install_panic_hook(mouse);
    let mut terminal = ratatui::try_init()?;
    watch_signals(mouse)?;
    enter(mouse);
    let mut loader = (!loader.is_finished()).then_some(loader);
    let start = Start {
        mouse,
        open: options.open,
    };
    let result = event_loop(&mut terminal, paths, app, &mut loader, &theme, start);
    leave(mouse);
    if let Ok(Some(signal)) = result {
        // The state is saved and the terminal given back: end as the signal asked.
        std::process::exit(128 + signal);
    }
    if let Some(loader) = loader {
        // Quit while loading: the cache keeps what was read, if that is quick.
        loader.stop(QUIT_PATIENCE);
    }
    result.map(|_| Outcome::Success)
}

/// Turns on what `ratatui::init` does not: mouse reporting (buttons and wheel, no motion).
fn enter(mouse: bool) {
    if mouse {
        let _ = execute!(io::stdout(), EnableButtonMouse);
    }
}

/// Gives the terminal back: mouse reporting off, raw mode off, main screen, cursor shown.
fn leave(mouse: bool) {
    if mouse {
        let _ = execute!(io::stdout(), DisableButtonMouse);
    }
    ratatui::restore();
    let _ = execute!(io::stdout(), crossterm::cursor::Show);
}

/// ratatui's hook (installed by `try_init`, run first) restores the screen; this one, run
/// after it, also turns mouse reporting off before the panic message is printed.
fn install_panic_hook(mouse: bool) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if mouse {
            let _ = execute!(io::stdout(), DisableButtonMouse);
        }
        previous(info);
    }));
}

/// `SIGTERM` and `SIGHUP` (the SSH connection dropped) end the session: the event loop sees
/// [`autosave::SIGNALLED`], saves the state, gives the terminal back (when it is still there)
/// and exits. Should the loop not get there (a pager in the foreground that ignores the
/// signal), this thread restores the terminal and exits after a grace period.
fn watch_signals(mouse: bool) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    const GRACE: Duration = Duration::from_secs(3);
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            autosave::SIGNALLED.store(signal, std::sync::atomic::Ordering::SeqCst);
            std::thread::sleep(GRACE);
            leave(mouse);
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// What the event loop needs besides the state: how the terminal was set up, and where this
/// corpus's bookmarks live.
struct Session {
    mouse: bool,
    corpus_key: String,
    /// The bookmarks and tags as this session last loaded or saved them: what it changed
    /// since is merged into what other sessions saved ([`crate::state::merge`]).
    previous: std::cell::RefCell<crate::state::State>,
}

impl Session {
    fn save(&self, app: &App) -> io::Result<()> {
        let mine = app.saved_state();
        crate::state::save_merged(&self.corpus_key, &self.previous.borrow(), &mine)?;
        *self.previous.borrow_mut() = mine;
        Ok(())
    }
}

fn describe(effect: &Effect) -> &'static str {
    match effect {
        Effect::Copy(_) => "copy",
        Effect::Page(..) => "open the pager",
        Effect::Edit(..) => "open the editor",
        Effect::SaveState => "save the bookmarks",
        Effect::SaveHistory => "save the input history",
    }
}

/// Carries out a request of the state: OSC 52 to the terminal, or another program in the
/// foreground with the terminal handed over to it and taken back after.
fn carry_out(
    terminal: &mut ratatui::DefaultTerminal,
    app: &App,
    effect: &Effect,
    session: &Session,
) -> io::Result<()> {
    let mouse = session.mouse;
    match effect {
        Effect::SaveState => session.save(app),
        Effect::SaveHistory => crate::state::save_history(&app.history),
        Effect::Copy(text) => effects::write_osc52(&mut io::stdout(), text),
        Effect::Page(path, line) | Effect::Edit(path, line) => {
            let mut command = match effect {
                Effect::Edit(..) => effects::editor_command(path, *line),
                _ => effects::pager_command(path, *line),
            };
            leave(mouse);
            let status = command.status();
            take_back(terminal, mouse)?;
            match status? {
                s if s.success() => Ok(()),
                s => Err(io::Error::other(format!("it exited with {s}"))),
            }
        }
    }
}

/// Takes the terminal back after another program had it.
fn take_back(terminal: &mut ratatui::DefaultTerminal, mouse: bool) -> io::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    execute!(io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
    enter(mouse);
    terminal.clear()
}

/// Ctrl-Z: hands the terminal back, stops the process like any job, and takes the terminal
/// again on `fg`.
fn suspend(terminal: &mut ratatui::DefaultTerminal, mouse: bool) -> io::Result<()> {
    leave(mouse);
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    take_back(terminal, mouse)
}

/// Adds what the background load has read since the last look; true when anything came.
fn take_arrivals(app: &mut App, loader: &mut Loader) -> bool {
    let arrived = loader.ready();
    let any = !arrived.is_empty();
    // Batches that came together join in one go: one re-ranking of a filter, not one each.
    let (mut documents, mut problems, mut progress) = (Vec::new(), Vec::new(), None);
    for message in arrived {
        if let Loaded::Batch(batch) = message {
            documents.extend(batch.documents);
            problems.extend(batch.problems);
            progress = Some((batch.files_done, batch.files_total));
        }
    }
    app.append(documents, problems);
    if let Some((done, total)) = progress {
        app.set_progress(done, total);
    }
    any
}

/// Runs the browser until `q` (`Ok(None)`) or a signal (`Ok(Some(signal))`). Whichever way
/// it ends, a terminal error (EIO from a terminal that vanished) included, the state is saved.
fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    paths: &[PathBuf],
    mut app: App,
    loader: &mut Option<Loader>,
    theme: &Theme,
    start: Start,
) -> io::Result<Option<i32>> {
    let mouse = start.mouse;
    let size = terminal.size()?;
    app.update(app::Action::Resize(size.width, size.height));
    let corpus_key = crate::state::corpus_key(paths);
    let (state, warning) = crate::state::load(&corpus_key);
    let session = Session {
        mouse,
        corpus_key,
        previous: std::cell::RefCell::new(state.clone()),
    };
    app.restore(state);
    app.history = crate::state::load_history();
    if let Some(link) = start.open {
        app.open_link(&link);
    }
    if let Some(warning) = warning {
        app.message = Some(warning);
    }
    let mut saver = autosave::PositionSaver::new(session.previous.borrow().resume.clone());
    let result = serve(
        terminal, paths, &mut app, loader, theme, &session, &mut saver,
    );
    if !matches!(result, Ok(None)) {
        // A signal or a terminal gone: what the reader did must not be lost.
        if let Err(e) = session.save(&app) {
            leave(mouse);
            eprintln!("dossier: could not save the reading position: {e}");
        }
    }
    result
}

/// The event loop proper (see [`event_loop`]).
fn serve(
    terminal: &mut ratatui::DefaultTerminal,
    paths: &[PathBuf],
    app: &mut App,
    loader: &mut Option<Loader>,
    theme: &Theme,
    session: &Session,
    saver: &mut autosave::PositionSaver,
) -> io::Result<Option<i32>> {
    let mouse = session.mouse;
    let watch = watch::Watch::new(paths);
    // Lets the end-to-end tests check that a panic gives the terminal back.
    let panic_key = std::env::var_os("DOSSIER_TEST_PANIC_KEY").is_some();
    let mut dirty = true;
    let mut painter = wire::Painter::default();
    // The index is built once the corpus is in, and brought up to date after a reload (when
    // the build before has finished: two would contend for the index's lock; a build of the
    // documents before the reload is not attached, see `IndexBuild::poll`).
    let mut index_build: Option<indexing::IndexBuild> = None;
    let mut index_wanted = true;
    loop {
        if loader.is_none() && index_wanted && index_build.is_none() {
            index_build = Some(indexing::IndexBuild::start(
                std::sync::Arc::clone(&app.docs),
                paths.to_vec(),
                corpus::LoadOptions::from_env().cache_dir,
            ));
            index_wanted = false;
        }
        if let Some(build) = &index_build {
            let before = app.words.indexing;
            if build.poll(app) {
                index_build = None;
                dirty = true;
            }
            dirty |= app.words.indexing != before;
        }
        dirty |= app.poll_words();
        if let Some(signal) = autosave::signalled() {
            return Ok(Some(signal));
        }
        let now = std::time::Instant::now();
        saver.observe(app.resume_point().as_ref(), now);
        if saver.due(now) {
            match session.save(app) {
                Ok(()) => saver.saved(app.resume_point()),
                Err(e) => {
                    app.message = Some(format!("could not save the reading position: {e}"));
                    saver.saved(app.resume_point());
                }
            }
        }
        // Never asleep for long: a pending save or a signal is acted on in time.
        let tick = saver
            .wait(now)
            .unwrap_or(autosave::SIGNAL_TICK)
            .min(autosave::SIGNAL_TICK);
        if dirty {
            painter.draw(terminal, app, theme)?;
        }
        dirty = false;
        // With a watch, wake up a few times a second to look for changed files (no drawing
        // unless something changed); without one, block until the next event.
        let event = if app.palette.pending {
            // Ranking goes on between keys: a waiting key is handled first (and drops the
            // stale search), else a frame's worth of ranking is done and shown.
            if event::poll(Duration::ZERO)? {
                Some(event::read()?)
            } else {
                app.continue_palette(FRAME_BUDGET);
                dirty = true;
                None
            }
        } else if app.words_pending() {
            // The index's answer is awaited: look again soon.
            event::poll(WORDS_TICK.min(tick))?
                .then(event::read)
                .transpose()?
        } else if loader.is_some() || index_build.is_some() {
            event::poll(LOAD_TICK.min(tick))?
                .then(event::read)
                .transpose()?
        } else {
            let wait = if watch.is_some() {
                RELOAD_CHECK.min(tick)
            } else {
                tick
            };
            event::poll(wait)?.then(event::read).transpose()?
        };
        if let Some(load) = loader.as_mut() {
            dirty |= take_arrivals(app, load);
            if load.is_finished() {
                app.finish_loading();
                *loader = None;
            }
        }
        // Changes made while loading are seen once it is over.
        if loader.is_none() && watch.as_ref().is_some_and(watch::Watch::changed) {
            // Let a burst of writes (a copy, an editor's save) settle before reading.
            std::thread::sleep(RELOAD_SETTLE);
            let _ = watch.as_ref().map(watch::Watch::changed);
            app.reload(corpus::load(paths));
            index_wanted = true;
            dirty = true;
        }
        let Some(event) = event else {
            continue;
        };
        dirty = true;
        if panic_key && matches!(&event, event::Event::Key(k) if k.code == event::KeyCode::F(12)) {
            panic!("panic requested with F12 (DOSSIER_TEST_PANIC_KEY is set)");
        }
        if keys::is_suspend(&event) {
            suspend(terminal, mouse)?;
            painter.forget();
            continue;
        }
        if let Some(action) = keys::action_for(app, &event) {
            app.update(action);
        }
        for effect in std::mem::take(&mut app.effects) {
            if matches!(effect, Effect::Page(..) | Effect::Edit(..)) {
                // The screen is cleared when the terminal is taken back.
                painter.forget();
            }
            if let Err(e) = carry_out(terminal, app, &effect, session) {
                app.message = Some(format!("could not {}: {e}", describe(&effect)));
            }
        }
        if app.quit {
            // The reading position is remembered for next time; failing that is not fatal.
            if let Err(e) = session.save(app) {
                leave(mouse);
                eprintln!("dossier: could not save the reading position: {e}");
            }
            return Ok(None);
        }
    }
}
