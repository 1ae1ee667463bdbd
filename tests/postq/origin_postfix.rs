//! Who sent it, on real Postfix: a stolen password used from four client addresses under 40
//! forged sender addresses (`scripts/sandbox forged`), among another account's mail, a
//! client that did not log in, and local submissions by root and uid 33. Every origin field
//! postq reads from the queue files is compared with what postcat shows.

use std::collections::BTreeMap;
use std::process::Command as StdCommand;

use serde_json::Value;

use crate::support::*;

/// The forged incident: 200 from the account, 15 others.
fn forged() -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.run(&["forged", "200"]);
    sandbox
}

fn count(sandbox: &Sandbox, args: &[&str]) -> usize {
    let output = sandbox
        .postq()
        .args(["list", "--count"])
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success(), "{args:?}: {}", stderr_of(&output));
    stdout_of(&output).trim().parse().unwrap()
}

/// What postcat shows of a message: its named attributes, and its headers unfolded (first
/// of each name, lower-cased names).
fn postcat(sandbox: &Sandbox, id: &str) -> (BTreeMap<String, String>, BTreeMap<String, String>) {
    let output = StdCommand::new("postcat")
        .arg("-c")
        .arg(sandbox.config_dir())
        .args(["-e", "-h", "-q", id])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let text = stdout_of(&output);
    let mut attributes = BTreeMap::new();
    let mut headers: Vec<String> = Vec::new();
    let mut in_headers = false;
    for line in text.lines() {
        if line.starts_with("*** MESSAGE CONTENTS") {
            in_headers = true;
        } else if line.starts_with("*** ") {
            in_headers = false;
        } else if let Some(attribute) = line.strip_prefix("named_attribute: ") {
            let (name, value) = attribute.split_once('=').unwrap();
            attributes
                .entry(name.to_string())
                .or_insert_with(|| value.to_string());
        } else if in_headers {
            if line.starts_with([' ', '\t']) {
                let last = headers.last_mut().unwrap();
                last.push(' ');
                last.push_str(line.trim());
            } else {
                headers.push(line.to_string());
            }
        }
    }
    let mut by_name = BTreeMap::new();
    for header in headers {
        if let Some((name, value)) = header.split_once(':') {
            by_name
                .entry(name.to_ascii_lowercase())
                .or_insert_with(|| value.trim().to_string());
        }
    }
    (attributes, by_name)
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn every_origin_field_is_what_postcat_shows() {
    let sandbox = forged();
    let output = sandbox
        .postq()
        .args(["list", "--json", "--origin"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let entries = json_lines(&stdout_of(&output));
    assert_eq!(entries.len(), 215);
    for entry in &entries {
        let id = entry["queue_id"].as_str().unwrap();
        let origin = &entry["origin"];
        let (attributes, headers) = postcat(&sandbox, id);
        for name in [
            "sasl_method",
            "sasl_username",
            "sasl_sender",
            "client_address",
            "client_name",
            "reverse_client_name",
            "helo_name",
            "protocol_name",
            "log_ident",
        ] {
            let expected = attributes.get(name).filter(|v| !v.is_empty());
            assert_eq!(
                origin[name].as_str(),
                expected.map(String::as_str),
                "{id}: {name}"
            );
        }
        for (member, header) in [
            ("subject", "subject"),
            ("header_from", "from"),
            ("message_id", "message-id"),
        ] {
            assert_eq!(
                origin[member].as_str(),
                headers.get(header).map(String::as_str),
                "{id}: {member}"
            );
        }
        let uid = headers
            .get("received")
            .and_then(|received| received.split_once("(Postfix, from userid "))
            .and_then(|(_, rest)| rest.split(')').next())
            .map(|uid| uid.parse::<u64>().unwrap());
        assert_eq!(origin["local_uid"].as_u64(), uid, "{id}: local_uid");
        // And postqueue's own members are untouched.
        let mut bare = entry.clone();
        bare.as_object_mut().unwrap().remove("origin");
        assert!(bare.get("queue_name").is_some() && bare.get("recipients").is_some());
    }
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn the_summary_names_the_account_and_deleting_it_takes_exactly_its_mail() {
    let sandbox = forged();
    let output = sandbox.postq().arg("summary").output().unwrap();
    let text = stdout_of(&output);
    assert!(
        text.contains(&format!(
            "The account {COMPROMISED} sent 200 of 215 messages (93.0%) under 40 sender \
             addresses from 4 client addresses.\nStop the source first"
        )),
        "{text}"
    );
    let command = format!(
        "postq -c {} delete --account {COMPROMISED} --dry-run",
        sandbox.config_arg()
    );
    assert!(text.contains(&command), "{text}");

    // Selection by origin: accounts, clients and CIDR blocks, local users.
    assert_eq!(count(&sandbox, &["--account", COMPROMISED]), 200);
    assert_eq!(count(&sandbox, &["--account", "*@customer.example"]), 205);
    assert_eq!(count(&sandbox, &["--client", "203.0.113.0/24"]), 150);
    assert_eq!(
        count(
            &sandbox,
            &["--client", "198.51.100.23", "--client", "192.0.2.10"]
        ),
        55
    );
    assert_eq!(count(&sandbox, &["--client", "2001:db8::/32"]), 0);
    assert_eq!(count(&sandbox, &["-w", "client == 203.0.113.8"]), 50);
    assert_eq!(count(&sandbox, &["-w", "account == ''"]), 10);
    assert_eq!(count(&sandbox, &["-w", "origin == local:www-data"]), 2);
    assert_eq!(count(&sandbox, &["-w", "local_user == root"]), 3);
    assert_eq!(count(&sandbox, &["-w", "subject ~ parcel"]), 200);

    let output = sandbox
        .postq()
        .args(["summary", "--by", "origin", "--json"])
        .output()
        .unwrap();
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    let origins: BTreeMap<String, u64> = document["origins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["key"].as_str().unwrap().to_string(),
                g["count"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected: BTreeMap<String, u64> = [
        (format!("sasl:{COMPROMISED}"), 200),
        ("sasl:bob@customer.example".to_string(), 5),
        ("client:127.0.0.1".to_string(), 5),
        ("local:root".to_string(), 3),
        ("local:www-data".to_string(), 2),
    ]
    .into_iter()
    .collect();
    assert_eq!(origins, expected);

    // The suggested command, run: exactly the account's mail goes.
    let before = snapshot(&sandbox);
    let output = sandbox
        .postq()
        .args(["delete", "--account", COMPROMISED, "--yes"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(
        stdout_of(&output),
        "Deleted 200 of 200 selected messages.\n"
    );
    let after = snapshot(&sandbox);
    assert_eq!(after.len(), 15);
    assert!(after.keys().all(|id| before.contains_key(id)));
    assert!(
        after
            .values()
            .all(|(_, sender)| !sender.starts_with("info@brand"))
    );
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn a_user_who_cannot_read_the_queue_files_is_told_why() {
    let sandbox = Sandbox::new();
    sandbox.fill(2, "a@one.example");
    let postq = assert_cmd::cargo::cargo_bin("postq");
    // Readable for nobody: a copy outside root's home.
    let dir = tempfile::Builder::new()
        .prefix("postq-bin-")
        .tempdir()
        .unwrap();
    let binary = dir.path().join("postq");
    std::fs::copy(&postq, &binary).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let output = StdCommand::new("runuser")
        .args(["-u", "nobody", "--"])
        .arg(&binary)
        .arg("-c")
        .arg(sandbox.config_dir())
        .args(["summary", "--by", "account"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("cannot read the queue files in"),
        "{stderr}"
    );
    assert!(
        stderr
            .contains("hint: who sent each message is read from the queue files, which need root"),
        "{stderr}"
    );
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn mail_through_a_content_filter_is_attributed_from_the_mail_log() {
    let sandbox = Sandbox::new();
    sandbox.run(&["filter"]);
    for i in 0..3 {
        let sender = format!("forged{i}@x.example");
        sandbox.run(&[
            "send",
            "--login",
            "thief@customer.example",
            &sender,
            "victim@example.org",
        ]);
    }
    sandbox.run(&["send", "plain@partner.example", "someone@example.org"]);
    let maillog = sandbox.dir.join("log/maillog");
    let maillog = maillog.to_str().unwrap();

    // Without the log, the queue files no longer say who logged in, and postq says why.
    let output = sandbox
        .postq()
        .args(["summary", "--by", "account"])
        .output()
        .unwrap();
    let text = stdout_of(&output);
    assert!(text.contains("4  100.0%"), "{text}");
    assert!(
        text.contains(
            "4 messages came back through a content filter (their log_ident names their first \
             queue ID): who sent them is in the mail log: give --maillog FILE"
        ),
        "{text}"
    );
    assert_eq!(count(&sandbox, &["--account", "thief@customer.example"]), 0);

    // With it, from a file or from stdin.
    assert_eq!(
        count(
            &sandbox,
            &["--maillog", maillog, "--account", "thief@customer.example"]
        ),
        3
    );
    let log = std::fs::read(sandbox.dir.join("log/maillog")).unwrap();
    let output = sandbox
        .postq()
        .args(["--maillog", "-", "list", "--count", "--account", "thief@*"])
        .write_stdin(log)
        .output()
        .unwrap();
    assert_eq!(stdout_of(&output), "3\n", "{}", stderr_of(&output));
    let output = sandbox
        .postq()
        .args([
            "--maillog",
            maillog,
            "delete",
            "--account",
            "thief@customer.example",
            "--yes",
        ])
        .output()
        .unwrap();
    assert_eq!(
        stdout_of(&output),
        "Deleted 3 of 3 selected messages.\n",
        "{}",
        stderr_of(&output)
    );
    let left = sandbox.postqueue_json();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0]["sender"], "plain@partner.example");
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn origins_are_read_with_long_queue_ids_and_a_message_gone_meanwhile_is_counted() {
    let sandbox = Sandbox::with_long_queue_ids();
    sandbox.run(&["forged", "40"]);
    assert_eq!(count(&sandbox, &["--account", COMPROMISED]), 40);
    let output = sandbox
        .postq()
        .args(["summary", "--by", "subject", "--json"])
        .output()
        .unwrap();
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(document["subjects"][0]["key"], "Your parcel is waiting");
    assert_eq!(document["subjects"][0]["count"], 40);

    // A postqueue that lists the queue, then sees one of the account's messages deleted
    // before postq reads its queue file.
    let fakes = FakePrograms::new();
    fakes.add(
        "postqueue",
        &format!(
            r#"/usr/sbin/postqueue "$@" > {listing}
id=$(grep -m1 '"sender": "info@brand' {listing} | sed 's/.*"queue_id": "\([^"]*\)".*/\1/')
echo "$id" | /usr/sbin/postsuper -c "$2" -d - 2>/dev/null
cat {listing}"#,
            listing = fakes.file("listing").display()
        ),
    );
    let output = sandbox
        .postq()
        .env("PATH", fakes.path_var())
        .args(["list", "--count", "--account", COMPROMISED])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(stdout_of(&output), "39\n");
    assert!(
        stderr_of(&output).contains("1 message left the queue while their origins were read"),
        "{}",
        stderr_of(&output)
    );
}
