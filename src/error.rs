//! The errors a command can end with, and the one mapping to exit codes (product.md):
//! 0 success, 1 Postfix or the queue data failed, 2 usage, 3 not confirmed.

use std::io;

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
    /// The queue data could not be read: an input file, or the listing stream itself.
    #[error("{0}")]
    QueueData(String),
    /// Some lines of the listing were not queue entries (each was reported as it came).
    #[error("{} of the queue listing could not be read", crate::render::plural(*count, "line", "lines"))]
    MalformedLines { count: u64 },
    /// The user declined, or there was no terminal to ask and no --yes.
    #[error("{message}")]
    NotConfirmed {
        message: String,
        hint: Option<String>,
    },
    /// Ctrl-C during an action: it stopped at a safe point.
    #[error("interrupted: stopped at a safe point; messages postq had put on hold were released")]
    Interrupted,
    /// Writing to stdout failed; a closed pipe (`postq list | head`) is not an error.
    #[error("writing output: {0}")]
    Output(io::Error),
}

impl Error {
    pub fn usage(message: impl Into<String>) -> Error {
        Error::Usage {
            message: message.into(),
            hint: None,
        }
    }

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
            Error::Output(err) if err.kind() == io::ErrorKind::BrokenPipe => 0,
            Error::Postfix(_)
            | Error::QueueData(_)
            | Error::MalformedLines { .. }
            | Error::Output(_) => 1,
        }
    }

    /// Whether to say nothing at all (a closed pipe).
    pub fn is_silent(&self) -> bool {
        matches!(self, Error::Output(err) if err.kind() == io::ErrorKind::BrokenPipe)
    }

    pub fn hint(&self) -> Option<String> {
        match self {
            Error::Usage { hint, .. } | Error::NotConfirmed { hint, .. } => hint.clone(),
            Error::Postfix(err) => err.hint(),
            Error::MalformedLines { .. } => Some(
                "each is named above by its line number; is this `postqueue -j` output?".into(),
            ),
            Error::QueueData(_) | Error::Output(_) | Error::Interrupted => None,
        }
    }
}

impl From<PostfixError> for Error {
    fn from(err: PostfixError) -> Error {
        Error::Postfix(Box::new(err))
    }
}

impl From<io::Error> for Error {
    /// I/O errors that reach the top are failures to write output.
    fn from(err: io::Error) -> Error {
        Error::Output(err)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_follow_the_contract() {
        assert_eq!(Error::usage("bad").exit_code(), 2);
        assert_eq!(Error::QueueData("x".into()).exit_code(), 1);
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
