//! The evaluator over real `postqueue -j` lines (the captured incident), against plain
//! predicates written independently over the JSON; and properties: the flag form and the
//! expression form agree, `not X` is the complement of X, and no input makes the parser panic.

use proptest::prelude::*;
use serde_json::Value;

use super::*;
use crate::cli::SelectionArgs;
use crate::queue::{QueueEntry, QueueName, parse_line};

const INCIDENT: &str = include_str!("../../tests/fixtures/incident.jsonl");

fn lines() -> Vec<&'static str> {
    INCIDENT.lines().collect()
}

fn entries() -> Vec<QueueEntry<'static>> {
    lines()
        .into_iter()
        .enumerate()
        .map(|(i, line)| parse_line(i as u64 + 1, line).unwrap().entry)
        .collect()
}

/// An hour after the last arrival, so ages are fixed.
fn now() -> i64 {
    entries().iter().map(|e| e.arrival_time).max().unwrap() + 3600
}

fn selected_by(expression: &str, now: i64) -> Vec<String> {
    let filter = compile_expression(expression).unwrap_or_else(|e| panic!("{expression}: {e:?}"));
    entries()
        .iter()
        .filter(|e| filter.matches(e, now))
        .map(|e| e.id.to_string())
        .collect()
}

fn selected_where(predicate: impl Fn(&Value) -> bool) -> Vec<String> {
    lines()
        .into_iter()
        .map(|line| serde_json::from_str::<Value>(line).unwrap())
        .filter(|v| predicate(v))
        .map(|v| v["queue_id"].as_str().unwrap().to_string())
        .collect()
}

fn addresses(v: &Value) -> Vec<String> {
    v["recipients"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["address"].as_str().unwrap().to_lowercase())
        .collect()
}

fn reasons(v: &Value) -> Vec<String> {
    v["recipients"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["delay_reason"].as_str())
        .map(str::to_lowercase)
        .collect()
}

fn sender(v: &Value) -> String {
    v["sender"].as_str().unwrap().to_lowercase()
}

type Oracle = Box<dyn Fn(&Value) -> bool>;

#[test]
fn expressions_select_what_plain_predicates_select() {
    let now = now();
    let last_arrival = now - 3600;
    let cases: Vec<(&str, Oracle)> = vec![
        (
            "sender == compromised@customer.example",
            Box::new(|v| sender(v) == "compromised@customer.example"),
        ),
        (
            "sender == COMPROMISED@Customer.Example",
            Box::new(|v| sender(v) == "compromised@customer.example"),
        ),
        (
            "sender_domain == customer.example",
            Box::new(|v| sender(v).ends_with("@customer.example")),
        ),
        (
            "sender == @customer.example",
            Box::new(|v| sender(v).ends_with("@customer.example")),
        ),
        (
            "sender == '*@*.example'",
            Box::new(|v| sender(v).contains('@')),
        ),
        (
            "sender == MAILER-DAEMON",
            Box::new(|v| sender(v) == "mailer-daemon"),
        ),
        ("sender == <>", Box::new(|v| sender(v) == "mailer-daemon")),
        (
            "recipient_domain == gmail.com",
            Box::new(|v| addresses(v).iter().any(|a| a.ends_with("@gmail.com"))),
        ),
        (
            "recipient_domain != gmail.com",
            Box::new(|v| !addresses(v).iter().any(|a| a.ends_with("@gmail.com"))),
        ),
        (
            "recipient == emma@gmail.com",
            Box::new(|v| addresses(v).iter().any(|a| a == "emma@gmail.com")),
        ),
        (
            "recipient != emma@gmail.com",
            Box::new(|v| addresses(v).iter().all(|a| a != "emma@gmail.com")),
        ),
        (
            "reason ~ refused",
            Box::new(|v| reasons(v).iter().any(|r| r.contains("refused"))),
        ),
        (
            "reason !~ refused",
            Box::new(|v| !reasons(v).iter().any(|r| r.contains("refused"))),
        ),
        (
            "reason ~ '4\\.7\\.[0-9]+ '",
            Box::new(|v| reasons(v).iter().any(|r| r.contains(" 4.7."))),
        ),
        (
            "reason == 'deferred transport'",
            Box::new(|v| reasons(v).iter().any(|r| r == "deferred transport")),
        ),
        ("queue == hold", Box::new(|v| v["queue_name"] == "hold")),
        ("queue != hold", Box::new(|v| v["queue_name"] != "hold")),
        (
            "queue ~ '^(hold|active)$'",
            Box::new(|v| v["queue_name"] == "hold"),
        ),
        (
            "size > 5k",
            Box::new(|v| v["message_size"].as_u64().unwrap() > 5120),
        ),
        (
            "size <= 1000",
            Box::new(|v| v["message_size"].as_u64().unwrap() <= 1000),
        ),
        ("recipients > 1", Box::new(|v| addresses(v).len() > 1)),
        ("recipients == 1", Box::new(|v| addresses(v).len() == 1)),
        ("expired", Box::new(|v| v["forced_expire"] == true)),
        ("not expired", Box::new(|v| v["forced_expire"] != true)),
        ("expired == false", Box::new(|v| v["forced_expire"] != true)),
        ("age > 59m", Box::new(|_| true)),
        ("age < 1h", Box::new(|_| false)),
        (
            "age >= 1h",
            Box::new(move |v| v["arrival_time"].as_i64().unwrap() <= last_arrival),
        ),
        (
            "sender_domain == customer.example and not sender == compromised@customer.example",
            Box::new(|v| {
                sender(v).ends_with("@customer.example")
                    && sender(v) != "compromised@customer.example"
            }),
        ),
        (
            "sender_domain == example.com and age > 2h and (reason ~ \"refused\" or queue == hold)",
            Box::new(|v| sender(v).ends_with("@example.com")),
        ),
        (
            "queue == hold or sender == MAILER-DAEMON",
            Box::new(|v| v["queue_name"] == "hold" || sender(v) == "mailer-daemon"),
        ),
    ];
    for (expression, oracle) in cases {
        let expected = selected_where(oracle);
        assert_eq!(selected_by(expression, now), expected, "{expression}");
    }
}

#[test]
fn the_fixture_has_what_the_cases_need() {
    // The cases above prove something only if these hold.
    let now = now();
    for expression in [
        "sender == compromised@customer.example",
        "sender == MAILER-DAEMON",
        "recipient_domain == gmail.com",
        "reason ~ refused",
        "queue == hold",
        "recipients > 1",
        "size > 5k",
    ] {
        assert!(!selected_by(expression, now).is_empty(), "{expression}");
        assert!(
            selected_by(expression, now).len() < entries().len(),
            "{expression}"
        );
    }
}

#[test]
fn ids_compare_exactly_and_case_sensitively() {
    let entry = &entries()[0];
    let id = entry.id.to_string();
    let now = now();
    assert_eq!(
        selected_by(&format!("id == {id}"), now),
        std::slice::from_ref(&id)
    );
    assert!(selected_by(&format!("id == {}", id.to_lowercase()), now).is_empty());
    assert_eq!(selected_by(&format!("queue_id == {id}"), now), [id]);
    assert!(compile_expression("id == ''").is_err());
}

#[test]
fn older_and_newer_than_are_strict_at_the_exact_boundary() {
    let line = crate::queue::testing::line("deferred", "A1", "a@b.example", 100);
    let entry = parse_line(1, &line).unwrap().entry;
    // Arrived at 1000: exactly two hours old at 1000 + 7200.
    let now = 1000 + 7200;
    let flags = |older: Option<i64>, newer: Option<i64>| SelectionArgs {
        older_than: older,
        newer_than: newer,
        ..SelectionArgs::default()
    };
    let selects = |args: SelectionArgs| Selection::from_args(&args).unwrap().matches(&entry, now);
    assert!(
        !selects(flags(Some(7200), None)),
        "--older-than 2h at exactly 2h"
    );
    assert!(
        !selects(flags(None, Some(7200))),
        "--newer-than 2h at exactly 2h"
    );
    assert!(selects(flags(Some(7199), None)));
    assert!(selects(flags(None, Some(7201))));
}

#[test]
fn age_uses_the_given_now_only() {
    let entry = &entries()[0];
    let filter = compile_expression("age > 2h").unwrap();
    assert!(!filter.matches(entry, entry.arrival_time + 7200));
    assert!(filter.matches(entry, entry.arrival_time + 7201));
    // A clock behind the arrival time: age 0, never negative.
    let filter = compile_expression("age < 1s").unwrap();
    assert!(filter.matches(entry, entry.arrival_time - 100));
}

// Properties.

const SENDERS: &[&str] = &[
    "compromised@customer.example",
    "@customer.example",
    "*@*.example",
    "alice@*",
    "MAILER-DAEMON",
    "<>",
    "nobody@nowhere.example",
    "*doe\"@customer.example",
];
const RECIPIENTS: &[&str] = &[
    "@gmail.com",
    "*@*.com",
    "emma@gmail.com",
    "bob@partner.example",
    "?ob@*",
];
const REASONS: &[&str] = &[
    "refused",
    "4\\.7\\.",
    "deferred transport",
    "^host",
    "rate limited",
];
const DURATIONS: &[(&str, i64)] = &[
    ("30s", 30),
    ("10m", 600),
    ("1h", 3600),
    ("1h30m", 5400),
    ("2d", 172_800),
];
const SIZES: &[(&str, u64)] = &[
    ("500", 500),
    ("1k", 1024),
    ("2k", 2048),
    ("9k", 9216),
    ("1M", 1 << 20),
];

#[derive(Debug, Clone)]
struct Spec {
    from: Option<usize>,
    to: Option<usize>,
    queues: Vec<QueueName>,
    older: Option<usize>,
    newer: Option<usize>,
    reason: Option<usize>,
    min_size: Option<usize>,
    max_size: Option<usize>,
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        proptest::option::of(0..SENDERS.len()),
        proptest::option::of(0..RECIPIENTS.len()),
        proptest::sample::subsequence(QueueName::ALL.to_vec(), 0..=2),
        proptest::option::of(0..DURATIONS.len()),
        proptest::option::of(0..DURATIONS.len()),
        proptest::option::of(0..REASONS.len()),
        proptest::option::of(0..SIZES.len()),
        proptest::option::of(0..SIZES.len()),
    )
        .prop_map(
            |(from, to, queues, older, newer, reason, min_size, max_size)| Spec {
                from,
                to,
                queues,
                older,
                newer,
                reason,
                min_size,
                max_size,
            },
        )
}

fn flags_of(spec: &Spec) -> SelectionArgs {
    let address = |text: &str| TextMatcher::address(text).unwrap();
    SelectionArgs {
        from: spec.from.map(|i| address(SENDERS[i])).into_iter().collect(),
        to: spec
            .to
            .map(|i| address(RECIPIENTS[i]))
            .into_iter()
            .collect(),
        queues: spec.queues.clone(),
        older_than: spec.older.map(|i| DURATIONS[i].1),
        newer_than: spec.newer.map(|i| DURATIONS[i].1),
        reason: spec.reason.map(|i| TextMatcher::regex(REASONS[i]).unwrap()),
        min_size: spec.min_size.map(|i| SIZES[i].1),
        max_size: spec.max_size.map(|i| SIZES[i].1),
        ids: Vec::new(),
        ids_from: None,
        accounts: Vec::new(),
        clients: Vec::new(),
        expression: None,
    }
}

fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
}

fn expression_of(spec: &Spec) -> String {
    let mut parts = Vec::new();
    if let Some(i) = spec.from {
        parts.push(format!("sender == {}", quoted(SENDERS[i])));
    }
    if let Some(i) = spec.to {
        parts.push(format!("recipient == {}", quoted(RECIPIENTS[i])));
    }
    if !spec.queues.is_empty() {
        let any: Vec<String> = spec
            .queues
            .iter()
            .map(|q| format!("queue == {q}"))
            .collect();
        parts.push(format!("({})", any.join(" or ")));
    }
    if let Some(i) = spec.older {
        parts.push(format!("age > {}", DURATIONS[i].0));
    }
    if let Some(i) = spec.newer {
        parts.push(format!("age < {}", DURATIONS[i].0));
    }
    if let Some(i) = spec.reason {
        parts.push(format!("reason ~ {}", quoted(REASONS[i])));
    }
    if let Some(i) = spec.min_size {
        parts.push(format!("size >= {}", SIZES[i].0));
    }
    if let Some(i) = spec.max_size {
        parts.push(format!("size <= {}", SIZES[i].0));
    }
    if parts.is_empty() {
        "size >= 0".to_string()
    } else {
        parts.join(" and ")
    }
}

/// A random expression over the fields, from a small grammar.
fn expression() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        (0..SENDERS.len()).prop_map(|i| format!("sender == {}", quoted(SENDERS[i]))),
        (0..RECIPIENTS.len()).prop_map(|i| format!("recipient != {}", quoted(RECIPIENTS[i]))),
        (0..REASONS.len()).prop_map(|i| format!("reason ~ {}", quoted(REASONS[i]))),
        (0..DURATIONS.len()).prop_map(|i| format!("age >= {}", DURATIONS[i].0)),
        (0..SIZES.len()).prop_map(|i| format!("size < {}", SIZES[i].0)),
        (0..5usize).prop_map(|i| format!("queue == {}", QueueName::ALL[i])),
        (0..4u32).prop_map(|n| format!("recipients > {n}")),
        Just("expired".to_string()),
        Just("sender_domain ~ 'example$'".to_string()),
        Just("recipient_domain == '*.com'".to_string()),
    ];
    leaf.prop_recursive(4, 24, 2, |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a} and {b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a} || {b})")),
            inner.prop_map(|a| format!("not {a}")),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn flags_and_expressions_agree(spec in spec(), offset in 0i64..200_000) {
        let now = now() - 3600 + offset;
        let expression = expression_of(&spec);
        let filter = compile_expression(&expression).unwrap();
        let flags = match Selection::from_args(&flags_of(&spec)) {
            Ok(flags) => flags,
            // Flags that can never match are refused; the expression indeed matches nothing.
            Err(err) => {
                prop_assert!(err.to_string().contains("nothing would match"), "{}", err);
                for entry in entries() {
                    prop_assert!(!filter.matches(&entry, now), "{} on {}", expression, entry.id);
                }
                return Ok(());
            }
        };
        for entry in entries() {
            prop_assert_eq!(flags.matches(&entry, now), filter.matches(&entry, now), "{} on {}", expression, entry.id);
        }
    }

    #[test]
    fn not_x_is_the_complement_of_x(x in expression(), offset in 0i64..200_000) {
        let now = now() - 3600 + offset;
        let positive = compile_expression(&x).unwrap();
        let negative = compile_expression(&format!("not ({x})")).unwrap();
        for entry in entries() {
            prop_assert_ne!(positive.matches(&entry, now), negative.matches(&entry, now), "{} on {}", x, entry.id);
        }
    }

    #[test]
    fn the_parser_never_panics_on_any_text(source in "\\PC{0,60}") {
        let _ = compile_expression(&source);
    }

    #[test]
    fn the_parser_never_panics_on_token_soup(
        words in proptest::collection::vec(
            prop_oneof![
                Just("sender"), Just("size"), Just("age"), Just("expired"), Just("queue"),
                Just("=="), Just("!="), Just("~"), Just("<"), Just(">="), Just("!"),
                Just("and"), Just("or"), Just("not"), Just("("), Just(")"), Just("&&"),
                Just("'x"), Just("\""), Just("10k"), Just("2h"), Just("hold"), Just("<>"),
                Just("ä"), Just("="), Just("|"),
            ],
            0..16,
        )
    ) {
        let source = words.join(" ");
        if let Err(err) = compile_expression(&source) {
            // Every error can be shown with its caret.
            let _ = err.render(&source);
        }
        let _ = compile_expression(&words.concat());
    }
}
