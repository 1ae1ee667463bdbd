//! What postsuper says: one line per message it acted on, then a total. Everything goes to
//! stderr; IDs it did not find are simply not mentioned.
//!
//! ```text
//! postsuper: 85F4B98C0F4: removed
//! postsuper: warning: invalid mail queue id: bad id
//! postsuper: Deleted: 1 message
//! ```

use crate::queue::{QueueName, check_queue_id};

/// What postsuper is asked to do to the messages whose IDs it reads on stdin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    Delete,
    Hold,
    Release,
    Requeue,
}

impl Operation {
    /// The word for people: `delete`.
    pub fn verb(self) -> &'static str {
        match self {
            Operation::Delete => "delete",
            Operation::Hold => "hold",
            Operation::Release => "release",
            Operation::Requeue => "requeue",
        }
    }

    pub fn flag(self) -> &'static str {
        match self {
            Operation::Delete => "-d",
            Operation::Hold => "-h",
            Operation::Release => "-H",
            Operation::Requeue => "-r",
        }
    }

    /// postsuper's word for one message done: `removed`.
    fn done_word(self) -> &'static str {
        match self {
            Operation::Delete => "removed",
            Operation::Hold => "placed on hold",
            Operation::Release => "released from hold",
            Operation::Requeue => "requeued",
        }
    }

    /// postsuper's total line: `Deleted: 3 messages`.
    fn total_word(self) -> &'static str {
        match self {
            Operation::Delete => "Deleted",
            Operation::Hold => "Placed on hold",
            Operation::Release => "Released from hold",
            Operation::Requeue => "Requeued",
        }
    }

    /// The queues postsuper looks in by default (postsuper(1)).
    pub fn default_queues(self) -> &'static [QueueName] {
        use QueueName::*;
        match self {
            Operation::Delete | Operation::Requeue => &[Hold, Incoming, Active, Deferred],
            Operation::Hold => &[Incoming, Active, Deferred],
            Operation::Release => &[Hold],
        }
    }
}

/// One line of postsuper's output, understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PostsuperLine {
    /// The operation was done to this message.
    Done(String),
    /// The closing count.
    Total(u64),
    /// Anything else: warnings, fatal errors.
    Other(String),
}

pub fn parse_postsuper_line(operation: Operation, line: &str) -> PostsuperLine {
    let line = line.trim_end();
    // "postsuper: " or, with syslog_name set, "name/postsuper: ".
    let rest = match line.split_once(": ") {
        Some((program, rest)) if program.ends_with("postsuper") => rest,
        _ => return PostsuperLine::Other(line.to_string()),
    };
    if let Some(count) = rest
        .strip_prefix(operation.total_word())
        .and_then(|tail| tail.strip_prefix(": "))
        .and_then(|tail| tail.split(' ').next())
        .and_then(|number| number.parse().ok())
    {
        return PostsuperLine::Total(count);
    }
    if let Some((id, what)) = rest.split_once(": ")
        && what == operation.done_word()
        && check_queue_id(id).is_ok()
    {
        return PostsuperLine::Done(id.to_string());
    }
    PostsuperLine::Other(line.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_as_postsuper_prints_them() {
        use Operation::*;
        use PostsuperLine::*;
        let cases = [
            (
                Delete,
                "postsuper: 85F4B98C0F4: removed",
                Done("85F4B98C0F4".into()),
            ),
            (
                Delete,
                "postsuper: 4jbGr21jPzz1SSZr: removed\n",
                Done("4jbGr21jPzz1SSZr".into()),
            ),
            (
                Hold,
                "postsuper: D244A98C0F7: placed on hold",
                Done("D244A98C0F7".into()),
            ),
            (
                Release,
                "postsuper: D244A98C0F7: released from hold",
                Done("D244A98C0F7".into()),
            ),
            (
                Requeue,
                "postsuper: D244A98C0F7: requeued",
                Done("D244A98C0F7".into()),
            ),
            (Delete, "postsuper: Deleted: 1 message", Total(1)),
            (Delete, "postsuper: Deleted: 21873 messages", Total(21873)),
            (Hold, "postsuper: Placed on hold: 3 messages", Total(3)),
            (
                Release,
                "postsuper: Released from hold: 0 messages",
                Total(0),
            ),
            (Requeue, "postsuper: Requeued: 2 messages", Total(2)),
            (
                Delete,
                "postfix-out/postsuper: ABC: removed",
                Done("ABC".into()),
            ),
            // The word must fit the operation.
            (
                Hold,
                "postsuper: D244A98C0F7: removed",
                Other("postsuper: D244A98C0F7: removed".into()),
            ),
            (
                Delete,
                "postsuper: Placed on hold: 3 messages",
                Other("postsuper: Placed on hold: 3 messages".into()),
            ),
            (
                Delete,
                "postsuper: warning: invalid mail queue id: bad id",
                Other("postsuper: warning: invalid mail queue id: bad id".into()),
            ),
            (
                Delete,
                "postsuper: fatal: use of this command is reserved for the superuser",
                Other("postsuper: fatal: use of this command is reserved for the superuser".into()),
            ),
            (
                Delete,
                "something else: X: removed",
                Other("something else: X: removed".into()),
            ),
        ];
        for (operation, line, expected) in cases {
            assert_eq!(parse_postsuper_line(operation, line), expected, "{line}");
        }
    }
}
