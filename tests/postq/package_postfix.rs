//! What ships: the Debian package cargo-deb builds (its contents, lintian, nothing enabled),
//! the systemd units (systemd-analyze verify, on the package's own files) and the daily
//! report, mailed through a real Postfix sandbox's sendmail.

use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Output};
use std::sync::OnceLock;

use crate::support::*;

fn run(program: &str, args: &[&str]) -> Output {
    StdCommand::new(program)
        .args(args)
        .current_dir(repo())
        .output()
        .unwrap_or_else(|err| panic!("{program} (scripts/test installs it): {err}"))
}

/// The package, built once by cargo-deb (the release binary, stripped).
fn deb() -> &'static Path {
    static DEB: OnceLock<PathBuf> = OnceLock::new();
    DEB.get_or_init(|| {
        let output = run("cargo", &["deb", "--locked", "--strip"]);
        assert!(output.status.success(), "cargo deb: {}", stderr_of(&output));
        PathBuf::from(stdout_of(&output).trim().lines().last().unwrap())
    })
}

/// The package unpacked into a fresh directory.
fn unpacked() -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    let output = run(
        "dpkg-deb",
        &["-x", deb().to_str().unwrap(), root.path().to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", stderr_of(&output));
    root
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "builds the .deb with cargo-deb: run scripts/test"
)]
fn the_deb_holds_the_binary_docs_completions_and_units_and_lintian_passes() {
    let listing = stdout_of(&run("dpkg-deb", &["-c", deb().to_str().unwrap()]));
    let mode_of = |path: &str| {
        listing
            .lines()
            .find(|line| line.ends_with(&format!(" ./{path}")))
            .map(|line| line.split_whitespace().next().unwrap().to_string())
            .unwrap_or_else(|| panic!("{path} is not in the package:\n{listing}"))
    };
    for path in ["usr/bin/postq", "usr/lib/postq/daily-report"] {
        assert_eq!(mode_of(path), "-rwxr-xr-x", "{path}");
    }
    for path in [
        "usr/share/man/man1/postq.1.gz",
        // Where Debian's bash-completion, zsh and fish look.
        "usr/share/bash-completion/completions/postq",
        "usr/share/zsh/vendor-completions/_postq",
        "usr/share/fish/vendor_completions.d/postq.fish",
        "lib/systemd/system/postq-metrics.service",
        "lib/systemd/system/postq-metrics.timer",
        "lib/systemd/system/postq-report.service",
        "lib/systemd/system/postq-report.timer",
        "usr/share/doc/postq/copyright",
        "usr/share/doc/postq/README.md",
        "usr/share/doc/postq/guide.md",
        "usr/share/doc/postq/examples/postq-alerts.yml",
    ] {
        assert_eq!(mode_of(path), "-rw-r--r--", "{path}");
    }
    // Installed, not enabled: no maintainer script enables or starts a unit.
    let control = tempfile::tempdir().unwrap();
    let output = run(
        "dpkg-deb",
        &[
            "-e",
            deb().to_str().unwrap(),
            control.path().to_str().unwrap(),
        ],
    );
    assert!(output.status.success());
    for script in ["postinst", "preinst", "prerm", "postrm"] {
        assert!(!control.path().join(script).exists(), "{script}");
    }

    let root = unpacked();
    let version = StdCommand::new(root.path().join("usr/bin/postq"))
        .arg("--version")
        .output()
        .unwrap();
    assert!(stdout_of(&version).starts_with("postq "), "{version:?}");
    let man = StdCommand::new("man")
        .args(["-l", "--"])
        .arg(root.path().join("usr/share/man/man1/postq.1.gz"))
        .env("MANWIDTH", "80")
        .output()
        .unwrap();
    assert!(
        stdout_of(&man).contains("postq metrics"),
        "{}",
        stderr_of(&man)
    );

    let lintian = run(
        "lintian",
        &["--fail-on", "error,warning", deb().to_str().unwrap()],
    );
    let said = stdout_of(&lintian);
    assert!(lintian.status.success(), "lintian:\n{said}");
    assert!(
        !said
            .lines()
            .any(|l| l.starts_with("E:") || l.starts_with("W:")),
        "{said}"
    );
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "builds the .deb with cargo-deb: run scripts/test"
)]
fn systemd_analyze_verifies_the_packaged_units() {
    let root = unpacked();
    // The units name /usr/bin/postq and /usr/lib/postq: here, the unpacked package's own.
    let units = tempfile::tempdir().unwrap();
    let mut names = Vec::new();
    for name in [
        "postq-metrics.service",
        "postq-metrics.timer",
        "postq-report.service",
        "postq-report.timer",
    ] {
        let text = std::fs::read_to_string(root.path().join("lib/systemd/system").join(name))
            .unwrap()
            .replace("/usr/", &format!("{}/usr/", root.path().display()));
        std::fs::write(units.path().join(name), text).unwrap();
        names.push(units.path().join(name));
    }
    let output = StdCommand::new("systemd-analyze")
        .arg("verify")
        .args(&names)
        // Documentation=man:postq(1) is looked up too: in the package.
        .env("MANPATH", root.path().join("usr/share/man"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(stderr_of(&output), "", "systemd-analyze's warnings");
    let timer = std::fs::read_to_string(root.path().join("lib/systemd/system/postq-metrics.timer"))
        .unwrap();
    assert!(timer.contains("OnCalendar=minutely"), "{timer}");
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn the_daily_report_mails_the_summary_through_sendmail() {
    let sandbox = Sandbox::new();
    sandbox.incident(20);
    let before = sandbox.postqueue_json().len();
    // As the timer runs it: postq on the PATH; MAIL_CONFIG picks the sandbox for Postfix's
    // sendmail and for the programs postq runs.
    let binary = Path::new(env!("CARGO_BIN_EXE_postq")).parent().unwrap();
    let output = StdCommand::new(repo().join("dist/daily-report"))
        .arg("postmaster@example.org")
        .env(
            "PATH",
            format!("{}:{}", binary.display(), std::env::var("PATH").unwrap()),
        )
        .env("MAIL_CONFIG", sandbox.config_dir())
        .env("POSTQ_STATE_DIR", sandbox.state_dir())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    wait_until(&sandbox, "the report is queued", |queue| {
        queue.len() == before + 1
    });
    let report = sandbox
        .postqueue_json()
        .into_iter()
        .find(|entry| entry["recipients"][0]["address"] == "postmaster@example.org")
        .expect("the report, to postmaster@example.org");
    let id = report["queue_id"].as_str().unwrap();
    let shown = sandbox.postq().args(["show", id]).output().unwrap();
    let text = stdout_of(&shown);
    assert!(text.contains("Subject: Postfix queue on "), "{text}");
    assert!(text.contains("POSTQ "), "the check's line: {text}");
    assert!(
        text.contains(COMPROMISED),
        "the summary names the flood: {text}"
    );
}
