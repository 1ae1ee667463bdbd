//! The commands: each reads what it needs through the adapter and writes through a Console.

mod list;

use crate::cli::Command;
use crate::console::Console;
use crate::error::Result;
use crate::postfix::Postfix;
use crate::settings::Settings;

pub fn run(
    command: &Command,
    settings: &Settings,
    postfix: &dyn Postfix,
    console: &mut Console<'_>,
) -> Result<()> {
    match command {
        Command::List(args) => list::run(settings, args, postfix, console),
    }
}
