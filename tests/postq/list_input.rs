//! `postq list` over saved `postqueue -j` output (--input): captured from real Postfix by
//! scripts/capture-fixtures, and damaged copies of it made here.

use std::io::Read;
use std::process::Stdio;

use crate::support::*;

#[test]
fn json_passes_every_line_through_unchanged() {
    let output = postq()
        .args(["--input"])
        .arg(fixture("incident.jsonl"))
        .args(["list", "--json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(stdout_of(&output), fixture_text("incident.jsonl"));
    assert_eq!(stderr_of(&output), "");
}

#[test]
fn ids_and_count_match_the_dump() {
    let lines = fixture_lines("incident.jsonl");
    let expected_ids: Vec<String> = ids_of(&json_lines(&lines.join("\n")));
    let output = postq()
        .arg("--input")
        .arg(fixture("incident.jsonl"))
        .args(["list", "--ids"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(stdout_of(&output).lines().collect::<Vec<_>>(), expected_ids);

    let output = postq()
        .arg("--input")
        .arg(fixture("incident.jsonl"))
        .args(["list", "--count"])
        .output()
        .unwrap();
    assert_eq!(stdout_of(&output), format!("{}\n", lines.len()));
}

#[test]
fn stdin_is_read_with_input_dash_and_global_options_go_anywhere() {
    let text = fixture_text("long-ids.jsonl");
    let output = postq()
        .args(["list", "--ids", "--input", "-"])
        .write_stdin(text.clone())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(
        stdout_of(&output).lines().collect::<Vec<_>>(),
        ids_of(&json_lines(&text))
    );
    // Long queue IDs are not hexadecimal.
    assert!(stdout_of(&output).lines().all(|id| id.len() > 11));
}

#[test]
fn the_table_shows_every_message_whole_when_not_on_a_terminal() {
    let entries = json_lines(&fixture_text("incident.jsonl"));
    let output = postq()
        .arg("--input")
        .arg(fixture("incident.jsonl"))
        .arg("list")
        .output()
        .unwrap();
    assert!(output.status.success());
    let table = stdout_of(&output);
    let lines: Vec<&str> = table.lines().collect();
    let header: Vec<&str> = lines[0].split_whitespace().collect();
    assert_eq!(
        header,
        [
            "ID",
            "QUEUE",
            "AGE",
            "SIZE",
            "SENDER",
            "RECIPIENTS",
            "REASON"
        ]
    );
    // A header, one line a message, a footer.
    assert_eq!(lines.len(), entries.len() + 2);
    let total: u64 = entries
        .iter()
        .map(|e| e["message_size"].as_u64().unwrap())
        .sum();
    assert!(
        lines
            .last()
            .unwrap()
            .starts_with(&format!("{} messages, ", entries.len())),
        "{}",
        lines.last().unwrap()
    );
    assert!(total > 0);
    for (entry, line) in entries.iter().zip(&lines[1..]) {
        assert!(line.starts_with(entry["queue_id"].as_str().unwrap()));
        assert!(line.contains(entry["queue_name"].as_str().unwrap()));
        assert!(line.contains(entry["sender"].as_str().unwrap()), "{line}");
        let recipients = entry["recipients"].as_array().unwrap();
        let first = recipients[0]["address"].as_str().unwrap();
        assert!(line.contains(first), "{line}");
        if recipients.len() > 1 {
            assert!(
                line.contains(&format!("+{} more", recipients.len() - 1)),
                "{line}"
            );
        }
        // Never cut: the whole first reason is there.
        if let Some(reason) = recipients[0]["delay_reason"].as_str() {
            assert!(line.ends_with(reason), "{line}");
        }
    }
}

#[test]
fn sort_reverse_and_limit() {
    let entries = json_lines(&fixture_text("incident.jsonl"));
    let mut sizes: Vec<(u64, usize)> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e["message_size"].as_u64().unwrap(), i))
        .collect();
    // Largest first; equal sizes keep the listing order.
    sizes.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let expected: Vec<String> = sizes[..5]
        .iter()
        .map(|(_, i)| entries[*i]["queue_id"].as_str().unwrap().to_string())
        .collect();
    let output = postq()
        .arg("--input")
        .arg(fixture("incident.jsonl"))
        .args([
            "list",
            "--ids",
            "--sort",
            "size",
            "--reverse",
            "--limit",
            "5",
        ])
        .output()
        .unwrap();
    assert_eq!(stdout_of(&output).lines().collect::<Vec<_>>(), expected);

    // --reverse alone turns the listing order around; --limit alone takes the first.
    let ids = ids_of(&entries);
    let output = postq()
        .arg("--input")
        .arg(fixture("incident.jsonl"))
        .args(["list", "--ids", "--reverse"])
        .output()
        .unwrap();
    let reversed: Vec<String> = ids.iter().rev().cloned().collect();
    assert_eq!(stdout_of(&output).lines().collect::<Vec<_>>(), reversed);
    let output = postq()
        .arg("--input")
        .arg(fixture("incident.jsonl"))
        .args(["list", "--json", "--limit", "3"])
        .output()
        .unwrap();
    assert_eq!(ids_of(&json_lines(&stdout_of(&output))), ids[..3]);

    // Sorted by sender, the null sender (MAILER-DAEMON) sorts among the Ms.
    let output = postq()
        .arg("--input")
        .arg(fixture("incident.jsonl"))
        .args(["list", "--json", "--sort", "sender"])
        .output()
        .unwrap();
    let senders: Vec<String> = json_lines(&stdout_of(&output))
        .iter()
        .map(|e| e["sender"].as_str().unwrap().to_lowercase())
        .collect();
    let mut sorted = senders.clone();
    sorted.sort();
    assert_eq!(senders, sorted);
}

/// The incident fixture with damage: (damaged text, what the reader should make of it).
fn damaged_dump() -> (Vec<u8>, Vec<String>) {
    let lines = fixture_lines("incident.jsonl");
    let mut text: Vec<u8> = Vec::new();
    // Line 1: fine. Line 2: cut short. Line 3: fine. Line 4: line 1 again (a duplicate ID).
    // Line 5: a sender with bytes that are not UTF-8. Line 6: members postq does not know.
    text.extend_from_slice(lines[0].as_bytes());
    text.push(b'\n');
    text.extend_from_slice(&lines[1].as_bytes()[..lines[1].len() / 2]);
    text.push(b'\n');
    text.extend_from_slice(lines[2].as_bytes());
    text.push(b'\n');
    text.extend_from_slice(lines[0].as_bytes());
    text.push(b'\n');
    text.extend_from_slice(
        br#"{"queue_name": "deferred", "queue_id": "1A2B3C4D5E6", "arrival_time": 1795744914, "message_size": 1200, "forced_expire": false, "sender": "j"#,
    );
    text.extend_from_slice(
        b"\xe9r\xf4me@example.fr\", \"recipients\": [{\"address\": \"x@example.org\"}]}\n",
    );
    let future = r#"{"queue_name": "deferred", "queue_id": "2B3C4D5E6F7", "arrival_time": 1795744914, "message_size": 1300, "forced_expire": true, "sender": "future@example.org", "recipients": [{"address": "y@example.org", "orig_address": "", "delay_reason": "deferred transport", "bounce_reason": "", "other_reason": {"n": [1, 2]}}], "sasl_username": "someone", "x_new": null}"#;
    text.extend_from_slice(future.as_bytes());
    text.push(b'\n');
    let ids = vec![
        json_lines(&lines[0])[0]["queue_id"]
            .as_str()
            .unwrap()
            .to_string(),
        json_lines(&lines[2])[0]["queue_id"]
            .as_str()
            .unwrap()
            .to_string(),
        "1A2B3C4D5E6".to_string(),
        "2B3C4D5E6F7".to_string(),
    ];
    (text, ids)
}

#[test]
fn a_damaged_dump_lists_what_it_can_names_the_bad_line_and_exits_1() {
    let (text, ids) = damaged_dump();
    let output = postq()
        .args(["list", "--ids", "--input", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout_of(&output).lines().collect::<Vec<_>>(), ids);
    let stderr = stderr_of(&output);
    assert!(stderr.contains("line 2:"), "{stderr}");
    assert!(!stderr.contains("line 5"), "{stderr}");
    assert!(
        stderr.contains("1 line of the queue listing could not be read"),
        "{stderr}"
    );
}

#[test]
fn unknown_members_and_bad_bytes_pass_through_json() {
    let (text, _) = damaged_dump();
    let output = postq()
        .args(["list", "--json", "--input", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    let out = stdout_of(&output);
    let entries = by_id(json_lines(&out));
    let future = &entries["2B3C4D5E6F7"];
    assert_eq!(future["sasl_username"], "someone");
    assert!(future["x_new"].is_null());
    assert_eq!(future["recipients"][0]["other_reason"]["n"][1], 2);
    assert_eq!(future["recipients"][0]["orig_address"], "");
    assert_eq!(
        entries["1A2B3C4D5E6"]["sender"],
        "j\u{fffd}r\u{fffd}me@example.fr"
    );
}

#[test]
fn count_keeps_a_duplicated_id_once() {
    let lines = fixture_lines("incident.jsonl");
    let text = format!("{}\n{}\n{}\n", lines[0], lines[1], lines[0]);
    let output = postq()
        .args(["list", "--count", "--input", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert_eq!(stdout_of(&output), "2\n");
}

#[test]
fn an_empty_queue_says_so_on_stderr_and_succeeds() {
    for format in ["--ids", "--json", "--count"] {
        let output = postq()
            .args(["list", format, "--input", "-"])
            .write_stdin("")
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0));
        assert_eq!(stderr_of(&output), "Mail queue is empty\n");
        let expected = if format == "--count" { "0\n" } else { "" };
        assert_eq!(stdout_of(&output), expected);
    }
}

#[test]
fn a_missing_input_file_is_named() {
    let output = postq()
        .args(["--input", "/nonexistent/dump.jsonl", "list"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr_of(&output);
    assert!(
        stderr.starts_with("postq: error: cannot read /nonexistent/dump.jsonl: No such file"),
        "{stderr}"
    );
}

#[test]
fn untrusted_text_is_escaped_in_the_table_but_kept_in_json() {
    let line = r#"{"queue_name": "deferred", "queue_id": "3C4D5E6F7A8", "arrival_time": 1795744914, "message_size": 500, "forced_expire": false, "sender": "evil\u001b]0;pwned\u0007@example.org", "recipients": [{"address": "a\u202eb@example.org", "delay_reason": "line\nbreak \u001b[2J"}]}"#;
    let output = postq()
        .args(["list", "--input", "-"])
        .write_stdin(format!("{line}\n"))
        .output()
        .unwrap();
    let table = stdout_of(&output);
    assert!(!table.contains('\u{1b}') && !table.contains('\u{202e}') && !table.contains('\u{7}'));
    assert!(
        table.contains(r"evil\x1b]0;pwned\x07@example.org"),
        "{table}"
    );
    assert!(table.contains(r"a\u{202e}b@example.org"), "{table}");
    assert!(table.contains(r"line\x0abreak \x1b[2J"), "{table}");
    // Two lines of table and a footer: the newline in the reason did not break the row.
    assert_eq!(table.lines().count(), 3);

    let output = postq()
        .args(["list", "--json", "--input", "-"])
        .write_stdin(format!("{line}\n"))
        .output()
        .unwrap();
    assert_eq!(stdout_of(&output), format!("{line}\n"));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let run = |args: &[&str], no_color: Option<&str>| {
        let mut command = postq();
        command
            .arg("--input")
            .arg(fixture("incident.jsonl"))
            .args(args);
        if let Some(value) = no_color {
            command.env("NO_COLOR", value);
        }
        stdout_of(&command.output().unwrap())
    };
    assert!(!run(&["list"], None).contains('\u{1b}'));
    assert!(!run(&["list", "--color", "never"], None).contains('\u{1b}'));
    assert!(run(&["list", "--color", "always"], None).contains("\u{1b}["));
    assert!(run(&["--color=always", "list"], Some("1")).contains("\u{1b}["));
    assert!(!run(&["list", "--color", "auto"], Some("1")).contains('\u{1b}'));
}

#[test]
fn a_closed_pipe_ends_quietly_with_status_0() {
    // Far more than a pipe holds: postq is still writing when the reader goes away.
    let lines = fixture_lines("incident.jsonl");
    let mut dump = String::new();
    for i in 0..20_000 {
        let line = &lines[i % lines.len()];
        let id = json_lines(line)[0]["queue_id"]
            .as_str()
            .unwrap()
            .to_string();
        dump.push_str(&line.replace(&id, &format!("A{i:010X}")));
        dump.push('\n');
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.jsonl");
    std::fs::write(&path, dump).unwrap();
    for format in ["--json", "--ids"] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("postq"))
            .arg("--input")
            .arg(&path)
            .args(["list", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 16];
        stdout.read_exact(&mut first).unwrap();
        drop(stdout);
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{format}");
        assert_eq!(stderr_of(&output), "", "{format}");
    }
}

#[test]
fn usage_errors_exit_2_in_postq_words() {
    let cases: [&[&str]; 4] = [
        &["list", "--color", "purple"],
        &["list", "--sort", "colour"],
        &["list", "--json", "--ids"],
        &["list", "--limit", "-3"],
    ];
    for args in cases {
        let output = postq().args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = stderr_of(&output);
        assert!(stderr.starts_with("postq: error: "), "{args:?}: {stderr}");
    }
    let output = postq().output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn help_and_version_go_to_stdout() {
    let output = postq().arg("--help").output().unwrap();
    assert!(output.status.success());
    assert!(stdout_of(&output).contains("Examples:"));
    let output = postq().args(["list", "--help"]).output().unwrap();
    assert!(stdout_of(&output).contains("--sort <FIELD>"));
    let output = postq().arg("--version").output().unwrap();
    assert!(stdout_of(&output).starts_with("postq 0."));
}

#[test]
fn count_and_summary_of_a_damaged_dump_name_the_bad_line_and_exit_1() {
    let (text, ids) = damaged_dump();
    let output = postq()
        .args(["list", "--count", "--input", "-"])
        .write_stdin(text.clone())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout_of(&output), format!("{}\n", ids.len()));
    assert!(
        stderr_of(&output).contains("line 2:"),
        "{}",
        stderr_of(&output)
    );
    let output = postq()
        .args(["summary", "--json", "--input", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let document: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(document["total"]["count"], ids.len());
    assert!(stderr_of(&output).contains("line 2:"));
}

#[test]
fn mistakes_of_a_hurried_admin_are_named() {
    // -c given main.cf itself.
    let file = tempfile::NamedTempFile::new().unwrap();
    let output = postq()
        .arg("-c")
        .arg(file.path())
        .args(["list"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("is a file; it takes a configuration directory"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: give the directory that holds main.cf: -c /tmp"),
        "{stderr}"
    );

    // A listing that cannot be read: the error, and no "no message matches" beside it.
    let output = postq()
        .args(["--input", "-", "list"])
        .write_stdin("{bad json\n")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr_of(&output);
    assert!(!stderr.contains("No message matches"), "{stderr}");

    // One message in 2,001 is not 0.0%.
    let mut dump = String::new();
    for i in 0..2001 {
        let sender = if i == 0 {
            "rare@one.example"
        } else {
            "bulk@many.example"
        };
        dump.push_str(&format!(
            r#"{{"queue_name": "deferred", "queue_id": "A{i:08X}", "arrival_time": 1000, "message_size": 100, "sender": "{sender}", "recipients": [{{"address": "r@x.example"}}]}}"#
        ));
        dump.push('\n');
    }
    let output = postq()
        .args(["--input", "-", "summary", "--by", "sender"])
        .write_stdin(dump)
        .output()
        .unwrap();
    let text = stdout_of(&output);
    let rare = text
        .lines()
        .find(|line| line.ends_with("rare@one.example"))
        .unwrap();
    assert!(rare.contains("<0.1%"), "{rare}");

    let output = postq()
        .args(["--input", "-", "summary", "--top", "0"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("0 rows would show nothing"));
}

#[test]
fn on_a_terminal_the_table_is_oldest_first_and_addresses_keep_their_domain() {
    // Three messages listed newest first, one with a long sender.
    let long = "a-very-long-local-part-of-a-sender-address@customer.example";
    let dump = [
        (3000, "newest@x.example"),
        (1000, long),
        (2000, "middle@x.example"),
    ]
    .iter()
    .enumerate()
    .map(|(i, (arrival, sender))| {
        format!(
            r#"{{"queue_name": "deferred", "queue_id": "B{i:08X}", "arrival_time": {arrival}, "message_size": 100, "sender": "{sender}", "recipients": [{{"address": "r@x.example"}}]}}"#
        )
    })
    .collect::<Vec<_>>()
    .join("\n");
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), dump + "\n").unwrap();
    let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("postq"));
    command
        .env("COLUMNS", "100")
        .env_remove("NO_COLOR")
        .args(["--color", "never", "--input"])
        .arg(file.path())
        .arg("list");
    let mut session = rexpect::session::spawn_command(command, Some(20_000)).unwrap();
    let text = session.exp_eof().unwrap();
    let rows: Vec<&str> = text.lines().filter(|line| line.starts_with('B')).collect();
    assert_eq!(rows.len(), 3, "{text}");
    assert!(
        rows[0].contains("@customer.example"),
        "oldest first: {text}"
    );
    assert!(!rows[0].contains(long), "cut in the middle: {text}");
    assert!(
        rows[0].contains("r@x.example"),
        "recipients keep what they need: {text}"
    );
    assert!(rows[1].contains("middle@x.example"), "{text}");
    assert!(rows[2].contains("newest@x.example"), "{text}");
}
