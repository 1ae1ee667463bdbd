//! The commands: each reads what it needs through the adapter and writes through a Console.

mod action;
mod flush;
mod list;
mod show;
mod summary;

use crate::action::Prompter;
use crate::cli::Command;
use crate::console::Console;
use crate::error::Result;
use crate::postfix::Operation;
use crate::postfix::Postfix;
use crate::settings::Settings;

pub fn run(
    command: &Command,
    settings: &Settings,
    postfix: &dyn Postfix,
    console: &mut Console<'_>,
    prompter: &mut dyn Prompter,
) -> Result<()> {
    use action::{run_action, run_purge};
    match command {
        Command::List(args) => list::run(settings, args, postfix, console),
        Command::Summary(args) => summary::run(settings, args, postfix, console),
        Command::Delete(args) => run_action(
            settings,
            Operation::Delete,
            &args.action,
            args.no_verify,
            postfix,
            console,
            prompter,
        ),
        Command::Hold(args) => run_action(
            settings,
            Operation::Hold,
            args,
            false,
            postfix,
            console,
            prompter,
        ),
        Command::Release(args) => run_action(
            settings,
            Operation::Release,
            args,
            false,
            postfix,
            console,
            prompter,
        ),
        Command::Requeue(args) => run_action(
            settings,
            Operation::Requeue,
            args,
            false,
            postfix,
            console,
            prompter,
        ),
        Command::Purge(args) => run_purge(settings, args, postfix, console, prompter),
        Command::Show(args) => show::run(settings, args, postfix, console),
        Command::Flush(args) => flush::run(settings, args, postfix, console, prompter),
        Command::Completions(args) => {
            console
                .out
                .write_all(crate::docs::completion_script(args.shell).as_bytes())?;
            Ok(())
        }
    }
}
