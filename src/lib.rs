//! postq: inspect and clean the Postfix mail queue.
//!
//! The data's way: `postqueue -j` through the [`postfix`] adapter → the [`queue`] reader
//! ([`scan`] streams it, on every core where order does not matter) → the [`selection`] →
//! either a [`summary`] or the [`action`] pipeline (plan → consent → execution → outcome)
//! → [`render`] for people and programs. [`commands`] holds one file per command over one
//! [`commands::Context`]. Everything that touches Postfix goes through
//! [`postfix::Postfix`].
//!
//! Everything is `pub(crate)`: postq is a program. The few `pub` items below are what its
//! benches, examples and integration tests use.

mod action;
mod cli;
mod commands;
mod console;
mod docs;
mod error;
mod places;
mod postfix;
mod progress;
mod queue;
mod render;
mod scan;
mod selection;
mod settings;
mod signals;
mod summary;
#[doc(hidden)]
pub mod testing;

use std::io::{self, BufWriter, Write};

use clap::Parser;

use crate::action::{Prompter, TerminalPrompter};
use crate::cli::Cli;
use crate::commands::Context;
use crate::console::{Console, Level, report, report_error};
use crate::error::Error;
use crate::postfix::{DEFAULT_TIMEOUT, Postfix, PostfixPrograms};
use crate::settings::{Settings, Terminal};

// For the benches (hot paths), the docs generator and the docs tests.
pub use crate::docs::{COMPLETION_FILES, completion_script, man_page};
pub use crate::queue::{QueueEntry, parse_line};
pub use crate::selection::compile_expression;
pub use crate::summary::{Aggregator, Grouping, normalize_reason};

/// Runs postq with the process's arguments; returns the exit status.
pub fn run() -> u8 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return report_clap_error(&err),
    };
    let mut settings = Settings::resolve(&global_args(&cli), Terminal::detect());
    if cli.global.timeout.is_none() {
        // A check never hangs, and monitoring systems wait about as long; metrics run
        // every minute.
        match cli.command {
            cli::Command::Check(_) => settings.timeout = std::time::Duration::from_secs(10),
            cli::Command::Metrics(_) => settings.timeout = std::time::Duration::from_secs(30),
            _ => {}
        }
    }
    signals::watch();
    let mut err = io::stderr();
    let fleet = match places::build(&cli, &mut settings) {
        Ok(fleet) => fleet,
        Err(error) => {
            report_error(&mut err, &error);
            return error.exit_code();
        }
    };
    let programs = PostfixPrograms::new(settings.config_dir.clone(), settings.timeout);
    let postfix: &dyn Postfix = match &fleet {
        Some(fleet) => fleet,
        None => &programs,
    };
    let mut out = BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    // Not locked for the whole run: a thread of an action writes a notice too.
    let code = run_command(
        &cli,
        &settings,
        postfix,
        &mut out,
        &mut err,
        &mut TerminalPrompter,
    );
    match &fleet {
        Some(fleet) => places::report_failures(fleet, code, &mut err),
        None => code,
    }
}

/// Runs postq on `args` (without the program name) against `postfix`, a test double, with
/// no terminal: what the integration tests use to doctor what Postfix answers.
pub fn run_with(
    args: &[&str],
    postfix: &testing::FakePostfix,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let cli = match Cli::try_parse_from(std::iter::once("postq").chain(args.iter().copied())) {
        Ok(cli) => cli,
        Err(clap_error) => {
            let _ = write!(err, "{}", clap_error.render());
            return 2;
        }
    };
    let mut settings = Settings::resolve(&global_args(&cli), Terminal::default());
    settings.state_dir =
        std::env::temp_dir().join(format!("postq-run-with-{}", std::process::id()));
    run_command(&cli, &settings, postfix, out, err, &mut TerminalPrompter)
}

/// The global options, with `--input` from wherever it was given.
fn global_args(cli: &Cli) -> cli::GlobalArgs {
    let mut global = cli.global.clone();
    if global.input.is_none() {
        global.input = cli.command.input().cloned();
    }
    global
}

fn run_command(
    cli: &Cli,
    settings: &Settings,
    postfix: &dyn Postfix,
    out: &mut dyn Write,
    err: &mut dyn Write,
    prompter: &mut dyn Prompter,
) -> u8 {
    let result = {
        let mut ctx = Context {
            settings,
            postfix,
            console: Console::new(&mut *out, &mut *err),
            prompter,
        };
        if cli.global.input.is_some() && cli.command.input().is_some() {
            Err(Error::usage_with_hint(
                "--input is given both before and after the command",
                "give it once: postq list --input FILE, or postq --input FILE list",
            ))
        } else {
            commands::run(&cli.command, &mut ctx)
        }
    };
    let result = result.and_then(|()| out.flush().map_err(Error::Output));
    match result {
        Ok(()) => 0,
        Err(error) => {
            // Whatever was written before the error still goes out.
            let _ = out.flush();
            report_error(err, &error);
            error.exit_code()
        }
    }
}

/// Whether the command line, even a wrong one, runs `check`.
fn is_check() -> bool {
    use clap::CommandFactory;
    Cli::command()
        .ignore_errors(true)
        .try_get_matches()
        .is_ok_and(|matches| matches.subcommand_name() == Some("check"))
}

fn report_clap_error(err: &clap::Error) -> u8 {
    use clap::error::ErrorKind;
    let text = err.render().to_string();
    if is_check()
        && !matches!(
            err.kind(),
            ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
        )
    {
        // A monitoring plugin's bad argument is UNKNOWN on stdout, not 2 (CRITICAL).
        let reason = text.lines().next().unwrap_or_default();
        let reason = reason.strip_prefix("error: ").unwrap_or(reason);
        let mut stdout = io::stdout().lock();
        let _ = writeln!(stdout, "POSTQ UNKNOWN - {reason}");
        let _ = stdout.flush();
        return 3;
    }
    match err.kind() {
        ErrorKind::DisplayHelp => {
            let mut stdout = io::stdout().lock();
            let _ = stdout.write_all(text.as_bytes());
            let _ = stdout.flush();
            0
        }
        ErrorKind::DisplayVersion => {
            // postq's version, and the Postfix version it would work with.
            let postfix = match PostfixPrograms::new(None, DEFAULT_TIMEOUT).mail_version() {
                Some(version) => format!("Postfix {version}"),
                None => "Postfix: not found (no postconf in PATH, /usr/sbin or /usr/local/sbin)"
                    .to_string(),
            };
            let mut stdout = io::stdout().lock();
            let _ = writeln!(stdout, "{text}{postfix}");
            let _ = stdout.flush();
            0
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = io::stderr().write_all(text.as_bytes());
            2
        }
        _ => {
            let text = text.strip_prefix("error: ").unwrap_or(&text);
            report(&mut io::stderr(), Level::Error, text.trim_end(), None);
            2
        }
    }
}
