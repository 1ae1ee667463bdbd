//! `postq flush`: try to deliver now. All deferred mail with `postqueue -f`, or the selected
//! deferred messages with `postqueue -i ID` each. More than one message needs a
//! confirmation, as the actions do.

use super::Context;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use hashbrown::HashMap;

use crate::action::{Consent, Seen, Tally, confirm, most_first};
use crate::cli::FlushArgs;
use crate::error::{Error, Result};
use crate::progress::Progress;
use crate::queue::QueueName;
use crate::render::{DRY_RUN_DONE, PREVIEW_SENDERS, format_count, plural, render_senders};
use crate::scan::Repeats;
use crate::selection::{Selection, Selector};

/// The selected messages: the deferred ones to try, and how many others are left alone.
struct Flushable {
    deferred: Vec<(String, Seen)>,
    elsewhere: u64,
}

pub fn run(ctx: &mut Context<'_>, args: &FlushArgs) -> Result<()> {
    ctx.refuse_input("flush")?;
    let selection = Selection::from_args(&args.selection)?;
    let Flushable {
        deferred,
        elsewhere,
    } = select_deferred(ctx, &selection)?;
    let count = deferred.len();
    let what = plural(count as u64, "deferred message", "deferred messages");
    let left_alone = (elsewhere > 0 && selection.is_given()).then(|| {
        format!(
            "Left alone: {} not in the deferred queue\n",
            plural(elsewhere, "selected message", "selected messages")
        )
    });
    if count == 0 {
        writeln!(
            ctx.console.out,
            "Nothing to flush: no deferred message selected."
        )?;
        if let Some(text) = &left_alone {
            ctx.console.out.write_all(text.as_bytes())?;
        }
        return Ok(());
    }
    let how = if selection.is_given() {
        " (postqueue -i for each)"
    } else {
        " (postqueue -f)"
    };
    let preview = format!(
        "{what} to try now{how}\n{}{}",
        senders_of(&deferred),
        left_alone.unwrap_or_default()
    );
    if !consented(ctx, args, count, &preview)? {
        return Ok(());
    }
    if !selection.is_given() {
        ctx.postfix.flush_all()?;
        writeln!(
            ctx.console.out,
            "Asked Postfix to try {what} now (postqueue -f)."
        )?;
        return Ok(());
    }
    let still = still_deferred(ctx, deferred)?;
    flush_each(ctx, &still, &what)
}

/// After consent: the selected messages that are still deferred and still the ones
/// previewed (a short queue ID may name another message by now).
fn still_deferred(ctx: &mut Context<'_>, deferred: Vec<(String, Seen)>) -> Result<Vec<String>> {
    let planned: HashMap<String, Seen> = deferred.into_iter().collect();
    let mut still = Vec::new();
    ctx.read_live_queue(
        Repeats::Dropped,
        |entry| {
            entry.queue == QueueName::Deferred
                && planned
                    .get(entry.id.as_ref())
                    .is_some_and(|seen| seen.is(entry))
        },
        |entry, _| still.push(entry.id.to_string()),
    )?;
    let left = planned.len() - still.len();
    if left > 0 {
        ctx.console.note(&format!(
            "{} left the deferred queue or changed since the preview: not flushed",
            plural(left as u64, "message", "messages")
        ));
    }
    Ok(still)
}

/// The preview's sender breakdown.
fn senders_of(deferred: &[(String, Seen)]) -> String {
    let mut senders: HashMap<&str, Tally> = HashMap::new();
    for (_, seen) in deferred {
        let tally = senders.entry(&seen.sender).or_default();
        tally.count += 1;
        tally.bytes = tally.bytes.saturating_add(seen.size);
    }
    let top = most_first(senders.iter().map(|(s, t)| (*s, *t)), PREVIEW_SENDERS);
    render_senders(&top, senders.len())
}

/// Only deferred mail waits for a retry; the rest is on hold, or on its way already.
fn select_deferred(ctx: &mut Context<'_>, selection: &Selection) -> Result<Flushable> {
    let now = ctx.settings.now;
    let origins = ctx.origins(selection, false)?;
    let selector = Selector::new(selection, now, origins.as_deref(), false);
    let progress = ctx.progress(&selector);
    let mut flushable = Flushable {
        deferred: Vec::new(),
        elsewhere: 0,
    };
    ctx.read_live_queue(
        Repeats::Dropped,
        |entry| selector.select(entry),
        |entry, _| {
            if entry.queue == QueueName::Deferred {
                flushable
                    .deferred
                    .push((entry.id.to_string(), Seen::of(entry)));
            } else {
                flushable.elsewhere += 1;
            }
        },
    )?;
    drop(progress);
    let gone = selector.finish()?;
    ctx.note_gone(gone);
    Ok(flushable)
}

/// Whether to go ahead: false after a dry run; an error when not confirmed.
fn consented(ctx: &mut Context<'_>, args: &FlushArgs, count: usize, preview: &str) -> Result<bool> {
    let decision = ctx.consent(&args.confirm, count, false);
    match decision {
        Consent::DryRun => {
            write!(ctx.console.out, "Would flush {preview}")?;
            writeln!(ctx.console.out, "{DRY_RUN_DONE}")?;
            Ok(false)
        }
        // One message is no mass action: no question asked.
        _ if count == 1 => Ok(true),
        decision => {
            let Context {
                console, prompter, ..
            } = ctx;
            confirm(decision, "flush", count, console, *prompter, |console| {
                write!(console.err, "Flush {preview}").map_err(Error::Output)
            })?;
            Ok(true)
        }
    }
}

/// `postqueue -i ID` for each (several at once), with progress on a terminal; postqueue
/// says nothing of IDs it does not know.
fn flush_each(ctx: &mut Context<'_>, deferred: &[String], what: &str) -> Result<()> {
    let asked = Arc::new(AtomicU64::new(0));
    let progress = Progress::show(
        ctx.settings.terminal.stderr && deferred.len() > 1,
        "asking Postfix to try each message",
        Arc::clone(&asked),
    );
    let failure: Option<Error> = ctx
        .postfix
        .flush_each(deferred, &asked)
        .err()
        .map(Error::from);
    drop(progress);
    let asked = asked.load(Ordering::SeqCst);
    writeln!(
        ctx.console.out,
        "Asked Postfix to try {} of {} now.",
        format_count(asked),
        what
    )?;
    match failure {
        Some(err) => Err(err),
        None => Ok(()),
    }
}
