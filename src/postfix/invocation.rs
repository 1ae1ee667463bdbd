//! One run of a Postfix program, as a value that can be shown to the user and executed.

use std::ffi::{OsStr, OsString};
use std::fmt;
use std::path::{Path, PathBuf};

use crate::render::shell_quote;

/// Where Postfix installs its commands; cron and sudo often leave `/usr/sbin` out of PATH.
const FALLBACK_DIRS: [&str; 2] = ["/usr/sbin", "/usr/local/sbin"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invocation {
    /// The name shown to the user (`postqueue`).
    pub program: String,
    /// What is executed: found in PATH, else in /usr/sbin or /usr/local/sbin.
    pub path: PathBuf,
    pub args: Vec<OsString>,
    /// The host it runs on over ssh; this machine when `None`.
    pub host: Option<String>,
}

impl Invocation {
    /// `program [-c config_dir] args...`
    pub fn new(program: &str, config_dir: Option<&Path>, args: &[&str]) -> Invocation {
        let mut all_args: Vec<OsString> = Vec::with_capacity(args.len() + 2);
        if let Some(dir) = config_dir {
            all_args.push("-c".into());
            all_args.push(dir.as_os_str().to_owned());
        }
        all_args.extend(args.iter().map(OsString::from));
        Invocation {
            program: program.to_string(),
            path: find_program(program, std::env::var_os("PATH").as_deref()),
            args: all_args,
            host: None,
        }
    }

    /// The same, run on `host` over ssh (this machine when `None`).
    pub fn on(mut self, host: Option<&str>) -> Invocation {
        if let Some(host) = host {
            self.host = Some(host.to_string());
            self.path = PathBuf::from(&self.program);
        }
        self
    }

    pub fn expression(&self) -> duct::Expression {
        match &self.host {
            None => duct::cmd(&self.path, &self.args),
            Some(host) => {
                let (ssh, mut args) = ssh_command();
                // No password or host key question in the middle of an incident: a host
                // that would ask fails, named, and the others go on.
                args.extend(["-o", "BatchMode=yes", "--", host].map(String::from));
                args.push(self.remote_command());
                duct::cmd(ssh, args)
            }
        }
    }

    /// What the remote login shell runs: the program with Postfix's directories added to
    /// PATH (a non-interactive ssh session often lacks /usr/sbin), each argument quoted.
    fn remote_command(&self) -> String {
        let mut command = format!(
            "env \"PATH=$PATH:{}\" {}",
            FALLBACK_DIRS.join(":"),
            shell_quote(&self.program)
        );
        for arg in &self.args {
            command.push(' ');
            command.push_str(&shell_quote(&arg.to_string_lossy()));
        }
        command
    }
}

/// The ssh command: $POSTQ_SSH_COMMAND split at whitespace (as git's GIT_SSH_COMMAND: an
/// ssh_config or key of postq's own, `ssh -F FILE`), else `ssh`.
fn ssh_command() -> (String, Vec<String>) {
    let configured = std::env::var("POSTQ_SSH_COMMAND").unwrap_or_default();
    let mut words = configured.split_whitespace().map(String::from);
    match words.next() {
        Some(program) => (program, words.collect()),
        None => ("ssh".to_string(), Vec::new()),
    }
}

/// The program's path: the first executable in PATH, then the usual Postfix directories,
/// else the bare name (running it then fails with "not found").
fn find_program(program: &str, path_var: Option<&OsStr>) -> PathBuf {
    let in_path = path_var
        .map(|paths| std::env::split_paths(paths).collect::<Vec<_>>())
        .unwrap_or_default();
    in_path
        .into_iter()
        .chain(FALLBACK_DIRS.iter().map(PathBuf::from))
        .map(|dir| dir.join(program))
        .find(|candidate| is_executable(candidate))
        .unwrap_or_else(|| PathBuf::from(program))
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .map(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}

impl fmt::Display for Invocation {
    /// Shell-like: `postsuper -c /etc/postfix-out -d - hold`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(host) = &self.host {
            write!(f, "ssh {} ", shell_quote(host))?;
        }
        f.write_str(&self.program)?;
        for arg in &self.args {
            write!(f, " {}", shell_quote(&arg.to_string_lossy()))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_config_dir_first_and_quotes_what_a_shell_would_split() {
        let invocation =
            Invocation::new("postsuper", Some(Path::new("/etc/post fix")), &["-d", "-"]);
        assert_eq!(invocation.to_string(), "postsuper -c '/etc/post fix' -d -");
        let invocation = Invocation::new("postqueue", None, &["-j"]);
        assert_eq!(invocation.to_string(), "postqueue -j");
    }

    #[test]
    fn finds_programs_in_path_then_in_sbin() {
        let dir = tempfile::tempdir().unwrap();
        let fake = dir.path().join("postqueue");
        std::fs::write(&fake, "#!/bin/sh\n").unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(
            find_program("postqueue", Some(dir.path().as_os_str())),
            fake
        );
        let missing = find_program("no-such-program-postq", Some(dir.path().as_os_str()));
        assert_eq!(missing, PathBuf::from("no-such-program-postq"));
    }
}
