//! The plan of an action: exactly which messages, each with the identity that tells it from
//! a later message under the same queue ID. Pure and previewable; what the preview shows,
//! the prompt shows and the executor acts on is this one value.

use hashbrown::HashMap;

use crate::postfix::Operation;
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

/// A planned message, compact: its ID lives in the plan's ID list.
#[derive(Debug, Clone, Copy)]
struct Planned {
    id_start: u32,
    id_len: u8,
    queue: QueueName,
    arrival_time: i64,
    size: u64,
    sender: u32,
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
        self.bytes += size;
    }
}

#[derive(Debug)]
pub struct Plan {
    operation: Operation,
    /// Every planned ID followed by a newline: exactly what postsuper reads on stdin.
    ids: String,
    messages: Vec<Planned>,
    /// Distinct senders, each with its tally; messages refer to them by index.
    senders: Vec<(Box<str>, Tally)>,
    sender_index: HashMap<Box<str>, u32>,
    per_queue: [Tally; 5],
    skipped: Vec<(Skip, Tally)>,
    /// postqueue's own lines of the planned messages, kept only for a `--json` preview.
    lines: Option<Vec<Box<str>>>,
}

impl Plan {
    pub fn new(operation: Operation, keep_lines: bool) -> Plan {
        Plan {
            operation,
            ids: String::new(),
            messages: Vec::new(),
            senders: Vec::new(),
            sender_index: HashMap::new(),
            per_queue: [Tally::default(); 5],
            skipped: Vec::new(),
            lines: keep_lines.then(Vec::new),
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

    /// Adds a selected message (each queue ID once: the scan sees to that).
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
        let sender = self.intern_sender(&entry.sender, entry.size);
        let id_start = u32::try_from(self.ids.len()).expect("plan IDs beyond 4 GiB");
        self.ids.push_str(&entry.id);
        self.ids.push('\n');
        self.messages.push(Planned {
            id_start,
            // Queue IDs are at most 255 characters (checked when read).
            id_len: u8::try_from(entry.id.len()).unwrap_or(u8::MAX),
            queue: entry.queue,
            arrival_time: entry.arrival_time,
            size: entry.size,
            sender,
        });
        self.per_queue[entry.queue.index()].add(entry.size);
        if let Some(lines) = &mut self.lines {
            lines.push(line.into());
        }
    }

    fn intern_sender(&mut self, sender: &str, size: u64) -> u32 {
        let index = match self.sender_index.get(sender) {
            Some(&index) => index,
            None => {
                let index = self.senders.len() as u32;
                self.senders.push((sender.into(), Tally::default()));
                self.sender_index.insert(sender.into(), index);
                index
            }
        };
        self.senders[index as usize].1.add(size);
        index
    }

    pub fn len(&self) -> usize {
        self.messages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }

    pub fn total(&self) -> Tally {
        let mut total = Tally::default();
        for tally in &self.per_queue {
            total.count += tally.count;
            total.bytes += tally.bytes;
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
        let mut senders: Vec<(&str, Tally)> = self
            .senders
            .iter()
            .map(|(sender, tally)| (sender.as_ref(), *tally))
            .collect();
        senders.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(b.0)));
        senders.truncate(top);
        senders
    }

    pub fn sender_count(&self) -> usize {
        self.senders.len()
    }

    pub fn skipped(&self) -> Vec<(Skip, Tally)> {
        let mut skipped = self.skipped.clone();
        skipped.sort_by_key(|(skip, _)| *skip);
        skipped
    }

    /// The IDs, one a line, as postsuper reads them.
    pub fn id_list(&self) -> &str {
        &self.ids
    }

    pub fn messages(&self) -> impl Iterator<Item = PlannedMessage<'_>> {
        self.messages.iter().map(|m| self.view(m))
    }

    fn view(&self, m: &Planned) -> PlannedMessage<'_> {
        let start = m.id_start as usize;
        PlannedMessage {
            id: &self.ids[start..start + usize::from(m.id_len)],
            queue: m.queue,
            identity: Identity {
                arrival_time: m.arrival_time,
                sender: &self.senders[m.sender as usize].0,
                size: m.size,
            },
        }
    }

    /// postqueue's lines of the planned messages, when the plan kept them.
    pub fn lines(&self) -> Option<&[Box<str>]> {
        self.lines.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queue::parse_line;

    fn entry(queue: &str, id: &str, sender: &str, size: u64) -> String {
        format!(
            r#"{{"queue_name": "{queue}", "queue_id": "{id}", "arrival_time": 1000, "message_size": {size}, "sender": "{sender}", "recipients": [{{"address": "r@x.example"}}]}}"#
        )
    }

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
        let plan = plan_of(Operation::Delete, &sample());
        assert_eq!(plan.id_list(), "A1\nA2\nA3\nA5\n");
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
    fn hold_skips_held_and_maildrop_release_takes_only_held() {
        let plan = plan_of(Operation::Hold, &sample());
        assert_eq!(plan.id_list(), "A1\nA2\nA5\n");
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
        assert_eq!(plan.id_list(), "A3\n");
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
        assert_eq!(plan.id_list(), "A1\nA2\nA3\nA5\n");
    }
}
