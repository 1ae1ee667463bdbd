//! The commands, one file each: each is `run(ctx, args)` over the one [`Context`] they all
//! receive, reads the queue through the adapter and writes through the console.

mod act;
mod flush;
mod list;
mod purge;
mod show;
mod summarize;

use std::fs::File;
use std::io;

use crate::action::{Consent, Prompter};
use crate::cli::{Command, ConfirmArgs};
use crate::console::{Console, report_malformed};
use crate::error::{Error, Reading, Result};
use crate::postfix::{Listing, Operation, Postfix, SavedListing};
use crate::queue::QueueEntry;
use crate::scan::{Repeats, scan_queue};
use crate::settings::{Input, Settings};

/// What every command receives.
pub struct Context<'a> {
    pub settings: &'a Settings,
    pub postfix: &'a dyn Postfix,
    pub console: Console<'a>,
    pub prompter: &'a mut dyn Prompter,
}

pub fn run(command: &Command, ctx: &mut Context<'_>) -> Result<()> {
    match command {
        Command::List(args) => list::run(ctx, args),
        Command::Summary(args) => summarize::run(ctx, args),
        Command::Delete(args) => act::run(ctx, Operation::Delete, &args.action, args.no_verify),
        Command::Hold(args) => act::run(ctx, Operation::Hold, args, false),
        Command::Release(args) => act::run(ctx, Operation::Release, args, false),
        Command::Requeue(args) => act::run(ctx, Operation::Requeue, args, false),
        Command::Purge(args) => purge::run(ctx, args),
        Command::Show(args) => show::run(ctx, args),
        Command::Flush(args) => flush::run(ctx, args),
        Command::Completions(args) => ctx
            .console
            .out
            .write_all(crate::docs::completion_script(args.shell).as_bytes()),
    }
}

impl Context<'_> {
    /// Opens the queue listing for a read-only command: `postqueue -j`, or the `--input`
    /// dump.
    fn open_listing(&self) -> Result<Box<dyn Listing>> {
        match &self.settings.input {
            None => Ok(self.postfix.list_queue()?),
            Some(Input::Stdin) => Ok(Box::new(SavedListing(io::stdin()))),
            Some(Input::File(path)) => {
                let file = File::open(path).map_err(|source| Error::Input {
                    path: path.clone(),
                    source,
                })?;
                Ok(Box::new(SavedListing(file)))
            }
        }
    }

    /// What stands between a plan of `count` messages and the queue.
    fn consent(&self, confirm: &ConfirmArgs, count: usize, purge: bool) -> Consent {
        crate::action::consent(
            confirm.dry_run,
            confirm.yes,
            self.settings.terminal.interactive(),
            count,
            purge,
        )
    }

    /// Commands that change the queue work on the live one, never on a saved listing.
    fn refuse_input(&self, verb: &str) -> Result<()> {
        if self.settings.input.is_some() {
            return Err(Error::usage_with_hint(
                format!(
                    "{verb} acts on the live queue; --input is a saved listing, no basis for \
                     changing it"
                ),
                "drop --input (give -c DIR for another Postfix instance); preview with --dry-run",
            ));
        }
        Ok(())
    }

    /// Reads the live queue whole for an action, handing each selected message to `add`.
    /// Any malformed line or a failing postqueue stops the action here, before anything
    /// changed.
    fn read_live_queue<S, A>(&mut self, repeats: Repeats, select: S, mut add: A) -> Result<()>
    where
        S: FnMut(&QueueEntry<'_>) -> bool,
        A: FnMut(&QueueEntry<'_>, &str),
    {
        let listing = self.postfix.list_queue()?;
        let err = &mut *self.console.err;
        let report = scan_queue(
            listing,
            repeats,
            select,
            |line| {
                add(&line.entry, line.text);
                Ok(std::ops::ControlFlow::Continue(()))
            },
            |bad| report_malformed(&mut *err, bad),
        )?;
        for warning in &report.warnings {
            self.console.warn(warning);
        }
        if report.malformed > 0 {
            return Err(Error::MalformedLines {
                count: report.malformed,
                during: Reading::Plan,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
