//! `postq metrics` on real Postfix, read by the real Prometheus tools: promtool accepts the
//! exposition and the alert rules, and a real node_exporter (Debian's, started here on a
//! loopback port) serves the textfile postq wrote with the numbers `postq list --count`
//! gives.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command as StdCommand, Stdio};
use std::time::{Duration, Instant};

use crate::support::*;

/// `promtool ARGS` with `input` on stdin: its exit status and what it said.
fn promtool(args: &[&str], input: &str) -> (bool, String) {
    let mut child = StdCommand::new("promtool")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("promtool (Debian's prometheus package; scripts/test installs it)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let said = format!("{}{}", stdout_of(&output), stderr_of(&output));
    (output.status.success(), said)
}

/// The value of one series (name with its labels, as printed) in an exposition.
fn value(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find_map(|line| line.strip_prefix(series)?.strip_prefix(' '))
        .map(|value| value.parse().unwrap())
}

fn metrics(sandbox: &Sandbox, args: &[&str]) -> String {
    let output = sandbox.postq().arg("metrics").args(args).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    stdout_of(&output)
}

fn count(sandbox: &Sandbox, args: &[&str]) -> f64 {
    let output = sandbox
        .postq()
        .args(["list", "--count"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    stdout_of(&output).trim().parse().unwrap()
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn metrics_pass_promtool_and_count_what_list_counts() {
    let sandbox = Sandbox::shared_incident();
    for format in [&[][..], &["--openmetrics"][..]] {
        let text = metrics(sandbox, format);
        assert_eq!(text.ends_with("# EOF\n"), !format.is_empty(), "{text}");
        let (ok, said) = promtool(&["check", "metrics"], &text);
        assert!(ok, "promtool check metrics: {said}\n{text}");
        assert!(said.trim().is_empty(), "promtool's lint: {said}");
    }
    let text = metrics(sandbox, &[]);
    for queue in ["maildrop", "incoming", "active", "deferred", "hold"] {
        assert_eq!(
            value(&text, &format!("postq_queue_messages{{queue=\"{queue}\"}}")),
            Some(count(sandbox, &["--queue", queue])),
            "{queue}: {text}"
        );
    }
    // Root reads who sent each message (every one: fewer than 10,000): the account leads.
    assert_eq!(value(&text, "postq_origins_read"), Some(1.0));
    let total: f64 = ["maildrop", "incoming", "active", "deferred", "hold"]
        .iter()
        .map(|queue| count(sandbox, &["--queue", queue]))
        .sum();
    assert_eq!(value(&text, "postq_origins_read_messages"), Some(total));
    let spam = count(sandbox, &["--from", COMPROMISED]);
    assert_eq!(
        value(
            &text,
            &format!("postq_top_origin_messages{{origin=\"sasl:{COMPROMISED}\"}}")
        ),
        Some(spam),
        "{text}"
    );
    let share = value(
        &text,
        &format!("postq_top_origin_share{{origin=\"sasl:{COMPROMISED}\"}}"),
    )
    .unwrap();
    assert!((share - spam / total).abs() < 0.0001, "{share}");
    assert_eq!(value(&text, "postq_listing_success"), Some(1.0));
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn an_empty_queue_has_every_series_at_zero_and_a_failed_listing_says_so() {
    let sandbox = Sandbox::new();
    let text = metrics(&sandbox, &[]);
    for queue in ["maildrop", "incoming", "active", "deferred", "hold"] {
        for family in [
            "postq_queue_messages",
            "postq_queue_bytes",
            "postq_queue_oldest_age_seconds",
        ] {
            assert_eq!(
                value(&text, &format!("{family}{{queue=\"{queue}\"}}")),
                Some(0.0),
                "{family} {queue}: {text}"
            );
        }
        assert_eq!(
            value(
                &text,
                &format!("postq_queue_age_messages{{queue=\"{queue}\",age=\"1280m+\"}}")
            ),
            Some(0.0)
        );
    }
    assert!(promtool(&["check", "metrics"], &text).0);

    assert_eq!(value(&text, "postq_postfix_up"), Some(1.0));

    // Stopped, root's postqueue reads the queue files itself: Postfix is said to be down.
    sandbox.stop();
    let text = metrics(&sandbox, &[]);
    assert_eq!(value(&text, "postq_postfix_up"), Some(0.0), "{text}");
    assert_eq!(value(&text, "postq_listing_success"), Some(1.0), "{text}");

    // A listing that fails (postqueue on a wrong configuration directory) still writes
    // the file, saying so, and exits 1.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("postq.prom"), "postq_listing_success 1\n").unwrap();
    let output = postq()
        .env("POSTQ_STATE_DIR", sandbox.state_dir())
        .arg("-c")
        .arg(sandbox.config_dir().join("missing"))
        .args(["metrics", "--textfile"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    let written = std::fs::read_to_string(dir.path().join("postq.prom")).unwrap();
    assert_eq!(
        value(&written, "postq_listing_success"),
        Some(0.0),
        "{written}"
    );
    assert!(!written.contains("postq_queue_messages"), "{written}");
}

/// node_exporter, started on a free loopback port with only the textfile collector on
/// `dir`; killed when dropped.
struct NodeExporter {
    child: Child,
    port: u16,
}

impl NodeExporter {
    fn start(dir: &Path) -> NodeExporter {
        // The port the kernel gives is free; node_exporter binds it right after.
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = StdCommand::new("prometheus-node-exporter")
            .arg(format!("--web.listen-address=127.0.0.1:{port}"))
            .arg("--collector.disable-defaults")
            .arg("--collector.textfile")
            .arg(format!("--collector.textfile.directory={}", dir.display()))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("prometheus-node-exporter (Debian's; scripts/test installs it)");
        NodeExporter { child, port }
    }

    /// GET /metrics, once it answers.
    fn scrape(&mut self) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok(mut stream) = TcpStream::connect(("127.0.0.1", self.port)) {
                write!(
                    stream,
                    "GET /metrics HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept: text/plain\r\n\r\n"
                )
                .unwrap();
                let mut response = String::new();
                stream.read_to_string(&mut response).unwrap();
                let (head, body) = response.split_once("\r\n\r\n").unwrap();
                assert!(head.starts_with("HTTP/1.0 200") || head.starts_with("HTTP/1.1 200"));
                return body.to_string();
            }
            assert!(
                self.child.try_wait().unwrap().is_none(),
                "node_exporter exited"
            );
            assert!(Instant::now() < deadline, "node_exporter never answered");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for NodeExporter {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn node_exporter_serves_the_textfile_postq_writes() {
    let sandbox = Sandbox::shared_incident();
    let dir = tempfile::tempdir().unwrap();
    let output = sandbox
        .postq()
        .arg("metrics")
        .arg("--textfile")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert!(stdout_of(&output).is_empty());
    // Only the file itself is left: the temporary one was renamed.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["postq.prom"]);

    let mut exporter = NodeExporter::start(dir.path());
    let served = exporter.scrape();
    assert_eq!(
        value(&served, "node_textfile_scrape_error"),
        Some(0.0),
        "{served}"
    );
    for queue in ["deferred", "hold", "active"] {
        assert_eq!(
            value(
                &served,
                &format!("postq_queue_messages{{queue=\"{queue}\"}}")
            ),
            Some(count(sandbox, &["--queue", queue])),
            "{queue}: {served}"
        );
    }
    assert_eq!(
        value(
            &served,
            &format!("postq_top_sender_messages{{sender=\"{COMPROMISED}\"}}")
        ),
        Some(count(sandbox, &["--from", COMPROMISED]))
    );
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "needs promtool: run scripts/test"
)]
fn the_alert_rules_pass_promtool_and_fire_on_a_flood() {
    let rules = repo().join("dist/prometheus/postq-alerts.yml");
    let output = StdCommand::new("promtool")
        .args(["check", "rules"])
        .arg(&rules)
        .output()
        .expect("promtool (Debian's prometheus package; scripts/test installs it)");
    assert!(output.status.success(), "{}", stdout_of(&output));
    // The rules' own unit tests: series in, alerts out.
    let output = StdCommand::new("promtool")
        .args(["test", "rules"])
        .arg(repo().join("dist/prometheus/postq-alerts.test.yml"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}{}",
        stdout_of(&output),
        stderr_of(&output)
    );
}
