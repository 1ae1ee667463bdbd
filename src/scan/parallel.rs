//! A scan on every core, for work whose order does not matter (counts, sums): this thread
//! cuts the listing into blocks of whole lines, parsing threads select, keep each queue ID
//! once (a shared set in shards) and visit with their own state.

use std::sync::Mutex;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use super::ScanReport;
use crate::error::{Error, Result};
use crate::postfix::Listing;
use crate::queue::{Block, BlockReader, IdSet, LineError, ParsedLine, QueueEntry, parse_block};

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

/// What one parsing thread saw.
#[derive(Default)]
struct Seen {
    entries: u64,
    selected: u64,
    duplicates: u64,
    malformed: u64,
    errors: Vec<LineError>,
}

/// What the parsing threads share.
struct Shared<'a, S, V> {
    blocks: Mutex<Receiver<Block>>,
    /// Shards, so that the parsing threads seldom wait for each other.
    ids: Vec<Mutex<IdSet>>,
    select: &'a S,
    visit: &'a V,
}

/// Like [`super::scan_queue`], on `workers.len()` threads, each with its own state; returns
/// the report and the states. Malformed lines are handed to `on_malformed` at the end, the
/// first 100 of them by line number.
pub fn scan_parallel<W, S, V, M>(
    listing: Box<dyn Listing>,
    workers: Vec<W>,
    select: S,
    visit: V,
    mut on_malformed: M,
) -> Result<(ScanReport, Vec<W>)>
where
    W: Send,
    S: Fn(&mut QueueEntry<'_>) -> bool + Sync,
    V: Fn(&mut W, &ParsedLine<'_>) + Sync,
    M: FnMut(&LineError),
{
    let mut listing = listing;
    let (sender, receiver) = sync_channel::<Block>(workers.len().max(1) * 2);
    let shared = Shared {
        blocks: Mutex::new(receiver),
        ids: (0..ID_SHARDS).map(|_| Mutex::new(IdSet::new())).collect(),
        select: &select,
        visit: &visit,
    };
    let (read, results) = std::thread::scope(|scope| {
        let handles: Vec<_> = workers
            .into_iter()
            .map(|state| {
                let shared = &shared;
                scope.spawn(move || parse_blocks(shared, state))
            })
            .collect();
        let read = feed(&mut listing, sender);
        let results: Vec<(W, Seen)> = handles
            .into_iter()
            .map(|handle| handle.join().expect("a parsing thread panicked"))
            .collect();
        (read, results)
    });
    if let Err(err) = read {
        let _ = listing.finish(false);
        return Err(Error::Listing(err));
    }
    let (mut report, errors, states) = merge(results);
    for err in errors.iter().take(MALFORMED_KEPT) {
        on_malformed(err);
    }
    report.warnings = listing.finish(true)?;
    Ok((report, states))
}

/// Cuts the listing into blocks for the parsing threads, until it ends or they are gone.
fn feed(listing: &mut Box<dyn Listing>, sender: SyncSender<Block>) -> std::io::Result<()> {
    let mut blocks = BlockReader::new(listing);
    while let Some(block) = blocks.next_block()? {
        if sender.send(block).is_err() {
            break;
        }
    }
    Ok(())
}

/// One parsing thread: takes blocks until there are no more.
fn parse_blocks<W, S, V>(shared: &Shared<'_, S, V>, mut state: W) -> (W, Seen)
where
    S: Fn(&mut QueueEntry<'_>) -> bool,
    V: Fn(&mut W, &ParsedLine<'_>),
{
    let mut seen = Seen::default();
    loop {
        let block = match shared.blocks.lock() {
            Ok(blocks) => blocks.recv(),
            Err(_) => break,
        };
        let Ok(block) = block else { break };
        parse_block(&block, |line| match line {
            Ok(mut parsed) => {
                seen.entries += 1;
                if !(shared.select)(&mut parsed.entry) {
                    return;
                }
                let entry = &parsed.entry;
                let id: &str = &entry.id;
                let first = shared.ids[shard_of(id)]
                    .lock()
                    .map(|mut ids| {
                        ids.insert_at(entry.host.as_deref(), entry.instance.as_deref(), id)
                    })
                    .unwrap_or(true);
                if !first {
                    seen.duplicates += 1;
                    return;
                }
                seen.selected += 1;
                (shared.visit)(&mut state, &parsed);
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
}

/// The threads' counts added up, their malformed lines in line order, their states.
fn merge<W>(results: Vec<(W, Seen)>) -> (ScanReport, Vec<LineError>, Vec<W>) {
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
    (report, errors, states)
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use std::ops::ControlFlow;

    use super::*;
    use crate::postfix::SavedListing;
    use crate::scan::{Repeats, scan_queue};

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
        let is_bulk = |entry: &mut QueueEntry<'_>| entry.sender == "bulk@spam.example";

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
