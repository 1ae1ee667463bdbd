//! `postq list` against real, throwaway Postfix instances, compared with `postqueue -j`.

use std::time::Duration;

use crate::support::*;

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn json_holds_exactly_what_postqueue_shows_with_the_same_members() {
    let sandbox = Sandbox::shared_incident();
    let expected = by_id(sandbox.postqueue_json());
    assert_eq!(expected.len(), 300 + INCIDENT_OTHERS);
    let output = sandbox.postq().args(["list", "--json"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(stderr_of(&output), "");
    let listed = by_id(json_lines(&stdout_of(&output)));
    assert_eq!(listed, expected);
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn ids_count_and_table_agree_with_postqueue() {
    let sandbox = Sandbox::shared_incident();
    let expected = by_id(sandbox.postqueue_json());

    let output = sandbox.postq().args(["list", "--ids"]).output().unwrap();
    let mut ids: Vec<String> = stdout_of(&output).lines().map(String::from).collect();
    ids.sort();
    assert_eq!(ids, expected.keys().cloned().collect::<Vec<_>>());

    let output = sandbox.postq().args(["list", "--count"]).output().unwrap();
    assert_eq!(stdout_of(&output), format!("{}\n", expected.len()));

    let output = sandbox.postq().arg("list").output().unwrap();
    let table = stdout_of(&output);
    for (id, entry) in &expected {
        let line = table
            .lines()
            .find(|line| line.starts_with(id.as_str()))
            .unwrap_or_else(|| panic!("{id} not in the table"));
        assert!(
            line.contains(entry["queue_name"].as_str().unwrap()),
            "{line}"
        );
    }
    // The incident's shapes are all there: held mail, the null sender, a quoted local part.
    assert!(table.contains("hold") && table.contains("audit@partner.example"));
    assert!(table.contains("MAILER-DAEMON"));
    assert!(
        table.contains(r#""john \"the\" doe"@customer.example"#),
        "{table}"
    );
    assert!(table.contains("+3 more"));
    assert!(table.lines().last().unwrap().starts_with("331 messages, "));
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn a_saved_dump_gives_the_same_as_the_live_queue() {
    let sandbox = Sandbox::shared_incident();
    let live = sandbox.postq().args(["list", "--json"]).output().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("queue.jsonl");
    let saved = std::process::Command::new("postqueue")
        .arg("-c")
        .arg(sandbox.config_dir())
        .arg("-j")
        .output()
        .unwrap();
    std::fs::write(&dump, &saved.stdout).unwrap();
    let from_file = postq()
        .arg("--input")
        .arg(&dump)
        .args(["list", "--json"])
        .output()
        .unwrap();
    assert_eq!(
        by_id(json_lines(&stdout_of(&from_file))),
        by_id(json_lines(&stdout_of(&live)))
    );
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn long_queue_ids_are_listed() {
    let sandbox = Sandbox::with_long_queue_ids();
    sandbox.fill(5, "bulk@spam.example");
    let expected = by_id(sandbox.postqueue_json());
    assert_eq!(expected.len(), 5);
    let output = sandbox.postq().args(["list", "--ids"]).output().unwrap();
    let mut ids: Vec<String> = stdout_of(&output).lines().map(String::from).collect();
    ids.sort();
    assert_eq!(ids, expected.keys().cloned().collect::<Vec<_>>());
    assert!(
        ids.iter()
            .all(|id| id.len() > 12 && id.chars().any(|c| c.is_ascii_lowercase()))
    );
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn an_empty_instance_is_an_empty_queue_not_an_error() {
    let sandbox = Sandbox::new();
    let output = sandbox.postq().arg("list").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout_of(&output), "");
    assert_eq!(stderr_of(&output), "Mail queue is empty\n");
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn a_stopped_instance_is_read_directly_with_postqueues_warning_shown() {
    let sandbox = Sandbox::new();
    sandbox.fill(3, "someone@example.net");
    sandbox.stop();
    let output = sandbox.postq().args(["list", "--count"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout_of(&output), "3\n");
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains(&format!(
            "postq: warning: postqueue -c {} -j: ",
            sandbox.config_arg()
        )),
        "{stderr}"
    );
    assert!(stderr.contains("Mail system is down"), "{stderr}");
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn a_bad_config_directory_exits_1_with_postqueues_reason_and_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let output = postq()
        .arg("-c")
        .arg(dir.path())
        .args(["list"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout_of(&output), "");
    let stderr = stderr_of(&output);
    let config = dir.path().display().to_string();
    assert!(
        stderr.starts_with(&format!(
            "postq: error: postqueue -c {config} -j failed (exit status "
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("open {config}/main.cf: No such file or directory")),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: --config-dir must name a Postfix configuration directory"),
        "{stderr}"
    );
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn a_non_root_user_is_told_what_to_do() {
    let sandbox = Sandbox::shared_incident();
    // postq's binary must be reachable for the unprivileged user.
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(
        dir.path(),
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .unwrap();
    let binary = dir.path().join("postq");
    std::fs::copy(assert_cmd::cargo::cargo_bin("postq"), &binary).unwrap();
    let output = std::process::Command::new("setpriv")
        .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"])
        .arg(&binary)
        .arg("-c")
        .arg(sandbox.config_dir())
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("postqueue -c ") && stderr.contains("failed (exit status"),
        "{stderr}"
    );
    assert!(stderr.contains("hint: "), "{stderr}");
    assert!(stderr.contains("root"), "{stderr}");
}

// The wiring, with fake programs on PATH: how postqueue's failures reach the user.

#[test]
fn postqueue_failing_after_some_output_is_an_error_with_its_stderr() {
    let line = fixture_lines("incident.jsonl")[0].clone();
    let fakes = FakePrograms::new();
    fakes.add(
        "postqueue",
        &format!("echo '{line}'\necho 'postqueue: fatal: lost the queue' >&2\nexit 75"),
    );
    let output = postq()
        .env("PATH", fakes.path_var())
        .args(["list", "--ids"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("postq: error: postqueue -j failed (exit status 75):\n  postqueue: fatal: lost the queue"),
        "{stderr}"
    );
}

#[test]
fn an_old_postfix_without_j_gets_a_hint() {
    let fakes = FakePrograms::new();
    fakes.add(
        "postqueue",
        "echo \"postqueue: invalid option -- 'j'\" >&2\necho 'postqueue: fatal: usage: postqueue -f | postqueue -p' >&2\nexit 64",
    );
    let output = postq()
        .env("PATH", fakes.path_var())
        .args(["-c", "/etc/postfix", "list"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("postqueue -c /etc/postfix -j failed (exit status 64)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: ") && stderr.contains("Postfix 3.1 or later"),
        "{stderr}"
    );
}

#[test]
fn a_limit_stops_reading_early_and_stops_postqueue() {
    // A postqueue that writes one line and then would write for an hour: postq must not wait.
    let line = fixture_lines("incident.jsonl")[0].clone();
    let fakes = FakePrograms::new();
    let pid_file = fakes.file("pid");
    fakes.add(
        "postqueue",
        &format!(
            "echo $$ > {}\necho '{line}'\nexec sleep 3600",
            pid_file.display()
        ),
    );
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("postq"))
        .env("PATH", fakes.path_var())
        .args(["list", "--ids", "--limit", "1"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            panic!("postq kept waiting for postqueue after it had what --limit 1 asked for");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success());
    let output = child.wait_with_output().unwrap();
    assert_eq!(stdout_of(&output).lines().count(), 1);
    // And postqueue was stopped, not left behind.
    wait_gone(&std::fs::read_to_string(&pid_file).unwrap());
}

#[test]
fn a_signal_stops_a_stalled_listing_and_its_postqueue_at_once() {
    let fakes = FakePrograms::new();
    let pid_file = fakes.file("pid");
    fakes.add(
        "postqueue",
        &format!("echo $$ > {}\nexec sleep 3600", pid_file.display()),
    );
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("postq"))
        .env("PATH", fakes.path_var())
        .args(["list", "--count"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while std::fs::read_to_string(&pid_file).map_or(true, |pid| pid.trim().is_empty()) {
        assert!(
            std::time::Instant::now() < deadline,
            "postqueue never started"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let started = std::time::Instant::now();
    let term = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(term.success());
    let output = child.wait_with_output().unwrap();
    assert!(started.elapsed() < Duration::from_secs(20));
    assert_eq!(output.status.code(), Some(130));
    assert!(stderr_of(&output).contains("postq: interrupted"));
    wait_gone(&std::fs::read_to_string(&pid_file).unwrap());
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn from_the_compromised_account_is_exactly_its_messages() {
    let sandbox = Sandbox::shared_incident();
    let mut expected: Vec<String> = sandbox
        .postqueue_json()
        .into_iter()
        .filter(|e| e["sender"] == COMPROMISED)
        .map(|e| e["queue_id"].as_str().unwrap().to_string())
        .collect();
    expected.sort();
    assert_eq!(expected.len(), 300);
    let output = sandbox
        .postq()
        .args(["list", "--ids", "--from", COMPROMISED])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let mut ids: Vec<String> = stdout_of(&output).lines().map(String::from).collect();
    ids.sort();
    assert_eq!(ids, expected);
    // The same through the language, and its complement is everything else.
    let output = sandbox
        .postq()
        .args([
            "list",
            "--count",
            "-w",
            &format!("not sender == {COMPROMISED}"),
        ])
        .output()
        .unwrap();
    assert_eq!(stdout_of(&output), format!("{INCIDENT_OTHERS}\n"));
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn summary_names_the_compromised_account_with_its_exact_count() {
    let sandbox = Sandbox::shared_incident();
    let output = sandbox.postq().arg("summary").output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let text = stdout_of(&output);
    // The top sender line.
    let senders = text.split("SENDER\n").nth(1).unwrap();
    let top = senders.lines().next().unwrap();
    assert!(top.trim_start().starts_with("300  "), "{top}");
    assert!(top.ends_with(COMPROMISED), "{top}");
    // As root, the summary reads who sent each message: the account, not a sender address.
    assert!(
        text.contains(&format!(
            "The account {COMPROMISED} sent 300 of 331 messages (90.6%) under 1 sender address \
             from 1 client address.\nStop the source first: the account still has its password \
             (change it, or disable the account).\nPreview their removal:  postq -c {} delete \
             --account {COMPROMISED} --dry-run\n",
            sandbox.config_arg()
        )),
        "{text}"
    );
    // Without the queue files, the sender.
    let output = sandbox
        .postq()
        .args(["summary", "--no-origin"])
        .output()
        .unwrap();
    let text = stdout_of(&output);
    assert!(
        text.contains(&format!(
            "The sender {COMPROMISED} holds 300 of 331 messages (90.6%).\nPreview their removal:  postq -c {} delete --from {COMPROMISED} --dry-run\n",
            sandbox.config_arg()
        )),
        "{text}"
    );
    assert!(
        text.contains("Who sent them (accounts, clients, local users) was not read: --no-origin."),
        "{text}"
    );
    let output = sandbox
        .postq()
        .args(["summary", "--json"])
        .output()
        .unwrap();
    let document: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(document["senders"][0]["key"], COMPROMISED);
    assert_eq!(document["senders"][0]["count"], 300);
    assert_eq!(document["culprit"]["count"], 300);
    assert_eq!(document["culprit"]["kind"], "account");
    assert_eq!(document["culprit"]["senders"], 1);
    assert_eq!(document["culprit"]["clients"], 1);
    assert_eq!(document["origins"][0]["key"], format!("sasl:{COMPROMISED}"));
    assert_eq!(document["origins_not_read"], serde_json::Value::Null);
}

#[test]
fn a_slow_listing_shows_progress_on_a_terminal_and_nothing_when_piped() {
    // 5,000 lines (more than one block of the reader), then a postqueue that waits for the
    // test's word before it ends.
    let template = fixture_lines("incident.jsonl")[0].clone();
    let first_id = serde_json::from_str::<serde_json::Value>(&template).unwrap()["queue_id"]
        .as_str()
        .unwrap()
        .to_string();
    let listing: String = (0..5000)
        .map(|i| template.replace(&first_id, &format!("P{i:08X}")) + "\n")
        .collect();
    let fakes = FakePrograms::new();
    let (file, go) = (fakes.file("listing"), fakes.file("go"));
    std::fs::write(&file, listing).unwrap();
    fakes.add(
        "postqueue",
        &format!(
            "cat {}\nwhile [ ! -e {} ]; do sleep 0.05; done",
            file.display(),
            go.display()
        ),
    );
    let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("postq"));
    command
        .env("PATH", fakes.path_var())
        .args(["list", "--count"]);
    let mut session = rexpect::session::spawn_command(command, Some(30_000)).unwrap();
    session
        .exp_regex(r"postq: reading the queue \(messages\): [1-9][0-9,]* \([0-9,]+/s\)")
        .unwrap();
    std::fs::write(&go, "").unwrap();
    session.exp_string("5000").unwrap();
    session.exp_eof().unwrap();

    // Piped: the count, and nothing on stderr.
    let output = postq()
        .env("PATH", fakes.path_var())
        .args(["list", "--count"])
        .output()
        .unwrap();
    assert_eq!(stdout_of(&output), "5000\n");
    assert_eq!(stderr_of(&output), "");
}
