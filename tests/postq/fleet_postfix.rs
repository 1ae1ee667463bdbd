//! Many queues as one: hosts over a real OpenSSH server started here (Debian's sshd on a
//! loopback port, throwaway host and user keys, an ssh_config of the test's own mapping
//! host aliases to it, a different Postfix sandbox behind each alias as HOST:CONFIG_DIR),
//! and instances found by a real postmulti (in a mount namespace of the test's own, where
//! /etc/postfix is a sandbox's: the machine's Postfix is never touched).

use std::collections::BTreeMap;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command as StdCommand, Output, Stdio};
use std::time::{Duration, Instant};

use crate::support::*;

/// sshd for one test, and the ssh_config that reaches it: `relay1`..`relay3` reach it,
/// `locked` too with a key restricted to dist/postq-remote, `down` reaches a closed port.
/// Stopped when dropped.
struct Sshd {
    child: Child,
    dir: tempfile::TempDir,
}

impl Sshd {
    fn start() -> Sshd {
        let dir = tempfile::tempdir().unwrap();
        let path = |name: &str| dir.path().join(name).display().to_string();
        for key in ["host_key", "user_key", "locked_key"] {
            let made = StdCommand::new("ssh-keygen")
                .args(["-q", "-t", "ed25519", "-N", "", "-f", &path(key)])
                .status()
                .expect("ssh-keygen (openssh-client)");
            assert!(made.success());
        }
        // The second key runs only what dist/postq-remote lets through.
        let locked = format!(
            "restrict,command=\"{}\" {}",
            repo().join("dist/postq-remote").display(),
            std::fs::read_to_string(path("locked_key.pub")).unwrap()
        );
        std::fs::write(
            path("authorized_keys"),
            std::fs::read_to_string(path("user_key.pub")).unwrap() + &locked,
        )
        .unwrap();
        let free_port = || {
            TcpListener::bind("127.0.0.1:0")
                .unwrap()
                .local_addr()
                .unwrap()
                .port()
        };
        let (port, closed) = (free_port(), free_port());
        std::fs::write(
            path("sshd_config"),
            format!(
                "Port {port}\nListenAddress 127.0.0.1\nHostKey {}\nPidFile {}\n\
                 AuthorizedKeysFile {}\nPermitRootLogin prohibit-password\n\
                 PasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM no\n\
                 StrictModes no\n",
                path("host_key"),
                path("sshd.pid"),
                path("authorized_keys")
            ),
        )
        .unwrap();
        let host = |aliases: &str, port: u16, key: &str| {
            format!(
                "Host {aliases}\n  HostName 127.0.0.1\n  Port {port}\n  User root\n  \
                 IdentityFile {}\n  IdentitiesOnly yes\n  StrictHostKeyChecking no\n  \
                 UserKnownHostsFile /dev/null\n  LogLevel ERROR\n",
                path(key)
            )
        };
        std::fs::write(
            path("ssh_config"),
            host("relay1 relay2 relay3", port, "user_key")
                + &host("locked", port, "locked_key")
                + &host("down", closed, "user_key"),
        )
        .unwrap();
        // sshd's privilege separation directory (Debian's package makes it at boot).
        std::fs::create_dir_all("/run/sshd").unwrap();
        let child = StdCommand::new("/usr/sbin/sshd")
            .args(["-D", "-e", "-f", &path("sshd_config")])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("/usr/sbin/sshd (Debian's openssh-server; scripts/test installs it)");
        let mut sshd = Sshd { child, dir };
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(sshd.child.try_wait().unwrap().is_none(), "sshd exited");
            assert!(Instant::now() < deadline, "sshd never listened");
            std::thread::sleep(Duration::from_millis(20));
        }
        sshd
    }

    /// postq reaching the hosts through this test's ssh_config.
    fn postq(&self, hosts: &[String]) -> assert_cmd::Command {
        let mut command = postq();
        command.env(
            "POSTQ_SSH_COMMAND",
            format!("ssh -F {}", self.dir.path().join("ssh_config").display()),
        );
        for host in hosts {
            command.arg("--host").arg(host);
        }
        command
    }
}

impl Sshd {
    /// postq whose ssh first runs `prelude` (a shell snippet seeing the ssh arguments as
    /// "$*"): a host made to fail or to hang, the others reached as they are.
    fn postq_with(&self, hosts: &[String], prelude: &str) -> assert_cmd::Command {
        let mut command = self.postq(hosts);
        command.env("POSTQ_SSH_COMMAND", self.wrapper(prelude));
        command
    }

    /// The ssh of [`Sshd::postq_with`].
    fn wrapper(&self, prelude: &str) -> PathBuf {
        let wrapper = self.dir.path().join("ssh-wrapper");
        std::fs::write(
            &wrapper,
            format!(
                "#!/bin/sh\n{prelude}\nexec ssh -F {} \"$@\"\n",
                self.dir.path().join("ssh_config").display()
            ),
        )
        .unwrap();
        let made = StdCommand::new("chmod").arg("+x").arg(&wrapper).status();
        assert!(made.unwrap().success());
        wrapper
    }
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// postq with `args` through the ssh `wrapper`, interrupted (SIGINT) once the wrapper has
/// made `marker`: what it said, and how long it took after the signal.
fn interrupted_when(wrapper: PathBuf, args: &[&str], marker: &Path) -> (Output, Duration) {
    let child = StdCommand::new(assert_cmd::cargo::cargo_bin("postq"))
        .env("POSTQ_STATE_DIR", state_dir())
        .env("POSTQ_SSH_COMMAND", wrapper)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !marker.exists() {
        assert!(
            Instant::now() < deadline,
            "the wrapper never made {marker:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let sent = StdCommand::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let signalled = Instant::now();
    let output = child.wait_with_output().unwrap();
    (output, signalled.elapsed())
}

/// `ALIAS:CONFIG_DIR` for a sandbox.
fn behind(alias: &str, sandbox: &Sandbox) -> String {
    format!("{alias}:{}", sandbox.config_arg())
}

fn run(command: &mut assert_cmd::Command) -> (Option<i32>, String, String) {
    let output: Output = command.output().unwrap();
    (output.status.code(), stdout_of(&output), stderr_of(&output))
}

/// IDs by sender, as the instance's own postqueue shows them.
fn by_sender(sandbox: &Sandbox) -> BTreeMap<String, Vec<String>> {
    let mut senders: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for entry in sandbox.postqueue_json() {
        senders
            .entry(entry["sender"].as_str().unwrap().to_string())
            .or_default()
            .push(entry["queue_id"].as_str().unwrap().to_string());
    }
    senders.values_mut().for_each(|ids| ids.sort());
    senders
}

/// The queue file of `id` in `from`, copied into `to` under the same name: two instances
/// holding the same queue ID, as happens across hosts.
fn collide(from: &Sandbox, to: &Sandbox, id: &str) -> PathBuf {
    let queue = |sandbox: &Sandbox| sandbox.config_dir().parent().unwrap().join("queue");
    let found = walk(&queue(from).join("deferred"))
        .into_iter()
        .find(|path| path.file_name().is_some_and(|name| name == id))
        .expect("the queue file");
    let relative = found.strip_prefix(queue(from)).unwrap();
    let target = queue(to).join(relative);
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    let copied = StdCommand::new("cp")
        .arg("-p")
        .arg(&found)
        .arg(&target)
        .status()
        .unwrap();
    assert!(copied.success());
    target
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else {
            found.push(path);
        }
    }
    found
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix and sshd as root: run scripts/test"
)]
fn hosts_are_read_as_one_queue_and_the_same_id_on_two_hosts_stays_two_messages() {
    let sshd = Sshd::start();
    let (a, b) = (Sandbox::new(), Sandbox::new());
    a.fill(3, "alice@a.example");
    b.fill(2, "bob@b.example");
    let shared = by_sender(&a)["alice@a.example"][0].clone();
    collide(&a, &b, &shared);
    wait_until(&b, "the copied message is listed", |queue| {
        queue
            .iter()
            .any(|entry| entry["queue_id"] == shared.as_str())
    });
    let hosts = [behind("relay1", &a), behind("relay2", &b)];

    // The union of each instance's listing, each line naming its host and instance.
    let (code, out, err) = run(sshd.postq(&hosts).args(["list", "--json"]));
    assert_eq!(code, Some(0), "{err}");
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 3 + 3, "{out}");
    for (alias, sandbox) in [("relay1", &a), ("relay2", &b)] {
        let mut theirs: Vec<String> = lines
            .iter()
            .filter(|line| line["host"] == alias)
            .map(|line| {
                assert_eq!(line["instance"], sandbox.config_arg().as_str());
                line["queue_id"].as_str().unwrap().to_string()
            })
            .collect();
        theirs.sort();
        let mut own: Vec<String> = by_sender(sandbox).into_values().flatten().collect();
        own.sort();
        assert_eq!(theirs, own, "{alias}");
    }
    // The table names each row's host in a column of its own.
    let (_, table, _) = run(sshd.postq(&hosts).arg("list"));
    let mut rows = table.lines();
    assert!(rows.next().unwrap().starts_with("HOST "), "{table}");
    let shared_rows: Vec<&str> = rows.filter(|row| row.contains(&shared)).collect();
    assert_eq!(shared_rows.len(), 2, "{table}");
    for host in &hosts {
        assert!(
            shared_rows
                .iter()
                .any(|row| row.starts_with(&format!("{host} "))),
            "{host}: {table}"
        );
    }

    // The shared ID is two messages: counted twice, shown per host.
    let (_, count, _) = run(sshd.postq(&hosts).args(["list", "--count"]));
    assert_eq!(count.trim(), "6");
    let (_, ids, _) = run(sshd.postq(&hosts).args(["list", "--ids"]));
    for host in &hosts {
        assert!(ids.contains(&format!("{host}:{shared}\n")), "{ids}");
    }
    let (code, shown, err) =
        run(sshd
            .postq(&hosts)
            .args(["show", "--envelope", &format!("{}:{shared}", hosts[1])]));
    assert_eq!(code, Some(0), "{err}");
    assert!(shown.contains("ENVELOPE RECORDS"), "{shown}");

    // The summary says how much each host holds.
    let (_, json, _) = run(sshd
        .postq(&hosts)
        .args(["summary", "--by", "host", "--json"]));
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let hosts_json = json["hosts"].as_array().unwrap();
    assert_eq!(hosts_json.len(), 2, "{json}");
    assert!(hosts_json.iter().all(|host| host["count"] == 3), "{json}");

    // Metrics name each host's share; promtool-valid label values.
    let (code, metrics, err) = run(sshd.postq(&hosts).arg("metrics"));
    assert_eq!(code, Some(0), "{err}");
    for host in &hosts {
        assert!(
            metrics.contains(&format!("postq_host_messages{{host=\"{host}\"}} 3\n")),
            "{metrics}"
        );
    }

    // Through a key restricted to Postfix's programs (dist/postq-remote), postq works and a
    // shell does not.
    let locked = [behind("locked", &a)];
    let (code, count, err) = run(sshd.postq(&locked).args(["list", "--count"]));
    assert_eq!((code, count.trim()), (Some(0), "3"), "{err}");
    let shell = StdCommand::new("ssh")
        .arg("-F")
        .arg(sshd.dir.path().join("ssh_config"))
        .args(["locked", "id"])
        .output()
        .unwrap();
    assert!(!shell.status.success());
    assert!(stderr_of(&shell).contains("postq-remote: refused"));

    // A host that cannot be reached is named; the others are shown; exit 1.
    let mut with_down = hosts.to_vec();
    with_down.push("down".into());
    let (code, count, err) = run(sshd.postq(&with_down).args(["list", "--count"]));
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(count.trim(), "6");
    assert!(err.contains("ssh down postqueue -j failed"), "{err}");
    assert!(err.contains("1 of 3 could not be read"), "{err}");
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix and sshd as root: run scripts/test"
)]
fn a_delete_across_three_hosts_removes_exactly_the_selection_on_each() {
    let sshd = Sshd::start();
    let sandboxes = [Sandbox::new(), Sandbox::new(), Sandbox::new()];
    for (n, sandbox) in sandboxes.iter().enumerate() {
        // Over 100 in all: enough for the summary to name a culprit.
        sandbox.fill(40 + n as u32, "spam@flood.example");
        sandbox.fill(2, &format!("user{n}@customer.example"));
    }
    let hosts: Vec<String> = sandboxes
        .iter()
        .enumerate()
        .map(|(n, sandbox)| behind(&format!("relay{}", n + 1), sandbox))
        .collect();
    let before: Vec<_> = sandboxes.iter().map(by_sender).collect();

    // A host down: with --yes, nothing changes anywhere unless --skip-unreachable.
    let mut with_down = hosts.clone();
    with_down.push("down".into());
    let (code, _, err) =
        run(sshd
            .postq(&with_down)
            .args(["delete", "--from", "spam@flood.example", "--yes"]));
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("nothing was changed anywhere"), "{err}");
    let now: Vec<_> = sandboxes.iter().map(by_sender).collect();
    assert_eq!(now, before);

    // The culprit across the fleet, with the command that previews its removal everywhere.
    let (code, summary, err) = run(sshd.postq(&hosts).arg("summary"));
    assert_eq!(code, Some(0), "{err}");
    let everywhere: Vec<String> = hosts.iter().map(|h| format!("--host {h}")).collect();
    assert!(
        summary.contains(&format!(
            "postq {} delete --from spam@flood.example --dry-run",
            everywhere.join(" ")
        )),
        "{summary}"
    );

    // The preview counts each host and the total.
    let (code, preview, err) =
        run(sshd
            .postq(&hosts)
            .args(["delete", "--from", "spam@flood.example", "--dry-run"]));
    assert_eq!(code, Some(0), "{err}");
    for (n, host) in hosts.iter().enumerate() {
        assert!(
            preview.contains(&format!("{host}:\n  Would delete {} messages", 40 + n)),
            "{preview}"
        );
    }
    assert!(
        preview.contains("In all: 123 messages on 3 of 3"),
        "{preview}"
    );

    let (code, report, err) =
        run(sshd
            .postq(&hosts)
            .args(["delete", "--from", "spam@flood.example", "--yes"]));
    assert_eq!(code, Some(0), "{err}");
    for (n, sandbox) in sandboxes.iter().enumerate() {
        assert!(
            report.contains(&format!("Deleted {0} of {0} selected messages", 40 + n)),
            "{report}"
        );
        let mut expected = before[n].clone();
        expected.remove("spam@flood.example");
        assert_eq!(by_sender(sandbox), expected, "relay{}", n + 1);
    }

    // --json: one document, each host's outcome under its name.
    let (code, json, err) = run(sshd.postq(&hosts).args([
        "hold",
        "--from",
        "user1@customer.example",
        "--yes",
        "--json",
    ]));
    assert_eq!(code, Some(0), "{err}");
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let places = json["places"].as_array().unwrap();
    assert_eq!(places.len(), 1, "only relay2 had such mail: {json}");
    assert_eq!(places[0]["place"], hosts[1].as_str());
    assert_eq!(places[0]["outcome"]["acted"], 2, "{json}");
    let held: Vec<_> = sandboxes[1]
        .postqueue_json()
        .into_iter()
        .filter(|entry| entry["queue_name"] == "hold")
        .map(|entry| entry["sender"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(held, ["user1@customer.example"; 2]);
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn instances_are_found_with_postmulti() {
    let (primary, out) = (Sandbox::new(), Sandbox::new());
    primary.fill(2, "in@a.example");
    out.fill(3, "out@b.example");
    // The primary lists the other; the other has a name.
    let postconf = |dir: &Path, setting: String| {
        let done = StdCommand::new("postconf")
            .arg("-c")
            .arg(dir)
            .args(["-e", &setting])
            .status()
            .unwrap();
        assert!(done.success());
    };
    postconf(
        &primary.config_dir(),
        format!("multi_instance_directories = {}", out.config_arg()),
    );
    postconf(
        &out.config_dir(),
        "multi_instance_name = postfix-out".into(),
    );
    // postmulti reads only /etc/postfix: here, the primary's, in a mount namespace of
    // this command's own.
    let binary = assert_cmd::cargo::cargo_bin("postq");
    let within = |args: &str| {
        StdCommand::new("unshare")
            .args(["--mount", "--propagation", "private", "sh", "-c"])
            .arg(format!(
                "mkdir -p /etc/postfix && mount --bind {} /etc/postfix && exec {} {args}",
                primary.config_arg(),
                binary.display()
            ))
            .env("POSTQ_STATE_DIR", primary.state_dir())
            .output()
            .unwrap()
    };
    let all = within("--instance all summary --by host");
    assert_eq!(all.status.code(), Some(0), "{}", stderr_of(&all));
    let text = stdout_of(&all);
    assert!(text.starts_with("5 messages"), "{text}");
    assert!(text.contains("postfix-out"), "{text}");
    assert!(text.contains("/etc/postfix"), "{text}");
    let one = within("--instance postfix-out list --count");
    assert_eq!(stdout_of(&one).trim(), "3", "{}", stderr_of(&one));
    let none = within("--instance nonesuch list --count");
    assert_eq!(none.status.code(), Some(2));
    assert!(stderr_of(&none).contains("postmulti -l lists: -, postfix-out"));
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix and sshd as root: run scripts/test"
)]
fn a_host_whose_postsuper_fails_does_not_stop_the_others_and_ctrl_c_strands_nothing() {
    let sshd = Sshd::start();
    let (a, b) = (Sandbox::new(), Sandbox::new());
    for sandbox in [&a, &b] {
        sandbox.fill(3, "spam@flood.example");
        sandbox.fill(1, "keep@customer.example");
    }
    let hosts = [behind("relay1", &a), behind("relay2", &b)];
    let before_b = by_sender(&b);

    // relay2's postsuper fails: relay1 is cleaned, relay2 is named and left as it was.
    let (code, report, err) = run(sshd
        .postq_with(
            &hosts,
            r#"case "$*" in *relay2*postsuper*) echo "postsuper: fatal: simulated" >&2; exit 1;; esac"#,
        )
        .args(["delete", "--from", "spam@flood.example", "--yes"]));
    assert_eq!(code, Some(1), "{report}{err}");
    assert!(
        report.contains("Deleted 3 of 3 selected messages"),
        "{report}"
    );
    assert!(err.contains("relay2"), "{err}");
    assert!(err.contains("1 of 2 hosts or instances failed"), "{err}");
    assert!(!by_sender(&a).contains_key("spam@flood.example"));
    assert_eq!(by_sender(&b), before_b);
    let held = |sandbox: &Sandbox| {
        sandbox
            .postqueue_json()
            .iter()
            .filter(|entry| entry["queue_name"] == "hold")
            .count()
    };
    assert_eq!(held(&b), 0);

    // Ctrl-C while relay2 is slow to hold: each host stops at a safe point and releases
    // what it held; nothing is left on hold, nothing but the selection is gone.
    a.fill(3, "spam@flood.example");
    let marker = sshd.dir.path().join("slow-hold");
    let wrapper = sshd.wrapper(&format!(
        r#"case "$*" in *relay2*postsuper*-h*) touch {}; sleep 3;; esac"#,
        marker.display()
    ));
    let (output, _) = interrupted_when(
        wrapper,
        &[
            "--host",
            &hosts[0],
            "--host",
            &hosts[1],
            "delete",
            "--from",
            "spam@flood.example",
            "--yes",
        ],
        &marker,
    );
    let err = stderr_of(&output);
    assert_ne!(output.status.code(), Some(0), "{err}");
    assert!(err.contains("interrupted"), "{err}");
    for sandbox in [&a, &b] {
        assert_eq!(held(sandbox), 0, "{err}");
        assert_eq!(by_sender(sandbox)["keep@customer.example"].len(), 1);
    }
    // What relay2 held was released, not deleted.
    assert_eq!(by_sender(&b), before_b, "{err}");
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix and sshd as root: run scripts/test"
)]
fn the_account_behind_the_spam_is_read_on_each_host_and_its_mail_removed_everywhere() {
    let sshd = Sshd::start();
    let (a, b) = (Sandbox::new(), Sandbox::new());
    // Over 100 in all: enough for the summary to name the culprit.
    a.incident(60);
    b.incident(70);
    let hosts = [behind("relay1", &a), behind("relay2", &b)];
    let spam = |sandbox: &Sandbox| by_sender(sandbox).get(COMPROMISED).map_or(0, Vec::len);
    assert_eq!((spam(&a), spam(&b)), (60, 70));

    // Who sent the mail is read on each host (postcat there): the account across both.
    let (code, count, err) =
        run(sshd
            .postq(&hosts)
            .args(["list", "--count", "--account", COMPROMISED]));
    assert_eq!((code, count.trim()), (Some(0), "130"), "{err}");
    let (code, summary, err) = run(sshd.postq(&hosts).args(["summary", "--origin"]));
    assert_eq!(code, Some(0), "{err}");
    assert!(
        summary.contains(&format!("The account {COMPROMISED} sent 130 of")),
        "{summary}"
    );

    // One preview, one yes: exactly the account's mail goes, on each host.
    let before = [by_sender(&a), by_sender(&b)];
    let (code, report, err) =
        run(sshd
            .postq(&hosts)
            .args(["delete", "--account", COMPROMISED, "--yes"]));
    assert_eq!(code, Some(0), "{err}");
    assert!(report.contains("Deleted 60 of 60"), "{report}");
    assert!(report.contains("Deleted 70 of 70"), "{report}");
    for (sandbox, before) in [(&a, &before[0]), (&b, &before[1])] {
        let mut expected = before.clone();
        expected.remove(COMPROMISED);
        assert_eq!(by_sender(sandbox), expected);
    }
}

#[test]
fn bad_host_lists_are_usage_errors_that_name_the_entry() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("relays.txt");
    std::fs::write(
        &file,
        "# relays\nrelay1:/etc/postfix-out  # out\n-oProxyCommand=x\n",
    )
    .unwrap();
    let (code, _, err) = run(postq().arg("--hosts").arg(&file).args(["list", "--count"]));
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains(&format!(
            "invalid host '-oProxyCommand=x' ({}, line 3)",
            file.display()
        )),
        "{err}"
    );
    std::fs::write(&file, "# nothing yet\n\n").unwrap();
    let (code, _, err) = run(postq().arg("--hosts").arg(&file).arg("list"));
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("no host in"), "{err}");
    let (code, _, err) = run(postq().args(["--host", "relay1", "--input", "-", "list"]));
    assert_eq!(code, Some(2), "{err}");
    let (code, _, err) = run(postq().args(["-c", "/etc/postfix", "--instance", "all", "list"]));
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("postmulti"), "{err}");
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix and sshd as root: run scripts/test"
)]
fn ctrl_c_while_a_host_hangs_stops_every_listing_at_once() {
    let sshd = Sshd::start();
    let sandbox = Sandbox::new();
    sandbox.fill(2, "steady@example.org");
    let hosts = [behind("relay1", &sandbox), behind("relay2", &sandbox)];
    // relay2 never answers: its ssh becomes a sleep, whose pid is written down.
    let (marker, sleeper) = (
        sshd.dir.path().join("hanging"),
        sshd.dir.path().join("sleeper.pid"),
    );
    let wrapper = sshd.wrapper(&format!(
        r#"case "$*" in *relay2*postqueue*) echo $$ > {}; touch {}; exec sleep 600;; esac"#,
        sleeper.display(),
        marker.display()
    ));
    let (output, took) = interrupted_when(
        wrapper,
        &["--host", &hosts[0], "--host", &hosts[1], "summary"],
        &marker,
    );
    assert_eq!(output.status.code(), Some(130), "{}", stderr_of(&output));
    // At once: not after the stall timeout (60 s).
    assert!(took < Duration::from_secs(30), "{took:?}");
    // The hanging host's program was stopped, not left behind.
    let pid = std::fs::read_to_string(&sleeper).unwrap();
    wait_gone(pid.trim());
}
