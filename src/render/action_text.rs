//! Text for actions: the preview of a plan (dry-run and prompt show the same) and the report
//! of what was done.

use std::fmt::Write;

use super::text::{capitalize, escape_untrusted, format_count, format_size, plural};
use crate::action::{Outcome, Plan, Skip};
use crate::postfix::Operation;

/// Senders listed in a preview.
const PREVIEW_SENDERS: usize = 5;

/// What the plan will do: count, bytes, per queue, top senders, what is left alone.
pub fn render_preview(plan: &Plan, dry_run: bool) -> String {
    let mut text = String::new();
    let total = plan.total();
    let verb = plan.operation().verb();
    let head = if dry_run {
        format!("Would {verb}")
    } else {
        capitalize(verb)
    };
    let _ = writeln!(
        text,
        "{head} {} ({}):",
        plural(total.count, "message", "messages"),
        format_size(total.bytes)
    );
    let rows: Vec<[String; 3]> = plan
        .per_queue()
        .into_iter()
        .map(|(queue, tally)| {
            [
                queue.as_str().to_string(),
                format_count(tally.count),
                format_size(tally.bytes),
            ]
        })
        .collect();
    write_aligned(&mut text, &rows, 0);
    let senders = plan.top_senders(PREVIEW_SENDERS);
    if !senders.is_empty() {
        let _ = writeln!(text, "Senders:");
        let rows: Vec<[String; 3]> = senders
            .iter()
            .map(|(sender, tally)| {
                [
                    format_count(tally.count),
                    format_size(tally.bytes),
                    escape_untrusted(sender).into_owned(),
                ]
            })
            .collect();
        write_aligned(&mut text, &rows, 2);
        let others = plan.sender_count().saturating_sub(senders.len());
        if others > 0 {
            let _ = writeln!(
                text,
                "  and {} more {}",
                format_count(others as u64),
                if others == 1 { "sender" } else { "senders" }
            );
        }
    }
    text.push_str(&render_left_alone(plan));
    text
}

/// The selected messages the operation leaves alone, and why.
fn render_left_alone(plan: &Plan) -> String {
    let mut text = String::new();
    for (skip, tally) in plan.skipped() {
        let why = match skip {
            Skip::Maildrop => {
                "in maildrop, not picked up by Postfix yet (postsuper cannot hold them; run again in a minute)"
            }
            Skip::AlreadyHeld => "on hold already",
            Skip::NotHeld => "not on hold",
        };
        let _ = writeln!(
            text,
            "Left alone: {} {why}",
            plural(tally.count, "message", "messages")
        );
    }
    text
}

/// When nothing is left to do: say so, and why the selected messages are left alone.
pub fn render_nothing_to_do(plan: &Plan) -> String {
    format!(
        "No message to {}.\n{}",
        plan.operation().verb(),
        render_left_alone(plan)
    )
}

/// Three columns, two spaces apart: the name (column `name`) left-aligned, the numbers
/// right-aligned.
fn write_aligned(text: &mut String, rows: &[[String; 3]], name: usize) {
    let width = |column: usize| {
        rows.iter()
            .map(|r| r[column].chars().count())
            .max()
            .unwrap_or(0)
    };
    let widths = [width(0), width(1), width(2)];
    for row in rows {
        let cells: Vec<String> = (0..3)
            .map(|i| {
                if i == name {
                    if i == 2 {
                        row[i].clone()
                    } else {
                        format!("{:<w$}", row[i], w = widths[i])
                    }
                } else {
                    format!("{:>w$}", row[i], w = widths[i])
                }
            })
            .collect();
        let _ = writeln!(text, "  {}", cells.join("  "));
    }
}

/// What was done, in one or two sentences.
pub fn render_report(outcome: &Outcome) -> String {
    let acted = format_count(outcome.acted);
    let of = plural(outcome.planned, "selected message", "selected messages");
    let mut text = match outcome.operation {
        Operation::Delete => format!("Deleted {acted} of {of}"),
        Operation::Hold => format!("Put {acted} of {of} on hold"),
        Operation::Release => format!("Released {acted} of {of} from hold"),
        Operation::Requeue => format!("Requeued {acted} of {of}"),
    };
    if outcome.failure.is_some() {
        text.push_str(", then stopped on the error below.\n");
        return text;
    }
    let gone = outcome.gone();
    if gone > 0 {
        let _ = write!(
            text,
            "; {} already left the queue",
            if gone == 1 {
                "1 had".to_string()
            } else {
                format!("{} had", format_count(gone))
            }
        );
    }
    text.push('.');
    if outcome.changed > 0 {
        let _ = write!(
            text,
            "\n{} now named a different message than the one previewed (Postfix reuses short \
             queue IDs): {} left in the queue.",
            plural(outcome.changed, "queue ID", "queue IDs"),
            if outcome.changed == 1 {
                "it was"
            } else {
                "they were"
            }
        );
    }
    if outcome.operation == Operation::Requeue && outcome.acted > 0 {
        text.push_str(
            "\nRequeued messages get new queue IDs as Postfix picks them up again (within a minute).",
        );
    }
    text.push('\n');
    text
}
