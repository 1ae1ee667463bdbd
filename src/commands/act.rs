//! `delete`, `hold`, `release` and `requeue`: read the queue, plan, preview, confirm,
//! execute, report. Nothing changes before the confirmation, and nothing changes when the
//! queue could not be read whole.

use std::io::Write;

use super::Context;
use crate::action::{Consent, Outcome, Plan, catching_interruptions, confirm, execute};
use crate::cli::ActionArgs;
use crate::error::{Error, Result};
use crate::postfix::Operation;
use crate::render::{DRY_RUN_DONE, render_nothing_to_do, render_preview, render_report};
use crate::scan::Repeats;
use crate::selection::Selection;

/// Which of the messages' lines the preview lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    Summary,
    Ids,
    Json,
}

pub fn run(
    ctx: &mut Context<'_>,
    operation: Operation,
    args: &ActionArgs,
    no_verify: bool,
) -> Result<()> {
    let verb = operation.verb();
    ctx.refuse_input(verb)?;
    let selection = Selection::from_args(&args.selection)?;
    if !selection.is_given() && !args.all {
        return Err(no_selection(verb));
    }
    let shown = if args.ids {
        Shown::Ids
    } else if args.json {
        Shown::Json
    } else {
        Shown::Summary
    };
    let plan = make_plan(ctx, operation, &selection, shown == Shown::Json)?;
    if plan.is_empty() {
        return ctx
            .console
            .out
            .write_all(render_nothing_to_do(&plan).as_bytes());
    }
    let decision = ctx.consent(&args.confirm, plan.len(), false);
    if decision == Consent::DryRun {
        return show_dry_run(ctx, &plan, shown);
    }
    let Context {
        console, prompter, ..
    } = ctx;
    confirm(decision, verb, plan.len(), console, *prompter, |console| {
        if shown != Shown::Summary {
            write_messages(&plan, shown, &mut *console.err).map_err(Error::Output)?;
        }
        console
            .err
            .write_all(render_preview(&plan, false).as_bytes())
            .map_err(Error::Output)
    })?;
    let verify = operation == Operation::Delete && !no_verify && reuses_ids(ctx);
    let outcome =
        catching_interruptions(|interrupted| execute(&plan, ctx.postfix, verify, interrupted));
    report(ctx, outcome)
}

fn no_selection(verb: &str) -> Error {
    Error::usage_with_hint(
        format!("{verb} needs a selection, and none was given: nothing was changed"),
        format!(
            "select messages with -f, -t, -q, --older-than, --newer-than, --reason, \
             --min-size, --max-size, --id or -w, or give --all to {verb} every message"
        ),
    )
}

/// Reads the live queue into the plan of exactly the selected messages.
fn make_plan(
    ctx: &mut Context<'_>,
    operation: Operation,
    selection: &Selection,
    keep_lines: bool,
) -> Result<Plan> {
    let now = ctx.settings.now;
    let mut plan = Plan::new(operation, keep_lines);
    ctx.read_live_queue(
        Repeats::Passed,
        |entry| selection.matches(entry, now),
        |entry, line| plan.add(entry, line),
    )?;
    plan.drop_repeated_ids();
    Ok(plan)
}

fn show_dry_run(ctx: &mut Context<'_>, plan: &Plan, shown: Shown) -> Result<()> {
    let preview = render_preview(plan, true);
    let console = &mut ctx.console;
    if shown == Shown::Summary {
        console.out.write_all(preview.as_bytes())?;
        writeln!(console.out, "{DRY_RUN_DONE}")?;
    } else {
        // The messages are the data; the summary is for the person.
        write_messages(plan, shown, console.out.writer()).map_err(Error::Output)?;
        console.note(preview.trim_end());
        console.note(DRY_RUN_DONE);
    }
    Ok(())
}

fn write_messages(plan: &Plan, shown: Shown, out: &mut dyn Write) -> std::io::Result<()> {
    match (shown, plan.lines()) {
        (Shown::Json, Some(lines)) => {
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

/// Whether queue IDs can be reused here, so a delete must hold and re-check first.
fn reuses_ids(ctx: &mut Context<'_>) -> bool {
    match ctx.postfix.long_queue_ids() {
        Ok(long) => !long,
        Err(err) => {
            ctx.console.warn(&format!(
                "cannot tell whether queue IDs are long ({err}); holding and re-checking first"
            ));
            true
        }
    }
}

fn report(ctx: &mut Context<'_>, outcome: Outcome) -> Result<()> {
    for warning in &outcome.warnings {
        ctx.console.warn(warning);
    }
    ctx.console
        .out
        .write_all(render_report(&outcome).as_bytes())?;
    match outcome.failure {
        Some(failure) => Err(failure),
        None => Ok(()),
    }
}
