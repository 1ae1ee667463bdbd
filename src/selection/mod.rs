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

use crate::cli::SelectionArgs;
use crate::error::{Error, Result};
use crate::queue::QueueEntry;
pub use compile::compile_expression;
pub use error::ValueError;
pub use eval::{Cmp, Filter, IdMatcher, QueueSet, Test};
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
        let mut test = |test: Test| parts.push(Filter::Test(test));
        if let Some(from) = &args.from {
            test(Test::Sender(from.clone()));
        }
        if let Some(to) = &args.to {
            test(Test::Recipient(to.clone()));
        }
        if !args.queues.is_empty() {
            test(Test::Queue(QueueSet::of(args.queues.iter().copied())));
        }
        if let Some(seconds) = args.older_than {
            test(Test::Age(Cmp::Gt, seconds));
        }
        if let Some(seconds) = args.newer_than {
            test(Test::Age(Cmp::Lt, seconds));
        }
        if let Some(reason) = &args.reason {
            test(Test::Reason(reason.clone()));
        }
        if let Some(size) = args.min_size {
            test(Test::Size(Cmp::Ge, size));
        }
        if let Some(size) = args.max_size {
            test(Test::Size(Cmp::Le, size));
        }
        if !args.ids.is_empty() {
            let ids = args.ids.iter().map(|id| id.as_str().into()).collect();
            test(Test::Id(IdMatcher::OneOf(ids)));
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

    pub fn matches(&self, entry: &QueueEntry<'_>, now: i64) -> bool {
        self.filter.matches(entry, now)
    }

    /// Whether any selector was given.
    pub fn is_given(&self) -> bool {
        self.given
    }
}
