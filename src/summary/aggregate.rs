//! One streaming pass over the selected messages: totals per queue, groupings by sender,
//! sender domain, recipient, recipient domain, delay reason and age. Memory grows with the
//! number of distinct keys, not with the number of messages.

use hashbrown::HashMap;
use hashbrown::hash_map::EntryRef;

use super::reason::normalize_reason;
use crate::queue::{QueueEntry, QueueName, domain_of, is_null_address};
use crate::selection::OriginField;

/// What a summary can be grouped by (`summary --by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Grouping {
    Sender,
    #[value(alias = "sender_domain")]
    SenderDomain,
    Recipient,
    #[value(alias = "recipient_domain")]
    RecipientDomain,
    /// Delay reasons, with hosts, addresses and numbers made alike
    Reason,
    Queue,
    /// qshape's age buckets: 5, 10, 20, ... 1280 minutes and more
    Age,
    /// The authenticated account (SASL login), from the queue files
    Account,
    /// The client's IP address, from the queue files
    Client,
    /// Who: sasl:ACCOUNT, local:USER or client:IP, from the queue files
    Origin,
    /// The Subject: header, from the queue files
    Subject,
    /// Where it is queued, when postq reads several hosts or instances
    Host,
}

impl Grouping {
    /// Whether the grouping's keys come from the queue files.
    pub fn needs_origin(self) -> bool {
        matches!(
            self,
            Grouping::Account | Grouping::Client | Grouping::Origin | Grouping::Subject
        )
    }

    /// The groupings of the full summary, in the order shown.
    pub const DEFAULT: [Grouping; 6] = [
        Grouping::Queue,
        Grouping::Sender,
        Grouping::SenderDomain,
        Grouping::RecipientDomain,
        Grouping::Reason,
        Grouping::Age,
    ];
}

/// The age histogram's buckets, as qshape(1) has them: upper bounds in minutes.
pub const AGE_BUCKETS: [i64; 9] = [5, 10, 20, 40, 80, 160, 320, 640, 1280];
/// Buckets including the last, open one (1280+).
pub const BUCKET_COUNT: usize = AGE_BUCKETS.len() + 1;

pub fn age_bucket(age_seconds: i64) -> usize {
    let minutes = age_seconds / 60;
    AGE_BUCKETS
        .iter()
        .position(|&bound| minutes < bound)
        .unwrap_or(AGE_BUCKETS.len())
}

/// `0-5m`, `5-10m`, ..., `1280m+`.
pub fn bucket_label(bucket: usize) -> String {
    match bucket {
        0 => format!("0-{}m", AGE_BUCKETS[0]),
        b if b < AGE_BUCKETS.len() => format!("{}-{}m", AGE_BUCKETS[b - 1], AGE_BUCKETS[b]),
        _ => format!("{}m+", AGE_BUCKETS[AGE_BUCKETS.len() - 1]),
    }
}

/// Count, bytes and oldest arrival of a set of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    pub count: u64,
    pub bytes: u64,
    /// Earliest arrival time (epoch seconds); `i64::MAX` while empty.
    pub oldest_arrival: i64,
    /// Recipients (for per-recipient groupings: those with this key).
    pub recipients: u64,
}

impl Default for Stats {
    fn default() -> Stats {
        Stats {
            count: 0,
            bytes: 0,
            oldest_arrival: i64::MAX,
            recipients: 0,
        }
    }
}

impl Stats {
    fn add(&mut self, entry: &QueueEntry<'_>) {
        self.count += 1;
        self.bytes = self.bytes.saturating_add(entry.size);
        self.oldest_arrival = self.oldest_arrival.min(entry.arrival_time);
    }

    fn merge(&mut self, other: &Stats) {
        self.count += other.count;
        self.bytes = self.bytes.saturating_add(other.bytes);
        self.oldest_arrival = self.oldest_arrival.min(other.oldest_arrival);
        self.recipients += other.recipients;
    }

    /// A whole message: its recipients too.
    fn add_message(&mut self, entry: &QueueEntry<'_>) {
        self.add(entry);
        self.recipients += entry.recipients.len() as u64;
    }

    /// Seconds since the oldest arrival, 0 when empty.
    pub fn oldest_age(&self, now: i64) -> i64 {
        if self.count == 0 {
            0
        } else {
            now.saturating_sub(self.oldest_arrival).max(0)
        }
    }
}

/// One key of a grouping.
#[derive(Debug, Clone)]
pub struct Group {
    pub key: Box<str>,
    pub stats: Stats,
    /// For reasons: the first raw text seen under this normal form.
    pub example: Option<Box<str>>,
    /// Per age bucket (sender domains only, for the histogram).
    pub histogram: Vec<u64>,
}

/// A group while counting, under its key in the map. Small: a queue of forged senders has
/// hundreds of thousands of them (docs/performance.md).
#[derive(Debug)]
struct Slot {
    stats: Stats,
    /// The last message counted, so a message with several recipients counts once.
    last_message: u64,
    /// The example and the histogram, where kept (most groupings keep neither).
    extra: Option<Box<Extra>>,
}

#[derive(Debug, Default)]
struct Extra {
    example: Option<Box<str>>,
    histogram: Vec<u64>,
}

/// The groups of one grouping. A parallel scan counts in parts, one map each; merging only
/// gathers the maps, and the groups are summed across them when they are sorted: one
/// merged map of a queue of forged senders would hold them all once more.
#[derive(Debug, Default)]
struct Groups {
    /// Counting goes into the first; merged parts follow.
    parts: Vec<HashMap<Box<str>, Slot>>,
    histograms: bool,
}

impl Slot {
    fn merge(&mut self, other: Slot) {
        self.stats.merge(&other.stats);
        match (&mut self.extra, other.extra) {
            (Some(mine), Some(theirs)) => {
                if mine.example.is_none() {
                    mine.example = theirs.example;
                }
                for (count, theirs) in mine.histogram.iter_mut().zip(&theirs.histogram) {
                    *count += theirs;
                }
            }
            (mine @ None, theirs) => *mine = theirs,
            (Some(_), None) => {}
        }
    }
}

impl Groups {
    fn new(histograms: bool) -> Groups {
        Groups {
            parts: vec![HashMap::new()],
            histograms,
        }
    }

    /// Counts `entry` under `key` (once per message) with `recipients` more recipients.
    fn add(
        &mut self,
        key: &str,
        message: u64,
        entry: &QueueEntry<'_>,
        recipients: u64,
        bucket: usize,
        example: Option<&str>,
    ) {
        let histograms = self.histograms;
        let map = &mut self.parts[0];
        // One lookup; the key is copied only when it is new.
        let slot = match map.entry_ref(key) {
            EntryRef::Occupied(slot) => slot.into_mut(),
            EntryRef::Vacant(vacant) => vacant.insert_with_key(
                key.into(),
                Slot {
                    stats: Stats::default(),
                    last_message: u64::MAX,
                    extra: (histograms || example.is_some()).then(|| {
                        Box::new(Extra {
                            example: example.map(Into::into),
                            histogram: if histograms {
                                vec![0; BUCKET_COUNT]
                            } else {
                                Vec::new()
                            },
                        })
                    }),
                },
            ),
        };
        slot.stats.recipients += recipients;
        if slot.last_message != message {
            slot.last_message = message;
            slot.stats.add(entry);
            if let Some(count) = slot
                .extra
                .as_mut()
                .and_then(|extra| extra.histogram.get_mut(bucket))
            {
                *count += 1;
            }
        }
    }

    /// Adds another part's groups (a parallel scan aggregates in parts).
    fn merge(&mut self, other: Groups) {
        self.parts.extend(other.parts);
    }

    /// The `top` largest, largest first: by count, then bytes, then key. Each key is summed
    /// across the parts (taken out of the later ones), and only about `2 * top` groups are
    /// held at a time, so a check of a queue of forged senders copies none of them.
    fn sorted(self, top: usize) -> Vec<Group> {
        let mut groups: Vec<Group> = Vec::new();
        let mut parts = self.parts.into_iter();
        while let Some(part) = parts.next() {
            let mut later: Vec<_> = parts.collect();
            for (key, mut slot) in part {
                for other in &mut later {
                    if let Some(theirs) = other.remove(&key) {
                        slot.merge(theirs);
                    }
                }
                let extra = slot.extra.map(|extra| *extra).unwrap_or_default();
                groups.push(Group {
                    key,
                    stats: slot.stats,
                    example: extra.example,
                    histogram: extra.histogram,
                });
                if groups.len() >= top.saturating_mul(2).max(64) {
                    sort_groups(&mut groups);
                    groups.truncate(top);
                }
            }
            parts = later.into_iter();
        }
        sort_groups(&mut groups);
        groups.truncate(top);
        groups
    }
}

/// Accumulates a summary of the messages given to [`Aggregator::add`].
pub struct Aggregator {
    now: i64,
    messages: u64,
    total: Stats,
    queues: [Stats; 5],
    ages: [Stats; BUCKET_COUNT],
    /// Messages per queue per age bucket (qshape's table).
    queue_ages: [[u64; BUCKET_COUNT]; 5],
    queue_wanted: bool,
    age_wanted: bool,
    senders: Option<Groups>,
    sender_domains: Option<Groups>,
    recipients: Option<Groups>,
    recipient_domains: Option<Groups>,
    reasons: Option<Groups>,
    accounts: Option<Groups>,
    clients: Option<Groups>,
    origins: Option<Groups>,
    subjects: Option<Groups>,
    hosts: Option<Groups>,
    /// Per origin: the distinct senders and clients it used (a stolen password shows as
    /// one account under many senders, from many addresses).
    spread: HashMap<Box<str>, Spread>,
    /// Messages that came back through a content filter, and how many of them the mail log
    /// attributed.
    filtered: (u64, u64),
    /// Reused buffers: keys are lower-cased, reasons normalised and places named without
    /// allocating.
    key: String,
    reason: String,
    place: String,
}

/// The finished summary: every grouping sorted largest first.
#[derive(Debug)]
pub struct Summary {
    pub now: i64,
    pub total: Stats,
    /// Per age bucket, in bucket order.
    pub ages: [Stats; BUCKET_COUNT],
    /// Per queue (in [`QueueName::ALL`]'s order), every queue even when empty.
    pub queues: [Stats; 5],
    /// Per queue, messages per age bucket.
    pub queue_ages: [[u64; BUCKET_COUNT]; 5],
    /// Per grouping: its groups (all of them, largest first).
    pub groupings: Vec<(Grouping, Vec<Group>)>,
    /// Per origin (with the origin grouping): distinct (senders, clients), up to
    /// [`SPREAD_KEPT`] each.
    pub spread: HashMap<Box<str>, (usize, usize)>,
    /// Why who sent the messages was not read, when the full summary could not read it.
    pub origins_not_read: Option<String>,
    /// Messages that came back through a content filter (origins read), and how many the
    /// mail log attributed.
    pub filtered: (u64, u64),
}

/// Distinct senders and clients kept per origin; past this, "at least".
pub const SPREAD_KEPT: usize = 10_000;

fn keep(set: &mut hashbrown::HashSet<Box<str>>, value: &str) {
    if set.len() < SPREAD_KEPT && !set.contains(value) {
        set.insert(value.into());
    }
}

/// The distinct senders and clients of one origin.
#[derive(Debug, Default)]
struct Spread {
    senders: hashbrown::HashSet<Box<str>>,
    clients: hashbrown::HashSet<Box<str>>,
}

impl Spread {
    fn add(&mut self, sender: &str, client: &str) {
        keep(&mut self.senders, sender);
        if !client.is_empty() {
            keep(&mut self.clients, client);
        }
    }

    fn merge(&mut self, other: Spread) {
        for sender in other.senders {
            keep(&mut self.senders, &sender);
        }
        for client in other.clients {
            keep(&mut self.clients, &client);
        }
    }

    fn counts(&self) -> (usize, usize) {
        (self.senders.len(), self.clients.len())
    }
}

impl Aggregator {
    pub fn new(groupings: &[Grouping], now: i64) -> Aggregator {
        let wants = |g: Grouping| groupings.contains(&g);
        Aggregator {
            now,
            messages: 0,
            total: Stats::default(),
            queues: [Stats::default(); 5],
            ages: [Stats::default(); BUCKET_COUNT],
            queue_ages: [[0; BUCKET_COUNT]; 5],
            queue_wanted: wants(Grouping::Queue),
            age_wanted: wants(Grouping::Age),
            senders: wants(Grouping::Sender).then(|| Groups::new(false)),
            // The age histogram per sender domain goes with the full summary.
            sender_domains: wants(Grouping::SenderDomain)
                .then(|| Groups::new(wants(Grouping::Age))),
            recipients: wants(Grouping::Recipient).then(|| Groups::new(false)),
            recipient_domains: wants(Grouping::RecipientDomain).then(|| Groups::new(false)),
            reasons: wants(Grouping::Reason).then(|| Groups::new(false)),
            accounts: wants(Grouping::Account).then(|| Groups::new(false)),
            clients: wants(Grouping::Client).then(|| Groups::new(false)),
            origins: wants(Grouping::Origin).then(|| Groups::new(false)),
            subjects: wants(Grouping::Subject).then(|| Groups::new(false)),
            hosts: wants(Grouping::Host).then(|| Groups::new(false)),
            spread: HashMap::new(),
            filtered: (0, 0),
            key: String::new(),
            reason: String::new(),
            place: String::new(),
        }
    }

    pub fn add(&mut self, entry: &QueueEntry<'_>) {
        let message = self.messages;
        self.messages += 1;
        self.total.add_message(entry);
        self.queues[entry.queue.index()].add_message(entry);
        let bucket = age_bucket(entry.age(self.now));
        self.ages[bucket].add_message(entry);
        self.queue_ages[entry.queue.index()][bucket] += 1;
        let all = entry.recipients.len() as u64;
        // The sender lower-cased once serves both groupings.
        lower_into(&entry.sender, &mut self.key);
        if let Some(senders) = &mut self.senders {
            if is_null_address(&entry.sender) {
                senders.add(crate::queue::NULL_SENDER, message, entry, all, bucket, None);
            } else {
                senders.add(&self.key, message, entry, all, bucket, None);
            }
        }
        if let Some(domains) = &mut self.sender_domains {
            domains.add(domain_of(&self.key), message, entry, all, bucket, None);
        }
        if let Some(hosts) = &mut self.hosts
            && entry.write_place(&mut self.place)
        {
            hosts.add(&self.place, message, entry, all, bucket, None);
        }
        if let Some(recipients) = &mut self.recipients {
            for recipient in &entry.recipients {
                lower_into(&recipient.address, &mut self.key);
                recipients.add(&self.key, message, entry, 1, bucket, None);
            }
        }
        if let Some(domains) = &mut self.recipient_domains {
            for recipient in &entry.recipients {
                lower_into(domain_of(&recipient.address), &mut self.key);
                domains.add(&self.key, message, entry, 1, bucket, None);
            }
        }
        if let Some(reasons) = &mut self.reasons {
            for reason in entry
                .recipients
                .iter()
                .filter_map(|r| r.delay_reason.as_deref())
            {
                normalize_reason(reason, &mut self.reason);
                reasons.add(&self.reason, message, entry, 1, bucket, Some(reason));
            }
        }
        if let Some(origin) = entry.origin.as_deref() {
            if origin.filtered(&entry.id) {
                self.filtered.0 += 1;
                self.filtered.1 += u64::from(origin.via_filter);
            }
            let fields = [
                (&mut self.accounts, OriginField::Account),
                (&mut self.clients, OriginField::Client),
                (&mut self.origins, OriginField::Who),
                (&mut self.subjects, OriginField::Subject),
            ];
            for (groups, field) in fields {
                if let Some(groups) = groups {
                    groups.add(&field.text(origin), message, entry, all, bucket, None);
                }
            }
            if self.origins.is_some() {
                // The key buffer held recipients meanwhile: the sender again.
                lower_into(&entry.sender, &mut self.key);
                let who = origin.who();
                let spread = match self.spread.get_mut(who.as_str()) {
                    Some(spread) => spread,
                    None => self.spread.entry(who.into()).or_default(),
                };
                spread.add(&self.key, origin.client_address.as_deref().unwrap_or(""));
            }
        }
    }

    /// Adds what another aggregator (over other messages) has seen.
    pub fn merge(&mut self, other: Aggregator) {
        self.messages += other.messages;
        self.total.merge(&other.total);
        for (mine, theirs) in self.queues.iter_mut().zip(&other.queues) {
            mine.merge(theirs);
        }
        for (mine, theirs) in self.ages.iter_mut().zip(&other.ages) {
            mine.merge(theirs);
        }
        for (mine, theirs) in self.queue_ages.iter_mut().zip(&other.queue_ages) {
            for (slot, count) in mine.iter_mut().zip(theirs) {
                *slot += count;
            }
        }
        let pairs = [
            (&mut self.senders, other.senders),
            (&mut self.sender_domains, other.sender_domains),
            (&mut self.recipients, other.recipients),
            (&mut self.recipient_domains, other.recipient_domains),
            (&mut self.reasons, other.reasons),
            (&mut self.accounts, other.accounts),
            (&mut self.clients, other.clients),
            (&mut self.origins, other.origins),
            (&mut self.subjects, other.subjects),
            (&mut self.hosts, other.hosts),
        ];
        for (mine, theirs) in pairs {
            if let (Some(mine), Some(theirs)) = (mine, theirs) {
                mine.merge(theirs);
            }
        }
        self.filtered.0 += other.filtered.0;
        self.filtered.1 += other.filtered.1;
        for (who, theirs) in other.spread {
            self.spread.entry(who).or_default().merge(theirs);
        }
    }

    /// The summary, every group of every grouping.
    pub fn finish(self) -> Summary {
        self.finish_top(usize::MAX)
    }

    /// The summary with the `top` largest groups (at least 1) of each grouping by key; the
    /// queues, age buckets and hosts whole.
    pub fn finish_top(self, top: usize) -> Summary {
        let top = top.max(1);
        let mut groupings = Vec::new();
        let stats_groups = |stats: &[Stats], label: &dyn Fn(usize) -> String| -> Vec<Group> {
            stats
                .iter()
                .enumerate()
                .filter(|(_, s)| s.count > 0)
                .map(|(i, s)| Group {
                    key: label(i).into(),
                    stats: *s,
                    example: None,
                    histogram: Vec::new(),
                })
                .collect()
        };
        if self.queue_wanted {
            let mut queues =
                stats_groups(&self.queues, &|i| QueueName::ALL[i].as_str().to_string());
            sort_groups(&mut queues);
            groupings.push((Grouping::Queue, queues));
        }
        // Where the mail is, across hosts and instances: next to the queues.
        if let Some(hosts) = self.hosts {
            // Few, and kept whole like the queues.
            groupings.push((Grouping::Host, hosts.sorted(usize::MAX)));
        }
        let maps = [
            (Grouping::Sender, self.senders),
            (Grouping::SenderDomain, self.sender_domains),
            (Grouping::Recipient, self.recipients),
            (Grouping::RecipientDomain, self.recipient_domains),
            (Grouping::Reason, self.reasons),
            (Grouping::Account, self.accounts),
            (Grouping::Client, self.clients),
            (Grouping::Origin, self.origins),
            (Grouping::Subject, self.subjects),
        ];
        for (grouping, groups) in maps {
            if let Some(groups) = groups {
                groupings.push((grouping, groups.sorted(top)));
            }
        }
        if self.age_wanted {
            let mut ages = stats_groups(&self.ages, &bucket_label);
            sort_groups(&mut ages);
            groupings.push((Grouping::Age, ages));
        }
        Summary {
            now: self.now,
            total: self.total,
            ages: self.ages,
            queues: self.queues,
            queue_ages: self.queue_ages,
            groupings,
            spread: self
                .spread
                .into_iter()
                .map(|(who, spread)| (who, spread.counts()))
                .collect(),
            origins_not_read: None,
            filtered: self.filtered,
        }
    }
}

/// Largest first: by count, then bytes, then key.
fn sort_groups(groups: &mut [Group]) {
    groups.sort_by(|a, b| {
        b.stats
            .count
            .cmp(&a.stats.count)
            .then(b.stats.bytes.cmp(&a.stats.bytes))
            .then(a.key.cmp(&b.key))
    });
}

/// Lower-cases `text` into `out`, reusing its allocation.
fn lower_into(text: &str, out: &mut String) {
    out.clear();
    if text.is_ascii() {
        out.push_str(text);
        out.make_ascii_lowercase();
    } else {
        out.extend(text.chars().flat_map(char::to_lowercase));
    }
}

impl Summary {
    pub fn grouping(&self, grouping: Grouping) -> Option<&[Group]> {
        self.groupings
            .iter()
            .find(|(g, _)| *g == grouping)
            .map(|(_, groups)| groups.as_slice())
    }

    /// Messages per age bucket, in bucket order.
    pub fn age_histogram(&self) -> [u64; BUCKET_COUNT] {
        self.ages.map(|stats| stats.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queue::parse_line;

    const NOW: i64 = 100_000;

    fn line(
        queue: &str,
        id: &str,
        sender: &str,
        age: i64,
        size: u64,
        recipients: &[(&str, Option<&str>)],
    ) -> String {
        let recipients: Vec<String> = recipients
            .iter()
            .map(|(address, reason)| match reason {
                Some(reason) => {
                    format!(r#"{{"address": "{address}", "delay_reason": "{reason}"}}"#)
                }
                None => format!(r#"{{"address": "{address}"}}"#),
            })
            .collect();
        format!(
            r#"{{"queue_name": "{queue}", "queue_id": "{id}", "arrival_time": {}, "message_size": {size}, "sender": "{sender}", "recipients": [{}]}}"#,
            NOW - age,
            recipients.join(", ")
        )
    }

    fn summarize(lines: &[String], groupings: &[Grouping]) -> Summary {
        let mut aggregator = Aggregator::new(groupings, NOW);
        for l in lines {
            aggregator.add(&parse_line(1, l).unwrap().entry);
        }
        aggregator.finish()
    }

    fn keys_and_counts(groups: &[Group]) -> Vec<(String, u64)> {
        groups
            .iter()
            .map(|g| (g.key.to_string(), g.stats.count))
            .collect()
    }

    fn sample() -> Vec<String> {
        let refused = "connect to mx.a.example[192.0.2.1]:25: Connection refused";
        let refused2 = "connect to mx.b.example[192.0.2.2]:25: Connection refused";
        vec![
            line(
                "deferred",
                "A1",
                "Spam@Bad.example",
                60,
                100,
                &[
                    ("x@gmail.com", Some(refused)),
                    ("y@GMAIL.com", Some(refused2)),
                ],
            ),
            line(
                "deferred",
                "A2",
                "spam@bad.example",
                600,
                200,
                &[("z@yahoo.com", Some(refused))],
            ),
            line(
                "hold",
                "A3",
                "spam@bad.example",
                7200,
                300,
                &[("x@gmail.com", None)],
            ),
            line(
                "deferred",
                "B1",
                "MAILER-DAEMON",
                100_000,
                400,
                &[("alice@good.example", Some("deferred transport"))],
            ),
            line(
                "active",
                "B2",
                "alice@good.example",
                30,
                500,
                &[("bob@gmail.com", None)],
            ),
        ]
    }

    #[test]
    fn totals_and_queues() {
        let summary = summarize(&sample(), &Grouping::DEFAULT);
        assert_eq!(summary.total.count, 5);
        assert_eq!(summary.total.bytes, 1500);
        assert_eq!(summary.total.recipients, 6);
        assert_eq!(summary.total.oldest_age(NOW), 100_000);
        let queues = summary.grouping(Grouping::Queue).unwrap();
        assert_eq!(
            keys_and_counts(queues),
            [
                ("deferred".into(), 3),
                ("active".into(), 1),
                ("hold".into(), 1)
            ]
        );
        assert_eq!(queues[0].stats.bytes, 700);
        assert_eq!(queues[0].stats.oldest_age(NOW), 100_000);
    }

    #[test]
    fn senders_group_case_insensitively_and_the_null_sender_stays_itself() {
        let summary = summarize(&sample(), &Grouping::DEFAULT);
        assert_eq!(
            keys_and_counts(summary.grouping(Grouping::Sender).unwrap()),
            // Ties go to the larger bytes.
            [
                ("spam@bad.example".into(), 3),
                ("alice@good.example".into(), 1),
                ("MAILER-DAEMON".into(), 1)
            ]
        );
        let senders = summary.grouping(Grouping::Sender).unwrap();
        assert_eq!(senders[0].stats.bytes, 600);
        assert_eq!(senders[0].stats.oldest_age(NOW), 7200);
        assert_eq!(
            keys_and_counts(summary.grouping(Grouping::SenderDomain).unwrap()),
            [
                ("bad.example".into(), 3),
                ("good.example".into(), 1),
                ("".into(), 1)
            ]
        );
    }

    #[test]
    fn a_message_counts_once_per_key_however_many_recipients_share_it() {
        let summary = summarize(&sample(), &Grouping::DEFAULT);
        let domains = summary.grouping(Grouping::RecipientDomain).unwrap();
        assert_eq!(
            keys_and_counts(domains),
            [
                ("gmail.com".into(), 3),
                ("good.example".into(), 1),
                ("yahoo.com".into(), 1)
            ]
        );
        // A1 has two gmail.com recipients: one message, its bytes once, two recipients.
        assert_eq!(domains[0].stats.bytes, 100 + 300 + 500);
        assert_eq!(domains[0].stats.recipients, 4);
        let senders = summary.grouping(Grouping::Sender).unwrap();
        assert_eq!(senders[0].stats.recipients, 4);
    }

    #[test]
    fn reasons_group_by_normal_form_with_the_first_raw_text_as_example() {
        let summary = summarize(&sample(), &Grouping::DEFAULT);
        let reasons = summary.grouping(Grouping::Reason).unwrap();
        assert_eq!(
            keys_and_counts(reasons),
            [
                ("connect to *[*]:*: Connection refused".into(), 2),
                ("deferred transport".into(), 1)
            ]
        );
        assert_eq!(
            reasons[0].example.as_deref(),
            Some("connect to mx.a.example[192.0.2.1]:25: Connection refused")
        );
        assert_eq!(reasons[0].stats.recipients, 3);
    }

    #[test]
    fn ages_fall_into_qshape_buckets() {
        assert_eq!(age_bucket(0), 0);
        assert_eq!(age_bucket(299), 0);
        assert_eq!(age_bucket(300), 1);
        assert_eq!(age_bucket(1280 * 60 - 1), 8);
        assert_eq!(age_bucket(1280 * 60), 9);
        assert_eq!(bucket_label(0), "0-5m");
        assert_eq!(bucket_label(1), "5-10m");
        assert_eq!(bucket_label(9), "1280m+");
        let summary = summarize(&sample(), &Grouping::DEFAULT);
        // 30s and 60s; 10 minutes; 2 hours; 27 hours.
        assert_eq!(summary.age_histogram(), [2, 0, 1, 0, 0, 1, 0, 0, 0, 1]);
        let domains = summary.grouping(Grouping::SenderDomain).unwrap();
        assert_eq!(domains[0].histogram, [1, 0, 1, 0, 0, 1, 0, 0, 0, 0]);
    }

    #[test]
    fn aggregating_in_parts_and_merging_gives_the_same_summary() {
        let lines = sample();
        let whole = summarize(&lines, &Grouping::DEFAULT);
        // Three parts: every line goes to one, by its place against two split points.
        for (split, top) in (0..=lines.len()).zip([usize::MAX, 1, 2].into_iter().cycle()) {
            let mut parts: Vec<Aggregator> = (0..3)
                .map(|_| Aggregator::new(&Grouping::DEFAULT, NOW))
                .collect();
            for (i, l) in lines.iter().enumerate() {
                let part = if i < split { 0 } else { 1 + i % 2 };
                parts[part].add(&parse_line(1, l).unwrap().entry);
            }
            let mut parts = parts.into_iter();
            let mut first = parts.next().unwrap();
            for part in parts {
                first.merge(part);
            }
            let merged = first.finish_top(top);
            assert_eq!(merged.total, whole.total);
            assert_eq!(merged.ages, whole.ages);
            for (grouping, groups) in &whole.groupings {
                let theirs = merged.grouping(*grouping).unwrap();
                let shape = |groups: &[Group]| {
                    groups
                        .iter()
                        .map(|g| (g.key.to_string(), g.stats, g.histogram.clone()))
                        .collect::<Vec<_>>()
                };
                // Queues, age buckets and hosts are few, and kept whole.
                let kept = match grouping {
                    Grouping::Queue | Grouping::Age | Grouping::Host => usize::MAX,
                    _ => top,
                };
                let expected = &groups[..groups.len().min(kept)];
                assert_eq!(
                    shape(theirs),
                    shape(expected),
                    "{grouping:?} split at {split}, top {top}"
                );
            }
        }
    }

    #[test]
    fn only_the_asked_grouping_is_kept() {
        let summary = summarize(&sample(), &[Grouping::Recipient]);
        assert!(summary.grouping(Grouping::Sender).is_none());
        assert_eq!(
            keys_and_counts(summary.grouping(Grouping::Recipient).unwrap())[0],
            ("x@gmail.com".into(), 2)
        );
    }
}
