//! The errors a command can end with, and the one mapping to exit codes (the README):
//! 0 success, 1 Postfix or the queue data failed, 2 usage, 3 not confirmed.

use std::io;
use std::path::PathBuf;

use crate::postfix::PostfixError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A bad option, expression, duration, size, queue name or ID.
    #[error("{message}")]
    Usage {
        message: String,
        hint: Option<String>,
    },
    #[error(transparent)]
    Postfix(Box<PostfixError>),
    /// The `--input` file could not be opened.
    #[error("cannot read {}: {source}", path.display())]
    Input { path: PathBuf, source: io::Error },
    /// The listing stream itself broke off.
    #[error("reading the queue listing: {0}")]
    Listing(io::Error),
    /// Some lines of the listing were not queue entries (each was reported as it came).
    #[error("{}", malformed_message(*count, *during))]
    MalformedLines { count: u64, during: Reading },
    /// `show` of a queue ID that names no message.
    #[error("no message with queue ID {id} in the queue (delivered, deleted or never there)")]
    NoSuchMessage { id: String },
    /// The user declined, or there was no terminal to ask and no --yes.
    #[error("{message}")]
    NotConfirmed {
        message: String,
        hint: Option<String>,
    },
    /// Ctrl-C during an action: it stopped at a safe point.
    #[error("interrupted: stopped at a safe point; messages postq had put on hold were released")]
    Interrupted,
    /// The journal of an action could not be written: nothing was changed.
    #[error("cannot write the action's journal in {}: {source}: nothing was changed", dir.display())]
    Journal { dir: PathBuf, source: io::Error },
    /// The journal of an interrupted action could not be read.
    #[error("cannot read the journal {}: {source}", path.display())]
    JournalRead { path: PathBuf, source: io::Error },
    /// A message's queue file could not be read for its origin.
    #[error("reading who sent a message from its queue file: {0}")]
    Origin(io::Error),
    /// A JSON document could not be made.
    #[error("writing JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// `check` said what it found (on stdout); the exit status is its state.
    #[error("check: state {0}")]
    Check(u8),
    /// The metrics could not be written to node_exporter's textfile directory.
    #[error("cannot write the metrics file {}: {source}", path.display())]
    Textfile { path: PathBuf, source: io::Error },
    /// Across hosts, some could not be read and --yes came without --skip-unreachable.
    #[error("{failed} of {total} could not be read: nothing was changed anywhere")]
    Unreachable { failed: usize, total: usize },
    /// Across hosts or instances, some failed (each said above); the others went on.
    #[error("{failed} of {total} hosts or instances failed (each is named above)")]
    Places { failed: usize, total: usize },
    /// Writing to stdout failed; a closed pipe (`postq list | head`) is not an error.
    #[error("writing output: {0}")]
    Output(io::Error),
}

/// What a listing with malformed lines was read for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// A read-only command: its output stands, minus those lines.
    Report,
    /// The plan of an action: nothing was changed.
    Plan,
    /// The re-read of a delete before it deletes: nothing was deleted.
    Recheck,
}

fn malformed_message(count: u64, during: Reading) -> String {
    let lines = crate::render::plural(count, "line", "lines");
    match during {
        Reading::Report => format!("{lines} of the queue listing could not be read"),
        Reading::Plan => {
            format!("{lines} of the queue listing could not be read: nothing was changed")
        }
        Reading::Recheck => {
            format!("re-reading the queue before the delete: {lines} could not be read")
        }
    }
}

impl Error {
    pub fn usage_with_hint(message: impl Into<String>, hint: impl Into<String>) -> Error {
        Error::Usage {
            message: message.into(),
            hint: Some(hint.into()),
        }
    }

    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage { .. } => 2,
            Error::NotConfirmed { .. } => 3,
            Error::Interrupted => 130,
            Error::Check(state) => *state,
            Error::Output(err) if err.kind() == io::ErrorKind::BrokenPipe => 0,
            Error::Postfix(_)
            | Error::Input { .. }
            | Error::Listing(_)
            | Error::MalformedLines { .. }
            | Error::NoSuchMessage { .. }
            | Error::Json(_)
            | Error::Journal { .. }
            | Error::JournalRead { .. }
            | Error::Origin(_)
            | Error::Textfile { .. }
            | Error::Places { .. }
            | Error::Unreachable { .. }
            | Error::Output(_) => 1,
        }
    }

    /// Whether to say nothing at all (a closed pipe).
    pub fn is_silent(&self) -> bool {
        matches!(self, Error::Output(err) if err.kind() == io::ErrorKind::BrokenPipe)
            || matches!(self, Error::Check(_))
    }

    pub fn hint(&self) -> Option<String> {
        match self {
            Error::Usage { hint, .. } | Error::NotConfirmed { hint, .. } => hint.clone(),
            Error::Postfix(err) => err.hint(),
            Error::MalformedLines {
                during: Reading::Report,
                ..
            } => Some(
                "each is named above by its line number; is this `postqueue -j` output?".into(),
            ),
            Error::MalformedLines { .. } => None,
            Error::Journal { .. } => Some(
                "actions need root (as postsuper does); POSTQ_STATE_DIR names another directory for journals"
                    .into(),
            ),
            Error::Textfile { .. } => Some(
                "--textfile names an existing directory postq may write to (node_exporter's \
                 --collector.textfile.directory)"
                    .into(),
            ),
            Error::Places { .. } => None,
            Error::Unreachable { .. } => Some(
                "fix them, or add --skip-unreachable to act on the others (the preview names them)"
                    .into(),
            ),
            Error::Input { .. }
            | Error::Listing(_)
            | Error::NoSuchMessage { .. }
            | Error::Json(_)
            | Error::JournalRead { .. }
            | Error::Output(_)
            | Error::Check(_)
            | Error::Interrupted => None,
            Error::Origin(_) => Some("reading queue files needs root (or the postfix user)".into()),
        }
    }
}

impl From<PostfixError> for Error {
    fn from(err: PostfixError) -> Error {
        Error::Postfix(Box::new(err))
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_follow_the_contract() {
        assert_eq!(Error::usage_with_hint("bad", "better").exit_code(), 2);
        let gone = Error::NoSuchMessage { id: "A1".into() };
        assert_eq!(gone.exit_code(), 1);
        let declined = Error::NotConfirmed {
            message: "declined".into(),
            hint: None,
        };
        assert_eq!(declined.exit_code(), 3);
        let pipe = Error::Output(io::Error::from(io::ErrorKind::BrokenPipe));
        assert_eq!(pipe.exit_code(), 0);
        assert!(pipe.is_silent());
        let full = Error::Output(io::Error::from(io::ErrorKind::StorageFull));
        assert_eq!(full.exit_code(), 1);
    }
}
