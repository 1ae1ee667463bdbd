//! Carrying out a plan: one postsuper child per step, IDs on stdin, every answer counted.
//! A delete where queue IDs can be reused goes through [`super::verified`].

use std::sync::atomic::AtomicBool;

use super::plan::Plan;
use super::verified::verified_delete;
use crate::error::Error;
use crate::postfix::{Operation, Postfix, PostsuperRun};

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
    pub(super) fn new(plan: &Plan) -> Outcome {
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
    pub(super) fn absorb(&mut self, run: &PostsuperRun) {
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
