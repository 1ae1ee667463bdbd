//! The queue model: one message as `postqueue -j` describes it.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

/// The Postfix queues a message can be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QueueName {
    Maildrop,
    Incoming,
    Active,
    Deferred,
    Hold,
}

impl QueueName {
    pub const ALL: [QueueName; 5] = [
        QueueName::Maildrop,
        QueueName::Incoming,
        QueueName::Active,
        QueueName::Deferred,
        QueueName::Hold,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            QueueName::Maildrop => "maildrop",
            QueueName::Incoming => "incoming",
            QueueName::Active => "active",
            QueueName::Deferred => "deferred",
            QueueName::Hold => "hold",
        }
    }

    /// A queue name as a user types it (case-insensitive).
    pub fn parse(text: &str) -> Option<QueueName> {
        QueueName::ALL
            .into_iter()
            .find(|queue| queue.as_str().eq_ignore_ascii_case(text))
    }

    /// Position in [`QueueName::ALL`], for per-queue tables and bit sets.
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for QueueName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The sender of bounces and notifications: `<>` on the wire, `MAILER-DAEMON` in postqueue.
pub const NULL_SENDER: &str = "MAILER-DAEMON";

/// One queued message. Strings borrow from the `postqueue -j` line where no JSON escape
/// forces a copy. Members postq does not use are not kept here; the raw line keeps them.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct QueueEntry<'a> {
    #[serde(rename = "queue_name")]
    pub queue: QueueName,
    #[serde(rename = "queue_id", borrow)]
    pub id: Cow<'a, str>,
    pub arrival_time: i64,
    #[serde(rename = "message_size")]
    pub size: u64,
    /// Absent before Postfix 3.5.
    #[serde(default)]
    pub forced_expire: bool,
    #[serde(borrow)]
    pub sender: Cow<'a, str>,
    #[serde(borrow, default)]
    pub recipients: Vec<Recipient<'a>>,
    /// The host it is queued on, when postq reads several (postq puts it in the line).
    #[serde(borrow, default)]
    pub host: Option<Cow<'a, str>>,
    /// Its Postfix instance, when postq reads several.
    #[serde(borrow, default)]
    pub instance: Option<Cow<'a, str>>,
    /// Who sent it, when read from the queue file (only when something asks for it).
    #[serde(skip)]
    pub origin: Option<Box<super::Origin>>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Recipient<'a> {
    #[serde(borrow)]
    pub address: Cow<'a, str>,
    #[serde(borrow, default)]
    pub delay_reason: Option<Cow<'a, str>>,
}

impl QueueEntry<'_> {
    /// The queue ID as shown to people: `PLACE:ID` when postq reads several hosts or
    /// instances (`postq show` takes it so), else the ID.
    pub fn shown_id(&self) -> Cow<'_, str> {
        match self.place() {
            Some(place) => Cow::Owned(format!("{place}:{}", self.id)),
            None => Cow::Borrowed(&self.id),
        }
    }

    /// Where it is queued, as rows name it: `relay1`, `relay1:postfix-out`, `postfix-out`;
    /// `None` when postq reads one instance.
    pub fn place(&self) -> Option<String> {
        let mut place = String::new();
        self.write_place(&mut place).then_some(place)
    }

    /// [`QueueEntry::place`] into `out` (cleared first), for a buffer used again; false
    /// when postq reads one instance.
    pub fn write_place(&self, out: &mut String) -> bool {
        out.clear();
        if let Some(host) = &self.host {
            out.push_str(host);
        }
        if let Some(instance) = &self.instance {
            if self.host.is_some() {
                out.push(':');
            }
            out.push_str(instance);
        }
        self.host.is_some() || self.instance.is_some()
    }

    /// Seconds since the message arrived; never negative (clocks drift).
    pub fn age(&self, now: i64) -> i64 {
        now.saturating_sub(self.arrival_time).max(0)
    }

    pub fn sender_domain(&self) -> &str {
        domain_of(&self.sender)
    }

    pub fn is_null_sender(&self) -> bool {
        is_null_address(&self.sender)
    }

    /// The first delay reason, if any recipient has one (Postfix lists those first).
    pub fn first_reason(&self) -> Option<&str> {
        self.recipients
            .iter()
            .find_map(|recipient| recipient.delay_reason.as_deref())
    }
}

/// The null sender as postqueue shows it (`MAILER-DAEMON`), or empty.
pub fn is_null_address(address: &str) -> bool {
    address.is_empty() || address == NULL_SENDER
}

/// The domain of an address: what follows the last `@` (a quoted local part may hold `@`),
/// or "" when there is none.
pub fn domain_of(address: &str) -> &str {
    match address.rfind('@') {
        Some(at) => &address[at + 1..],
        None => "",
    }
}

/// Why a text is not a queue ID.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum QueueIdError {
    #[error("it is empty")]
    Empty,
    #[error("it is longer than 255 characters")]
    TooLong,
    #[error("a queue ID holds only letters, digits and '_'")]
    Character,
}

/// Checks that `text` can be a queue ID.
///
/// Postfix accepts `[A-Za-z0-9_]`, up to 255 characters (postsuper's own check). Short IDs
/// are hexadecimal and long ones are not, so never check for hex only.
pub fn check_queue_id(text: &str) -> Result<(), QueueIdError> {
    if text.is_empty() {
        Err(QueueIdError::Empty)
    } else if text.len() > 255 {
        Err(QueueIdError::TooLong)
    } else if !text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        Err(QueueIdError::Character)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_is_after_the_last_at() {
        assert_eq!(domain_of("user@example.com"), "example.com");
        assert_eq!(domain_of("\"a@b\"@example.com"), "example.com");
        assert_eq!(domain_of("MAILER-DAEMON"), "");
        assert_eq!(domain_of(""), "");
    }

    #[test]
    fn queue_ids_are_checked_as_postfix_does() {
        assert_eq!(check_queue_id("85F4B98C0F4"), Ok(()));
        assert_eq!(check_queue_id("4Jgt2V6BKNz1xy5"), Ok(()));
        assert_eq!(check_queue_id("ab_9"), Ok(()));
        assert_eq!(check_queue_id(""), Err(QueueIdError::Empty));
        assert_eq!(check_queue_id("85F4B98C0F4*"), Err(QueueIdError::Character));
        assert_eq!(check_queue_id("85F4 98C0F4"), Err(QueueIdError::Character));
        assert_eq!(check_queue_id("../etc"), Err(QueueIdError::Character));
        assert_eq!(check_queue_id(&"A".repeat(256)), Err(QueueIdError::TooLong));
        assert_eq!(check_queue_id(&"A".repeat(255)), Ok(()));
    }

    #[test]
    fn queue_names_parse_case_insensitively() {
        assert_eq!(QueueName::parse("deferred"), Some(QueueName::Deferred));
        assert_eq!(QueueName::parse("HOLD"), Some(QueueName::Hold));
        assert_eq!(QueueName::parse("corrupt"), None);
        for queue in QueueName::ALL {
            assert_eq!(QueueName::ALL[queue.index()], queue);
        }
    }
}
