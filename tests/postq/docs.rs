//! The generated documentation is committed and fresh, and it renders; every command's help
//! has examples.

use crate::support::*;

const COMMANDS: [&str; 10] = [
    "list",
    "summary",
    "delete",
    "hold",
    "release",
    "requeue",
    "purge",
    "show",
    "flush",
    "completions",
];

const STALE: &str = "stale: run `cargo run --example gen_docs` and commit the result";

#[test]
fn committed_completions_are_what_postq_prints() {
    for (shell, path) in postq::COMPLETION_FILES {
        let shell = shell.to_string();
        let output = postq().args(["completions", &shell]).output().unwrap();
        assert!(output.status.success(), "{shell}");
        let committed = std::fs::read_to_string(repo().join(path)).unwrap();
        assert!(stdout_of(&output) == committed, "{path} is {STALE}");
        assert!(
            committed.contains("delete") && committed.contains("older-than"),
            "{path}"
        );
    }
}

#[test]
fn the_committed_man_page_is_fresh_and_complete() {
    let committed = std::fs::read_to_string(repo().join("docs/postq.1")).unwrap();
    assert!(postq::man_page() == committed, "docs/postq.1 is {STALE}");
    for section in [
        ".SH DESCRIPTION",
        ".SH FILTER EXPRESSIONS",
        ".SH EXAMPLES",
        ".SH EXIT STATUS",
        ".SH ENVIRONMENT",
        ".SH FILES",
        ".SH SEE ALSO",
    ] {
        assert!(committed.contains(section), "{section}");
    }
    for command in COMMANDS {
        assert!(
            committed.contains(&format!(".SS \"postq {command}\"")),
            "{command}"
        );
    }
}

#[test]
fn the_man_page_renders_cleanly() {
    // groff with every warning on: nothing on stderr.
    let output = std::process::Command::new("groff")
        .args(["-ww", "-z", "-man"])
        .arg(repo().join("docs/postq.1"))
        .output()
        .expect("groff (Debian's groff-base) is needed: scripts/test installs it");
    assert!(output.status.success());
    assert_eq!(stderr_of(&output), "");
    let output = std::process::Command::new("man")
        .arg("-l")
        .arg(repo().join("docs/postq.1"))
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "100")
        .output()
        .expect("man (Debian's man-db) is needed: scripts/test installs it");
    let text = stdout_of(&output);
    assert!(
        text.contains("EXIT STATUS") && text.contains("postq delete"),
        "{text}"
    );
}

#[test]
fn every_command_has_examples_in_its_help() {
    for command in COMMANDS {
        let output = postq().args([command, "--help"]).output().unwrap();
        assert!(output.status.success(), "{command}");
        let help = stdout_of(&output);
        assert!(help.contains("Examples:\n  postq "), "{command}: {help}");
    }
}

#[test]
fn version_names_postq_and_postfix() {
    let output = postq().arg("--version").output().unwrap();
    let text = stdout_of(&output);
    let expected_postfix = std::process::Command::new("postconf")
        .args(["-d", "-h", "mail_version"])
        .output()
        .map(|o| stdout_of(&o).trim().to_string())
        .unwrap();
    assert_eq!(
        text,
        format!(
            "postq {}\nPostfix {expected_postfix}\n",
            env!("CARGO_PKG_VERSION")
        )
    );
}

#[test]
fn completions_offer_queue_names_and_directories_and_help_sets_global_options_apart() {
    let bash = std::fs::read_to_string(repo().join("completions/postq.bash")).unwrap();
    assert!(bash.contains(r#"compgen -W "maildrop incoming active deferred hold""#));
    let config_dir = bash.split("--config-dir)").nth(1).unwrap();
    assert!(
        config_dir.split(";;").next().unwrap().contains("plusdirs"),
        "-c completes directories"
    );
    let output = postq().args(["delete", "--help"]).output().unwrap();
    let help = stdout_of(&output);
    let global = help
        .split("Global options:")
        .nth(1)
        .unwrap_or_else(|| panic!("{help}"));
    assert!(global.contains("--config-dir"), "{help}");
    let own = help.split("Global options:").next().unwrap();
    assert!(!own.contains("--config-dir"), "{help}");
}

#[test]
fn input_is_offered_only_where_it_applies() {
    for command in [
        "delete", "hold", "release", "requeue", "purge", "show", "flush", "recover",
    ] {
        let help = stdout_of(&postq().args([command, "--help"]).output().unwrap());
        assert!(!help.contains("--input"), "{command}: {help}");
    }
    for command in ["list", "summary"] {
        let help = stdout_of(&postq().args([command, "--help"]).output().unwrap());
        assert!(help.contains("--input"), "{command}");
    }
    // Before or after the command, once.
    let output = postq()
        .args(["--input", "-", "list", "--input", "-"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("--input is given both before and after the command"));
}
