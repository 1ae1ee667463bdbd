//! The commands, one file each: each is `run(ctx, args)` over the one [`Context`] they all
//! receive, reads the queue through the adapter and writes through the console.

mod act;
mod act_fleet;
mod check;
mod flush;
mod list;
mod metrics;
mod purge;
mod recover;
mod show;
mod summarize;
mod watch;

use std::fs::File;
use std::io;
use std::path::PathBuf;

use crate::action::{Consent, Prompter, instance_key, interrupted, read_journal};
use crate::cli::{Command, ConfirmArgs};
use crate::console::{Console, report_malformed};
use crate::error::{Error, Reading, Result};
use crate::postfix::{
    Listing, LoggedOrigins, Operation, Origins, Postfix, Sampled, SavedListing, read_maillog,
};
use crate::progress::Progress;
use crate::queue::QueueEntry;
use crate::render::{format_age, plural};
use crate::scan::{Repeats, scan_queue};
use crate::selection::{Selection, Selector};
use crate::settings::{Input, Settings};

/// Up to this many messages, reading who sent every message goes with a summary or a check
/// by itself (about a second per 100,000 here: docs/performance.md).
const ORIGINS_BY_ITSELF: usize = 100_000;

/// Why who sent each message was not read.
enum Unread {
    /// A saved listing (--input) has no queue files.
    SavedListing,
    /// More messages than [`ORIGINS_BY_ITSELF`].
    TooMany(usize),
    /// The queue files cannot be read by this user (the error).
    NotReadable(String),
    /// The queue files are on other hosts (--host), or several instances are read.
    Elsewhere,
}

impl Unread {
    /// Said in a line: what `check` and `metrics` say when they group by sender instead.
    fn briefly(&self) -> String {
        match self {
            Unread::SavedListing => "a saved listing has no queue files".into(),
            Unread::TooMany(_) => format!(
                "more than {} messages",
                crate::render::format_count(ORIGINS_BY_ITSELF as u64)
            ),
            Unread::NotReadable(_) => "the queue files are not readable by this user".into(),
            Unread::Elsewhere => "the queue files are on other hosts or instances".into(),
        }
    }
}

/// The queue files to read origins from, when something needs them.
type QueueOrigins = Option<Box<dyn Origins>>;

/// What every command receives.
pub struct Context<'a> {
    pub settings: &'a Settings,
    pub postfix: &'a dyn Postfix,
    pub console: Console<'a>,
    pub prompter: &'a mut dyn Prompter,
}

pub fn run(command: &Command, ctx: &mut Context<'_>) -> Result<()> {
    if !matches!(command, Command::Completions(_)) {
        ctx.check_config_dir()?;
    }
    let about_the_queue = !matches!(command, Command::Completions(_) | Command::Recover(_));
    if about_the_queue && ctx.settings.input.is_none() {
        ctx.warn_interrupted();
    }
    if ctx.settings.places > 1
        && matches!(
            command,
            Command::Purge(_) | Command::Recover(_) | Command::Flush(_)
        )
    {
        return Err(Error::usage_with_hint(
            "purge, recover and flush work on one Postfix instance at a time: nothing was changed",
            "name one: --host HOST[:CONFIG_DIR] or --instance NAME",
        ));
    }
    match command {
        Command::List(args) => list::run(ctx, args),
        Command::Summary(args) => summarize::run(ctx, args),
        Command::Delete(args) => act::run(ctx, Operation::Delete, &args.action, args.no_verify),
        Command::Hold(args) => act::run(ctx, Operation::Hold, args, false),
        Command::Release(args) => act::run(ctx, Operation::Release, args, false),
        Command::Requeue(args) => act::run(ctx, Operation::Requeue, args, false),
        Command::Purge(args) => purge::run(ctx, args),
        Command::Recover(args) => recover::run(ctx, args),
        Command::Show(args) => show::run(ctx, args),
        Command::Check(args) => check::run(ctx, args),
        Command::Metrics(args) => metrics::run(ctx, args),
        Command::Watch(args) => watch::run(ctx, args),
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

    /// Says so when an earlier action on this instance was interrupted and may have left
    /// mail on hold.
    fn warn_interrupted(&mut self) {
        let settings = self.settings;
        for path in interrupted(&settings.state_dir, settings.journal_place().as_deref()) {
            let warning = match read_journal(&path) {
                Ok(journal) => format!(
                    "an interrupted {} (postq process {}, {} ago) may have left {} on hold; run: {}",
                    journal.operation.verb(),
                    journal.pid,
                    format_age(settings.now - journal.started),
                    plural(journal.maybe_held().len() as u64, "message", "messages"),
                    self.postq_command("recover")
                ),
                Err(err) => {
                    format!("an interrupted action left a journal that cannot be read: {err}")
                }
            };
            self.console.warn(&warning);
        }
    }

    /// `-c` names a directory: a file (main.cf itself, say) is a mistake to name, with its
    /// directory as the fix.
    fn check_config_dir(&self) -> Result<()> {
        let Some(dir) = &self.settings.config_dir else {
            return Ok(());
        };
        if dir.is_file() {
            let parent = dir
                .parent()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            return Err(Error::usage_with_hint(
                format!(
                    "-c {} is a file; it takes a configuration directory",
                    dir.display()
                ),
                format!("give the directory that holds main.cf: -c {parent}"),
            ));
        }
        Ok(())
    }

    /// `postq [-c DIR] ARGS`, for the user to copy.
    fn postq_command(&self, args: &str) -> String {
        format!("{} {args}", self.settings.postq())
    }

    /// Writes the IDs of messages postq put on hold and could not release to a file in the
    /// state directory, ready for `postsuper -H - hold`.
    fn write_stuck(&mut self, ids: &[String]) -> Option<PathBuf> {
        let settings = self.settings;
        let name = format!(
            "stuck-{}-{}-{}.ids",
            instance_key(settings.journal_place().as_deref()),
            std::process::id(),
            settings.now
        );
        let path = settings.state_dir.join(name);
        // Appended: a second round's stuck messages join the first's.
        let text: String = ids.iter().map(|id| format!("{id}\n")).collect();
        let written = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .and_then(|mut file| std::io::Write::write_all(&mut file, text.as_bytes()));
        match written {
            Ok(()) => Some(path),
            Err(err) => {
                self.console.warn(&format!(
                    "cannot write {}: {err}; the messages are: {}",
                    path.display(),
                    ids.join(" ")
                ));
                None
            }
        }
    }

    /// The queue files, when selecting (or `wanted`: a grouping, a JSON member) needs
    /// origins; they are read from the live queue only.
    fn origins(&self, selection: &Selection, wanted: bool) -> Result<QueueOrigins> {
        if !wanted && !selection.needs_origin() {
            return Ok(None);
        }
        if self.settings.input.is_some() {
            return Err(Error::usage_with_hint(
                "who sent a message (account, client, origin, subject...) is read from its queue \
                 file; a saved listing (--input) has none",
                "drop --input, or select and group by postqueue's fields only",
            ));
        }
        let files = self.postfix.origins()?;
        let Some(maillog) = &self.settings.maillog else {
            return Ok(Some(files));
        };
        let log = match maillog {
            Input::Stdin => read_maillog(io::stdin().lock()),
            Input::File(path) => {
                File::open(path).and_then(|file| read_maillog(io::BufReader::new(file)))
            }
        }
        .map_err(|source| Error::Input {
            path: match maillog {
                Input::Stdin => PathBuf::from("-"),
                Input::File(path) => path.clone(),
            },
            source,
        })?;
        Ok(Some(Box::new(LoggedOrigins { files, log })))
    }

    /// The queue files of the one live instance on this machine, for what reads origins
    /// by itself; or why not.
    fn local_origins(&self) -> std::result::Result<Box<dyn Origins>, Unread> {
        if self.settings.input.is_some() {
            return Err(Unread::SavedListing);
        }
        if self.settings.places > 1 || self.settings.host.is_some() {
            return Err(Unread::Elsewhere);
        }
        self.postfix
            .origins()
            .map_err(|err| Unread::NotReadable(err.to_string()))
    }

    /// The queue files when reading who sent every message is cheap (at most
    /// [`ORIGINS_BY_ITSELF`] messages), or why they are left unread.
    fn origins_if_cheap(&self) -> std::result::Result<Box<dyn Origins>, Unread> {
        let origins = self.local_origins()?;
        match origins.count() {
            count if count <= ORIGINS_BY_ITSELF => Ok(origins),
            count => Err(Unread::TooMany(count)),
        }
    }

    /// For check and metrics, run every minute: who sent every message of a queue of up to
    /// 10,000 messages, else of a sample of about as many; or why not.
    fn sampled_origins(&self) -> std::result::Result<Sampled, Unread> {
        self.local_origins().map(Sampled::new)
    }

    /// Progress of a read, on a terminal: origins read where they are, else the listing.
    fn progress(&self, selector: &Selector<'_>) -> Progress {
        let terminal = self.settings.terminal.stderr;
        if selector.reads_origins() {
            Progress::show(
                terminal,
                "reading who sent each message",
                selector.read_counter(),
            )
        } else {
            Progress::listing(terminal)
        }
    }

    /// Says how many selected messages left the queue while their origins were read.
    fn note_gone(&mut self, gone: u64) {
        if gone > 0 {
            self.console.note(&format!(
                "{} left the queue while their origins were read (delivered, expired or deleted)",
                plural(gone, "message", "messages")
            ));
        }
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
        S: FnMut(&mut QueueEntry<'_>) -> bool,
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
