//! Where queue IDs can be reused, a message on hold keeps its ID (its queue file stays), so
//! holding first closes the window between checking and acting:
//!
//! `delete` ([`hold_first`]):
//! 1. hold the planned messages not on hold yet (`postsuper -h -`);
//! 2. re-read the queue: keep the planned IDs whose message on hold is still the planned
//!    one (arrival time, sender, size);
//! 3. delete those from the hold queue only (`postsuper -d - hold`);
//! 4. release (`postsuper -H - hold`) every other message step 1 put on hold.
//!
//! `hold` ([`hold_then_check`]): hold, re-read, release what step 1 held under an ID that
//! names another message now.
//!
//! Each step is written to the journal first, so that `postq recover` can release what a
//! killed postq left on hold.

use std::sync::atomic::{AtomicBool, Ordering};

use hashbrown::{HashMap, HashSet};

use super::execute::{Found, recheck};
use super::journal::Journal;
use super::outcome::{Outcome, Place, Seen};
use super::plan::Plan;
use crate::error::Error;
use crate::postfix::{IdList, Operation, Postfix, PostsuperRun};
use crate::queue::QueueName;

pub(super) fn hold_first(
    plan: &Plan,
    postfix: &dyn Postfix,
    journal: &mut Journal,
    interrupted: &AtomicBool,
    outcome: &mut Outcome,
) {
    let held = hold(plan, postfix, journal, outcome);
    let held_by_us: HashSet<&str> = held.done.iter().map(String::as_str).collect();
    let failure = match held.failure {
        Some(failure) => Some(failure.into()),
        None if interrupted.load(Ordering::SeqCst) => Some(Error::Interrupted),
        None => None,
    };
    if let Some(failure) = failure {
        return stop(plan, postfix, journal, &held_by_us, failure, outcome);
    }
    let found = match recheck(plan, postfix, |_, _| Place::Held, interrupted) {
        Ok(found) => found,
        Err(failure) => return stop(plan, postfix, journal, &held_by_us, failure, outcome),
    };
    found.classify(outcome);
    journal.step("delete");
    let deleted = delete_held(postfix, &found, outcome);
    let deleted_ids: HashSet<&str> = deleted.done.iter().map(String::as_str).collect();
    // Only what was not deleted may need naming again: planned, or held by postq.
    let left: HashSet<&str> = found
        .confirmed
        .iter()
        .map(String::as_str)
        .chain(held_by_us.iter().copied())
        .filter(|id| !deleted_ids.contains(id))
        .collect();
    let seen = identities(plan, &found, &left);
    for id in &found.confirmed {
        if !deleted_ids.contains(id.as_str())
            && let Some(identity) = seen.get(id.as_str())
        {
            outcome.unexplained(id, identity.clone(), Place::Held);
        }
    }
    release(postfix, journal, &held_by_us, &deleted_ids, &seen, outcome);
    if let Some(failure) = deleted.failure {
        outcome.failure = Some(failure.into());
    }
}

pub(super) fn hold_then_check(
    plan: &Plan,
    postfix: &dyn Postfix,
    journal: &mut Journal,
    outcome: &mut Outcome,
) {
    let held = hold(plan, postfix, journal, outcome);
    let held_by_us: HashSet<&str> = held.done.iter().map(String::as_str).collect();
    if let Some(failure) = held.failure {
        // What was held is held as asked; nothing to check it against without a re-read.
        outcome.acted = held_by_us.len() as u64;
        outcome.failure = Some(failure.into());
        return;
    }
    // Not interruptible here: releasing what changed is the step that makes the hold safe.
    let expected = |id: &str, _| {
        if held_by_us.contains(id) {
            Place::Held
        } else {
            Place::NotHeld
        }
    };
    let found = match recheck(plan, postfix, expected, &AtomicBool::new(false)) {
        Ok(found) => found,
        Err(failure) => {
            outcome.acted = held_by_us.len() as u64;
            outcome.failure = Some(failure);
            return;
        }
    };
    found.classify(outcome);
    for id in &found.confirmed {
        if held_by_us.contains(id.as_str()) {
            outcome.acted += 1;
        } else {
            // Still where it was, and postsuper did not hold it.
            outcome.failed.push(id.clone());
        }
    }
    // Held by postq but another message now: not acted on, and released again.
    let changed: HashSet<&str> = found.changed.iter().map(|(id, _)| id.as_str()).collect();
    let keep: HashSet<&str> = held_by_us.difference(&changed).copied().collect();
    let released: HashSet<&str> = held_by_us.difference(&keep).copied().collect();
    let seen = identities(plan, &found, &released);
    release(postfix, journal, &held_by_us, &keep, &seen, outcome);
}

/// Step 1: hold the planned messages that are not on hold yet.
fn hold(
    plan: &Plan,
    postfix: &dyn Postfix,
    journal: &mut Journal,
    outcome: &mut Outcome,
) -> PostsuperRun {
    let to_hold: IdList = plan
        .messages()
        .filter(|m| m.queue != QueueName::Hold)
        .map(|m| m.id)
        .collect();
    if to_hold.is_empty() {
        return PostsuperRun::default();
    }
    journal.step("hold");
    let held = postfix.postsuper(Operation::Hold, &to_hold, &[]);
    journal.held(&held.done);
    outcome.absorb(&held);
    held
}

/// Step 3: delete the confirmed messages, from the hold queue only.
fn delete_held(postfix: &dyn Postfix, found: &Found, outcome: &mut Outcome) -> PostsuperRun {
    if found.confirmed.is_empty() {
        return PostsuperRun::default();
    }
    let ids: IdList = found.confirmed.iter().map(String::as_str).collect();
    let deleted = postfix.postsuper(Operation::Delete, &ids, &[QueueName::Hold]);
    outcome.acted = deleted.done.len() as u64;
    outcome.absorb(&deleted);
    deleted
}

/// The identity each of `ids` had when postq last looked: the planned one, or the other
/// message's where the ID changed hands.
fn identities(plan: &Plan, found: &Found, ids: &HashSet<&str>) -> HashMap<String, Seen> {
    let mut seen: HashMap<String, Seen> = found
        .changed
        .iter()
        .filter(|(id, _)| ids.contains(id.as_str()))
        .cloned()
        .collect();
    for message in plan.messages().filter(|m| ids.contains(m.id)) {
        seen.entry(message.id.to_string())
            .or_insert_with(|| Seen::from(&message.identity));
    }
    seen
}

/// Stops before acting: releases what step 1 held, and says why.
fn stop(
    plan: &Plan,
    postfix: &dyn Postfix,
    journal: &mut Journal,
    held_by_us: &HashSet<&str>,
    failure: Error,
    outcome: &mut Outcome,
) {
    let seen = identities(plan, &Found::default(), held_by_us);
    release(
        postfix,
        journal,
        held_by_us,
        &HashSet::new(),
        &seen,
        outcome,
    );
    outcome.failure = Some(failure);
}

/// Releases what this action put on hold and did not act on (`keep`). What postsuper did
/// not release is looked at again by the caller: only what is still on hold, as postq saw
/// it, is reported as stuck.
fn release(
    postfix: &dyn Postfix,
    journal: &mut Journal,
    held_by_us: &HashSet<&str>,
    keep: &HashSet<&str>,
    seen: &HashMap<String, Seen>,
    outcome: &mut Outcome,
) {
    let mut to_release: Vec<&str> = held_by_us
        .iter()
        .copied()
        .filter(|id| !keep.contains(id))
        .collect();
    if to_release.is_empty() {
        return;
    }
    to_release.sort_unstable();
    let releasing: Vec<(&str, &Seen)> = to_release
        .iter()
        .filter_map(|id| seen.get(*id).map(|identity| (*id, identity)))
        .collect();
    journal.releasing(&releasing);
    let run = postfix.postsuper(
        Operation::Release,
        &to_release.iter().copied().collect(),
        &[QueueName::Hold],
    );
    outcome.absorb(&run);
    let released: HashSet<&str> = run.done.iter().map(String::as_str).collect();
    for id in to_release {
        if !released.contains(id)
            && let Some(identity) = seen.get(id)
        {
            outcome.unreleased(id, identity.clone());
        }
    }
    if let Some(failure) = run.failure
        && outcome.failure.is_none()
    {
        outcome.failure = Some(failure.into());
    }
}
