//! Mail that went through a content filter (amavis and the like, re-injected over SMTP with
//! XFORWARD) reaches the queue as a second message: its queue file has the filter as its
//! client and no SASL attributes, and its `log_ident` names the first queue ID. The mail
//! log's smtpd line for that first ID says who sent it:
//!
//! ```text
//! ... postfix/smtpd[4560]: 2229C4002B: client=host[192.0.2.1], sasl_method=LOGIN, sasl_username=bob
//! ```
//!
//! The program tag varies (`postfix/submission/smtpd`, `postfix-out/smtpd`) and so does the
//! timestamp (classic syslog or RFC 3339): only the part from the queue ID on is read. A short
//! ID repeats over a long log; the last line for it wins (logs are in time order).

use std::io::{self, BufRead};

use hashbrown::HashMap;

use super::queue_file::{OriginRead, Origins};
use crate::queue::{Origin, QueueName, check_queue_id};

/// Who connected for a queue ID, by the mail log.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Logged {
    pub client_name: Option<Box<str>>,
    pub client_address: Option<Box<str>>,
    pub sasl_method: Option<Box<str>>,
    pub sasl_username: Option<Box<str>>,
}

/// smtpd's `client=` lines of a mail log, by queue ID.
pub fn read_maillog(input: impl BufRead) -> io::Result<HashMap<Box<str>, Logged>> {
    let mut found = HashMap::new();
    for line in input.split(b'\n') {
        let line = line?;
        let line = String::from_utf8_lossy(&line);
        if let Some((id, logged)) = parse_client_line(&line) {
            found.insert(id.into(), logged);
        }
    }
    Ok(found)
}

/// `smtpd[...]: ID: client=NAME[IP], sasl_method=M, sasl_username=U`.
fn parse_client_line(line: &str) -> Option<(&str, Logged)> {
    let (before, rest) = line.split_once(": client=")?;
    let (tag, id) = before.rsplit_once(": ")?;
    if !tag.contains("smtpd") || check_queue_id(id).is_err() {
        return None;
    }
    let mut logged = Logged::default();
    let mut fields = rest.split(", ");
    if let Some(client) = fields.next() {
        let (name, address) = match client.split_once('[') {
            Some((name, address)) => (name, address.trim_end_matches(']')),
            None => (client, ""),
        };
        logged.client_name = (!name.is_empty()).then(|| name.into());
        logged.client_address = (!address.is_empty()).then(|| address.into());
    }
    for field in fields {
        match field.split_once('=') {
            Some(("sasl_method", value)) => logged.sasl_method = Some(value.trim().into()),
            Some(("sasl_username", value)) => logged.sasl_username = Some(value.trim().into()),
            _ => {}
        }
    }
    Some((id, logged))
}

/// Origins read from the queue files, completed from the mail log for mail that came back
/// through a content filter.
pub struct LoggedOrigins {
    pub files: Box<dyn Origins>,
    pub log: HashMap<Box<str>, Logged>,
}

impl LoggedOrigins {
    /// What the files said of `id`, completed from the log.
    fn attributed(&self, read: OriginRead, id: &str) -> OriginRead {
        match read {
            OriginRead::Found(mut origin) => {
                attribute(&mut origin, id, &self.log);
                OriginRead::Found(origin)
            }
            other => other,
        }
    }
}

impl Origins for LoggedOrigins {
    fn origin(&self, id: &str, queue: QueueName) -> OriginRead {
        self.attributed(self.files.origin(id, queue), id)
    }

    /// Across places, the entry's own place's files (the log is the one given).
    fn origin_of(&self, entry: &crate::queue::QueueEntry<'_>) -> OriginRead {
        self.attributed(self.files.origin_of(entry), &entry.id)
    }

    fn count(&self) -> usize {
        self.files.count()
    }
}

/// Where the origin's `log_ident` names another queue ID that the log knows, the first
/// message's client and login stand for this one's.
fn attribute(origin: &mut Origin, id: &str, log: &HashMap<Box<str>, Logged>) {
    let Some(first) = origin.log_ident.as_deref().filter(|first| *first != id) else {
        return;
    };
    let Some(logged) = log.get(first) else {
        return;
    };
    origin.client_address = logged.client_address.clone();
    origin.client_name = logged.client_name.clone();
    origin.sasl_method = logged.sasl_method.clone();
    origin.sasl_username = logged.sasl_username.clone();
    origin.via_filter = true;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_lines_of_every_shape() {
        let log = "\
Aug  4 11:09:17 mail postfix/smtpd[71597]: 1AE3B7EC3D: client=unknown[59.88.35.206], sasl_method=PLAIN, sasl_username=info@example.com
2024-04-15T17:39:13.140250+00:00 mail postfix/submission/smtpd[4560]: 2229C4002B: client=host[192.0.2.1], sasl_method=LOGIN, sasl_username=bob
Aug  4 11:09:18 mail postfix-out/smtpd[1]: 4jbGr21jPzz1SSZr: client=localhost[127.0.0.1]
Aug  4 11:09:19 mail postfix/qmgr[812]: 1AE3B7EC3D: from=<info@example.com>, size=1834, nrcpt=1 (queue active)
Aug  4 11:09:20 mail postfix/smtpd[71597]: connect from unknown[59.88.35.206]
Aug  4 12:00:00 mail postfix/smtpd[9]: 1AE3B7EC3D: client=later[203.0.113.9]
";
        let found = read_maillog(log.as_bytes()).unwrap();
        assert_eq!(found.len(), 3);
        let bob = &found["2229C4002B"];
        assert_eq!(bob.sasl_username.as_deref(), Some("bob"));
        assert_eq!(bob.sasl_method.as_deref(), Some("LOGIN"));
        assert_eq!(bob.client_address.as_deref(), Some("192.0.2.1"));
        assert_eq!(bob.client_name.as_deref(), Some("host"));
        // The last line for a reused ID wins.
        assert_eq!(
            found["1AE3B7EC3D"].client_address.as_deref(),
            Some("203.0.113.9")
        );
        assert_eq!(found["4jbGr21jPzz1SSZr"].sasl_username, None);
    }

    #[test]
    fn only_mail_whose_log_ident_is_another_id_is_attributed() {
        let log = read_maillog(
            "x postfix/smtpd[1]: FIRST1: client=c[203.0.113.7], sasl_method=PLAIN, sasl_username=thief\n"
                .as_bytes(),
        )
        .unwrap();
        let mut filtered = Origin {
            log_ident: Some("FIRST1".into()),
            client_address: Some("127.0.0.1".into()),
            ..Origin::default()
        };
        attribute(&mut filtered, "SECOND2", &log);
        assert_eq!(filtered.sasl_username.as_deref(), Some("thief"));
        assert_eq!(filtered.client_address.as_deref(), Some("203.0.113.7"));
        assert!(filtered.via_filter);
        let mut direct = Origin {
            log_ident: Some("FIRST1".into()),
            ..Origin::default()
        };
        attribute(&mut direct, "FIRST1", &log);
        assert_eq!(direct.sasl_username, None);
        assert!(!direct.via_filter);
    }
}
