//! The plan of an action: exactly which messages, each with the identity that tells it from
//! a later message under the same queue ID. Pure and previewable; what the preview shows,
//! the prompt shows and the executor acts on is this one value.

use std::hash::BuildHasher;

use hashbrown::{DefaultHashBuilder, HashSet, HashTable};

use crate::postfix::{IdList, Operation};
use crate::queue::{QueueEntry, QueueName};

/// Why a selected message is not in the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Skip {
    /// In maildrop: not yet picked up; postsuper cannot hold it, and postq never deletes it
    /// blindly.
    Maildrop,
    /// `hold` of a message on hold already.
    AlreadyHeld,
    /// `release` of a message that is not on hold.
    NotHeld,
}

/// A planned message in 24 bytes: its ID lives in the plan's ID list, its sender in the
/// sender table, and its queue in the top bits of the sender's index. A million of them
/// take 24 MB.
#[derive(Debug, Clone, Copy)]
struct Planned {
    arrival_time: i64,
    size: u64,
    /// Where the ID starts in the plan's [`IdList`].
    id: u32,
    /// Sender index (low 29 bits) and queue index (top 3 bits).
    sender_queue: u32,
}

const QUEUE_SHIFT: u32 = 29;
const SENDER_MASK: u32 = (1 << QUEUE_SHIFT) - 1;

impl Planned {
    fn sender(&self) -> usize {
        (self.sender_queue & SENDER_MASK) as usize
    }

    fn queue(&self) -> QueueName {
        QueueName::ALL[(self.sender_queue >> QUEUE_SHIFT) as usize]
    }
}

/// Messages in segments of fixed size: growing never copies (or briefly doubles) them all.
#[derive(Debug, Default)]
struct Segments {
    segments: Vec<Vec<Planned>>,
    len: usize,
}

const SEGMENT: usize = 1 << 16;

impl Segments {
    fn push(&mut self, message: Planned) {
        if self.segments.last().is_none_or(|s| s.len() == SEGMENT) {
            self.segments.push(Vec::with_capacity(SEGMENT));
        }
        if let Some(segment) = self.segments.last_mut() {
            segment.push(message);
        }
        self.len += 1;
    }

    fn iter(&self) -> impl Iterator<Item = &Planned> {
        self.segments.iter().flatten()
    }
}

/// A planned message as callers see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlannedMessage<'a> {
    pub id: &'a str,
    pub queue: QueueName,
    pub identity: Identity<'a>,
}

/// What must still hold for a queue ID to name the message that was planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Identity<'a> {
    pub arrival_time: i64,
    pub sender: &'a str,
    pub size: u64,
}

impl<'a> Identity<'a> {
    pub fn of(entry: &'a QueueEntry<'_>) -> Identity<'a> {
        Identity {
            arrival_time: entry.arrival_time,
            sender: &entry.sender,
            size: entry.size,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub count: u64,
    pub bytes: u64,
}

impl Tally {
    fn add(&mut self, size: u64) {
        self.count += 1;
        self.bytes = self.bytes.saturating_add(size);
    }
}

#[derive(Debug)]
pub struct Plan {
    operation: Operation,
    /// Every planned ID: exactly what postsuper reads on stdin.
    ids: IdList,
    messages: Segments,
    /// Distinct senders, each with its tally; messages refer to them by index.
    senders: Vec<(Box<str>, Tally)>,
    /// Sender text to its index, the text kept once (in `senders`).
    sender_index: HashTable<u32>,
    hasher: DefaultHashBuilder,
    per_queue: [Tally; 5],
    skipped: Vec<(Skip, Tally)>,
    /// postqueue's own lines of the planned messages, kept only for a `--json` preview.
    lines: Option<Vec<Box<str>>>,
    /// Who sent the planned messages, where their origins were read.
    origins: hashbrown::HashMap<Box<str>, Tally>,
}

impl Plan {
    pub fn new(operation: Operation, keep_lines: bool) -> Plan {
        Plan {
            operation,
            ids: IdList::new(),
            messages: Segments::default(),
            senders: Vec::new(),
            sender_index: HashTable::new(),
            hasher: DefaultHashBuilder::default(),
            per_queue: [Tally::default(); 5],
            skipped: Vec::new(),
            lines: keep_lines.then(Vec::new),
            origins: hashbrown::HashMap::new(),
        }
    }

    pub fn operation(&self) -> Operation {
        self.operation
    }

    /// Why the operation leaves this message alone, if it does.
    pub fn skip_reason(operation: Operation, queue: QueueName) -> Option<Skip> {
        match (operation, queue) {
            (Operation::Release, QueueName::Hold) => None,
            (Operation::Release, _) => Some(Skip::NotHeld),
            (Operation::Hold, QueueName::Hold) => Some(Skip::AlreadyHeld),
            (_, QueueName::Maildrop) => Some(Skip::Maildrop),
            _ => None,
        }
    }

    /// Adds a selected message. A queue ID met again (the queue changed while postqueue
    /// listed it) is dropped by [`Plan::drop_repeated_ids`].
    pub fn add(&mut self, entry: &QueueEntry<'_>, line: &str) {
        if let Some(skip) = Plan::skip_reason(self.operation, entry.queue) {
            match self.skipped.iter_mut().find(|(reason, _)| *reason == skip) {
                Some((_, tally)) => tally.add(entry.size),
                None => {
                    let mut tally = Tally::default();
                    tally.add(entry.size);
                    self.skipped.push((skip, tally));
                }
            }
            return;
        }
        self.add_planned(
            &entry.id,
            entry.queue,
            entry.arrival_time,
            entry.size,
            &entry.sender,
            line,
        );
        if let Some(origin) = entry.origin.as_deref() {
            let who = origin.who();
            let key = if who.is_empty() {
                "(unknown)".to_string()
            } else {
                who
            };
            self.origins.entry(key.into()).or_default().add(entry.size);
        }
    }

    /// Who sent the planned messages, most first, where origins were read.
    pub fn top_origins(&self, top: usize) -> Vec<(&str, Tally)> {
        most_first(self.origins.iter().map(|(who, t)| (who.as_ref(), *t)), top)
    }

    /// Adds a message known from a journal (no listing line): as planned then.
    pub fn add_journaled(&mut self, id: &str, queue: QueueName, seen: &super::Seen) {
        self.add_planned(id, queue, seen.arrival_time, seen.size, &seen.sender, "");
    }

    fn add_planned(
        &mut self,
        id: &str,
        queue: QueueName,
        arrival_time: i64,
        size: u64,
        sender: &str,
        line: &str,
    ) {
        let sender = self.intern_sender(sender, size);
        let id = self.ids.push(id);
        self.messages.push(Planned {
            arrival_time,
            size,
            id,
            sender_queue: sender | ((queue.index() as u32) << QUEUE_SHIFT),
        });
        self.per_queue[queue.index()].add(size);
        if let Some(lines) = &mut self.lines {
            lines.push(line.into());
        }
    }

    fn intern_sender(&mut self, sender: &str, size: u64) -> u32 {
        let Plan {
            senders,
            sender_index,
            hasher,
            ..
        } = self;
        let hash = hasher.hash_one(sender);
        let index = match sender_index.find(hash, |&i| &*senders[i as usize].0 == sender) {
            Some(&index) => index,
            None => {
                let index = u32::try_from(senders.len())
                    .ok()
                    .filter(|&i| i <= SENDER_MASK)
                    .expect("more than 500 million distinct senders");
                senders.push((sender.into(), Tally::default()));
                sender_index
                    .insert_unique(hash, index, |&i| hasher.hash_one(&*senders[i as usize].0));
                index
            }
        };
        senders[index as usize].1.add(size);
        index
    }

    /// Keeps the first of planned messages that share a queue ID. The scan of an action
    /// keeps no set of IDs (for a million messages, that set would be the largest thing in
    /// memory): repeats are found here, by sorting hashes of the IDs.
    pub fn drop_repeated_ids(&mut self) {
        let mut hashes: Vec<u64> = self.ids.iter().map(|id| self.hasher.hash_one(id)).collect();
        hashes.sort_unstable();
        let suspects: HashSet<u64> = hashes
            .windows(2)
            .filter(|pair| pair[0] == pair[1])
            .map(|pair| pair[0])
            .collect();
        drop(hashes);
        if suspects.is_empty() {
            return;
        }
        let repeated: HashSet<usize> = {
            let mut seen: HashSet<&str> = HashSet::new();
            self.ids
                .iter()
                .enumerate()
                .filter(|(_, id)| suspects.contains(&self.hasher.hash_one(id)) && !seen.insert(id))
                .map(|(index, _)| index)
                .collect()
        };
        if repeated.is_empty() {
            return;
        }
        let mut kept = Plan::new(self.operation, self.lines.is_some());
        kept.skipped = std::mem::take(&mut self.skipped);
        kept.origins = std::mem::take(&mut self.origins);
        for (index, (message, line)) in self.messages().zip(self.lines_or_empty()).enumerate() {
            if !repeated.contains(&index) {
                kept.add_planned(
                    message.id,
                    message.queue,
                    message.identity.arrival_time,
                    message.identity.size,
                    message.identity.sender,
                    line,
                );
            }
        }
        *self = kept;
    }

    /// Each planned message's line, or "" when the plan keeps none.
    fn lines_or_empty(&self) -> impl Iterator<Item = &str> {
        let lines = self.lines.as_deref().unwrap_or(&[]);
        (0..self.len()).map(move |i| lines.get(i).map_or("", |line| line.as_ref()))
    }

    pub fn len(&self) -> usize {
        self.messages.len
    }

    pub fn is_empty(&self) -> bool {
        self.messages.len == 0
    }

    pub fn total(&self) -> Tally {
        let mut total = Tally::default();
        for tally in &self.per_queue {
            total.count += tally.count;
            total.bytes = total.bytes.saturating_add(tally.bytes);
        }
        total
    }

    /// Planned messages per queue, in Postfix's order, queues with none left out.
    pub fn per_queue(&self) -> Vec<(QueueName, Tally)> {
        QueueName::ALL
            .into_iter()
            .map(|queue| (queue, self.per_queue[queue.index()]))
            .filter(|(_, tally)| tally.count > 0)
            .collect()
    }

    /// The senders with the most planned messages, most first (ties by address).
    pub fn top_senders(&self, top: usize) -> Vec<(&str, Tally)> {
        most_first(self.senders.iter().map(|(s, t)| (s.as_ref(), *t)), top)
    }

    pub fn sender_count(&self) -> usize {
        self.senders.len()
    }

    pub fn skipped(&self) -> Vec<(Skip, Tally)> {
        let mut skipped = self.skipped.clone();
        skipped.sort_by_key(|(skip, _)| *skip);
        skipped
    }

    /// The IDs, as postsuper reads them.
    pub fn id_list(&self) -> &IdList {
        &self.ids
    }

    pub fn messages(&self) -> impl Iterator<Item = PlannedMessage<'_>> {
        self.messages.iter().map(|m| self.view(m))
    }

    fn view(&self, m: &Planned) -> PlannedMessage<'_> {
        PlannedMessage {
            id: self.ids.get(m.id),
            queue: m.queue(),
            identity: Identity {
                arrival_time: m.arrival_time,
                sender: &self.senders[m.sender()].0,
                size: m.size,
            },
        }
    }

    /// postqueue's lines of the planned messages, when the plan kept them.
    pub fn lines(&self) -> Option<&[Box<str>]> {
        self.lines.as_deref()
    }
}

/// The `top` largest tallies, most messages first, ties by name.
pub fn most_first<'a>(
    tallies: impl Iterator<Item = (&'a str, Tally)>,
    top: usize,
) -> Vec<(&'a str, Tally)> {
    let mut tallies: Vec<(&str, Tally)> = tallies.collect();
    tallies.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(b.0)));
    tallies.truncate(top);
    tallies
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queue::parse_line;
    use crate::queue::testing::line as entry;

    fn plan_of(operation: Operation, lines: &[String]) -> Plan {
        let mut plan = Plan::new(operation, true);
        for line in lines {
            let parsed = parse_line(1, line).unwrap();
            plan.add(&parsed.entry, parsed.text);
        }
        plan
    }

    fn sample() -> Vec<String> {
        vec![
            entry("deferred", "A1", "spam@x.example", 100),
            entry("deferred", "A2", "spam@x.example", 200),
            entry("hold", "A3", "spam@x.example", 300),
            entry("maildrop", "A4", "spam@x.example", 400),
            entry("active", "A5", "ok@y.example", 500),
        ]
    }

    #[test]
    fn delete_plans_everything_but_maildrop() {
        let mut plan = plan_of(Operation::Delete, &sample());
        plan.drop_repeated_ids();
        assert_eq!(
            plan.id_list().chunks().collect::<String>(),
            "A1\nA2\nA3\nA5\n"
        );
        assert_eq!(
            plan.total(),
            Tally {
                count: 4,
                bytes: 1100
            }
        );
        assert_eq!(
            plan.skipped(),
            [(
                Skip::Maildrop,
                Tally {
                    count: 1,
                    bytes: 400
                }
            )]
        );
        assert_eq!(
            plan.per_queue(),
            [
                (
                    QueueName::Active,
                    Tally {
                        count: 1,
                        bytes: 500
                    }
                ),
                (
                    QueueName::Deferred,
                    Tally {
                        count: 2,
                        bytes: 300
                    }
                ),
                (
                    QueueName::Hold,
                    Tally {
                        count: 1,
                        bytes: 300
                    }
                ),
            ]
        );
        assert_eq!(
            plan.top_senders(5),
            [
                (
                    "spam@x.example",
                    Tally {
                        count: 3,
                        bytes: 600
                    }
                ),
                (
                    "ok@y.example",
                    Tally {
                        count: 1,
                        bytes: 500
                    }
                ),
            ]
        );
        let third = plan.messages().nth(2).unwrap();
        assert_eq!(third.id, "A3");
        assert_eq!(third.queue, QueueName::Hold);
        assert_eq!(
            third.identity,
            Identity {
                arrival_time: 1000,
                sender: "spam@x.example",
                size: 300
            }
        );
        assert_eq!(plan.lines().unwrap().len(), 4);
    }

    #[test]
    fn a_queue_id_listed_twice_is_planned_once() {
        let mut lines = sample();
        // The queue changed while it was listed: A2 seen again, now in active.
        lines.push(entry("active", "A2", "spam@x.example", 200));
        let mut plan = plan_of(Operation::Delete, &lines);
        assert_eq!(plan.len(), 5);
        plan.drop_repeated_ids();
        assert_eq!(
            plan.id_list().chunks().collect::<String>(),
            "A1\nA2\nA3\nA5\n"
        );
        assert_eq!(
            plan.total(),
            Tally {
                count: 4,
                bytes: 1100
            }
        );
        assert_eq!(plan.messages().nth(1).unwrap().queue, QueueName::Deferred);
        assert_eq!(plan.lines().unwrap().len(), 4);
        assert_eq!(plan.top_senders(1)[0].1.count, 3);
    }

    #[test]
    fn hold_skips_held_and_maildrop_release_takes_only_held() {
        let plan = plan_of(Operation::Hold, &sample());
        assert_eq!(plan.id_list().chunks().collect::<String>(), "A1\nA2\nA5\n");
        assert_eq!(
            plan.skipped(),
            [
                (
                    Skip::Maildrop,
                    Tally {
                        count: 1,
                        bytes: 400
                    }
                ),
                (
                    Skip::AlreadyHeld,
                    Tally {
                        count: 1,
                        bytes: 300
                    }
                ),
            ]
        );
        let plan = plan_of(Operation::Release, &sample());
        assert_eq!(plan.id_list().chunks().collect::<String>(), "A3\n");
        assert_eq!(
            plan.skipped(),
            [(
                Skip::NotHeld,
                Tally {
                    count: 4,
                    bytes: 1200
                }
            )]
        );
        let plan = plan_of(Operation::Requeue, &sample());
        assert_eq!(
            plan.id_list().chunks().collect::<String>(),
            "A1\nA2\nA3\nA5\n"
        );
    }
}
