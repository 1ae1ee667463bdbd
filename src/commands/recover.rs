//! `postq recover`: what an interrupted action left behind. Shows its journal, then, with
//! consent, releases what it put on hold that is still on hold as planned; `--finish`
//! completes an interrupted delete instead. Either way through the same checked execution
//! as any action, with a journal of its own.

use super::Context;
use super::act::act_once;
use crate::action::{Consent, Interrupted, Plan, Verify, confirm, interrupted, read_journal};
use crate::cli::RecoverArgs;
use crate::error::{Error, Result};
use crate::postfix::Operation;
use crate::queue::QueueName;
use crate::render::{DRY_RUN_DONE, format_age, format_count, render_preview, render_report};
use crate::scan::Repeats;
use crate::selection::Selection;

pub fn run(ctx: &mut Context<'_>, args: &RecoverArgs) -> Result<()> {
    ctx.refuse_input("recover")?;
    let settings = ctx.settings;
    let paths = interrupted(&settings.state_dir, settings.journal_place().as_deref());
    if paths.is_empty() {
        writeln!(
            ctx.console.out,
            "No interrupted action on this Postfix instance."
        )?;
        return Ok(());
    }
    for path in paths {
        let journal = read_journal(&path).map_err(|source| Error::JournalRead {
            path: path.clone(),
            source,
        })?;
        writeln!(ctx.console.out, "{}", describe(&journal, settings.now))?;
        let plan = if args.finish {
            finish_plan(&journal)?
        } else {
            release_plan(ctx, &journal)?
        };
        if plan.is_empty() {
            writeln!(
                ctx.console.out,
                "Nothing of it is left on hold as it planned: nothing to {}.",
                if args.finish { "finish" } else { "release" }
            )?;
            if !args.confirm.dry_run {
                let _ = std::fs::remove_file(&journal.path);
            }
            continue;
        }
        let decision = ctx.consent(&args.confirm, plan.len(), false);
        if decision == Consent::DryRun {
            ctx.console
                .out
                .write_all(render_preview(&plan, true).as_bytes())?;
            writeln!(ctx.console.out, "{DRY_RUN_DONE}")?;
            continue;
        }
        let verb = plan.operation().verb();
        let Context {
            console, prompter, ..
        } = ctx;
        confirm(decision, verb, plan.len(), console, *prompter, |console| {
            console
                .err
                .write_all(render_preview(&plan, false).as_bytes())
                .map_err(Error::Output)
        })?;
        let (outcome, _) = act_once(
            ctx,
            &plan,
            &Selection::of_ids(plan.messages().map(|m| m.id)),
            Verify::Yes,
        )?;
        for warning in &outcome.warnings {
            ctx.console.warn(warning);
        }
        let report = render_report(&outcome, settings.config_dir.as_deref());
        ctx.console.out.write_all(report.as_bytes())?;
        if outcome.stuck.is_empty() && outcome.failure.is_none() {
            let _ = std::fs::remove_file(&journal.path);
        }
        if let Some(failure) = outcome.failure {
            return Err(failure);
        }
    }
    Ok(())
}

fn describe(journal: &Interrupted, now: i64) -> String {
    format!(
        "An interrupted {} (postq process {}, {} ago): {} planned, {} it may have put on \
         hold; its last step: {}.",
        journal.operation.verb(),
        journal.pid,
        format_age(now - journal.started),
        format_count(journal.planned.len() as u64),
        format_count(journal.maybe_held().len() as u64),
        journal
            .last_step
            .as_deref()
            .unwrap_or("none, nothing was changed")
    )
}

/// `--finish`: the interrupted delete's plan, carried out again with every check.
fn finish_plan(journal: &Interrupted) -> Result<Plan> {
    if journal.operation != Operation::Delete {
        return Err(Error::usage_with_hint(
            format!(
                "--finish completes an interrupted delete; this one was a {}",
                journal.operation.verb()
            ),
            "run postq recover without --finish, then the action again",
        ));
    }
    let mut plan = Plan::new(Operation::Delete, false);
    for (id, queue, seen) in &journal.planned {
        plan.add_journaled(id, *queue, seen);
    }
    Ok(plan)
}

/// What to release: what the action may have put on hold that is on hold now as it
/// planned it (or as it saw it when releasing it). A hold's own holds were what it was
/// asked for: of those, only what it was releasing (held under an ID that changed hands).
fn release_plan(ctx: &mut Context<'_>, journal: &Interrupted) -> Result<Plan> {
    let mut plan = Plan::new(Operation::Release, false);
    let mut expected = journal.expected_on_hold();
    if journal.operation == Operation::Hold {
        let releasing: std::collections::HashSet<&str> = journal
            .releasing
            .iter()
            .map(|(id, _)| id.as_str())
            .collect();
        expected.retain(|id, _| releasing.contains(id));
    }
    ctx.read_live_queue(
        Repeats::Passed,
        |entry| {
            entry.queue == QueueName::Hold
                && expected
                    .get(entry.id.as_ref())
                    .is_some_and(|seen| seen.is(entry))
        },
        |entry, line| plan.add(entry, line),
    )?;
    plan.drop_repeated_ids();
    Ok(plan)
}
