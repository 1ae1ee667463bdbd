//! The summary for programs: one JSON document. The JSON types are kept apart from the
//! summary's own: their member names are a contract, changed by additions only.

use serde::Serialize;

use super::summary_table::{bucket_of_label, share};
use crate::summary::{
    AGE_BUCKETS, BUCKET_COUNT, Culprit, Group, Grouping, Stats, Summary, bucket_label,
};

/// The JSON member of a grouping.
fn json_member(grouping: Grouping) -> &'static str {
    match grouping {
        Grouping::Queue => "queues",
        Grouping::Sender => "senders",
        Grouping::SenderDomain => "sender_domains",
        Grouping::Recipient => "recipients",
        Grouping::RecipientDomain => "recipient_domains",
        Grouping::Reason => "reasons",
        Grouping::Age => "ages",
        Grouping::Account => "accounts",
        Grouping::Client => "clients",
        Grouping::Origin => "origins",
        Grouping::Subject => "subjects",
        Grouping::Host => "hosts",
    }
}

#[derive(Serialize)]
struct SummaryJson {
    now: i64,
    total: TotalJson,
    #[serde(flatten)]
    groupings: serde_json::Map<String, serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    age_histogram: Option<HistogramJson>,
    /// Distinct keys per grouping (the lists hold the top N).
    distinct: serde_json::Map<String, serde_json::Value>,
    culprit: Option<CulpritJson>,
    /// Why who sent the messages was not read, when the full summary did without it.
    origins_not_read: Option<String>,
    /// Messages that came back through a content filter, and how many the mail log
    /// attributed (`--maillog`).
    filtered: FilteredJson,
}

#[derive(Serialize)]
struct FilteredJson {
    count: u64,
    attributed: u64,
}

#[derive(Serialize)]
struct TotalJson {
    count: u64,
    bytes: u64,
    recipients: u64,
    oldest_age: i64,
}

#[derive(Serialize)]
struct GroupJson<'a> {
    key: &'a str,
    count: u64,
    bytes: u64,
    /// Of the selected messages, 0 to 1.
    share: f64,
    oldest_age: i64,
    recipients: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    example: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min_age: Option<i64>,
    /// None for the last, open bucket.
    #[serde(skip_serializing_if = "Option::is_none")]
    max_age: Option<Option<i64>>,
}

#[derive(Serialize)]
struct HistogramJson {
    buckets: Vec<BucketJson>,
    total: Vec<u64>,
    sender_domains: Vec<DomainAgesJson>,
}

#[derive(Serialize)]
struct BucketJson {
    key: String,
    min_age: i64,
    max_age: Option<i64>,
}

#[derive(Serialize)]
struct DomainAgesJson {
    key: String,
    counts: Vec<u64>,
}

#[derive(Serialize)]
struct CulpritJson {
    kind: &'static str,
    key: String,
    count: u64,
    share: f64,
    command: String,
    /// For an origin: distinct sender addresses and client addresses it used.
    #[serde(skip_serializing_if = "Option::is_none")]
    senders: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    clients: Option<usize>,
}

fn bucket_bounds(bucket: usize) -> (i64, Option<i64>) {
    let min = if bucket == 0 {
        0
    } else {
        AGE_BUCKETS[bucket - 1] * 60
    };
    (min, AGE_BUCKETS.get(bucket).map(|m| m * 60))
}

fn group_json<'a>(grouping: Grouping, group: &'a Group, summary: &Summary) -> GroupJson<'a> {
    let bounds = (grouping == Grouping::Age).then(|| bucket_bounds(bucket_of_label(&group.key)));
    GroupJson {
        key: &group.key,
        count: group.stats.count,
        bytes: group.stats.bytes,
        share: share(group.stats.count, summary.total.count),
        oldest_age: group.stats.oldest_age(summary.now),
        recipients: group.stats.recipients,
        example: group.example.as_deref(),
        min_age: bounds.map(|(min, _)| min),
        max_age: bounds.map(|(_, max)| max),
    }
}

pub fn render_summary_json(
    summary: &Summary,
    culprit: Option<(&Culprit, &str)>,
    top: usize,
) -> Result<String, serde_json::Error> {
    let mut groupings = serde_json::Map::new();
    let mut distinct = serde_json::Map::new();
    for (grouping, groups) in &summary.groupings {
        let rows: Vec<GroupJson<'_>> = groups
            .iter()
            .take(top)
            .map(|group| group_json(*grouping, group, summary))
            .collect();
        let member = json_member(*grouping);
        groupings.insert(member.into(), serde_json::to_value(rows)?);
        distinct.insert(member.into(), groups.len().into());
    }
    let age_histogram = summary.grouping(Grouping::Age).map(|_| HistogramJson {
        buckets: (0..BUCKET_COUNT)
            .map(|b| {
                let (min_age, max_age) = bucket_bounds(b);
                BucketJson {
                    key: bucket_label(b),
                    min_age,
                    max_age,
                }
            })
            .collect(),
        total: summary.age_histogram().to_vec(),
        sender_domains: summary
            .grouping(Grouping::SenderDomain)
            .unwrap_or_default()
            .iter()
            .take(top)
            .map(|group| DomainAgesJson {
                key: group.key.to_string(),
                counts: group.histogram.clone(),
            })
            .collect(),
    });
    let document = SummaryJson {
        now: summary.now,
        total: total_json(&summary.total, summary.now),
        groupings,
        age_histogram,
        distinct,
        culprit: culprit.map(|(culprit, command)| CulpritJson {
            kind: culprit_kind(culprit),
            key: culprit.key.clone(),
            count: culprit.count,
            share: culprit.share,
            command: command.to_string(),
            senders: culprit.spread.map(|(senders, _)| senders),
            clients: culprit.spread.map(|(_, clients)| clients),
        }),
        origins_not_read: summary.origins_not_read.clone(),
        filtered: FilteredJson {
            count: summary.filtered.0,
            attributed: summary.filtered.1,
        },
    };
    let mut text = serde_json::to_string_pretty(&document)?;
    text.push('\n');
    Ok(text)
}

fn total_json(total: &Stats, now: i64) -> TotalJson {
    TotalJson {
        count: total.count,
        bytes: total.bytes,
        recipients: total.recipients,
        oldest_age: total.oldest_age(now),
    }
}

/// "account", "local_user" or "client" for an origin; "sender" or "sender_domain".
pub(super) fn culprit_kind(culprit: &Culprit) -> &'static str {
    match culprit.grouping {
        Grouping::SenderDomain => "sender_domain",
        Grouping::Origin if culprit.key.starts_with("sasl:") => "account",
        Grouping::Origin if culprit.key.starts_with("local:") => "local_user",
        Grouping::Origin => "client",
        _ => "sender",
    }
}
