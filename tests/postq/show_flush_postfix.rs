//! `show` and `flush` on a real instance.

use crate::support::*;

fn first_id_of(sandbox: &Sandbox, sender: &str) -> String {
    sandbox
        .postqueue_json()
        .into_iter()
        .find(|e| e["sender"] == sender)
        .map(|e| e["queue_id"].as_str().unwrap().to_string())
        .unwrap()
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn show_prints_what_postcat_prints_and_its_parts() {
    let sandbox = Sandbox::shared_incident();
    let id = first_id_of(sandbox, COMPROMISED);
    let output = sandbox.postq().args(["show", &id]).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let postcat = std::process::Command::new("postcat")
        .arg("-c")
        .arg(sandbox.config_dir())
        .args(["-q", &id])
        .output()
        .unwrap();
    assert_eq!(output.stdout, postcat.stdout);
    let whole = stdout_of(&output);
    assert!(whole.contains("*** ENVELOPE RECORDS deferred/"));
    assert!(whole.contains("named_attribute: sasl_username=compromised@customer.example"));
    assert!(whole.contains("Subject: You have won"));

    let envelope = stdout_of(
        &sandbox
            .postq()
            .args(["show", &id, "--envelope"])
            .output()
            .unwrap(),
    );
    assert!(envelope.contains("sasl_username=compromised@customer.example"));
    assert!(envelope.contains("client_address=203.0.113.7"));
    assert!(!envelope.contains("Subject: You have won"));
    let headers = stdout_of(
        &sandbox
            .postq()
            .args(["show", &id, "--headers"])
            .output()
            .unwrap(),
    );
    assert!(headers.contains("Subject: You have won"));
    assert!(!headers.contains("sasl_username"));
    let body = stdout_of(
        &sandbox
            .postq()
            .args(["show", &id, "--body"])
            .output()
            .unwrap(),
    );
    assert!(body.contains("Line 00000 of a message"));
    assert!(!body.contains("Subject:"));
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn show_errors() {
    let sandbox = Sandbox::shared_incident();
    let output = sandbox
        .postq()
        .args(["show", "ABCDEF12345"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr_of(&output),
        "postq: error: no message with queue ID ABCDEF12345 in the queue (delivered, deleted or never there)\n"
    );
    for bad in ["ABC*", "../etc/passwd", ""] {
        let output = sandbox.postq().args(["show", bad]).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{bad}");
        assert!(stderr_of(&output).contains("invalid queue ID"), "{bad}");
    }
    let output = postq()
        .args(["--input", "/dev/null", "show", "ABCDEF12345"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

/// Waits until every message has settled again after a flush.
fn reason_of(entry: &serde_json::Value) -> &str {
    entry["recipients"][0]["delay_reason"]
        .as_str()
        .unwrap_or("")
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn flush_tries_the_selected_messages_now_and_all_with_yes() {
    let sandbox = Sandbox::new();
    sandbox.fill(3, "a@one.example");
    sandbox.fill(2, "b@two.example");
    // Deferred by defer_transports; a flush ignores that and meets a refused connection.
    assert!(
        sandbox
            .postqueue_json()
            .iter()
            .all(|e| reason_of(e) == "deferred transport")
    );

    let output = sandbox
        .postq()
        .args(["flush", "-f", "b@two.example", "--dry-run"])
        .output()
        .unwrap();
    assert_eq!(
        stdout_of(&output),
        "Would flush 2 deferred messages to try now (postqueue -i for each)\nSenders:\n  2  2.6 KiB  b@two.example\nDry run: nothing was changed.\n"
    );
    // Two messages and no terminal: not without --yes.
    let output = sandbox
        .postq()
        .args(["flush", "-f", "b@two.example"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));

    let output = sandbox
        .postq()
        .args(["flush", "-f", "b@two.example", "--yes"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(
        stdout_of(&output),
        "Asked Postfix to try 2 of 2 deferred messages now.\n"
    );
    wait_until(&sandbox, "the flushed messages", |entries| {
        entries
            .iter()
            .filter(|e| e["sender"] == "b@two.example")
            .all(|e| e["queue_name"] == "deferred" && reason_of(e).contains("Connection refused"))
    });
    assert!(
        sandbox
            .postqueue_json()
            .iter()
            .filter(|e| e["sender"] == "a@one.example")
            .all(|e| reason_of(e) == "deferred transport")
    );

    // One message needs no --yes.
    let id = first_id_of(&sandbox, "a@one.example");
    let output = sandbox
        .postq()
        .args(["flush", "--id", &id])
        .output()
        .unwrap();
    assert_eq!(
        stdout_of(&output),
        "Asked Postfix to try 1 of 1 deferred message now.\n"
    );
    // Its effect, waited for: that message was tried (and is back in deferred), the
    // other two were not.
    wait_until(&sandbox, "the single flushed message", |entries| {
        entries.iter().any(|e| {
            e["queue_id"] == id.as_str()
                && e["queue_name"] == "deferred"
                && reason_of(e).contains("Connection refused")
        }) && entries
            .iter()
            .filter(|e| e["sender"] == "a@one.example" && e["queue_id"] != id.as_str())
            .all(|e| e["queue_name"] == "deferred" && reason_of(e) == "deferred transport")
    });

    let output = sandbox.postq().args(["flush", "--yes"]).output().unwrap();
    assert_eq!(
        stdout_of(&output),
        "Asked Postfix to try 5 deferred messages now (postqueue -f).\n"
    );
    wait_until(&sandbox, "every message", |entries| {
        entries.len() == 5
            && entries.iter().all(|e| {
                e["queue_name"] == "deferred" && reason_of(e).contains("Connection refused")
            })
    });
}
