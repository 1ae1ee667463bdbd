//! Text for actions: the preview of a plan (dry-run and prompt show the same) and the report
//! of what was done.

use std::fmt::Write;
use std::path::Path;

use super::text::{capitalize, escape_untrusted, format_count, format_size, plural, shell_quote};
use crate::action::{Outcome, Plan, Skip, Tally};
use crate::postfix::Operation;

/// Senders listed in a preview.
pub const PREVIEW_SENDERS: usize = 5;

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
    text.push_str(&render_senders(
        &plan.top_senders(PREVIEW_SENDERS),
        plan.sender_count(),
    ));
    let origins = plan.top_origins(PREVIEW_SENDERS);
    if !origins.is_empty() {
        write_tallies(&mut text, "Sent by:", &origins);
    }
    text.push_str(&render_left_alone(plan));
    text
}

/// The top senders (of `distinct`), as every preview shows them.
pub fn render_senders(top: &[(&str, Tally)], distinct: usize) -> String {
    let mut text = String::new();
    if top.is_empty() {
        return text;
    }
    write_tallies(&mut text, "Senders:", top);
    let others = distinct.saturating_sub(top.len());
    if others > 0 {
        let _ = writeln!(
            text,
            "  and {} more {}",
            format_count(others as u64),
            if others == 1 { "sender" } else { "senders" }
        );
    }
    text
}

/// A title, then a line a name: messages, bytes, the name (a stranger's text, escaped).
fn write_tallies(text: &mut String, title: &str, tallies: &[(&str, Tally)]) {
    let _ = writeln!(text, "{title}");
    let rows: Vec<[String; 3]> = tallies
        .iter()
        .map(|(name, tally)| {
            [
                format_count(tally.count),
                format_size(tally.bytes),
                escape_untrusted(name).into_owned(),
            ]
        })
        .collect();
    write_aligned(text, &rows, 2);
}

/// The selected messages the operation leaves alone, and why.
fn render_left_alone(plan: &Plan) -> String {
    let mut text = String::new();
    for (skip, tally) in plan.skipped() {
        let why = match skip {
            Skip::Maildrop => {
                "in maildrop, not picked up by Postfix yet (postsuper cannot hold them; run again \
                 once pickup has taken them: within a minute while Postfix runs)"
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

/// What was done: how many of the planned messages were acted on, and what became of the
/// others, class by class. `config` is the instance's `-c` for the commands it gives.
pub fn render_report(outcome: &Outcome, config: Option<&Path>) -> String {
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
        text.push_str(&render_stuck(outcome, config));
        return text;
    }
    let gone = outcome.gone.len() as u64;
    if gone > 0 {
        let _ = write!(text, "; {} already left the queue", had(gone));
    }
    text.push('.');
    let changed = outcome.changed.len() as u64;
    if changed > 0 {
        let _ = write!(
            text,
            "\n{} now named a different message than the one previewed (Postfix reuses short \
             queue IDs): {} left in the queue.",
            plural(changed, "queue ID", "queue IDs"),
            if changed == 1 { "it was" } else { "they were" }
        );
    }
    let moved = outcome.moved.len() as u64;
    if moved > 0 {
        let _ = write!(
            text,
            "\n{} moved by someone else meanwhile (still queued, not where postq expected {}): \
             left alone.",
            were(moved),
            if moved == 1 { "it" } else { "them" }
        );
    }
    let failed = outcome.failed.len() as u64;
    if failed > 0 {
        let _ = write!(
            text,
            "\n{} where postq expected {}, and postsuper did not act on {}.",
            were(failed),
            if failed == 1 { "it" } else { "them" },
            if failed == 1 { "it" } else { "them" }
        );
    }
    if outcome.operation == Operation::Requeue && outcome.acted > 0 {
        text.push_str(
            "\nRequeued messages get new queue IDs as Postfix picks them up again (within a minute).",
        );
    }
    text.push('\n');
    text.push_str(&render_stuck(outcome, config));
    text
}

/// "1 had", "2,000 had".
fn had(count: u64) -> String {
    format!("{} had", format_count(count))
}

/// "1 message was", "3 messages were".
fn were(count: u64) -> String {
    if count == 1 {
        "1 message was".into()
    } else {
        format!("{} messages were", format_count(count))
    }
}

/// What postq put on hold and could not release, if anything: where the IDs are and the
/// command that releases them.
fn render_stuck(outcome: &Outcome, config: Option<&Path>) -> String {
    if outcome.stuck.is_empty() {
        return String::new();
    }
    let config = config
        .map(|dir| format!("-c {} ", shell_quote(&dir.display().to_string())))
        .unwrap_or_default();
    let count = outcome.stuck.len() as u64;
    let mut text = format!(
        "{} that postq put on hold {} still on hold",
        plural(count, "message", "messages"),
        if count == 1 { "is" } else { "are" }
    );
    match &outcome.stuck_file {
        Some(file) => {
            let _ = write!(
                text,
                ": release {} with: postsuper {config}-H - hold < {}",
                if count == 1 { "it" } else { "them" },
                shell_quote(&file.display().to_string())
            );
        }
        None => {
            let _ = write!(text, ": run postq {config}recover");
        }
    }
    text.push_str(".\n");
    text
}

/// After acting, what still matches the selection.
pub fn render_still_queued(count: u64) -> String {
    let mut text = format!(
        "{} matching the selection {} still queued (arrived, or in motion while the queue was \
         listed)",
        plural(count, "message", "messages"),
        if count == 1 { "is" } else { "are" }
    );
    text.push_str(": run the same command again, or add --repeat N.\n");
    text
}
