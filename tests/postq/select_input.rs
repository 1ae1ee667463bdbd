//! Selection flags and --where on saved queue data: what is picked, and how bad input is
//! refused (exit 2, nothing on stdout).

use serde_json::Value;

use crate::support::*;

fn ids_selected(args: &[&str]) -> Vec<String> {
    let output = postq()
        .arg("--input")
        .arg(fixture("incident.jsonl"))
        .args(["list", "--ids"])
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success(), "{args:?}: {}", stderr_of(&output));
    stdout_of(&output).lines().map(String::from).collect()
}

fn ids_where(predicate: impl Fn(&Value) -> bool) -> Vec<String> {
    let entries = json_lines(&fixture_text("incident.jsonl"));
    let picked: Vec<Value> = entries.into_iter().filter(|e| predicate(e)).collect();
    assert!(
        !picked.is_empty(),
        "a case that selects nothing proves little"
    );
    ids_of(&picked)
}

fn sender(entry: &Value) -> &str {
    entry["sender"].as_str().unwrap()
}

fn recipient_addresses(entry: &Value) -> Vec<&str> {
    entry["recipients"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["address"].as_str().unwrap())
        .collect()
}

#[test]
fn flags_select_and_combine() {
    assert_eq!(
        ids_selected(&["--from", "compromised@customer.example"]),
        ids_where(|e| sender(e) == "compromised@customer.example")
    );
    assert_eq!(
        ids_selected(&[
            "-f",
            "@CUSTOMER.example",
            "-q",
            "hold,deferred",
            "-t",
            "*@partner.example"
        ]),
        ids_where(|e| sender(e).ends_with("@customer.example")
            && recipient_addresses(e)
                .iter()
                .any(|a| a.ends_with("@partner.example")))
    );
    assert_eq!(
        ids_selected(&["--from", "<>"]),
        ids_where(|e| sender(e) == "MAILER-DAEMON")
    );
    assert_eq!(
        ids_selected(&["-q", "hold"]),
        ids_where(|e| e["queue_name"] == "hold")
    );
    assert_eq!(
        ids_selected(&["-q", "hold", "-q", "deferred"]),
        ids_where(|_| true)
    );
    assert_eq!(
        ids_selected(&["--min-size", "2k", "--max-size", "3k"]),
        ids_where(|e| (2048..=3072).contains(&e["message_size"].as_u64().unwrap()))
    );
    assert_eq!(
        ids_selected(&["--reason", "REFUSED"]),
        ids_where(|e| e["recipients"].as_array().unwrap().iter().any(|r| {
            r["delay_reason"]
                .as_str()
                .is_some_and(|x| x.contains("Connection refused"))
        }))
    );
    // The fixture was captured before this test runs, and less than ten years ago.
    assert_eq!(ids_selected(&["--older-than", "1s"]), ids_where(|_| true));
    assert_eq!(ids_selected(&["--newer-than", "520w"]), ids_where(|_| true));
    assert!(ids_selected(&["--older-than", "520w"]).is_empty());
    assert!(ids_selected(&["--newer-than", "1s"]).is_empty());
}

#[test]
fn ids_select_exactly_and_only_existing_ones() {
    let all = ids_where(|_| true);
    let picked = ids_selected(&["--id", &all[3], "--id", &all[7], "--id", "NOSUCHID"]);
    assert_eq!(picked, [all[3].clone(), all[7].clone()]);
    // Queue IDs are case-sensitive.
    assert!(ids_selected(&["--id", &all[3].to_lowercase()]).is_empty());
}

#[test]
fn the_contract_example_and_where_with_flags() {
    let expression = "sender_domain == customer.example and age > 1s and (reason ~ \"deferred\" or queue == hold)";
    assert_eq!(
        ids_selected(&["-w", expression]),
        ids_where(|e| sender(e).ends_with("@customer.example")
            && (e["queue_name"] == "hold"
                || e["recipients"].as_array().unwrap().iter().any(|r| {
                    r["delay_reason"]
                        .as_str()
                        .is_some_and(|x| x.contains("deferred"))
                })))
    );
    assert_eq!(
        ids_selected(&[
            "-w",
            "recipients > 1 or sender == MAILER-DAEMON",
            "-q",
            "deferred"
        ]),
        ids_where(|e| e["queue_name"] == "deferred"
            && (recipient_addresses(e).len() > 1 || sender(e) == "MAILER-DAEMON"))
    );
    assert_eq!(
        ids_selected(&["--where", "not (queue == deferred)"]),
        ids_where(|e| e["queue_name"] != "deferred")
    );
}

#[test]
fn nothing_matching_is_not_an_error() {
    let output = postq()
        .arg("--input")
        .arg(fixture("incident.jsonl"))
        .args(["list", "-f", "nobody@nowhere.example"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout_of(&output), "");
    let stderr = stderr_of(&output);
    assert!(
        stderr.starts_with("No message matches the selection ("),
        "{stderr}"
    );
    let output = postq()
        .arg("--input")
        .arg(fixture("incident.jsonl"))
        .args(["list", "--count", "-f", "nobody@nowhere.example"])
        .output()
        .unwrap();
    assert_eq!(stdout_of(&output), "0\n");
}

#[test]
fn bad_selections_exit_2_name_the_fault_and_print_nothing() {
    let cases: &[(&[&str], &str)] = &[
        (&["--older-than", "5"], "'5'"),
        (&["--newer-than", "2x"], "'2x'"),
        (&["--min-size", "10q"], "'10q'"),
        (&["--max-size", ""], "invalid size"),
        (&["-q", "corrupt"], "unknown queue 'corrupt'"),
        (&["-q", "hold,nope"], "unknown queue 'nope'"),
        (&["--id", "AB*CD"], "invalid queue ID 'AB*CD'"),
        (&["--id", ""], "invalid queue ID ''"),
        (&["--from", ""], "empty address pattern"),
        (&["--to", "@"], "invalid address pattern '@'"),
        (
            &["--reason", "(refused"],
            "invalid regular expression '(refused'",
        ),
        (
            &["-w", "sender =="],
            "at column 10: expected a value after '=='",
        ),
        (&["-w", "sendr == x"], "did you mean 'sender'?"),
        (&["-w", "size ~ 10k"], "'~' does not apply to size"),
        (&["-w", "age > 5"], "invalid duration '5'"),
        (&["-w", ""], "the expression is empty"),
        (&["-w", "(expired"], "this '(' is never closed"),
        // A bare word would silently match nothing.
        (
            &["-f", "customer.example"],
            "for the domain give @customer.example, for anything containing it *customer.example*",
        ),
        (&["-t", "gmail.com"], "give @gmail.com"),
        (
            &["-w", "sender == alice"],
            "'alice' is not an address pattern",
        ),
        // Ranges that can never match.
        (
            &["--older-than", "2h", "--newer-than", "1h"],
            "--older-than 2h00m and --newer-than 1h00m can never both hold",
        ),
        (
            &["--min-size", "10k", "--max-size", "1k"],
            "--min-size 10 KiB is above --max-size",
        ),
        (&["--older-than", "2M"], "minutes or months"),
    ];
    for (args, expected) in cases {
        let output = postq()
            .arg("--input")
            .arg(fixture("incident.jsonl"))
            .args(["list"])
            .args(*args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(stdout_of(&output), "", "{args:?}");
        let stderr = stderr_of(&output);
        assert!(stderr.starts_with("postq: error: "), "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
}

#[test]
fn patterns_as_admins_type_them() {
    let count = |args: &[&str], stdin: &str| {
        let output = postq()
            .arg("--input")
            .arg(fixture("incident.jsonl"))
            .args(["list", "--count"])
            .args(args)
            .write_stdin(stdin.to_string())
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            stderr_of(&output)
        );
        stdout_of(&output).trim().parse::<usize>().unwrap()
    };
    let alice = count(&["-f", "alice@customer.example"], "");
    assert!(alice > 0);
    // As a mail log writes it.
    assert_eq!(count(&["-f", "<alice@customer.example>"], ""), alice);
    // Repeated or comma-separated: any of them.
    let newsletter = count(&["-f", "newsletter@shop.example"], "");
    assert_eq!(
        count(
            &["-f", "alice@customer.example,newsletter@shop.example"],
            ""
        ),
        alice + newsletter
    );
    assert_eq!(
        count(
            &[
                "-f",
                "alice@customer.example",
                "-f",
                "newsletter@shop.example"
            ],
            ""
        ),
        alice + newsletter
    );
    // Durations in the forms people write.
    assert_eq!(
        count(&["--older-than", "2D"], ""),
        count(&["--older-than", "2 days"], "")
    );
    // A saved list of IDs, from stdin.
    let output = postq()
        .arg("--input")
        .arg(fixture("incident.jsonl"))
        .args(["list", "--ids", "-f", "alice@customer.example"])
        .output()
        .unwrap();
    let ids = stdout_of(&output);
    // A file that cannot be read is named, as --input's is (exit 1).
    let output = postq()
        .args(["--input", "-", "list", "--ids-from", "/nonexistent/ids"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr_of(&output).contains("cannot read /nonexistent/ids"));
    assert_eq!(
        count(
            &["--ids-from", "/dev/stdin"],
            &format!("# alice's\n{ids}\n")
        ),
        alice
    );
}

#[test]
fn a_where_error_shows_the_expression_with_a_caret() {
    let output = postq()
        .args([
            "--input",
            "-",
            "list",
            "-w",
            "sender_domain == example.com and age > 2x",
        ])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr_of(&output).lines().take(3).collect::<Vec<_>>(),
        [
            "postq: error: invalid --where expression at column 40: invalid duration '2x': unknown unit 'x'; use a number and a unit (s, m, h, d or w; or seconds, minutes, hours, days, weeks), or several: 90s, 30m, 2h, 2d, 2D, 2days, 2 days, 1w, 1h30m",
            "  sender_domain == example.com and age > 2x",
            "                                         ^^",
        ]
    );
}
