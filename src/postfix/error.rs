//! Failures of Postfix programs, with what the user needs to fix them.

use std::io;
use std::process::{ExitStatus, Output};

use super::Invocation;

#[derive(Debug, thiserror::Error)]
pub enum PostfixError {
    #[error("cannot run {invocation}: {source}")]
    Spawn {
        invocation: Box<Invocation>,
        source: io::Error,
    },
    #[error("{invocation} failed ({status}){}", stderr_block(stderr))]
    Failed {
        invocation: Box<Invocation>,
        status: String,
        stderr: String,
    },
    #[error("reading the output of {invocation}: {source}")]
    Read {
        invocation: Box<Invocation>,
        source: io::Error,
    },
    #[error("{invocation} said nothing for {} and was stopped (see --timeout)", crate::render::format_age(after.as_secs() as i64))]
    Stalled {
        invocation: Box<Invocation>,
        after: std::time::Duration,
    },
    #[error(
        "this works on one Postfix instance at a time; {count} are named (--host, --hosts, --instance)"
    )]
    Several { count: usize },
    #[error("cannot read the queue files in {}: {source}", dir.display())]
    QueueFiles {
        dir: std::path::PathBuf,
        source: io::Error,
    },
    #[error("{invocation}: {problem}{}", stderr_block(stderr))]
    Unexpected {
        invocation: Box<Invocation>,
        problem: String,
        stderr: String,
    },
}

fn stderr_block(stderr: &str) -> String {
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.is_empty() {
        return String::new();
    }
    let mut block = String::from(":");
    for line in lines {
        block.push_str("\n  ");
        block.push_str(&crate::render::escape_untrusted(line));
    }
    block
}

/// "exit status 69" or "killed by signal 9".
pub fn describe_status(status: ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => format!("exit status {code}"),
        (None, Some(signal)) => format!("killed by signal {signal}"),
        (None, None) => "unknown status".to_string(),
    }
}

impl PostfixError {
    pub fn spawn(invocation: &Invocation, source: io::Error) -> PostfixError {
        PostfixError::Spawn {
            invocation: Box::new(invocation.clone()),
            source,
        }
    }

    pub fn failed(invocation: &Invocation, output: &Output) -> PostfixError {
        PostfixError::Failed {
            invocation: Box::new(invocation.clone()),
            status: describe_status(output.status),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    pub fn invocation(&self) -> Option<&Invocation> {
        Some(match self {
            PostfixError::Spawn { invocation, .. }
            | PostfixError::Failed { invocation, .. }
            | PostfixError::Read { invocation, .. }
            | PostfixError::Stalled { invocation, .. }
            | PostfixError::Unexpected { invocation, .. } => invocation,
            PostfixError::QueueFiles { .. } | PostfixError::Several { .. } => return None,
        })
    }

    /// What to try, read from the program's own complaint.
    pub fn hint(&self) -> Option<String> {
        if let PostfixError::Several { .. } = self {
            return Some("name one: --host HOST[:CONFIG_DIR] or --instance NAME".into());
        }
        let Some(invocation) = self.invocation() else {
            return Some(
                "who sent each message is read from the queue files, which need root (or the \
                 postfix user): run postq as root, or select and group by postqueue's fields only"
                    .into(),
            );
        };
        let program = &invocation.program;
        if let (Some(host), PostfixError::Failed { status, .. }) = (&invocation.host, self)
            && status == "exit status 255"
        {
            // ssh's own failure: the host was not reached, or refused the key.
            return Some(format!(
                "ssh could not run {program} on {host}: check that `ssh -o BatchMode=yes {host} true` \
                 works (keys, known_hosts, User in ~/.ssh/config); postq never asks for passwords"
            ));
        }
        if program == "postmulti" {
            // postmulti says why only to the mail log when stderr is not a terminal.
            return Some(
                "postmulti -l lists the instances of the default configuration directory \
                 (multi_instance_directories in /etc/postfix/main.cf); see the mail log for \
                 its reason"
                    .into(),
            );
        }
        let original = match self {
            PostfixError::Spawn { source, .. } if source.kind() == io::ErrorKind::NotFound => {
                return Some(format!(
                    "is Postfix installed? postq runs {program} from PATH, /usr/sbin or /usr/local/sbin"
                ));
            }
            PostfixError::Failed { stderr, .. } | PostfixError::Unexpected { stderr, .. } => stderr,
            _ => return None,
        };
        let stderr = original.to_ascii_lowercase();
        let config_dir = config_dir_of(invocation);
        let denied = stderr.contains("reserved for the superuser")
            || stderr.contains("permission denied")
            || stderr.contains("operation not permitted");
        if denied && rustix::process::geteuid().is_root() {
            // Root denied: not a question of who runs postq.
            Some(format!(
                "{program} was denied as root: check the permissions of the queue directory \
                 and of postdrop/postqueue (postfix set-permissions)"
            ))
        } else if denied {
            Some(format!(
                "{program} needs root here: run postq as root (e.g. sudo postq ...)"
            ))
        } else if stderr.contains("alternate_config_directories")
            || stderr.contains("not authorized")
            || stderr.contains("unauthorized")
        {
            Some(format!(
                "as a non-root user, {program} accepts only the configuration directories listed \
                 in alternate_config_directories of the default main.cf; run postq as root, or \
                 add {} there",
                config_dir.unwrap_or("the directory")
            ))
        } else if stderr.contains("main.cf") && stderr.contains("no such file or directory") {
            Some(missing_main_cf_hint(original, config_dir))
        } else if stderr.contains("invalid option") || stderr.contains("illegal option") {
            Some(format!(
                "{program} does not know an option postq gave it: `postqueue -j` needs Postfix 3.1 or later"
            ))
        } else if (stderr.contains("mail system is down") || stderr.contains("unavailable"))
            && invocation.args.iter().any(|arg| arg == "-f" || arg == "-i")
        {
            Some(
                "start Postfix (postfix start): delivering needs the mail system running"
                    .to_string(),
            )
        } else if stderr.contains("mail system is down") || stderr.contains("unavailable") {
            Some("start Postfix (postfix start), or run postq as root: root reads the queue directly".to_string())
        } else if stderr.contains("no such file or directory") {
            Some(format!(
                "check --config-dir ({}) and the queue_directory it names",
                config_dir.unwrap_or("not given")
            ))
        } else {
            None
        }
    }
}

/// Which main.cf was missing tells what went wrong: the one in --config-dir, or the default
/// one, which non-root postqueue reads first to check alternate_config_directories.
fn missing_main_cf_hint(stderr: &str, config_dir: Option<&str>) -> String {
    let missing = stderr
        .split_whitespace()
        .find(|word| word.trim_end_matches(':').ends_with("main.cf"))
        .map(|word| word.trim_end_matches(':'))
        .unwrap_or("main.cf");
    match config_dir {
        Some(dir) if missing.starts_with(dir) => format!(
            "--config-dir must name a Postfix configuration directory, the one holding main.cf \
             (e.g. /etc/postfix); {dir} has none"
        ),
        Some(_) => format!(
            "run postq as root: as another user, postqueue first reads the default {missing} \
             (missing here) to check that --config-dir is listed in its alternate_config_directories"
        ),
        None => format!(
            "Postfix's default configuration ({missing}) is missing: is Postfix set up here? \
             For another instance, give --config-dir DIR"
        ),
    }
}

fn config_dir_of(invocation: &Invocation) -> Option<&str> {
    let mut args = invocation.args.iter();
    while let Some(arg) = args.next() {
        if arg == "-c" {
            return args.next().and_then(|dir| dir.to_str());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn failed(stderr: &str) -> PostfixError {
        PostfixError::Failed {
            invocation: Box::new(Invocation::new(
                "postqueue",
                Some(Path::new("/srv/pf")),
                &["-j"],
            )),
            status: "exit status 1".into(),
            stderr: stderr.into(),
        }
    }

    #[test]
    fn shows_program_arguments_status_and_stderr() {
        let err = failed("postqueue: fatal: open /srv/pf/main.cf: No such file or directory\n");
        assert_eq!(
            err.to_string(),
            "postqueue -c /srv/pf -j failed (exit status 1):\n  postqueue: fatal: open /srv/pf/main.cf: No such file or directory"
        );
    }

    #[test]
    fn hints_follow_the_complaint() {
        let cases = [
            (
                "postsuper: fatal: use of this command is reserved for the superuser",
                if rustix::process::geteuid().is_root() {
                    "was denied as root"
                } else {
                    "needs root here: run postq as root"
                },
            ),
            (
                "postqueue: fatal: open /srv/pf/main.cf: No such file or directory",
                "holding main.cf",
            ),
            ("postqueue: invalid option -- 'j'", "3.1"),
            (
                "postqueue: fatal: Queue report unavailable - mail system is down",
                "start Postfix",
            ),
            (
                "postqueue: fatal: unauthorized configuration directory name: /srv/pf",
                "alternate_config_directories",
            ),
        ];
        for (stderr, expected) in cases {
            let hint = failed(stderr).hint().unwrap_or_default();
            assert!(hint.contains(expected), "{stderr} -> {hint}");
        }
    }

    #[test]
    fn a_missing_main_cf_is_told_apart_by_where_it_was_looked_for() {
        let in_config_dir =
            failed("postqueue: fatal: open /srv/pf/main.cf: No such file or directory");
        assert!(in_config_dir.hint().unwrap().contains("/srv/pf has none"));
        let default =
            failed("postqueue: fatal: open file /etc/postfix/main.cf: No such file or directory");
        let hint = default.hint().unwrap();
        assert!(
            hint.contains("run postq as root") && hint.contains("/etc/postfix/main.cf"),
            "{hint}"
        );
    }

    #[test]
    fn a_missing_program_hints_at_the_install() {
        let invocation = Invocation::new("postqueue", None, &["-j"]);
        let err = PostfixError::spawn(&invocation, io::Error::from(io::ErrorKind::NotFound));
        assert!(err.hint().unwrap().contains("installed"));
    }
}
