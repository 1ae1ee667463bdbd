//! The compiled filter and its evaluator: pure, `now` given, no allocation per entry.

use hashbrown::HashSet;
use regex::Regex;

use super::pattern::TextMatcher;
use crate::queue::{QueueEntry, QueueName, domain_of};

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
    /// Whether `entry` is selected, its age measured at `now` (epoch seconds).
    pub fn matches(&self, entry: &QueueEntry<'_>, now: i64) -> bool {
        match self {
            Filter::All => true,
            Filter::And(all) => all.iter().all(|f| f.matches(entry, now)),
            Filter::Or(any) => any.iter().any(|f| f.matches(entry, now)),
            Filter::Not(inner) => !inner.matches(entry, now),
            Filter::Test(test) => test.matches(entry, now),
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
        }
    }
}
