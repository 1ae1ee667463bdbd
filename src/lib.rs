//! postq: inspect and clean the Postfix mail queue.
//!
//! `postqueue -j` → [`queue`] reader → selection → [`render`] or an action plan →
//! one `postsuper` child. Everything that touches Postfix goes through [`postfix::Postfix`].

pub mod action;
pub mod cli;
pub mod commands;
pub mod console;
pub mod docs;
pub mod error;
pub mod filter;
pub mod postfix;
pub mod queue;
pub mod render;
pub mod scan;
pub mod selection;
pub mod settings;
pub mod summary;

use std::io::{self, BufWriter, Write};

use clap::Parser;

use crate::action::TerminalPrompter;
use crate::cli::Cli;
use crate::console::Console;
use crate::error::Error;
use crate::postfix::{Postfix, PostfixCommands};
use crate::settings::{Settings, Terminal};

/// Runs postq with the process's arguments; returns the exit status.
pub fn run() -> u8 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return report_clap_error(&err),
    };
    let settings = Settings::resolve(&cli.global, Terminal::detect());
    let postfix = PostfixCommands::new(settings.config_dir.clone());
    let mut out = BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    // Not locked for the whole run: a thread of an action writes a notice too.
    let mut err = io::stderr();
    let result = {
        let mut console = Console {
            out: &mut out,
            err: &mut err,
        };
        let mut prompter = TerminalPrompter;
        commands::run(
            &cli.command,
            &settings,
            &postfix,
            &mut console,
            &mut prompter,
        )
    };
    let result = result.and_then(|()| out.flush().map_err(Error::Output));
    match result {
        Ok(()) => 0,
        Err(error) => {
            // Whatever was written before the error still goes out.
            let _ = out.flush();
            report_error(&mut err, &error);
            error.exit_code()
        }
    }
}

/// `postq: error: ...` and a `hint: ...` where one helps.
pub fn report_error(stderr: &mut dyn Write, error: &Error) {
    if error.is_silent() {
        return;
    }
    let _ = writeln!(stderr, "postq: error: {error}");
    if let Some(hint) = error.hint() {
        let _ = writeln!(stderr, "hint: {hint}");
    }
}

fn report_clap_error(err: &clap::Error) -> u8 {
    use clap::error::ErrorKind;
    let text = err.render().to_string();
    match err.kind() {
        ErrorKind::DisplayHelp => {
            let mut stdout = io::stdout().lock();
            let _ = stdout.write_all(text.as_bytes());
            let _ = stdout.flush();
            0
        }
        ErrorKind::DisplayVersion => {
            // postq's version, and the Postfix version it would work with.
            let postfix = match PostfixCommands::new(None).mail_version() {
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
            let _ = write!(io::stderr(), "postq: error: {text}");
            2
        }
    }
}
