//! An action across hosts and instances: each one's plan read at once (up to --parallel),
//! one preview with each one's count and the total, one consent, then each runs its own
//! rounds (the same hold, re-check and delete as on one instance) at once, and reports.
//! A host that fails half-way never stops the others from finishing their step.

use std::io;

use super::Context;
use super::act::{make_plan, rounds};
use crate::action::{Consent, Plan, Prompter, Verify, confirm};
use crate::cli::ActionArgs;
use crate::console::{Console, Level, report};
use crate::error::{Error, Result};
use crate::postfix::{Operation, PostfixPrograms, Target};
use crate::render::{DRY_RUN_DONE, format_count, render_preview};
use crate::selection::Selection;
use crate::settings::Settings;

/// What one member said and did, written after all of them are done.
struct Said {
    label: String,
    out: Vec<u8>,
    err: Vec<u8>,
}

/// Consent was given once, for all: members never ask.
struct Consented;

impl Prompter for Consented {
    fn confirm(&mut self, _question: &str) -> io::Result<bool> {
        Ok(false)
    }
    fn ask(&mut self, _question: &str) -> io::Result<String> {
        Ok(String::new())
    }
}

/// The settings of one member: its directory and host (for its journal and commands), no
/// progress bars (several would write over each other), no terminal to ask on.
fn member_settings(settings: &Settings, target: &Target) -> Settings {
    let mut own = settings.clone();
    own.config_dir = target.config_dir.clone();
    own.host = target.host.clone();
    own.places = 0;
    own.terminal.stderr = false;
    own.terminal.stdin = false;
    own
}

/// Runs `work` for each member, at most `parallel` at once, each with a context of its
/// own writing into buffers; the results in the members' order.
fn each<T: Send>(
    settings: &Settings,
    members: &[(&Target, &PostfixPrograms)],
    work: impl Fn(&mut Context<'_>, usize) -> T + Sync,
) -> Vec<(T, Said)> {
    let parallel = settings.parallel.max(1);
    let mut results = Vec::with_capacity(members.len());
    for batch in members.chunks(parallel).enumerate() {
        let (first, batch) = batch;
        let done: Vec<(T, Said)> = std::thread::scope(|scope| {
            let handles: Vec<_> = batch
                .iter()
                .enumerate()
                .map(|(offset, (target, programs))| {
                    let work = &work;
                    scope.spawn(move || {
                        let settings = member_settings(settings, target);
                        let (mut out, mut err) = (Vec::new(), Vec::new());
                        let mut prompter = Consented;
                        let result = {
                            let mut ctx = Context {
                                settings: &settings,
                                postfix: *programs,
                                console: Console::new(&mut out, &mut err),
                                prompter: &mut prompter,
                            };
                            work(&mut ctx, first * parallel + offset)
                        };
                        let label = target.label();
                        (result, Said { label, out, err })
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|handle| handle.join().expect("a member's thread panicked"))
                .collect()
        });
        results.extend(done);
    }
    results
}

pub fn run(
    ctx: &mut Context<'_>,
    members: &[(&Target, &PostfixPrograms)],
    operation: Operation,
    args: &ActionArgs,
    no_verify: bool,
    selection: &Selection,
) -> Result<()> {
    let verb = operation.verb();
    if args.ids || (args.json && args.confirm.dry_run) {
        return Err(Error::usage_with_hint(
            "--ids and --json --dry-run show one instance's messages; across hosts the \
             preview counts each host",
            "list them first: postq --host ... list --json (lines name their host)",
        ));
    }
    let planned = each(ctx.settings, members, |member, _| {
        make_plan(member, operation, selection, false)
    });
    let mut plans: Vec<(usize, Plan)> = Vec::new();
    let mut unreachable: Vec<(String, Error)> = Vec::new();
    for (at, (plan, said)) in planned.into_iter().enumerate() {
        ctx.console
            .err
            .write_all(&said.err)
            .map_err(Error::Output)?;
        match plan {
            Ok(plan) => plans.push((at, plan)),
            Err(err) => unreachable.push((said.label, err)),
        }
    }
    for (label, err) in &unreachable {
        said_failed(&mut *ctx.console.err, label, err);
    }
    let total: usize = plans.iter().map(|(_, plan)| plan.len()).sum();
    let preview = preview(members, &plans, &unreachable, total);
    if total == 0 {
        ctx.console.out.write_all(preview.as_bytes())?;
        return done(unreachable.len(), members.len());
    }
    let decision = ctx.consent(&args.confirm, total, false);
    if decision == Consent::DryRun {
        ctx.console.out.write_all(preview.as_bytes())?;
        writeln!(ctx.console.out, "{DRY_RUN_DONE}")?;
        return done(unreachable.len(), members.len());
    }
    if !unreachable.is_empty() && decision == Consent::Given && !args.skip_unreachable {
        return Err(Error::Unreachable {
            failed: unreachable.len(),
            total: members.len(),
        });
    }
    let Context {
        console, prompter, ..
    } = ctx;
    confirm(decision, verb, total, console, *prompter, |console| {
        console
            .err
            .write_all(preview.as_bytes())
            .map_err(Error::Output)
    })?;
    let verify = if no_verify { Verify::No } else { Verify::Yes };
    // Where nothing matched, nothing is done (no journal, no postsuper).
    plans.retain(|(_, plan)| !plan.is_empty());
    let acting: Vec<(&Target, &PostfixPrograms)> =
        plans.iter().map(|(at, _)| members[*at]).collect();
    let plans: Vec<Plan> = plans.into_iter().map(|(_, plan)| plan).collect();
    let slots: Vec<std::sync::Mutex<Option<Plan>>> = plans
        .into_iter()
        .map(|plan| std::sync::Mutex::new(Some(plan)))
        .collect();
    let acted = each(ctx.settings, &acting, |member, at| {
        let plan = slots[at].lock().ok().and_then(|mut slot| slot.take());
        match plan {
            Some(plan) => rounds(member, plan, selection, verify, args),
            None => Ok(()),
        }
    });
    let mut failed = unreachable.len();
    let mut documents = Vec::new();
    for (result, said) in acted {
        if args.json {
            documents.push(place_json(&said, result.as_ref().err()));
        } else {
            writeln!(ctx.console.out, "{}:", said.label)?;
            ctx.console.out.write_all(&indent(&said.out))?;
        }
        ctx.console
            .err
            .write_all(&said.err)
            .map_err(Error::Output)?;
        if let Err(err) = result {
            said_failed(&mut *ctx.console.err, &said.label, &err);
            failed += 1;
        }
    }
    if args.json {
        let unread: Vec<serde_json::Value> = unreachable
            .iter()
            .map(|(label, err)| serde_json::json!({ "place": label, "error": err.to_string() }))
            .collect();
        let document = serde_json::json!({ "places": documents, "unread": unread });
        writeln!(
            ctx.console.out,
            "{}",
            serde_json::to_string_pretty(&document)?
        )?;
    }
    done(failed, members.len())
}

/// One place's outcome, as `--json` gives it on one instance, under its name.
fn place_json(said: &Said, failure: Option<&Error>) -> serde_json::Value {
    let outcome: serde_json::Value =
        serde_json::from_slice(&said.out).unwrap_or(serde_json::Value::Null);
    serde_json::json!({
        "place": said.label,
        "outcome": outcome,
        "error": failure.map(ToString::to_string),
    })
}

/// Each member's preview under its name, then the total; who could not be read.
fn preview(
    members: &[(&Target, &PostfixPrograms)],
    plans: &[(usize, Plan)],
    unreachable: &[(String, Error)],
    total: usize,
) -> String {
    let mut text = String::new();
    for (at, plan) in plans {
        text.push_str(&format!("{}:\n", members[*at].0.label()));
        let shown = if plan.is_empty() {
            "Nothing matches the selection here.\n".to_string()
        } else {
            render_preview(plan, true)
        };
        text.push_str(&String::from_utf8_lossy(&indent(shown.as_bytes())));
    }
    for (label, _) in unreachable {
        text.push_str(&format!("{label}: could not be read (above): left alone\n"));
    }
    let hosts = plans.iter().filter(|(_, plan)| !plan.is_empty()).count();
    text.push_str(&format!(
        "In all: {} on {} of {}.\n",
        crate::render::plural(total as u64, "message", "messages"),
        format_count(hosts as u64),
        crate::render::plural(
            members.len() as u64,
            "host or instance",
            "hosts or instances"
        )
    ));
    text
}

fn indent(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + 64);
    for line in text.split_inclusive(|&b| b == b'\n') {
        out.extend_from_slice(b"  ");
        out.extend_from_slice(line);
    }
    out
}

/// An error of one member, named.
fn said_failed(err_out: &mut dyn io::Write, label: &str, err: &Error) {
    report(
        err_out,
        Level::Error,
        &format!("{label}: {err}"),
        err.hint().as_deref(),
    );
}

fn done(failed: usize, total: usize) -> Result<()> {
    if failed == 0 {
        Ok(())
    } else {
        Err(Error::Places { failed, total })
    }
}
