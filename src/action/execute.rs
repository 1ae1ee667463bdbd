//! Carrying out a plan after consent: one postsuper child per step, IDs on stdin, every
//! answer counted, and only on the messages that are still the previewed ones.
//!
//! The queue is read again after consent (the prompt may have taken minutes), and a planned
//! ID is acted on only while its message is the planned one (arrival time, sender, size)
//! in the place it was planned from (on hold or not). Where queue IDs can be reused (any
//! short ID in the plan), `delete` and `hold` close the last window too: they hold first,
//! so that nothing can deliver or reuse the IDs, then check ([`super::verified`]).

use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, Ordering};

use hashbrown::{HashMap, HashSet};

use super::journal::Journal;
use super::outcome::{Outcome, Place, Seen};
use super::plan::{Identity, Plan};
use super::verified::{hold_first, hold_then_check};
use crate::error::{Error, Reading};
use crate::postfix::{IdList, Operation, Postfix};
use crate::queue::QueueName;
use crate::scan::{Repeats, scan_queue};

/// How a plan is carried out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verify {
    /// Re-read after consent; hold first where IDs can be reused.
    Yes,
    /// `delete --no-verify`: by queue ID, no re-read (only safe with Postfix stopped).
    No,
}

/// Whether Postfix may give a planned ID to another message: short IDs (hexadecimal, the
/// default) are reused, long ones (`enable_long_queue_ids`, never hexadecimal only) never.
pub fn reuses_ids(plan: &Plan) -> bool {
    plan.messages()
        .any(|m| m.id.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Carries out `plan`; when `interrupted` is set meanwhile (Ctrl-C), stops after the step
/// under way, releasing what it held, so the queue is never left half-changed.
pub fn execute(
    plan: &Plan,
    postfix: &dyn Postfix,
    verify: Verify,
    journal: &mut Journal,
    interrupted: &AtomicBool,
) -> Outcome {
    let mut outcome = Outcome::new(plan);
    if plan.is_empty() {
        return outcome;
    }
    let operation = plan.operation();
    match (operation, verify) {
        (Operation::Delete, Verify::No) => {
            journal.step("delete");
            let run = postfix.postsuper(operation, plan.id_list(), &[]);
            outcome.acted = run.done.len() as u64;
            outcome.absorb(&run);
            outcome.failure = run.failure.map(Error::from);
        }
        (Operation::Delete, _) if reuses_ids(plan) => {
            hold_first(plan, postfix, journal, interrupted, &mut outcome);
        }
        (Operation::Hold, _) => hold_then_check(plan, postfix, journal, &mut outcome),
        _ => reread_then_act(plan, postfix, journal, interrupted, &mut outcome),
    }
    outcome
}

/// Release, requeue, and delete where IDs are never reused: read the queue again, act on
/// the planned messages that are still the planned ones where they were planned.
fn reread_then_act(
    plan: &Plan,
    postfix: &dyn Postfix,
    journal: &mut Journal,
    interrupted: &AtomicBool,
    outcome: &mut Outcome,
) {
    let expected = |_: &str, queue: QueueName| Place::of(queue);
    let found = match recheck(plan, postfix, expected, interrupted) {
        Ok(found) => found,
        Err(failure) => {
            outcome.failure = Some(failure);
            return;
        }
    };
    found.classify(outcome);
    if found.confirmed.is_empty() {
        return;
    }
    let operation = plan.operation();
    let queues = queues_for(operation, &found.confirmed, plan);
    journal.step(operation.verb());
    let ids: IdList = found.confirmed.iter().map(String::as_str).collect();
    let run = postfix.postsuper(operation, &ids, &queues);
    outcome.acted = run.done.len() as u64;
    outcome.absorb(&run);
    let done: HashSet<&str> = run.done.iter().map(String::as_str).collect();
    let not_done: HashSet<&str> = found
        .confirmed
        .iter()
        .map(String::as_str)
        .filter(|id| !done.contains(id))
        .collect();
    for message in plan.messages() {
        if not_done.contains(message.id) {
            let seen = Seen::from(&message.identity);
            outcome.unexplained(message.id, seen, Place::of(message.queue));
        }
    }
    outcome.failure = run.failure.map(Error::from);
}

/// The queues postsuper may act in: where the confirmed messages were planned from.
fn queues_for(operation: Operation, confirmed: &[String], plan: &Plan) -> Vec<QueueName> {
    if operation == Operation::Release {
        return vec![QueueName::Hold];
    }
    let ids: HashSet<&str> = confirmed.iter().map(String::as_str).collect();
    let any_held = plan
        .messages()
        .any(|m| m.queue == QueueName::Hold && ids.contains(m.id));
    operation
        .default_queues()
        .iter()
        .copied()
        .filter(|&queue| queue != QueueName::Hold || any_held)
        .collect()
}

/// What a re-read found of the planned messages.
#[derive(Debug, Default)]
pub(super) struct Found {
    /// Still the planned message (its identity is the planned one), where expected.
    pub confirmed: Vec<String>,
    /// Another message under the planned ID now, with its identity.
    pub changed: Vec<(String, Seen)>,
    /// The planned message, elsewhere.
    pub moved: Vec<String>,
    /// Not in the queue.
    pub gone: Vec<String>,
}

impl Found {
    /// Puts what is already clear into the outcome's classes.
    pub fn classify(&self, outcome: &mut Outcome) {
        outcome
            .changed
            .extend(self.changed.iter().map(|(id, _)| id.clone()));
        outcome.moved.extend(self.moved.iter().cloned());
        outcome.gone.extend(self.gone.iter().cloned());
    }
}

/// Reads the queue again and sorts the planned messages: `expected` says where each is
/// expected, by its ID and the queue it was planned in.
pub(super) fn recheck(
    plan: &Plan,
    postfix: &dyn Postfix,
    expected: impl Fn(&str, QueueName) -> Place,
    interrupted: &AtomicBool,
) -> Result<Found, Error> {
    let planned: HashMap<&str, (Identity<'_>, Place)> = plan
        .messages()
        .map(|m| (m.id, (m.identity, expected(m.id, m.queue))))
        .collect();
    let mut found = Found::default();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut malformed: u64 = 0;
    let reread = postfix
        .list_queue()
        .map_err(Error::from)
        .and_then(|listing| {
            scan_queue(
                listing,
                Repeats::Dropped,
                |entry| planned.contains_key(entry.id.as_ref()),
                |line| {
                    let entry = &line.entry;
                    let id: &str = &entry.id;
                    let Some((&planned_id, &(identity, place))) = planned.get_key_value(id) else {
                        return Ok(ControlFlow::Continue(()));
                    };
                    seen.insert(planned_id);
                    if identity != Identity::of(entry) {
                        found.changed.push((id.to_string(), Seen::of(entry)));
                    } else if Place::of(entry.queue) != place {
                        found.moved.push(id.to_string());
                    } else {
                        found.confirmed.push(id.to_string());
                    }
                    Ok(ControlFlow::Continue(()))
                },
                |_| malformed += 1,
            )
        });
    match reread {
        // Interrupted during the re-read (postqueue stops on the same Ctrl-C) or just after.
        _ if interrupted.load(Ordering::SeqCst) => return Err(Error::Interrupted),
        Err(err) => return Err(err),
        Ok(_) if malformed > 0 => {
            return Err(Error::MalformedLines {
                count: malformed,
                during: Reading::Recheck,
            });
        }
        Ok(_) => {}
    }
    found.gone = planned
        .keys()
        .filter(|id| !seen.contains(*id))
        .map(|id| id.to_string())
        .collect();
    found.gone.sort_unstable();
    Ok(found)
}
