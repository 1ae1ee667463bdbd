//! `postq watch`: the queue during an incident, read again and again. Each reading is a
//! whole listing (counts per queue, the messages seen, who sent them); two readings in a
//! row give the change, the flow in and out, and who grows fastest. On a terminal it is a
//! full-screen view (crossterm: raw mode for the keys, the alternate screen so the
//! terminal is left as it was); otherwise one line per reading, for logs.

use std::collections::hash_map::DefaultHasher;
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};
use std::io::IsTerminal;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use crossterm::{cursor, execute, terminal};
use hashbrown::{HashMap, HashSet};

use super::Context;
use crate::cli::WatchArgs;
use crate::error::{Error, Result};
use crate::postfix::{Origins, mail_system_down};
use crate::queue::{QueueEntry, QueueName};
use crate::render::{escape_untrusted, format_age, format_count};
use crate::scan::{parse_threads, scan_parallel};
use crate::selection::{Selection, Selector, parse_duration};
use crate::signals;
use crate::summary::{Aggregator, Grouping, Stats};

pub fn run(ctx: &mut Context<'_>, args: &WatchArgs) -> Result<()> {
    if ctx.settings.input.is_some() {
        return Err(Error::usage_with_hint(
            "watch reads the live queue again and again; a saved listing (--input) does not move",
            "drop --input, or use postq summary --input FILE",
        ));
    }
    let interval = parse_duration(&args.interval)
        .map_err(|err| Error::usage_with_hint(err.to_string(), "e.g. --interval 5s"))?;
    if interval < 1 {
        return Err(Error::usage_with_hint(
            format!("invalid --interval '{}': at least 1s", args.interval),
            "e.g. --interval 5s",
        ));
    }
    let interval = Duration::from_secs(interval.unsigned_abs());
    let mut watch = Watch {
        interval,
        top: usize::from(args.top),
        previous: None,
    };
    if ctx.settings.terminal.stdout && std::io::stdin().is_terminal() {
        watch.live(ctx)
    } else {
        watch.lines(ctx)
    }
}

/// One whole listing of the queue.
struct Reading {
    /// When it started.
    at: Instant,
    /// Epoch seconds then, for ages.
    now: i64,
    took: Duration,
    total: Stats,
    queues: [Stats; 5],
    /// Each message seen (queue ID and arrival time, hashed): what came and went.
    seen: HashSet<u64>,
    /// Messages per account (origin) where the queue files are read, else per sender.
    sources: HashMap<Box<str>, u64>,
    by_origin: bool,
    malformed: u64,
    postfix_down: bool,
}

/// What one reading shows, against the one before.
#[derive(Debug, PartialEq)]
struct View {
    now: i64,
    took: Duration,
    total: (u64, Option<i64>, i64),
    /// Per queue: messages, change, the oldest's age.
    queues: Vec<(QueueName, u64, Option<i64>, i64)>,
    /// Messages per minute that arrived and left between the two readings.
    flow: Option<(f64, f64)>,
    /// The sources that grew most: key, growth, messages now.
    growing: Vec<(String, i64, u64)>,
    by_origin: bool,
    malformed: u64,
    postfix_down: bool,
}

struct Watch {
    interval: Duration,
    top: usize,
    previous: Option<Reading>,
}

impl Watch {
    /// One line per reading, until a signal ends postq.
    fn lines(&mut self, ctx: &mut Context<'_>) -> Result<()> {
        loop {
            let started = Instant::now();
            match read(ctx) {
                Ok(reading) => {
                    let view = View::between(self.previous.as_ref(), &reading, self.top);
                    ctx.console.out.write_all(view.line().as_bytes())?;
                    ctx.console.out.writer().flush().map_err(Error::Output)?;
                    self.previous = Some(reading);
                }
                Err(err) => ctx.console.warn(&format!("reading the queue: {err}")),
            }
            std::thread::sleep(self.pause(started.elapsed()));
        }
    }

    /// The full-screen view, until q, Esc or Ctrl-C.
    fn live(&mut self, ctx: &mut Context<'_>) -> Result<()> {
        let _screen = Screen::enter()?;
        let mut shown: Option<(View, Option<String>)> = None;
        loop {
            let failure = match read(ctx) {
                Ok(reading) => {
                    let view = View::between(self.previous.as_ref(), &reading, self.top);
                    self.previous = Some(reading);
                    shown = Some((view, None));
                    None
                }
                Err(err) => Some(err.to_string()),
            };
            if let (Some(failure), Some((_, slot))) = (&failure, &mut shown) {
                *slot = Some(failure.clone());
            }
            let draw = |ctx: &mut Context<'_>, shown: &Option<(View, Option<String>)>| {
                let (width, height) = match terminal::size() {
                    // A terminal that does not say its size (a bare pseudo-terminal).
                    Ok((0, _) | (_, 0)) | Err(_) => (80, 24),
                    Ok(size) => size,
                };
                let lines = match shown {
                    Some((view, failure)) => {
                        view.frame(self.interval, failure.as_deref(), usize::from(width))
                    }
                    None => vec![format!(
                        "postq watch: reading the queue failed: {}",
                        failure.as_deref().unwrap_or("")
                    )],
                };
                draw_frame(ctx, &lines, usize::from(height))
            };
            draw(ctx, &shown)?;
            let took = self.previous.as_ref().map_or(Duration::ZERO, |p| p.took);
            let deadline = Instant::now() + self.pause(took);
            loop {
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    break;
                }
                if !event::poll(left).map_err(Error::Output)? {
                    continue;
                }
                match event::read().map_err(Error::Output)? {
                    Event::Key(key) if key.kind != KeyEventKind::Release && quits(key) => {
                        return Ok(());
                    }
                    Event::Resize(..) => draw(ctx, &shown)?,
                    _ => {}
                }
            }
        }
    }

    /// How long to wait after a reading that took `took`: the rest of the interval, and
    /// never less than the reading took (postqueue is not kept busy more than half the time).
    fn pause(&self, took: Duration) -> Duration {
        self.interval.saturating_sub(took).max(took)
    }
}

fn quits(key: event::KeyEvent) -> bool {
    let control = key.modifiers.contains(KeyModifiers::CONTROL);
    matches!(key.code, KeyCode::Char('q' | 'Q') | KeyCode::Esc)
        || (control && matches!(key.code, KeyCode::Char('c' | 'd')))
}

/// The terminal in watch's mode; put back as it was when dropped, or by a signal.
struct Screen;

impl Screen {
    fn enter() -> Result<Screen> {
        terminal::enable_raw_mode().map_err(Error::Output)?;
        // From here on the terminal is put back whatever happens.
        let screen = Screen;
        signals::restore_on_exit(Some(Box::new(Screen::restore)));
        execute!(
            std::io::stdout(),
            terminal::EnterAlternateScreen,
            cursor::Hide
        )
        .map_err(Error::Output)?;
        Ok(screen)
    }

    fn restore() {
        let _ = execute!(
            std::io::stderr(),
            cursor::Show,
            terminal::LeaveAlternateScreen
        );
        let _ = terminal::disable_raw_mode();
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        signals::restore_on_exit(None);
        let _ = execute!(
            std::io::stdout(),
            cursor::Show,
            terminal::LeaveAlternateScreen
        );
        let _ = terminal::disable_raw_mode();
    }
}

/// Clears the screen and writes the lines (as many as fit), in raw mode's line endings.
fn draw_frame(ctx: &mut Context<'_>, lines: &[String], height: usize) -> Result<()> {
    let mut text = String::from("\x1b[H\x1b[2J");
    for (at, line) in lines.iter().take(height.max(1)).enumerate() {
        if at > 0 {
            text.push_str("\r\n");
        }
        text.push_str(line);
    }
    ctx.console.out.write_all(text.as_bytes())?;
    ctx.console.out.writer().flush().map_err(Error::Output)
}

/// Reads the whole queue once, on every core, with who sent each message where the queue
/// files can be read cheaply.
fn read(ctx: &mut Context<'_>) -> Result<Reading> {
    let at = Instant::now();
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let origins = ctx.origins_if_cheap().ok();
    let by_origin = origins.is_some();
    let grouping = if by_origin {
        Grouping::Origin
    } else {
        Grouping::Sender
    };
    let groupings = [Grouping::Queue, grouping];
    let everything = Selection::from_args(&Default::default())?;
    let origins: Option<&dyn Origins> = origins.as_deref();
    let selector = Selector::new(&everything, now, origins, by_origin);
    let listing = ctx.open_listing()?;
    let parts: Vec<(Aggregator, Vec<u64>)> = (0..parse_threads())
        .map(|_| (Aggregator::new(&groupings, now), Vec::new()))
        .collect();
    let (report, parts) = scan_parallel(
        listing,
        parts,
        |entry| selector.select(entry),
        |(aggregator, seen), line| {
            aggregator.add(&line.entry);
            seen.push(fingerprint(&line.entry));
        },
        // Counted and shown in the view: stderr is the screen.
        |_| {},
    )?;
    selector.finish()?;
    let mut seen = HashSet::new();
    let mut merged = Aggregator::new(&groupings, now);
    for (aggregator, ids) in parts {
        merged.merge(aggregator);
        seen.extend(ids);
    }
    let summary = merged.finish();
    let sources = summary
        .grouping(grouping)
        .unwrap_or_default()
        .iter()
        .filter(|group| !group.key.is_empty())
        .map(|group| (group.key.clone(), group.stats.count))
        .collect();
    Ok(Reading {
        at,
        now,
        took: at.elapsed(),
        total: summary.total,
        queues: summary.queues,
        seen,
        sources,
        by_origin,
        malformed: report.malformed,
        postfix_down: mail_system_down(&report.warnings),
    })
}

/// A message as seen across readings: its queue ID and arrival time (a reused ID is
/// another message).
fn fingerprint(entry: &QueueEntry<'_>) -> u64 {
    let mut hasher = DefaultHasher::new();
    entry.id.hash(&mut hasher);
    entry.arrival_time.hash(&mut hasher);
    hasher.finish()
}

impl View {
    fn between(previous: Option<&Reading>, now: &Reading, top: usize) -> View {
        let change = |before: Option<u64>, after: u64| {
            before.map(|before| i64::try_from(after).unwrap_or(i64::MAX) - before as i64)
        };
        let queues = QueueName::ALL
            .iter()
            .map(|&queue| {
                let stats = now.queues[queue.index()];
                let before = previous.map(|p| p.queues[queue.index()].count);
                (
                    queue,
                    stats.count,
                    change(before, stats.count),
                    stats.oldest_age(now.now),
                )
            })
            .collect();
        let flow = previous.map(|previous| {
            let minutes = now.at.duration_since(previous.at).as_secs_f64().max(1.0) / 60.0;
            let came = now.seen.difference(&previous.seen).count() as f64;
            let went = previous.seen.difference(&now.seen).count() as f64;
            (came / minutes, went / minutes)
        });
        let mut growing: Vec<(String, i64, u64)> = match previous {
            // Counts from another kind of source (origins became unreadable) do not compare.
            Some(previous) if previous.by_origin == now.by_origin => now
                .sources
                .iter()
                .map(|(key, &count)| {
                    let before = previous.sources.get(key).copied().unwrap_or(0);
                    (key.to_string(), count as i64 - before as i64, count)
                })
                .filter(|(_, growth, _)| *growth > 0)
                .collect(),
            _ => Vec::new(),
        };
        growing.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        growing.truncate(top);
        View {
            now: now.now,
            took: now.took,
            total: (
                now.total.count,
                change(previous.map(|p| p.total.count), now.total.count),
                now.total.oldest_age(now.now),
            ),
            queues,
            flow,
            growing,
            by_origin: now.by_origin,
            malformed: now.malformed,
            postfix_down: now.postfix_down,
        }
    }

    /// The full-screen form.
    fn frame(&self, interval: Duration, failure: Option<&str>, width: usize) -> Vec<String> {
        let mut lines = vec![
            format!(
                "postq watch   {}   every {}s, the listing took {:.1}s   q quits",
                clock(self.now),
                interval.as_secs(),
                self.took.as_secs_f64()
            ),
            String::new(),
            format!(
                "{:<10} {:>12} {:>10} {:>10}",
                "queue", "messages", "change", "oldest"
            ),
        ];
        let row = |name: &str, count: u64, change: Option<i64>, oldest: i64| {
            format!(
                "{name:<10} {:>12} {:>10} {:>10}",
                format_count(count),
                change.map_or_else(|| "-".to_string(), signed),
                if count == 0 {
                    String::new()
                } else {
                    format_age(oldest)
                }
            )
        };
        for &(queue, count, change, oldest) in &self.queues {
            lines.push(row(queue.as_str(), count, change, oldest));
        }
        let (count, change, oldest) = self.total;
        lines.push(row("total", count, change, oldest));
        lines.push(String::new());
        lines.push(match self.flow {
            Some((came, went)) => format!(
                "per minute: {} in, {} out (as seen between readings)",
                format_count(came.round() as u64),
                format_count(went.round() as u64)
            ),
            None => "per minute: from the next reading on".to_string(),
        });
        lines.push(String::new());
        let by = if self.by_origin { "account" } else { "sender" };
        lines.push(format!("growing fastest, by {by}:"));
        if self.growing.is_empty() {
            lines.push("  (none)".to_string());
        }
        for (key, growth, count) in &self.growing {
            lines.push(format!(
                "  {:>8}  {:>10} now  {}",
                signed(*growth),
                format_count(*count),
                escape_untrusted(key)
            ));
        }
        if self.postfix_down {
            lines.push(String::new());
            lines.push("Postfix is not running: postqueue read the queue files itself".into());
        }
        if self.malformed > 0 {
            lines.push(format!(
                "{} lines of postqueue's listing were not understood",
                format_count(self.malformed)
            ));
        }
        if let Some(failure) = failure {
            lines.push(String::new());
            lines.push(format!(
                "the last reading failed (showing the one before): {}",
                escape_untrusted(failure)
            ));
        }
        lines
            .into_iter()
            .map(|line| line.chars().take(width.max(20)).collect())
            .collect()
    }

    /// The one-line form, for logs.
    fn line(&self) -> String {
        let mut line = clock(self.now);
        let count = |line: &mut String, name: &str, count: u64, change: Option<i64>| {
            let _ = write!(line, " {name}={count}");
            if let Some(change) = change {
                let _ = write!(line, "({})", signed(change));
            }
        };
        count(&mut line, "total", self.total.0, self.total.1);
        for &(queue, messages, change, _) in &self.queues {
            count(&mut line, queue.as_str(), messages, change);
        }
        let _ = write!(line, " oldest={}s", self.total.2);
        if let Some((came, went)) = self.flow {
            let _ = write!(line, " in/min={came:.0} out/min={went:.0}");
        }
        if let Some((key, growth, _)) = self.growing.first() {
            let by = if self.by_origin { "account" } else { "sender" };
            // Whitespace would split the field for log parsers.
            let key = escape_untrusted(key).replace(char::is_whitespace, "_");
            let _ = write!(line, " growing_{by}={key}({})", signed(*growth));
        }
        if self.postfix_down {
            line.push_str(" postfix=down");
        }
        if self.malformed > 0 {
            let _ = write!(line, " malformed={}", self.malformed);
        }
        line.push('\n');
        line
    }
}

fn signed(change: i64) -> String {
    if change > 0 {
        format!("+{}", format_count(change.unsigned_abs()))
    } else if change < 0 {
        format!("-{}", format_count(change.unsigned_abs()))
    } else {
        "0".to_string()
    }
}

/// UTC time of day, `2026-11-27T13:05:09Z`.
fn clock(epoch: i64) -> String {
    let days = epoch.div_euclid(86_400);
    let seconds = epoch.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm): no date crate
    // for one timestamp.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        seconds / 3600,
        seconds % 3600 / 60,
        seconds % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reading(
        at: Instant,
        queues: &[(QueueName, u64)],
        ids: &[u64],
        sources: &[(&str, u64)],
    ) -> Reading {
        let mut stats = [Stats::default(); 5];
        let mut total = Stats::default();
        for &(queue, count) in queues {
            stats[queue.index()] = Stats {
                count,
                bytes: 0,
                oldest_arrival: 1_000,
                recipients: 0,
            };
            total.count += count;
            total.oldest_arrival = 1_000;
        }
        Reading {
            at,
            now: 1_600,
            took: Duration::from_millis(100),
            total,
            queues: stats,
            seen: ids.iter().copied().collect(),
            sources: sources.iter().map(|(k, n)| ((*k).into(), *n)).collect(),
            by_origin: true,
            malformed: 0,
            postfix_down: false,
        }
    }

    #[test]
    fn the_change_the_flow_and_who_grows_fastest() {
        let start = Instant::now();
        let before = reading(
            start,
            &[(QueueName::Deferred, 3)],
            &[1, 2, 3],
            &[("sasl:a", 2), ("sasl:b", 1)],
        );
        let after = reading(
            start + Duration::from_secs(30),
            &[(QueueName::Deferred, 5), (QueueName::Active, 1)],
            &[2, 3, 4, 5, 6, 7],
            &[("sasl:a", 6), ("sasl:c", 1)],
        );
        let first = View::between(None, &before, 5);
        assert_eq!(first.total.1, None);
        assert_eq!(first.flow, None);
        assert!(first.growing.is_empty());

        let view = View::between(Some(&before), &after, 5);
        assert_eq!(view.total, (6, Some(3), 600));
        let deferred = view.queues[QueueName::Deferred.index()];
        assert_eq!((deferred.1, deferred.2), (5, Some(2)));
        let hold = view.queues[QueueName::Hold.index()];
        assert_eq!((hold.1, hold.2), (0, Some(0)));
        // 4 came and 1 went in half a minute.
        assert_eq!(view.flow, Some((8.0, 2.0)));
        assert_eq!(
            view.growing,
            [("sasl:a".to_string(), 4, 6), ("sasl:c".to_string(), 1, 1)]
        );
        assert_eq!(View::between(Some(&before), &after, 1).growing.len(), 1);

        let line = view.line();
        assert!(
            line.starts_with("1970-01-01T00:26:40Z total=6(+3) maildrop=0(0) incoming=0(0) active=1(+1) deferred=5(+2) hold=0(0) oldest=600s in/min=8 out/min=2 growing_account=sasl:a(+4)"),
            "{line}"
        );
        let frame = view.frame(Duration::from_secs(5), None, 100).join("\n");
        assert!(
            frame.contains("deferred              5         +2        10m"),
            "{frame}"
        );
        assert!(frame.contains("8 in, 2 out"), "{frame}");
    }

    #[test]
    fn clock_is_utc() {
        assert_eq!(clock(0), "1970-01-01T00:00:00Z");
        assert_eq!(clock(1_795_784_709), "2026-11-27T13:05:09Z");
        assert_eq!(clock(951_782_400), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn waits_the_rest_of_the_interval_but_never_less_than_a_listing() {
        let watch = Watch {
            interval: Duration::from_secs(5),
            top: 5,
            previous: None,
        };
        assert_eq!(watch.pause(Duration::from_secs(1)), Duration::from_secs(4));
        assert_eq!(watch.pause(Duration::from_secs(4)), Duration::from_secs(4));
        assert_eq!(watch.pause(Duration::from_secs(9)), Duration::from_secs(9));
    }
}
