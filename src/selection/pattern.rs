//! Text matchers: exact (case-insensitive), glob (`*`, `?`), regex, the null sender and
//! `@domain`. Compiled once; matching allocates nothing.

use regex::{Regex, RegexBuilder};

use super::error::ValueError;
use crate::queue::{domain_of, is_null_address};

#[derive(Debug, Clone)]
pub enum TextMatcher {
    /// Equal, ignoring case. Stored lower-cased.
    Exact(Box<str>),
    /// A glob or a user's regex, compiled case-insensitive.
    Regex(Regex),
    /// The null sender: `<>` on the wire, `MAILER-DAEMON` in postqueue.
    NullAddress,
    /// The matcher applies to the domain of the address.
    Domain(Box<TextMatcher>),
}

/// Accepted address patterns, for error messages.
pub const ADDRESS_FORMS: &str = "user@example.com, @example.com (that domain only), \
     *@*.example.com (globs with * and ?), MAILER-DAEMON or <> (the null sender)";

impl TextMatcher {
    pub fn matches(&self, text: &str) -> bool {
        match self {
            TextMatcher::Exact(expected) => eq_ignore_case(expected, text),
            TextMatcher::Regex(regex) => regex.is_match(text),
            TextMatcher::NullAddress => is_null_address(text),
            TextMatcher::Domain(inner) => {
                // An address without '@' has no domain to match.
                text.contains('@') && inner.matches(domain_of(text))
            }
        }
    }

    /// An address pattern, as `--from`, `--to`, `sender ==` and `recipient ==` take it.
    pub fn address(pattern: &str) -> Result<TextMatcher, ValueError> {
        let pattern = pattern.trim();
        if pattern.is_empty() {
            return Err(ValueError(format!(
                "empty address pattern; for the null sender give <> or MAILER-DAEMON ({ADDRESS_FORMS})"
            )));
        }
        if pattern == "<>" || pattern.eq_ignore_ascii_case(crate::queue::NULL_SENDER) {
            return Ok(TextMatcher::NullAddress);
        }
        // As mail logs write it: <alice@customer.example>.
        let pattern = match pattern.strip_prefix('<').and_then(|p| p.strip_suffix('>')) {
            Some(inner) if !inner.is_empty() => inner.trim(),
            _ => pattern,
        };
        if !pattern.contains(['@', '*', '?']) {
            // A bare word would match only an address that is exactly that word: nothing.
            return Err(ValueError(format!(
                "'{pattern}' is not an address pattern and would match nothing: for the \
                 domain give @{pattern}, for anything containing it *{pattern}*, or a whole \
                 address user@{pattern} ({ADDRESS_FORMS})"
            )));
        }
        if let Some(domain) = pattern.strip_prefix('@') {
            if domain.is_empty() || domain.contains('@') {
                return Err(ValueError(format!(
                    "invalid address pattern '{pattern}'; use {ADDRESS_FORMS}"
                )));
            }
            return Ok(TextMatcher::Domain(Box::new(TextMatcher::glob(domain)?)));
        }
        TextMatcher::glob(pattern)
    }

    /// Exact unless the pattern has `*` or `?`: then a glob over the whole text.
    pub fn glob(pattern: &str) -> Result<TextMatcher, ValueError> {
        if !pattern.contains(['*', '?']) {
            return Ok(TextMatcher::Exact(lower(pattern).into()));
        }
        let mut regex = String::with_capacity(pattern.len() + 8);
        regex.push_str("^(?s:");
        let mut literal = [0u8; 4];
        for c in pattern.chars() {
            match c {
                '*' => regex.push_str(".*"),
                '?' => regex.push('.'),
                _ => regex.push_str(&regex::escape(c.encode_utf8(&mut literal))),
            }
        }
        regex.push_str(")$");
        build_regex(&regex)
            .map(TextMatcher::Regex)
            .map_err(|err| ValueError(format!("invalid pattern '{pattern}': {}", err.why)))
    }

    /// A user's regular expression: case-insensitive unless it says `(?-i)`.
    pub fn regex(pattern: &str) -> Result<TextMatcher, ValueError> {
        build_regex(pattern).map(TextMatcher::Regex).map_err(|err| {
            ValueError(format!(
                "invalid regular expression '{pattern}': {}",
                err.why
            ))
        })
    }
}

/// Why a regular expression was refused, in regex's own last words.
struct RegexError {
    why: String,
}

fn build_regex(pattern: &str) -> Result<Regex, RegexError> {
    RegexBuilder::new(pattern)
        .case_insensitive(true)
        .build()
        .map_err(|err| match err {
            regex::Error::Syntax(text) => {
                let last = text.lines().last().unwrap_or("").trim();
                RegexError {
                    why: last.strip_prefix("error: ").unwrap_or(last).to_string(),
                }
            }
            other => RegexError {
                why: other.to_string(),
            },
        })
}

fn lower(text: &str) -> String {
    text.to_lowercase()
}

/// `expected` is lower-cased already.
fn eq_ignore_case(expected: &str, text: &str) -> bool {
    if expected.is_ascii() && text.is_ascii() {
        return expected.eq_ignore_ascii_case(text);
    }
    expected
        .chars()
        .eq(text.chars().flat_map(char::to_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn address_patterns() {
        // (pattern, text, matches)
        let cases = [
            ("user@example.com", "user@example.com", true),
            ("user@example.com", "USER@Example.COM", true),
            ("user@example.com", "user@example.com.evil", false),
            ("user@example.com", "xuser@example.com", false),
            ("@example.com", "anyone@example.com", true),
            ("@example.com", "anyone@EXAMPLE.com", true),
            ("@example.com", "anyone@sub.example.com", false),
            ("@example.com", "example.com", false),
            ("@*.example.com", "a@sub.example.com", true),
            ("@*.example.com", "a@example.com", false),
            ("*@*.example.com", "a@b.example.com", true),
            ("*@*.example.com", "a@example.com", false),
            ("*@example.com", "a@example.com", true),
            ("bulk?@spam.example", "bulk1@spam.example", true),
            ("bulk?@spam.example", "bulk12@spam.example", false),
            ("a.b@x.example", "axb@x.example", false),
            ("a+tag@x.example", "a+tag@x.example", true),
            ("*", "anything at all", true),
            ("MAILER-DAEMON", "MAILER-DAEMON", true),
            ("mailer-daemon", "MAILER-DAEMON", true),
            ("<>", "MAILER-DAEMON", true),
            ("<>", "", true),
            ("<>", "mailer-daemon@example.com", false),
            (
                "J\u{c9}R\u{d4}ME@example.fr",
                "j\u{e9}r\u{f4}me@EXAMPLE.fr",
                true,
            ),
            (
                r#""john \"the\" doe"@customer.example"#,
                r#""john \"the\" doe"@customer.example"#,
                true,
            ),
            (
                "*doe\"@customer.example",
                r#""john \"the\" doe"@customer.example"#,
                true,
            ),
        ];
        for (pattern, text, expected) in cases {
            let matcher = TextMatcher::address(pattern).unwrap();
            assert_eq!(matcher.matches(text), expected, "{pattern} vs {text}");
        }
    }

    #[test]
    fn bad_address_patterns_say_which_forms_work() {
        for pattern in ["", "  ", "@", "@a@b"] {
            let err = TextMatcher::address(pattern).unwrap_err();
            assert!(err.0.contains("MAILER-DAEMON"), "{pattern:?}: {err}");
        }
    }

    #[test]
    fn regexes_ignore_case_unless_told() {
        let matcher = TextMatcher::regex("connection refused").unwrap();
        assert!(matcher.matches("connect to x[1.2.3.4]:25: Connection Refused"));
        let matcher = TextMatcher::regex("(?-i)Refused").unwrap();
        assert!(!matcher.matches("refused"));
        let err = TextMatcher::regex("4.7.(").unwrap_err();
        assert!(
            err.0.starts_with("invalid regular expression '4.7.(': "),
            "{err}"
        );
        assert!(err.0.contains("unclosed group"), "{err}");
    }
}
