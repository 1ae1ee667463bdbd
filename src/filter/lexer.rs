//! Tokens of the filter language, each with its place in the expression.

use super::error::{FilterError, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Match,
    NotMatch,
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn as_str(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Match => "~",
            CmpOp::NotMatch => "!~",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// A bare word: a field name or a simple value (`example.com`, `2h`, `10k`).
    Word(String),
    /// A quoted string, quotes removed.
    Str(String),
    Op(CmpOp),
    And,
    Or,
    Not,
    LParen,
    RParen,
}

impl Token {
    /// How an error message names the token.
    pub fn describe(&self) -> String {
        match self {
            Token::Word(word) => format!("'{word}'"),
            Token::Str(text) => format!("the string \"{text}\""),
            Token::Op(op) => format!("'{}'", op.as_str()),
            Token::And => "'and'".into(),
            Token::Or => "'or'".into(),
            Token::Not => "'not'".into(),
            Token::LParen => "'('".into(),
            Token::RParen => "')'".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned {
    pub token: Token,
    pub span: Span,
}

/// Characters that end a bare word.
fn is_word_char(c: char) -> bool {
    !c.is_whitespace() && !"()\"'=!~<>&|".contains(c)
}

pub fn lex(source: &str) -> Result<Vec<Spanned>, FilterError> {
    let mut tokens = Vec::new();
    let mut chars = source.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let next_is = |chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>, want: char| {
            chars.clone().nth(1).is_some_and(|(_, c)| c == want)
        };
        let (token, len) = match c {
            '(' => (Token::LParen, 1),
            ')' => (Token::RParen, 1),
            '"' | '\'' => {
                let (text, end) = lex_string(source, start, c)?;
                tokens.push(Spanned {
                    token: Token::Str(text),
                    span: Span::new(start, end),
                });
                while chars.peek().is_some_and(|&(at, _)| at < end) {
                    chars.next();
                }
                continue;
            }
            '=' if next_is(&mut chars, '=') => (Token::Op(CmpOp::Eq), 2),
            '=' if next_is(&mut chars, '~') => (Token::Op(CmpOp::Match), 2),
            '=' => {
                return Err(FilterError::at(
                    Span::new(start, start + 1),
                    "'=' is not an operator; compare with '=='",
                ));
            }
            '!' if next_is(&mut chars, '=') => (Token::Op(CmpOp::Ne), 2),
            '!' if next_is(&mut chars, '~') => (Token::Op(CmpOp::NotMatch), 2),
            '!' => (Token::Not, 1),
            '~' => (Token::Op(CmpOp::Match), 1),
            '<' if next_is(&mut chars, '=') => (Token::Op(CmpOp::Le), 2),
            '<' if next_is(&mut chars, '>') => {
                // The null sender as a bare word: `sender == <>`.
                (Token::Word("<>".into()), 2)
            }
            '<' => (Token::Op(CmpOp::Lt), 1),
            '>' if next_is(&mut chars, '=') => (Token::Op(CmpOp::Ge), 2),
            '>' => (Token::Op(CmpOp::Gt), 1),
            '&' if next_is(&mut chars, '&') => (Token::And, 2),
            '|' if next_is(&mut chars, '|') => (Token::Or, 2),
            '&' | '|' => {
                let (double, word) = if c == '&' {
                    ("&&", "and")
                } else {
                    ("||", "or")
                };
                return Err(FilterError::at(
                    Span::new(start, start + 1),
                    format!("'{c}' is not an operator; use '{double}' or '{word}'"),
                ));
            }
            _ => {
                let end = source[start..]
                    .char_indices()
                    .find(|&(_, c)| !is_word_char(c))
                    .map_or(source.len(), |(offset, _)| start + offset);
                let word = &source[start..end];
                let token = match word.to_ascii_lowercase().as_str() {
                    "and" => Token::And,
                    "or" => Token::Or,
                    "not" => Token::Not,
                    _ => Token::Word(word.to_string()),
                };
                (token, end - start)
            }
        };
        tokens.push(Spanned {
            token,
            span: Span::new(start, start + len),
        });
        while chars.peek().is_some_and(|&(at, _)| at < start + len) {
            chars.next();
        }
    }
    Ok(tokens)
}

/// A quoted string from `start` (the quote). A backslash escapes the quote and itself; any
/// other backslash stays, so regexes such as "4\.7\.1" read as written.
fn lex_string(source: &str, start: usize, quote: char) -> Result<(String, usize), FilterError> {
    let mut text = String::new();
    let mut chars = source[start + 1..].char_indices();
    while let Some((offset, c)) = chars.next() {
        match c {
            '\\' => match chars.clone().next() {
                Some((_, next)) if next == quote || next == '\\' => {
                    text.push(next);
                    chars.next();
                }
                _ => text.push('\\'),
            },
            c if c == quote => return Ok((text, start + 1 + offset + 1)),
            c => text.push(c),
        }
    }
    Err(FilterError::at(
        Span::new(start, start + 1),
        format!("this {quote} is never closed"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokens as compact text: W(word) S(string) and the rest as written.
    fn show(source: &str) -> String {
        match lex(source) {
            Ok(tokens) => tokens
                .iter()
                .map(|t| match &t.token {
                    Token::Word(w) => format!("W({w})"),
                    Token::Str(s) => format!("S({s})"),
                    Token::Op(op) => op.as_str().to_string(),
                    Token::And => "and".into(),
                    Token::Or => "or".into(),
                    Token::Not => "not".into(),
                    Token::LParen => "(".into(),
                    Token::RParen => ")".into(),
                })
                .collect::<Vec<_>>()
                .join(" "),
            Err(err) => format!("error at {}: {}", err.span.unwrap().start, err.message),
        }
    }

    #[test]
    fn tokens() {
        let cases = [
            ("", ""),
            ("expired", "W(expired)"),
            ("sender == a@b.example", "W(sender) == W(a@b.example)"),
            ("sender==a@b.example", "W(sender) == W(a@b.example)"),
            ("size>=10k&&age<2h", "W(size) >= W(10k) and W(age) < W(2h)"),
            ("a != b || c !~ d", "W(a) != W(b) or W(c) !~ W(d)"),
            ("reason ~ refused", "W(reason) ~ W(refused)"),
            ("reason =~ refused", "W(reason) ~ W(refused)"),
            ("not expired", "not W(expired)"),
            ("!expired", "not W(expired)"),
            ("NOT x AND y OR z", "not W(x) and W(y) or W(z)"),
            ("(a or b) and c", "( W(a) or W(b) ) and W(c)"),
            ("x == \"two words\"", "W(x) == S(two words)"),
            ("x == 'it''s'", "W(x) == S(it) S(s)"),
            (r#"x == "say \"hi\"""#, r#"W(x) == S(say "hi")"#),
            (r#"x ~ "4\.7\.1""#, r#"W(x) ~ S(4\.7\.1)"#),
            (r#"x ~ 'a\\b'"#, r#"W(x) ~ S(a\b)"#),
            ("sender == <>", "W(sender) == W(<>)"),
            (
                "sender == *@*.example.com",
                "W(sender) == W(*@*.example.com)",
            ),
            (
                "sender_domain == exämple.de",
                "W(sender_domain) == W(exämple.de)",
            ),
            ("age > 1h30m", "W(age) > W(1h30m)"),
            ("x == \"\"", "W(x) == S()"),
            (
                "sender = x",
                "error at 7: '=' is not an operator; compare with '=='",
            ),
            (
                "a & b",
                "error at 2: '&' is not an operator; use '&&' or 'and'",
            ),
            (
                "a | b",
                "error at 2: '|' is not an operator; use '||' or 'or'",
            ),
            ("x == \"open", "error at 5: this \" is never closed"),
            ("x == 'open", "error at 5: this ' is never closed"),
        ];
        for (source, expected) in cases {
            assert_eq!(show(source), expected, "{source}");
        }
    }

    #[test]
    fn spans_are_byte_ranges_of_the_source() {
        let tokens = lex("größe == \"ä\"").unwrap();
        assert_eq!(tokens[0].span, Span::new(0, 7));
        assert_eq!(tokens[1].span, Span::new(8, 10));
        assert_eq!(tokens[2].span, Span::new(11, 15));
    }
}
