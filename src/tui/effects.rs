//! What the browser asks of the world outside its state: the clipboard (OSC 52) and other
//! programs (the pager, the editor). `App::update` only records an [`Effect`]; the event loop
//! carries it out, so state stays testable without a terminal.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine;

/// A request from the state to the event loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put text on the local clipboard.
    Copy(String),
    /// Show a file in `$PAGER`, at a line when known.
    Page(PathBuf, Option<usize>),
    /// Open a file in `$EDITOR`, read-only where the editor allows, at a line when known.
    Edit(PathBuf, Option<usize>),
    /// Write the bookmarks (and the reading position) to the state file.
    SaveState,
    /// Write the inputs' history to its file.
    SaveHistory,
}

/// The OSC 52 sequence that asks the terminal (through SSH and tmux) to set its clipboard.
/// The text is base64-encoded, so nothing in it can end the sequence early.
pub fn osc52(text: &str) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\u{1b}]52;c;{encoded}\u{7}")
}

pub fn write_osc52(out: &mut impl Write, text: &str) -> io::Result<()> {
    out.write_all(osc52(text).as_bytes())?;
    out.flush()
}

/// The pager command for a file: `$PAGER` (with its own arguments) or `less`, at `line` for
/// pagers known to take `+N`.
pub fn pager_command(path: &Path, line: Option<usize>) -> Command {
    let pager = std::env::var("PAGER")
        .ok()
        .filter(|p| !p.trim().is_empty())
        .unwrap_or_else(|| "less".into());
    let at = line
        .filter(|_| matches!(program_name(&pager), "less" | "more" | "most"))
        .map(|n| format!("+{n}"));
    let extra: Vec<&str> = at.iter().map(String::as_str).collect();
    shell_command(&pager, &extra, path)
}

/// The file name of a command line's program (`/usr/bin/less -R` → `less`).
fn program_name(command: &str) -> &str {
    let program = command.split_whitespace().next().unwrap_or("");
    Path::new(program)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
}

/// The editor command for a file: `$VISUAL`, `$EDITOR` or `vi`, with the editor's read-only
/// flag when it has one.
pub fn editor_command(path: &Path, line: Option<usize>) -> Command {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|e| !e.trim().is_empty()))
        .unwrap_or_else(|| "vi".into());
    let program = editor.split_whitespace().next().unwrap_or("vi");
    let name = Path::new(program)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("");
    let read_only: &[&str] = match name {
        "vi" | "vim" | "nvim" | "view" | "gvim" => &["-R"],
        "nano" | "pico" => &["-v"],
        "micro" => &["-readonly", "true"],
        "hx" | "helix" => &[],
        "emacs" => &["--eval", "(setq-default buffer-read-only t)"],
        _ => &[],
    };
    let takes_plus_n = matches!(
        name,
        "vi" | "vim" | "nvim" | "view" | "gvim" | "nano" | "pico" | "emacs" | "micro" | "kak"
    );
    let at = line.filter(|_| takes_plus_n).map(|n| format!("+{n}"));
    let mut extra: Vec<&str> = read_only.to_vec();
    extra.extend(at.iter().map(String::as_str));
    shell_command(&editor, &extra, path)
}

/// `sh -c '$command "$@"' sh ARGS... PATH`: the user's command line keeps its own arguments,
/// and the path is passed as an argument, never interpolated into the shell text.
fn shell_command(command: &str, extra: &[&str], path: &Path) -> Command {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("{command} \"$@\""))
        .arg("sh")
        .args(extra)
        .arg(path);
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_is_base64_and_terminated() {
        let seq = osc52("(1) Gromyko \u{1b}]0;x\u{7}");
        assert!(seq.starts_with("\u{1b}]52;c;"));
        assert!(seq.ends_with('\u{7}'));
        let body = &seq[7..seq.len() - 1];
        assert!(
            body.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
        );
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(body)
            .unwrap();
        assert_eq!(
            String::from_utf8(decoded).unwrap(),
            "(1) Gromyko \u{1b}]0;x\u{7}"
        );
    }

    #[test]
    fn paths_are_arguments_not_shell_text() {
        let cmd = pager_command(Path::new("/tmp/a b; rm -rf x.txt"), None);
        let args: Vec<_> = cmd
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            args.last().map(String::as_str),
            Some("/tmp/a b; rm -rf x.txt")
        );
        assert!(args[1].ends_with("\"$@\""));
    }
}
