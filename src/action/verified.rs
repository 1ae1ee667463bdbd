//! A delete where queue IDs can be reused (short IDs, Postfix's default) goes in three
//! steps, so that no message that took over a planned ID is ever deleted:
//! 1. [`hold`] the planned messages (`postsuper -h -`): nothing delivers or reuses them now;
//! 2. [`recheck`]: re-read the queue and keep the planned IDs whose message in hold is still
//!    the planned one (arrival time, sender, size);
//! 3. [`delete_held`] those from the hold queue only (`postsuper -d - hold`), and
//!    [`release`] (`postsuper -H -`) every other message step 1 put on hold.

use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, Ordering};

use hashbrown::{HashMap, HashSet};

use super::execute::Outcome;
use super::plan::{Identity, Plan};
use crate::error::{Error, Reading};
use crate::postfix::{IdList, Operation, Postfix, PostsuperRun};
use crate::queue::QueueName;
use crate::scan::{Repeats, scan_queue};

pub(super) fn verified_delete(
    plan: &Plan,
    postfix: &dyn Postfix,
    interrupted: &AtomicBool,
) -> Outcome {
    let mut outcome = Outcome::new(plan);
    if plan.is_empty() {
        return outcome;
    }
    let held = hold(plan, postfix, &mut outcome);
    let held_by_us: HashSet<&str> = held.done.iter().map(String::as_str).collect();
    let failure = match held.failure {
        Some(failure) => Some(failure.into()),
        None if interrupted.load(Ordering::SeqCst) => Some(Error::Interrupted),
        None => None,
    };
    if let Some(failure) = failure {
        return stop(postfix, &held_by_us, failure, outcome);
    }
    let confirmed = match recheck(plan, postfix, interrupted) {
        Ok((confirmed, changed)) => {
            outcome.changed = changed;
            confirmed
        }
        Err(failure) => return stop(postfix, &held_by_us, failure, outcome),
    };
    let deleted = delete_held(postfix, &confirmed, &mut outcome);
    let deleted_ids: HashSet<&str> = deleted.done.iter().map(String::as_str).collect();
    release(postfix, &held_by_us, &deleted_ids, &mut outcome);
    if let Some(failure) = deleted.failure {
        outcome.failure = Some(failure.into());
    }
    outcome
}

/// Step 1: hold the planned messages that are not on hold yet.
fn hold(plan: &Plan, postfix: &dyn Postfix, outcome: &mut Outcome) -> PostsuperRun {
    let to_hold: IdList = plan
        .messages()
        .filter(|m| m.queue != QueueName::Hold)
        .map(|m| m.id)
        .collect();
    let held = if to_hold.is_empty() {
        PostsuperRun::default()
    } else {
        postfix.postsuper(Operation::Hold, &to_hold, &[])
    };
    outcome.absorb(&held);
    held
}

/// Step 2: the planned IDs whose message in hold is still the planned one, and how many
/// planned IDs in hold now name another message.
fn recheck(
    plan: &Plan,
    postfix: &dyn Postfix,
    interrupted: &AtomicBool,
) -> Result<(Vec<String>, u64), Error> {
    let planned: HashMap<&str, Identity<'_>> =
        plan.messages().map(|m| (m.id, m.identity)).collect();
    let mut confirmed: Vec<String> = Vec::new();
    let mut changed: u64 = 0;
    let mut malformed: u64 = 0;
    let reread = postfix
        .list_queue()
        .map_err(Error::from)
        .and_then(|listing| {
            scan_queue(
                listing,
                Repeats::Dropped,
                |entry| entry.queue == QueueName::Hold && planned.contains_key(entry.id.as_ref()),
                |line| {
                    let entry = &line.entry;
                    if planned.get(entry.id.as_ref()) == Some(&Identity::of(entry)) {
                        confirmed.push(entry.id.to_string());
                    } else {
                        changed += 1;
                    }
                    Ok(ControlFlow::Continue(()))
                },
                |_| malformed += 1,
            )
        });
    match reread {
        // Interrupted during the re-read (postqueue stops on the same Ctrl-C) or just after.
        _ if interrupted.load(Ordering::SeqCst) => Err(Error::Interrupted),
        Err(err) => Err(err),
        Ok(_) if malformed > 0 => Err(Error::MalformedLines {
            count: malformed,
            during: Reading::Recheck,
        }),
        Ok(_) => Ok((confirmed, changed)),
    }
}

/// Step 3: delete the confirmed messages, from the hold queue only.
fn delete_held(postfix: &dyn Postfix, confirmed: &[String], outcome: &mut Outcome) -> PostsuperRun {
    let deleted = if confirmed.is_empty() {
        PostsuperRun::default()
    } else {
        postfix.postsuper(
            Operation::Delete,
            &confirmed.iter().map(String::as_str).collect(),
            &[QueueName::Hold],
        )
    };
    outcome.acted = deleted.done.len() as u64;
    outcome.absorb(&deleted);
    deleted
}

/// Stops before deleting anything: releases what step 1 held, and says why.
fn stop(
    postfix: &dyn Postfix,
    held_by_us: &HashSet<&str>,
    failure: Error,
    mut outcome: Outcome,
) -> Outcome {
    release(postfix, held_by_us, &HashSet::new(), &mut outcome);
    outcome.failure = Some(failure);
    outcome
}

/// Releases what this action put on hold and did not delete.
fn release(
    postfix: &dyn Postfix,
    held_by_us: &HashSet<&str>,
    deleted: &HashSet<&str>,
    outcome: &mut Outcome,
) {
    let mut to_release: Vec<&str> = held_by_us
        .iter()
        .copied()
        .filter(|id| !deleted.contains(id))
        .collect();
    if to_release.is_empty() {
        return;
    }
    to_release.sort_unstable();
    let run = postfix.postsuper(
        Operation::Release,
        &to_release.iter().copied().collect(),
        &[],
    );
    outcome.warnings.extend(run.other.iter().cloned());
    if run.done.len() < to_release.len() {
        let released: HashSet<&str> = run.done.iter().map(String::as_str).collect();
        let stuck: Vec<&str> = to_release
            .into_iter()
            .filter(|id| !released.contains(id))
            .collect();
        outcome.warnings.push(format!(
            "{} that postq put on hold could not be released; release them with: postsuper -H ID ({})",
            crate::render::plural(stuck.len() as u64, "message", "messages"),
            stuck.join(" ")
        ));
    }
    if let Some(failure) = run.failure
        && outcome.failure.is_none()
    {
        outcome.failure = Some(failure.into());
    }
}
