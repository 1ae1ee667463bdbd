//! `postq list`: the selected messages as a table, JSON lines, IDs or a count.

use std::cmp::Ordering;
use std::io::{self, Write};
use std::ops::ControlFlow;

use super::Context;
use crate::cli::{ListArgs, SortField};
use crate::console::{Console, report_malformed};
use crate::error::{Error, Result};
use crate::queue::{ParsedLine, QueueEntry};
use crate::render::{
    ListRow, TableLayout, TableWriter, format_count, format_size, plural, write_list_table,
};
use crate::scan::{Repeats, parse_threads, scan_parallel, scan_queue};
use crate::selection::{Selection, Selector};

pub fn run(ctx: &mut Context<'_>, args: &ListArgs) -> Result<()> {
    let selection = Selection::from_args(&args.selection)?;
    let origins = ctx.origins(&selection, args.origin)?;
    // With --json, the origin goes out with every message whose origin is read.
    let selector = Selector::new(
        &selection,
        ctx.settings.now,
        origins.as_deref(),
        args.origin || args.format.json,
    );
    // A progress line while reading, unless rows stream to the same terminal meanwhile (a
    // table on a terminal is sorted, so it is written at the end).
    let streaming_to_terminal = ctx.settings.terminal.stdout
        && (args.format.json || args.format.ids)
        && args.sort.is_none()
        && !args.reverse;
    let progress = (!streaming_to_terminal).then(|| ctx.progress(&selector));
    let listing = ctx.open_listing()?;
    let settings = ctx.settings;
    let console = &mut ctx.console;
    let now = settings.now;
    let layout = TableLayout {
        color: settings.color,
        width: settings.terminal.width,
        places: settings.fleet(),
    };
    let mut lister = Lister::new(args, now, layout, settings.terminal.stdout);
    let format = lister.format;
    let report = if format == Format::Count && args.limit.is_none() {
        // A count needs no order: parsed on every core.
        let threads = parse_threads();
        let err = &mut *console.err;
        let (report, _) = scan_parallel(
            listing,
            vec![(); threads],
            |entry| selector.select(entry),
            |_, _| {},
            |bad| report_malformed(&mut *err, bad),
        )?;
        drop(progress);
        writeln!(console.out, "{}", report.selected)?;
        report
    } else {
        let report = {
            let Console { out, err } = console;
            scan_queue(
                listing,
                Repeats::Dropped,
                |entry| selector.select(entry),
                |line| lister.push(line, out.writer()).map_err(Error::Output),
                |bad| report_malformed(&mut **err, bad),
            )?
        };
        drop(progress);
        lister.finish(console.out.writer()).map_err(Error::Output)?;
        report
    };
    for warning in &report.warnings {
        console.warn(warning);
    }
    let gone = selector.finish()?;
    ctx.note_gone(gone);
    let console = &mut ctx.console;
    if report.entries == 0 && report.malformed == 0 {
        console.note("Mail queue is empty");
    } else if report.selected == 0 && report.malformed == 0 && format == Format::Table {
        console.note(&format!(
            "No message matches the selection ({} in the queue)",
            format_count(report.entries)
        ));
    }
    match report.malformed_error() {
        Some(err) => Err(err),
        None => Ok(()),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Table,
    Json,
    Ids,
    Count,
}

/// What is kept of a message until the end: a line to print, or a table row.
enum Item {
    Line(Box<str>),
    Row(ListRow),
}

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum SortKey {
    Number(i64),
    Text(Box<str>),
}

struct Kept {
    key: Option<SortKey>,
    /// Position in the listing: ties keep it, and it is the order without --sort.
    position: u64,
    item: Item,
}

/// Collects or streams the selected messages in the requested form.
struct Lister {
    format: Format,
    sort: Option<SortField>,
    reverse: bool,
    limit: Option<u64>,
    now: i64,
    layout: TableLayout,
    kept: Vec<Kept>,
    /// A table in postqueue's order: rows waiting for the column widths, then the writer.
    pending: Vec<ListRow>,
    table: Option<TableWriter>,
    /// Messages written already (streaming) or counted.
    emitted: u64,
    /// Bytes of the messages in a streamed table.
    emitted_bytes: u64,
    selected: u64,
}

/// A streamed table takes its column widths from this many first rows.
const WIDTH_SAMPLE: usize = 1000;

impl Lister {
    /// On a terminal, a table without --sort is oldest first (postqueue's order is the
    /// directory scan's: arbitrary); that keeps every row until the end, about 400 bytes a
    /// message (docs/performance.md). Piped, it streams in postqueue's order.
    fn new(args: &ListArgs, now: i64, layout: TableLayout, terminal: bool) -> Lister {
        let format = if args.format.json {
            Format::Json
        } else if args.format.ids {
            Format::Ids
        } else if args.format.count {
            Format::Count
        } else {
            Format::Table
        };
        let oldest_first = terminal && format == Format::Table && !args.reverse;
        Lister {
            format,
            sort: args.sort.or(oldest_first.then_some(SortField::Arrival)),
            reverse: args.reverse,
            limit: args.limit,
            now,
            layout,
            kept: Vec::new(),
            pending: Vec::new(),
            table: None,
            emitted: 0,
            emitted_bytes: 0,
            selected: 0,
        }
    }

    /// Streams when the order is postqueue's own: the first lines are out while postqueue
    /// still writes, and a --limit stops it early (a table reads on, for its footer).
    fn streams(&self) -> bool {
        self.format == Format::Count || (self.sort.is_none() && !self.reverse)
    }

    fn push(&mut self, line: &ParsedLine<'_>, out: &mut dyn Write) -> io::Result<ControlFlow<()>> {
        self.selected += 1;
        let limit_reached = self.limit.is_some_and(|limit| self.emitted >= limit);
        if limit_reached && self.streams() {
            // A table counts on, for "10 of 331 messages shown".
            return Ok(if self.format == Format::Table {
                ControlFlow::Continue(())
            } else {
                ControlFlow::Break(())
            });
        }
        if self.streams() {
            match self.format {
                Format::Json => writeln!(out, "{}", json_line(line))?,
                Format::Ids => writeln!(out, "{}", line.entry.shown_id())?,
                Format::Table => {
                    self.emitted_bytes = self.emitted_bytes.saturating_add(line.entry.size);
                    self.push_row(ListRow::new(&line.entry, self.now), out)?;
                    self.emitted += 1;
                    return Ok(ControlFlow::Continue(()));
                }
                Format::Count => {}
            }
            self.emitted += 1;
            let done = self.limit.is_some_and(|limit| self.emitted >= limit);
            return Ok(if done {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            });
        }
        let item = match self.format {
            Format::Table => Item::Row(ListRow::new(&line.entry, self.now)),
            Format::Json => Item::Line(json_line(line).into()),
            Format::Ids | Format::Count => Item::Line(line.entry.shown_id().as_ref().into()),
        };
        self.kept.push(Kept {
            key: self.sort.map(|field| sort_key(field, &line.entry)),
            position: line.number,
            item,
        });
        // With a limit, only the best `limit` need keeping: trim now and then.
        if let Some(limit) = self.limit {
            let limit = usize::try_from(limit).unwrap_or(usize::MAX);
            if self.kept.len() >= limit.saturating_mul(2).max(1024) {
                self.order_and_trim(limit);
            }
        }
        Ok(ControlFlow::Continue(()))
    }

    /// A row of a streamed table: held until the widths are known, then written.
    fn push_row(&mut self, row: ListRow, out: &mut dyn Write) -> io::Result<()> {
        match &mut self.table {
            Some(table) => table.write_row(out, &row)?,
            None => {
                self.pending.push(row);
                if self.pending.len() >= WIDTH_SAMPLE {
                    self.start_table(out)?;
                }
            }
        }
        Ok(())
    }

    fn start_table(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let mut table = TableWriter::new(&self.pending, self.layout);
        table.write_header(out)?;
        for row in self.pending.drain(..) {
            table.write_row(out, &row)?;
        }
        self.table = Some(table);
        Ok(())
    }

    fn order_and_trim(&mut self, limit: usize) {
        let reverse = self.reverse;
        self.kept.sort_by(|a, b| {
            let by_key = a.key.cmp(&b.key);
            let by_key = if reverse { by_key.reverse() } else { by_key };
            let by_position = a.position.cmp(&b.position);
            match (by_key, a.key.is_none()) {
                // No --sort: --reverse turns the listing order around.
                (Ordering::Equal, true) if reverse => by_position.reverse(),
                (Ordering::Equal, _) => by_position,
                (ordering, _) => ordering,
            }
        });
        self.kept.truncate(limit);
    }

    fn finish(mut self, out: &mut dyn Write) -> io::Result<()> {
        let limit = self.limit.map_or(usize::MAX, |limit| {
            usize::try_from(limit).unwrap_or(usize::MAX)
        });
        self.order_and_trim(limit);
        match self.format {
            Format::Count => {
                let count = self.limit.map_or(self.selected, |l| self.selected.min(l));
                writeln!(out, "{count}")?;
            }
            Format::Json | Format::Ids => {
                for kept in &self.kept {
                    if let Item::Line(line) = &kept.item {
                        writeln!(out, "{line}")?;
                    }
                }
            }
            Format::Table => {
                let (shown, bytes) = if self.streams() {
                    if self.table.is_none() && !self.pending.is_empty() {
                        self.start_table(&mut *out)?;
                    }
                    (self.emitted, self.emitted_bytes)
                } else {
                    let rows: Vec<ListRow> = self
                        .kept
                        .into_iter()
                        .filter_map(|kept| match kept.item {
                            Item::Row(row) => Some(row),
                            Item::Line(_) => None,
                        })
                        .collect();
                    write_list_table(&mut *out, &rows, self.layout)?;
                    (
                        rows.len() as u64,
                        rows.iter()
                            .fold(0u64, |sum, row| sum.saturating_add(row.size)),
                    )
                };
                if shown == 0 {
                    return Ok(());
                }
                let footer = if shown < self.selected {
                    format!(
                        "{} of {} shown, {}",
                        format_count(shown),
                        plural(self.selected, "message", "messages"),
                        format_size(bytes)
                    )
                } else {
                    format!(
                        "{}, {}",
                        plural(shown, "message", "messages"),
                        format_size(bytes)
                    )
                };
                writeln!(out, "{footer}")?;
            }
        }
        out.flush()?;
        Ok(())
    }
}

fn sort_key(field: SortField, entry: &QueueEntry<'_>) -> SortKey {
    match field {
        SortField::Arrival => SortKey::Number(entry.arrival_time),
        SortField::Size => SortKey::Number(entry.size as i64),
        SortField::Queue => SortKey::Number(entry.queue.index() as i64),
        SortField::Recipients => SortKey::Number(entry.recipients.len() as i64),
        SortField::Sender => SortKey::Text(entry.sender.to_lowercase().into()),
        SortField::Id => SortKey::Text(entry.id.as_ref().into()),
    }
}

/// postqueue's own line; with the origin read, one more member, `origin`, at the end
/// (postqueue's members untouched).
fn json_line<'a>(line: &'a ParsedLine<'_>) -> std::borrow::Cow<'a, str> {
    let Some(origin) = line.entry.origin.as_deref() else {
        return std::borrow::Cow::Borrowed(line.text);
    };
    let text = line.text.trim_end();
    match (text.strip_suffix('}'), serde_json::to_string(origin)) {
        (Some(members), Ok(origin)) => {
            std::borrow::Cow::Owned(format!("{members}, \"origin\": {origin}}}"))
        }
        _ => std::borrow::Cow::Borrowed(line.text),
    }
}
