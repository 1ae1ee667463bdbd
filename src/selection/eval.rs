//! The compiled filter and its evaluator: pure, `now` given, no allocation per entry.

use hashbrown::HashSet;
use regex::Regex;

use super::pattern::TextMatcher;
use crate::queue::{Origin, QueueEntry, QueueName, domain_of};

#[derive(Debug, Clone)]
pub enum Filter {
    /// Every message (no selector given).
    All,
    And(Vec<Filter>),
    Or(Vec<Filter>),
    Not(Box<Filter>),
    Test(Test),
}

#[derive(Debug, Clone)]
pub enum Test {
    Id(IdMatcher),
    Queue(QueueSet),
    Sender(TextMatcher),
    SenderDomain(TextMatcher),
    /// Any recipient's address matches.
    Recipient(TextMatcher),
    /// Any recipient's domain matches.
    RecipientDomain(TextMatcher),
    /// Any recipient's delay reason matches.
    Reason(TextMatcher),
    Size(Cmp, u64),
    /// Seconds since arrival.
    Age(Cmp, i64),
    RecipientCount(Cmp, u64),
    Expired,
    /// A field of the message's origin (read from its queue file), as text.
    Origin(OriginField, TextMatcher),
    /// The client's address is one of these, or in one of these blocks.
    Client(Vec<ipnet::IpNet>),
}

/// The parts of a message's origin the language can test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OriginField {
    Account,
    Client,
    ClientName,
    Helo,
    LocalUser,
    /// `sasl:NAME`, `local:USER` or `client:IP`.
    Who,
    Subject,
    HeaderFrom,
    MessageId,
}

impl OriginField {
    /// The field's text; "" where the origin has none (a client that did not log in).
    pub fn text(self, origin: &Origin) -> std::borrow::Cow<'_, str> {
        use std::borrow::Cow;
        fn field(value: &Option<Box<str>>) -> Cow<'_, str> {
            Cow::Borrowed(value.as_deref().unwrap_or(""))
        }
        match self {
            OriginField::Account => field(&origin.sasl_username),
            OriginField::Client => field(&origin.client_address),
            OriginField::ClientName => field(&origin.client_name),
            OriginField::Helo => field(&origin.helo_name),
            OriginField::LocalUser => Cow::Owned(origin.local_name().unwrap_or_default()),
            OriginField::Who => Cow::Owned(origin.who()),
            OriginField::Subject => field(&origin.subject),
            OriginField::HeaderFrom => field(&origin.header_from),
            OriginField::MessageId => field(&origin.message_id),
        }
    }
}

/// Queue IDs are case-sensitive: exact comparisons respect case.
#[derive(Debug, Clone)]
pub enum IdMatcher {
    OneOf(HashSet<Box<str>>),
    Regex(Regex),
}

/// A set of queue names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct QueueSet(u8);

impl QueueSet {
    pub fn of(queues: impl IntoIterator<Item = QueueName>) -> QueueSet {
        QueueSet(
            queues
                .into_iter()
                .fold(0, |bits, queue| bits | 1 << queue.index()),
        )
    }

    pub fn contains(self, queue: QueueName) -> bool {
        self.0 & (1 << queue.index()) != 0
    }

    pub fn queues(self) -> impl Iterator<Item = QueueName> {
        QueueName::ALL
            .into_iter()
            .filter(move |q| self.contains(*q))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Cmp {
    fn holds<T: Ord>(self, left: T, right: T) -> bool {
        match self {
            Cmp::Eq => left == right,
            Cmp::Ne => left != right,
            Cmp::Lt => left < right,
            Cmp::Le => left <= right,
            Cmp::Gt => left > right,
            Cmp::Ge => left >= right,
        }
    }
}

impl Filter {
    /// Whether `entry` is selected, its age measured at `now` (epoch seconds); a test of
    /// the origin fails where the origin was not read.
    pub fn matches(&self, entry: &QueueEntry<'_>, now: i64) -> bool {
        self.decide(entry, now).unwrap_or(false)
    }

    /// Whether `entry` is selected, or None when that depends on its origin and the origin
    /// was not read: a selection reads origins only for messages it cannot decide without.
    pub fn decide(&self, entry: &QueueEntry<'_>, now: i64) -> Option<bool> {
        match self {
            Filter::All => Some(true),
            Filter::And(all) => {
                let mut unknown = false;
                for filter in all {
                    match filter.decide(entry, now) {
                        Some(false) => return Some(false),
                        Some(true) => {}
                        None => unknown = true,
                    }
                }
                (!unknown).then_some(true)
            }
            Filter::Or(any) => {
                let mut unknown = false;
                for filter in any {
                    match filter.decide(entry, now) {
                        Some(true) => return Some(true),
                        Some(false) => {}
                        None => unknown = true,
                    }
                }
                (!unknown).then_some(false)
            }
            Filter::Not(inner) => inner.decide(entry, now).map(|truth| !truth),
            Filter::Test(test) => test.decide(entry, now),
        }
    }

    /// Whether any test reads the origin.
    pub fn needs_origin(&self) -> bool {
        match self {
            Filter::All => false,
            Filter::And(filters) | Filter::Or(filters) => filters.iter().any(Filter::needs_origin),
            Filter::Not(inner) => inner.needs_origin(),
            Filter::Test(test) => matches!(test, Test::Origin(..) | Test::Client(_)),
        }
    }

    /// `a and b`, flattened.
    pub fn and(filters: Vec<Filter>) -> Filter {
        let mut flat = Vec::with_capacity(filters.len());
        for filter in filters {
            match filter {
                Filter::All => {}
                Filter::And(inner) => flat.extend(inner),
                other => flat.push(other),
            }
        }
        match flat.len() {
            0 => Filter::All,
            1 => flat.pop().unwrap_or(Filter::All),
            _ => Filter::And(flat),
        }
    }

    /// `a or b`, flattened.
    pub fn or(filters: Vec<Filter>) -> Filter {
        let mut flat = Vec::with_capacity(filters.len());
        for filter in filters {
            match filter {
                Filter::Or(inner) => flat.extend(inner),
                other => flat.push(other),
            }
        }
        match flat.len() {
            1 => flat.pop().unwrap_or(Filter::All),
            _ => Filter::Or(flat),
        }
    }

    pub fn negate(filter: Filter) -> Filter {
        match filter {
            Filter::Not(inner) => *inner,
            other => Filter::Not(Box::new(other)),
        }
    }
}

impl Test {
    fn decide(&self, entry: &QueueEntry<'_>, now: i64) -> Option<bool> {
        match self {
            Test::Origin(field, matcher) => {
                let origin = entry.origin.as_deref()?;
                Some(matcher.matches(&field.text(origin)))
            }
            Test::Client(nets) => {
                let origin = entry.origin.as_deref()?;
                let ip = origin
                    .client_address
                    .as_deref()
                    .and_then(|ip| ip.parse::<std::net::IpAddr>().ok());
                Some(ip.is_some_and(|ip| nets.iter().any(|net| net.contains(&ip))))
            }
            other => Some(other.matches(entry, now)),
        }
    }

    fn matches(&self, entry: &QueueEntry<'_>, now: i64) -> bool {
        match self {
            Test::Id(IdMatcher::OneOf(ids)) => ids.contains(entry.id.as_ref()),
            Test::Id(IdMatcher::Regex(regex)) => regex.is_match(&entry.id),
            Test::Queue(queues) => queues.contains(entry.queue),
            Test::Sender(matcher) => matcher.matches(&entry.sender),
            Test::SenderDomain(matcher) => matcher.matches(entry.sender_domain()),
            Test::Recipient(matcher) => {
                entry.recipients.iter().any(|r| matcher.matches(&r.address))
            }
            Test::RecipientDomain(matcher) => entry
                .recipients
                .iter()
                .any(|r| matcher.matches(domain_of(&r.address))),
            Test::Reason(matcher) => entry
                .recipients
                .iter()
                .filter_map(|r| r.delay_reason.as_deref())
                .any(|reason| matcher.matches(reason)),
            Test::Size(cmp, size) => cmp.holds(entry.size, *size),
            Test::Age(cmp, seconds) => cmp.holds(entry.age(now), *seconds),
            Test::RecipientCount(cmp, count) => cmp.holds(entry.recipients.len() as u64, *count),
            Test::Expired => entry.forced_expire,
            Test::Origin(..) | Test::Client(_) => false,
        }
    }
}
