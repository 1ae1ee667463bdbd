//! The selection of a command: its flags and `--where` expression compiled into one
//! [`Filter`], the only way any command picks messages.

use crate::cli::SelectionArgs;
use crate::error::{Error, Result};
use crate::filter::{Cmp, Filter, IdMatcher, QueueSet, Test, compile_expression};
use crate::queue::QueueEntry;

#[derive(Debug, Clone)]
pub struct Selection {
    filter: Filter,
    /// Whether any selector was given; without one, actions need --all.
    given: bool,
}

impl Selection {
    /// Every message.
    pub fn everything() -> Selection {
        Selection {
            filter: Filter::All,
            given: false,
        }
    }

    pub fn from_args(args: &SelectionArgs) -> Result<Selection> {
        let mut parts = Vec::new();
        let mut test = |test: Test| parts.push(Filter::Test(test));
        if let Some(from) = &args.from {
            test(Test::Sender(from.matcher.clone()));
        }
        if let Some(to) = &args.to {
            test(Test::Recipient(to.matcher.clone()));
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

    pub fn matches(&self, entry: &QueueEntry<'_>, now: i64) -> bool {
        self.filter.matches(entry, now)
    }

    /// Whether any selector was given.
    pub fn is_given(&self) -> bool {
        self.given
    }
}
