//! What the browser writes to the terminal, counted byte by byte: frames are drawn through the
//! real crossterm backend into memory.

mod common;

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use common::sample_app as app;
use dossier::tui::app::{Action, App, Pane};
use dossier::tui::view::theme::Theme;
use dossier::tui::wire::Painter;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// The terminal's input, kept for the test to read (the backend owns its writer).
#[derive(Clone, Default)]
struct Tape(Rc<RefCell<Vec<u8>>>);

impl Write for Tape {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Tape {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut self.0.borrow_mut())
    }
}

struct Wire {
    terminal: Terminal<CrosstermBackend<Tape>>,
    tape: Tape,
}

fn wire(width: u16, height: u16) -> Wire {
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
    };
    let tape = Tape::default();
    let terminal =
        Terminal::with_options(CrosstermBackend::new(tape.clone()), options).expect("terminal");
    Wire { terminal, tape }
}

/// Draws a frame and returns what it wrote.
fn frame(painter: &mut Painter, wire: &mut Wire, app: &App) -> Vec<u8> {
    painter
        .draw(&mut wire.terminal, app, &Theme::plain(true))
        .expect("draw");
    wire.tape.take()
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

/// The app reading the seed cable in the full-width view, its first frame drawn.
fn reading_full_width(width: u16, height: u16) -> (App, Painter, Wire) {
    let mut app = app(width, height);
    app.update(Action::ToggleFullWidth);
    assert_eq!(app.focus, Pane::Detail);
    let mut painter = Painter::default();
    let mut terminal = wire(width, height);
    frame(&mut painter, &mut terminal, &app);
    (app, painter, terminal)
}

#[test]
fn every_frame_is_inside_synchronized_update_marks() {
    let mut app = app(100, 30);
    let mut painter = Painter::default();
    let mut terminal = wire(100, 30);
    for action in [Action::Down, Action::FocusNext, Action::ToggleHelp] {
        let bytes = frame(&mut painter, &mut terminal, &app);
        assert!(bytes.starts_with(b"\x1b[?2026h"), "{action:?}");
        assert!(bytes.ends_with(b"\x1b[?2026l"), "{action:?}");
        app.update(action);
    }
}

#[test]
fn a_line_of_scroll_in_the_full_width_view_is_a_region_scroll_and_one_line_of_text() {
    let (mut app, mut painter, mut terminal) = reading_full_width(100, 30);
    // Past the metadata, into the body text.
    for _ in 0..30 {
        app.update(Action::Down);
        frame(&mut painter, &mut terminal, &app);
    }
    app.update(Action::Down);
    let bytes = frame(&mut painter, &mut terminal, &app);
    // The text rows are 2..=28 (1-based): the border and the status line stay.
    assert!(contains(&bytes, "\x1b[2;28r\x1b[1S\x1b[r"), "{bytes:?}");
    let height = app.pane_height(Pane::Detail);
    let line = &app.detail.text.lines[app.detail.scroll + height - 1].text;
    assert!(
        bytes.len() < line.len() + 160,
        "{} bytes for a line of {}: {:?}",
        bytes.len(),
        line.len(),
        String::from_utf8_lossy(&bytes)
    );
    app.update(Action::Up);
    let bytes = frame(&mut painter, &mut terminal, &app);
    assert!(contains(&bytes, "\x1b[2;28r\x1b[1T\x1b[r"));
}

#[test]
fn a_scroll_in_the_full_width_view_costs_a_fraction_of_a_redraw() {
    let (mut app, mut painter, mut terminal) = reading_full_width(100, 30);
    let mut scrolled = 0;
    for _ in 0..100 {
        app.update(Action::Down);
        scrolled += frame(&mut painter, &mut terminal, &app).len();
    }
    // The same scroll drawn without reusing the screen: every line written again.
    let (mut app, _, mut terminal) = reading_full_width(100, 30);
    let mut redrawn = 0;
    for _ in 0..100 {
        app.update(Action::Down);
        terminal
            .terminal
            .draw(|f| dossier::tui::view::draw(f, &app, &Theme::plain(true)))
            .expect("draw");
        redrawn += terminal.tape.take().len();
    }
    assert!(
        scrolled * 5 < redrawn,
        "{scrolled} bytes scrolled vs {redrawn} redrawn"
    );
}

#[test]
fn a_jump_or_the_panes_are_drawn_without_a_region_scroll() {
    let (mut app, mut painter, mut terminal) = reading_full_width(100, 30);
    app.update(Action::Bottom);
    let bytes = frame(&mut painter, &mut terminal, &app);
    assert!(!contains(&bytes, "\x1b[r"), "a jump of more than a page");
    app.update(Action::ToggleFullWidth);
    app.update(Action::Down);
    let bytes = frame(&mut painter, &mut terminal, &app);
    assert!(
        !contains(&bytes, "\x1b[r"),
        "three panes scroll by redrawing"
    );
}
