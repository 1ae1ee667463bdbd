//! Where a command writes: data to stdout ([`Output`]), messages for people to stderr; and
//! the one reporter of `postq: error:`, `postq: warning:` and `hint:` lines.

use std::fmt;
use std::io::Write;

use crate::error::{Error, Result};
use crate::queue::LineError;
use crate::render::escape_untrusted;

pub struct Console<'a> {
    pub out: Output<'a>,
    pub err: &'a mut dyn Write,
}

impl<'a> Console<'a> {
    pub fn new(out: &'a mut dyn Write, err: &'a mut dyn Write) -> Console<'a> {
        Console {
            out: Output(out),
            err,
        }
    }

    /// A remark for people, on stderr. A failing stderr is not worth dying for.
    pub fn note(&mut self, message: &str) {
        let _ = writeln!(self.err, "{message}");
    }

    /// `postq: warning: ...`; the text may be a stranger's (postsuper's echo of an address).
    pub fn warn(&mut self, message: &str) {
        report(self.err, Level::Warning, &escape_untrusted(message), None);
    }
}

/// stdout: what is written there is data, and a failure to write it is [`Error::Output`]
/// (a closed pipe ends postq quietly). `write!` and `writeln!` work on it.
pub struct Output<'a>(&'a mut dyn Write);

impl Output<'_> {
    pub fn write_all(&mut self, bytes: &[u8]) -> Result<()> {
        self.0.write_all(bytes).map_err(Error::Output)
    }

    pub fn write_fmt(&mut self, args: fmt::Arguments<'_>) -> Result<()> {
        self.0.write_fmt(args).map_err(Error::Output)
    }

    /// The writer itself, for renderers that stream; their I/O errors are output errors.
    pub fn writer(&mut self) -> &mut dyn Write {
        &mut *self.0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
}

/// `postq: error: MESSAGE` (or `warning:`), then `hint: HINT` where one helps.
pub fn report(stderr: &mut dyn Write, level: Level, message: &str, hint: Option<&str>) {
    let level = match level {
        Level::Error => "error",
        Level::Warning => "warning",
    };
    let _ = writeln!(stderr, "postq: {level}: {message}");
    if let Some(hint) = hint {
        let _ = writeln!(stderr, "hint: {hint}");
    }
}

/// How a command ended in error: nothing for a closed pipe, else the error and its hint.
pub fn report_error(stderr: &mut dyn Write, error: &Error) {
    if !error.is_silent() {
        report(
            stderr,
            Level::Error,
            &error.to_string(),
            error.hint().as_deref(),
        );
    }
}

/// A line of the listing that is not a queue entry.
pub fn report_malformed(stderr: &mut dyn Write, err: &LineError) {
    let message = format!("queue listing {}", escape_untrusted(&err.to_string()));
    report(stderr, Level::Error, &message, None);
}
