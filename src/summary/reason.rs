//! Delay reasons normalised so that the same failure groups together across hosts, IP
//! addresses, ports, recipients, queue IDs, times and other numbers:
//!
//! ```text
//! host mx1.example.com[192.0.2.1] said: 450 4.7.1 <bob@example.com>: Recipient address rejected: Greylisted
//! host *[*] said: 450 4.7.1 <*>: Recipient address rejected: Greylisted
//! ```
//!
//! One pass over the words, no regex: it runs once per recipient of every message.

/// Postfix's prefix when a destination is marked dead; the failure is the one that follows.
const SUSPENDED: &str = "delivery temporarily suspended: ";

/// Writes the normal form of `reason` into `out` (cleared first).
pub fn normalize_reason(reason: &str, out: &mut String) {
    out.clear();
    let reason = reason.trim();
    let reason = reason.strip_prefix(SUSPENDED).unwrap_or(reason);
    let mut rest = reason;
    loop {
        let (word, next) = match memchr::memchr(b' ', rest.as_bytes()) {
            Some(space) => (&rest[..space], Some(&rest[space + 1..])),
            None => (rest, None),
        };
        normalize_word(word, out);
        match next {
            Some(next) => {
                out.push(' ');
                rest = next;
            }
            None => break,
        }
    }
}

/// What one scan of a word found.
#[derive(Default)]
struct Shape {
    at: bool,
    digit: bool,
    open: Option<usize>,
    close: Option<usize>,
    equals: Option<usize>,
    colon_slash: bool,
}

/// Bytes that can make a word change: digits, '@', '[', ']', '=' and '/' (of "://").
static SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = b'0';
    while b <= b'9' {
        table[b as usize] = true;
        b += 1;
    }
    table[b'@' as usize] = true;
    table[b'[' as usize] = true;
    table[b']' as usize] = true;
    table[b'=' as usize] = true;
    table[b'/' as usize] = true;
    table
};

fn shape(word: &str) -> Shape {
    let mut shape = Shape::default();
    let bytes = word.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'@' => shape.at = true,
            b'0'..=b'9' => shape.digit = true,
            b'[' if shape.open.is_none() => shape.open = Some(i),
            b']' => shape.close = Some(i),
            b'=' if shape.equals.is_none() => shape.equals = Some(i),
            b':' if bytes.get(i + 1) == Some(&b'/') && bytes.get(i + 2) == Some(&b'/') => {
                shape.colon_slash = true
            }
            _ => {}
        }
    }
    shape
}

fn normalize_word(word: &str, out: &mut String) {
    // Most words are plain: one pass over a table says so.
    if !word.bytes().any(|b| SPECIAL[b as usize]) {
        out.push_str(word);
        return;
    }
    let shape = shape(word);
    // A URL: its host says whose policy it is; its path often names the recipient domain.
    if shape.colon_slash {
        let (lead, core, tail) = split_punctuation(word);
        let host_end = core
            .find("://")
            .and_then(|scheme| core[scheme + 3..].find('/').map(|slash| scheme + 3 + slash))
            .unwrap_or(core.len());
        out.push_str(lead);
        out.push_str(&core[..host_end]);
        if host_end < core.len() {
            out.push_str("/*");
        }
        out.push_str(tail);
        return;
    }
    // An address, bare or in angle brackets: <bob@example.com>: → <*>:
    if shape.at {
        let (lead, _, tail) = split_punctuation(word);
        out.push_str(lead);
        out.push('*');
        out.push_str(tail);
        return;
    }
    // host[address]:port → *[*]:*
    if let (Some(open), Some(close)) = (shape.open, shape.close)
        && open < close
    {
        let (lead, _, _) = split_punctuation(&word[..open]);
        out.push_str(lead);
        out.push_str("*[*]");
        let after = &word[close + 1..];
        // A port: ":25:" → ":*:".
        match after.strip_prefix(':') {
            Some(port) if port.starts_with(|c: char| c.is_ascii_digit()) => {
                out.push_str(":*");
                out.push_str(port.trim_start_matches(|c: char| c.is_ascii_digit()));
            }
            _ => normalize_word(after, out),
        }
        return;
    }
    // A DNS name in a lookup error: name=example.com → name=*
    if let Some(eq) = shape.equals
        && word[..eq].eq_ignore_ascii_case("name")
    {
        out.push_str(&word[..=eq]);
        out.push('*');
        return;
    }
    if !shape.digit || is_status_code(word) {
        out.push_str(word);
        return;
    }
    // Any other word with a digit (a time, an IP, a port, an ID): the word goes, its
    // punctuation stays.
    let (lead, core, tail) = split_punctuation(word);
    out.push_str(lead);
    if core.is_empty() {
        out.push_str(word);
    } else {
        out.push('*');
    }
    out.push_str(tail);
}

/// Leading and trailing punctuation apart from the word: `(12:01:11),` → `(`, `12:01:11`, `),`.
fn split_punctuation(word: &str) -> (&str, &str, &str) {
    let is_punctuation = |c: char| "([{<\"'".contains(c);
    let is_trailing = |c: char| ")]}>\"',;:.!?".contains(c);
    let start = word.len() - word.trim_start_matches(is_punctuation).len();
    let rest = &word[start..];
    let core = rest.trim_end_matches(is_trailing);
    (&word[..start], core, &rest[core.len()..])
}

/// SMTP reply codes and enhanced status codes, which say what failed and so stay:
/// `450`, `4.7.1`, `450-4.7.1`, with trailing punctuation.
fn is_status_code(word: &str) -> bool {
    let word = word.trim_end_matches([',', ';', ':', ')']);
    let (code, enhanced) = match word.split_once('-') {
        Some((code, enhanced)) => (Some(code), Some(enhanced)),
        None if word.contains('.') => (None, Some(word)),
        None => (Some(word), None),
    };
    let code_ok = code.is_none_or(|code| {
        code.len() == 3
            && code.bytes().all(|b| b.is_ascii_digit())
            && matches!(code.as_bytes()[0], b'2'..=b'5')
    });
    let enhanced_ok = enhanced.is_none_or(|enhanced| {
        let parts: Vec<&str> = enhanced.split('.').collect();
        parts.len() == 3
            && matches!(parts[0], "2" | "4" | "5")
            && parts[1..]
                .iter()
                .all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
    });
    code_ok && enhanced_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normal(reason: &str) -> String {
        let mut out = String::new();
        normalize_reason(reason, &mut out);
        out
    }

    #[test]
    fn real_reasons_group_across_hosts_addresses_ports_and_numbers() {
        // (reasons that are the same failure, their normal form)
        let cases: &[(&[&str], &str)] = &[
            (
                &[
                    "connect to 127.0.0.1[127.0.0.1]:1: Connection refused",
                    "connect to mx2.example.net[198.51.100.7]:25: Connection refused",
                    "delivery temporarily suspended: connect to mx.example.org[2001:db8::25]:25: Connection refused",
                ],
                "connect to *[*]:*: Connection refused",
            ),
            (
                &[
                    "connect to mx.example.com[192.0.2.10]:25: Connection timed out",
                    "connect to alt4.aspmx.l.google.com[142.250.4.26]:25: Connection timed out",
                ],
                "connect to *[*]:*: Connection timed out",
            ),
            (
                &[
                    "conversation with mx.example.com[192.0.2.10] timed out while receiving the initial server greeting",
                    "conversation with mail.other.example[203.0.113.9] timed out while receiving the initial server greeting",
                ],
                "conversation with *[*] timed out while receiving the initial server greeting",
            ),
            (
                &[
                    "lost connection with mx.example.com[192.0.2.10] while receiving the initial server greeting",
                ],
                "lost connection with *[*] while receiving the initial server greeting",
            ),
            (
                &[
                    "host 127.0.0.1[127.0.0.1] said: 450 4.7.28 <anna@gmail.com>: Recipient address rejected: Our system has detected an unusual rate of unsolicited mail originating from your IP address (in reply to RCPT TO command)",
                    "host 127.0.0.1[127.0.0.1] said: 450 4.7.28 <bob452@gmail.com>: Recipient address rejected: Our system has detected an unusual rate of unsolicited mail originating from your IP address (in reply to RCPT TO command)",
                ],
                "host *[*] said: 450 4.7.28 <*>: Recipient address rejected: Our system has detected an unusual rate of unsolicited mail originating from your IP address (in reply to RCPT TO command)",
            ),
            (
                &[
                    "host gmail-smtp-in.l.google.com[142.250.102.27] said: 421-4.7.28 [203.0.113.7      15] Our system has detected an unusual rate of 421-4.7.28 unsolicited mail originating from your IP address. 421 4.7.28 https://support.google.com/mail/?p=UnsolicitedRateLimitError a1-20020a0560000b0100b00.44 - gsmtp (in reply to end of DATA command)",
                    "host alt1.gmail-smtp-in.l.google.com[142.251.9.26] said: 421-4.7.28 [203.0.113.7      15] Our system has detected an unusual rate of 421-4.7.28 unsolicited mail originating from your IP address. 421 4.7.28 https://support.google.com/mail/?p=UnsolicitedRateLimitError x9-20020a170906.12 - gsmtp (in reply to end of DATA command)",
                ],
                "host *[*] said: 421-4.7.28 [*      *] Our system has detected an unusual rate of 421-4.7.28 unsolicited mail originating from your IP address. 421 4.7.28 https://support.google.com/* * - gsmtp (in reply to end of DATA command)",
            ),
            (
                &[
                    "host smtp2.example.com[91.1.2.333] said: 450-4.7.1 <host.example.net>: Unverified Client host rejected: Please try again later 450 4.7.1 For assistance, contact your administrator or see http://onas.example.com/kontakty  Please provide the following information in your problem report: Time: (Jan 22 12:01:11), Client: (145.2.33.444), Server: (smtp4.example.com). (in reply to RCPT TO command)",
                    "host smtp2.example.com[91.1.2.333] said: 450-4.7.1 <host.example.net>: Unverified Client host rejected: Please try again later 450 4.7.1 For assistance, contact your administrator or see http://onas.example.com/kontakty  Please provide the following information in your problem report: Time: (Jan 22 12:02:58), Client: (145.2.33.444), Server: (smtp4.example.com). (in reply to RCPT TO command)",
                ],
                "host *[*] said: 450-4.7.1 <host.example.net>: Unverified Client host rejected: Please try again later 450 4.7.1 For assistance, contact your administrator or see http://onas.example.com/*  Please provide the following information in your problem report: Time: (Jan * *), Client: (*), Server: (*). (in reply to RCPT TO command)",
            ),
            (
                &[
                    "Host or domain name not found. Name service error for name=example.invalid type=MX: Host not found, try again",
                    "Host or domain name not found. Name service error for name=other.invalid type=MX: Host not found, try again",
                ],
                "Host or domain name not found. Name service error for name=* type=MX: Host not found, try again",
            ),
            (&["deferred transport"], "deferred transport"),
            (
                &[
                    "host mx.a.example[192.0.2.1] said: 450 4.7.1 <r1@gmail.com>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/gmail.com.html (in reply to RCPT TO command)",
                    "host mx.b.example[192.0.2.2] said: 450 4.7.1 <r2@web.de>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/web.de.html (in reply to RCPT TO command)",
                ],
                "host *[*] said: 450 4.7.1 <*>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/* (in reply to RCPT TO command)",
            ),
            (
                &[
                    "host mx.example.com[192.0.2.1] said: 550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)",
                ],
                "host *[*] said: 550 5.1.1 <*>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)",
            ),
            (
                &[
                    "host mx.example.com[192.0.2.1] refused to talk to me: 554 5.7.1 Service unavailable; Client host [203.0.113.7] blocked using zen.spamhaus.org",
                ],
                "host *[*] refused to talk to me: 554 5.7.1 Service unavailable; Client host *[*] blocked using zen.spamhaus.org",
            ),
        ];
        for (reasons, expected) in cases {
            for reason in *reasons {
                assert_eq!(normal(reason), *expected, "{reason}");
            }
        }
    }

    #[test]
    fn status_codes_stay_and_other_numbers_go() {
        for code in ["450", "4.7.1", "450-4.7.1", "550,", "5.7.606", "4.7.650"] {
            assert!(is_status_code(code), "{code}");
        }
        for word in [
            "12:01:11",
            "192.0.2.1",
            "1795744511",
            "4.7",
            "99",
            "650",
            "1.2.3.4",
            "4.7.1234",
        ] {
            assert!(!is_status_code(word), "{word}");
        }
    }
}
