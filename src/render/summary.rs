//! The summary for people (one screen of tables) and for programs (one JSON document).
//! The JSON types are kept apart from the summary's own: their member names are a contract,
//! changed by additions only.

use comfy_table::{Cell, CellAlignment, ColumnConstraint, Table, Width};
use serde::Serialize;

use super::table::{header_row, new_table, one_line_row};
use super::text::{escape_untrusted, format_age, format_count, format_size, plural};
use crate::summary::{
    AGE_BUCKETS, BUCKET_COUNT, Culprit, Group, Grouping, Stats, Summary, bucket_label,
};

/// How the tables are laid out.
#[derive(Debug, Clone, Copy)]
pub struct SummaryLayout {
    pub color: bool,
    /// Fit to this many columns (a terminal); None: nothing cut.
    pub width: Option<usize>,
    pub top: usize,
}

fn title(grouping: Grouping) -> &'static str {
    match grouping {
        Grouping::Queue => "QUEUE",
        Grouping::Sender => "SENDER",
        Grouping::SenderDomain => "SENDER DOMAIN",
        Grouping::Recipient => "RECIPIENT",
        Grouping::RecipientDomain => "RECIPIENT DOMAIN",
        Grouping::Reason => "DELAY REASON",
        Grouping::Age => "AGE",
    }
}

/// The JSON member of a grouping.
pub fn json_member(grouping: Grouping) -> &'static str {
    match grouping {
        Grouping::Queue => "queues",
        Grouping::Sender => "senders",
        Grouping::SenderDomain => "sender_domains",
        Grouping::Recipient => "recipients",
        Grouping::RecipientDomain => "recipient_domains",
        Grouping::Reason => "reasons",
        Grouping::Age => "ages",
    }
}

fn shown_key(grouping: Grouping, key: &str) -> String {
    match (grouping, key) {
        (Grouping::SenderDomain, "") => "(null sender)".into(),
        (Grouping::RecipientDomain, "") => "(no domain)".into(),
        _ => escape_untrusted(key).into_owned(),
    }
}

fn share(part: u64, total: u64) -> f64 {
    if total == 0 {
        0.0
    } else {
        part as f64 / total as f64
    }
}

fn percent(part: u64, total: u64) -> String {
    format!("{:.1}%", share(part, total) * 100.0)
}

/// Lines of the table, trimmed, indented by two.
fn push_table(text: &mut String, table: &Table) {
    for line in table.lines() {
        text.push_str("  ");
        text.push_str(line.trim_end());
        text.push('\n');
    }
}

/// Numbers are never cut; the last column (a name) takes what they leave on a terminal.
/// With `name_first`, the first column is the name instead (the age histogram).
fn finish_columns(table: &mut Table, layout: &SummaryLayout, name_first: bool) {
    let widths = table.column_max_content_widths();
    let count = widths.len();
    let name = if name_first { 0 } else { count - 1 };
    let numbers: usize = widths
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != name)
        .map(|(_, &w)| usize::from(w) + 2)
        .sum();
    for (index, column) in table.column_iter_mut().enumerate() {
        let padding = if index + 1 == count { 0 } else { 2 };
        column.set_padding((0, padding));
        if index == name {
            if let Some(width) = layout.width {
                let room = width.saturating_sub(numbers + 2).max(12);
                let fit = usize::from(widths[index]).min(room) + usize::from(padding);
                column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(
                    u16::try_from(fit).unwrap_or(u16::MAX),
                )));
            }
        } else {
            column.set_constraint(ColumnConstraint::ContentWidth);
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
}

fn group_table(
    grouping: Grouping,
    groups: &[Group],
    summary: &Summary,
    layout: &SummaryLayout,
) -> Table {
    let mut table = new_table(layout.color, layout.width);
    table.set_header(header_row(
        &["MESSAGES", "SHARE", "SIZE", "OLDEST", title(grouping)],
        layout.color,
    ));
    // Age buckets read best in order; every other grouping largest first.
    let mut rows: Vec<&Group> = groups.iter().take(layout.top).collect();
    if grouping == Grouping::Age {
        rows.sort_by_key(|g| bucket_of_label(&g.key));
    }
    for group in rows {
        table.add_row(one_line_row(vec![
            Cell::new(format_count(group.stats.count)),
            Cell::new(percent(group.stats.count, summary.total.count)),
            Cell::new(format_size(group.stats.bytes)),
            Cell::new(format_age(group.stats.oldest_age(summary.now))),
            Cell::new(shown_key(grouping, &group.key)),
        ]));
    }
    finish_columns(&mut table, layout, false);
    table
}

fn bucket_of_label(label: &str) -> usize {
    (0..BUCKET_COUNT)
        .find(|&b| bucket_label(b) == label)
        .unwrap_or(BUCKET_COUNT)
}

/// qshape's view: messages per age bucket, for the whole selection and the top sender
/// domains.
fn histogram_table(summary: &Summary, layout: &SummaryLayout) -> Table {
    let mut table = new_table(layout.color, layout.width);
    let mut titles = vec!["MINUTES".to_string(), "T".to_string()];
    titles.extend(AGE_BUCKETS.iter().map(|b| b.to_string()));
    titles.push(format!("{}+", AGE_BUCKETS[AGE_BUCKETS.len() - 1]));
    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
    table.set_header(header_row(&titles, layout.color));
    let mut add = |name: String, counts: &[u64]| {
        let total: u64 = counts.iter().sum();
        let mut cells = vec![Cell::new(name), Cell::new(format_count(total))];
        cells.extend(counts.iter().map(|c| Cell::new(format_count(*c))));
        table.add_row(one_line_row(cells));
    };
    add("TOTAL".into(), &summary.age_histogram());
    if let Some(domains) = summary.grouping(Grouping::SenderDomain) {
        for group in domains.iter().take(layout.top) {
            add(
                shown_key(Grouping::SenderDomain, &group.key),
                &group.histogram,
            );
        }
    }
    finish_columns(&mut table, layout, true);
    table
}

/// The text summary.
pub fn render_summary(
    summary: &Summary,
    culprit: Option<(&Culprit, &str)>,
    layout: &SummaryLayout,
) -> String {
    let mut text = String::new();
    let total = &summary.total;
    if total.count == 0 {
        return text;
    }
    text.push_str(&format!(
        "{}, {}, {}; the oldest {} old\n",
        plural(total.count, "message", "messages"),
        format_size(total.bytes),
        plural(total.recipients, "recipient", "recipients"),
        format_age(total.oldest_age(summary.now))
    ));
    for (grouping, groups) in &summary.groupings {
        text.push('\n');
        push_table(&mut text, &group_table(*grouping, groups, summary, layout));
        if groups.len() > layout.top && *grouping != Grouping::Age {
            text.push_str(&format!(
                "  ... and {} more\n",
                format_count((groups.len() - layout.top) as u64)
            ));
        }
        if *grouping == Grouping::Age && summary.grouping(Grouping::SenderDomain).is_some() {
            text.push('\n');
            push_table(&mut text, &histogram_table(summary, layout));
        }
    }
    if let Some((culprit, command)) = culprit {
        text.push('\n');
        let what = match culprit.grouping {
            Grouping::SenderDomain => format!(
                "The sender domain {}",
                shown_key(Grouping::SenderDomain, &culprit.key)
            ),
            _ => format!("The sender {}", escape_untrusted(&culprit.key)),
        };
        text.push_str(&format!(
            "{what} holds {} of {} messages ({}).\nPreview their removal:  {command}\n",
            format_count(culprit.count),
            format_count(total.count),
            percent(culprit.count, total.count),
        ));
    }
    text
}

// JSON.

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
) -> String {
    let mut groupings = serde_json::Map::new();
    let mut distinct = serde_json::Map::new();
    for (grouping, groups) in &summary.groupings {
        let rows: Vec<GroupJson<'_>> = groups
            .iter()
            .take(top)
            .map(|group| group_json(*grouping, group, summary))
            .collect();
        let member = json_member(*grouping);
        groupings.insert(
            member.into(),
            serde_json::to_value(rows).unwrap_or_default(),
        );
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
            kind: match culprit.grouping {
                Grouping::SenderDomain => "sender_domain",
                _ => "sender",
            },
            key: culprit.key.clone(),
            count: culprit.count,
            share: culprit.share,
            command: command.to_string(),
        }),
    };
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

fn total_json(total: &Stats, now: i64) -> TotalJson {
    TotalJson {
        count: total.count,
        bytes: total.bytes,
        recipients: total.recipients,
        oldest_age: total.oldest_age(now),
    }
}
