//! `postq check` on a saved listing: every threshold, the flood rule by sender, and
//! performance data in the Monitoring Plugins format. (check_postfix.rs: on real Postfix.)

use crate::support::*;

fn check(args: &[&str]) -> (String, Option<i32>) {
    let output = postq()
        .arg("--input")
        .arg(fixture("incident.jsonl"))
        .arg("check")
        .args(args)
        .output()
        .unwrap();
    let text = stdout_of(&output);
    assert_eq!(text.lines().count(), 1, "one line: {text}");
    (text.trim_end().to_string(), output.status.code())
}

fn calm_and(extra: &[&str]) -> Vec<String> {
    CALM.iter().chain(extra).map(|s| s.to_string()).collect()
}

fn check_calm_and(extra: &[&str]) -> (String, Option<i32>) {
    let args = calm_and(extra);
    check(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

#[test]
fn each_threshold_gives_its_state() {
    let entries = fixture_lines("incident.jsonl");
    let in_queue = |queue: &str| {
        json_lines(&entries.join("\n"))
            .iter()
            .filter(|entry| entry["queue_name"] == queue)
            .count()
    };
    let (deferred, hold) = (in_queue("deferred"), in_queue("hold"));

    let (line, code) = check_calm_and(&[]);
    assert_eq!(code, Some(0), "{line}");
    assert!(
        line.starts_with(&format!("POSTQ OK - {} messages", entries.len())),
        "{line}"
    );
    // A saved listing has no queue files: floods are weighed by sender, and it says so.
    assert!(line.contains("(floods by sender: a saved listing has no queue files)"));

    let cases: [(&[&str], i32, String); 8] = [
        (
            &["--warn-queue", &format!("deferred={}", deferred - 1)],
            1,
            format!("{deferred} in deferred"),
        ),
        (
            &["--crit-queue", &format!("hold={}", hold - 1)],
            2,
            format!("{hold} in hold"),
        ),
        (
            &["--warn-queue", "hold=@1:1000"],
            1,
            format!("{hold} in hold"),
        ),
        (
            &["--warn-queue-age", "hold=1h"],
            1,
            "the oldest in hold is".into(),
        ),
        (
            &["--crit-queue-age", "deferred=1h"],
            2,
            "the oldest in deferred is".into(),
        ),
        (&["--warn-age", "1h"], 1, "the oldest is".into()),
        (&["--crit-age", "1h"], 2, "the oldest is".into()),
        (&["--crit-bytes", "1000"], 2, "bytes".into()),
    ];
    for (extra, state, problem) in cases {
        let (line, code) = check_calm_and(extra);
        assert_eq!(code, Some(state), "{extra:?}: {line}");
        let name = ["OK", "WARNING", "CRITICAL"][state as usize];
        assert!(line.starts_with(&format!("POSTQ {name} - ")), "{line}");
        assert!(line.contains(&problem), "{extra:?}: {line}");
    }
    // Not crossed: the same options with room to spare stay OK.
    for extra in [
        ["--warn-queue", "hold=1000"],
        ["--warn-queue-age", "hold=30d"],
        ["--crit-bytes", "1000000000"],
    ] {
        let (line, code) = check_calm_and(&extra);
        assert_eq!(code, Some(0), "{extra:?}: {line}");
    }
    // A bad share or per-queue threshold is UNKNOWN, naming it.
    let (line, code) = check(&["--flood-warn-share", "50"]);
    assert_eq!(code, Some(3));
    assert!(
        line.starts_with("POSTQ UNKNOWN - invalid --flood-warn-share '50'; "),
        "{line}"
    );
    let (line, code) = check(&["--warn-queue", "mailbox=5"]);
    assert_eq!(code, Some(3));
    assert!(
        line.starts_with("POSTQ UNKNOWN - invalid --warn-queue 'mailbox=5'; "),
        "{line}"
    );
}

#[test]
fn the_flood_by_sender_names_it_and_previews_its_removal() {
    let entries = json_lines(&fixture_lines("incident.jsonl").join("\n"));
    let mut by_sender = std::collections::BTreeMap::<String, usize>::new();
    for entry in &entries {
        *by_sender
            .entry(entry["sender"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    let (sender, count) = by_sender.iter().max_by_key(|(_, n)| **n).unwrap();
    let (line, code) = check(&["--flood-warn-count", "10"]);
    assert_eq!(code, Some(1), "{line}");
    assert!(
        line.contains(&format!(
            "flood: the sender {sender} holds {count} of {}",
            entries.len()
        )),
        "{line}"
    );
    assert!(
        line.contains(&format!(
            "preview its removal: postq delete --from {sender} --dry-run"
        )),
        "{line}"
    );
}

#[test]
fn perfdata_is_in_the_guidelines_format() {
    let (line, _) = check(&[
        "--warn-queue",
        "deferred=10:20",
        "--crit-queue-age",
        "hold=2h",
    ]);
    let perfdata = line.split_once(" | ").unwrap().1;
    let mut labels = Vec::new();
    for item in perfdata.split(' ') {
        // label=value[UOM];[warn];[crit];[min];[max]
        let (label, rest) = item.split_once('=').unwrap();
        let fields: Vec<&str> = rest.split(';').collect();
        assert_eq!(fields.len(), 4, "{item}");
        let value = fields[0].trim_end_matches(['s', 'B']);
        assert!(value.parse::<u64>().is_ok(), "{item}");
        assert_eq!(fields[3], "0", "{item}");
        labels.push(label.to_string());
        if label == "deferred" {
            assert_eq!(&fields[1..3], ["10:20", ""]);
        }
        if label == "hold_oldest_age" {
            assert_eq!(&fields[1..3], ["", "7200"]);
        }
    }
    let mut expected = vec!["messages", "bytes", "oldest_age"]
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
    for queue in ["maildrop", "incoming", "active", "deferred", "hold"] {
        expected.push(queue.to_string());
        expected.push(format!("{queue}_oldest_age"));
    }
    assert_eq!(labels, expected, "every queue, even empty ones");
}
