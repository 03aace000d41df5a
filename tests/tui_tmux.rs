//! End to end: the real binary in tmux, as a user would drive it.
//! `.ci/run` installs tmux; without it this test fails and says so.

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

/// A tmux server of its own (`-L`), so that tests running in parallel never share buffers.
struct Session {
    name: String,
}

static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn tmux(socket: &str) -> Command {
    let mut cmd = Command::new("tmux");
    cmd.args(["-L", socket, "-f", "/dev/null"]);
    cmd
}

impl Session {
    fn start(width: u16, height: u16, command: &str) -> Session {
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let name = format!("dossier-test-{}-{n}", std::process::id());
        let out = tmux(&name)
            .args([
                "new-session",
                "-d",
                "-s",
                &name,
                "-x",
                &width.to_string(),
                "-y",
                &height.to_string(),
            ])
            .arg(command)
            .env("TERM", "xterm-256color")
            .output()
            .expect("tmux must be installed to run this test (apt-get install tmux)");
        assert!(
            out.status.success(),
            "tmux new-session failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Session { name }
    }

    fn run(&self, args: &[&str]) -> String {
        let out = tmux(&self.name).args(args).output().expect("tmux");
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.name];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    fn text(&self, text: &str) {
        self.run(&["send-keys", "-l", "-t", &self.name, text]);
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", &self.name])
    }

    fn display(&self, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", &self.name, format])
            .trim()
            .to_string()
    }

    /// Waits until the screen contains `needle`, or fails with the screen.
    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "timed out waiting for {needle:?}; screen:\n{screen}"
            );
            sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = tmux(&self.name).arg("kill-server").status();
    }
}

#[test]
fn jump_to_a_section_then_quit_restores_the_terminal() {
    let bin = env!("CARGO_BIN_EXE_dossier");
    let dir = tempfile::tempdir().expect("temp dir");
    let status_file = dir.path().join("status");
    let stty_file = dir.path().join("stty");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample");
    let command = format!(
        "XDG_STATE_HOME={} {bin} {}; echo $? > {}; stty -a > {}; sleep 30",
        dir.path().display(),
        sample.display(),
        status_file.display(),
        stty_file.display()
    );
    let session = Session::start(100, 30, &command);
    session.wait_for("Documents");
    assert_eq!(
        session.display("#{alternate_on}"),
        "1",
        "the browser uses the alternate screen"
    );

    session.keys(&["C-p"]);
    session.wait_for("Jump to section");
    // A name that occurs in the text of one section only (not in its heading).
    session.text("Kapitsa");
    sleep(Duration::from_millis(300));
    session.keys(&["Enter"]);
    let screen = session.wait_for("§ 2.4");
    for words in ["Kapitsa’s", "purposefully"] {
        assert!(
            screen.contains(words),
            "paragraph 2.(4) on screen:\n{screen}"
        );
    }

    session.keys(&["q"]);
    let start = Instant::now();
    while !status_file.exists()
        || !stty_file.exists()
        || std::fs::metadata(&stty_file).map(|m| m.len()).unwrap_or(0) == 0
    {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "dossier did not exit on q"
        );
        sleep(Duration::from_millis(100));
    }
    sleep(Duration::from_millis(200));
    let status = std::fs::read_to_string(&status_file).unwrap();
    assert_eq!(status.trim(), "0", "exit status");
    let stty = std::fs::read_to_string(&stty_file).unwrap();
    let words: Vec<&str> = stty.split_whitespace().collect();
    assert!(
        words.contains(&"icanon") && words.contains(&"echo"),
        "terminal back to cooked mode:\n{stty}"
    );
    assert_eq!(
        session.display("#{alternate_on}"),
        "0",
        "alternate screen left"
    );
}

#[test]
fn y_sends_the_section_to_the_clipboard_with_osc52() {
    let bin = env!("CARGO_BIN_EXE_dossier");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample");
    let state = tempfile::tempdir().expect("temp dir");
    let command = format!(
        "XDG_STATE_HOME={} {bin} {}; sleep 30",
        state.path().display(),
        sample.display()
    );
    let session = Session::start(100, 30, &command);
    session.run(&["set-option", "-s", "set-clipboard", "on"]);
    session.wait_for("Documents");
    session.keys(&["Enter", "j"]);
    session.wait_for("§ 1.1");
    session.keys(&["y"]);
    session.wait_for("copied section 1.1");
    let start = Instant::now();
    let buffer = loop {
        let out = tmux(&session.name).arg("show-buffer").output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        if out.status.success() && !text.is_empty() {
            break text;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no tmux buffer was set"
        );
        sleep(Duration::from_millis(100));
    };
    assert!(
        buffer.starts_with("(1) Regarding the foreign ministerial talks"),
        "{buffer}"
    );
    assert!(buffer.contains("true improvement in Japan-Soviet relations cannot occur."));
}

/// Starts the browser on the sample in its own state folder; the shell records its exit
/// status and the terminal settings after it ends.
fn start_browser(extra_env: &str) -> (Session, tempfile::TempDir) {
    let bin = env!("CARGO_BIN_EXE_dossier");
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample");
    let d = dir.path().display();
    let command = format!(
        "{extra_env} XDG_STATE_HOME={d} {bin} {}; echo $? > {d}/status; stty -a > {d}/stty; sleep 30",
        sample.display()
    );
    let session = Session::start(100, 30, &command);
    session.wait_for("Documents");
    (session, dir)
}

fn wait_for_file(path: &Path) -> String {
    let start = Instant::now();
    loop {
        if let Ok(text) = std::fs::read_to_string(path) {
            if !text.trim().is_empty() {
                return text;
            }
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{} never written",
            path.display()
        );
        sleep(Duration::from_millis(100));
    }
}

fn browser_pid(session: &Session) -> String {
    let shell = session.display("#{pane_pid}");
    let out = Command::new("pgrep")
        .args(["-P", &shell, "-x", "dossier"])
        .output()
        .expect("pgrep");
    let pid = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(!pid.is_empty(), "no dossier process under the pane's shell");
    pid
}

fn assert_terminal_restored(dir: &Path, session: &Session) {
    let stty = wait_for_file(&dir.join("stty"));
    let words: Vec<&str> = stty.split_whitespace().collect();
    assert!(
        words.contains(&"icanon") && words.contains(&"echo"),
        "cooked mode again:\n{stty}"
    );
    assert_eq!(
        session.display("#{alternate_on}"),
        "0",
        "alternate screen left"
    );
}

#[test]
fn sigterm_restores_the_terminal_and_exits() {
    let (session, dir) = start_browser("");
    let pid = browser_pid(&session);
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    assert_eq!(wait_for_file(&dir.path().join("status")).trim(), "143");
    assert_terminal_restored(dir.path(), &session);
}

#[test]
fn sighup_exits_quietly() {
    let (session, dir) = start_browser("");
    let pid = browser_pid(&session);
    assert!(
        Command::new("kill")
            .args(["-HUP", &pid])
            .status()
            .unwrap()
            .success()
    );
    assert_eq!(wait_for_file(&dir.path().join("status")).trim(), "129");
}

#[test]
fn a_panic_restores_the_terminal() {
    let (session, dir) = start_browser("DOSSIER_TEST_PANIC_KEY=1");
    session.keys(&["F12"]);
    let status = wait_for_file(&dir.path().join("status"));
    assert_ne!(status.trim(), "0", "a panic is a failure");
    assert_terminal_restored(dir.path(), &session);
}

#[test]
fn ctrl_z_suspends_and_fg_redraws() {
    let bin = env!("CARGO_BIN_EXE_dossier");
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample");
    let session = Session::start(100, 30, "bash --norc --noprofile");
    session.text(&format!(
        "XDG_STATE_HOME={} {bin} {}",
        dir.path().display(),
        sample.display()
    ));
    session.keys(&["Enter"]);
    session.wait_for("Documents");
    session.keys(&["C-z"]);
    session.wait_for("Stopped");
    assert_eq!(session.display("#{alternate_on}"), "0");
    session.text("fg");
    session.keys(&["Enter"]);
    session.wait_for("Documents 20/20");
    session.keys(&["j"]);
    session.wait_for("doc 2/20");
    session.keys(&["q"]);
}

#[test]
fn open_a_notebook_link_tag_the_document_and_filter_by_tag() {
    let bin = env!("CARGO_BIN_EXE_dossier");
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample");
    let d = dir.path().display();
    let link = "dossier://000_7f35e2ff8d3d54b0#2.1.b";
    let command = format!(
        "XDG_STATE_HOME={d} XDG_CONFIG_HOME={d}/none {bin} open {link} {}; echo $? > {d}/status; sleep 30",
        sample.display()
    );
    let session = Session::start(100, 30, &command);
    let screen = session.wait_for("opened 000_7f35e2ff8d3d54b0");
    assert!(screen.contains("§ 2.1.b"), "{screen}");
    session.keys(&["T"]);
    session.wait_for("tags: ▏");
    session.text("japan-prc");
    session.keys(&["Enter"]);
    session.wait_for("tagged japan-prc");
    // Completion from the tags in use.
    session.keys(&["T"]);
    session.text("x ja");
    session.keys(&["Tab"]);
    session.wait_for("tags: japan-prc x japan-prc ▏");
    session.keys(&["Escape"]);
    session.wait_for("tags unchanged");
    // Esc and `/` written together read as Alt-/ (as in any terminal program): one at a time.
    session.keys(&["Escape"]);
    sleep(Duration::from_millis(300));
    session.keys(&["/"]);
    session.text("tag:japan-prc");
    let screen = session.wait_for("doc 1/1");
    assert!(screen.contains("Cable from Amba"), "{screen}");
    session.keys(&["Enter", "q"]);
    assert_eq!(wait_for_file(&dir.path().join("status")).trim(), "0");
    let notebook = notebook_export(&sample, dir.path(), &["--tag", "japan-prc"]);
    assert!(
        notebook.contains("## Cable from Ambassador Katori"),
        "{notebook}"
    );
    assert!(notebook.contains("Tags: japan-prc"), "{notebook}");
}

/// Waits until the screen stops changing (the browser has drawn what the keys asked).
fn settled(session: &Session) -> String {
    let mut last = session.screen();
    loop {
        sleep(Duration::from_millis(300));
        let now = session.screen();
        if now == last {
            return now;
        }
        last = now;
    }
}

#[test]
fn z_reads_at_full_width_and_its_region_scroll_shows_the_right_lines() {
    let (session, _dir) = start_browser("");
    session.keys(&["z"]);
    let top = settled(&session);
    let rows: Vec<&str> = top.lines().collect();
    // No list pane beside the text: the title starts at the left edge.
    assert!(
        rows[1].starts_with("  Cable from Ambassador Katori"),
        "{top}"
    );
    assert!(!top.contains("Documents"), "{top}");
    for _ in 0..5 {
        session.keys(&["j"]);
    }
    let down = settled(&session);
    let moved: Vec<&str> = down.lines().collect();
    // Five lines of scroll: what was on row 6 of the text is on row 1, and the new rows at the
    // bottom hold text, not blanks left by the scroll.
    assert_eq!(moved[1], rows[6], "{down}");
    assert_eq!(moved[22], rows[27], "{down}");
    assert!(
        !moved[28].trim().is_empty() || !moved[27].trim().is_empty(),
        "{down}"
    );
    for _ in 0..5 {
        session.keys(&["k"]);
    }
    assert_eq!(settled(&session), top, "scrolled back to where it was");
    session.keys(&["z"]);
    session.wait_for("Documents");
}

#[test]
fn mouse_reporting_asks_for_buttons_not_motion() {
    let (session, _dir) = start_browser("");
    let flags = session
        .display("#{mouse_standard_flag} #{mouse_button_flag} #{mouse_all_flag} #{mouse_sgr_flag}");
    assert_eq!(flags, "1 0 0 1", "?1000 and ?1006 on, ?1002 and ?1003 off");
}

#[test]
fn research_overlays_who_is_mentioned_a_sentence_highlight_a_followed_link_a_saved_search() {
    let bin = env!("CARGO_BIN_EXE_dossier");
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample");
    let d = dir.path().display();
    let command = format!(
        "XDG_STATE_HOME={d} XDG_CONFIG_HOME={d}/none {bin} open dossier://frus1961-63v98-d1#1 {}; echo $? > {d}/status; sleep 30",
        sample.display()
    );
    let session = Session::start(100, 30, &command);
    session.wait_for("opened frus1961-63v98-d1");
    // Who the section mentions, with the glossary's descriptions.
    session.keys(&["w"]);
    let screen = session.wait_for("Mentioned in 1");
    assert!(
        screen.contains("Orsini, Tullio — Foreign Minister of Lacustria"),
        "{screen}"
    );
    session.keys(&["Escape"]);
    // Esc and `v` arriving together would read as Alt-v: the overlay closes first.
    sleep(Duration::from_millis(300));
    // A sentence of the section as a highlight.
    session.keys(&["v"]);
    let screen = session.wait_for("Highlight · 1");
    assert!(screen.contains("the whole passage 1"), "{screen}");
    session.keys(&["j", "Enter"]);
    session.wait_for("highlight a sentence of 1");
    session.text("survey");
    session.keys(&["Enter"]);
    session.wait_for("highlighted frus1961-63v98-d1 › a sentence of 1");
    // A cross-reference in a footnote, followed.
    session.keys(&["f"]);
    let screen = session.wait_for("Cross-references");
    assert!(
        screen.contains("[3] Document 3  → frus1961-63v98-d3"),
        "{screen}"
    );
    session.keys(&["Enter"]);
    session.wait_for("followed #d3 to frus1961-63v98-d3");
    // The documents filter saved as a folder with its count.
    session.keys(&["h"]);
    sleep(Duration::from_millis(200));
    session.keys(&["h"]);
    sleep(Duration::from_millis(200));
    session.keys(&["/"]);
    session.text("year:1962");
    session.keys(&["Enter"]);
    session.keys(&["S"]);
    session.wait_for("save \"year:1962\" as:");
    session.text("y62");
    session.keys(&["Enter"]);
    let screen = session.wait_for("Saved searches");
    assert!(screen.contains("▸ y62 ("), "{screen}");
    session.keys(&["q"]);
    assert_eq!(wait_for_file(&dir.path().join("status")).trim(), "0");
    let notebook = notebook_export(&sample, dir.path(), &[]);
    assert!(
        notebook.contains("### Highlighted sentence: 1"),
        "{notebook}"
    );
    assert!(notebook.contains("- **y62** `year:1962`"), "{notebook}");
}

/// `scripts/bench-wire` on this build: prints the byte counts (see them with `--nocapture`)
/// and holds the full-width view to at most twice what `less` writes for the same scroll.
#[test]
fn a_scroll_in_the_full_width_view_writes_at_most_twice_what_less_does() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/bench-wire");
    let out = Command::new(&script)
        .env("DOSSIER", env!("CARGO_BIN_EXE_dossier"))
        .output()
        .expect("run scripts/bench-wire");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{report}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!("{report}");
    let bytes = |label: &str| -> usize {
        report
            .lines()
            .find(|l| l.trim_start().starts_with(label))
            .and_then(|l| l.split_whitespace().find_map(|w| w.parse().ok()))
            .unwrap_or_else(|| panic!("no {label:?} figure in:\n{report}"))
    };
    let (less, full, panes) = (
        bytes("less"),
        bytes("dossier, full width"),
        bytes("dossier, three panes"),
    );
    assert!(less > 1000, "less scrolled: {report}");
    assert!(full <= 2 * less, "{report}");
    assert!(full < panes, "{report}");
}

/// The browser on the sample with its state in `state` (shared between sessions).
fn start_browser_in(state: &Path) -> Session {
    let bin = env!("CARGO_BIN_EXE_dossier");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample");
    let d = state.display();
    let command = format!(
        "XDG_STATE_HOME={d} {bin} {}; stty -a > {d}/stty-$$; sleep 30",
        sample.display()
    );
    let session = Session::start(100, 30, &command);
    session.wait_for("Documents");
    session
}

/// The one state file of the sample under a state folder, parsed.
fn state_file(state: &Path) -> serde_json::Value {
    let dir = state.join("dossier");
    let file = std::fs::read_dir(&dir)
        .ok()
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        // Beside it, history.json holds the typed entries of every corpus.
        .find(|p| {
            p.extension().is_some_and(|e| e == "json")
                && p.file_name().is_some_and(|n| n != "history.json")
        });
    let Some(file) = file else {
        return serde_json::Value::Null;
    };
    serde_json::from_str(&std::fs::read_to_string(&file).unwrap_or_default())
        .unwrap_or(serde_json::Value::Null)
}

/// Waits until the state file satisfies `ok`, or fails with what it holds.
fn wait_for_state(state: &Path, ok: impl Fn(&serde_json::Value) -> bool) -> serde_json::Value {
    let start = Instant::now();
    loop {
        let value = state_file(state);
        if ok(&value) {
            return value;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "state never became as expected: {value:#}"
        );
        sleep(Duration::from_millis(50));
    }
}

/// Into the detail pane of the first document and 30 lines down.
fn scroll_into_the_text(session: &Session) {
    session.keys(&["Enter", "Enter"]);
    for _ in 0..30 {
        session.keys(&["j"]);
    }
}

fn anchored(value: &serde_json::Value) -> bool {
    value["resume"]["anchor"]["quote"]
        .as_str()
        .is_some_and(|q| !q.is_empty())
}

#[test]
fn the_reading_position_is_on_disk_within_a_second_and_survives_kill_9() {
    let state = tempfile::tempdir().unwrap();
    let session = start_browser_in(state.path());
    scroll_into_the_text(&session);
    let typed = Instant::now();
    let value = wait_for_state(state.path(), anchored);
    let waited = typed.elapsed();
    assert!(waited < Duration::from_secs(2), "saved after {waited:?}");
    let pid = browser_pid(&session);
    Command::new("kill").args(["-9", &pid]).status().unwrap();
    sleep(Duration::from_millis(200));
    assert_eq!(state_file(state.path())["resume"], value["resume"]);
}

#[test]
fn kill_hup_saves_the_bookmark_and_position_and_gives_the_terminal_back() {
    let state = tempfile::tempdir().unwrap();
    let session = start_browser_in(state.path());
    scroll_into_the_text(&session);
    session.keys(&["m"]);
    session.text("before the hangup");
    session.keys(&["Enter"]);
    session.wait_for("bookmarked");
    let pid = browser_pid(&session);
    Command::new("kill").args(["-HUP", &pid]).status().unwrap();
    let value = wait_for_state(state.path(), |v| {
        anchored(v) && v["bookmarks"][0]["note"] == "before the hangup"
    });
    assert!(value["bookmarks"][0]["anchor"]["quote"].is_string());
    let start = Instant::now();
    while session.display("#{alternate_on}") != "0" {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "alternate screen left on"
        );
        sleep(Duration::from_millis(50));
    }
    assert_eq!(
        session.display("#{mouse_any_flag}"),
        "0",
        "mouse reporting off"
    );
}

#[test]
fn closing_the_terminal_keeps_the_position() {
    let state = tempfile::tempdir().unwrap();
    let session = start_browser_in(state.path());
    scroll_into_the_text(&session);
    session.keys(&["m", "Enter"]);
    session.wait_for("bookmarked");
    // The window closes at once: the pane's processes get SIGHUP and a terminal that is gone.
    session.run(&["kill-session", "-t", &session.name]);
    wait_for_state(state.path(), |v| {
        anchored(v) && v["bookmarks"][0].is_object()
    });
}

#[test]
fn two_sessions_on_one_corpus_keep_each_others_bookmarks() {
    let state = tempfile::tempdir().unwrap();
    let one = start_browser_in(state.path());
    let two = start_browser_in(state.path());
    one.keys(&["Enter", "Enter", "m"]);
    one.text("from one");
    one.keys(&["Enter"]);
    one.wait_for("bookmarked");
    two.keys(&["j", "Enter", "Enter", "m"]);
    two.text("from two");
    two.keys(&["Enter"]);
    two.wait_for("bookmarked");
    one.keys(&["q"]);
    two.keys(&["q"]);
    let value = wait_for_state(state.path(), |v| {
        v["bookmarks"].as_array().is_some_and(|b| b.len() == 2)
    });
    let notes: Vec<&str> = value["bookmarks"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|b| b["note"].as_str())
        .collect();
    assert!(
        notes.contains(&"from one") && notes.contains(&"from two"),
        "{notes:?}"
    );
}

#[test]
fn y_after_scrolling_copies_the_section_at_the_top_not_the_one_opened() {
    let state = tempfile::tempdir().unwrap();
    let session = start_browser_in(state.path());
    session.run(&["set-option", "-s", "set-clipboard", "on"]);
    session.keys(&["Enter", "Enter"]);
    session.wait_for("§ 1 ");
    // Down from § 1 into § 1.2 with the keys a reader uses.
    for _ in 0..40 {
        session.keys(&["j"]);
    }
    let screen = session.wait_for("§ 1.2");
    assert!(screen.contains("§ 1.2 "), "{screen}");
    session.keys(&["y"]);
    session.wait_for("copied section 1.2");
    let start = Instant::now();
    let buffer = loop {
        let out = tmux(&session.name).arg("show-buffer").output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        if out.status.success() && !text.is_empty() {
            break text;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "no buffer");
        sleep(Duration::from_millis(100));
    };
    assert!(buffer.starts_with("(2)"), "{buffer}");
}

#[test]
fn a_palette_jump_shows_a_word_sixty_lines_into_its_section() {
    let bin = env!("CARGO_BIN_EXE_dossier");
    let dir = tempfile::tempdir().expect("temp dir");
    let mut text = String::from(
        "March 3, 1962\n\nMemorandum on the Lake Survey\n\n1. A short first item.\n\n2. The long item begins here.\n\n",
    );
    for i in 1..=40 {
        let extra = if i == 30 {
            " The quillwort beds were mapped."
        } else {
            ""
        };
        text.push_str(&format!("Paragraph {i} of the long item.{extra}\n\n"));
    }
    let page = dir.path().join("long.txt");
    std::fs::write(&page, text).expect("page");
    let d = dir.path().display();
    let command = format!(
        "XDG_STATE_HOME={d} XDG_CONFIG_HOME={d}/none {bin} {}; sleep 30",
        page.display()
    );
    let session = Session::start(100, 30, &command);
    session.wait_for("Documents 1/1");
    session.keys(&["C-p"]);
    sleep(Duration::from_millis(300));
    session.text("quillwort");
    // The palette finds words once the index (built on its own thread) is ready.
    session.wait_for("Passages with the words · 1");
    session.keys(&["Enter"]);
    let screen = session.wait_for("search \"quillwort\" 1/1");
    // The word is in the upper third of the text pane, not at its bottom edge.
    let row = screen
        .lines()
        .position(|l| l.contains("quillwort beds"))
        .expect("row");
    assert!(row <= 1 + 28 / 3 + 1, "row {row}:\n{screen}");
    assert!(!screen.contains("2. The long item begins"), "{screen}");
    session.keys(&["q"]);
}

/// `dossier notes export [EXTRA]... CORPUS` with the state of a browser session in `state`.
fn notebook_export(corpus: &Path, state: &Path, extra: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["notes", "export"])
        .args(extra)
        .arg(corpus)
        .env("XDG_STATE_HOME", state)
        .env("XDG_CONFIG_HOME", state.join("none"))
        .output()
        .expect("export");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The browser finds words once its index is built, and a word written into a file while
/// it runs once the file is read again (live reload, then the index brought up to date).
#[test]
fn the_palette_finds_words_and_a_word_added_to_a_file_while_reading() {
    let bin = env!("CARGO_BIN_EXE_dossier");
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("survey.txt");
    std::fs::write(
        &page,
        "March 3, 1962\n\nMemorandum on the Lake Survey\n\n1. The quillwort beds were mapped.\n\n2. The boats were repaired.\n",
    )
    .expect("page");
    let d = dir.path().display();
    let command = format!(
        "XDG_STATE_HOME={d}/state XDG_CACHE_HOME={d}/cache XDG_CONFIG_HOME={d}/none {bin} {}; sleep 30",
        page.display()
    );
    let session = Session::start(100, 30, &command);
    session.wait_for("Documents 1/1");
    session.keys(&["C-p"]);
    session.text("quillwort");
    let screen = session.wait_for("Passages with the words · 1");
    // The hit, its snippet and the preview beside it.
    assert!(
        screen.contains("Memorandum on the … › 1 › The quillwort"),
        "{screen}"
    );
    assert!(
        screen.matches("quillwort beds were mapped").count() >= 2,
        "{screen}"
    );
    session.keys(&["Escape"]);
    std::fs::write(
        &page,
        "March 3, 1962\n\nMemorandum on the Lake Survey\n\n1. The quillwort beds were mapped.\n\n2. The boats were repaired by the Zanzibar crew.\n",
    )
    .expect("page changed");
    session.wait_for("reloaded");
    session.keys(&["C-p"]);
    session.text("zanzibar");
    let screen = session.wait_for("Passages with the words · 1");
    assert!(screen.contains("Zanzibar crew"), "{screen}");
    session.keys(&["Escape", "q"]);
}
