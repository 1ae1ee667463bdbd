//! The one way every command reads the queue: open the listing (postqueue or a saved dump),
//! stream it through the reader, keep the selected messages once each, and end the listing
//! properly (exit status, warnings, a stopped producer).

use std::fs::File;
use std::io;
use std::ops::ControlFlow;

use crate::error::{Error, Result};
use crate::postfix::{Listing, Postfix, SavedListing};
use crate::queue::{IdSet, LineError, ParsedLine, QueueEntry, ReadEnd, read_entries};
use crate::settings::{Input, Settings};

/// Opens the queue listing: `postqueue -j`, or the `--input` dump.
pub fn open_listing(settings: &Settings, postfix: &dyn Postfix) -> Result<Box<dyn Listing>> {
    match &settings.input {
        None => Ok(postfix.list_queue()?),
        Some(Input::Stdin) => Ok(Box::new(SavedListing(io::stdin()))),
        Some(Input::File(path)) => {
            let file = File::open(path).map_err(|err| {
                Error::QueueData(format!("cannot read {}: {err}", path.display()))
            })?;
            Ok(Box::new(SavedListing(file)))
        }
    }
}

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
        })
    }
}

/// How many threads parse in a parallel scan: the machine's cores, at most four.
pub fn parse_threads() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(4)
}

/// Sets of queue IDs in a parallel scan, each behind its own lock.
const ID_SHARDS: usize = 64;

/// The shard of an ID: its last characters vary the most (Postfix's IDs end in a counter
/// or in random characters).
fn shard_of(id: &str) -> usize {
    let bytes = id.as_bytes();
    let mix = bytes.iter().rev().take(3).fold(0usize, |acc, &b| {
        acc.wrapping_mul(31).wrapping_add(usize::from(b))
    });
    mix % ID_SHARDS
}

/// Malformed lines a parallel scan keeps to report; the rest are counted.
const MALFORMED_KEPT: usize = 100;

/// Like [`scan_queue`], for work whose order does not matter (counts, sums): this thread
/// reads blocks of lines, `workers.len()` threads parse them, select, keep each queue ID
/// once (a shared set), and `visit` with their own state. Returns the report and the
/// states. Malformed lines are handed to `on_malformed` at the end, the first 100 of them
/// by line number.
pub fn scan_parallel<W, S, V, M>(
    listing: Box<dyn Listing>,
    workers: Vec<W>,
    select: S,
    visit: V,
    mut on_malformed: M,
) -> Result<(ScanReport, Vec<W>)>
where
    W: Send,
    S: Fn(&QueueEntry<'_>) -> bool + Sync,
    V: Fn(&mut W, &ParsedLine<'_>) + Sync,
    M: FnMut(&LineError),
{
    use std::sync::mpsc::sync_channel;
    use std::sync::{Arc, Mutex};

    use crate::queue::{Block, BlockReader, parse_block};

    /// What one worker saw.
    #[derive(Default)]
    struct Seen {
        entries: u64,
        selected: u64,
        duplicates: u64,
        malformed: u64,
        errors: Vec<LineError>,
    }

    let mut listing = listing;
    let threads = workers.len().max(1);
    // Shards, so that the parsing threads seldom wait for each other.
    let ids: Vec<Mutex<IdSet>> = (0..ID_SHARDS).map(|_| Mutex::new(IdSet::new())).collect();
    let (sender, receiver) = sync_channel::<Block>(threads * 2);
    let receiver = Arc::new(Mutex::new(receiver));
    let (read, results) = std::thread::scope(|scope| {
        let handles: Vec<_> = workers
            .into_iter()
            .map(|mut state| {
                let receiver = Arc::clone(&receiver);
                let (ids, select, visit) = (&ids, &select, &visit);
                scope.spawn(move || {
                    let mut seen = Seen::default();
                    loop {
                        let block = match receiver.lock() {
                            Ok(receiver) => receiver.recv(),
                            Err(_) => break,
                        };
                        let Ok(block) = block else { break };
                        parse_block(&block, |line| match line {
                            Ok(parsed) => {
                                seen.entries += 1;
                                if !select(&parsed.entry) {
                                    return;
                                }
                                let id: &str = &parsed.entry.id;
                                let first = ids[shard_of(id)]
                                    .lock()
                                    .map(|mut ids| ids.insert(id))
                                    .unwrap_or(true);
                                if !first {
                                    seen.duplicates += 1;
                                    return;
                                }
                                seen.selected += 1;
                                visit(&mut state, &parsed);
                            }
                            Err(err) => {
                                seen.malformed += 1;
                                if seen.errors.len() < MALFORMED_KEPT {
                                    seen.errors.push(err);
                                }
                            }
                        });
                    }
                    (state, seen)
                })
            })
            .collect();
        let mut blocks = BlockReader::new(&mut listing);
        let read = loop {
            match blocks.next_block() {
                Ok(Some(block)) => {
                    if sender.send(block).is_err() {
                        break Ok(());
                    }
                }
                Ok(None) => break Ok(()),
                Err(err) => break Err(err),
            }
        };
        drop(sender);
        let results: Vec<(W, Seen)> = handles
            .into_iter()
            .map(|handle| handle.join().expect("a parsing thread panicked"))
            .collect();
        (read, results)
    });
    if let Err(err) = read {
        let _ = listing.finish(false);
        return Err(Error::QueueData(format!(
            "reading the queue listing: {err}"
        )));
    }
    let mut report = ScanReport {
        complete: true,
        ..ScanReport::default()
    };
    let mut errors = Vec::new();
    let mut states = Vec::with_capacity(results.len());
    for (state, seen) in results {
        report.entries += seen.entries;
        report.selected += seen.selected;
        report.duplicates += seen.duplicates;
        report.malformed += seen.malformed;
        errors.extend(seen.errors);
        states.push(state);
    }
    errors.sort_by_key(|err| err.number);
    for err in errors.iter().take(MALFORMED_KEPT) {
        on_malformed(err);
    }
    report.warnings = listing.finish(true)?;
    Ok((report, states))
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
    S: FnMut(&QueueEntry<'_>) -> bool,
    V: FnMut(&ParsedLine<'_>) -> Result<ControlFlow<()>>,
    M: FnMut(&LineError),
{
    let mut listing = listing;
    let mut report = ScanReport::default();
    let mut seen = IdSet::new();
    let mut failure: Option<Error> = None;
    let read = read_entries(&mut listing, |line| match line {
        Ok(parsed) => {
            report.entries += 1;
            if !select(&parsed.entry) {
                return ControlFlow::Continue(());
            }
            if repeats == Repeats::Dropped && !seen.insert(&parsed.entry.id) {
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
            Err(Error::QueueData(format!(
                "reading the queue listing: {err}"
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;

    /// Several blocks' worth of lines, with repeated IDs and damaged lines among them.
    fn dump() -> (String, Vec<u64>) {
        let mut text = String::new();
        let mut damaged = Vec::new();
        let mut number = 0u64;
        for i in 0..40_000u64 {
            number += 1;
            if i % 9_999 == 5 {
                text.push_str("{\"queue_name\": \"deferred\", \"queue_id\": \n");
                damaged.push(number);
                continue;
            }
            // Every 1000th line repeats the ID of the line before it.
            let id = if i % 1000 == 999 { i - 1 } else { i };
            let sender = if id % 3 == 0 {
                "bulk@spam.example"
            } else {
                "ok@fine.example"
            };
            text.push_str(&format!(
                r#"{{"queue_name": "deferred", "queue_id": "A{id:010X}", "arrival_time": 1000, "message_size": {}, "sender": "{sender}", "recipients": [{{"address": "r{i}@x.example", "delay_reason": "connect to mx{i}.x.example[192.0.2.{}]:25: Connection refused"}}]}}"#,
                100 + i % 7,
                i % 250
            ));
            text.push('\n');
        }
        (text, damaged)
    }

    fn listing(text: &str) -> Box<dyn Listing> {
        Box::new(SavedListing(Cursor::new(text.to_string())))
    }

    #[test]
    fn a_parallel_scan_sees_what_a_sequential_one_sees() {
        let (text, damaged) = dump();
        assert!(text.len() > 4 * crate::queue::BLOCK_SIZE);
        let is_bulk = |entry: &QueueEntry<'_>| entry.sender == "bulk@spam.example";

        let mut sequential_bytes = 0u64;
        let mut sequential_errors = Vec::new();
        let sequential = scan_queue(
            listing(&text),
            Repeats::Dropped,
            is_bulk,
            |line| {
                sequential_bytes += line.entry.size;
                Ok(ControlFlow::Continue(()))
            },
            |err| sequential_errors.push(err.number),
        )
        .unwrap();

        let mut parallel_errors = Vec::new();
        let (parallel, parts) = scan_parallel(
            listing(&text),
            vec![0u64; 3],
            is_bulk,
            |bytes, line| *bytes += line.entry.size,
            |err| parallel_errors.push(err.number),
        )
        .unwrap();

        assert_eq!(parallel.entries, sequential.entries);
        assert_eq!(parallel.selected, sequential.selected);
        assert_eq!(parallel.duplicates, sequential.duplicates);
        assert!(parallel.duplicates > 0);
        assert_eq!(parallel.malformed, damaged.len() as u64);
        assert_eq!(parts.iter().sum::<u64>(), sequential_bytes);
        assert_eq!(sequential_errors, damaged);
        assert_eq!(parallel_errors, damaged);
        assert!(parallel.complete);
    }
}
