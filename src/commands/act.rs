//! `delete`, `hold`, `release` and `requeue`: read the queue, plan, preview, confirm, then
//! in each round: journal, execute on what is still the previewed mail, look at the queue
//! again, report. Nothing changes before the confirmation, and nothing changes when the
//! queue could not be read whole.

use std::io::Write;

use super::Context;
use crate::action::{Consent, Journal, Outcome, Plan, Verify, confirm, execute};
use crate::cli::ActionArgs;
use crate::error::{Error, Result};
use crate::postfix::Operation;
use crate::progress::Progress;
use crate::render::{
    DRY_RUN_DONE, plural, render_nothing_to_do, render_outcome_json, render_preview, render_report,
    render_still_queued,
};
use crate::scan::Repeats;
use crate::selection::{Selection, Selector};

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
    let members = ctx.postfix.members();
    if members.len() > 1 {
        return super::act_fleet::run(ctx, &members, operation, args, no_verify, &selection);
    }
    let plan = make_plan(ctx, operation, &selection, shown == Shown::Json)?;
    if plan.is_empty() {
        if args.json && !args.confirm.dry_run {
            let outcome = Outcome::new(&plan);
            return ctx
                .console
                .out
                .write_all(render_outcome_json(&outcome, 0, 0, None)?.as_bytes());
        }
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
        let mut preview = render_preview(&plan, false);
        if args.repeat > 0 {
            preview.push_str(&format!(
                "Then, up to {} more, while messages still match the selection.\n",
                plural(u64::from(args.repeat), "round", "rounds")
            ));
        }
        console
            .err
            .write_all(preview.as_bytes())
            .map_err(Error::Output)
    })?;
    let verify = if no_verify {
        ctx.console.warn(
            "--no-verify: deleting by queue ID without reading the queue again; safe only while \
             Postfix is stopped or where queue IDs are never reused",
        );
        Verify::No
    } else {
        Verify::Yes
    };
    rounds(ctx, plan, &selection, verify, args)
}

/// The first round on the consented plan, then up to `--repeat` more on what still matches.
pub(super) fn rounds(
    ctx: &mut Context<'_>,
    mut plan: Plan,
    selection: &Selection,
    verify: Verify,
    args: &ActionArgs,
) -> Result<()> {
    let mut total: Option<Outcome> = None;
    let mut round = 0;
    let still_queued = loop {
        round += 1;
        let (outcome, next) = act_once(ctx, &plan, selection, verify)?;
        for warning in &outcome.warnings {
            ctx.console.warn(warning);
        }
        // Requeued mail comes back under new IDs, and would match again: no rounds.
        let next = next.filter(|_| plan.operation() != Operation::Requeue);
        let stopped = outcome.failure.is_some();
        let another = !stopped
            && round <= args.repeat as usize
            && next.as_ref().is_some_and(|next| !next.is_empty());
        if !args.json {
            if round > 1 || another {
                write!(ctx.console.out, "Round {round}: ")?;
            }
            let report = render_report(&outcome, ctx.settings.config_dir.as_deref());
            ctx.console.out.write_all(report.as_bytes())?;
        }
        match &mut total {
            Some(total) => total.merge(outcome),
            None => total = Some(outcome),
        }
        match next {
            Some(next) if another => plan = next,
            next => break next.map(|next| next.len() as u64),
        }
    };
    let mut total = total.expect("at least one round");
    total.warnings.clear();
    let failure = total.failure.take();
    if args.json {
        let json = render_outcome_json(&total, round, still_queued.unwrap_or(0), failure.as_ref())?;
        ctx.console.out.write_all(json.as_bytes())?;
    } else if let Some(count) = still_queued.filter(|&count| count > 0 && failure.is_none()) {
        ctx.console
            .out
            .write_all(render_still_queued(count).as_bytes())?;
    }
    match failure {
        Some(failure) => Err(failure),
        None => Ok(()),
    }
}

/// One round: journal, execute, look at the queue again. Returns the outcome and, when the
/// queue could be read, the plan of what still matches.
pub(super) fn act_once(
    ctx: &mut Context<'_>,
    plan: &Plan,
    selection: &Selection,
    verify: Verify,
) -> Result<(Outcome, Option<Plan>)> {
    let settings = ctx.settings;
    let mut journal = Journal::begin(
        &settings.state_dir,
        settings.journal_place().as_deref(),
        plan,
        settings.now,
    )
    .map_err(|source| Error::Journal {
        dir: settings.state_dir.clone(),
        source,
    })?;
    let postfix = ctx.postfix;
    let progress = Progress::postsuper(
        settings.terminal.stderr,
        "postsuper at work (messages answered for, all steps)",
    );
    let recover = format!("the journal is kept: run {}", ctx.postq_command("recover"));
    let mut outcome = crate::signals::during_action(recover, |interrupted| {
        execute(plan, postfix, verify, &mut journal, interrupted)
    });
    drop(progress);
    if let Some(problem) = journal.problem.take() {
        ctx.console.warn(&problem);
    }
    let next = look_again(ctx, plan.operation(), selection, &mut outcome);
    if !outcome.stuck.is_empty() {
        let file = ctx.write_stuck(&outcome.stuck);
        outcome.stuck_file = file;
    }
    // Nothing postq put on hold is left there: nothing to recover.
    if outcome.stuck.is_empty() {
        journal.finish();
    } else if let Some(path) = journal.path() {
        outcome.journal = Some(path.to_path_buf());
    }
    Ok((outcome, next))
}

/// Reads the queue after acting: classifies what was not acted on, and plans what still
/// matches the selection. None when the queue could not be read.
fn look_again(
    ctx: &mut Context<'_>,
    operation: Operation,
    selection: &Selection,
    outcome: &mut Outcome,
) -> Option<Plan> {
    let now = ctx.settings.now;
    let origins = match ctx.origins(selection, false) {
        Ok(origins) => origins,
        Err(err) => {
            outcome.unsettled();
            ctx.console
                .warn(&format!("could not read origins after acting: {err}"));
            return None;
        }
    };
    let selector = Selector::new(selection, now, origins.as_deref(), false);
    let mut next = Plan::new(operation, false);
    let read = ctx.read_live_queue(
        Repeats::Passed,
        |entry| {
            outcome.settle(entry);
            selector.select(entry)
        },
        |entry, line| next.add(entry, line),
    );
    match read {
        Ok(()) => {
            outcome.settled();
            next.drop_repeated_ids();
            Some(next)
        }
        Err(err) => {
            outcome.unsettled();
            ctx.console.warn(&format!(
                "could not read the queue after acting, to check what was not acted on: {err}"
            ));
            None
        }
    }
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
pub(super) fn make_plan(
    ctx: &mut Context<'_>,
    operation: Operation,
    selection: &Selection,
    keep_lines: bool,
) -> Result<Plan> {
    let now = ctx.settings.now;
    let origins = ctx.origins(selection, false)?;
    let selector = Selector::new(selection, now, origins.as_deref(), false);
    let progress = ctx.progress(&selector);
    let mut plan = Plan::new(operation, keep_lines);
    ctx.read_live_queue(
        Repeats::Passed,
        |entry| selector.select(entry),
        |entry, line| plan.add(entry, line),
    )?;
    drop(progress);
    let gone = selector.finish()?;
    ctx.note_gone(gone);
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
