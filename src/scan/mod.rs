//! The one way every command reads the queue: stream the listing through the reader, keep
//! the selected messages once each, and end the listing properly (exit status, warnings, a
//! stopped producer). In order here; on every core in [`parallel`].

mod parallel;

pub use parallel::{parse_threads, scan_parallel};

use std::ops::ControlFlow;

use crate::error::{Error, Reading, Result};
use crate::postfix::Listing;
use crate::queue::{IdSet, LineError, ParsedLine, QueueEntry, ReadEnd, read_entries};

/// What a scan saw.
#[derive(Debug, Default)]
pub struct ScanReport {
    /// Queue entries read (valid lines), duplicates included.
    pub entries: u64,
    /// Selected messages handed to the visitor, each once.
    pub selected: u64,
    /// Entries whose queue ID was already seen in this listing.
    pub duplicates: u64,
    pub malformed: u64,
    /// False when the visitor stopped the scan before the end.
    pub complete: bool,
    /// What postqueue printed on stderr, each line with its invocation.
    pub warnings: Vec<String>,
}

impl ScanReport {
    /// An error when lines could not be read: a read-only command reports it after its output.
    pub fn malformed_error(&self) -> Option<Error> {
        (self.malformed > 0).then_some(Error::MalformedLines {
            count: self.malformed,
            during: Reading::Report,
        })
    }
}

/// Whether the scan keeps each queue ID once itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeats {
    /// A set of the selected IDs drops a message listed again (the queue changed while it
    /// was listed).
    Dropped,
    /// The visitor sees every line; it drops repeats itself (an action's plan does, without
    /// a set of a million IDs).
    Passed,
}

/// Reads `listing` to the end (or until `visit` breaks), hands every selected message to
/// `visit` (with [`Repeats::Dropped`], the first time its ID appears only), and every
/// malformed line to `on_malformed` as it comes.
pub fn scan_queue<S, V, M>(
    listing: Box<dyn Listing>,
    repeats: Repeats,
    mut select: S,
    mut visit: V,
    mut on_malformed: M,
) -> Result<ScanReport>
where
    S: FnMut(&mut QueueEntry<'_>) -> bool,
    V: FnMut(&ParsedLine<'_>) -> Result<ControlFlow<()>>,
    M: FnMut(&LineError),
{
    let mut listing = listing;
    let mut report = ScanReport::default();
    let mut seen = IdSet::new();
    let mut failure: Option<Error> = None;
    let read = read_entries(&mut listing, |line| match line {
        Ok(mut parsed) => {
            report.entries += 1;
            if !select(&mut parsed.entry) {
                return ControlFlow::Continue(());
            }
            if repeats == Repeats::Dropped
                && !seen.insert_at(
                    parsed.entry.host.as_deref(),
                    parsed.entry.instance.as_deref(),
                    &parsed.entry.id,
                )
            {
                report.duplicates += 1;
                return ControlFlow::Continue(());
            }
            report.selected += 1;
            match visit(&parsed) {
                Ok(flow) => flow,
                Err(err) => {
                    failure = Some(err);
                    ControlFlow::Break(())
                }
            }
        }
        Err(err) => {
            report.malformed += 1;
            on_malformed(&err);
            ControlFlow::Continue(())
        }
    });
    match read {
        Ok(ReadEnd::Complete) => {
            report.complete = true;
            report.warnings = listing.finish(true)?;
            Ok(report)
        }
        Ok(ReadEnd::Stopped) => {
            listing.finish(false)?;
            match failure {
                Some(err) => Err(err),
                None => Ok(report),
            }
        }
        Err(err) => {
            let _ = listing.finish(false);
            Err(Error::Listing(err))
        }
    }
}
