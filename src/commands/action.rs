//! `delete`, `hold`, `release`, `requeue` and `purge`: read the queue, plan, preview,
//! confirm, execute, report. Nothing changes before the confirmation, and nothing changes
//! when the queue could not be read whole.

use std::io::Write;
use std::ops::ControlFlow;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

use crate::action::{Consent, Outcome, Plan, Prompter, Tally, ask_consent, consent, execute};
use crate::cli::{ActionArgs, PurgeArgs};
use crate::console::{Console, report_malformed};
use crate::error::{Error, Result};
use crate::postfix::{Operation, Postfix};
use crate::queue::{QueueEntry, QueueName};
use crate::render::{
    format_count, format_size, plural, render_nothing_to_do, render_preview, render_report, verb,
};
use crate::scan::{Repeats, scan_queue};
use crate::selection::Selection;
use crate::settings::Settings;

/// Which of the messages' lines the preview lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Listing {
    Summary,
    Ids,
    Json,
}

pub fn run_action(
    settings: &Settings,
    operation: Operation,
    args: &ActionArgs,
    no_verify: bool,
    postfix: &dyn Postfix,
    console: &mut Console<'_>,
    prompter: &mut dyn Prompter,
) -> Result<()> {
    let verb = verb(operation);
    refuse_input(settings, verb)?;
    let selection = Selection::from_args(&args.selection)?;
    if !selection.is_given() && !args.all {
        return Err(Error::usage_with_hint(
            format!("{verb} needs a selection, and none was given: nothing was changed"),
            format!(
                "select messages with -f, -t, -q, --older-than, --newer-than, --reason, \
                 --min-size, --max-size, --id or -w, or give --all to {verb} every message"
            ),
        ));
    }
    let listing = if args.ids {
        Listing::Ids
    } else if args.json {
        Listing::Json
    } else {
        Listing::Summary
    };
    let now = settings.now;
    let mut plan = Plan::new(operation, listing == Listing::Json);
    read_queue(
        postfix,
        console,
        Repeats::Passed,
        |entry| selection.matches(entry, now),
        |entry, line| plan.add(entry, line),
    )?;
    plan.drop_repeated_ids();
    if plan.is_empty() {
        console
            .out
            .write_all(render_nothing_to_do(&plan).as_bytes())?;
        return Ok(());
    }
    let decision = consent(
        args.confirm.dry_run,
        args.confirm.yes,
        settings.terminal.interactive(),
        plan.len(),
        false,
    );
    if decision == Consent::DryRun {
        show_dry_run(&plan, listing, console)?;
        return Ok(());
    }
    confirm(decision, verb, plan.len(), console, prompter, |console| {
        if listing != Listing::Summary {
            write_messages(&plan, listing, &mut *console.err)?;
        }
        console
            .err
            .write_all(render_preview(&plan, false).as_bytes())?;
        Ok(())
    })?;
    let verify = operation == Operation::Delete && !no_verify && reuses_ids(postfix, console);
    // From here, Ctrl-C, a closed SSH session or a TERM stop the action at a safe point
    // (messages held for the delete are released) instead of killing postq half-way.
    let interrupted = Arc::new(AtomicBool::new(false));
    for signal in [SIGINT, SIGHUP, SIGTERM] {
        let _ = signal_hook::flag::register(signal, Arc::clone(&interrupted));
    }
    let outcome = {
        let done = AtomicBool::new(false);
        std::thread::scope(|scope| {
            // Say at once that the signal was heard: postsuper finishes the step under way.
            scope.spawn(|| {
                while !done.load(Ordering::SeqCst) {
                    if interrupted.load(Ordering::SeqCst) {
                        let _ = writeln!(
                            std::io::stderr(),
                            "postq: interrupted: finishing the step under way, then stopping"
                        );
                        break;
                    }
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
            });
            let outcome = execute(&plan, postfix, verify, &interrupted);
            done.store(true, Ordering::SeqCst);
            outcome
        })
    };
    report(outcome, console)
}

pub fn run_purge(
    settings: &Settings,
    args: &PurgeArgs,
    postfix: &dyn Postfix,
    console: &mut Console<'_>,
    prompter: &mut dyn Prompter,
) -> Result<()> {
    refuse_input(settings, "purge")?;
    let queues: Vec<QueueName> = if args.queues.is_empty() {
        Operation::Delete.default_queues().to_vec()
    } else {
        args.queues.clone()
    };
    let mut per_queue = [Tally::default(); 5];
    read_queue(
        postfix,
        console,
        Repeats::Dropped,
        |entry| queues.contains(&entry.queue),
        |entry, _| {
            let tally = &mut per_queue[entry.queue.index()];
            tally.count += 1;
            tally.bytes += entry.size;
        },
    )?;
    let count: u64 = per_queue.iter().map(|t| t.count).sum();
    let bytes: u64 = per_queue.iter().map(|t| t.bytes).sum();
    let names = queues
        .iter()
        .map(|q| q.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    if count == 0 {
        writeln!(console.out, "Nothing to purge: no message in {names}.")?;
        return Ok(());
    }
    // "Delete every message in ..." or "Would delete every message in ...".
    let mut details = format!(
        "every message in {names}: {} ({}) now:\n",
        plural(count, "message", "messages"),
        format_size(bytes)
    );
    for queue in &queues {
        let tally = per_queue[queue.index()];
        details.push_str(&format!(
            "  {:<8}  {:>9}  {}\n",
            queue.as_str(),
            format_count(tally.count),
            format_size(tally.bytes)
        ));
    }
    details.push_str("Mail that arrives in these queues before postsuper runs goes too.\n");
    let count = usize::try_from(count).unwrap_or(usize::MAX);
    let decision = consent(
        args.confirm.dry_run,
        args.confirm.yes,
        settings.terminal.interactive(),
        count,
        true,
    );
    if decision == Consent::DryRun {
        write!(console.out, "Would delete {details}")?;
        writeln!(console.out, "Dry run: nothing was changed.")?;
        return Ok(());
    }
    confirm(decision, "delete", count, console, prompter, |console| {
        write!(console.err, "Delete {details}")?;
        Ok(())
    })?;
    let run = postfix.purge(&args.queues);
    for line in &run.other {
        console.warn(line);
    }
    let deleted = run.total.unwrap_or(run.done.len() as u64);
    let mut text = format!(
        "Deleted {} from {names}",
        plural(deleted, "message", "messages")
    );
    if deleted != count as u64 {
        text.push_str(&format!(
            " ({} when previewed: mail came and went meanwhile)",
            format_count(count as u64)
        ));
    }
    writeln!(console.out, "{text}.")?;
    match run.failure {
        Some(failure) => Err(failure.into()),
        None => Ok(()),
    }
}

pub(super) fn refuse_input(settings: &Settings, verb: &str) -> Result<()> {
    if settings.input.is_some() {
        return Err(Error::usage_with_hint(
            format!(
                "{verb} acts on the live queue; --input is a saved listing, no basis for changing it"
            ),
            "drop --input (give -c DIR for another Postfix instance); preview with --dry-run",
        ));
    }
    Ok(())
}

/// Reads the live queue whole, handing each selected message to `add`. Any malformed line or
/// a failing postqueue stops the action here, before anything changed.
pub(super) fn read_queue<S, A>(
    postfix: &dyn Postfix,
    console: &mut Console<'_>,
    repeats: Repeats,
    select: S,
    mut add: A,
) -> Result<()>
where
    S: FnMut(&QueueEntry<'_>) -> bool,
    A: FnMut(&QueueEntry<'_>, &str),
{
    let listing = postfix.list_queue()?;
    let report = {
        let err = &mut *console.err;
        scan_queue(
            listing,
            repeats,
            select,
            |line| {
                add(&line.entry, line.text);
                Ok(ControlFlow::Continue(()))
            },
            |bad| report_malformed(&mut *err, bad),
        )?
    };
    for warning in &report.warnings {
        console.warn(warning);
    }
    if report.malformed > 0 {
        return Err(Error::QueueData(format!(
            "{} of the queue listing could not be read: nothing was changed",
            plural(report.malformed, "line", "lines")
        )));
    }
    Ok(())
}

fn show_dry_run(plan: &Plan, listing: Listing, console: &mut Console<'_>) -> Result<()> {
    let preview = render_preview(plan, true);
    if listing == Listing::Summary {
        console.out.write_all(preview.as_bytes())?;
        writeln!(console.out, "Dry run: nothing was changed.")?;
    } else {
        // The messages are the data; the summary is for the person.
        write_messages(plan, listing, &mut *console.out)?;
        console.note(preview.trim_end());
        console.note("Dry run: nothing was changed.");
    }
    Ok(())
}

fn write_messages(plan: &Plan, listing: Listing, out: &mut dyn Write) -> Result<()> {
    match (listing, plan.lines()) {
        (Listing::Json, Some(lines)) => {
            for line in lines {
                writeln!(out, "{line}")?;
            }
        }
        _ => {
            for chunk in plan.id_list().chunks() {
                out.write_all(chunk.as_bytes())?;
            }
        }
    }
    Ok(())
}

/// Goes ahead only with consent; `preview` shows what is asked about.
pub(super) fn confirm(
    decision: Consent,
    verb: &str,
    count: usize,
    console: &mut Console<'_>,
    prompter: &mut dyn Prompter,
    preview: impl FnOnce(&mut Console<'_>) -> Result<()>,
) -> Result<()> {
    match decision {
        Consent::Given => Ok(()),
        Consent::DryRun => unreachable!("a dry run stops before confirming"),
        Consent::NoTerminal => {
            preview(console)?;
            Err(Error::NotConfirmed {
                message: format!(
                    "not confirmed, and there is no terminal to ask: nothing was changed ({verb} \
                     needs --yes here)"
                ),
                hint: Some(format!(
                    "preview with --dry-run, then run the same command with --yes to {verb}"
                )),
            })
        }
        Consent::Ask { type_count } => {
            preview(console)?;
            let _ = console.err.flush();
            if ask_consent(prompter, type_count, verb, count) {
                Ok(())
            } else {
                Err(Error::NotConfirmed {
                    message: "not confirmed: nothing was changed".into(),
                    hint: None,
                })
            }
        }
    }
}

/// Whether queue IDs can be reused here, so a delete must hold and re-check first.
fn reuses_ids(postfix: &dyn Postfix, console: &mut Console<'_>) -> bool {
    match postfix.long_queue_ids() {
        Ok(long) => !long,
        Err(err) => {
            console.warn(&format!(
                "cannot tell whether queue IDs are long ({err}); holding and re-checking first"
            ));
            true
        }
    }
}

fn report(outcome: Outcome, console: &mut Console<'_>) -> Result<()> {
    for warning in &outcome.warnings {
        console.warn(warning);
    }
    console.out.write_all(render_report(&outcome).as_bytes())?;
    match outcome.failure {
        Some(failure) => Err(failure),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests;
