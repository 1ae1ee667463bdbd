//! `postq check`: a monitoring plugin (the Monitoring Plugins development guidelines): one
//! status line with performance data on stdout, exit 0 OK, 1 WARNING, 2 CRITICAL,
//! 3 UNKNOWN. Whatever goes wrong (postqueue fails, stalls past --timeout, bad thresholds)
//! is UNKNOWN with the reason, never a hang and never another exit status.

use std::fmt::Write as _;

use super::Context;
use super::summarize::{preview_command, summarize};
use crate::cli::CheckArgs;
use crate::error::{Error, Result};
use crate::postfix::{Origins, Sampled, mail_system_down};
use crate::queue::QueueName;
use crate::render::{escape_untrusted, format_age, format_count};
use crate::selection::Selection;
use crate::selection::parse_duration;
use crate::summary::{Grouping, Summary, selector_of};

/// A state, in the guidelines' order of severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum State {
    Ok = 0,
    Warning = 1,
    Critical = 2,
    Unknown = 3,
}

impl State {
    fn name(self) -> &'static str {
        match self {
            State::Ok => "OK",
            State::Warning => "WARNING",
            State::Critical => "CRITICAL",
            State::Unknown => "UNKNOWN",
        }
    }
}

/// A threshold range, as the guidelines write them: `10` (0..10), `10:` (10..), `~:10`
/// (..10), `10:20`, and `@10:20` (alert inside instead of outside).
#[derive(Debug, Clone, PartialEq)]
struct Range {
    low: Option<f64>,
    high: Option<f64>,
    inside: bool,
    text: String,
}

impl Range {
    fn parse(text: &str) -> Option<Range> {
        let trimmed = text.trim();
        let (inside, body) = match trimmed.strip_prefix('@') {
            Some(rest) => (true, rest),
            None => (false, trimmed),
        };
        let number = |s: &str| s.parse::<f64>().ok().filter(|n| n.is_finite());
        let (low, high) = match body.split_once(':') {
            None => (Some(0.0), Some(number(body)?)),
            Some(("~", high)) => (
                None,
                if high.is_empty() {
                    None
                } else {
                    Some(number(high)?)
                },
            ),
            Some((low, "")) => (Some(number(low)?), None),
            Some((low, high)) => (Some(number(low)?), Some(number(high)?)),
        };
        if let (Some(low), Some(high)) = (low, high)
            && low > high
        {
            return None;
        }
        Some(Range {
            low,
            high,
            inside,
            text: trimmed.to_string(),
        })
    }

    /// Whether `value` raises the alert.
    fn alerts(&self, value: f64) -> bool {
        let within =
            self.low.is_none_or(|low| value >= low) && self.high.is_none_or(|high| value <= high);
        if self.inside { within } else { !within }
    }
}

pub fn run(ctx: &mut Context<'_>, args: &CheckArgs) -> Result<()> {
    let (state, line) = match check(ctx, args) {
        Ok(found) => found,
        Err(err) => {
            // One line, as the guidelines want: the reason's lines and indents joined.
            let mut reason = err.to_string();
            if let Some(hint) = err.hint() {
                reason = format!("{reason}; {hint}");
            }
            let reason = reason.split_whitespace().collect::<Vec<_>>().join(" ");
            (
                State::Unknown,
                format!("POSTQ UNKNOWN - {}", escape_untrusted(&reason)),
            )
        }
    };
    ctx.console.out.write_all(format!("{line}\n").as_bytes())?;
    match state {
        State::Ok => Ok(()),
        other => Err(Error::Check(other as u8)),
    }
}

/// Reads the queue once and weighs it: the state and the line (status | perfdata).
fn check(ctx: &mut Context<'_>, args: &CheckArgs) -> Result<(State, String)> {
    let range = |name: &str, text: &str| {
        Range::parse(text).ok_or_else(|| {
            Error::usage_with_hint(
                format!("invalid range '{text}' for --{name}"),
                "ranges: 10 (0 to 10), 10: (10 and more), ~:10, 10:20, @10:20 (alert inside)",
            )
        })
    };
    let warn_messages = range("warn-messages", &args.warn_messages)?;
    let crit_messages = range("crit-messages", &args.crit_messages)?;
    let warn_bytes = args
        .warn_bytes
        .as_deref()
        .map(|t| range("warn-bytes", t))
        .transpose()?;
    let crit_bytes = args
        .crit_bytes
        .as_deref()
        .map(|t| range("crit-bytes", t))
        .transpose()?;

    for (name, share) in [
        ("flood-warn-share", args.flood_warn_share),
        ("flood-crit-share", args.flood_crit_share),
    ] {
        if !(0.0..=1.0).contains(&share) {
            return Err(Error::usage_with_hint(
                format!("invalid --{name} '{share}'"),
                "a share of the queue from 0 to 1, 0.5 is half",
            ));
        }
    }
    let warn_queue = per_queue("warn-queue", &args.warn_queue, Range::parse)?;
    let crit_queue = per_queue("crit-queue", &args.crit_queue, Range::parse)?;
    let age = |text: &str| parse_duration(text).ok();
    let warn_queue_age = per_queue("warn-queue-age", &args.warn_queue_age, age)?;
    let crit_queue_age = per_queue("crit-queue-age", &args.crit_queue_age, age)?;

    // Who floods: by account where the queue files can be read, else by sender.
    let (origins, degraded) = match ctx.sampled_origins() {
        Ok(origins) => (Some(origins), None),
        Err(why) => (None, Some(why.briefly())),
    };
    let mut groupings = vec![Grouping::Sender, Grouping::SenderDomain];
    if origins.is_some() {
        groupings.push(Grouping::Origin);
    }
    let (summary, warnings) = read(
        ctx,
        &groupings,
        origins.as_ref().map(|origins| origins as &dyn Origins),
    )?;
    // Accounts weighed in a sample: how many messages it read.
    let sample = origins
        .as_ref()
        .filter(|origins| !origins.is_whole())
        .map(Sampled::found);
    let now = summary.now;
    let total = &summary.total;
    let oldest = total.oldest_age(now);

    let mut state = State::Ok;
    let mut problems: Vec<String> = Vec::new();
    let mut raise = |level: State, text: String| {
        state = state.max(level);
        problems.push(text);
    };
    // As root with Postfix stopped, postqueue reads the queue files itself and only warns:
    // UNKNOWN (the issue's and the guidelines' word for a service that cannot be checked),
    // with what the files say.
    if mail_system_down(&warnings) {
        // The queue is known but not its service: nothing is delivered, nothing arrives.
        raise(
            State::Unknown,
            "Postfix is not running (postqueue read the queue files directly)".to_string(),
        );
    }
    let count = total.count as f64;
    if crit_messages.alerts(count) {
        raise(
            State::Critical,
            format!("{} messages", format_count(total.count)),
        );
    } else if warn_messages.alerts(count) {
        raise(
            State::Warning,
            format!("{} messages", format_count(total.count)),
        );
    }
    let bytes = total.bytes as f64;
    if crit_bytes.as_ref().is_some_and(|r| r.alerts(bytes)) {
        raise(
            State::Critical,
            format!("{} bytes", format_count(total.bytes)),
        );
    } else if warn_bytes.as_ref().is_some_and(|r| r.alerts(bytes)) {
        raise(
            State::Warning,
            format!("{} bytes", format_count(total.bytes)),
        );
    }
    if total.count > 0 && oldest > args.crit_age {
        raise(
            State::Critical,
            format!("the oldest is {} old", format_age(oldest)),
        );
    } else if total.count > 0 && oldest > args.warn_age {
        raise(
            State::Warning,
            format!("the oldest is {} old", format_age(oldest)),
        );
    }
    for queue in QueueName::ALL {
        let stats = summary.queues[queue.index()];
        let (count, name) = (stats.count, queue.as_str());
        let at = queue.index();
        if crit_queue[at]
            .as_ref()
            .is_some_and(|r| r.alerts(count as f64))
        {
            raise(
                State::Critical,
                format!("{} in {name}", format_count(count)),
            );
        } else if warn_queue[at]
            .as_ref()
            .is_some_and(|r| r.alerts(count as f64))
        {
            raise(State::Warning, format!("{} in {name}", format_count(count)));
        }
        let oldest = stats.oldest_age(now);
        let text = || format!("the oldest in {name} is {} old", format_age(oldest));
        if count > 0 && crit_queue_age[at].is_some_and(|limit| oldest > limit) {
            raise(State::Critical, text());
        } else if count > 0 && warn_queue_age[at].is_some_and(|limit| oldest > limit) {
            raise(State::Warning, text());
        }
    }
    let flood = flood(&summary, args, sample);
    if let Some(flood) = &flood {
        raise(flood.level, flood.text(&summary));
    }

    let mut line = format!("POSTQ {} - ", state.name());
    if problems.is_empty() && total.count == 0 {
        line.push_str("the queue is empty");
    } else if problems.is_empty() {
        let _ = write!(
            line,
            "{} messages, the oldest {} old",
            format_count(total.count),
            format_age(oldest)
        );
    } else {
        line.push_str(&problems.join("; "));
    }
    if let Some(why) = &degraded {
        let _ = write!(line, " (floods by sender: {why})");
    }
    if let Some(selector) = flood.as_ref().and_then(|f| selector_of(f.grouping, f.key)) {
        let _ = write!(
            line,
            "; preview its removal: {}",
            preview_command(ctx.settings, &selector)
        );
    }
    line.push_str(" | ");
    let per_queue = PerQueueThresholds {
        warn: &warn_queue,
        crit: &crit_queue,
        warn_age: &warn_queue_age,
        crit_age: &crit_queue_age,
    };
    line.push_str(&perfdata(
        &summary,
        args,
        (&warn_messages, &crit_messages),
        &per_queue,
    ));
    Ok((state, line))
}

/// One pass over the whole queue, as `summary` makes it; with postqueue's warnings.
fn read(
    ctx: &mut Context<'_>,
    groupings: &[Grouping],
    origins: Option<&dyn Origins>,
) -> Result<(Summary, Vec<String>)> {
    let everything = Selection::from_args(&Default::default())?;
    // The flood rule weighs the largest source of each grouping.
    let (report, summary) = summarize(ctx, &everything, groupings, origins, 1)?;
    if let Some(err) = report.malformed_error() {
        return Err(err);
    }
    Ok((summary, report.warnings))
}

/// One source holding too much of the queue.
struct Flood<'s> {
    level: State,
    grouping: Grouping,
    key: &'s str,
    /// Its messages (estimated from the sample when there is one).
    count: u64,
    share: f64,
    /// The messages whose origin was read, when only a sample was.
    sample: Option<u64>,
}

/// The flood: of the largest source by account (origin, where read), by sender and by
/// sender domain, the one at the worst level; on a tie the most specific, so the command
/// given removes the account's mail, not its whole domain's. Accounts read in a `sample`
/// (of that many messages) are weighed by their share of it.
fn flood<'s>(summary: &'s Summary, args: &CheckArgs, sample: Option<u64>) -> Option<Flood<'s>> {
    let total = summary.total.count;
    let mut worst: Option<Flood<'s>> = None;
    for grouping in [Grouping::Origin, Grouping::Sender, Grouping::SenderDomain] {
        let Some(top) = summary.grouping(grouping).and_then(|groups| groups.first()) else {
            continue;
        };
        // Mail whose origin could not be read groups under "": not a source.
        if top.key.is_empty() {
            continue;
        }
        let sample = sample.filter(|_| grouping == Grouping::Origin);
        let (count, share) = match sample {
            Some(read) => {
                let share = top.stats.count as f64 / read.max(1) as f64;
                ((share * total as f64).round() as u64, share)
            }
            None => (
                top.stats.count,
                top.stats.count as f64 / total.max(1) as f64,
            ),
        };
        let level = if share > args.flood_crit_share && count > args.flood_crit_count {
            State::Critical
        } else if share > args.flood_warn_share && count > args.flood_warn_count {
            State::Warning
        } else {
            State::Ok
        };
        if level > State::Ok && worst.as_ref().is_none_or(|worst| level > worst.level) {
            worst = Some(Flood {
                level,
                grouping,
                key: &top.key,
                count,
                share,
                sample,
            });
        }
    }
    worst
}

impl Flood<'_> {
    /// The flood rule's problem text: who, how much.
    fn text(&self, summary: &Summary) -> String {
        let key = self.key;
        let who = match self.grouping {
            Grouping::Origin => match key.split_once(':') {
                Some(("sasl", name)) => format!("the account {}", escape_untrusted(name)),
                Some(("local", user)) => format!("the local user {}", escape_untrusted(user)),
                Some((_, ip)) => format!("the client {}", escape_untrusted(ip)),
                None => escape_untrusted(key).into_owned(),
            },
            Grouping::SenderDomain => format!("the sender domain {}", escape_untrusted(key)),
            _ => format!("the sender {}", escape_untrusted(key)),
        };
        let total = format_count(summary.total.count);
        let percent = self.share * 100.0;
        match self.sample {
            Some(read) => format!(
                "flood: {who} holds about {percent:.0}% of {total} (a sample of {} queue files read)",
                format_count(read)
            ),
            None => format!(
                "flood: {who} holds {} of {total} ({percent:.0}%)",
                format_count(self.count)
            ),
        }
    }
}

/// Thresholds given per queue, by [`QueueName::index`].
struct PerQueueThresholds<'a> {
    warn: &'a [Option<Range>; 5],
    crit: &'a [Option<Range>; 5],
    warn_age: &'a [Option<i64>; 5],
    crit_age: &'a [Option<i64>; 5],
}

/// `QUEUE=VALUE` options, by queue; a bad one names itself.
fn per_queue<T>(
    name: &str,
    specs: &[String],
    parse: impl Fn(&str) -> Option<T>,
) -> Result<[Option<T>; 5]> {
    let mut found: [Option<T>; 5] = Default::default();
    for spec in specs {
        let parsed = spec
            .split_once('=')
            .and_then(|(queue, value)| Some((QueueName::parse(queue.trim())?, parse(value)?)));
        let Some((queue, value)) = parsed else {
            return Err(Error::usage_with_hint(
                format!("invalid --{name} '{spec}'"),
                "as QUEUE=VALUE, QUEUE one of maildrop, incoming, active, deferred, hold",
            ));
        };
        found[queue.index()] = Some(value);
    }
    Ok(found)
}

/// Performance data, in the guidelines' `label=value[UOM];[warn];[crit];[min];[max]`:
/// totals, then each queue's messages and oldest age (every queue, even when empty).
fn perfdata(
    summary: &Summary,
    args: &CheckArgs,
    (warn, crit): (&Range, &Range),
    per_queue: &PerQueueThresholds<'_>,
) -> String {
    let total = &summary.total;
    let mut data = format!(
        "messages={};{};{};0 bytes={}B;{};{};0 oldest_age={}s;{};{};0",
        total.count,
        warn.text,
        crit.text,
        total.bytes,
        args.warn_bytes.as_deref().unwrap_or(""),
        args.crit_bytes.as_deref().unwrap_or(""),
        total.oldest_age(summary.now),
        args.warn_age,
        args.crit_age
    );
    let text = |range: &Option<Range>| range.as_ref().map_or("", |r| r.text.as_str()).to_string();
    let seconds = |age: &Option<i64>| age.map_or(String::new(), |s| s.to_string());
    for queue in QueueName::ALL {
        let stats = summary.queues[queue.index()];
        let at = queue.index();
        let _ = write!(
            data,
            " {name}={};{};{};0 {name}_oldest_age={}s;{};{};0",
            stats.count,
            text(&per_queue.warn[at]),
            text(&per_queue.crit[at]),
            stats.oldest_age(summary.now),
            seconds(&per_queue.warn_age[at]),
            seconds(&per_queue.crit_age[at]),
            name = queue.as_str(),
        );
    }
    data
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_as_the_guidelines_write_them() {
        // (range, value, alerts)
        let cases = [
            ("10", 5.0, false),
            ("10", 11.0, true),
            ("10", -1.0, true),
            ("10:", 9.0, true),
            ("10:", 10.0, false),
            ("~:10", -5.0, false),
            ("~:10", 11.0, true),
            ("10:20", 15.0, false),
            ("10:20", 21.0, true),
            ("@10:20", 15.0, true),
            ("@10:20", 21.0, false),
        ];
        for (text, value, alerts) in cases {
            let range = Range::parse(text).unwrap();
            assert_eq!(range.alerts(value), alerts, "{text} {value}");
        }
        for bad in ["", "x", "20:10", "1:2:3", "@"] {
            assert!(Range::parse(bad).is_none(), "{bad}");
        }
    }

    /// 1,000 messages under forged senders; the origins of 100 of them read: 90 from one
    /// account.
    fn sampled_queue() -> Summary {
        use crate::queue::{Origin, parse_line};
        use crate::summary::Aggregator;
        let groupings = [Grouping::Origin, Grouping::Sender, Grouping::SenderDomain];
        let mut aggregator = Aggregator::new(&groupings, 1_000);
        for n in 0..1_000 {
            let line = format!(
                r#"{{"queue_name": "deferred", "queue_id": "A{n}", "arrival_time": 900, "message_size": 10, "sender": "s{n}@d{n}.example", "recipients": []}}"#
            );
            let mut parsed = parse_line(1, &line).unwrap();
            if n % 10 == 0 {
                let account = if n < 900 {
                    "bad@customer.example"
                } else {
                    "good"
                };
                parsed.entry.origin = Some(Box::new(Origin {
                    sasl_username: Some(account.into()),
                    ..Origin::default()
                }));
            }
            aggregator.add(&parsed.entry);
        }
        aggregator.finish()
    }

    #[test]
    fn accounts_read_in_a_sample_are_weighed_by_their_share_of_it() {
        let cli = <crate::cli::Cli as clap::Parser>::try_parse_from(["postq", "check"]).unwrap();
        let crate::cli::Command::Check(args) = cli.command else {
            unreachable!()
        };
        let summary = sampled_queue();
        // 90 of the 100 read: about 900 of 1,000, past the warning's 50% and 100 messages.
        let found = flood(&summary, &args, Some(100)).unwrap();
        assert_eq!(found.level, State::Warning);
        assert_eq!(found.key, "sasl:bad@customer.example");
        assert_eq!(found.count, 900);
        assert_eq!(
            found.text(&summary),
            "flood: the account bad@customer.example holds about 90% of 1,000 (a sample of 100 queue files read)"
        );
        // Counted as if every file had been read, the 90 would be 9%: no flood.
        assert!(flood(&summary, &args, None).is_none());
    }
}
