//! `postq check` on real Postfix: the state and its exit status, the flood rule naming the
//! account and a command that really previews the spam, thresholds, and UNKNOWN (never a
//! hang, never another exit status) when postqueue stalls or an argument is wrong.

use std::path::Path;
use std::process::Command as StdCommand;
use std::time::{Duration, Instant};

use crate::support::*;

/// What check printed (one line) and its exit status.
fn check(sandbox: &Sandbox, args: &[&str]) -> (String, Option<i32>) {
    let output = sandbox.postq().arg("check").args(args).output().unwrap();
    let text = stdout_of(&output);
    assert_eq!(text.lines().count(), 1, "one line: {text}");
    (text.trim_end().to_string(), output.status.code())
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn check_reports_the_state_the_flood_and_perfdata() {
    let sandbox = Sandbox::shared_incident();
    let queued = sandbox.postqueue_json().len();
    let spam = sandbox
        .postqueue_json()
        .iter()
        .filter(|entry| entry["sender"] == COMPROMISED)
        .count();

    // The defaults: past 200 messages is WARNING, and the flood names the account.
    let (line, code) = check(sandbox, &[]);
    assert_eq!(code, Some(1), "{line}");
    assert!(line.starts_with("POSTQ WARNING - "), "{line}");
    assert!(
        line.contains(&format!(
            "flood: the account {COMPROMISED} holds {spam} of {queued}"
        )),
        "{line}"
    );
    let perfdata = line.split_once(" | ").unwrap().1;
    assert!(
        perfdata.starts_with(&format!("messages={queued};200;2000;0 bytes=")),
        "{perfdata}"
    );
    let deferred = sandbox
        .postqueue_json()
        .iter()
        .filter(|entry| entry["queue_name"] == "deferred")
        .count();
    assert!(
        perfdata.contains(&format!(" deferred={deferred};;;0")),
        "{perfdata}"
    );

    // The command it gives previews removing exactly the account's mail, changing nothing.
    let before = snapshot(sandbox);
    let command = line
        .split_once("preview its removal: ")
        .unwrap()
        .1
        .split_once(" | ")
        .unwrap()
        .0;
    let binary = Path::new(env!("CARGO_BIN_EXE_postq")).parent().unwrap();
    let path = format!("{}:{}", binary.display(), std::env::var("PATH").unwrap());
    let preview = StdCommand::new("sh")
        .args(["-c", command])
        .env("PATH", path)
        .env("POSTQ_STATE_DIR", sandbox.state_dir())
        .output()
        .unwrap();
    assert_eq!(preview.status.code(), Some(0), "{}", stderr_of(&preview));
    assert!(
        stdout_of(&preview).starts_with(&format!("Would delete {spam} messages")),
        "{}",
        stdout_of(&preview)
    );
    assert_eq!(snapshot(sandbox), before);

    // CRITICAL past its threshold; OK when nothing is crossed (and no flood is named).
    let (line, code) = check(sandbox, &["--crit-messages", &(queued - 1).to_string()]);
    assert_eq!(code, Some(2), "{line}");
    assert!(line.starts_with("POSTQ CRITICAL - "), "{line}");
    let (line, code) = check(sandbox, &["--crit-messages", &queued.to_string()]);
    assert_eq!(code, Some(1), "at the threshold is not past it: {line}");
    let (line, code) = check(sandbox, &CALM);
    assert_eq!(code, Some(0), "{line}");
    assert!(
        line.starts_with(&format!("POSTQ OK - {queued} messages")),
        "{line}"
    );
    assert!(!line.contains("flood"), "{line}");

    // The flood rule alone raises WARNING: the account holds more than half and 100.
    let (line, code) = check(
        sandbox,
        &["--warn-messages", "100000", "--crit-messages", "200000"],
    );
    assert_eq!(code, Some(1), "{line}");
    assert!(line.contains("flood: the account"), "{line}");
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn check_is_unknown_when_it_cannot_tell() {
    let sandbox = Sandbox::shared_incident();

    // A bad threshold: UNKNOWN naming it, exit 3 (not the usage error's 2, which is CRITICAL).
    let (line, code) = check(sandbox, &["--warn-messages", "lots"]);
    assert_eq!(code, Some(3), "{line}");
    assert!(
        line.starts_with("POSTQ UNKNOWN - invalid range 'lots' for --warn-messages; "),
        "{line}"
    );

    let (line, code) = check(sandbox, &["--warn-age", "soon"]);
    assert_eq!(code, Some(3), "{line}");
    assert!(
        line.starts_with("POSTQ UNKNOWN - invalid value 'soon' for '--warn-age"),
        "{line}"
    );

    // postqueue stalls: stopped after the default 10 s, UNKNOWN with the reason.
    let fakes = FakePrograms::new();
    fakes.add("postqueue", "exec sleep 120");
    let started = Instant::now();
    let output = sandbox
        .postq()
        .env("PATH", fakes.path_var())
        .arg("check")
        .output()
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(output.status.code(), Some(3), "{}", stdout_of(&output));
    let line = stdout_of(&output);
    assert!(line.starts_with("POSTQ UNKNOWN - "), "{line}");
    assert!(line.contains("said nothing for 10s"), "{line}");

    // postqueue fails: UNKNOWN with what it said.
    let fakes = FakePrograms::new();
    fakes.add(
        "postqueue",
        "echo 'postqueue: fatal: Queue report unavailable' >&2; exit 69",
    );
    let output = sandbox
        .postq()
        .env("PATH", fakes.path_var())
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3), "{}", stdout_of(&output));
    assert!(
        stdout_of(&output).contains("Queue report unavailable"),
        "{}",
        stdout_of(&output)
    );
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn check_is_unknown_when_postfix_is_stopped() {
    let sandbox = Sandbox::new();
    sandbox.fill(3, "steady@example.org");
    let (line, code) = check(&sandbox, &[]);
    assert_eq!(code, Some(0), "{line}");
    assert!(line.starts_with("POSTQ OK - 3 messages"), "{line}");

    // As root, postqueue still reads the stopped instance's queue files: UNKNOWN, saying
    // why, with what the files hold as performance data.
    sandbox.stop();
    let (line, code) = check(&sandbox, &[]);
    assert_eq!(code, Some(3), "{line}");
    assert!(
        line.starts_with("POSTQ UNKNOWN - Postfix is not running"),
        "{line}"
    );
    assert!(line.contains(" | messages=3;200;2000;0 "), "{line}");
}
