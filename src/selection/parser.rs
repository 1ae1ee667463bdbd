//! The parser: tokens to an AST with spans. Precedence: `not` binds tighter than `and`,
//! `and` tighter than `or`; parentheses group.
//!
//! ```text
//! expr       := and ( ("or" | "||") and )*
//! and        := unary ( ("and" | "&&") unary )*
//! unary      := ("not" | "!") unary | primary
//! primary    := "(" expr ")" | FIELD OP VALUE | BOOLEAN_FIELD
//! OP         := "==" | "!=" | "~" | "!~" | "<" | "<=" | ">" | ">="
//! VALUE      := WORD | "double-quoted" | 'single-quoted'
//! ```

use super::error::{FilterError, Span};
use super::lexer::{CmpOp, Spanned, Token, lex};

/// The fields of a queue entry the language can test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Id,
    Queue,
    Sender,
    SenderDomain,
    Recipient,
    RecipientDomain,
    Reason,
    Size,
    Age,
    Recipients,
    Expired,
    Account,
    Client,
    ClientName,
    Helo,
    LocalUser,
    Origin,
    Subject,
    HeaderFrom,
    MessageId,
}

impl Field {
    pub const ALL: [Field; 20] = [
        Field::Id,
        Field::Queue,
        Field::Sender,
        Field::SenderDomain,
        Field::Recipient,
        Field::RecipientDomain,
        Field::Reason,
        Field::Size,
        Field::Age,
        Field::Recipients,
        Field::Expired,
        Field::Account,
        Field::Client,
        Field::ClientName,
        Field::Helo,
        Field::LocalUser,
        Field::Origin,
        Field::Subject,
        Field::HeaderFrom,
        Field::MessageId,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Queue => "queue",
            Field::Sender => "sender",
            Field::SenderDomain => "sender_domain",
            Field::Recipient => "recipient",
            Field::RecipientDomain => "recipient_domain",
            Field::Reason => "reason",
            Field::Size => "size",
            Field::Age => "age",
            Field::Recipients => "recipients",
            Field::Expired => "expired",
            Field::Account => "account",
            Field::Client => "client",
            Field::ClientName => "client_name",
            Field::Helo => "helo",
            Field::LocalUser => "local_user",
            Field::Origin => "origin",
            Field::Subject => "subject",
            Field::HeaderFrom => "header_from",
            Field::MessageId => "message_id",
        }
    }

    /// A field by its name; postqueue's own member names and `-` for `_` are accepted too.
    pub fn parse(name: &str) -> Option<Field> {
        let name = name.to_ascii_lowercase().replace('-', "_");
        let alias = match name.as_str() {
            "queue_id" => Some(Field::Id),
            "queue_name" => Some(Field::Queue),
            "message_size" => Some(Field::Size),
            "delay_reason" => Some(Field::Reason),
            "forced_expire" => Some(Field::Expired),
            "sasl_username" => Some(Field::Account),
            "client_address" => Some(Field::Client),
            "helo_name" => Some(Field::Helo),
            _ => None,
        };
        alias.or_else(|| Field::ALL.into_iter().find(|field| field.name() == name))
    }

    /// The field a user probably meant by an unknown name.
    fn suggest(name: &str) -> Option<&'static str> {
        let name = name.to_ascii_lowercase();
        let meant = match name.as_str() {
            "from" | "mail_from" | "envelope_from" => Some("sender"),
            "to" | "rcpt" | "rcpt_to" | "address" => Some("recipient"),
            "domain" | "from_domain" => Some("sender_domain"),
            "to_domain" | "rcpt_domain" => Some("recipient_domain"),
            "arrival" | "arrival_time" | "time" | "older" | "newer" => Some("age"),
            "bytes" | "length" => Some("size"),
            "rcpts" | "nrcpt" | "recipient_count" => Some("recipients"),
            "status" | "error" | "delay" => Some("reason"),
            "user" | "login" | "sasl" | "username" => Some("account"),
            "ip" | "address_ip" | "client_ip" => Some("client"),
            _ => None,
        };
        meant.or_else(|| {
            Field::ALL
                .into_iter()
                .map(|field| {
                    (
                        strsim::damerau_levenshtein(&name, field.name()),
                        field.name(),
                    )
                })
                .filter(|&(distance, known)| distance <= 2.max(known.len() / 4))
                .min_by_key(|&(distance, _)| distance)
                .map(|(_, known)| known)
        })
    }

    pub fn names() -> String {
        Field::ALL.map(Field::name).join(", ")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// `a or b or c`: a chain is one node, however long (no recursion grows with it).
    Or(Vec<Expr>),
    And(Vec<Expr>),
    Not(Box<Expr>),
    Compare {
        field: Field,
        field_span: Span,
        op: CmpOp,
        op_span: Span,
        value: String,
        value_span: Span,
    },
    /// A boolean field on its own: `expired`.
    Flag {
        field: Field,
        span: Span,
    },
}

pub fn parse(source: &str) -> Result<Expr, FilterError> {
    let tokens = lex(source)?;
    let mut parser = Parser {
        tokens,
        position: 0,
        depth: 0,
        end: source.len(),
    };
    if parser.tokens.is_empty() {
        return Err(FilterError {
            message: "the expression is empty".into(),
            span: None,
            hint: Some(format!(
                "write FIELD OPERATOR VALUE, e.g. 'sender_domain == example.com'; fields: {}",
                Field::names()
            )),
        });
    }
    let expr = parser.expr()?;
    if let Some(extra) = parser.peek() {
        let mut err = FilterError::at(
            extra.span,
            format!(
                "expected 'and', 'or' or the end, found {}",
                extra.token.describe()
            ),
        );
        if matches!(extra.token, Token::Word(_) | Token::Str(_)) {
            err = err
                .with_hint("put values that hold spaces in quotes: sender == \"a b@example.com\"");
        }
        return Err(err);
    }
    Ok(expr)
}

/// Levels of `(` and `not` an expression may nest.
pub const MAX_DEPTH: usize = 64;

struct Parser {
    tokens: Vec<Spanned>,
    position: usize,
    /// Levels of `(` and `not` around the current token.
    depth: usize,
    /// Byte length of the source: where "the end" is.
    end: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Spanned> {
        self.tokens.get(self.position)
    }

    fn advance(&mut self) -> Option<Spanned> {
        let token = self.tokens.get(self.position).cloned();
        self.position += 1;
        token
    }

    fn at_end(&self) -> Span {
        Span::new(self.end, self.end)
    }

    fn expr(&mut self) -> Result<Expr, FilterError> {
        let mut terms = vec![self.and()?];
        while self.peek().is_some_and(|t| t.token == Token::Or) {
            self.advance();
            terms.push(self.and()?);
        }
        Ok(if terms.len() == 1 {
            terms.remove(0)
        } else {
            Expr::Or(terms)
        })
    }

    fn and(&mut self) -> Result<Expr, FilterError> {
        let mut terms = vec![self.unary()?];
        while self.peek().is_some_and(|t| t.token == Token::And) {
            self.advance();
            terms.push(self.unary()?);
        }
        Ok(if terms.len() == 1 {
            terms.remove(0)
        } else {
            Expr::And(terms)
        })
    }

    fn unary(&mut self) -> Result<Expr, FilterError> {
        if let Some(not) = self.peek().filter(|t| t.token == Token::Not) {
            let span = not.span;
            self.advance();
            self.deeper(span)?;
            let inner = self.unary();
            self.depth -= 1;
            return Ok(Expr::Not(Box::new(inner?)));
        }
        self.primary()
    }

    /// One level deeper (a `(` or a `not`): the parser, the compiler and the evaluator
    /// recurse once a level, so the levels are bounded.
    fn deeper(&mut self, span: Span) -> Result<(), FilterError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(FilterError::at(
                span,
                format!("nested too deeply (more than {MAX_DEPTH} levels of '(' and 'not')"),
            ));
        }
        Ok(())
    }

    fn primary(&mut self) -> Result<Expr, FilterError> {
        let Some(next) = self.advance() else {
            return Err(FilterError::at(
                self.at_end(),
                "expected a field name or '(' here, at the end",
            ));
        };
        match next.token {
            Token::LParen => {
                self.deeper(next.span)?;
                let inner = self.expr();
                self.depth -= 1;
                let inner = inner?;
                match self.advance() {
                    Some(Spanned {
                        token: Token::RParen,
                        ..
                    }) => Ok(inner),
                    Some(other) => Err(FilterError::at(
                        other.span,
                        format!("expected ')', found {}", other.token.describe()),
                    )),
                    None => Err(FilterError::at(next.span, "this '(' is never closed")),
                }
            }
            Token::Word(name) => self.comparison(&name, next.span),
            other => Err(FilterError::at(
                next.span,
                format!("expected a field name, found {}", other.describe()),
            )
            .with_hint(format!("fields: {}", Field::names()))),
        }
    }

    fn comparison(&mut self, name: &str, field_span: Span) -> Result<Expr, FilterError> {
        let field = Field::parse(name).ok_or_else(|| {
            let message = match Field::suggest(name) {
                Some(meant) => format!("unknown field '{name}'; did you mean '{meant}'?"),
                None => format!("unknown field '{name}'"),
            };
            FilterError::at(field_span, message).with_hint(format!("fields: {}", Field::names()))
        })?;
        let op = match self.peek() {
            Some(Spanned {
                token: Token::Op(op),
                span,
            }) => (*op, *span),
            _ if field == Field::Expired => {
                return Ok(Expr::Flag {
                    field,
                    span: field_span,
                });
            }
            Some(other) => {
                return Err(FilterError::at(
                    other.span,
                    format!(
                        "expected an operator after '{name}', found {}",
                        other.token.describe()
                    ),
                )
                .with_hint("operators: == != ~ !~ < <= > >="));
            }
            None => {
                return Err(FilterError::at(
                    self.at_end(),
                    format!("expected an operator after '{name}'"),
                )
                .with_hint("operators: == != ~ !~ < <= > >="));
            }
        };
        self.advance();
        let (value, value_span) = match self.advance() {
            Some(Spanned {
                token: Token::Word(value) | Token::Str(value),
                span,
            }) => (value, span),
            Some(other) => {
                return Err(FilterError::at(
                    other.span,
                    format!(
                        "expected a value after '{}', found {}",
                        op.0.as_str(),
                        other.token.describe()
                    ),
                ));
            }
            None => {
                return Err(FilterError::at(
                    self.at_end(),
                    format!("expected a value after '{}'", op.0.as_str()),
                ));
            }
        };
        Ok(Expr::Compare {
            field,
            field_span,
            op: op.0,
            op_span: op.1,
            value,
            value_span,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The AST as compact text: (a and b), (a or b), !a, field op value.
    fn show(expr: &Expr) -> String {
        match expr {
            Expr::Or(terms) => format!(
                "({})",
                terms.iter().map(show).collect::<Vec<_>>().join(" or ")
            ),
            Expr::And(terms) => format!(
                "({})",
                terms.iter().map(show).collect::<Vec<_>>().join(" and ")
            ),
            Expr::Not(a) => format!("!{}", show(a)),
            Expr::Compare {
                field, op, value, ..
            } => format!("{}{}{value}", field.name(), op.as_str()),
            Expr::Flag { field, .. } => field.name().to_string(),
        }
    }

    fn parsed(source: &str) -> String {
        match parse(source) {
            Ok(expr) => show(&expr),
            Err(err) => format!(
                "error at {}: {}",
                err.column(source).unwrap_or(0),
                err.message
            ),
        }
    }

    #[test]
    fn precedence_and_grouping() {
        let cases = [
            ("expired", "expired"),
            ("sender == a@b", "sender==a@b"),
            (
                "id == A and size == 2 or age == 3s",
                "((id==A and size==2) or age==3s)",
            ),
            (
                "id == A or size == 2 and age == 3s",
                "(id==A or (size==2 and age==3s))",
            ),
            ("not id == A and size == 2", "(!id==A and size==2)"),
            ("not (id == A and size == 2)", "!(id==A and size==2)"),
            ("!expired || expired", "(!expired or expired)"),
            ("not not expired", "!!expired"),
            (
                "id == A and size == 2 and age == 3s",
                "(id==A and size==2 and age==3s)",
            ),
            ("((expired))", "expired"),
            ("queue_name == hold", "queue==hold"),
            ("Sender-Domain == x", "sender_domain==x"),
            (
                "sender_domain == example.com and age > 2h and (reason ~ \"refused\" or queue == hold)",
                "(sender_domain==example.com and age>2h and (reason~refused or queue==hold))",
            ),
        ];
        for (source, expected) in cases {
            assert_eq!(parsed(source), expected, "{source}");
        }
    }

    #[test]
    fn deep_nesting_is_refused_and_long_chains_are_flat() {
        // Each refused at the opener one level too deep.
        let deep = [
            (
                format!("{}expired{}", "(".repeat(6000), ")".repeat(6000)),
                1,
            ),
            (format!("{}expired", "!".repeat(40_000)), 1),
            (format!("{}expired", "not ".repeat(30_000)), 4),
            ("(".repeat(60_000), 1),
        ];
        for (source, width) in &deep {
            let err = parse(source).unwrap_err();
            assert!(
                err.message.starts_with("nested too deeply"),
                "{}",
                err.message
            );
            assert_eq!(err.column(source), Some(MAX_DEPTH * width + 1));
        }
        let nested = format!("{}expired{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
        assert_eq!(parsed(&nested), "expired");
        let chain = vec!["size > 1"; 20_000].join(" or ");
        match parse(&chain).unwrap() {
            Expr::Or(terms) => assert_eq!(terms.len(), 20_000),
            other => panic!("{other:?}"),
        }
        assert!(super::super::compile_expression(&chain).is_ok());
    }

    #[test]
    fn errors_name_the_column_and_what_was_expected() {
        let cases = [
            ("", "error at 0: the expression is empty"),
            ("sender ==", "error at 10: expected a value after '=='"),
            (
                "sender == and",
                "error at 11: expected a value after '==', found 'and'",
            ),
            ("sender", "error at 7: expected an operator after 'sender'"),
            (
                "sender example.com",
                "error at 8: expected an operator after 'sender', found 'example.com'",
            ),
            (
                "sendr == x",
                "error at 1: unknown field 'sendr'; did you mean 'sender'?",
            ),
            (
                "from == x",
                "error at 1: unknown field 'from'; did you mean 'sender'?",
            ),
            (
                "rcpt == x",
                "error at 1: unknown field 'rcpt'; did you mean 'recipient'?",
            ),
            ("colour == x", "error at 1: unknown field 'colour'"),
            ("== x", "error at 1: expected a field name, found '=='"),
            (
                "\"sender\" == x",
                "error at 1: expected a field name, found the string \"sender\"",
            ),
            ("(expired", "error at 1: this '(' is never closed"),
            (
                "(expired or",
                "error at 12: expected a field name or '(' here, at the end",
            ),
            (
                "expired)",
                "error at 8: expected 'and', 'or' or the end, found ')'",
            ),
            (
                "sender == a b",
                "error at 13: expected 'and', 'or' or the end, found 'b'",
            ),
            (
                "expired and",
                "error at 12: expected a field name or '(' here, at the end",
            ),
            (
                "(sender == x expired)",
                "error at 14: expected ')', found 'expired'",
            ),
            (
                "not",
                "error at 4: expected a field name or '(' here, at the end",
            ),
            (
                "sender == x and and",
                "error at 17: expected a field name, found 'and'",
            ),
        ];
        for (source, expected) in cases {
            assert_eq!(parsed(source), expected, "{source}");
        }
    }

    #[test]
    fn field_names_and_aliases() {
        for field in Field::ALL {
            assert_eq!(Field::parse(field.name()), Some(field));
            assert_eq!(Field::parse(&field.name().to_uppercase()), Some(field));
        }
        assert_eq!(Field::parse("forced_expire"), Some(Field::Expired));
        assert_eq!(
            Field::parse("recipient-domain"),
            Some(Field::RecipientDomain)
        );
        assert_eq!(Field::parse("to"), None);
    }
}
