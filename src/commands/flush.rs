//! `postq flush`: try to deliver now. All deferred mail with `postqueue -f`, or the selected
//! deferred messages with `postqueue -i ID` each. More than one message needs a
//! confirmation, as the actions do.

use super::action::{confirm, read_queue, refuse_input};
use crate::action::{Consent, Prompter, consent};
use crate::cli::FlushArgs;
use crate::console::Console;
use crate::error::{Error, Result};
use crate::postfix::Postfix;
use crate::queue::QueueName;
use crate::render::{format_count, plural};
use crate::scan::Repeats;
use crate::selection::Selection;
use crate::settings::Settings;

pub fn run(
    settings: &Settings,
    args: &FlushArgs,
    postfix: &dyn Postfix,
    console: &mut Console<'_>,
    prompter: &mut dyn Prompter,
) -> Result<()> {
    refuse_input(settings, "flush")?;
    let selection = Selection::from_args(&args.selection)?;
    let now = settings.now;
    // Only deferred mail waits for a retry; the rest is on hold, or on its way already.
    let mut deferred: Vec<String> = Vec::new();
    let mut elsewhere: u64 = 0;
    read_queue(
        postfix,
        console,
        Repeats::Dropped,
        |entry| selection.matches(entry, now),
        |entry, _| {
            if entry.queue == QueueName::Deferred {
                deferred.push(entry.id.to_string());
            } else {
                elsewhere += 1;
            }
        },
    )?;
    let count = deferred.len();
    let what = plural(count as u64, "deferred message", "deferred messages");
    let left_alone = (elsewhere > 0 && selection.is_given()).then(|| {
        format!(
            "Left alone: {} not in the deferred queue\n",
            plural(elsewhere, "selected message", "selected messages")
        )
    });
    if count == 0 {
        writeln!(
            console.out,
            "Nothing to flush: no deferred message selected."
        )?;
        if let Some(text) = &left_alone {
            console.out.write_all(text.as_bytes())?;
        }
        return Ok(());
    }
    let preview = format!(
        "{what} to try now{}\n{}",
        if selection.is_given() {
            " (postqueue -i for each)"
        } else {
            " (postqueue -f)"
        },
        left_alone.clone().unwrap_or_default()
    );
    let decision = consent(
        args.confirm.dry_run,
        args.confirm.yes,
        settings.terminal.interactive(),
        count,
        false,
    );
    match decision {
        Consent::DryRun => {
            write!(console.out, "Would flush {preview}")?;
            writeln!(console.out, "Dry run: nothing was changed.")?;
            return Ok(());
        }
        // One message is no mass action: no question asked.
        _ if count == 1 => {}
        decision => confirm(decision, "flush", count, console, prompter, |console| {
            write!(console.err, "Flush {preview}")?;
            Ok(())
        })?,
    }
    if !selection.is_given() {
        postfix.flush_all()?;
        writeln!(
            console.out,
            "Asked Postfix to try {what} now (postqueue -f)."
        )?;
        return Ok(());
    }
    let mut failure: Option<Error> = None;
    let mut asked = 0u64;
    for id in &deferred {
        match postfix.flush_one(id) {
            Ok(()) => asked += 1,
            Err(err) => {
                // The first failure is reported; a failing postqueue fails for every ID.
                failure = Some(err.into());
                break;
            }
        }
    }
    writeln!(
        console.out,
        "Asked Postfix to try {} of {} now.",
        format_count(asked),
        what
    )?;
    match failure {
        Some(err) => Err(err),
        None => Ok(()),
    }
}
