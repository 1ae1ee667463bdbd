//! `postq summary` over saved queue data: the JSON contract, decoded into types of its own
//! here, and the numbers checked against the dump itself.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use crate::support::*;

#[derive(Debug, Deserialize)]
struct Document {
    now: i64,
    total: Total,
    queues: Option<Vec<Row>>,
    senders: Option<Vec<Row>>,
    sender_domains: Option<Vec<Row>>,
    recipients: Option<Vec<Row>>,
    recipient_domains: Option<Vec<Row>>,
    reasons: Option<Vec<Row>>,
    ages: Option<Vec<Row>>,
    distinct: BTreeMap<String, usize>,
    culprit: Option<Culprit>,
}

#[derive(Debug, Deserialize)]
struct Total {
    count: u64,
    bytes: u64,
    oldest_age: i64,
}

#[derive(Debug, Deserialize)]
struct Row {
    key: String,
    count: u64,
    bytes: u64,
    share: f64,
    oldest_age: i64,
    example: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Culprit {
    kind: String,
    key: String,
    count: u64,
    command: String,
}

fn summary_json(args: &[&str]) -> Document {
    let output = postq()
        .arg("--input")
        .arg(fixture("incident.jsonl"))
        .args(["summary", "--json"])
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    serde_json::from_slice(&output.stdout).unwrap()
}

fn entries() -> Vec<Value> {
    json_lines(&fixture_text("incident.jsonl"))
}

/// Messages and bytes per key, counted here from the dump, each message once per key.
fn expected(keys_of: impl Fn(&Value) -> Vec<String>) -> BTreeMap<String, (u64, u64)> {
    let mut counts: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    for entry in entries() {
        let mut keys = keys_of(&entry);
        keys.sort();
        keys.dedup();
        for key in keys {
            let slot = counts.entry(key).or_default();
            slot.0 += 1;
            slot.1 += entry["message_size"].as_u64().unwrap();
        }
    }
    counts
}

fn as_map(rows: &[Row]) -> BTreeMap<String, (u64, u64)> {
    rows.iter()
        .map(|r| (r.key.clone(), (r.count, r.bytes)))
        .collect()
}

fn check_grouping(rows: &[Row], total: u64) {
    assert!(!rows.is_empty());
    for pair in rows.windows(2) {
        assert!(pair[0].count >= pair[1].count, "largest first: {pair:?}");
    }
    for row in rows {
        assert!((row.share - row.count as f64 / total as f64).abs() < 1e-9);
        assert!(row.oldest_age >= 0);
    }
}

fn domain(address: &str) -> String {
    address
        .rsplit_once('@')
        .map(|(_, d)| d)
        .unwrap_or("")
        .to_lowercase()
}

#[test]
fn the_json_document_holds_every_grouping_with_numbers_from_the_dump() {
    let document = summary_json(&["--top", "100"]);
    let entries = entries();
    let total = entries.len() as u64;
    assert_eq!(document.total.count, total);
    assert_eq!(
        document.total.bytes,
        entries
            .iter()
            .map(|e| e["message_size"].as_u64().unwrap())
            .sum::<u64>()
    );
    let oldest = entries
        .iter()
        .map(|e| e["arrival_time"].as_i64().unwrap())
        .min()
        .unwrap();
    assert_eq!(document.total.oldest_age, document.now - oldest);

    let queues = document.queues.unwrap();
    check_grouping(&queues, total);
    assert_eq!(
        as_map(&queues),
        expected(|e| vec![e["queue_name"].as_str().unwrap().to_string()])
    );
    let senders = document.senders.unwrap();
    check_grouping(&senders, total);
    assert_eq!(
        as_map(&senders),
        expected(|e| {
            let sender = e["sender"].as_str().unwrap();
            vec![if sender == "MAILER-DAEMON" {
                sender.to_string()
            } else {
                sender.to_lowercase()
            }]
        })
    );
    assert_eq!(senders[0].key, COMPROMISED);
    let sender_domains = document.sender_domains.unwrap();
    check_grouping(&sender_domains, total);
    assert_eq!(
        as_map(&sender_domains),
        expected(|e| vec![domain(e["sender"].as_str().unwrap())])
    );
    let recipient_domains = document.recipient_domains.unwrap();
    check_grouping(&recipient_domains, total);
    assert_eq!(
        as_map(&recipient_domains),
        expected(|e| {
            e["recipients"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| domain(r["address"].as_str().unwrap()))
                .collect()
        })
    );
    let reasons = document.reasons.unwrap();
    check_grouping(&reasons, total);
    let keys: Vec<&str> = reasons.iter().map(|r| r.key.as_str()).collect();
    assert!(keys.contains(&"deferred transport"), "{keys:?}");
    assert!(
        keys.contains(&"connect to *[*]:*: Connection refused"),
        "{keys:?}"
    );
    // Every example is a raw reason from the dump.
    let raw: Vec<String> = entries
        .iter()
        .flat_map(|e| e["recipients"].as_array().unwrap().clone())
        .filter_map(|r| r["delay_reason"].as_str().map(String::from))
        .collect();
    assert!(
        reasons
            .iter()
            .all(|r| raw.contains(r.example.as_ref().unwrap()))
    );
    let ages = document.ages.unwrap();
    check_grouping(&ages, total);
    assert_eq!(ages.iter().map(|r| r.count).sum::<u64>(), total);
    assert!(document.recipients.is_none());
    assert_eq!(document.distinct["senders"], senders.len());
    // 40 of 71 is a large share, but not more than 100 messages: no culprit named.
    assert!(document.culprit.is_none());
}

#[test]
fn by_and_top_in_json_and_in_the_table() {
    let cases = [
        ("sender", "senders", "SENDER"),
        ("sender-domain", "sender_domains", "SENDER DOMAIN"),
        ("recipient", "recipients", "RECIPIENT"),
        ("recipient-domain", "recipient_domains", "RECIPIENT DOMAIN"),
        ("reason", "reasons", "DELAY REASON"),
        ("queue", "queues", "QUEUE"),
        ("age", "ages", "AGE"),
    ];
    for (by, member, title) in cases {
        let output = postq()
            .arg("--input")
            .arg(fixture("incident.jsonl"))
            .args(["summary", "--json", "--top", "2", "--by", by])
            .output()
            .unwrap();
        assert!(output.status.success(), "{by}");
        let document: Value = serde_json::from_slice(&output.stdout).unwrap();
        let rows = document[member]
            .as_array()
            .unwrap_or_else(|| panic!("{by}: {document}"));
        assert!(!rows.is_empty() && rows.len() <= 2, "{by}");
        for row in rows {
            for required in ["key", "count", "bytes", "share", "oldest_age"] {
                assert!(row.get(required).is_some(), "{by}: {required} in {row}");
            }
        }
        let groupings = [
            "queues",
            "senders",
            "sender_domains",
            "recipients",
            "recipient_domains",
            "reasons",
            "ages",
        ];
        for other in groupings.iter().filter(|g| **g != member) {
            assert!(document.get(*other).is_none(), "{by}: {other}");
        }

        let output = postq()
            .arg("--input")
            .arg(fixture("incident.jsonl"))
            .args(["summary", "--by", by])
            .output()
            .unwrap();
        let table = stdout_of(&output);
        assert!(table.contains(title), "{by}: {table}");
        let header: Vec<&str> = table.lines().nth(2).unwrap().split_whitespace().collect();
        assert_eq!(
            header[..4],
            ["MESSAGES", "SHARE", "SIZE", "OLDEST"],
            "{by}: {table}"
        );
    }
}

#[test]
fn a_selection_narrows_the_summary() {
    let document = summary_json(&["-q", "hold"]);
    assert_eq!(document.total.count, 3);
    assert_eq!(document.senders.unwrap()[0].key, "audit@partner.example");
}

#[test]
fn an_empty_queue_and_an_empty_selection() {
    let output = postq()
        .args(["--input", "-", "summary"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stderr_of(&output), "Mail queue is empty\n");
    let output = postq()
        .args(["--input", "-", "summary", "--json"])
        .write_stdin("")
        .output()
        .unwrap();
    let document: Document = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(document.total.count, 0);
    assert!(document.senders.unwrap().is_empty());
    let output = postq()
        .arg("--input")
        .arg(fixture("incident.jsonl"))
        .args(["summary", "-f", "nobody@nowhere.example"])
        .output()
        .unwrap();
    assert!(stderr_of(&output).starts_with("No message matches the selection"));
}

#[test]
fn the_culprit_is_named_with_the_command_that_previews_its_removal() {
    // 150 messages from one account among the 71 of the incident.
    let lines = fixture_lines("incident.jsonl");
    let spam = lines
        .iter()
        .find(|l| l.contains(COMPROMISED))
        .unwrap()
        .replace(COMPROMISED, "flood@customer.example");
    let id = json_lines(&spam)[0]["queue_id"]
        .as_str()
        .unwrap()
        .to_string();
    let mut dump = lines.join("\n") + "\n";
    for i in 0..150 {
        dump.push_str(&spam.replace(&id, &format!("F{i:010X}")));
        dump.push('\n');
    }
    let output = postq()
        .args(["--input", "-", "summary", "--json"])
        .write_stdin(dump.clone())
        .output()
        .unwrap();
    let document: Document = serde_json::from_slice(&output.stdout).unwrap();
    let culprit = document.culprit.unwrap();
    assert_eq!(
        (culprit.kind.as_str(), culprit.key.as_str(), culprit.count),
        ("sender", "flood@customer.example", 150)
    );
    assert_eq!(
        culprit.command,
        "postq delete --from flood@customer.example --dry-run"
    );
    let output = postq()
        .args(["--input", "-", "summary"])
        .write_stdin(dump)
        .output()
        .unwrap();
    let table = stdout_of(&output);
    assert!(
        table.contains("The sender flood@customer.example holds 150 of 221 messages (67.9%).\nPreview their removal:  postq delete --from flood@customer.example --dry-run\n"),
        "{table}"
    );
}
