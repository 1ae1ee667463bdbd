//! The per-entry hot paths, in ns per entry: reading a `postqueue -j` line into an entry,
//! evaluating typical filters, and aggregating for summary. Input: the captured incident
//! (tests/fixtures).
//!   cargo bench --bench hot_paths

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use postq::compile_expression;
use postq::{Aggregator, Grouping, normalize_reason};
use postq::{QueueEntry, parse_line};

const INCIDENT: &str = include_str!("../tests/fixtures/incident.jsonl");

fn entries() -> Vec<QueueEntry<'static>> {
    INCIDENT
        .lines()
        .map(|line| parse_line(1, line).unwrap().entry)
        .collect()
}

fn read_line(c: &mut Criterion) {
    let lines: Vec<&str> = INCIDENT.lines().collect();
    let mut group = c.benchmark_group("read");
    group.throughput(Throughput::Elements(lines.len() as u64));
    group.bench_function("parse_line", |b| {
        b.iter(|| {
            for line in &lines {
                black_box(parse_line(1, black_box(line)).unwrap());
            }
        })
    });
    group.finish();
}

fn filters(c: &mut Criterion) {
    let entries = entries();
    let now = entries.iter().map(|e| e.arrival_time).max().unwrap() + 3600;
    let cases = [
        ("sender_exact", "sender == compromised@customer.example"),
        ("sender_domain", "sender == @customer.example"),
        ("sender_glob", "sender == '*@*.example'"),
        ("recipient_domain", "recipient_domain == gmail.com"),
        ("reason_regex", "reason ~ 'connection refused'"),
        ("age_and_queue", "age > 30m and queue == deferred"),
        (
            "contract_example",
            "sender_domain == example.com and age > 2h and (reason ~ \"refused\" or queue == hold)",
        ),
    ];
    let mut group = c.benchmark_group("filter");
    group.throughput(Throughput::Elements(entries.len() as u64));
    for (name, expression) in cases {
        let filter = compile_expression(expression).unwrap();
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut selected = 0usize;
                for entry in &entries {
                    selected += usize::from(filter.matches(black_box(entry), now));
                }
                black_box(selected)
            })
        });
    }
    group.finish();
}

fn aggregate(c: &mut Criterion) {
    let entries = entries();
    let now = entries.iter().map(|e| e.arrival_time).max().unwrap() + 3600;
    let mut group = c.benchmark_group("summary");
    group.throughput(Throughput::Elements(entries.len() as u64));
    group.bench_function("aggregate_all_groupings", |b| {
        b.iter(|| {
            let mut aggregator = Aggregator::new(&Grouping::DEFAULT, now);
            for entry in &entries {
                aggregator.add(black_box(entry));
            }
            black_box(aggregator.finish())
        })
    });
    let reasons: Vec<&str> = entries
        .iter()
        .flat_map(|e| e.recipients.iter())
        .filter_map(|r| r.delay_reason.as_deref())
        .collect();
    group.throughput(Throughput::Elements(reasons.len() as u64));
    group.bench_function("normalize_reason", |b| {
        let mut out = String::new();
        b.iter(|| {
            for reason in &reasons {
                normalize_reason(black_box(reason), &mut out);
            }
            black_box(out.len())
        })
    });
    group.finish();
}

criterion_group!(benches, read_line, filters, aggregate);
criterion_main!(benches);
