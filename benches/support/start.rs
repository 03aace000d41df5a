//! Start-up as the browser does it, without a terminal: a background load, the first frame
//! (into a 100×30 `TestBackend`) once the first documents are in, then every batch taken as
//! it arrives, a frame after each. Shared by the load bench and the `first_frame` example.

use std::path::Path;
use std::time::{Duration, Instant};

use dossier::corpus::stream::{Loaded, Loader};
use dossier::corpus::{CacheStats, LoadOptions};
use dossier::tui::app::App;
use dossier::tui::view::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

/// When each step of a start ended, and the browser's state once every document is in.
pub struct Started {
    pub first_batch: Duration,
    pub first_frame: Duration,
    /// Documents on the first frame.
    pub shown: usize,
    pub all: Duration,
    pub app: App,
    pub stats: CacheStats,
}

pub fn start(dir: &Path, options: &LoadOptions) -> Started {
    let started = Instant::now();
    let mut loader = Loader::start(vec![dir.to_path_buf()], options.clone());
    let (corpus, _, _) = loader.first_documents();
    let first_batch = started.elapsed();
    let mut app = App::new(corpus, Rect::new(0, 0, 100, 30));
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test backend");
    let theme = Theme::plain(false);
    terminal
        .draw(|f| view::draw(f, &app, &theme))
        .expect("draw");
    let first_frame = started.elapsed();
    let shown = app.docs.len();
    let mut stats = CacheStats::default();
    while let Some(message) = loader.wait() {
        match message {
            Loaded::Batch(batch) => {
                app.append(batch.documents, batch.problems);
                terminal
                    .draw(|f| view::draw(f, &app, &theme))
                    .expect("draw");
            }
            Loaded::Done(s) => stats = s,
        }
    }
    Started {
        first_batch,
        first_frame,
        shown,
        all: started.elapsed(),
        app,
        stats,
    }
}
