//! `postq watch` on real Postfix: in a pseudo-terminal it draws, refreshes, shows the
//! change when mail arrives, and quits on q (or stops on TERM) leaving the terminal's modes
//! as they were; piped, it prints one line per reading.

use std::io::{BufRead, BufReader};
use std::process::{Command as StdCommand, Stdio};

use rexpect::process::WaitStatus;
use rexpect::session::{PtySession, spawn_command};

use crate::support::*;

/// `sh -c SCRIPT` in a pseudo-terminal, with $POSTQ naming `postq -c DIR`.
fn in_terminal(sandbox: &Sandbox, script: &str) -> PtySession {
    let postq = format!(
        "{} -c {}",
        assert_cmd::cargo::cargo_bin("postq").display(),
        sandbox.config_dir().display()
    );
    let mut command = StdCommand::new("sh");
    command
        .args(["-c", script])
        .env("POSTQ", postq)
        .env("POSTQ_STATE_DIR", sandbox.state_dir())
        .env("TERM", "xterm")
        .env_remove("NO_COLOR");
    spawn_command(command, Some(30_000)).unwrap()
}

/// The terminal's modes as `stty -g` printed them, between `before=`/`after=` and the
/// line's end.
fn modes(output: &str, tag: &str) -> String {
    let start = output
        .find(tag)
        .unwrap_or_else(|| panic!("{tag} in {output:?}"))
        + tag.len();
    output[start..]
        .split(['\r', '\n'])
        .next()
        .unwrap()
        .to_string()
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn watch_in_a_terminal_shows_the_change_and_quits_on_q_restoring_the_terminal() {
    let sandbox = Sandbox::new();
    sandbox.fill(3, "steady@example.org");
    let mut session = in_terminal(
        &sandbox,
        r#"echo "before=$(stty -g)"; $POSTQ watch --interval 1s; echo "status=$?"; echo "after=$(stty -g)""#,
    );
    session.exp_string("before=").unwrap();
    let (_, before) = session.exp_regex(r"[0-9a-f:]+").unwrap();
    session.exp_regex(r"deferred\s+3\s").unwrap();
    // It refreshes: a later reading shows the change column with a number, not "-".
    session.exp_regex(r"deferred\s+3\s+0\s").unwrap();

    sandbox.fill(5, "flood@spam.example");
    // The first reading with all 8 shows growth since the one before it.
    let (_, matched) = session.exp_regex(r"deferred\s+8\s+\+[1-5]\s").unwrap();
    assert!(matched.contains('+'));
    session.exp_string("growing fastest").unwrap();

    session.send("q").unwrap();
    session.flush().unwrap();
    let rest = session.exp_eof().unwrap();
    assert!(rest.contains("status=0"), "{rest:?}");
    // The alternate screen was left and the cursor shown again...
    assert!(rest.contains("\x1b[?1049l"), "{rest:?}");
    assert!(rest.contains("\x1b[?25h"), "{rest:?}");
    // ...and the terminal's modes (raw mode off) are exactly as before.
    assert_eq!(modes(&rest, "after="), before);
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn watch_stopped_by_a_signal_restores_the_terminal_too() {
    let sandbox = Sandbox::new();
    sandbox.fill(2, "steady@example.org");
    // postq in the background of a shell without job control: in the foreground group,
    // reading the terminal (given explicitly: a background job's stdin is /dev/null).
    let mut session = in_terminal(
        &sandbox,
        r#"echo "before=$(stty -g)"; $POSTQ watch --interval 1s </dev/tty & echo "pid=$!;"; wait $!; echo "status=$?"; echo "after=$(stty -g)""#,
    );
    let (mut output, tag) = session.exp_regex(r"pid=\d+;").unwrap();
    let pid = tag
        .trim_start_matches("pid=")
        .trim_end_matches(';')
        .to_string();
    session.exp_regex(r"deferred\s+2\s").unwrap();
    let status = StdCommand::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    assert!(status.success());
    output += &session.exp_eof().unwrap();
    assert!(output.contains("status=130"), "{output:?}");
    assert_eq!(modes(&output, "before="), modes(&output, "after="));
    match session.process().wait().unwrap() {
        WaitStatus::Exited(_, 0) => {}
        other => panic!("the shell: {other:?}"),
    }
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn watch_piped_prints_a_line_per_reading() {
    let sandbox = Sandbox::new();
    sandbox.fill(2, "steady@example.org");
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("postq"))
        .arg("-c")
        .arg(sandbox.config_dir())
        .args(["watch", "--interval", "1s"])
        .env("POSTQ_STATE_DIR", sandbox.state_dir())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    assert!(first.contains(" total=2 "), "{first}");
    assert!(first.contains(" deferred=2 "), "{first}");
    let second = lines.next().unwrap().unwrap();
    assert!(second.contains(" total=2(0) "), "{second}");
    assert!(second.contains(" in/min=0 out/min=0"), "{second}");

    sandbox.fill(4, "flood@spam.example");
    let grown = lines
        .map(Result::unwrap)
        .find(|line| line.contains(" total=6("))
        .unwrap();
    assert!(grown.contains(" deferred=6(+"), "{grown}");
    assert!(grown.contains(" growing_"), "{grown}");
    child.kill().unwrap();
    child.wait().unwrap();
}
