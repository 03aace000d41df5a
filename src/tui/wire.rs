//! What goes over the wire to the terminal: mouse reporting, synchronized updates and
//! scrolling with the terminal's scroll region.
//!
//! ratatui diffs each frame against the previous one cell by cell, which is cheap for most
//! changes but not for a scroll: every line of the text moves, so every cell differs and the
//! whole pane is written again (about 1.8 kB a line at 100×30). When the detail pane spans the
//! full width of the screen, the terminal can move those rows itself: [`Painter`] sets the
//! scroll region to the pane's text rows (DECSTBM), scrolls it (SU / SD), and shifts its copy
//! of the screen the same way before ratatui diffs, so only the lines that came into view (and
//! whatever else changed, such as the percentage) are written. The shifted copy is exactly what
//! the terminal shows, so the diff stays correct whatever else changed in the frame.
//!
//! ratatui's diff moves the cursor over every run of unchanged cells, even a single space
//! between two words, at up to 8 bytes a move; short runs are written instead (a space costs
//! one byte). The painter does the diffing itself for that, and lets ratatui's terminal know
//! the frame it drew.
//!
//! Every frame is written between the synchronized-update marks (`CSI ? 2026 h` / `l`), so a
//! terminal that knows them shows the frame whole, and one that does not ignores them.

use std::fmt;
use std::io::{self, Write};

use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use crossterm::{execute, queue};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

use super::app::App;
use super::view::{self, theme::Theme};

/// Mouse reporting for button presses and the wheel only (`?1000`), in the SGR encoding
/// (`?1006`) that has no column limit. crossterm's `EnableMouseCapture` also asks for every
/// motion (`?1003`), which makes the terminal send a report for each cell the pointer crosses.
pub(crate) struct EnableButtonMouse;

/// Turns off what [`EnableButtonMouse`] turned on.
pub(crate) struct DisableButtonMouse;

const ENABLE_BUTTON_MOUSE: &str = "\x1b[?1000h\x1b[?1006h";
const DISABLE_BUTTON_MOUSE: &str = "\x1b[?1006l\x1b[?1000l";

impl crossterm::Command for EnableButtonMouse {
    fn write_ansi(&self, f: &mut impl fmt::Write) -> fmt::Result {
        f.write_str(ENABLE_BUTTON_MOUSE)
    }

    #[cfg(windows)]
    fn execute_winapi(&self) -> io::Result<()> {
        crossterm::event::EnableMouseCapture.execute_winapi()
    }
}

impl crossterm::Command for DisableButtonMouse {
    fn write_ansi(&self, f: &mut impl fmt::Write) -> fmt::Result {
        f.write_str(DISABLE_BUTTON_MOUSE)
    }

    #[cfg(windows)]
    fn execute_winapi(&self) -> io::Result<()> {
        crossterm::event::DisableMouseCapture.execute_winapi()
    }
}

/// What a frame's detail pane showed, to tell whether the next frame is the same text moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TextView {
    screen: Rect,
    pane: Rect,
    doc: Option<usize>,
    width: usize,
    scroll: usize,
}

impl TextView {
    /// The view, when the detail pane spans the screen's width (rows can move whole) and no
    /// overlay covers it.
    fn of(app: &App) -> Option<TextView> {
        let pane = app.panes().detail?;
        let full_width = pane.x == 0 && pane.width == app.size.width;
        (full_width && app.overlay == super::app::Overlay::None).then_some(TextView {
            screen: app.size,
            pane,
            doc: app.detail.doc,
            width: app.detail.width,
            scroll: app.detail.scroll,
        })
    }

    /// The rows to scroll and by how many lines (positive: the text moves up), when `next`
    /// shows the same text as `self` further on by less than a pane.
    fn shift_to(&self, next: &TextView) -> Option<(std::ops::Range<u16>, isize)> {
        let same_text = TextView {
            scroll: next.scroll,
            ..*self
        } == *next;
        let rows = self.pane.y + 1..self.pane.bottom().saturating_sub(1);
        let delta = next.scroll as isize - self.scroll as isize;
        let height = rows.len() as isize;
        (same_text && delta != 0 && delta.abs() < height).then_some((rows, delta))
    }
}

/// Draws frames, reusing what the terminal already shows (see the module note).
#[derive(Debug, Default)]
pub struct Painter {
    /// The last frame drawn, as the terminal shows it.
    last: Option<Buffer>,
    view: Option<TextView>,
    /// The cursor is hidden once, not on every frame.
    cursor_hidden: bool,
}

impl Painter {
    /// Forgets what the terminal shows: the next frame is drawn whole (after another program
    /// had the terminal, or the screen was cleared).
    pub fn forget(&mut self) {
        self.last = None;
        self.view = None;
        self.cursor_hidden = false;
    }

    /// Draws the app's frame inside synchronized-update marks.
    pub fn draw<W: Write>(
        &mut self,
        terminal: &mut Terminal<CrosstermBackend<W>>,
        app: &App,
        theme: &Theme,
    ) -> io::Result<()> {
        // A new size clears the screen (ratatui does it): nothing shown is kept then.
        terminal.autoresize()?;
        let view = TextView::of(app);
        queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
        let mut frame = terminal.get_frame();
        let area = frame.area();
        view::draw(&mut frame, app, theme);
        let next = frame.buffer_mut().clone();
        let mut shown = match self.last.take() {
            Some(last) if last.area == area => last,
            _ => Buffer::empty(area),
        };
        let shift = match (&self.view, &view) {
            (Some(before), Some(now)) => before.shift_to(now),
            _ => None,
        };
        if let Some((rows, delta)) = shift {
            write_region_scroll(terminal.backend_mut(), rows.clone(), delta)?;
            shift_rows(&mut shown, rows, delta);
        }
        let updates = with_short_gaps_filled(shown.diff(&next), &next);
        write_cells(terminal.backend_mut(), &updates)?;
        if !self.cursor_hidden {
            terminal.hide_cursor()?;
            self.cursor_hidden = true;
        }
        // ratatui's own previous frame becomes this one, as if it had drawn it.
        terminal.swap_buffers();
        self.last = Some(next);
        self.view = view;
        execute!(terminal.backend_mut(), EndSynchronizedUpdate)
    }
}

/// Gaps of at most this many unchanged cells between two changed ones on a line are written
/// again: a cursor move (`CSI row;col H`) costs up to 8 bytes, more than a few characters.
const GAP_FILL: u16 = 6;

/// `updates` (in screen order) with the unchanged cells of short gaps put in, when they are
/// plain one-column characters in the style of the cell before (so that no colour change is
/// written for them).
fn with_short_gaps_filled<'a>(
    updates: Vec<(u16, u16, &'a Cell)>,
    next: &'a Buffer,
) -> Vec<(u16, u16, &'a Cell)> {
    let mut out: Vec<(u16, u16, &Cell)> = Vec::with_capacity(updates.len());
    for (x, y, cell) in updates {
        if let Some(&(px, py, previous)) = out.last() {
            let after = px + previous.symbol().width().max(1) as u16;
            if py == y && after < x && x - after <= GAP_FILL {
                let gap: Vec<&Cell> = (after..x).map(|gx| &next[(gx, y)]).collect();
                let plain = gap.iter().all(|c| {
                    c.diff_option == CellDiffOption::None
                        && c.symbol().width() == 1
                        && (c.fg, c.bg, c.modifier) == (previous.fg, previous.bg, previous.modifier)
                });
                if plain {
                    out.extend((after..x).zip(gap).map(|(gx, c)| (gx, y, c)));
                }
            }
        }
        out.push((x, y, cell));
    }
    out
}

/// The style a cell is written in, as the terminal's SGR state.
type Pen = (Color, Color, Modifier);

const PLAIN: Pen = (Color::Reset, Color::Reset, Modifier::empty());

/// Writes cells: a cursor move only where a cell does not follow the one before, and one SGR
/// sequence (from the defaults: `CSI 0;…m`) where the style changes. The defaults are restored
/// at the end, so that the next frame (and a region scroll's blank lines) start from them.
fn write_cells(out: &mut impl Write, cells: &[(u16, u16, &Cell)]) -> io::Result<()> {
    let mut pen = PLAIN;
    let mut at: Option<(u16, u16)> = None;
    for &(x, y, cell) in cells {
        if at != Some((x, y)) {
            write!(out, "\x1b[{};{}H", y + 1, x + 1)?;
        }
        let wanted = (cell.fg, cell.bg, cell.modifier);
        if wanted != pen {
            out.write_all(sgr(wanted).as_bytes())?;
            pen = wanted;
        }
        out.write_all(cell.symbol().as_bytes())?;
        at = Some((x + cell.symbol().width().max(1) as u16, y));
    }
    if pen != PLAIN {
        out.write_all(b"\x1b[0m")?;
    }
    Ok(())
}

/// `CSI 0;…m` for a style.
fn sgr((fg, bg, modifier): Pen) -> String {
    let mut codes = vec!["0".to_string()];
    for (flag, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::SLOW_BLINK, "5"),
        (Modifier::RAPID_BLINK, "6"),
        (Modifier::REVERSED, "7"),
        (Modifier::HIDDEN, "8"),
        (Modifier::CROSSED_OUT, "9"),
    ] {
        if modifier.contains(flag) {
            codes.push(code.to_string());
        }
    }
    codes.extend(color_code(fg, 30));
    codes.extend(color_code(bg, 40));
    format!("\x1b[{}m", codes.join(";"))
}

/// The SGR parameter of a colour: `base` is 30 for the foreground, 40 for the background.
fn color_code(color: Color, base: u8) -> Option<String> {
    let basic = |n: u8| Some((base + n).to_string());
    let bright = |n: u8| Some((base + 60 + n).to_string());
    match color {
        Color::Reset => None,
        Color::Black => basic(0),
        Color::Red => basic(1),
        Color::Green => basic(2),
        Color::Yellow => basic(3),
        Color::Blue => basic(4),
        Color::Magenta => basic(5),
        Color::Cyan => basic(6),
        Color::Gray => basic(7),
        Color::DarkGray => bright(0),
        Color::LightRed => bright(1),
        Color::LightGreen => bright(2),
        Color::LightYellow => bright(3),
        Color::LightBlue => bright(4),
        Color::LightMagenta => bright(5),
        Color::LightCyan => bright(6),
        Color::White => bright(7),
        Color::Indexed(n) => Some(format!("{};5;{n}", base + 8)),
        Color::Rgb(r, g, b) => Some(format!("{};2;{r};{g};{b}", base + 8)),
    }
}

/// Scrolls rows `rows` (0-based, half-open) of the terminal by `delta` lines: DECSTBM sets the
/// region, SU (up) or SD (down) scrolls it, and the region is reset to the whole screen.
fn write_region_scroll(
    out: &mut impl Write,
    rows: std::ops::Range<u16>,
    delta: isize,
) -> io::Result<()> {
    let direction = if delta > 0 { 'S' } else { 'T' };
    // The lines that come into view are erased with the current colours, which are the
    // defaults: every frame ends with them reset.
    write!(
        out,
        "\x1b[{};{}r\x1b[{}{direction}\x1b[r",
        rows.start + 1,
        rows.end,
        delta.unsigned_abs()
    )
}

/// Does to `buffer` what [`write_region_scroll`] does to the terminal: rows move up (or down)
/// within `rows`, and the rows that come into view are blank.
fn shift_rows(buffer: &mut Buffer, rows: std::ops::Range<u16>, delta: isize) {
    let width = buffer.area.width as usize;
    let start = (rows.start.saturating_sub(buffer.area.y)) as usize * width;
    let end = (rows.end.saturating_sub(buffer.area.y)) as usize * width;
    let end = end.min(buffer.content.len());
    if start >= end {
        return;
    }
    let region = &mut buffer.content[start..end];
    let moved = (delta.unsigned_abs() * width).min(region.len());
    if delta > 0 {
        region.rotate_left(moved);
        let len = region.len();
        region[len - moved..].iter_mut().for_each(|c| {
            c.reset();
        });
    } else {
        region.rotate_right(moved);
        region[..moved].iter_mut().for_each(|c| {
            c.reset();
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows_of(buffer: &Buffer) -> Vec<String> {
        (0..buffer.area.height)
            .map(|y| {
                (0..buffer.area.width)
                    .map(|x| buffer[(x, y)].symbol().to_string())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn shifting_moves_rows_within_the_region_and_blanks_the_new_ones() {
        let mut buffer = Buffer::with_lines(["top", "aaa", "bbb", "ccc", "end"]);
        shift_rows(&mut buffer, 1..4, 1);
        assert_eq!(rows_of(&buffer), ["top", "bbb", "ccc", "   ", "end"]);
        shift_rows(&mut buffer, 1..4, -2);
        assert_eq!(rows_of(&buffer), ["top", "   ", "   ", "bbb", "end"]);
    }

    #[test]
    fn cells_are_written_with_one_move_per_run_and_one_sgr_per_style_change() {
        let mut buffer = Buffer::with_lines(["ab cd"]);
        buffer[(3, 0)].set_style(ratatui::style::Style::new().fg(Color::Cyan).bold());
        let cells: Vec<(u16, u16, &Cell)> = [0u16, 1, 3, 4]
            .iter()
            .map(|&x| (x, 0, &buffer[(x, 0)]))
            .collect();
        let mut out = Vec::new();
        write_cells(&mut out, &cells).expect("write");
        assert_eq!(
            String::from_utf8_lossy(&out),
            "\x1b[1;1Hab\x1b[1;4H\x1b[0;1;36mc\x1b[0md"
        );
    }

    #[test]
    fn the_region_scroll_is_decstbm_then_su_or_sd_then_reset() {
        let mut out = Vec::new();
        write_region_scroll(&mut out, 1..29, 1).expect("write");
        assert_eq!(out, b"\x1b[2;29r\x1b[1S\x1b[r");
        out.clear();
        write_region_scroll(&mut out, 1..29, -3).expect("write");
        assert_eq!(out, b"\x1b[2;29r\x1b[3T\x1b[r");
    }
}
