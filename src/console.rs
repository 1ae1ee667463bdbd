//! Where a command writes: data to `out` (stdout), messages for people to `err` (stderr).

use std::io::Write;

use crate::queue::LineError;
use crate::render::escape_untrusted;

pub struct Console<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
}

impl Console<'_> {
    /// A remark for people, on stderr. A failing stderr is not worth dying for.
    pub fn note(&mut self, message: &str) {
        let _ = writeln!(self.err, "{message}");
    }

    pub fn warn(&mut self, message: &str) {
        let _ = writeln!(self.err, "postq: warning: {}", escape_untrusted(message));
    }

    pub fn malformed(&mut self, err: &LineError) {
        report_malformed(self.err, err);
    }
}

/// A line of the listing that is not a queue entry, reported as it is met.
pub fn report_malformed(stderr: &mut dyn Write, err: &LineError) {
    let _ = writeln!(
        stderr,
        "postq: error: queue listing {}",
        escape_untrusted(&err.to_string())
    );
}
