//! A moving queue on real Postfix: a listing that misses mail, another admin acting during
//! a delete, postq killed at each step and `postq recover`, stalled Postfix programs, and
//! signals. Where a step must be caught in the act, a wrapper around the real program
//! (first in postq's PATH) does it at that step: the queue itself is always Postfix's.

use std::process::{Command as StdCommand, Output, Stdio};
use std::time::{Duration, Instant};

use crate::support::*;

const REAL_POSTSUPER: &str = "/usr/sbin/postsuper";
const REAL_POSTQUEUE: &str = "/usr/sbin/postqueue";

/// postq -c DIR with the wrappers first in PATH.
fn postq_with(sandbox: &Sandbox, fakes: &FakePrograms) -> assert_cmd::Command {
    let mut command = sandbox.postq();
    command.env("PATH", fakes.path_var());
    command
}

/// The spam of the incident that is still queued.
fn spam_left(sandbox: &Sandbox) -> usize {
    snapshot(sandbox)
        .values()
        .filter(|(_, sender)| sender == COMPROMISED)
        .count()
}

/// `postq recover --yes`, without wrappers.
fn recover(sandbox: &Sandbox) -> Output {
    sandbox.postq().args(["recover", "--yes"]).output().unwrap()
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn mail_the_listing_missed_is_reported_and_repeat_deletes_it() {
    let sandbox = incident(30);
    let fakes = FakePrograms::new();
    // showq walks the queue while qmgr moves mail: the first listing misses 5 spam messages.
    let count = first_listing_through(
        &fakes,
        "awk '/compromised@/ && missed < 5 { missed++; next } { print }'",
    );
    let output = postq_with(&sandbox, &fakes)
        .args(["delete", "-f", COMPROMISED, "--yes"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(
        stdout_of(&output),
        "Deleted 25 of 25 selected messages.\n\
         5 messages matching the selection are still queued (arrived, or in motion while the \
         queue was listed): run the same command again, or add --repeat N.\n"
    );
    assert_eq!(spam_left(&sandbox), 5);

    let sandbox = incident(30);
    std::fs::remove_file(&count).unwrap();
    let output = postq_with(&sandbox, &fakes)
        .args(["delete", "-f", COMPROMISED, "--yes", "--repeat", "2"])
        .output()
        .unwrap();
    assert_eq!(
        stdout_of(&output),
        "Round 1: Deleted 25 of 25 selected messages.\n\
         Round 2: Deleted 5 of 5 selected messages.\n"
    );
    assert_eq!(spam_left(&sandbox), 0);
    assert_eq!(sandbox.postqueue_json().len(), INCIDENT_OTHERS);
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn a_flush_just_before_a_delete_leaves_no_spam_with_repeat() {
    let sandbox = incident(60);
    let others: Vec<(String, (String, String))> = snapshot(&sandbox)
        .into_iter()
        .filter(|(_, (_, sender))| sender != COMPROMISED)
        .collect();
    let flush = StdCommand::new(REAL_POSTQUEUE)
        .arg("-c")
        .arg(sandbox.config_dir())
        .arg("-f")
        .status()
        .unwrap();
    assert!(flush.success());
    let output = sandbox
        .postq()
        .args(["delete", "-f", COMPROMISED, "--yes", "--repeat", "10"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    wait_until(&sandbox, "the queue to settle", |entries| {
        entries
            .iter()
            .all(|e| e["queue_name"] == "deferred" || e["queue_name"] == "hold")
    });
    assert_eq!(spam_left(&sandbox), 0, "{}", stdout_of(&output));
    // Nothing else went, and what was held stays held.
    let after = snapshot(&sandbox);
    for (id, (queue, sender)) in others {
        let (now_queue, now_sender) = after.get(&id).unwrap_or_else(|| panic!("{id} went"));
        assert_eq!(now_sender, &sender);
        assert_eq!(queue == "hold", now_queue == "hold", "{id}");
    }
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn another_admin_releasing_during_a_delete_gets_a_truthful_report() {
    let sandbox = incident(30);
    let fakes = FakePrograms::new();
    // Right after postq's hold, another admin runs `postsuper -H ALL`.
    fakes.add(
        "postsuper",
        &format!(
            r#"{REAL_POSTSUPER} "$@"; status=$?
case " $* " in *" -h "*) {REAL_POSTSUPER} -c "$2" -H ALL 2>/dev/null ;; esac
exit $status"#
        ),
    );
    let output = postq_with(&sandbox, &fakes)
        .args(["delete", "-f", COMPROMISED, "--yes"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let report = stdout_of(&output);
    assert!(
        report.starts_with(
            "Deleted 0 of 30 selected messages.\n30 messages were moved by someone else \
             meanwhile (still queued, not where postq expected them): left alone.\n"
        ),
        "{report}"
    );
    assert!(
        !report.contains("postsuper -H") && !stderr_of(&output).contains("postsuper -H"),
        "no advice to release what is not on hold: {report}"
    );
    assert_eq!(spam_left(&sandbox), 30);
}

/// A postqueue whose first listing goes through the shell `filter`; returns the file that
/// counts the listings.
fn first_listing_through(fakes: &FakePrograms, filter: &str) -> std::path::PathBuf {
    let count = fakes.file("calls");
    fakes.add(
        "postqueue",
        &format!(
            r#"n=$(cat {count} 2>/dev/null || echo 0); n=$((n+1)); echo $n > {count}
if [ $n -eq 1 ]; then
  {REAL_POSTQUEUE} "$@" | {filter}
else
  exec {REAL_POSTQUEUE} "$@"
fi"#,
            count = count.display()
        ),
    );
    count
}

/// A wrapper that kills postq (its parent) at one step of a delete.
fn killer(step: &str, fakes: &FakePrograms) {
    match step {
        // After postsuper put the spam on hold.
        "hold" => fakes.add(
            "postsuper",
            &format!(
                r#"{REAL_POSTSUPER} "$@"; status=$?
case " $* " in *" -h "*) kill -9 $PPID ;; esac
exit $status"#
            ),
        ),
        // While reading the queue again (the second listing).
        "re-read" => {
            let count = fakes.file("calls");
            fakes.add(
                "postqueue",
                &format!(
                    r#"n=$(cat {count} 2>/dev/null || echo 0); n=$((n+1)); echo $n > {count}
[ $n -eq 2 ] && kill -9 $PPID
exec {REAL_POSTQUEUE} "$@""#,
                    count = count.display()
                ),
            )
        }
        // As the delete from hold starts.
        "delete" => fakes.add(
            "postsuper",
            &format!(
                r#"case " $* " in *" -d "*) kill -9 $PPID; exit 1 ;; esac
exec {REAL_POSTSUPER} "$@""#
            ),
        ),
        // As it releases what it held under IDs that changed hands: the first listing
        // shows alice's mail as the compromised account's.
        "release" => {
            first_listing_through(
                fakes,
                &format!(
                    r#"sed 's/"sender": "alice@customer.example"/"sender": "{COMPROMISED}"/'"#
                ),
            );
            fakes.add(
                "postsuper",
                &format!(
                    r#"case " $* " in *" -H "*) kill -9 $PPID; exit 1 ;; esac
exec {REAL_POSTSUPER} "$@""#
                ),
            )
        }
        other => panic!("no step {other}"),
    };
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn killed_at_any_step_of_a_delete_recover_leaves_nothing_stranded() {
    for step in ["hold", "re-read", "delete", "release"] {
        let sandbox = incident(20);
        let before = snapshot(&sandbox);
        let fakes = FakePrograms::new();
        killer(step, &fakes);
        let output = postq_with(&sandbox, &fakes)
            .args(["delete", "-f", COMPROMISED, "--yes"])
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            None,
            "{step}: killed, {}",
            stderr_of(&output)
        );
        // Every later command says so.
        let listed = sandbox.postq().args(["list", "--count"]).output().unwrap();
        assert!(
            stderr_of(&listed).contains("an interrupted delete"),
            "{step}: {}",
            stderr_of(&listed)
        );
        let recovered = recover(&sandbox);
        assert_eq!(
            recovered.status.code(),
            Some(0),
            "{step}: {}",
            stderr_of(&recovered)
        );
        // Nothing is left on hold that was not on hold before, and nothing but spam went.
        let after = snapshot(&sandbox);
        for (id, (queue, sender)) in &after {
            let (queue_before, _) = &before[id];
            assert_eq!(
                queue == "hold",
                queue_before == "hold",
                "{step}: {id} of {sender}: {}",
                stdout_of(&recovered)
            );
        }
        let gone: Vec<&String> = before
            .keys()
            .filter(|id| !after.contains_key(*id))
            .collect();
        assert!(
            gone.iter().all(|id| before[*id].1 == COMPROMISED),
            "{step}: only spam went"
        );
        // And the journal is gone: nothing more to recover.
        let again = recover(&sandbox);
        assert_eq!(
            stdout_of(&again),
            "No interrupted action on this Postfix instance.\n",
            "{step}"
        );
    }
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn stalled_programs_are_stopped_by_the_timeout() {
    let sandbox = incident(10);
    let before = snapshot(&sandbox);
    let fakes = FakePrograms::new();
    fakes.add("postqueue", "exec sleep 120");
    let started = Instant::now();
    let output = postq_with(&sandbox, &fakes)
        .args(["--timeout", "1s", "list", "--count"])
        .output()
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr_of(&output).contains("said nothing for 1s and was stopped"),
        "{}",
        stderr_of(&output)
    );

    // A delete whose postsuper stalls as it deletes: stopped, reported, what it held released.
    let fakes = FakePrograms::new();
    fakes.add(
        "postsuper",
        &format!(
            r#"case " $* " in *" -d "*) exec sleep 120 ;; esac
exec {REAL_POSTSUPER} "$@""#
        ),
    );
    let output = postq_with(&sandbox, &fakes)
        .args(["--timeout", "2s", "delete", "-f", COMPROMISED, "--yes"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    assert_eq!(
        stdout_of(&output),
        "Deleted 0 of 10 selected messages, then stopped on the error below.\n"
    );
    assert!(stderr_of(&output).contains("said nothing for 2s"));
    assert_eq!(snapshot(&sandbox), before);
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn a_second_signal_stops_at_once_and_names_recover() {
    let sandbox = incident(10);
    let before = snapshot(&sandbox);
    let fakes = FakePrograms::new();
    let holding = fakes.file("holding");
    fakes.add(
        "postsuper",
        &format!(
            r#"case " $* " in *" -h "*) touch {holding}; exec sleep 120 ;; esac
exec {REAL_POSTSUPER} "$@""#,
            holding = holding.display()
        ),
    );
    let stderr_file = fakes.file("stderr");
    let child = StdCommand::new(assert_cmd::cargo::cargo_bin("postq"))
        .env("PATH", fakes.path_var())
        .env("POSTQ_STATE_DIR", sandbox.state_dir())
        .arg("-c")
        .arg(sandbox.config_dir())
        .args(["delete", "-f", COMPROMISED, "--yes"])
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(&stderr_file).unwrap())
        .spawn()
        .unwrap();
    wait_for(|| holding.exists(), "postsuper to start holding");
    let pid = child.id().to_string();
    let term = || {
        StdCommand::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
    };
    assert!(term().success());
    wait_for(
        || {
            std::fs::read_to_string(&stderr_file)
                .is_ok_and(|text| text.contains("finishing the step under way"))
        },
        "postq to hear the first signal",
    );
    let started = Instant::now();
    assert!(term().success());
    let output = child.wait_with_output().unwrap();
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(output.status.code(), Some(130));
    let stderr = std::fs::read_to_string(&stderr_file).unwrap();
    assert!(
        stderr.contains("stopped now") && stderr.contains("recover"),
        "{stderr}"
    );
    let recovered = recover(&sandbox);
    assert_eq!(
        recovered.status.code(),
        Some(0),
        "{}",
        stderr_of(&recovered)
    );
    assert_eq!(snapshot(&sandbox), before);
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn delete_no_verify_deletes_by_id_and_says_what_it_skips() {
    let sandbox = incident(15);
    let output = sandbox
        .postq()
        .args(["delete", "-f", COMPROMISED, "--no-verify", "--yes"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(stdout_of(&output), "Deleted 15 of 15 selected messages.\n");
    assert!(stderr_of(&output).contains("--no-verify: deleting by queue ID without reading"));
    assert_eq!(spam_left(&sandbox), 0);
    assert_eq!(sandbox.postqueue_json().len(), INCIDENT_OTHERS);
    let log = std::fs::read_to_string(sandbox.dir.join("log/maillog")).unwrap();
    assert!(!log.contains("placed on hold"), "no hold step");
}

/// Polls `done` until it holds (a minute at most).
fn wait_for(done: impl Fn() -> bool, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}
