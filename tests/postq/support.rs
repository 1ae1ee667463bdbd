//! Test support: running postq, the committed fixtures, fake Postfix programs, and real,
//! throwaway Postfix instances made by `scripts/sandbox`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Output};
use std::sync::OnceLock;

use assert_cmd::Command;
use serde_json::Value;

/// Messages of normal traffic in `scripts/sandbox incident` besides the spam.
pub const INCIDENT_OTHERS: usize = 31;

pub const COMPROMISED: &str = "compromised@customer.example";

/// `check` thresholds that neither the fixtures nor the test instances cross.
pub const CALM: [&str; 8] = [
    "--warn-messages",
    "100000",
    "--crit-messages",
    "200000",
    "--flood-warn-count",
    "100000",
    "--flood-crit-count",
    "200000",
];

pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// postq with a predictable environment: no colour variables, no terminal width.
pub fn postq() -> Command {
    let mut command = Command::cargo_bin("postq").unwrap();
    command
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS")
        .env("POSTQ_STATE_DIR", state_dir());
    command
}

/// Where postq keeps action journals in these tests (never the machine's /var/lib/postq).
pub fn state_dir() -> PathBuf {
    std::env::temp_dir().join(format!("postq-tests-{}", std::process::id()))
}

pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

pub fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).unwrap()
}

pub fn fixture_lines(name: &str) -> Vec<String> {
    fixture_text(name).lines().map(str::to_string).collect()
}

pub fn stdout_of(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

pub fn stderr_of(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

/// JSON entries keyed by queue ID.
pub fn by_id(entries: Vec<Value>) -> BTreeMap<String, Value> {
    entries
        .into_iter()
        .map(|entry| (entry["queue_id"].as_str().unwrap().to_string(), entry))
        .collect()
}

pub fn ids_of(entries: &[Value]) -> Vec<String> {
    entries
        .iter()
        .map(|entry| entry["queue_id"].as_str().unwrap().to_string())
        .collect()
}

/// A directory of fake Postfix programs, put first in postq's PATH.
pub struct FakePrograms {
    dir: tempfile::TempDir,
}

impl FakePrograms {
    pub fn new() -> FakePrograms {
        FakePrograms {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// Adds `name` as a shell script.
    pub fn add(&self, name: &str, script: &str) -> &FakePrograms {
        use std::os::unix::fs::PermissionsExt;
        let path = self.dir.path().join(name);
        std::fs::write(&path, format!("#!/bin/sh\n{script}\n")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        self
    }

    /// A path in the fakes' directory, for files they share with the test.
    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// PATH with the fakes first.
    pub fn path_var(&self) -> String {
        format!(
            "{}:{}",
            self.dir.path().display(),
            std::env::var("PATH").unwrap_or_default()
        )
    }
}

/// A real Postfix instance in a temporary directory, made and started by scripts/sandbox.
/// Destroyed when dropped, and by a watcher process should the tests die first.
pub struct Sandbox {
    pub dir: PathBuf,
}

impl Sandbox {
    /// A new, empty, running instance. Fails loudly when Postfix cannot be had: these tests
    /// are never skipped.
    pub fn new() -> Sandbox {
        Sandbox::create(false)
    }

    pub fn with_long_queue_ids() -> Sandbox {
        Sandbox::create(true)
    }

    fn create(long_ids: bool) -> Sandbox {
        assert!(
            is_root(),
            "the real-Postfix tests need root (Postfix instances start as root); run scripts/test as root"
        );
        // scripts/sandbox destroy removes the directory, not TempDir.
        let dir = tempfile::Builder::new()
            .prefix("postq-test-")
            .tempdir()
            .unwrap()
            .keep();
        let mut create = vec!["create".to_string(), dir.display().to_string()];
        if long_ids {
            create.push("--long-queue-ids".into());
        }
        sandbox(&create);
        let sandbox = Sandbox { dir };
        sandbox.run(&["watch", &std::process::id().to_string()]);
        sandbox.run(&["start"]);
        sandbox
    }

    /// The shared instance with the simulated incident (300 spam messages), for tests that
    /// only read. Tests that change a queue make their own.
    pub fn shared_incident() -> &'static Sandbox {
        static SHARED: OnceLock<Sandbox> = OnceLock::new();
        SHARED.get_or_init(|| {
            let sandbox = Sandbox::new();
            sandbox.incident(300);
            sandbox
        })
    }

    pub fn config_dir(&self) -> PathBuf {
        self.dir.join("etc")
    }

    pub fn config_arg(&self) -> String {
        self.config_dir().display().to_string()
    }

    /// `scripts/sandbox COMMAND DIR ARGS...`
    pub fn run(&self, args: &[&str]) {
        let mut all = vec![args[0].to_string(), self.dir.display().to_string()];
        all.extend(args[1..].iter().map(|arg| arg.to_string()));
        sandbox(&all);
    }

    pub fn incident(&self, spam: u32) {
        self.run(&["incident", &spam.to_string()]);
    }

    pub fn fill(&self, count: u32, sender: &str) {
        self.run(&["fill", &count.to_string(), sender]);
    }

    pub fn stop(&self) {
        self.run(&["stop"]);
    }

    /// postq -c DIR, with journals in DIR/state.
    pub fn postq(&self) -> Command {
        let mut command = postq();
        command
            .env("POSTQ_STATE_DIR", self.state_dir())
            .arg("-c")
            .arg(self.config_dir());
        command
    }

    /// Where postq keeps this instance's action journals in these tests.
    pub fn state_dir(&self) -> PathBuf {
        self.dir.join("state")
    }

    /// What `postqueue -c DIR -j` itself shows.
    pub fn postqueue_json(&self) -> Vec<Value> {
        let output = StdCommand::new("postqueue")
            .arg("-c")
            .arg(self.config_dir())
            .arg("-j")
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr_of(&output));
        json_lines(&stdout_of(&output))
    }

    /// `postsuper -c DIR ARGS` with IDs on stdin; panics when it fails.
    pub fn postsuper(&self, args: &[&str], ids: &[String]) {
        use std::io::Write;
        let mut child = StdCommand::new("postsuper")
            .arg("-c")
            .arg(self.config_dir())
            .args(args)
            .stdin(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        for id in ids {
            writeln!(stdin, "{id}").unwrap();
        }
        drop(stdin);
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "{}", stderr_of(&output));
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = StdCommand::new(repo().join("scripts/sandbox"))
            .arg("destroy")
            .arg(&self.dir)
            .output();
    }
}

fn sandbox(args: &[String]) {
    let output = StdCommand::new(repo().join("scripts/sandbox"))
        .args(args)
        .output()
        .unwrap_or_else(|err| panic!("cannot run scripts/sandbox: {err}"));
    assert!(
        output.status.success(),
        "scripts/sandbox {} failed ({}):\n{}{}",
        args.join(" "),
        output.status,
        stdout_of(&output),
        stderr_of(&output)
    );
}

fn is_root() -> bool {
    StdCommand::new("id")
        .arg("-u")
        .output()
        .map(|output| stdout_of(&output).trim() == "0")
        .unwrap_or(false)
}

/// (queue, sender) of every message, by ID.
pub fn snapshot(sandbox: &Sandbox) -> BTreeMap<String, (String, String)> {
    sandbox
        .postqueue_json()
        .into_iter()
        .map(|e| {
            (
                e["queue_id"].as_str().unwrap().to_string(),
                (
                    e["queue_name"].as_str().unwrap().to_string(),
                    e["sender"].as_str().unwrap().to_string(),
                ),
            )
        })
        .collect()
}

pub fn incident(spam: u32) -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.incident(spam);
    sandbox
}

/// Waits until the process `pid` is gone (or a zombie nobody waits for): a minute at most.
pub fn wait_gone(pid: &str) {
    let stat = format!("/proc/{}/stat", pid.trim());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let alive = std::fs::read_to_string(&stat).is_ok_and(|text| {
            text.rsplit(')')
                .next()
                .is_some_and(|rest| !rest.trim_start().starts_with('Z'))
        });
        if !alive {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "process {pid} was left running"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Polls the queue until `done` holds (a minute at most): waits for a state, never for a
/// time.
pub fn wait_until(sandbox: &Sandbox, what: &str, done: impl Fn(&[serde_json::Value]) -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let entries = sandbox.postqueue_json();
        if done(&entries) {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "timed out waiting for {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}
