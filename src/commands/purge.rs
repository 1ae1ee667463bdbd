//! `postq purge [QUEUE...]`: `postsuper -d ALL [QUEUE...]`, after a count of what is there
//! now and the count typed back.

use std::fmt::Write as _;

use super::Context;
use hashbrown::HashMap;

use crate::action::{Consent, Tally, confirm, most_first};
use crate::cli::PurgeArgs;
use crate::error::{Error, Result};
use crate::postfix::Operation;
use crate::queue::QueueName;
use crate::render::{
    DRY_RUN_DONE, PREVIEW_SENDERS, format_count, format_size, plural, render_senders,
};
use crate::scan::Repeats;

pub fn run(ctx: &mut Context<'_>, args: &PurgeArgs) -> Result<()> {
    ctx.refuse_input("purge")?;
    let queues: Vec<QueueName> = if args.queues.is_empty() {
        Operation::Delete.default_queues().to_vec()
    } else {
        args.queues.clone()
    };
    let (per_queue, senders) = count_queues(ctx, &queues)?;
    let count: u64 = per_queue.iter().map(|t| t.count).sum();
    let names = queues
        .iter()
        .map(|q| q.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    if count == 0 {
        writeln!(ctx.console.out, "Nothing to purge: no message in {names}.")?;
        return Ok(());
    }
    let mut details = describe(&queues, &per_queue, &names);
    let top = most_first(
        senders.iter().map(|(s, t)| (s.as_ref(), *t)),
        PREVIEW_SENDERS,
    );
    details.push_str(&render_senders(&top, senders.len()));
    let count = usize::try_from(count).unwrap_or(usize::MAX);
    let decision = ctx.consent(&args.confirm, count, true);
    if decision == Consent::DryRun {
        write!(ctx.console.out, "Would delete {details}")?;
        writeln!(ctx.console.out, "{DRY_RUN_DONE}")?;
        return Ok(());
    }
    let Context {
        console, prompter, ..
    } = ctx;
    confirm(decision, "purge", count, console, *prompter, |console| {
        write!(console.err, "Delete {details}").map_err(Error::Output)
    })?;
    let run = ctx.postfix.purge(&args.queues);
    // A failure carries its own lines: said once, with the error.
    if run.failure.is_none() {
        for line in &run.other {
            ctx.console.warn(line);
        }
    }
    let deleted = run.total.unwrap_or(run.done.len() as u64);
    let mut text = format!(
        "Deleted {} from {names}",
        plural(deleted, "message", "messages")
    );
    if deleted != count as u64 {
        let _ = write!(
            text,
            " ({} when previewed: mail came and went meanwhile)",
            format_count(count as u64)
        );
    }
    writeln!(ctx.console.out, "{text}.")?;
    match run.failure {
        Some(failure) => Err(failure.into()),
        None => Ok(()),
    }
}

/// Messages and bytes by sender.
type Senders = HashMap<Box<str>, Tally>;

/// Messages and bytes in each queue now, by queue index; and by sender.
fn count_queues(ctx: &mut Context<'_>, queues: &[QueueName]) -> Result<([Tally; 5], Senders)> {
    let mut per_queue = [Tally::default(); 5];
    let mut senders: HashMap<Box<str>, Tally> = HashMap::new();
    ctx.read_live_queue(
        Repeats::Dropped,
        |entry| queues.contains(&entry.queue),
        |entry, _| {
            let tally = &mut per_queue[entry.queue.index()];
            tally.count += 1;
            tally.bytes = tally.bytes.saturating_add(entry.size);
            let sender = senders.entry(entry.sender.as_ref().into()).or_default();
            sender.count += 1;
            sender.bytes = sender.bytes.saturating_add(entry.size);
        },
    )?;
    Ok((per_queue, senders))
}

/// "every message in deferred: 3 messages (2.0 KiB) now:" and a line per queue; the verb
/// ("Delete", "Would delete") goes before it.
fn describe(queues: &[QueueName], per_queue: &[Tally; 5], names: &str) -> String {
    let count: u64 = per_queue.iter().map(|t| t.count).sum();
    let bytes = per_queue
        .iter()
        .fold(0u64, |sum, t| sum.saturating_add(t.bytes));
    let mut details = format!(
        "every message in {names}: {} ({}) now:\n",
        plural(count, "message", "messages"),
        format_size(bytes)
    );
    for queue in queues {
        let tally = per_queue[queue.index()];
        let _ = writeln!(
            details,
            "  {:<8}  {:>9}  {}",
            queue.as_str(),
            format_count(tally.count),
            format_size(tally.bytes)
        );
    }
    details.push_str("Mail that arrives in these queues before postsuper runs goes too.\n");
    details
}
