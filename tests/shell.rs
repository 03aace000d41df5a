//! Shell integration: completion scripts for every shell and the man page.

mod common;

use assert_cmd::Command;
use predicates::prelude::*;

fn dossier() -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("dossier");
    cmd.current_dir(common::root());
    cmd
}

#[test]
fn bash_completions_know_the_subcommands() {
    dossier()
        .args(["completions", "bash"])
        .assert()
        .success()
        .stdout(predicate::str::contains("search"))
        .stdout(predicate::str::contains("cite"))
        .stdout(predicate::str::contains("--color"));
}

#[test]
fn every_shell_gets_a_script() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let output = dossier().args(["completions", shell]).output().unwrap();
        assert!(output.status.success(), "{shell}");
        let script = String::from_utf8(output.stdout).unwrap();
        assert!(script.contains("dossier"), "{shell}");
        assert!(script.contains("search"), "{shell}");
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    dossier().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn the_man_page_is_roff() {
    dossier()
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH"))
        .stdout(predicate::str::contains("dossier"))
        .stdout(predicate::str::contains("completions"));
}
