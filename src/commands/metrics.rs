//! `postq metrics`: the queue as Prometheus gauges, on stdout or atomically in
//! node_exporter's textfile directory. A failed listing is said as a metric too
//! (`postq_listing_success 0`, no queue series: unknown is not zero), so an alert fires.

use std::fs;
use std::io::Write as _;
use std::path::Path;
use std::time::Instant;

use super::Context;
use super::summarize::summarize;
use crate::cli::MetricsArgs;
use crate::error::{Error, Result};
use crate::postfix::{Origins, mail_system_down};
use crate::queue::QueueName;
use crate::render::Exposition;
use crate::selection::Selection;
use crate::summary::{BUCKET_COUNT, Group, Grouping, Stats, Summary, bucket_label};

/// The file in `--textfile DIR` (node_exporter reads `*.prom`).
const TEXTFILE: &str = "postq.prom";

pub fn run(ctx: &mut Context<'_>, args: &MetricsArgs) -> Result<()> {
    let started = Instant::now();
    let origins = ctx.sampled_origins().ok();
    let mut groupings = vec![Grouping::Sender, Grouping::SenderDomain];
    if ctx.settings.fleet() {
        groupings.push(Grouping::Host);
    }
    if origins.is_some() {
        groupings.push(Grouping::Origin);
    }
    let everything = Selection::from_args(&Default::default())?;
    let top = usize::from(args.top);
    let read = summarize(
        ctx,
        &everything,
        &groupings,
        origins.as_ref().map(|origins| origins as &dyn Origins),
        top,
    )
    .and_then(|(report, summary)| match report.malformed_error() {
        Some(err) => Err(err),
        None => Ok(Reading {
            summary,
            postfix_down: mail_system_down(&report.warnings),
            took: started.elapsed().as_secs_f64(),
            origins: origins
                .as_ref()
                .map(|origins| (origins.found(), origins.is_whole())),
        }),
    });
    let text = match &read {
        Ok(reading) => exposition(Some(reading), args),
        Err(_) => exposition(None, args),
    };
    match &args.textfile {
        Some(dir) => write_atomically(dir, &text)?,
        None => ctx.console.out.write_all(text.as_bytes())?,
    }
    read.map(|_| ())
}

/// A per-queue gauge's value: of the queue's numbers, at `now`.
type QueueValue = fn(&Stats, i64) -> u64;

/// One whole reading of the queue.
struct Reading {
    summary: Summary,
    /// postqueue read the queue files itself: nothing is being delivered.
    postfix_down: bool,
    /// Seconds the listing and weighing took.
    took: f64,
    /// Origins read: of how many messages, and whether of every one (else a sample).
    origins: Option<(u64, bool)>,
}

/// The metrics of one reading (`None`: the listing failed).
fn exposition(reading: Option<&Reading>, args: &MetricsArgs) -> String {
    let mut out = Exposition::new(args.openmetrics);
    out.gauge(
        "postq_listing_success",
        "Whether postqueue -j listed the whole queue (1) or failed (0, and no queue series).",
    );
    out.sample("postq_listing_success", &[], f64::from(reading.is_some()));
    let Some(reading) = reading else {
        return out.finish();
    };
    out.gauge(
        "postq_listing_duration_seconds",
        "How long listing and weighing the queue took.",
    );
    out.sample(
        "postq_listing_duration_seconds",
        &[],
        round_ms(reading.took),
    );
    out.gauge(
        "postq_postfix_up",
        "Whether Postfix is running (0: postqueue said the mail system is down and read the \
         queue files itself, as it does for root).",
    );
    out.sample("postq_postfix_up", &[], f64::from(!reading.postfix_down));
    let summary = &reading.summary;
    let queue_gauges: [(&str, &str, QueueValue); 3] = [
        (
            "postq_queue_messages",
            "Messages in each Postfix queue.",
            |stats, _| stats.count,
        ),
        (
            "postq_queue_bytes",
            "Bytes of the messages in each Postfix queue (postqueue's message_size).",
            |stats, _| stats.bytes,
        ),
        (
            "postq_queue_oldest_age_seconds",
            "Age of the oldest message in each queue; 0 when the queue is empty.",
            |stats, now| stats.oldest_age(now).unsigned_abs(),
        ),
    ];
    for (name, help, value) in queue_gauges {
        out.gauge(name, help);
        for queue in QueueName::ALL {
            let stats = &summary.queues[queue.index()];
            let value = value(stats, summary.now) as f64;
            out.sample(name, &[("queue", queue.as_str())], value);
        }
    }
    out.gauge(
        "postq_queue_age_messages",
        "Messages in each queue by age, in qshape's buckets (0-5m, 5-10m, ... 1280m+): \
         each message in one bucket.",
    );
    for queue in QueueName::ALL {
        for bucket in 0..BUCKET_COUNT {
            let count = summary.queue_ages[queue.index()][bucket];
            out.sample(
                "postq_queue_age_messages",
                &[("queue", queue.as_str()), ("age", &bucket_label(bucket))],
                count as f64,
            );
        }
    }
    let tops = [
        (
            Grouping::Sender,
            "postq_top_sender_messages",
            "sender",
            "Messages of the largest envelope senders, all queues (at most --top series).",
        ),
        (
            Grouping::SenderDomain,
            "postq_top_sender_domain_messages",
            "domain",
            "Messages of the largest sender domains, all queues (at most --top series).",
        ),
    ];
    for (grouping, name, label, help) in tops {
        out.gauge(name, help);
        for group in top_groups(summary, grouping, args.top) {
            out.sample(name, &[(label, &group.key)], group.stats.count as f64);
        }
    }
    if let Some(places) = summary.grouping(Grouping::Host) {
        out.gauge(
            "postq_host_messages",
            "Messages on each host or instance read (--host, --hosts, --instance).",
        );
        for place in places {
            out.sample(
                "postq_host_messages",
                &[("host", &place.key)],
                place.stats.count as f64,
            );
        }
    }
    origin_gauges(&mut out, reading, args.top);
    out.finish()
}

/// The largest `top` groups of a grouping, without mail whose origin could not be read
/// (grouped under "": not a source).
fn top_groups(summary: &Summary, grouping: Grouping, top: u16) -> impl Iterator<Item = &Group> {
    summary
        .grouping(grouping)
        .unwrap_or_default()
        .iter()
        .filter(|group| !group.key.is_empty())
        .take(usize::from(top))
}

/// Who sent the mail, from the queue files: exact counts when every file was read, shares
/// of the sample otherwise.
fn origin_gauges(out: &mut Exposition, reading: &Reading, top: u16) {
    let (read, whole) = reading.origins.unwrap_or((0, false));
    out.gauge(
        "postq_origins_read",
        "Whether who sent the messages was read from the queue files (needs root).",
    );
    out.sample(
        "postq_origins_read",
        &[],
        f64::from(reading.origins.is_some()),
    );
    out.gauge(
        "postq_origins_read_messages",
        "Messages whose queue file was read for who sent them: every one up to 10,000 \
         messages, else a sample of about 10,000.",
    );
    out.sample("postq_origins_read_messages", &[], read as f64);
    let origins: Vec<&Group> = top_groups(&reading.summary, Grouping::Origin, top).collect();
    out.gauge(
        "postq_top_origin_share",
        "Share (0 to 1) of the messages read that the largest origins sent: sasl:ACCOUNT, \
         local:USER or client:IP (at most --top series).",
    );
    for group in &origins {
        let share = group.stats.count as f64 / read.max(1) as f64;
        out.sample(
            "postq_top_origin_share",
            &[("origin", &group.key)],
            (share * 10_000.0).round() / 10_000.0,
        );
    }
    out.gauge(
        "postq_top_origin_messages",
        "Messages of the largest origins, when every queue file was read (10,000 messages \
         or fewer; else see postq_top_origin_share).",
    );
    for group in origins.iter().filter(|_| whole) {
        out.sample(
            "postq_top_origin_messages",
            &[("origin", &group.key)],
            group.stats.count as f64,
        );
    }
}

/// Durations to the millisecond: what a scrape can tell apart.
fn round_ms(seconds: f64) -> f64 {
    (seconds * 1000.0).round() / 1000.0
}

/// node_exporter may read the directory at any moment: the metrics are written whole to a
/// temporary name it ignores (not `*.prom`), then renamed over the old file.
fn write_atomically(dir: &Path, text: &str) -> Result<()> {
    let path = dir.join(TEXTFILE);
    let temporary = dir.join(format!(".{TEXTFILE}.{}.tmp", std::process::id()));
    let written = fs::File::create(&temporary)
        .and_then(|mut file| {
            file.write_all(text.as_bytes())?;
            file.sync_all()
        })
        .and_then(|()| fs::rename(&temporary, &path));
    written.map_err(|source| {
        let _ = fs::remove_file(&temporary);
        Error::Textfile { path, source }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queue::parse_line;
    use crate::summary::Aggregator;

    fn args(top: u16) -> MetricsArgs {
        MetricsArgs {
            textfile: None,
            top,
            openmetrics: false,
        }
    }

    fn summary(lines: &[(&str, &str, i64)]) -> Summary {
        let groupings = [Grouping::Sender, Grouping::SenderDomain];
        let mut aggregator = Aggregator::new(&groupings, 100_000);
        for (n, (queue, sender, arrival)) in lines.iter().enumerate() {
            let line = format!(
                r#"{{"queue_name": "{queue}", "queue_id": "A{n}", "arrival_time": {arrival}, "message_size": 100, "sender": "{sender}", "recipients": []}}"#
            );
            aggregator.add(&parse_line(1, &line).unwrap().entry);
        }
        aggregator.finish()
    }

    fn reading(summary: Summary) -> Reading {
        Reading {
            summary,
            postfix_down: false,
            took: 0.25,
            origins: None,
        }
    }

    fn value(text: &str, series: &str) -> Option<f64> {
        text.lines()
            .find_map(|line| line.strip_prefix(series)?.strip_prefix(' '))
            .map(|value| value.parse().unwrap())
    }

    #[test]
    fn every_queue_has_its_series_and_ages_fall_in_qshape_buckets() {
        let summary = summary(&[
            ("deferred", "a@x.example", 100_000 - 7 * 60),
            ("deferred", "a@x.example", 100_000 - 2 * 86_400),
            ("hold", "b@y.example", 100_000 - 60),
        ]);
        let text = exposition(Some(&reading(summary)), &args(10));
        let has = |series: &str| value(&text, series);
        assert_eq!(has("postq_queue_messages{queue=\"deferred\"}"), Some(2.0));
        assert_eq!(has("postq_queue_messages{queue=\"active\"}"), Some(0.0));
        assert_eq!(has("postq_queue_messages{queue=\"maildrop\"}"), Some(0.0));
        assert_eq!(has("postq_queue_bytes{queue=\"deferred\"}"), Some(200.0));
        assert_eq!(
            has("postq_queue_oldest_age_seconds{queue=\"deferred\"}"),
            Some(172_800.0)
        );
        assert_eq!(
            has("postq_queue_oldest_age_seconds{queue=\"incoming\"}"),
            Some(0.0)
        );
        let age = |queue: &str, bucket: &str| {
            has(&format!(
                "postq_queue_age_messages{{queue=\"{queue}\",age=\"{bucket}\"}}"
            ))
        };
        assert_eq!(age("deferred", "5-10m"), Some(1.0));
        assert_eq!(age("deferred", "1280m+"), Some(1.0));
        assert_eq!(age("deferred", "0-5m"), Some(0.0));
        assert_eq!(age("hold", "0-5m"), Some(1.0));
        assert_eq!(
            has("postq_top_sender_messages{sender=\"a@x.example\"}"),
            Some(2.0)
        );
        assert_eq!(has("postq_listing_success"), Some(1.0));
        assert_eq!(has("postq_listing_duration_seconds"), Some(0.25));
        assert_eq!(has("postq_postfix_up"), Some(1.0));
        assert_eq!(has("postq_origins_read"), Some(0.0));
        // One HELP and TYPE per family, and no family twice.
        let families: Vec<&str> = text.lines().filter(|l| l.starts_with("# TYPE")).collect();
        let mut unique = families.clone();
        unique.dedup();
        assert_eq!(families.len(), unique.len());
    }

    #[test]
    fn top_caps_the_labelled_series() {
        let lines: Vec<(String, i64)> = (0..30)
            .map(|n| (format!("s{n}@d{n}.example"), 99_000))
            .collect();
        let lines: Vec<(&str, &str, i64)> = lines
            .iter()
            .map(|(sender, at)| ("deferred", sender.as_str(), *at))
            .collect();
        let text = exposition(Some(&reading(summary(&lines))), &args(3));
        let count = |prefix: &str| text.lines().filter(|l| l.starts_with(prefix)).count();
        assert_eq!(count("postq_top_sender_messages{"), 3);
        assert_eq!(count("postq_top_sender_domain_messages{"), 3);
        let none = exposition(Some(&reading(summary(&lines))), &args(0));
        assert!(!none.contains("postq_top_sender_messages{"));
    }

    #[test]
    fn a_failed_listing_says_so_and_gives_no_queue_series() {
        let text = exposition(None, &args(10));
        assert_eq!(value(&text, "postq_listing_success"), Some(0.0));
        assert!(!text.contains("postq_queue_messages"));
        assert!(!text.contains("postq_postfix_up"));
    }
}
