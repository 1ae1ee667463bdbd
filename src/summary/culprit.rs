//! The culprit: one sender, or one sender domain, holding a large share of the selection.

use super::aggregate::{Grouping, Summary};
use crate::queue::NULL_SENDER;

/// A culprit holds more than this share of the selected messages...
pub const CULPRIT_SHARE: f64 = 0.30;
/// ...and more than this many of them.
pub const CULPRIT_MIN_MESSAGES: u64 = 100;

#[derive(Debug, Clone, PartialEq)]
pub struct Culprit {
    /// Origin, Sender or SenderDomain.
    pub grouping: Grouping,
    pub key: String,
    pub count: u64,
    pub share: f64,
    /// The selector (flag and value) that selects exactly its messages.
    pub selector: (&'static str, String),
    /// For an origin: the distinct sender addresses and client addresses it used.
    pub spread: Option<(usize, usize)>,
}

/// The origin (an account, a local user, a client that did not log in), else the sender,
/// else the sender domain, that holds more than 30% and more than 100 of the selected
/// messages. Origins first: a stolen password sends under any sender address.
pub fn find_culprit(summary: &Summary) -> Option<Culprit> {
    let total = summary.total.count;
    if total == 0 {
        return None;
    }
    for grouping in [Grouping::Origin, Grouping::Sender, Grouping::SenderDomain] {
        let Some(top) = summary.grouping(grouping).and_then(|groups| groups.first()) else {
            continue;
        };
        let count = top.stats.count;
        let share = count as f64 / total as f64;
        if share <= CULPRIT_SHARE || count <= CULPRIT_MIN_MESSAGES {
            continue;
        }
        let key = top.key.to_string();
        // Nothing known of who sent them: the senders may still tell.
        let Some(selector) = selector_of(grouping, &key) else {
            continue;
        };
        let spread = (grouping == Grouping::Origin)
            .then(|| summary.spread.get(key.as_str()).copied())
            .flatten();
        return Some(Culprit {
            grouping,
            key,
            count,
            share,
            selector,
            spread,
        });
    }
    None
}

/// The selector (flag and value) that selects exactly the messages of `key` in `grouping`
/// (Origin, Sender or SenderDomain); none for an origin nothing is known of.
pub fn selector_of(grouping: Grouping, key: &str) -> Option<(&'static str, String)> {
    match grouping {
        Grouping::Origin => origin_selector(key),
        Grouping::Sender if key == NULL_SENDER => Some(("--from", "<>".to_string())),
        Grouping::SenderDomain if key.is_empty() => Some(("--from", "<>".to_string())),
        Grouping::SenderDomain => Some(("--from", format!("@{key}"))),
        _ => Some(("--from", key.to_string())),
    }
}

/// `sasl:NAME` is `--account NAME`; `client:IP` is `--client IP`; a local user has no flag:
/// `-w 'origin == local:USER'`.
fn origin_selector(who: &str) -> Option<(&'static str, String)> {
    if let Some(account) = who.strip_prefix("sasl:") {
        Some(("--account", account.to_string()))
    } else if let Some(ip) = who.strip_prefix("client:") {
        Some(("--client", ip.to_string()))
    } else if who.starts_with("local:") {
        Some(("-w", format!("origin == '{who}'")))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queue::parse_line;
    use crate::summary::Aggregator;

    fn summary_of(senders: &[(&str, usize)]) -> Summary {
        let mut aggregator = Aggregator::new(&Grouping::DEFAULT, 1000);
        let mut n = 0;
        for (sender, count) in senders {
            for _ in 0..*count {
                n += 1;
                let line = format!(
                    r#"{{"queue_name": "deferred", "queue_id": "A{n}", "arrival_time": 900, "message_size": 10, "sender": "{sender}", "recipients": []}}"#
                );
                aggregator.add(&parse_line(1, &line).unwrap().entry);
            }
        }
        aggregator.finish()
    }

    #[test]
    fn a_sender_with_a_large_share_is_named() {
        let culprit = find_culprit(&summary_of(&[
            ("bad@x.example", 301),
            ("ok@y.example", 300),
        ]))
        .unwrap();
        assert_eq!(culprit.grouping, Grouping::Sender);
        assert_eq!(culprit.selector, ("--from", "bad@x.example".to_string()));
        assert_eq!(culprit.count, 301);
    }

    #[test]
    fn small_or_spread_queues_have_none() {
        // 100 is not more than 100; a quarter each is no culprit.
        assert!(find_culprit(&summary_of(&[("bad@x.example", 100)])).is_none());
        let spread = [
            ("a@w.example", 250),
            ("b@x.example", 250),
            ("c@y.example", 250),
            ("d@z.example", 250),
        ];
        assert!(find_culprit(&summary_of(&spread)).is_none());
    }

    #[test]
    fn else_a_domain_and_the_null_sender_as_a_pattern() {
        // No sender has more than 100; their domain has.
        let culprit = find_culprit(&summary_of(&[
            ("a@spam.example", 95),
            ("b@spam.example", 95),
            ("c@spam.example", 95),
            ("d@ok.example", 50),
            ("e@fine.example", 50),
        ]))
        .unwrap();
        assert_eq!(
            (culprit.grouping, culprit.selector.1.as_str()),
            (Grouping::SenderDomain, "@spam.example")
        );
        let culprit = find_culprit(&summary_of(&[("MAILER-DAEMON", 150)])).unwrap();
        assert_eq!(culprit.selector.1, "<>");
    }
}
