//! Carrying out a plan: one postsuper child per step, IDs on stdin, every answer counted.
//!
//! A delete where queue IDs can be reused (short IDs, Postfix's default) goes in three steps,
//! so that no message that took over a planned ID is ever deleted:
//! 1. hold the planned messages (`postsuper -h -`): nothing delivers or reuses them now;
//! 2. re-read the queue and keep the planned IDs whose message in hold is still the planned
//!    one (arrival time, sender, size);
//! 3. delete those from the hold queue only (`postsuper -d - hold`), and release
//!    (`postsuper -H -`) every other message step 1 put on hold.

use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, Ordering};

use hashbrown::{HashMap, HashSet};

use super::plan::{Identity, Plan};
use crate::error::Error;
use crate::postfix::{IdList, Operation, Postfix, PostsuperRun};
use crate::queue::QueueName;
use crate::scan::{Repeats, scan_queue};

/// What an action did.
#[derive(Debug)]
pub struct Outcome {
    pub operation: Operation,
    /// Messages in the plan.
    pub planned: u64,
    /// Messages postsuper reported done.
    pub acted: u64,
    /// Planned IDs that named another message by the time of the delete: left in the queue.
    pub changed: u64,
    /// postsuper's other lines, and disagreements between its lines and its count.
    pub warnings: Vec<String>,
    /// Why the action stopped early, if it did; the counts say what was done before.
    pub failure: Option<Error>,
}

impl Outcome {
    fn new(plan: &Plan) -> Outcome {
        Outcome {
            operation: plan.operation(),
            planned: plan.len() as u64,
            acted: 0,
            changed: 0,
            warnings: Vec::new(),
            failure: None,
        }
    }

    /// Planned messages that were no longer in the queue (delivered, bounced, expired, or
    /// removed by someone else).
    pub fn gone(&self) -> u64 {
        self.planned.saturating_sub(self.acted + self.changed)
    }

    /// Takes postsuper's warnings and checks its count against its lines.
    fn absorb(&mut self, run: &PostsuperRun) {
        self.warnings.extend(run.other.iter().cloned());
        if let Some(total) = run.total
            && total != run.done.len() as u64
        {
            self.warnings.push(format!(
                "postsuper counted {total} messages but named {}",
                run.done.len()
            ));
        }
    }
}

/// Carries out `plan`. A delete with `verify` goes through hold and re-check; when
/// `interrupted` is set meanwhile (Ctrl-C), it stops after the step under way, releasing
/// what it held, so the queue is never left half-changed.
pub fn execute(
    plan: &Plan,
    postfix: &dyn Postfix,
    verify: bool,
    interrupted: &AtomicBool,
) -> Outcome {
    if plan.operation() == Operation::Delete && verify {
        return verified_delete(plan, postfix, interrupted);
    }
    let mut outcome = Outcome::new(plan);
    if plan.is_empty() {
        return outcome;
    }
    let run = postfix.postsuper(plan.operation(), plan.id_list(), &[]);
    outcome.acted = run.done.len() as u64;
    outcome.absorb(&run);
    outcome.failure = run.failure.map(Error::from);
    outcome
}

fn verified_delete(plan: &Plan, postfix: &dyn Postfix, interrupted: &AtomicBool) -> Outcome {
    let mut outcome = Outcome::new(plan);
    if plan.is_empty() {
        return outcome;
    }
    // 1. Hold what is not on hold yet.
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
    let held_by_us: HashSet<&str> = held.done.iter().map(String::as_str).collect();
    let failure = match held.failure {
        Some(failure) => Some(failure.into()),
        None if interrupted.load(Ordering::SeqCst) => Some(Error::Interrupted),
        None => None,
    };
    if let Some(failure) = failure {
        release(postfix, &held_by_us, &HashSet::new(), &mut outcome);
        outcome.failure = Some(failure);
        return outcome;
    }

    // 2. Re-read the queue: which planned IDs in hold still name the planned message?
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
    let reread_failure = match reread {
        // Interrupted during the re-read (postqueue stops on the same Ctrl-C) or just after.
        _ if interrupted.load(Ordering::SeqCst) => Some(Error::Interrupted),
        Err(err) => Some(err),
        Ok(_) if malformed > 0 => Some(Error::QueueData(format!(
            "re-reading the queue before the delete: {} could not be read",
            crate::render::plural(malformed, "line", "lines")
        ))),
        Ok(_) => None,
    };
    if let Some(failure) = reread_failure {
        release(postfix, &held_by_us, &HashSet::new(), &mut outcome);
        outcome.failure = Some(failure);
        return outcome;
    }
    outcome.changed = changed;

    // 3. Delete from the hold queue only, then release what was held but not deleted.
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
    let deleted_ids: HashSet<&str> = deleted.done.iter().map(String::as_str).collect();
    release(postfix, &held_by_us, &deleted_ids, &mut outcome);
    if let Some(failure) = deleted.failure {
        outcome.failure = Some(failure.into());
    }
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
