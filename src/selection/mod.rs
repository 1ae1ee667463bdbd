//! The selection of a command: its flags and `--where` expression compiled into one
//! [`Filter`], the only way any command picks messages.
//!
//! The language: a lexer and parser to an AST with spans, a compiler that checks and
//! compiles every value once, and a pure evaluator `filter.matches(&entry, now)`. The flags
//! compile into the same [`Filter`]: one evaluator, one truth.

mod compile;
mod error;
mod eval;
mod lexer;
mod parser;
mod pattern;
mod units;

#[cfg(test)]
mod tests;

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::cli::SelectionArgs;
use crate::error::{Error, Result};
use crate::postfix::{OriginRead, Origins};
use crate::queue::QueueEntry;
pub use compile::{compile_expression, parse_client};
pub use error::ValueError;
pub use eval::{Cmp, Filter, IdMatcher, OriginField, QueueSet, Test};
pub use pattern::TextMatcher;
pub use units::{parse_duration, parse_size};

#[derive(Debug, Clone)]
pub struct Selection {
    filter: Filter,
    /// Whether any selector was given; without one, actions need --all.
    given: bool,
}

impl Selection {
    pub fn from_args(args: &SelectionArgs) -> Result<Selection> {
        let mut parts = Vec::new();
        if !args.from.is_empty() {
            let any = args
                .from
                .iter()
                .map(|from| Filter::Test(Test::Sender(from.clone())));
            parts.push(Filter::or(any.collect()));
        }
        if !args.to.is_empty() {
            let any = args
                .to
                .iter()
                .map(|to| Filter::Test(Test::Recipient(to.clone())));
            parts.push(Filter::or(any.collect()));
        }
        if !args.queues.is_empty() {
            parts.push(Filter::Test(Test::Queue(QueueSet::of(
                args.queues.iter().copied(),
            ))));
        }
        if let Some(seconds) = args.older_than {
            parts.push(Filter::Test(Test::Age(Cmp::Gt, seconds)));
        }
        if let Some(seconds) = args.newer_than {
            parts.push(Filter::Test(Test::Age(Cmp::Lt, seconds)));
        }
        if let Some(reason) = &args.reason {
            parts.push(Filter::Test(Test::Reason(reason.clone())));
        }
        if let Some(size) = args.min_size {
            parts.push(Filter::Test(Test::Size(Cmp::Ge, size)));
        }
        if let Some(size) = args.max_size {
            parts.push(Filter::Test(Test::Size(Cmp::Le, size)));
        }
        if !args.ids.is_empty() {
            let ids = args.ids.iter().map(|id| id.as_str().into()).collect();
            parts.push(Filter::Test(Test::Id(IdMatcher::OneOf(ids))));
        }
        if let Some(path) = &args.ids_from {
            parts.push(Filter::Test(Test::Id(IdMatcher::OneOf(read_ids(path)?))));
        }
        check_ranges(args)?;
        // Origin flags last: what the listing decides is decided before a queue file is read.
        if !args.accounts.is_empty() {
            let any = args
                .accounts
                .iter()
                .map(|account| Filter::Test(Test::Origin(OriginField::Account, account.clone())))
                .collect();
            parts.push(Filter::or(any));
        }
        if !args.clients.is_empty() {
            test_clients(&mut parts, &args.clients);
        }
        if let Some(source) = &args.expression {
            let filter = compile_expression(source).map_err(|err| Error::Usage {
                message: match err.span {
                    Some(_) => format!("invalid --where expression {}", err.render(source)),
                    None => format!("invalid --where expression: {}", err.message),
                },
                hint: err.hint,
            })?;
            parts.push(filter);
        }
        let given = !parts.is_empty();
        Ok(Selection {
            filter: Filter::and(parts),
            given,
        })
    }

    /// Exactly these queue IDs.
    pub fn of_ids<'a>(ids: impl Iterator<Item = &'a str>) -> Selection {
        Selection {
            filter: Filter::Test(Test::Id(IdMatcher::OneOf(ids.map(Into::into).collect()))),
            given: true,
        }
    }

    #[cfg(test)]
    pub fn matches(&self, entry: &QueueEntry<'_>, now: i64) -> bool {
        self.filter.matches(entry, now)
    }

    /// Whether selecting reads origins from the queue files.
    pub fn needs_origin(&self) -> bool {
        self.filter.needs_origin()
    }

    /// Whether any selector was given.
    pub fn is_given(&self) -> bool {
        self.given
    }
}

/// The queue IDs a file lists, one a line (blank lines and `#` comments skipped); `-` is
/// stdin. A line that is not a queue ID is an error naming it.
fn read_ids(path: &std::path::Path) -> Result<hashbrown::HashSet<Box<str>>> {
    use std::io::Read;
    let mut text = String::new();
    let read = if path.as_os_str() == "-" {
        std::io::stdin().read_to_string(&mut text)
    } else {
        std::fs::File::open(path).and_then(|mut file| file.read_to_string(&mut text))
    };
    read.map_err(|source| Error::Input {
        path: path.to_path_buf(),
        source,
    })?;
    let mut ids = hashbrown::HashSet::new();
    for (number, line) in text.lines().enumerate() {
        let id = line.trim();
        if id.is_empty() || id.starts_with('#') {
            continue;
        }
        if let Err(problem) = crate::queue::check_queue_id(id) {
            return Err(Error::usage_with_hint(
                format!(
                    "{} line {}: invalid queue ID '{id}': {problem}",
                    path.display(),
                    number + 1
                ),
                "--ids-from takes one queue ID a line, as `postq list --ids` writes them",
            ));
        }
        ids.insert(id.into());
    }
    Ok(ids)
}

/// A selection that can never match is a mistake: say so rather than select nothing.
fn check_ranges(args: &SelectionArgs) -> Result<()> {
    use crate::render::{format_age, format_size};
    if let (Some(older), Some(newer)) = (args.older_than, args.newer_than)
        && older >= newer
    {
        return Err(Error::usage_with_hint(
            format!(
                "--older-than {} and --newer-than {} can never both hold: nothing would match",
                format_age(older),
                format_age(newer)
            ),
            "a range of ages is --older-than LOW --newer-than HIGH, e.g. --older-than 1h --newer-than 1d",
        ));
    }
    if let (Some(min), Some(max)) = (args.min_size, args.max_size)
        && min > max
    {
        return Err(Error::usage_with_hint(
            format!(
                "--min-size {} is above --max-size {}: nothing would match",
                format_size(min),
                format_size(max)
            ),
            "a range of sizes is --min-size LOW --max-size HIGH",
        ));
    }
    Ok(())
}

fn test_clients(parts: &mut Vec<Filter>, clients: &[Vec<ipnet::IpNet>]) {
    let nets = clients.iter().flatten().copied().collect();
    parts.push(Filter::Test(Test::Client(nets)));
}

/// A selection at work on the live queue: reads a message's origin from its queue file only
/// when the listing alone cannot decide (or, with `always`, for every selected message).
pub struct Selector<'a> {
    selection: &'a Selection,
    now: i64,
    origins: Option<&'a dyn Origins>,
    always: bool,
    /// Selected messages that left the queue before their origin was read.
    gone: AtomicU64,
    /// Origins read so far (for progress).
    read: std::sync::Arc<AtomicU64>,
    failure: Mutex<Option<std::io::Error>>,
}

impl<'a> Selector<'a> {
    pub fn new(
        selection: &'a Selection,
        now: i64,
        origins: Option<&'a dyn Origins>,
        always: bool,
    ) -> Selector<'a> {
        Selector {
            selection,
            now,
            origins,
            always,
            gone: AtomicU64::new(0),
            read: std::sync::Arc::new(AtomicU64::new(0)),
            failure: Mutex::new(None),
        }
    }

    /// Whether it reads origins at all.
    pub fn reads_origins(&self) -> bool {
        self.origins.is_some()
    }

    /// The count of origins read so far, for progress.
    pub fn read_counter(&self) -> std::sync::Arc<AtomicU64> {
        std::sync::Arc::clone(&self.read)
    }

    /// Whether `entry` is selected; its origin is read into it when needed.
    pub fn select(&self, entry: &mut QueueEntry<'_>) -> bool {
        let decided = self.selection.filter.decide(entry, self.now);
        let origins = match (decided, self.origins) {
            (Some(false), _) => return false,
            (Some(true), _) if !self.always => return true,
            (_, None) => return decided.unwrap_or(false),
            (_, Some(origins)) => origins,
        };
        self.read.fetch_add(1, Ordering::Relaxed);
        match origins.origin_of(entry) {
            OriginRead::Found(origin) => entry.origin = Some(origin),
            OriginRead::Gone => {
                self.gone.fetch_add(1, Ordering::Relaxed);
                return false;
            }
            OriginRead::Failed(err) => {
                if let Ok(mut failure) = self.failure.lock() {
                    failure.get_or_insert(err);
                }
                return false;
            }
            OriginRead::Skipped => {}
        }
        self.selection.filter.matches(entry, self.now)
    }

    /// How many messages left the queue before their origin was read; an error when a
    /// queue file could not be read.
    pub fn finish(self) -> Result<u64> {
        match self.failure.into_inner().ok().flatten() {
            Some(err) => Err(Error::Origin(err)),
            None => Ok(self.gone.into_inner()),
        }
    }
}
