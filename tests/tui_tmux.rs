//! End to end: the real binary in tmux, as a user would drive it.
//! `.ci/run` installs tmux; without it this test fails and says so.

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

struct Session {
    name: String,
}

impl Session {
    fn start(width: u16, height: u16, command: &str) -> Session {
        let name = format!("dossier-test-{}", std::process::id());
        let status = Command::new("tmux")
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
            .status()
            .expect("tmux must be installed to run this test (apt-get install tmux)");
        assert!(status.success(), "tmux new-session failed");
        Session { name }
    }

    fn keys(&self, keys: &[&str]) {
        let status = Command::new("tmux")
            .args(["send-keys", "-t", &self.name])
            .args(keys)
            .status()
            .expect("tmux send-keys");
        assert!(status.success());
    }

    fn text(&self, text: &str) {
        let status = Command::new("tmux")
            .args(["send-keys", "-l", "-t", &self.name, text])
            .status()
            .expect("tmux send-keys");
        assert!(status.success());
    }

    fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["capture-pane", "-p", "-t", &self.name])
            .output()
            .expect("capture-pane");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn display(&self, format: &str) -> String {
        let out = Command::new("tmux")
            .args(["display-message", "-p", "-t", &self.name, format])
            .output()
            .expect("display-message");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
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
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.name])
            .status();
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
        "{bin} {}; echo $? > {}; stty -a > {}; sleep 30",
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
    for words in ["Kapitsa’s", "purposefully gave the impression"] {
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
