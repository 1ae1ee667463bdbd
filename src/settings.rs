//! Command line and environment resolved once into plain values that the commands use.
//! Nothing below this reads the environment, the clock or terminal facts on its own.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::cli::{ColorChoice, GlobalArgs};

#[derive(Debug, Clone)]
pub struct Settings {
    pub config_dir: Option<PathBuf>,
    pub input: Option<Input>,
    pub color: bool,
    pub terminal: Terminal,
    /// The moment ages are measured from, read once so every message is aged alike.
    pub now: i64,
    /// `--maillog`: a mail log to attribute content-filtered mail from.
    pub maillog: Option<Input>,
    /// Where actions keep their journals: $POSTQ_STATE_DIR, else /var/lib/postq.
    pub state_dir: PathBuf,
    /// How long a Postfix program may say nothing before it is stopped.
    pub timeout: std::time::Duration,
    /// How many hosts or instances are read as one queue (rows name theirs); 0 without
    /// --host, --hosts or --instance.
    pub places: usize,
    /// The host Postfix runs on over ssh, when one is named.
    pub host: Option<String>,
    /// How many hosts or instances are read (or acted on) at once.
    pub parallel: usize,
    /// The options that named the hosts and instances, as given (for commands postq
    /// suggests): `--host relay1 --host relay2`.
    pub places_args: String,
}

impl Settings {
    /// Whether rows name their host or instance.
    pub fn fleet(&self) -> bool {
        self.places > 0
    }

    /// `postq` with the options that reach the same Postfix (`-c DIR`, `--host H`...), to
    /// put before a command postq suggests.
    pub fn postq(&self) -> String {
        if !self.places_args.is_empty() {
            return format!("postq {}", self.places_args);
        }
        match &self.config_dir {
            Some(dir) => format!(
                "postq -c {}",
                crate::render::shell_quote(&dir.display().to_string())
            ),
            None => "postq".to_string(),
        }
    }

    /// The instance as journals know it: its directory, on its host when over ssh (a
    /// journal of relay1's /etc/postfix is not this machine's).
    pub fn journal_place(&self) -> Option<PathBuf> {
        match (&self.host, &self.config_dir) {
            (None, dir) => dir.clone(),
            (Some(host), dir) => Some(PathBuf::from(format!(
                "ssh:{host}:{}",
                dir.as_ref()
                    .map_or("default".into(), |d| d.display().to_string())
            ))),
        }
    }
}

/// Where actions keep their journals unless $POSTQ_STATE_DIR says otherwise.
pub const STATE_DIR: &str = "/var/lib/postq";

/// Where `--input` reads from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

/// Facts about the process's terminal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Terminal {
    pub stdin: bool,
    pub stdout: bool,
    pub stderr: bool,
    /// Columns of the terminal on stdout, when stdout is one.
    pub width: Option<usize>,
}

impl Terminal {
    /// Whether a person can be asked: answers come on stdin, prompts go to stderr.
    pub fn interactive(&self) -> bool {
        self.stdin && self.stderr
    }

    pub fn detect() -> Terminal {
        let stdout = std::io::stdout().is_terminal();
        let columns = std::env::var("COLUMNS")
            .ok()
            .and_then(|value| value.trim().parse::<usize>().ok())
            .filter(|&width| width > 0);
        let width = stdout
            .then(|| {
                columns.or_else(|| {
                    terminal_size::terminal_size().map(|(width, _)| usize::from(width.0))
                })
            })
            .flatten();
        Terminal {
            stdin: std::io::stdin().is_terminal(),
            stdout,
            stderr: std::io::stderr().is_terminal(),
            width,
        }
    }
}

impl Settings {
    pub fn resolve(global: &GlobalArgs, terminal: Terminal) -> Settings {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
        let color = match global.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal.stdout && !no_color,
        };
        let source = |path: &PathBuf| {
            if path.as_os_str() == "-" {
                Input::Stdin
            } else {
                Input::File(path.clone())
            }
        };
        let input = global.input.as_ref().map(source);
        let maillog = global.maillog.as_ref().map(source);
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|elapsed| elapsed.as_secs() as i64)
            .unwrap_or(0);
        Settings {
            // postsuper refuses a relative -c ("-c requires absolute pathname").
            config_dir: global
                .config_dir
                .as_ref()
                .map(|dir| std::path::absolute(dir).unwrap_or_else(|_| dir.clone())),
            input,
            maillog,
            color,
            terminal,
            now,
            state_dir: std::env::var_os("POSTQ_STATE_DIR")
                .filter(|dir| !dir.is_empty())
                .map_or_else(|| PathBuf::from(STATE_DIR), PathBuf::from),
            timeout: std::time::Duration::from_secs(global.timeout.unwrap_or(60).max(1) as u64),
            places: 0,
            host: None,
            parallel: usize::from(global.parallel),
            places_args: String::new(),
        }
    }
}
