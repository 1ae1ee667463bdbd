//! From the AST to a [`Filter`]: every value checked and compiled once (patterns, regexes,
//! durations, sizes, queue names, IDs), each error pointing at its place in the expression.

use super::error::{FilterError, Span, ValueError};
use super::eval::{Cmp, Filter, IdMatcher, OriginField, QueueSet, Test};
use super::lexer::CmpOp;
use super::parser::{Expr, Field, parse};
use super::pattern::TextMatcher;
use super::units::{parse_duration, parse_size};
use crate::queue::{QueueName, check_queue_id};

/// Parse and compile a filter expression.
pub fn compile_expression(source: &str) -> Result<Filter, FilterError> {
    compile(&parse(source)?)
}

pub fn compile(expr: &Expr) -> Result<Filter, FilterError> {
    match expr {
        Expr::Or(terms) => Ok(Filter::or(
            terms.iter().map(compile).collect::<Result<_, _>>()?,
        )),
        Expr::And(terms) => Ok(Filter::and(
            terms.iter().map(compile).collect::<Result<_, _>>()?,
        )),
        Expr::Not(inner) => Ok(Filter::negate(compile(inner)?)),
        Expr::Flag { field, span } => match field {
            Field::Expired => Ok(Filter::Test(Test::Expired)),
            other => Err(FilterError::at(
                *span,
                format!("'{}' needs an operator and a value", other.name()),
            )),
        },
        Expr::Compare {
            field,
            op,
            op_span,
            value,
            value_span,
            ..
        } => {
            let comparison = Comparison {
                field: *field,
                op: *op,
                op_span: *op_span,
                value,
                value_span: *value_span,
            };
            comparison.compile()
        }
    }
}

/// One comparison and where its parts are.
struct Comparison<'a> {
    field: Field,
    op: CmpOp,
    op_span: Span,
    value: &'a str,
    value_span: Span,
}

enum Kind {
    Text,
    Number,
    Boolean,
}

fn kind(field: Field) -> Kind {
    match field {
        Field::Id
        | Field::Queue
        | Field::Sender
        | Field::SenderDomain
        | Field::Recipient
        | Field::RecipientDomain
        | Field::Reason
        | Field::Account
        | Field::Client
        | Field::ClientName
        | Field::Helo
        | Field::LocalUser
        | Field::Origin
        | Field::Subject
        | Field::HeaderFrom
        | Field::MessageId => Kind::Text,
        Field::Size | Field::Age | Field::Recipients => Kind::Number,
        Field::Expired => Kind::Boolean,
    }
}

impl Comparison<'_> {
    fn compile(&self) -> Result<Filter, FilterError> {
        match kind(self.field) {
            Kind::Text => self.text(),
            Kind::Number => self.number(),
            Kind::Boolean => self.boolean(),
        }
    }

    fn value_error(&self, message: String) -> FilterError {
        FilterError::at(self.value_span, message)
    }

    fn op_error(&self, allowed: &str) -> FilterError {
        FilterError::at(
            self.op_span,
            format!(
                "'{}' does not apply to {}; use {allowed}",
                self.op.as_str(),
                self.field.name()
            ),
        )
    }

    fn text(&self) -> Result<Filter, FilterError> {
        let (positive, negate) = match self.op {
            CmpOp::Eq => (true, false),
            CmpOp::Ne => (true, true),
            CmpOp::Match => (false, false),
            CmpOp::NotMatch => (false, true),
            _ => return Err(self.op_error("==, !=, ~ or !~ (it is text)")),
        };
        let test = if positive {
            self.text_equal()?
        } else {
            self.text_regex()?
        };
        // On multi-valued fields, `!=` and `!~` hold when no recipient matches.
        let filter = Filter::Test(test);
        Ok(if negate {
            Filter::negate(filter)
        } else {
            filter
        })
    }

    fn text_equal(&self) -> Result<Test, FilterError> {
        let value = self.value;
        let wrap =
            |result: Result<TextMatcher, ValueError>| result.map_err(|e| self.value_error(e.0));
        Ok(match self.field {
            Field::Id => {
                if let Err(problem) = check_queue_id(value) {
                    return Err(self.value_error(format!("invalid queue ID '{value}': {problem}")));
                }
                Test::Id(IdMatcher::OneOf(std::iter::once(value.into()).collect()))
            }
            Field::Queue => {
                let queue = QueueName::parse(value).ok_or_else(|| {
                    self.value_error(format!(
                        "unknown queue '{value}'; queues: {}",
                        queue_names()
                    ))
                })?;
                Test::Queue(QueueSet::of([queue]))
            }
            Field::Sender => Test::Sender(wrap(TextMatcher::address(value))?),
            Field::Recipient => Test::Recipient(wrap(TextMatcher::address(value))?),
            Field::SenderDomain => Test::SenderDomain(wrap(domain_pattern(value))?),
            Field::RecipientDomain => Test::RecipientDomain(wrap(domain_pattern(value))?),
            Field::Reason => Test::Reason(wrap(TextMatcher::glob(value))?),
            Field::Client => match parse_client(value) {
                Some(nets) => Test::Client(nets),
                None => Test::Origin(OriginField::Client, wrap(TextMatcher::glob(value))?),
            },
            Field::Size | Field::Age | Field::Recipients | Field::Expired => {
                unreachable!("not a text field")
            }
            field => Test::Origin(origin_field(field), wrap(TextMatcher::glob(value))?),
        })
    }

    fn text_regex(&self) -> Result<Test, FilterError> {
        let matcher = TextMatcher::regex(self.value).map_err(|err| self.value_error(err.0))?;
        Ok(match (self.field, matcher) {
            (Field::Id, TextMatcher::Regex(regex)) => Test::Id(IdMatcher::Regex(regex)),
            (Field::Queue, matcher) => Test::Queue(QueueSet::of(
                QueueName::ALL
                    .into_iter()
                    .filter(|queue| matcher.matches(queue.as_str())),
            )),
            (Field::Sender, matcher) => Test::Sender(matcher),
            (Field::SenderDomain, matcher) => Test::SenderDomain(matcher),
            (Field::Recipient, matcher) => Test::Recipient(matcher),
            (Field::RecipientDomain, matcher) => Test::RecipientDomain(matcher),
            (Field::Reason, matcher) => Test::Reason(matcher),
            (field, matcher) => Test::Origin(origin_field(field), matcher),
        })
    }

    fn number(&self) -> Result<Filter, FilterError> {
        let cmp = match self.op {
            CmpOp::Eq => Cmp::Eq,
            CmpOp::Ne => Cmp::Ne,
            CmpOp::Lt => Cmp::Lt,
            CmpOp::Le => Cmp::Le,
            CmpOp::Gt => Cmp::Gt,
            CmpOp::Ge => Cmp::Ge,
            CmpOp::Match | CmpOp::NotMatch => {
                return Err(self.op_error("==, !=, <, <=, > or >= (it is a number)"));
            }
        };
        let test = match self.field {
            Field::Size => Test::Size(
                cmp,
                parse_size(self.value).map_err(|e| self.value_error(e.0))?,
            ),
            Field::Age => Test::Age(
                cmp,
                parse_duration(self.value).map_err(|e| self.value_error(e.0))?,
            ),
            Field::Recipients => Test::RecipientCount(
                cmp,
                self.value.parse().map_err(|_| {
                    self.value_error(format!(
                        "invalid number of recipients '{}': use a whole number such as 5",
                        self.value
                    ))
                })?,
            ),
            _ => unreachable!("not a number field"),
        };
        Ok(Filter::Test(test))
    }

    fn boolean(&self) -> Result<Filter, FilterError> {
        let truth = match self.value.to_ascii_lowercase().as_str() {
            "true" | "yes" => true,
            "false" | "no" => false,
            _ => {
                return Err(self.value_error(format!(
                    "'{}' is true or false, not '{}'",
                    self.field.name(),
                    self.value
                )));
            }
        };
        let wanted = match self.op {
            CmpOp::Eq => truth,
            CmpOp::Ne => !truth,
            _ => {
                return Err(self.op_error("== or !=, or the field alone: 'expired', 'not expired'"));
            }
        };
        let test = Filter::Test(Test::Expired);
        Ok(if wanted { test } else { Filter::negate(test) })
    }
}

/// The origin field a language field reads.
fn origin_field(field: Field) -> OriginField {
    match field {
        Field::Account => OriginField::Account,
        Field::Client => OriginField::Client,
        Field::ClientName => OriginField::ClientName,
        Field::Helo => OriginField::Helo,
        Field::LocalUser => OriginField::LocalUser,
        Field::Origin => OriginField::Who,
        Field::Subject => OriginField::Subject,
        Field::HeaderFrom => OriginField::HeaderFrom,
        Field::MessageId => OriginField::MessageId,
        other => unreachable!("{} is not an origin field", other.name()),
    }
}

/// An IP address or a CIDR block (IPv4 or IPv6), as `--client` and `client ==` take them.
pub fn parse_client(value: &str) -> Option<Vec<ipnet::IpNet>> {
    let value = value.trim();
    if let Ok(net) = value.parse::<ipnet::IpNet>() {
        return Some(vec![net.trunc()]);
    }
    value
        .parse::<std::net::IpAddr>()
        .ok()
        .map(|ip| vec![ipnet::IpNet::from(ip)])
}

/// Domain fields take a domain or a glob; `@` has no place there.
fn domain_pattern(value: &str) -> Result<TextMatcher, ValueError> {
    let domain = value.strip_prefix('@').unwrap_or(value);
    TextMatcher::glob(domain)
}

fn queue_names() -> String {
    QueueName::ALL.map(QueueName::as_str).join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(source: &str) -> String {
        let err = compile_expression(source).unwrap_err();
        format!("{}: {}", err.column(source).unwrap_or(0), err.message)
    }

    #[test]
    fn values_are_checked_where_they_stand() {
        let cases = [
            ("size > big", "8: invalid size 'big'"),
            ("age > 5", "7: invalid duration '5': the number has no unit"),
            (
                "queue == corrupt",
                "10: unknown queue 'corrupt'; queues: maildrop, incoming, active, deferred, hold",
            ),
            ("id == 'AB CD'", "7: invalid queue ID 'AB CD'"),
            (
                "reason ~ '(refused'",
                "10: invalid regular expression '(refused'",
            ),
            (
                "recipients > many",
                "14: invalid number of recipients 'many'",
            ),
            ("sender == ''", "11: empty address pattern"),
            (
                "expired == maybe",
                "12: 'expired' is true or false, not 'maybe'",
            ),
        ];
        for (source, expected) in cases {
            let shown = error_of(source);
            assert!(shown.starts_with(expected), "{source}: {shown}");
        }
    }

    #[test]
    fn operators_must_fit_the_field() {
        let cases = [
            (
                "sender < a",
                "8: '<' does not apply to sender; use ==, !=, ~ or !~ (it is text)",
            ),
            (
                "size ~ 10",
                "6: '~' does not apply to size; use ==, !=, <, <=, > or >= (it is a number)",
            ),
            ("age !~ 1h", "5: '!~' does not apply to age"),
            ("expired > true", "9: '>' does not apply to expired"),
        ];
        for (source, expected) in cases {
            let shown = error_of(source);
            assert!(shown.starts_with(expected), "{source}: {shown}");
        }
    }
}
