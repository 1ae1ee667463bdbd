//! Actions on real, throwaway Postfix instances with the simulated incident: what changes,
//! what does not, and that every report matches what postsuper did.

use std::collections::BTreeMap;

use crate::support::*;

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn dry_run_and_refusals_change_nothing() {
    let sandbox = incident(40);
    let before = snapshot(&sandbox);

    let output = sandbox
        .postq()
        .args(["delete", "-f", COMPROMISED, "--dry-run"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let preview = stdout_of(&output);
    assert!(
        preview.starts_with("Would delete 40 messages ("),
        "{preview}"
    );
    assert!(
        preview.contains("  40  ") && preview.contains(COMPROMISED),
        "{preview}"
    );
    assert!(preview.ends_with("Dry run: nothing was changed.\n"));

    // No terminal and no --yes: exit 3.
    let output = sandbox
        .postq()
        .args(["delete", "-f", COMPROMISED])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
    assert!(stderr_of(&output).contains("--yes"));

    // No selector and no --all: exit 2.
    let output = sandbox.postq().args(["delete", "--yes"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));

    // A saved listing is no basis for a change.
    let output = sandbox
        .postq()
        .args(["--input", "/dev/null", "delete", "-f", COMPROMISED, "--yes"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));

    assert_eq!(snapshot(&sandbox), before);
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn delete_of_the_compromised_account_removes_exactly_its_messages() {
    let sandbox = incident(120);
    let before = snapshot(&sandbox);
    let spam: Vec<&String> = before
        .iter()
        .filter(|(_, (_, sender))| sender == COMPROMISED)
        .map(|(id, _)| id)
        .collect();
    assert_eq!(spam.len(), 120);

    let output = sandbox
        .postq()
        .args(["delete", "--from", COMPROMISED, "--yes"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(
        stdout_of(&output),
        "Deleted 120 of 120 selected messages.\n"
    );
    assert_eq!(stderr_of(&output), "");

    let after = snapshot(&sandbox);
    let expected: BTreeMap<String, (String, String)> = before
        .into_iter()
        .filter(|(_, (_, sender))| sender != COMPROMISED)
        .collect();
    // Everything else is where it was: the messages on hold are still on hold.
    assert_eq!(after, expected);
    assert_eq!(
        after.values().filter(|(queue, _)| queue == "hold").count(),
        3
    );
    // postsuper logged exactly those removals.
    let log = std::fs::read_to_string(sandbox.dir.join("log/maillog")).unwrap();
    let removed = log.lines().filter(|l| l.ends_with(": removed")).count();
    assert_eq!(removed, 120);
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn selected_messages_on_hold_are_deleted_and_unselected_ones_stay_held() {
    let sandbox = incident(10);
    // Two spam messages were on hold before the delete.
    let spam: Vec<String> = snapshot(&sandbox)
        .into_iter()
        .filter(|(_, (_, sender))| sender == COMPROMISED)
        .map(|(id, _)| id)
        .take(2)
        .collect();
    sandbox.postsuper(&["-h", "-"], &spam);
    let output = sandbox
        .postq()
        .args(["delete", "-f", COMPROMISED, "--yes"])
        .output()
        .unwrap();
    assert_eq!(stdout_of(&output), "Deleted 10 of 10 selected messages.\n");
    let after = snapshot(&sandbox);
    assert!(after.values().all(|(_, sender)| sender != COMPROMISED));
    let held: Vec<&String> = after
        .values()
        .filter(|(queue, _)| queue == "hold")
        .map(|(_, sender)| sender)
        .collect();
    assert_eq!(held, ["audit@partner.example"; 3]);
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn hold_release_and_requeue_round_trip() {
    let sandbox = incident(20);
    let output = sandbox
        .postq()
        .args(["hold", "-f", COMPROMISED, "--yes"])
        .output()
        .unwrap();
    assert_eq!(
        stdout_of(&output),
        "Put 20 of 20 selected messages on hold.\n"
    );
    let held = snapshot(&sandbox);
    assert!(
        held.values()
            .filter(|(_, sender)| sender == COMPROMISED)
            .all(|(queue, _)| queue == "hold")
    );

    // Holding again: nothing to do, and it says why.
    let output = sandbox
        .postq()
        .args(["hold", "-f", COMPROMISED, "--yes"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stdout_of(&output).starts_with("No message to hold."),
        "{}",
        stdout_of(&output)
    );

    let output = sandbox
        .postq()
        .args(["release", "-f", COMPROMISED, "--yes"])
        .output()
        .unwrap();
    assert_eq!(
        stdout_of(&output),
        "Released 20 of 20 selected messages from hold.\n"
    );
    let released = snapshot(&sandbox);
    assert!(
        released
            .values()
            .filter(|(_, sender)| sender == COMPROMISED)
            .all(|(queue, _)| queue == "deferred")
    );
    // The audit messages were on hold and not selected: still on hold.
    assert_eq!(
        released
            .values()
            .filter(|(queue, _)| queue == "hold")
            .count(),
        3
    );

    let ids_before: Vec<String> = released
        .iter()
        .filter(|(_, (_, sender))| sender == COMPROMISED)
        .map(|(id, _)| id.clone())
        .collect();
    let output = sandbox
        .postq()
        .args(["requeue", "-f", COMPROMISED, "--yes"])
        .output()
        .unwrap();
    let report = stdout_of(&output);
    assert!(
        report.starts_with("Requeued 20 of 20 selected messages.\n"),
        "{report}"
    );
    assert!(report.contains("new queue IDs"), "{report}");
    sandbox.run(&["settle"]);
    let requeued = snapshot(&sandbox);
    let spam_ids: Vec<&String> = requeued
        .iter()
        .filter(|(_, (_, sender))| sender == COMPROMISED)
        .map(|(id, _)| id)
        .collect();
    assert_eq!(spam_ids.len(), 20);
    assert!(spam_ids.iter().all(|id| !ids_before.contains(id)));
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn purge_of_one_queue_and_of_all() {
    let sandbox = incident(15);
    let output = sandbox
        .postq()
        .args(["purge", "hold", "--yes"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(stdout_of(&output), "Deleted 3 messages from hold.\n");
    let after = snapshot(&sandbox);
    assert_eq!(after.len(), 15 + INCIDENT_OTHERS - 3);
    assert!(after.values().all(|(queue, _)| queue == "deferred"));

    let output = sandbox
        .postq()
        .args(["purge", "--dry-run"])
        .output()
        .unwrap();
    let preview = stdout_of(&output);
    assert!(
        preview.starts_with(&format!(
            "Would delete every message in hold, incoming, active, deferred: {} messages",
            15 + INCIDENT_OTHERS - 3
        )),
        "{preview}"
    );
    assert_eq!(snapshot(&sandbox).len(), 15 + INCIDENT_OTHERS - 3);

    let output = sandbox.postq().arg("purge").output().unwrap();
    assert_eq!(output.status.code(), Some(3));
    let output = sandbox.postq().args(["purge", "--yes"]).output().unwrap();
    assert_eq!(
        stdout_of(&output),
        format!(
            "Deleted {} messages from hold, incoming, active, deferred.\n",
            15 + INCIDENT_OTHERS - 3
        )
    );
    assert!(sandbox.postqueue_json().is_empty());
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn maildrop_messages_are_reported_and_left_alone() {
    let sandbox = incident(5);
    sandbox.stop();
    // With Postfix stopped, sendmail leaves the message in maildrop.
    let mut sendmail = std::process::Command::new("sendmail")
        .arg("-C")
        .arg(sandbox.config_dir())
        .args(["-f", COMPROMISED, "late@example.org"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = sendmail.stdin.take().unwrap();
        stdin
            .write_all(b"Subject: late\n\nstill in maildrop\n")
            .unwrap();
    }
    assert!(sendmail.wait().unwrap().success());
    let before = snapshot(&sandbox);
    assert_eq!(
        before
            .values()
            .filter(|(queue, _)| queue == "maildrop")
            .count(),
        1
    );
    let output = sandbox
        .postq()
        .args(["delete", "-f", COMPROMISED, "--dry-run"])
        .output()
        .unwrap();
    let preview = stdout_of(&output);
    assert!(preview.starts_with("Would delete 5 messages"), "{preview}");
    assert!(
        preview.contains("Left alone: 1 message in maildrop"),
        "{preview}"
    );
    let output = sandbox
        .postq()
        .args(["delete", "-f", COMPROMISED, "--yes"])
        .output()
        .unwrap();
    assert_eq!(stdout_of(&output), "Deleted 5 of 5 selected messages.\n");
    let after = snapshot(&sandbox);
    let left: Vec<&(String, String)> = after.values().filter(|(_, s)| s == COMPROMISED).collect();
    assert_eq!(left, [&("maildrop".to_string(), COMPROMISED.to_string())]);
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn a_queue_id_that_names_another_message_by_delete_time_survives() {
    let sandbox = incident(30);
    let before = snapshot(&sandbox);
    let victim = before
        .iter()
        .find(|(_, (_, sender))| sender == "alice@customer.example")
        .map(|(id, _)| id.clone())
        .unwrap();
    // The real programs, except that the first listing is doctored: the victim (another
    // sender's message) is shown as the compromised account's, as if its queue ID had
    // belonged to a spam message when the plan was made, and one spam message that does
    // not exist is added.
    let postfix = postq::testing::FakePostfix::around_programs(sandbox.config_dir());
    let shown_victim = victim.clone();
    postfix.doctor_listing(1, move |entries, text| {
        for entry in entries.iter_mut() {
            if entry["queue_id"] == shown_victim.as_str() {
                entry["sender"] = COMPROMISED.into();
                entry["arrival_time"] = (entry["arrival_time"].as_i64().unwrap() - 60).into();
            }
        }
        text.push_str(&format!(
            r#"{{"queue_name": "deferred", "queue_id": "FFFFF00000F", "arrival_time": 1795700000, "message_size": 900, "forced_expire": false, "sender": "{COMPROMISED}", "recipients": [{{"address": "x@example.org"}}]}}"#
        ));
        text.push('\n');
    });
    let mut out = Vec::new();
    let mut err = Vec::new();
    let status = postq::run_with(
        &[
            "-c",
            &sandbox.config_arg(),
            "delete",
            "-f",
            COMPROMISED,
            "--yes",
        ],
        &postfix,
        &mut out,
        &mut err,
    );
    assert_eq!(status, 0, "{}", String::from_utf8_lossy(&err));
    // 30 spam, the victim and the phantom were planned; postsuper deleted the 30.
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "Deleted 30 of 32 selected messages; 1 had already left the queue.\n\
         1 queue ID now named a different message than the one previewed (Postfix reuses \
         short queue IDs): it was left in the queue.\n"
    );
    let after = snapshot(&sandbox);
    // The victim is still there, released from hold back to deferred, and nothing else of
    // the normal traffic was touched.
    assert_eq!(
        after.get(&victim),
        Some(&("deferred".to_string(), "alice@customer.example".to_string()))
    );
    let expected: BTreeMap<String, (String, String)> = before
        .into_iter()
        .filter(|(_, (_, sender))| sender != COMPROMISED)
        .collect();
    assert_eq!(after, expected);
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn long_queue_ids_are_deleted_directly() {
    let sandbox = Sandbox::with_long_queue_ids();
    sandbox.fill(25, COMPROMISED);
    sandbox.fill(5, "friend@example.net");
    let output = sandbox
        .postq()
        .args(["delete", "-f", COMPROMISED, "--yes"])
        .output()
        .unwrap();
    assert_eq!(stdout_of(&output), "Deleted 25 of 25 selected messages.\n");
    // No hold on the way: the log has no "placed on hold".
    let log = std::fs::read_to_string(sandbox.dir.join("log/maillog")).unwrap();
    assert!(!log.contains("placed on hold"));
    let after = snapshot(&sandbox);
    assert_eq!(after.len(), 5);
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn postsuper_failing_comes_through_with_exit_1() {
    let sandbox = incident(3);
    let before = snapshot(&sandbox);
    let fakes = FakePrograms::new();
    fakes.add(
        "postsuper",
        "cat >/dev/null\necho 'postsuper: fatal: use of this command is reserved for the superuser' >&2\nexit 1",
    );
    let output = sandbox
        .postq()
        .env("PATH", fakes.path_var())
        .args(["hold", "-f", COMPROMISED, "--yes"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("postq: error: postsuper -c "), "{stderr}");
    assert!(stderr.contains("-h - failed (exit status 1):"), "{stderr}");
    assert!(stderr.contains("reserved for the superuser"), "{stderr}");
    // These tests run as root: the hint says root was denied, not to become root.
    assert!(
        stderr.contains("hint: postsuper was denied as root"),
        "{stderr}"
    );
    assert_eq!(
        stdout_of(&output),
        "Put 0 of 3 selected messages on hold, then stopped on the error below.\n"
    );
    assert_eq!(snapshot(&sandbox), before);
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn a_terminated_delete_finishes_its_step_releases_what_it_held_and_exits_130() {
    let sandbox = incident(30);
    let before = snapshot(&sandbox);
    // A postsuper that, asked to hold, says it started and waits for the test's word: the
    // signal arrives while it works.
    let fakes = FakePrograms::new();
    let (holding, go) = (fakes.file("holding"), fakes.file("go"));
    fakes.add(
        "postsuper",
        &format!(
            r#"case " $* " in *" -h "*) touch {holding}; while [ ! -e {go} ]; do sleep 0.05; done ;; esac
exec /usr/sbin/postsuper "$@""#,
            holding = holding.display(),
            go = go.display()
        ),
    );
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("postq"))
        .env("PATH", fakes.path_var())
        .env("POSTQ_STATE_DIR", sandbox.state_dir())
        .arg("-c")
        .arg(sandbox.config_dir())
        .args(["delete", "-f", COMPROMISED, "--yes"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !holding.exists() {
        assert!(
            std::time::Instant::now() < deadline,
            "postsuper never started holding"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    std::fs::write(&go, "").unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(130), "{}", stderr_of(&output));
    assert_eq!(
        stdout_of(&output),
        "Deleted 0 of 30 selected messages, then stopped on the error below.\n"
    );
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("postq: interrupted: finishing the step under way"),
        "{stderr}"
    );
    assert!(
        stderr.contains("messages postq had put on hold were released"),
        "{stderr}"
    );
    // Nothing deleted, nothing left on hold that was not there before.
    assert_eq!(snapshot(&sandbox), before);
}
