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
    let mut start = 0;
    while let Some(c) = source[start..].chars().next() {
        if c.is_whitespace() {
            start += c.len_utf8();
            continue;
        }
        let (token, end) = match c {
            '"' | '\'' => {
                let (text, end) = lex_string(source, start, c)?;
                (Token::Str(text), end)
            }
            '(' => (Token::LParen, start + 1),
            ')' => (Token::RParen, start + 1),
            '=' | '!' | '~' | '<' | '>' | '&' | '|' => {
                let (token, len) = lex_operator(source, start, c)?;
                (token, start + len)
            }
            _ => lex_word(source, start),
        };
        tokens.push(Spanned {
            token,
            span: Span::new(start, end),
        });
        start = end;
    }
    Ok(tokens)
}

/// An operator at `start` (its first character `c`), and its length.
fn lex_operator(source: &str, start: usize, c: char) -> Result<(Token, usize), FilterError> {
    let next = source[start + 1..].chars().next();
    let lone = |message: String| FilterError::at(Span::new(start, start + 1), message);
    Ok(match (c, next) {
        ('=', Some('=')) => (Token::Op(CmpOp::Eq), 2),
        ('=', Some('~')) => (Token::Op(CmpOp::Match), 2),
        ('=', _) => return Err(lone("'=' is not an operator; compare with '=='".into())),
        ('!', Some('=')) => (Token::Op(CmpOp::Ne), 2),
        ('!', Some('~')) => (Token::Op(CmpOp::NotMatch), 2),
        ('!', _) => (Token::Not, 1),
        ('~', _) => (Token::Op(CmpOp::Match), 1),
        ('<', Some('=')) => (Token::Op(CmpOp::Le), 2),
        // The null sender as a bare word: `sender == <>`.
        ('<', Some('>')) => (Token::Word("<>".into()), 2),
        ('<', _) => (Token::Op(CmpOp::Lt), 1),
        ('>', Some('=')) => (Token::Op(CmpOp::Ge), 2),
        ('>', _) => (Token::Op(CmpOp::Gt), 1),
        ('&', Some('&')) => (Token::And, 2),
        ('|', Some('|')) => (Token::Or, 2),
        ('&', _) => return Err(lone("'&' is not an operator; use '&&' or 'and'".into())),
        (_, _) => return Err(lone("'|' is not an operator; use '||' or 'or'".into())),
    })
}

/// A bare word at `start`, or a keyword, and where it ends.
fn lex_word(source: &str, start: usize) -> (Token, usize) {
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
    (token, end)
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
