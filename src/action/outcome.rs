//! What an action did, truthfully: each planned message ends in exactly one class, and the
//! messages postq put on hold and could not release are named, never guessed.

use std::path::PathBuf;

use hashbrown::HashMap;

use super::plan::{Identity, Plan};
use crate::error::Error;
use crate::postfix::{Operation, PostsuperRun};
use crate::queue::{QueueEntry, QueueName};

/// The identity of a message as postq saw it, owned: what must still hold for a queue ID
/// to name that message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub arrival_time: i64,
    pub sender: Box<str>,
    pub size: u64,
}

impl From<&Identity<'_>> for Seen {
    fn from(identity: &Identity<'_>) -> Seen {
        Seen {
            arrival_time: identity.arrival_time,
            sender: identity.sender.into(),
            size: identity.size,
        }
    }
}

impl Seen {
    pub fn of(entry: &QueueEntry<'_>) -> Seen {
        Seen {
            arrival_time: entry.arrival_time,
            sender: entry.sender.as_ref().into(),
            size: entry.size,
        }
    }

    pub fn is(&self, entry: &QueueEntry<'_>) -> bool {
        self.arrival_time == entry.arrival_time
            && self.size == entry.size
            && *self.sender == *entry.sender
    }
}

/// Where a planned message is expected when postq looks again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// On hold (planned from hold, or held by postq).
    Held,
    /// Anywhere but hold: deferred, active, incoming (Postfix moves mail between them).
    NotHeld,
}

impl Place {
    pub fn of(queue: QueueName) -> Place {
        if queue == QueueName::Hold {
            Place::Held
        } else {
            Place::NotHeld
        }
    }
}

/// A message postq meant to act on and did not see acted on: why is told by the next look
/// at the queue.
#[derive(Debug, Clone)]
struct Unexplained {
    seen: Seen,
    place: Place,
}

#[derive(Debug)]
pub struct Outcome {
    pub operation: Operation,
    /// Messages in the plan.
    pub planned: u64,
    /// Messages postsuper reported done.
    pub acted: u64,
    /// Left the queue before postq got to them (delivered, expired, deleted).
    pub gone: Vec<String>,
    /// Their queue ID names another message now (Postfix reuses short IDs): left alone.
    pub changed: Vec<String>,
    /// Still queued, but not where postq expected them: someone else acted on them.
    pub moved: Vec<String>,
    /// Where postq expected them, with their identity, and postsuper did not act on them.
    pub failed: Vec<String>,
    /// Put on hold by postq, not released, and still on hold as postq saw them.
    pub stuck: Vec<String>,
    /// postsuper's other lines, and disagreements between its lines and its count.
    pub warnings: Vec<String>,
    /// Why the action stopped early, if it did; the counts say what was done before.
    pub failure: Option<Error>,
    /// Where the IDs of `stuck` were written, ready for `postsuper -H - hold`.
    pub stuck_file: Option<PathBuf>,
    /// The journal kept for `postq recover`, when the action did not end cleanly.
    pub journal: Option<PathBuf>,
    /// Planned messages that were to be acted on and were not: classified by [`settle`].
    unexplained: HashMap<String, Unexplained>,
    /// Messages postq put on hold and could not release: stuck if still so.
    unreleased: HashMap<String, Seen>,
}

impl Outcome {
    pub fn new(plan: &Plan) -> Outcome {
        Outcome {
            operation: plan.operation(),
            planned: plan.len() as u64,
            acted: 0,
            gone: Vec::new(),
            changed: Vec::new(),
            moved: Vec::new(),
            failed: Vec::new(),
            stuck: Vec::new(),
            warnings: Vec::new(),
            failure: None,
            stuck_file: None,
            journal: None,
            unexplained: HashMap::new(),
            unreleased: HashMap::new(),
        }
    }

    /// Takes postsuper's warnings (unless they are its failure, reported once) and checks
    /// its count against its lines.
    pub fn absorb(&mut self, run: &PostsuperRun) {
        if run.failure.is_none() {
            self.warnings.extend(run.other.iter().cloned());
        }
        if let Some(total) = run.total
            && total != run.done.len() as u64
        {
            self.warnings.push(format!(
                "postsuper counted {total} messages but named {}",
                run.done.len()
            ));
        }
    }

    /// A planned message postq meant to act on and did not.
    pub fn unexplained(&mut self, id: &str, seen: Seen, place: Place) {
        self.unexplained
            .insert(id.to_string(), Unexplained { seen, place });
    }

    /// A message postq put on hold and could not release.
    pub fn unreleased(&mut self, id: &str, seen: Seen) {
        self.unreleased.insert(id.to_string(), seen);
    }

    /// One entry of the look at the queue after the action.
    pub fn settle(&mut self, entry: &QueueEntry<'_>) {
        let id: &str = &entry.id;
        if let Some(expected) = self.unexplained.remove(id) {
            let class = if !expected.seen.is(entry) {
                &mut self.changed
            } else if Place::of(entry.queue) != expected.place {
                &mut self.moved
            } else {
                &mut self.failed
            };
            class.push(id.to_string());
        }
        if let Some(seen) = self.unreleased.remove(id)
            && entry.queue == QueueName::Hold
            && seen.is(entry)
        {
            self.stuck.push(id.to_string());
        }
    }

    /// After the look: what it did not see has left the queue.
    pub fn settled(&mut self) {
        let mut gone: Vec<String> = self.unexplained.drain().map(|(id, _)| id).collect();
        gone.sort_unstable();
        self.gone.extend(gone);
        self.unreleased.clear();
        for class in [&mut self.changed, &mut self.moved, &mut self.failed] {
            class.sort_unstable();
        }
        self.stuck.sort_unstable();
    }

    /// When the queue could not be looked at again: what was not acted on is unknown, and
    /// what postq could not release may be on hold still.
    pub fn unsettled(&mut self) {
        let mut failed: Vec<String> = self.unexplained.drain().map(|(id, _)| id).collect();
        failed.sort_unstable();
        self.failed.extend(failed);
        let mut stuck: Vec<String> = self.unreleased.drain().map(|(id, _)| id).collect();
        stuck.sort_unstable();
        self.stuck.extend(stuck);
    }

    /// Adds a later round's outcome to this one.
    pub fn merge(&mut self, other: Outcome) {
        self.planned += other.planned;
        self.acted += other.acted;
        self.gone.extend(other.gone);
        self.changed.extend(other.changed);
        self.moved.extend(other.moved);
        self.failed.extend(other.failed);
        self.stuck.extend(other.stuck);
        self.warnings.extend(other.warnings);
        if self.failure.is_none() {
            self.failure = other.failure;
        }
        self.stuck_file = other.stuck_file.or(self.stuck_file.take());
        self.journal = other.journal.or(self.journal.take());
    }
}
